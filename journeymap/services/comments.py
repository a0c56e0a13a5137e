"""What customers said: the comments of a scope, filtered, searched and counted.

Shared by ``journeymap comments`` and the comments panel. Rows carry the
touchpoint's title and stage, the NPS group of the score and the comment's
sentiment, as the CLI prints them and the panel shows them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from journeymap.domain.metrics import classify
from journeymap.storage import Document
from journeymap.storage.survey_queries import (
    GROUPS,
    SENTIMENTS,
    SORTS,
    CommentCounts,
    CommentQuery,
    CommentRow,
    comment_counts,
    comment_page,
    comment_segments,
    iter_comments,
)

__all__ = [
    "COMMENT_COLUMNS", "GROUPS", "SENTIMENTS", "SORTS", "Comment", "CommentCounts", "CommentQuery",
    "CommentSource", "comment_rows",
]

COMMENT_COLUMNS = ("id", "touchpoint_id", "touchpoint", "stage", "score", "group", "sentiment", "comment",
                   "date", "segment")


class Comment(NamedTuple):
    id: int
    touchpoint_id: int
    touchpoint: str
    stage: str
    score: int | None  # None: an answer with a sentiment but no 0-10 score
    group: str | None  # promoter, passive, detractor (None without a score)
    sentiment: float | None
    comment: str
    date: str | None
    segment: str

    def as_dict(self) -> dict[str, object]:
        return self._asdict()


class CommentSource:
    """Comments of one map, with the touchpoint and stage names resolved once."""

    def __init__(self, doc: Document, map_id: int):
        self.doc = doc
        self.map_id = map_id
        self.reload_names()

    def reload_names(self) -> None:
        stages = {s.id: s.name for s in self.doc.stages(self.map_id)}
        self.titles = {tp.id: tp.title for tp in self.doc.touchpoints(self.map_id)}
        self.stage_of = {tp.id: stages.get(tp.stage_id, "") for tp in self.doc.touchpoints(self.map_id)}

    def _comment(self, r: CommentRow) -> Comment:
        return Comment(r.id, r.touchpoint_id, self.titles.get(r.touchpoint_id, ""),
                       self.stage_of.get(r.touchpoint_id, ""), r.score,
                       None if r.score is None else classify(r.score),
                       r.sentiment, r.comment, r.date, r.segment)

    def page(self, q: CommentQuery, sort: str = "newest", offset: int = 0, limit: int = 200) -> list[Comment]:
        return [self._comment(r) for r in comment_page(self.doc, q, sort, offset, limit)]

    def all(self, q: CommentQuery, sort: str = "newest") -> Iterator[Comment]:
        for r in iter_comments(self.doc, q, sort):
            yield self._comment(r)

    def counts(self, q: CommentQuery) -> CommentCounts:
        return comment_counts(self.doc, q)

    def segments(self) -> list[str]:
        return comment_segments(self.doc, self.map_id)


def comment_rows(doc: Document, q: CommentQuery, sort: str = "newest") -> list[dict[str, object]]:
    """Every matching comment as a dict with ``COMMENT_COLUMNS`` (the CLI's rows)."""
    return [c.as_dict() for c in CommentSource(doc, q.map_id).all(q, sort)]
