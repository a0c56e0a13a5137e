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
SOURCES = {"en": SOURCE, "es": "Encuesta de ejemplo (datos de demostración)"}
SEGMENTS = ("Flagship store", "Mall store", "Outlet")
SEGMENTS_BY_LANG = {"en": SEGMENTS, "es": ("Tienda insignia", "Tienda del centro comercial", "Outlet")}
# What customers wrote, by how they felt (a third of the answers carry a comment).
COMMENTS = {
    "en": {
        "promoter": ("Lovely shop, I'll be back.", "The staff were really helpful.", "Found exactly what I wanted.",
                     "Beautiful window, it made me come in.", "Quick and friendly."),
        "passive": ("Fine, nothing special.", "OK, but I had to look for someone to ask.",
                    "Good products, a bit expensive.", "It was alright."),
        "detractor": ("The queue at the checkout was endless.", "Nobody came to help me.",
                      "The fitting rooms were a mess.", "They did not have my size and could not order it.",
                      "Too noisy and crowded."),
    },
    "es": {
        "promoter": ("Una tienda preciosa, volveré.", "El personal me ayudó muchísimo.",
                     "Encontré justo lo que buscaba.", "El escaparate me hizo entrar.",
                     "Rápido y con mucha amabilidad."),
        "passive": ("Bien, nada especial.", "Correcto, pero tuve que buscar a alguien para preguntar.",
                    "Buenos productos, algo caros.", "Estuvo bien."),
        "detractor": ("La cola de la caja era eterna.", "Nadie vino a atenderme.",
                      "Los probadores estaban hechos un desastre.", "No tenían mi talla y no pudieron pedirla.",
                      "Demasiado ruido y demasiada gente."),
    },
}
# Mean score by sensation; moments of truth spread wider.
_MEAN = {Sensation.POSITIVE: 8.6, Sensation.NEUTRAL: 7.4, Sensation.NEGATIVE: 5.2}


def add_demo_responses(doc: Document, map_id: int, seed: int = 7, months: int = 6, lang: str = "en") -> int:
    """Add 20-90 deterministic responses per touchpoint of the map's touchpoints lane; returns the count.

    Store names, comments and the batch's name are in *lang* ("en", "es").
    """
    lang = lang if lang in SOURCES else "en"
    segments, comments = SEGMENTS_BY_LANG[lang], COMMENTS[lang]
    rng = random.Random(seed)
    touchpoints = doc.touchpoints(map_id)
    lanes = {lane.id: lane.kind for lane in doc.lanes(map_id)}
    start = date.today().replace(day=1) - timedelta(days=30 * (months - 1))
    rows = []
    with doc.transaction():
        batch_id = doc.add_batch(
            ImportBatch(map_id, SOURCES[lang], datetime.now().astimezone().isoformat(timespec="seconds"))
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
                group = "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"
                comment = rng.choice(comments[group]) if rng.random() < 0.33 else ""
                rows.append((tp.id, score, sentiment, comment, day.isoformat(), rng.choice(segments), batch_id))
        doc.insert_responses(rows)
        doc.update_batch(batch_id, rows=len(rows))
    return len(rows)
