"""The aggregate counts of an import batch (storage.response_counts), counted while it is parsed.

Counting the batch back from SQLite after the insert cost two more sorts of every row.
The importer's thread counts each chunk it hands to the writer instead: the chunk's
columns become NumPy arrays (touchpoint ids, segment and month codes, scores and
sentiments as floats with NaN for none) and are summed per key with ``bincount``; the
chunk's few thousand sums wait, reduced again now and then, until ``write`` upserts
them. (A ``Counter`` of one tuple per answer, the first version, cost 2.1 s and 140 MB
of a 1M-row import: it kept a key per distinct sentiment.)

The result is exactly what ``response_counts.add`` computes (``response_counts.check``
proves it in the tests). A batch whose values the arrays cannot hold (a score that is
not 0-10, a touchpoint id that is not a small integer) or with more distinct keys than
``MAX_KEYS`` is counted by that SQL after the insert instead: memory stays bounded.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from journeymap.storage import response_counts
from journeymap.storage.response_counts import COUNTS, MONTHS

if TYPE_CHECKING:
    import numpy as np

_MONTH_RE = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")
MAX_KEYS = 1_000_000  # distinct counted keys (or segment / month values) kept before falling back to SQL
PENDING_ROWS = 100_000  # chunk sums kept per table before they are reduced together (~5 MB)
DENSE_MAX = 1 << 18  # key spaces up to this size (or the rows') are summed by a dense bincount (no sort)
DATE_MEMO = 100_000  # distinct raw dates remembered
NO_SCORE = 11  # the score code of an answer without a 0-10 score


def month_of(date: Any) -> str:
    """``YYYY-MM`` of a stored date, '' where response_counts' SQL gives '' (no date, or no real month)."""
    if not isinstance(date, str) or not _MONTH_RE.match(date):
        return ""
    return date[:7]


class _Codes(dict):
    """Dense codes 0, 1, 2… of the distinct values met, in the order first met."""

    def __missing__(self, key: Any) -> int:
        code = self[key] = len(self)
        return code


class _Fallback(Exception):
    """The batch is counted by SQL after its insert."""


def _group(cols: list[np.ndarray], weights: list[np.ndarray | None]) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The distinct rows of the non-negative integer *cols* and the sums of each of *weights* over them
    (``None``: the number of rows)."""
    import numpy as np

    radices = [int(c.max()) + 1 if len(c) else 1 for c in cols]
    size = 1
    for r in radices:
        size *= r
    if size >= 1 << 62:
        raise _Fallback
    key = cols[0].astype(np.int64)
    for col, radix in zip(cols[1:], radices[1:]):
        key = key * radix + col
    if size <= max(DENSE_MAX, len(key)):
        present = np.flatnonzero(np.bincount(key, minlength=size))
        sums = [np.bincount(key, w, minlength=size)[present] for w in weights]
        uniq = present
    else:
        uniq, inverse = np.unique(key, return_inverse=True)
        sums = [np.bincount(inverse, w, minlength=len(uniq)) for w in weights]
    out = []
    for radix in reversed(radices[1:]):
        uniq, col = np.divmod(uniq, radix)
        out.append(col)
    out.append(uniq)
    return out[::-1], sums


class _Sums:
    """Sums per key of several chunks, reduced together when they pile up."""

    def __init__(self) -> None:
        self.parts: list[tuple[list[np.ndarray], list[np.ndarray]]] = []
        self.rows = 0
        self.reduced = 0  # rows left by the last reduction: the next waits for as many more

    def add(self, cols: list[np.ndarray], sums: list[np.ndarray]) -> None:
        self.parts.append((cols, sums))
        self.rows += len(cols[0])
        if self.rows > max(PENDING_ROWS, 2 * self.reduced) and len(self.parts) > 1:
            self.reduce()

    def reduce(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        import numpy as np

        if len(self.parts) != 1:
            if not self.parts:
                return [], []
            width = len(self.parts[0][0])
            cols = [np.concatenate([p[0][i] for p in self.parts]) for i in range(width)]
            sums = [np.concatenate([p[1][i] for p in self.parts]) for i in range(len(self.parts[0][1]))]
            self.parts = [_group(cols, sums)]  # type: ignore[arg-type]
            self.rows = self.reduced = len(self.parts[0][0][0])
            if self.rows > MAX_KEYS:
                raise _Fallback
        return self.parts[0]


class BatchCounter:
    """Counts of row chunks: per (touchpoint, segment, score) the answers, those with a sentiment and
    its sum; per (touchpoint, segment, month) of dated scores the promoters, passives and detractors."""

    def __init__(self, columns: Sequence[str]):
        self.width = len(columns)
        self.at = {c: i for i, c in enumerate(columns)}
        self.segments = _Codes()
        self.months = _Codes()
        self.months[""] = 0  # code 0: no month (not counted monthly)
        self.month_of_date: dict[Any, int] = {}
        self.counts = _Sums()
        self.monthly = _Sums()
        self.fallback = False

    def add(self, flat: list[Any]) -> None:
        """Count a chunk given as one flat list, row after row of the counter's columns."""
        n = len(flat) // self.width
        if n:
            self.add_columns([flat[i : n * self.width : self.width] for i in range(self.width)])

    def add_columns(self, columns: Sequence[Sequence[Any]]) -> None:
        """Count a chunk given as its columns (in the counter's column order, of equal lengths)."""
        if self.fallback or not columns or not len(columns[0]):
            return
        import numpy as np

        at = self.at
        n = len(columns[0])
        try:
            tids = np.array(columns[0], dtype=np.int64)
            segs = self._segments(columns[at["segment"]] if "segment" in at else None, n)
            scores = np.array(columns[at["score"]], dtype=np.float64) if "score" in at else np.full(n, np.nan)
            sentiments = np.array(columns[at["sentiment"]], dtype=np.float64) if "sentiment" in at else None
            months = self._months(columns[at["date"]]) if "date" in at else None
        except (_Fallback, TypeError, ValueError, OverflowError):
            self._give_up()
            return
        self.add_coded(tids, segs, scores, sentiments, months)

    def segment_codes(self, segments: Sequence[Any] | None, n: int) -> np.ndarray | None:
        """The codes of *segments* (``None``: *n* answers of no segment) for ``add_coded``; None once
        the counter gave up."""
        if not self.fallback:
            try:
                return self._segments(segments, n)
            except (_Fallback, TypeError):
                self._give_up()
        return None

    def month_codes(self, dates: Sequence[Any]) -> np.ndarray | None:
        """The month codes of stored *dates* for ``add_coded``; None once the counter gave up."""
        if not self.fallback:
            try:
                return self._months(dates)
            except (_Fallback, TypeError):
                self._give_up()
        return None

    def add_coded(self, tids: np.ndarray, segments: np.ndarray | None, scores: np.ndarray,
                  sentiments: np.ndarray | None, months: np.ndarray | None) -> None:
        """Count answers given as arrays: touchpoint ids, segment codes, scores (NaN: none), sentiments
        (NaN: none; ``None``: no sentiments) and month codes (``None``: not counted monthly)."""
        if self.fallback or segments is None or not len(tids):
            return
        try:
            self._add(tids, segments, scores, sentiments, months)
        except (_Fallback, TypeError, ValueError, OverflowError):
            self._give_up()

    def _give_up(self) -> None:
        self.fallback = True
        self.counts = self.monthly = _Sums()
        self.segments.clear()
        self.month_of_date.clear()

    def _segments(self, segments: Sequence[Any] | None, n: int) -> np.ndarray:
        import numpy as np

        if segments is None:
            return np.full(n, self.segments[""], np.int64)
        codes = np.fromiter(map(self.segments.__getitem__, segments), np.int64, n)
        if len(self.segments) > MAX_KEYS:
            raise _Fallback
        return codes

    def _months(self, dates: Sequence[Any]) -> np.ndarray:
        import numpy as np

        memo = self.month_of_date
        if len(memo) > DATE_MEMO:
            memo.clear()
        try:
            return np.fromiter(map(memo.__getitem__, dates), np.int64, len(dates))
        except KeyError:
            for d in set(dates).difference(memo):
                memo[d] = self.months[month_of(d)]
            if len(self.months) > MAX_KEYS:
                raise _Fallback from None
            return np.fromiter(map(memo.__getitem__, dates), np.int64, len(dates))

    def _add(self, tids: np.ndarray, segs: np.ndarray, scores: np.ndarray, sentiments: np.ndarray | None,
             months: np.ndarray | None) -> None:
        import numpy as np

        if tids.min() < 0 or tids.max() >= 1 << 31:
            raise _Fallback
        known = ~np.isnan(scores)
        valid = scores[known]
        if not ((valid >= 0) & (valid <= 10) & (valid % 1 == 0)).all():
            raise _Fallback
        codes = np.where(known, scores, NO_SCORE).astype(np.int64)
        if sentiments is not None:
            felt = ~np.isnan(sentiments)
            weights = [None, felt.astype(np.float64), np.where(felt, sentiments, 0.0)]
            self.counts.add(*_group([tids, segs, codes], weights))
        else:
            keys, (count,) = _group([tids, segs, codes], [None])
            zeros = np.zeros(len(count))
            self.counts.add(keys, [count, zeros, zeros])
        if months is not None:
            dated = (months != 0) & known
            if dated.any():
                c = codes[dated]
                self.monthly.add(*_group(
                    [tids[dated], segs[dated], months[dated]],
                    [(c >= 9).astype(np.float64), ((c >= 7) & (c <= 8)).astype(np.float64),
                     (c <= 6).astype(np.float64)]))

    def write(self, conn: sqlite3.Connection, where: str = "", params: Sequence[Any] = ()) -> None:
        """Add the counts to the document's (in the import's transaction). *where* (SQL over
        ``responses r``) picks the batch's inserted rows, counted by SQL if the arrays gave up."""
        if not self.fallback:
            try:
                counts = self.counts.reduce()
                monthly = self.monthly.reduce()
            except _Fallback:
                self._give_up()
        if self.fallback:
            assert where, "the batch's rows are needed to count it by SQL"
            response_counts.add(conn, where, params)
            return
        segments = list(self.segments)
        months = list(self.months)
        if counts[0]:
            (tids, segs, scores), (n, sn, ss) = counts
            scores = [s if s != NO_SCORE else -1 for s in scores.tolist()]
            conn.executemany(
                f"INSERT INTO {COUNTS} (touchpoint_id, segment, score, n, sentiment_n, sentiment_sum) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n, "
                "sentiment_n = sentiment_n + excluded.sentiment_n, "
                "sentiment_sum = sentiment_sum + excluded.sentiment_sum",
                zip(tids.tolist(), map(segments.__getitem__, segs.tolist()), scores, n.astype(int).tolist(),
                    sn.round().astype(int).tolist(), ss.tolist()))
        if monthly[0]:
            (tids, segs, mons), (p, q, d) = monthly
            conn.executemany(
                f"INSERT INTO {MONTHS} (touchpoint_id, segment, month, promoters, passives, detractors) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET promoters = promoters + excluded.promoters, "
                "passives = passives + excluded.passives, detractors = detractors + excluded.detractors",
                zip(tids.tolist(), map(segments.__getitem__, segs.tolist()), map(months.__getitem__, mons.tolist()),
                    p.round().astype(int).tolist(), q.round().astype(int).tolist(), d.round().astype(int).tolist()))
