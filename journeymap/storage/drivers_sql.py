"""Storage hook of the driver analysis: (touchpoint score, overall score) pairs per respondent.

The overall likelihood to recommend comes with the survey exports of issue 19
("overall NPS"), which adds it to ``responses``; until a document has that
column (``OVERALL_COLUMN``), :func:`overall_pairs` finds no pairs and the
driver chart says so. Tests give the column to a document of their own.
"""

from __future__ import annotations

from journeymap.storage.document import Document

OVERALL_COLUMN = "overall_score"


def has_overall(doc: Document) -> bool:
    return any(row[1] == OVERALL_COLUMN for row in doc.execute("PRAGMA table_info(responses)"))


def overall_pairs(doc: Document, map_id: int, segment: str | None = None) -> dict[int, list[tuple[int, int]]]:
    """Touchpoint id -> (its score, the same respondent's overall score) of every answer that has both."""
    if not has_overall(doc):
        return {}
    sql = (f"SELECT r.touchpoint_id, r.score, r.{OVERALL_COLUMN} FROM responses r "
           f"WHERE r.{OVERALL_COLUMN} IS NOT NULL AND r.touchpoint_id IN (SELECT id FROM touchpoints WHERE map_id = ?)")
    params: list[object] = [map_id]
    if segment:
        sql += " AND r.segment = ?"
        params.append(segment)
    out: dict[int, list[tuple[int, int]]] = {}
    for tid, score, overall in doc.execute(sql, params):
        out.setdefault(tid, []).append((int(score), int(overall)))
    return out
