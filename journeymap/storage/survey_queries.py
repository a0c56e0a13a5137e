"""Read-only survey queries of the voice-of-the-customer features (comments, comparisons, trends).

The SQL lives here (storage is the only layer that speaks it); services turn
the rows into what the CLI and the GUI show. Comments are filtered, sorted and
counted in ``comment_rows`` (one narrow row per response with a comment, on
covering indexes: date first, so the newest page of a million comments is a
short index walk); ``responses`` is read only for the rows of the page, and a
search goes through the FTS5 index ``comments_fts`` (see comments_index).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from journeymap.storage import comments_index
from journeymap.storage.document import Document

GROUPS = ("promoter", "passive", "detractor")
GROUP_SQL = {"promoter": "c.score >= 9", "passive": "c.score BETWEEN 7 AND 8", "detractor": "c.score <= 6"}
# The faces of the sentiment overlay, coarsened to three (ui.scene.overlays.sentiment_level).
SENTIMENTS = ("negative", "neutral", "positive", "none")
SENTIMENT_SQL = {
    "negative": "c.sentiment < -0.25",
    "neutral": "c.sentiment BETWEEN -0.25 AND 0.25",
    "positive": "c.sentiment > 0.25",
    "none": "c.sentiment IS NULL",
}
SORTS = {
    "newest": "c.date DESC, c.id DESC",
    "oldest": "c.date ASC, c.id ASC",
    "lowest": "c.score ASC, c.date DESC, c.id DESC",
    "highest": "c.score DESC, c.date DESC, c.id DESC",
}


@dataclass(frozen=True)
class CommentQuery:
    """Which comments: a scope (touchpoints, a stage or the whole map) and filters.

    Dates are ISO ``YYYY-MM-DD`` and both ends are included.
    """

    map_id: int
    touchpoint_ids: tuple[int, ...] = ()
    stage_id: int | None = None
    group: str | None = None
    segment: str | None = None
    sentiment: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    search: str = ""

    def replace(self, **changes: object) -> CommentQuery:
        values = {k: getattr(self, k) for k in self.__dataclass_fields__}
        values.update(changes)
        return CommentQuery(**values)  # type: ignore[arg-type]


class CommentRow(NamedTuple):
    id: int
    touchpoint_id: int
    score: int | None
    sentiment: float | None
    comment: str
    date: str | None
    segment: str


def _where(q: CommentQuery, *, with_group: bool = True, whole_document: bool = False
           ) -> tuple[str, list[object]] | None:
    """SQL condition and parameters on ``comment_rows c``; None when nothing can match.

    *whole_document*: the map is the document's only one, so the map scope needs no test.
    """
    parts: list[str] = ["1"]
    params: list[object] = []
    if whole_document and not q.touchpoint_ids and q.stage_id is None:
        pass
    elif q.touchpoint_ids:
        parts.append(f"c.touchpoint_id IN ({','.join('?' * len(q.touchpoint_ids))})")
        params += list(q.touchpoint_ids)
    elif q.stage_id is not None:
        parts.append("c.touchpoint_id IN (SELECT id FROM touchpoints WHERE stage_id = ? AND map_id = ?)")
        params += [q.stage_id, q.map_id]
    else:
        parts.append("c.touchpoint_id IN (SELECT id FROM touchpoints WHERE map_id = ?)")
        params.append(q.map_id)
    if with_group and q.group:
        parts.append(GROUP_SQL[q.group])
    if q.segment:
        parts.append("c.segment = ?")
        params.append(q.segment)
    if q.sentiment:
        parts.append(SENTIMENT_SQL[q.sentiment])
    if q.date_from:
        parts.append("c.date >= ?")
        params.append(q.date_from)
    if q.date_to:
        parts.append("c.date < ?")  # dates may carry a time: up to the next day
        params.append(_next_day(q.date_to))
    if q.search.strip():
        match = comments_index.match_query(q.search)
        if match is None:
            return None
        parts.append(f"c.id IN (SELECT rowid FROM {comments_index.TABLE} WHERE {comments_index.TABLE} MATCH ?)")
        params.append(match)
    return " AND ".join(parts), params


def _next_day(iso: str) -> str:
    try:
        return (date.fromisoformat(iso[:10]) + timedelta(days=1)).isoformat()
    except ValueError:
        return iso


# Filter, sort and page on comment_rows (covering indexes); read responses only for the rows shown.
_SELECT = ("SELECT c.id, c.touchpoint_id, c.score, c.sentiment, r.comment, c.date, c.segment "
           "FROM comment_rows c CROSS JOIN responses r ON r.id = c.id")


def _only_map(doc: Document, map_id: int) -> bool:
    return doc.execute("SELECT COUNT(*) = 1 AND MIN(id) = ? FROM maps", [map_id]).fetchone()[0] == 1


def _select(q: CommentQuery, sort: str) -> str:
    """The page query's FROM: a map or stage walks the date index (newest first, stop at the page),
    a few touchpoints their own index (SQLite's planner would take that one for a whole map too)."""
    if q.touchpoint_ids or sort not in ("newest", "oldest"):
        return _SELECT
    return _SELECT.replace("FROM comment_rows c", "FROM comment_rows c INDEXED BY idx_comment_rows_date")


def comment_page(doc: Document, q: CommentQuery, sort: str = "newest", offset: int = 0,
                 limit: int = 200) -> list[CommentRow]:
    """One page of comments in *sort* order."""
    where = _where(q, whole_document=_only_map(doc, q.map_id))
    if where is None:
        return []
    sql, params = where
    rows = doc.execute(f"{_select(q, sort)} WHERE {sql} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?",
                       [*params, int(limit), int(offset)])
    return [CommentRow(*r) for r in rows]


def iter_comments(doc: Document, q: CommentQuery, sort: str = "newest") -> Iterator[CommentRow]:
    """Every matching comment, streamed (the CLI's whole list)."""
    where = _where(q)
    if where is None:
        return
    sql, params = where
    for r in doc.execute(f"{_SELECT} WHERE {sql} ORDER BY {SORTS[sort]}", params):
        yield CommentRow(*r)


class CommentCounts(NamedTuple):
    """Comments matching a query, in all and per NPS group (the group filter itself left out)."""

    promoter: int = 0
    passive: int = 0
    detractor: int = 0

    @property
    def total(self) -> int:
        return self.promoter + self.passive + self.detractor


def comment_counts(doc: Document, q: CommentQuery) -> CommentCounts:
    where = _where(q, with_group=False, whole_document=_only_map(doc, q.map_id))
    if where is None:
        return CommentCounts()
    sql, params = where
    row = doc.execute(
        "SELECT TOTAL(c.score >= 9), TOTAL(c.score BETWEEN 7 AND 8), TOTAL(c.score <= 6) "
        f"FROM comment_rows c WHERE {sql}",
        params,
    ).fetchone()
    return CommentCounts(*(int(v) for v in row))


def comment_segments(doc: Document, map_id: int) -> list[str]:
    """Segments that have comments (the panel's segment filter)."""
    return [r[0] for r in doc.execute(
        "SELECT DISTINCT c.segment FROM comment_rows c WHERE c.segment != '' AND "
        "c.touchpoint_id IN (SELECT id FROM touchpoints WHERE map_id = ?) ORDER BY c.segment", [map_id])]


# ---------------------------------------------------------------- comparisons
Counts = dict[int, tuple[int, int, int]]  # touchpoint id -> (promoters, passives, detractors)


def group_counts(doc: Document, map_id: int, *, segment: str | None = None,
                 period: tuple[str, str] | None = None) -> Counts:
    """Promoters, passives and detractors per touchpoint, in one segment or one period (ends included)."""
    sql = ("SELECT r.touchpoint_id, TOTAL(r.score >= 9), TOTAL(r.score BETWEEN 7 AND 8), TOTAL(r.score <= 6) "
           "FROM responses r WHERE r.touchpoint_id IN (SELECT id FROM touchpoints WHERE map_id = ?)")
    params: list[object] = [map_id]
    if segment is not None:
        sql += " AND r.segment = ?"
        params.append(segment)
    if period is not None:
        sql += " AND r.date >= ? AND r.date < ?"
        params += [period[0], _next_day(period[1])]
    sql += " GROUP BY r.touchpoint_id"
    return {tid: (int(p), int(q), int(d)) for tid, p, q, d in doc.execute(sql, params)}


def monthly_counts(doc: Document, map_id: int, touchpoint_ids: Sequence[int] = (),
                   segment: str | None = None) -> dict[int, dict[str, tuple[int, int, int]]]:
    """Per touchpoint, per month ``YYYY-MM`` of dated answers: (promoters, passives, detractors).

    From the monthly aggregate counts (format 9), else from the raw rows (an older
    format opened read-only).
    """
    if doc._counted():  # noqa: SLF001
        return _monthly_from_counts(doc, map_id, touchpoint_ids, segment)
    scope, params = _month_scope("r", map_id, touchpoint_ids, segment)
    sql = ("SELECT r.touchpoint_id, substr(r.date, 1, 7) AS month, TOTAL(r.score >= 9), "
           "TOTAL(r.score BETWEEN 7 AND 8), TOTAL(r.score <= 6) FROM responses r WHERE r.date IS NOT NULL AND "
           f"{scope} GROUP BY r.touchpoint_id, month")
    out: dict[int, dict[str, tuple[int, int, int]]] = {}
    for tid, month, p, q, d in doc.execute(sql, params):
        if month and len(month) == 7:
            out.setdefault(tid, {})[month] = (int(p), int(q), int(d))
    return out


def _month_scope(alias: str, map_id: int, touchpoint_ids: Sequence[int],
                 segment: str | None) -> tuple[str, list[object]]:
    """The touchpoints (or the whole map) and segment of a monthly trend, as a condition on *alias*."""
    params: list[object] = []
    if touchpoint_ids:
        sql = f"{alias}.touchpoint_id IN ({','.join('?' * len(touchpoint_ids))})"
        params += list(touchpoint_ids)
    else:
        sql = f"{alias}.touchpoint_id IN (SELECT id FROM touchpoints WHERE map_id = ?)"
        params.append(map_id)
    if segment:
        sql += f" AND {alias}.segment = ?"
        params.append(segment)
    return sql, params


def _monthly_from_counts(doc: Document, map_id: int, touchpoint_ids: Sequence[int],
                         segment: str | None) -> dict[int, dict[str, tuple[int, int, int]]]:
    scope, params = _month_scope("c", map_id, touchpoint_ids, segment)
    sql = ("SELECT c.touchpoint_id, c.month, SUM(c.promoters), SUM(c.passives), SUM(c.detractors) "
           f"FROM response_months c WHERE {scope} GROUP BY c.touchpoint_id, c.month")
    out: dict[int, dict[str, tuple[int, int, int]]] = {}
    for tid, month, p, q, d in doc.execute(sql, params):
        out.setdefault(tid, {})[month] = (int(p), int(q), int(d))
    return out


def date_range(doc: Document, map_id: int) -> tuple[str | None, str | None]:
    """First and last date of the map's dated answers (the compare dialog's default periods)."""
    row = doc.execute(
        "SELECT MIN(r.date), MAX(r.date) FROM responses r WHERE r.date IS NOT NULL AND "
        "r.touchpoint_id IN (SELECT id FROM touchpoints WHERE map_id = ?)", [map_id]).fetchone()
    return (row[0][:10] if row[0] else None, row[1][:10] if row[1] else None)
