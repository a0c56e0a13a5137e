"""The wide-layout import: one row per respondent, one column per touchpoint.

Each block of rows is turned into columns once (CSV lines split straight into
columns; other blocks transposed with ``zip``); then, per touchpoint, its
score column is parsed through a memo of distinct values and the answered
rows are picked with ``itertools.compress``. The row's date, segment and
comment are parsed once and shared by all its answers. An unanswered cell
(blank, "N/A", "No aplica") is no answer and never rejects the respondent's
other answers; an invalid cell rejects only that answer, with its column in
the reason. The overall NPS column's answers go to ``overall_responses``
after the responses (the writer thread owns the connection until then), and
each touchpoint answer carries its row's overall score (``overall_score``,
format 8), which links a respondent's answers for the drivers analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import compress, repeat
from typing import Any

from journeymap.services.reject_reasons import IN_COLUMN
from journeymap.services.survey_layout import COMMENT, DATE, OVERALL, SCORE, SEGMENT, SENTIMENT, Plan
from journeymap.services.survey_values import Reject, date_parser, score_parser
from journeymap.storage.responses_sql import ResponseWriter

MEMO_LIMIT = 100_000
WRITTEN = ("touchpoint_id", "score", "sentiment", "date", "segment", "comment")


class _Memo:
    """Parsed values of one column, with which raw values are answers and which are rejected."""

    __slots__ = ("bad", "ok", "parse", "value")

    def __init__(self, parse: Callable[[Any], Any]):
        self.parse = parse
        self.value: dict[Any, Any] = {}
        self.ok: dict[Any, bool] = {}
        self.bad: set[Any] = set()

    def learn(self, raw: list[Any]) -> None:
        try:
            new = set(raw).difference(self.value)
        except TypeError:  # unhashable cells cannot come from CSV or XLSX; be safe anyway
            new = set()
        if not new:
            return
        if len(self.value) + len(new) > MEMO_LIMIT:
            self.value.clear()
            self.ok.clear()
            self.bad.clear()
            new = set(raw)
        for v in new:
            parsed = self.parse(v)
            if type(parsed) is Reject:
                self.bad.add(v)
                self.value[v] = None
                self.ok[v] = False
            else:
                self.value[v] = parsed
                self.ok[v] = parsed is not None

    def values(self, raw: list[Any]) -> list[Any]:
        self.learn(raw)
        return list(map(self.value.__getitem__, raw))

    def mask(self, raw: list[Any]) -> list[bool]:
        return list(map(self.ok.__getitem__, raw))


def _strip(v: Any) -> str:
    if v is None:
        return ""
    if v.__class__ is str:
        return v.strip()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _stripped(cells: list[Any]) -> list[str]:
    """``_strip`` of every cell: ``str.strip`` in C for a column of text (every CSV column)."""
    try:
        return list(map(str.strip, cells))
    except TypeError:  # XLSX numbers, empty cells
        return list(map(_strip, cells))


def _columns(block: Any, width: int) -> tuple[list[list[Any]], list[Any] | None]:
    """The block's cells as columns (and its rows when it was not uniform)."""
    if block.uniform and block.width >= width:
        return [block.column(i) for i in range(width)], None
    rows = [r if len(r) >= width else list(r) + [None] * (width - len(r)) for r in block.all_rows()]
    if not rows:
        return [[] for _ in range(width)], []
    return [list(c) for c in zip(*rows)][:width], rows


def import_wide(imp: Any, plan: Plan, blocks: Iterable[Any], batch_id: int, map_id: int, owns: bool) -> None:
    """Import the answers of a wide file (see the module docstring); *imp* is importing._Importer."""
    doc, result, src = imp.doc, imp.result, imp.src
    width = len(plan.columns)
    scores = {c.touchpoint_id: c for c in plan.by_role(SCORE) if c.touchpoint_id is not None}
    sentiments = {c.touchpoint_id: c for c in plan.by_role(SENTIMENT) if c.touchpoint_id is not None}
    tp_comments = {c.touchpoint_id: c for c in plan.by_role(COMMENT) if c.touchpoint_id is not None}
    row_comment = next((c for c in plan.by_role(COMMENT) if c.touchpoint_id is None), None)
    date_col, segment_col, overall_col = plan.first(DATE), plan.first(SEGMENT), plan.first(OVERALL)
    tps = sorted(set(scores) | set(sentiments))
    commented = row_comment is not None or bool(tp_comments)
    memos = {c.index: _Memo(score_parser(c.scale)) for c in [*scores.values(), *sentiments.values()]}
    if overall_col is not None:
        memos[overall_col.index] = _Memo(score_parser(overall_col.scale))
    parse_date = date_parser(plan.date_order)
    date_memo: dict[Any, str | None] = {}
    undated_raw: set[Any] = set()
    overall_rows: list[tuple[Any, ...]] = []
    row_number = src.header_row
    # Columns no answer fills are left to their defaults (fewer values bound per row).
    written = [c for c in WRITTEN if (c != "sentiment" or sentiments) and (c != "comment" or commented)]
    if overall_col is not None:
        written.append("overall_score")
    with ResponseWriter(doc, batch_id, written, expected_rows=src.estimated_rows * max(1, len(tps)),
                        rebuild=owns) as writer:
        imp.writer = writer
        counter = writer.counter
        writer.count_chunks = False  # counted here, a block at a time: its segments and months coded once
        for block in blocks:
            imp.tick()
            cols, rows = _columns(block, width)
            first = row_number + 1
            row_number += block.n
            n = len(cols[0]) if cols else 0
            if not n:
                continue
            dates: list[Any] = list(repeat(None, n))
            if date_col is not None:
                raw_dates = cols[date_col.index]
                new = set(raw_dates).difference(date_memo)
                if len(date_memo) + len(new) > MEMO_LIMIT:
                    date_memo.clear()  # before this block's values are learned, never during
                    new = set(raw_dates)
                for v in new:
                    parsed = parse_date(v)
                    if type(parsed) is Reject:
                        undated_raw.add(v)
                        parsed = None
                    date_memo[v] = parsed
                dates = list(map(date_memo.__getitem__, raw_dates))
                if undated_raw:
                    undated = list(map(undated_raw.__contains__, raw_dates))
                else:
                    undated = []
            segments = _stripped(cols[segment_col.index]) if segment_col else list(repeat("", n))
            comments = _stripped(cols[row_comment.index]) if row_comment else list(repeat("", n))
            overall_vals = memos[overall_col.index].values(cols[overall_col.index]) if overall_col else None
            seg_codes = counter.segment_codes(segments if segment_col else None, n)
            month_codes = counter.month_codes(dates) if date_col is not None else None
            counted: list[tuple[Any, ...]] = []
            for tp in tps:
                s_col, x_col = scores.get(tp), sentiments.get(tp)
                s_raw = cols[s_col.index] if s_col else None
                x_raw = cols[x_col.index] if x_col else None
                s_memo = memos[s_col.index] if s_col else None
                x_memo = memos[x_col.index] if x_col else None
                s_vals = s_memo.values(s_raw) if s_memo else list(repeat(None, n))
                x_vals = x_memo.values(x_raw) if x_memo else list(repeat(None, n))
                if s_memo and x_memo:
                    mask = [a or b for a, b in zip(s_memo.mask(s_raw), x_memo.mask(x_raw))]
                elif s_memo:
                    mask = s_memo.mask(s_raw)
                else:
                    mask = x_memo.mask(x_raw)  # type: ignore[union-attr]
                nbad = 0
                for memo, raw, col in ((s_memo, s_raw, s_col), (x_memo, x_raw, x_col)):
                    if memo is not None and memo.bad and not memo.bad.isdisjoint(raw):
                        for k in compress(range(n), map(memo.bad.__contains__, raw)):
                            nbad += 1
                            row = rows[k] if rows is not None else block.row(k)
                            reason = memo.parse(raw[k])
                            imp.reject(first + k, [Reject(IN_COLUMN, repr(col.shown), reason)], row)
                m = sum(mask)
                result.unanswered += max(0, n - m - nbad)
                if not m:
                    continue
                comment = comments
                tc = tp_comments.get(tp)
                if tc is not None:
                    own = _stripped(cols[tc.index])
                    comment = [a or b for a, b in zip(own, comments)]
                if x_memo and not s_memo:
                    result.sentiment_only += m
                elif x_memo:
                    result.sentiment_only += sum(1 for a in compress(s_vals, mask) if a is None)
                picked = {
                    "touchpoint_id": list(repeat(tp, m)), "score": list(compress(s_vals, mask)),
                    "date": list(compress(dates, mask)), "segment": list(compress(segments, mask)),
                }
                if sentiments:
                    picked["sentiment"] = list(compress(x_vals, mask))
                if commented:
                    picked["comment"] = list(compress(comment, mask))
                if overall_vals is not None:
                    picked["overall_score"] = list(compress(overall_vals, mask))
                imp.add_columns([picked[c] for c in written], m)
                if seg_codes is not None:
                    counted.append((tp, mask, picked["score"], picked.get("sentiment") if x_memo else None))
                if date_col is not None and undated:
                    result.undated += sum(compress(undated, mask))
            if counted:
                _count(counter, counted, seg_codes, month_codes)
            if overall_col is not None:
                raw = cols[overall_col.index]
                memo = memos[overall_col.index]
                vals = overall_vals
                mask = memo.mask(raw)
                if memo.bad and not memo.bad.isdisjoint(raw):
                    for k in compress(range(n), map(memo.bad.__contains__, raw)):
                        row = rows[k] if rows is not None else block.row(k)
                        imp.reject(first + k, [Reject(IN_COLUMN, repr(overall_col.shown), memo.parse(raw[k]))], row)
                overall_rows.extend(zip(repeat(map_id), compress(vals, mask), compress(dates, mask),
                                        compress(segments, mask), repeat(batch_id)))
        imp.flush()
    imp.writer = None
    if overall_rows:
        doc.insert_overall(overall_rows)
        result.overall = len(overall_rows)


def _count(counter: Any, answers: list[tuple[Any, ...]], segments: Any, months: Any) -> None:
    """Count a block's answers (per touchpoint: its id, which rows answered, their scores and sentiments)
    in the batch's aggregate counts, with the block's segment and month codes."""
    import numpy as np

    tids, segs, scores, sentiments, dated = [], [], [], [], []
    felt = any(a[3] is not None for a in answers)
    for tp, mask, s_vals, x_vals in answers:
        rows = np.array(mask, dtype=bool)
        tids.append(np.full(len(s_vals), tp, np.int64))
        segs.append(segments[rows])
        scores.append(np.array(s_vals, dtype=np.float64))
        if felt:
            sentiments.append(np.array(x_vals, dtype=np.float64) if x_vals is not None
                              else np.full(len(s_vals), np.nan))
        if months is not None:
            dated.append(months[rows])
    counter.add_coded(np.concatenate(tids), np.concatenate(segs), np.concatenate(scores),
                      np.concatenate(sentiments) if felt else None,
                      np.concatenate(dated) if months is not None else None)
