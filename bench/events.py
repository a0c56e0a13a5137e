"""Event logs (issue 22): 1,000,000 events of 100,000 customers over 40 touchpoints.

Targets: the import (flows included) within 10 s and 300 MB; the flows of a map
read (one stored log) and aggregated afresh (what several logs cost) within 1 s.
"""

from __future__ import annotations

import csv
import random
import time
from datetime import datetime, timedelta
from pathlib import Path

from bench.data import DATA

EVENTS, CUSTOMERS, TOUCHPOINTS = 1_000_000, 100_000, 40


def events_map() -> Path:
    """A map of 8 stages x 1 lane with 40 touchpoints ("Touchpoint 1" ...)."""
    from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
    from journeymap.storage import Document

    path = DATA / "events-map.jmap"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    tmp.unlink(missing_ok=True)
    with Document.create(tmp) as doc, doc.transaction():
        map_id = doc.add_map(JourneyMap("Omnichannel retail"))
        stages = [doc.add_stage(Stage(map_id, f"Stage {i + 1}", i)) for i in range(8)]
        lane = doc.add_lane(Lane(map_id, "Touchpoints"))
        for i in range(TOUCHPOINTS):
            doc.add_touchpoint(Touchpoint(map_id, stages[i // 5], lane, f"Touchpoint {i + 1}"))
    tmp.replace(path)
    return path


def events_csv() -> Path:
    """A CRM-like export: contact id, ISO timestamp, touchpoint title, channel, outcome (on the last event)."""
    path = DATA / f"events-{EVENTS}.csv"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    rng = random.Random(22)
    start = datetime(2025, 1, 1)
    channels = ("web", "email", "store", "phone", "app")
    per = EVENTS // CUSTOMERS
    tmp = path.with_suffix(".part")
    with open(tmp, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Contact ID", "Activity date", "Touchpoint", "Channel", "Outcome"])
        rows = []
        for c in range(CUSTOMERS):
            t = start + timedelta(minutes=rng.randint(0, 500_000))
            tp = rng.randint(1, 8)
            for k in range(per):
                t += timedelta(minutes=rng.randint(5, 3000))
                tp = max(1, min(TOUCHPOINTS, tp + rng.choice((-1, 1, 1, 2, 3, 0))))
                outcome = "purchase" if k == per - 1 and rng.random() < 0.3 else ""
                rows.append((f"003{c:07d}", t.strftime("%Y-%m-%d %H:%M:%S"), f"Touchpoint {tp}",
                             rng.choice(channels), outcome))
            if len(rows) >= 50_000:
                rng.shuffle(rows)  # exports are not in journey order
                w.writerows(rows)
                rows = []
        w.writerows(rows)
    tmp.replace(path)
    return path


def _imported() -> Path:
    from bench.data import fresh_copy

    path = DATA / "events-1m.jmap"
    if not path.exists():
        from journeymap.services.event_import import import_events
        from journeymap.storage import Document

        tmp = fresh_copy(events_map(), "events-1m.part")
        with Document.open(tmp) as doc:
            import_events(doc, doc.maps()[0].id, events_csv())
        tmp.replace(path)
    return path


def import_events_1m() -> float:
    from bench.data import fresh_copy
    from journeymap.services.event_import import import_events
    from journeymap.storage import Document

    source = events_csv()
    path = fresh_copy(events_map(), "events-import.jmap")
    with Document.open(path) as doc:
        t0 = time.perf_counter()
        result = import_events(doc, doc.maps()[0].id, source)
        elapsed = time.perf_counter() - t0
    assert result.imported == EVENTS and result.customers == CUSTOMERS, result.imported
    return elapsed


def flows_stored_1m() -> float:
    from journeymap.storage import Document
    from journeymap.storage.events_sql import map_flows

    with Document.open(_imported(), read_only=True) as doc:
        t0 = time.perf_counter()
        flows = map_flows(doc, doc.maps()[0].id)
        elapsed = time.perf_counter() - t0
    assert flows.customers == CUSTOMERS
    return elapsed


def flows_computed_1m() -> float:
    from journeymap.storage import Document
    from journeymap.storage.events_sql import compute_flows, event_batches

    with Document.open(_imported(), read_only=True) as doc:
        batches = event_batches(doc, doc.maps()[0].id)
        t0 = time.perf_counter()
        flows = compute_flows(doc, batches)
        elapsed = time.perf_counter() - t0
    assert flows.events == EVENTS
    return elapsed
