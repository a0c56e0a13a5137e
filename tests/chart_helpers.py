"""A small scored map that the analytics chart and dock tests share."""

from __future__ import annotations

from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
from journeymap.storage import Document


def make_doc(path) -> tuple[Document, int, dict[str, int]]:
    """A map with three stages; A, B in S1, C in S2, D (no data) in S3.

    A: impact 5, scores 2 3 9 6 -> NPS -50 (Jan: 2, 3; Mar: 9, 6), segment Business
    B: impact 2, scores 10 9 9 8 10 -> NPS 80, segment Leisure
    C: impact 4, scores 9 7 5 10 -> NPS 25, mixed segments
    """
    doc = Document.create(path)
    m = doc.add_map(JourneyMap("Test journey"))
    s1, s2, s3 = (doc.add_stage(Stage(m, name, i)) for i, name in enumerate(["S1", "S2", "S3"]))
    lane = doc.add_lane(Lane(m, "Touchpoints"))
    ids = {
        "A": doc.add_touchpoint(Touchpoint(m, s1, lane, "A", impact=5)),
        "B": doc.add_touchpoint(Touchpoint(m, s1, lane, "B", impact=2)),
        "C": doc.add_touchpoint(Touchpoint(m, s2, lane, "C", impact=4)),
        "D": doc.add_touchpoint(Touchpoint(m, s3, lane, "D", impact=3)),
    }
    a, b, c = ids["A"], ids["B"], ids["C"]
    doc.insert_responses([
        (a, 2, -0.8, "", "2024-01-05", "Business", None),
        (a, 3, -0.6, "", "2024-01-20", "Business", None),
        (a, 9, 0.5, "", "2024-03-02", "Business", None),
        (a, 6, None, "", "2024-03-15", "Business", None),
        (b, 10, 0.9, "", "2024-02-01", "Leisure", None),
        (b, 9, 0.7, "", "2024-02-03", "Leisure", None),
        (b, 9, 0.6, "", "2024-02-04", "Leisure", None),
        (b, 8, 0.2, "", None, "Leisure", None),
        (b, 10, 1.0, "", "2024-04-30", "Leisure", None),
        (c, 9, 0.4, "", "2024-02-10", "Business", None),
        (c, 7, 0.0, "", "2024-02-11", "Leisure", None),
        (c, 5, -0.5, "", "2024-02-12", "Business", None),
        (c, 10, 0.8, "", "2024-02-13", "Leisure", None),
    ])
    return doc, m, ids
