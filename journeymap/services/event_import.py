"""Event logs from a CRM or web analytics (CSV or XLSX, one row per event) into a map: ``import-events``.

A row says which customer (or session) did what, when: a customer id, a
timestamp and the touchpoint (a card's id or title, matched as survey imports
match them), optionally the channel and an outcome ("purchase", "churn").
The survey machinery does the reading: the streaming sources, the column
guessing (English and Spanish headers, here with the synonyms of CRM and
analytics exports: HubSpot's "Record ID" / "Activity date", Salesforce's
"Contact ID" / "Created Date" / "Subject", GA4's ``user_pseudo_id`` /
``event_timestamp`` / ``event_name``), the date orders, the rejected rows with
their file row numbers and the duplicate-file check.

The import is one transaction and one batch: the events, any cards created for
touchpoint names the map does not have (``new_cards``), and the flows
aggregated from the log while it is read (``storage.flows_count``), kept with the
batch. A file with no valid event, a cancel or a failure leaves the document
exactly as it was. Memory stays bounded: a few thousand rows at a time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from itertools import compress, islice
from operator import not_
from pathlib import Path
from typing import Any

from journeymap.domain.flows import Flows
from journeymap.domain.messages import QT_TRANSLATE_NOOP, message
from journeymap.domain.model import ImportBatch, LaneKind, Touchpoint
from journeymap.i18n import current_language
from journeymap.services import reject_reasons as R
from journeymap.services.import_mapping import ColumnError, build_mapping, normalise
from journeymap.services.import_sources import Block, ImportFileError, open_source
from journeymap.services.import_values import TouchpointMatcher, cell_text, headers_text, is_blank
from journeymap.services.importing import (
    COLUMN_PROBLEM,
    NO_TOUCHPOINT_COLUMN_FOUND_AMONG_CHOOSE,
    THE_SAME_COLUMN_IS_CHOSEN_FOR,
    THE_SHEET_OR_FILE_IS_EMPTY,
    TICK_ROWS,
    Cancel,
    ImportCancelled,
    ImportResult,
    Progress,
    _column,
    _Importer,
)
from journeymap.services.survey_import import AlreadyImported, content_hash
from journeymap.services.survey_values import DMY, MDY, Reject, date_order, datetime_parser, is_unanswered
from journeymap.storage import Document
from journeymap.storage.events_sql import EventWriter, store_flows
from journeymap.storage.responses_sql import bulk_cache, trusted_inserts

__all__ = ["EVENT_FIELDS", "AlreadyImported", "EventImportResult", "EventPreview", "ImportCancelled",
           "ImportFileError", "import_events", "preview_events"]

EVENT_FIELDS = ("customer", "time", "touchpoint", "channel", "outcome")
# Header words of each field, normalised (lower case, no accents, punctuation as spaces).
EVENT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "customer": (
        "customer", "customer id", "client id", "contact id", "record id", "user id", "user pseudo id",
        "visitor id", "session id", "lead id", "account id", "email", "cliente", "id cliente", "id de cliente",
        "id del cliente", "id de contacto", "id contacto", "id de registro", "usuario", "id de usuario",
        "id usuario", "sesion", "id de sesion", "correo", "correo electronico",
    ),
    "time": (
        "timestamp", "time", "datetime", "date", "event time", "event timestamp", "activity date",
        "created date", "create date", "date time", "created at", "occurred at", "fecha", "hora",
        "fecha y hora", "fecha hora", "marca de tiempo", "fecha de actividad", "fecha del evento",
        "fecha de creacion",
    ),
    "touchpoint": (
        "touchpoint", "touchpoint id", "touch point", "punto de contacto", "interaction", "interaccion",
        "event", "event name", "event type", "activity", "activity type", "page", "page title", "page path",
        "subject", "step", "evento", "nombre del evento", "tipo de evento", "actividad", "tipo de actividad",
        "asunto", "pagina", "titulo de pagina", "paso",
    ),
    "channel": (
        "channel", "canal", "medium", "source medium", "default channel group", "session default channel group",
        "medio", "origen medio",
    ),
    "outcome": (
        "outcome", "resultado", "conversion", "converted", "result", "lifecycle stage", "etapa del ciclo de vida",
    ),
}
# The messages of this module's errors (the survey importer's where they say the same).
NO_CUSTOMER_COLUMN = message("events.no_customer_column", "ImportError", QT_TRANSLATE_NOOP(
    "ImportError", "%1: no customer or session id column found among %2; choose the column explicitly."))
NO_TIMESTAMP_COLUMN = message("events.no_timestamp_column", "ImportError", QT_TRANSLATE_NOOP(
    "ImportError", "%1: no timestamp column found among %2; choose the column explicitly."))
NO_PLACE_FOR_NEW_CARDS = message("events.no_place_for_new_cards", "ImportError", QT_TRANSLATE_NOOP(
    "ImportError", "%1: the map has no stage or lane to put new cards in."))
SAMPLE_ROWS = 2000  # rows looked at to decide the day order of slashed dates
MAX_REJECTED_NAMES = 200  # unknown touchpoint names counted (and listed) at most
MAX_NEW_CARDS = 200  # a column of 100,000 distinct names is not a list of touchpoints
FLOW_WEIGHT = 0.15  # share of the progress bar the flows take (they run after the last row)


@dataclass
class EventImportResult(ImportResult):
    """An event import: the survey result's counts and rejected rows, plus the log's own figures."""

    customers: int = 0
    new_touchpoints: list[int] = field(default_factory=list)  # cards created for unknown names
    unknown_names: dict[str, int] = field(default_factory=dict)  # names matching no card -> rows rejected
    date_order: str = MDY
    flows: Flows | None = None


@dataclass
class EventPreview:
    """What the import dialog shows: the columns guessed, the first rows, the names the map lacks."""

    kind: str
    headers: list[str]
    rows: list[list[Any]]
    mapping: dict[str, int | None]
    header_row: int
    sheet: str = ""
    sheet_names: list[str] = field(default_factory=list)
    unknown_names: list[str] = field(default_factory=list)  # of the sample rows
    already: ImportBatch | None = None


class _Cards(TouchpointMatcher):
    """The survey matcher; a name it does not know becomes a new card (when asked), else a rejection."""

    def __init__(self, doc: Document, map_id: int, create: bool, stage_id: int | None = None, name: str = ""):
        super().__init__(doc.touchpoints(map_id))
        self.doc, self.map_id, self.create, self.name = doc, map_id, create, name
        self.stage_id = stage_id
        self.lane_id: int | None = None
        self.created: list[int] = []
        self.unknown: Counter[str] = Counter()
        self.before_write: Callable[[], None] | None = None  # the event writer's wait()

    def __call__(self, raw: Any) -> int | Reject:
        found = super().__call__(raw)
        if found.__class__ is not Reject or not str(found).startswith("no touchpoint "):
            return found
        title = cell_text(raw)
        if self.create and len(self.created) < MAX_NEW_CARDS:
            return self._new_card(title)
        if title in self.unknown or len(self.unknown) < MAX_REJECTED_NAMES:
            self.unknown[title] += 0  # counted per row by the importer
        return found

    def _new_card(self, title: str) -> int:
        if self.before_write is not None:  # the connection is the writer thread's meanwhile
            self.before_write()
        if self.lane_id is None:
            lanes = self.doc.lanes(self.map_id)
            stages = self.doc.stages(self.map_id)
            if not lanes or not stages:
                raise ImportFileError(NO_PLACE_FOR_NEW_CARDS, self.name)
            lane = next((x for x in lanes if x.kind == LaneKind.TOUCHPOINTS), lanes[0])
            self.lane_id = lane.id
            if self.stage_id is None or self.stage_id not in {s.id for s in stages}:
                self.stage_id = stages[0].id
        tp = self.doc.add_touchpoint(Touchpoint(self.map_id, self.stage_id, self.lane_id, title))  # type: ignore[arg-type]
        self.created.append(tp)
        self.titles[normalise(title)] = tp
        self.ids.add(tp)
        return tp


def _mapping(headers: list[str], columns: Mapping[str, str | int | None] | None, name: str) -> dict[str, int | None]:
    try:
        mapping = build_mapping(headers, columns, EVENT_SYNONYMS)
    except ColumnError as exc:
        raise ImportFileError(COLUMN_PROBLEM, name, exc) from exc
    return mapping


def _check(name: str, headers: list[str], mapping: dict[str, int | None]) -> None:
    if not any(headers):
        raise ImportFileError(THE_SHEET_OR_FILE_IS_EMPTY, name)
    known = headers_text(headers)
    if mapping["customer"] is None:
        raise ImportFileError(NO_CUSTOMER_COLUMN, name, known)
    if mapping["time"] is None:
        raise ImportFileError(NO_TIMESTAMP_COLUMN, name, known)
    if mapping["touchpoint"] is None:
        raise ImportFileError(NO_TOUCHPOINT_COLUMN_FOUND_AMONG_CHOOSE, name, known)
    used = [c for c in mapping.values() if c is not None]
    if len(used) != len(set(used)):
        dup = sorted({f for f, c in mapping.items() if c is not None and used.count(c) > 1})
        raise ImportFileError(THE_SAME_COLUMN_IS_CHOSEN_FOR, name, ', '.join(dup))


def _order(values: Iterable[Any], language: str) -> str:
    return date_order(values) or (DMY if language == "es" else MDY)


def preview_events(doc: Document, map_id: int, path: str | Path, *, sheet: str | None = None, limit: int = 20,
                   columns: Mapping[str, str | int | None] | None = None) -> EventPreview:
    """The guessed columns, the first rows and the sample's touchpoint names the map does not have."""
    path = Path(path)
    with open_source(path, sheet) as src:
        headers = list(src.headers)
        mapping = _mapping(headers, columns, src.name)
        rows = [list(r) for r in islice(src.rows(), max(limit, SAMPLE_ROWS))]
        preview = EventPreview(src.kind, headers, rows[:limit], mapping, src.header_row,
                               getattr(src, "sheet", ""), list(getattr(src, "sheet_names", [])))
    col = mapping["touchpoint"]
    if col is not None:
        match = TouchpointMatcher(doc.touchpoints(map_id))
        unknown: dict[str, None] = {}
        for r in rows:
            if len(r) > col and not is_blank([r[col]]):
                if type(match(r[col])) is Reject and str(match(r[col])).startswith("no touchpoint "):
                    unknown[cell_text(r[col])] = None
        preview.unknown_names = list(unknown)
    digest = content_hash(path)
    preview.already = next((b for b in doc.batches(map_id) if b.content_hash == digest), None)
    return preview


class _NothingImported(Exception):
    """Rolls back the batch and any new cards when no event was valid."""


def import_events(
    doc: Document, map_id: int, path: str | Path, *, columns: Mapping[str, str | int | None] | None = None,
    sheet: str | None = None, new_cards: bool = False, new_card_stage: int | None = None, again: bool = False,
    progress: Progress | None = None, cancel: Cancel | None = None, source_name: str | None = None,
) -> EventImportResult:
    """Import an event log into map *map_id*; see the module docstring.

    *columns* maps ``customer``, ``time``, ``touchpoint``, ``channel``, ``outcome`` to a header or
    a 1-based column (``None`` unmaps a guess). Raises :class:`AlreadyImported` for a file already
    imported into the map (unless *again*), :class:`ImportFileError` for a file that cannot be read
    or lacks a needed column, :class:`ImportCancelled` when *cancel()* says so (rolled back).
    """
    doc.get_map(map_id)
    path = Path(path)
    with open_source(path, sheet) as src:
        name = source_name or src.name
        headers = list(src.headers)
        mapping = _mapping(headers, columns, name)
        _check(name, headers, mapping)
        digest = content_hash(path)
        if not again:
            for b in doc.batches(map_id):
                if b.content_hash == digest:
                    raise AlreadyImported(b, name)
        result = EventImportResult(name, mapping=dict(mapping), headers=headers)
        blocks = src.blocks()
        first: list[Block] = []
        for block in blocks:
            first.append(block)
            if sum(b.n for b in first) >= SAMPLE_ROWS:
                break
        tcol = mapping["time"]
        assert tcol is not None
        sample = [r[tcol] for b in first for r in b.all_rows() if len(r) > tcol]
        result.date_order = _order(sample, current_language())
        imported_at = datetime.now().astimezone().isoformat(timespec="seconds")
        total = max(1, src.total)

        def scaled(done: int, whole: int) -> None:
            if progress is not None:
                progress(int(done * (1 - FLOW_WEIGHT)), whole)

        importer = _Importer(doc, src, result, scaled if progress else None, cancel, 1)
        try:
            with bulk_cache(doc), trusted_inserts(doc), doc.transaction():
                batch_id = doc.add_batch(ImportBatch(map_id, name, imported_at, 0, 0, content_hash=digest))
                cards = _Cards(doc, map_id, new_cards, new_card_stage, name)
                parse_time = datetime_parser(result.date_order, required=True)
                with EventWriter(doc, batch_id) as writer:
                    cards.before_write = writer.wait
                    _read(importer, _chain(first, blocks), mapping, cards, parse_time, writer)
                    writer.finish()
                cards.before_write = None
                result.imported = writer.rows
                result.new_touchpoints = list(cards.created)
                result.unknown_names = {k: v for k, v in cards.unknown.most_common() if v}
                if not writer.rows:
                    raise _NothingImported
                importer.tick()
                writer.keep_columns()
                flows = writer.flows()
                store_flows(doc, batch_id, flows)
                _place_new_cards(doc, cards.created, flows)
                result.flows, result.customers = flows, flows.customers
                doc.update_batch(batch_id, rows=writer.rows, rejected=result.rejected)
                result.batch_id = batch_id
        except _NothingImported:
            result.new_touchpoints = []
        if progress is not None:
            progress(total, total)
    return result


def _place_new_cards(doc: Document, created: list[int], flows: Flows) -> None:
    """Put each new card in the stage of the card customers most often came from (it follows it).

    In the order the file named them, so a new card can follow one placed just before.
    """
    unplaced = set(created)
    for tp_id in created:
        into = [t for t in flows.transitions if t.to_id == tp_id and t.from_id not in unplaced]
        unplaced.discard(tp_id)
        if not into:
            continue
        source = max(into, key=lambda t: (t.customers, -t.from_id)).from_id
        card, prior = doc.touchpoint(tp_id), doc.touchpoint(source)
        if card.stage_id != prior.stage_id:
            position = doc.execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM touchpoints WHERE stage_id = ? AND lane_id = ?",
                [prior.stage_id, card.lane_id]).fetchone()[0]
            doc.update_touchpoint(tp_id, stage_id=prior.stage_id, position=position)


def _chain(head: list[Block], rest: Iterable[Block]) -> Iterable[Block]:
    yield from head
    head.clear()
    yield from rest


def _customer(raw: Any) -> str | Reject:
    text = raw.strip() if raw.__class__ is str else cell_text(raw)
    return text if text else Reject(R.MISSING_CUSTOMER)


def _optional(raw: Any) -> str:
    return "" if is_unanswered(raw) else cell_text(raw)


def _read(imp: _Importer, blocks: Iterable[Block], mapping: dict[str, int | None], cards: _Cards,
          parse_time: Callable[[Any], Any], writer: EventWriter) -> None:
    """Validate block by block, column by column (each distinct cell parsed once), and write."""
    fields = [f for f in EVENT_FIELDS if mapping[f] is not None]
    width = 1 + max(mapping[f] for f in fields)  # type: ignore[type-var]

    def parse_touchpoint(raw: Any) -> Any:
        if raw is None or (raw.__class__ is str and not raw.strip()):
            return Reject(R.MISSING_TOUCHPOINT)
        return cards(raw)

    parsers: dict[str, Callable[[Any], Any]] = {
        "customer": _customer, "time": parse_time, "touchpoint": parse_touchpoint,
        "channel": _optional, "outcome": _optional,
    }
    memos: dict[str, dict[Any, Any]] = {f: {} for f in fields}
    bad: dict[str, set[Any]] = {f: set() for f in fields}
    checked = ("customer", "time", "touchpoint")
    row_number = imp.src.header_row
    for block in blocks:
        first_row = row_number + 1
        row_number += block.n
        if row_number // TICK_ROWS != (first_row - 1) // TICK_ROWS:
            imp.tick()
        n = block.n
        if block.uniform and block.width >= width:
            raw = {f: block.column(mapping[f]) for f in fields}  # type: ignore[arg-type]
        else:
            rows = list(block.all_rows())
            raw = {f: [r[mapping[f]] if len(r) > mapping[f] else None for r in rows]  # type: ignore[index, operator]
                   for f in fields}
        values: dict[str, list[Any]] = {}
        bad_rows: set[int] = set()
        for f in fields:
            if f == "customer" and block.uniform:
                values[f] = list(map(str.strip, raw[f]))
                if "" in values[f]:
                    values[f] = [v or Reject(R.MISSING_CUSTOMER) for v in values[f]]
                    bad[f].update(r for r in raw[f] if not r.strip())
            elif f == "touchpoint" and cards.create:
                # New cards are made in the order the file first names them.
                for value in dict.fromkeys(raw[f]):
                    if value not in memos[f]:
                        memos[f][value] = parse_touchpoint(value)
                        if memos[f][value].__class__ is Reject:
                            bad[f].add(value)
                values[f] = _column(raw[f], memos[f], parsers[f], bad[f])
            elif f == "time":  # nearly every timestamp is new: a memo would only cost
                values[f] = list(map(parse_time, raw[f]))
                if Reject in set(map(type, values[f])):
                    bad_rows.update(k for k, v in enumerate(values[f]) if v.__class__ is Reject)
            else:
                values[f] = _column(raw[f], memos[f], parsers[f], bad[f])
        for f in checked:
            if bad[f] and not bad[f].isdisjoint(raw[f]):
                bad_rows.update(compress(range(n), map(bad[f].__contains__, raw[f])))
        for k in range(n) if not block.uniform else ():
            # Rows with unhashable or non-str cells went through the memo as they are: check them all.
            if any(values[f][k].__class__ is Reject for f in checked):
                bad_rows.add(k)
        if bad_rows:
            for k in sorted(bad_rows):
                row = block.row(k)
                if is_blank(row):
                    continue
                reasons = [values[f][k] for f in checked if values[f][k].__class__ is Reject]
                for reason in reasons:
                    if str(reason).startswith("no touchpoint "):
                        title = cell_text(raw["touchpoint"][k])
                        if title in cards.unknown:
                            cards.unknown[title] += 1
                imp.reject(first_row + k, reasons, row)
            keep = list(map(not_, map(bad_rows.__contains__, range(n))))
            columns = [list(compress(values[f], keep)) for f in fields]
            kept = n - len(bad_rows)
        else:
            columns = [values[f] for f in fields]
            kept = n
        if not kept:
            continue
        flat: list[Any] = [""] * (kept * 5)
        for f, col in zip(fields, columns):
            flat[_SLOT[f]::5] = col
        writer.put(flat)


# Where each field goes in a written row (storage.events_sql.EVENT_COLUMNS order).
_SLOT = {"customer": 0, "time": 1, "touchpoint": 2, "channel": 3, "outcome": 4}

