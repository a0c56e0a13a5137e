"""Demo survey data for the sample document, so a newcomer sees overlays and charts at once.

The responses are recorded as one import batch named "Sample survey (demo
data)", so they are visible in the import history and can be removed there.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from journeymap.domain.model import ImportBatch, Sensation
from journeymap.storage import Document

SOURCE = "Sample survey (demo data)"
SEGMENTS = ("Flagship store", "Mall store", "Outlet")
# Mean score by sensation; moments of truth spread wider.
_MEAN = {Sensation.POSITIVE: 8.6, Sensation.NEUTRAL: 7.4, Sensation.NEGATIVE: 5.2}


def add_demo_responses(doc: Document, map_id: int, seed: int = 7, months: int = 6) -> int:
    """Add 20-90 deterministic responses per touchpoint of the map's touchpoints lane; returns the count."""
    rng = random.Random(seed)
    touchpoints = doc.touchpoints(map_id)
    lanes = {lane.id: lane.kind for lane in doc.lanes(map_id)}
    start = date.today().replace(day=1) - timedelta(days=30 * (months - 1))
    rows = []
    with doc.transaction():
        batch_id = doc.add_batch(
            ImportBatch(map_id, SOURCE, datetime.now().astimezone().isoformat(timespec="seconds"))
        )
        for tp in touchpoints:
            if str(lanes.get(tp.lane_id)) not in ("touchpoints", "pain_points"):
                continue
            mean = _MEAN[tp.sensation] - (1.5 if str(lanes.get(tp.lane_id)) == "pain_points" else 0.0)
            spread = 2.4 if tp.moment_of_truth else 1.6
            for _ in range(rng.randint(20, 90)):
                score = max(0, min(10, round(rng.gauss(mean, spread))))
                sentiment = max(-1.0, min(1.0, round((score - 6.5) / 3.5 + rng.gauss(0, 0.2), 2)))
                day = start + timedelta(days=rng.randrange(30 * months))
                rows.append((tp.id, score, sentiment, "", day.isoformat(), rng.choice(SEGMENTS), batch_id))
        doc.insert_responses(rows)
        doc.update_batch(batch_id, rows=len(rows))
    return len(rows)
