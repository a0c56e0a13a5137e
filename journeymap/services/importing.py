"""Survey responses (NPS score, sentiment, comment...) from CSV or XLSX into a map.

``import_file`` streams the file a few thousand rows at a time, validates every
row (column by column for plain CSV lines: each distinct value is parsed once),
and hands the valid ones to a background writer
(:class:`~journeymap.storage.responses_sql.ResponseWriter`) that inserts them
while the next rows are parsed, all inside ONE transaction, as one recorded
:class:`~journeymap.domain.model.ImportBatch`. Cancelling (the
``cancel`` callback returns true) or any failure rolls the transaction back:
the document is left exactly as it was. A file with no valid row records
nothing (no empty batch).

Rows are matched to touchpoints of the map by id (an integer that is the id
of one of the map's touchpoints) or else by title, compared case- and
accent-insensitively with whitespace trimmed and collapsed. Two touchpoints
with the same normalised title make that title ambiguous: such rows are
rejected.

Rejected rows are counted and listed (at most ``MAX_REJECTED_KEPT`` of them
kept in memory) with their file row number: 1-based, the header row being
row 1 (the row numbers a spreadsheet shows). Empty lines are skipped silently.

Cell values are read by :mod:`journeymap.services.import_values`.

Pre-aggregated files (one row per touchpoint with promoters / passives /
detractors counts and no score column) are imported as that many synthetic
responses with scores 10 / 8 / 0, so NPS maths, reports, segments and undo
work exactly as for raw responses and the counts stay exact; the batch's
source then reads ``"<file> (aggregated counts)"`` and its ``rows`` is the
number of responses generated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain, compress, islice, repeat
from operator import itemgetter, not_
from pathlib import Path
from typing import Any

from journeymap.domain.messages import QT_TRANSLATE_NOOP, message
from journeymap.domain.model import ImportBatch
from journeymap.services.import_mapping import (
    COUNT_FIELDS,
    FIELDS,
    ColumnError,
    build_mapping,
)
from journeymap.services.import_sources import Block, ImportFileError, open_source
from journeymap.services.import_values import (
    TouchpointMatcher,
    cell_text,
    detect_sentiment_scale,
    headers_text,
    is_blank,
    parse_count,
    parse_date,
    parse_score,
    sentiment_parser,
)
from journeymap.services.reject_reasons import Reject
from journeymap.storage import Document
from journeymap.storage.responses_sql import ResponseWriter, bulk_cache, trusted_inserts

# The messages this module's errors carry: an id and the English text (translated where shown).
THE_SHEET_OR_FILE_IS_EMPTY = message("import.the_sheet_or_file_is_empty", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: the sheet or file is empty (no header row)."))
NO_TOUCHPOINT_COLUMN_FOUND_AMONG_CHOOSE = message("import.no_touchpoint_column_found_among_choose", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: no touchpoint column found among %2; choose the column explicitly."))
NO_SCORE_COLUMN_NOR_PROMOTERS_PASSIVES = message("import.no_score_column_nor_promoters_passives", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: no score column (nor promoters/passives/detractors counts) found among %2; choose the column explicitly."))  # noqa: E501
THE_SAME_COLUMN_IS_CHOSEN_FOR = message("import.the_same_column_is_chosen_for", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: the same column is chosen for %2."))
COLUMN_PROBLEM = message("import.column_problem", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: %2."))

__all__ = [
    "AGGREGATED_SCORES",
    "FilePreview",
    "ImportCancelled",
    "ImportFileError",
    "ImportResult",
    "RejectedRow",
    "detect_sentiment_scale",
    "import_file",
    "preview_file",
]

MAX_REJECTED_KEPT = 1000
CHUNK_ROWS = 50_000
TICK_ROWS = 4096  # progress and cancel are checked every this many rows
SAMPLE_ROWS = 2000  # rows read ahead to decide the sentiment scale
MEMO_LIMIT = 100_000  # distinct raw values remembered per column
AGGREGATED_SCORES = {"promoters": 10, "passives": 8, "detractors": 0}
AGGREGATED_SUFFIX = " (aggregated counts)"

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class ImportCancelled(Exception):
    """The user cancelled; the document was rolled back and is unchanged."""


@dataclass(frozen=True)
class RejectedRow:
    row_number: int  # 1-based file row, header = 1
    reason: str  # in English; ``reasons`` carry their messages (i18n.reason_text translates them)
    values: tuple[Any, ...]
    reasons: tuple[Reject, ...] = ()


@dataclass
class ImportResult:
    source: str
    imported: int = 0  # responses inserted
    rejected: int = 0  # rows rejected (all of them, even beyond rejected_rows)
    rejected_rows: list[RejectedRow] = field(default_factory=list)
    batch_id: int | None = None  # None when nothing was imported (nothing recorded)
    aggregated: bool = False
    sentiment_scale: str | None = None  # "unit" (-1..1), "five" (1..5) or None
    mapping: dict[str, int | None] = field(default_factory=dict)
    headers: list[str] = field(default_factory=list)
    # Survey exports (services.survey_import): what the plan decided, for the summary.
    layout: str = "long"
    notes: list[Any] = field(default_factory=list)  # survey_layout.Note
    unknown_columns: list[str] = field(default_factory=list)
    overall: int = 0  # overall (relationship) NPS answers stored
    undated: int = 0  # answers whose date could not be read (stored without a date)
    unanswered: int = 0  # blank / N/A / "No aplica" cells skipped
    sentiment_only: int = 0  # answers of a 1-5 / 1-7 scale: a sentiment, no score
    plan: Any = None


@dataclass
class FilePreview:
    """What the import dialog shows before importing."""

    kind: str  # "csv" or "xlsx"
    headers: list[str]
    rows: list[list[Any]]
    mapping: dict[str, int | None]
    header_row: int
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    sheet_names: list[str] = field(default_factory=list)

    @property
    def aggregated(self) -> bool:
        return is_aggregated(self.mapping)


def preview_file(
    path: str | Path, *, sheet: str | None = None, limit: int = 20,
    columns: Mapping[str, str | int | None] | None = None,
) -> FilePreview:
    """Header, the first *limit* rows and the guessed column mapping of a file."""
    with open_source(path, sheet) as src:
        rows = [list(r) for r in islice(src.rows(), limit)]
        try:
            mapping = build_mapping(src.headers, columns)
        except ColumnError as exc:
            raise ImportFileError(COLUMN_PROBLEM, src.name, exc) from exc
        return FilePreview(
            src.kind, list(src.headers), rows, mapping, src.header_row,
            getattr(src, "encoding", ""), getattr(src, "delimiter", ""),
            getattr(src, "sheet", ""), list(getattr(src, "sheet_names", [])),
        )


def is_aggregated(mapping: Mapping[str, int | None], explicit_score: bool = False) -> bool:
    """Counts columns and no score column (an explicit score column wins over counts)."""
    has_counts = any(mapping.get(f) is not None for f in COUNT_FIELDS)
    return has_counts and (mapping.get("score") is None or not explicit_score)


# ------------------------------------------------------------------- import
class _Importer:
    def __init__(self, doc: Document, src: Any, result: ImportResult, progress: Progress | None,
                 cancel: Cancel | None, chunk_size: int):
        self.doc = doc
        self.src = src
        self.result = result
        self.progress = progress
        self.cancel = cancel
        self.chunk_size = max(1, chunk_size)
        self.buf: list[tuple[Any, ...]] = []
        # Raw responses path: validated columns waiting for the writer.
        self.writer: ResponseWriter | None = None
        self.columns: list[list[Any]] = []
        self.pending = 0

    def reject(self, row_number: int, reasons: list[Reject], row: Iterable[Any]) -> None:
        self.result.rejected += 1
        if len(self.result.rejected_rows) < MAX_REJECTED_KEPT:
            self.result.rejected_rows.append(RejectedRow(row_number, "; ".join(reasons), tuple(row), tuple(reasons)))

    def add_columns(self, columns: list[list[Any]], n: int) -> None:
        """Queue *n* valid rows given as columns (in the writer's column order)."""
        if not n:
            return
        if not self.columns:
            self.columns = [[] for _ in columns]
        for acc, col in zip(self.columns, columns):
            acc.extend(col)
        self.pending += n
        self.result.imported += n
        if self.pending >= self.chunk_size:
            self.flush_columns()

    def flush_columns(self) -> None:
        if not self.pending:
            return
        assert self.writer is not None
        width = len(self.columns)
        flat: list[Any] = [None] * (self.pending * width)
        for j, col in enumerate(self.columns):
            flat[j::width] = col
        columns, self.columns = self.columns, []
        self.pending = 0
        self.writer.put(flat, columns)

    def flush(self) -> None:
        if self.writer is not None:
            self.flush_columns()
        if self.buf:
            # Touchpoint order keeps the response index's inserts local (much faster).
            self.buf.sort(key=_by_touchpoint)
            self.doc.insert_responses(self.buf)
            self.result.imported += len(self.buf)
            self.buf = []

    def tick(self) -> None:
        if self.cancel is not None and self.cancel():
            raise ImportCancelled(f"{self.result.source}: import cancelled")
        if self.progress is not None:
            self.progress(self.src.position, self.src.total)


_by_touchpoint = itemgetter(0)
_MISS = object()


def _memo(cache: dict[Any, Any], parse: Callable[[Any], Any], raw: Any) -> Any:
    value = parse(raw)
    if len(cache) >= MEMO_LIMIT:
        cache.clear()
    cache[raw] = value
    return value


def import_file(
    doc: Document,
    map_id: int,
    path: str | Path,
    *,
    columns: Mapping[str, str | int | None] | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    chunk_size: int = CHUNK_ROWS,
    source_name: str | None = None,
) -> ImportResult:
    """Import a survey file into map *map_id* of *doc*; see the module docstring.

    *columns* maps field names (``touchpoint``, ``score``, ``sentiment``,
    ``comment``, ``date``, ``segment``, ``promoters``, ``passives``,
    ``detractors``) to a header name or a 1-based column index, overriding the
    guesses; ``None`` unmaps a guessed column. *progress(done, total)* is
    called every few thousand rows (bytes for CSV, rows for XLSX); *cancel()*
    is polled as often and a true answer raises :class:`ImportCancelled`
    after rolling back. Raises :class:`ImportFileError` when the file cannot
    be read or has no usable columns (nothing is written then either).

    When the caller already holds a transaction the import joins it, and a
    cancel or failure propagates for the caller to roll back.
    """
    doc.get_map(map_id)  # fails early on a bad map id
    with open_source(path, sheet) as src:
        name = source_name or src.name
        try:
            mapping = build_mapping(src.headers, columns)
        except ColumnError as exc:
            raise ImportFileError(COLUMN_PROBLEM, name, exc) from exc
        explicit_score = bool(columns and columns.get("score") not in (None, ""))
        return import_opened(doc, map_id, src, name, mapping, explicit_score=explicit_score,
                             progress=progress, cancel=cancel, chunk_size=chunk_size)


def import_opened(
    doc: Document, map_id: int, src: Any, name: str, mapping: dict[str, int | None], *,
    explicit_score: bool = False, progress: Progress | None = None, cancel: Cancel | None = None,
    chunk_size: int = CHUNK_ROWS, parsers: Mapping[str, Callable[[Any], Any]] | None = None,
    count_undated: set[Any] | None = None, content_hash: str = "", result: ImportResult | None = None,
) -> ImportResult:
    """The long-layout import of an open source with a resolved *mapping* (0-based columns).

    *parsers* replace the default parser of a field (``score``, ``sentiment``,
    ``date``): the survey importer reads score labels, recoded scales and dates
    in the column's own order. A mapping with a sentiment and no score imports
    sentiment-only answers. Raw date values in *count_undated* (unreadable
    dates, stored as no date) are counted in ``result.undated``.
    """
    matcher = TouchpointMatcher(doc.touchpoints(map_id))
    aggregated = is_aggregated(mapping, explicit_score)
    if aggregated:
        mapping["score"] = None
    sentiment_only = bool(parsers) and mapping["score"] is None and mapping["sentiment"] is not None
    _check_mapping(name, src.headers, mapping, aggregated or sentiment_only)
    if result is None:
        result = ImportResult(name)
    result.source = name + (AGGREGATED_SUFFIX if aggregated else "")
    result.aggregated, result.mapping, result.headers = aggregated, dict(mapping), list(src.headers)
    scale = None
    col = mapping["sentiment"]
    if aggregated:
        rows = src.rows()
        if col is not None:
            head = list(islice(rows, SAMPLE_ROWS))
            scale = detect_sentiment_scale(r[col] for r in head if len(r) > col)
            rows = _chain(head, rows)
    else:
        blocks: Iterable[Block] = src.blocks()
        if col is not None:
            first: list[Block] = []
            for block in blocks:
                first.append(block)
                if sum(b.n for b in first) >= SAMPLE_ROWS:
                    break
            scale = detect_sentiment_scale(_sample_column(first, col, SAMPLE_ROWS))
            blocks = chain(first, blocks)
    result.sentiment_scale = scale
    imported_at = datetime.now().astimezone().isoformat(timespec="seconds")
    importer = _Importer(doc, src, result, progress, cancel, chunk_size)
    owns_transaction = not doc.in_transaction
    with bulk_cache(doc), trusted_inserts(doc), doc.transaction():
        batch_id = doc.add_batch(
            ImportBatch(map_id, result.source, imported_at, 0, 0, content_hash=content_hash)
        )
        if aggregated:
            _import_counts(importer, rows, mapping, matcher, scale, batch_id)
        else:
            fields = [f for f in _WRITTEN if mapping[f] is not None]
            with ResponseWriter(
                doc, batch_id, [_WRITTEN[f] for f in fields],
                expected_rows=src.estimated_rows, rebuild=owns_transaction,
            ) as writer:
                importer.writer = writer
                _import_responses(importer, blocks, mapping, fields, matcher, scale, parsers, count_undated)
                importer.flush()
            importer.writer = None
        importer.flush()
        if sentiment_only:
            result.sentiment_only = result.imported
        if result.imported:
            doc.update_batch(batch_id, rows=result.imported, rejected=result.rejected)
            result.batch_id = batch_id
        else:
            doc.delete_batch(batch_id)
    if progress is not None:
        progress(src.total, src.total)
    return result


# Fields of a raw response in the order they are written, and their columns.
_WRITTEN = {"touchpoint": "touchpoint_id", "score": "score", "sentiment": "sentiment", "date": "date",
            "segment": "segment", "comment": "comment"}


def _sample_column(blocks: list[Block], col: int, limit: int) -> list[Any]:
    """Cell *col* of the first *limit* rows of *blocks* (rows too short to have it left out)."""
    values: list[Any] = []
    for block in blocks:
        take = min(block.n, limit)
        limit -= take
        if block.uniform:
            if col < block.width:
                values.extend(block.column(col)[:take])
        else:
            assert block.rows is not None
            values.extend(r[col] for r in block.rows[:take] if len(r) > col)
        if not limit:
            break
    return values


def _chain(head: list[Any], rest: Iterable[Any]) -> Iterable[Any]:
    yield from head
    head.clear()
    yield from rest


def _check_mapping(name: str, headers: list[str], mapping: dict[str, int | None], aggregated: bool) -> None:
    if not any(headers):
        raise ImportFileError(THE_SHEET_OR_FILE_IS_EMPTY, name)
    known = headers_text(headers)
    if mapping["touchpoint"] is None:
        raise ImportFileError(
            NO_TOUCHPOINT_COLUMN_FOUND_AMONG_CHOOSE, name, known
        )
    if not aggregated and mapping["score"] is None:
        raise ImportFileError(
            NO_SCORE_COLUMN_NOR_PROMOTERS_PASSIVES, name, known
        )
    used = [c for c in mapping.values() if c is not None]
    if len(used) != len(set(used)):
        dup = sorted({f for f, c in mapping.items() if c is not None and used.count(c) > 1})
        raise ImportFileError(THE_SAME_COLUMN_IS_CHOSEN_FOR, name, ', '.join(dup))
    assert set(mapping) == set(FIELDS)


def _import_responses(
    imp: _Importer, blocks: Iterable[Block], mapping: dict[str, int | None], fields: list[str],
    matcher: TouchpointMatcher, scale: str | None,
    overrides: Mapping[str, Callable[[Any], Any]] | None = None, count_undated: set[Any] | None = None,
) -> None:
    """Validate raw responses block by block and hand the valid ones to ``imp.writer``.

    A uniform block (CSV lines split by ``str.split``) is validated column by
    column: each column's distinct new values are parsed once into a memo and
    the column is mapped through it in C (``map(memo.__getitem__, ...)``);
    rows are looked at one by one only when a column holds a rejected value.
    Other blocks (ragged CSV, XLSX) go row by row through ``_rows_to_columns``.
    """
    width = 1 + max(c for c in mapping.values() if c is not None)
    parsers: dict[str, Callable[[Any], Any]] = {
        "touchpoint": matcher, "score": parse_score, "sentiment": sentiment_parser(scale or "unit"),
        "date": parse_date, "segment": cell_text,
    }
    parsers.update(overrides or {})
    rejecting = [f for f in ("touchpoint", "score", "sentiment", "date") if f in fields]
    memos: dict[str, dict[Any, Any]] = {f: {} for f in fields}
    bad: dict[str, set[Any]] = {f: set() for f in fields}
    row_state = _RowState(mapping, fields, parsers)
    row_number = imp.src.header_row
    for block in blocks:
        first = row_number + 1
        row_number += block.n
        if row_number // TICK_ROWS != (first - 1) // TICK_ROWS:
            imp.tick()
        n = block.n
        if not block.uniform or block.width < width:
            if count_undated and "date" in fields:
                at = mapping["date"]
                imp.result.undated += sum(
                    1 for r in block.all_rows() if len(r) > at and _hashable(r[at]) in count_undated  # type: ignore[operator]
                )
            columns, kept = _rows_to_columns(imp, row_state, block.all_rows(), first, width)
            imp.add_columns(columns, kept)
            continue
        raw = {f: block.column(mapping[f]) for f in fields}  # type: ignore[arg-type]
        if count_undated and "date" in raw:
            imp.result.undated += sum(map(count_undated.__contains__, raw["date"]))
        values = {}
        for f in fields:
            if f == "comment":
                values[f] = list(map(str.strip, raw[f]))
            else:
                values[f] = _column(raw[f], memos[f], parsers[f], bad[f])
        bad_rows: set[int] = set()
        for f in rejecting:
            if bad[f] and not bad[f].isdisjoint(raw[f]):
                bad_rows.update(compress(range(n), map(bad[f].__contains__, raw[f])))
        if bad_rows:
            for k in sorted(bad_rows):
                row = block.row(k)
                if not is_blank(row):
                    reasons = [v for v in (values[f][k] for f in rejecting) if v.__class__ is Reject]
                    imp.reject(first + k, reasons, row)
            keep = list(map(not_, map(bad_rows.__contains__, range(n))))
            imp.add_columns([list(compress(values[f], keep)) for f in fields], n - len(bad_rows))
        else:
            imp.add_columns([values[f] for f in fields], n)


def _hashable(v: Any) -> Any:
    try:
        hash(v)
    except TypeError:
        return None
    return v


def _column(raw: list[Any], memo: dict[Any, Any], parse: Callable[[Any], Any], bad: set[Any]) -> list[Any]:
    """``[parse(v) for v in raw]`` through *memo*; raw values that parse to a rejection go to *bad*.

    Only for ``str`` cells (CSV): ``1``, ``1.0`` and ``True`` would share a memo key.
    """
    try:
        return list(map(memo.__getitem__, raw))
    except KeyError:
        pass
    new = set(raw).difference(memo)
    if len(memo) + len(new) > MEMO_LIMIT:
        memo.clear()
        bad.clear()
        new = set(raw)
    for value in new:
        parsed = parse(value)
        memo[value] = parsed
        if parsed.__class__ is Reject:
            bad.add(value)
    return list(map(memo.__getitem__, raw))


class _RowState:
    """Column indexes, parsers and memos of the row-by-row path (kept across blocks)."""

    def __init__(self, mapping: dict[str, int | None], fields: list[str],
                 parsers: dict[str, Callable[[Any], Any]]):
        self.fields = fields
        self.index = {f: mapping[f] for f in fields}
        self.parsers = parsers
        # Separate from the column path's memos: these may hold non-str keys
        # (XLSX cells), and the column path relies on its own reject sets.
        self.memos: dict[str, dict[Any, Any]] = {f: {} for f in fields if f != "comment"}


def _rows_to_columns(
    imp: _Importer, state: _RowState, rows: Iterable[Any], row_number: int, width: int,
) -> tuple[list[list[Any]], int]:
    """Validate *rows* (the first being file row *row_number*) one by one; valid ones as columns."""
    fields = state.fields
    out: list[list[Any]] = [[] for _ in fields]
    appends = [c.append for c in out]
    index = [state.index[f] for f in fields]
    parse = [state.parsers.get(f) for f in fields]
    memos = [state.memos.get(f) for f in fields]
    comment_at = fields.index("comment") if "comment" in fields else -1
    reject_type = Reject
    kept = 0
    row_number -= 1
    for row in rows:
        row_number += 1
        if len(row) < width:
            if not row:
                continue
            row = list(row) + [None] * (width - len(row))
        vals = []
        bad = False
        for j, col in enumerate(index):
            raw = row[col]
            if j == comment_at:
                v = raw.strip() if raw.__class__ is str else cell_text(raw)
            else:
                memo = memos[j]
                v = memo.get(raw, _MISS)  # type: ignore[union-attr]
                if v is _MISS:
                    v = _memo(memo, parse[j], raw)  # type: ignore[arg-type]
                bad = bad or v.__class__ is reject_type
            vals.append(v)
        if bad:
            if not is_blank(row):
                imp.reject(row_number, [v for v in vals if v.__class__ is reject_type], row)
            continue
        for append, v in zip(appends, vals):
            append(v)
        kept += 1
    return out, kept


def _import_counts(
    imp: _Importer, rows: Iterable[Any], mapping: dict[str, int | None], matcher: TouchpointMatcher,
    scale: str | None, batch_id: int,
) -> None:
    ti = mapping["touchpoint"]
    counts = [(f, mapping[f], AGGREGATED_SCORES[f]) for f in COUNT_FIELDS if mapping[f] is not None]
    xi, di, gi = mapping["sentiment"], mapping["date"], mapping["segment"]
    width = 1 + max(c for c in mapping.values() if c is not None)
    sentiment = sentiment_parser(scale or "unit")
    row_number = imp.src.header_row
    for row in rows:
        row_number += 1
        if not row_number % TICK_ROWS:
            imp.tick()
        if len(row) < width:
            if not row:
                continue
            row = list(row) + [None] * (width - len(row))
        tp = matcher(row[ti])
        ns = [(parse_count(row[col], f), score) for f, col, score in counts]
        se = None if xi is None else sentiment(row[xi])
        dt = None if di is None else parse_date(row[di])
        seg = "" if gi is None else cell_text(row[gi])
        bad = [v for v in (tp, *(n for n, _ in ns), se, dt) if type(v) is Reject]
        if bad:
            if not is_blank(row):
                imp.reject(row_number, bad, row)
            continue
        for n, score in ns:
            template = (tp, score, se, "", dt, seg, batch_id)
            while n:
                k = min(n, imp.chunk_size - len(imp.buf))
                imp.buf.extend(repeat(template, k))
                n -= k
                if len(imp.buf) >= imp.chunk_size:
                    imp.flush()
                    imp.tick()
