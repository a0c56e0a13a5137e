"""Storage hook of the driver analysis: (touchpoint score, overall score) pairs per respondent.

The wide survey import (services.survey_wide) writes each respondent's answer
to the overall "how likely are you to recommend..." question on every one of
their touchpoint answers, in ``responses.overall_score`` (format 8); answers
of files without that question (long files, manual entry) leave it NULL and
form no pair. ``has_overall`` stays for documents opened read-only before
their upgrade.
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
