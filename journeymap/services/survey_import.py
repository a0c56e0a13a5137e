"""Import a survey export as the tool wrote it: ``journeymap import`` and Data ▸ Import.

Sources (how each tool lays out its export) are listed in
``tests/test_survey_exports.py``. The steps:

1. the file's SHA-256 is compared with the batches already imported into the
   map: the same file again raises :class:`AlreadyImported` unless *again*;
2. the header rows (Qualtrics' three, SurveyMonkey's two) are read and a
   sample of rows classifies every column (``survey_layout.make_plan``); a
   saved import profile with the same header signature, or the one named,
   supplies the mapping; explicit overrides win over both;
3. long files go through the streaming long importer with the column's own
   parsers (score labels, 1-11 recode, 1-5/1-7 as sentiment, dates in the
   column's order); wide files through ``survey_wide``; one transaction, one
   batch, rolled back on failure or cancel.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from journeymap.domain.messages import QT_TRANSLATE_NOOP, message
from journeymap.domain.metrics import NpsSummary
from journeymap.domain.model import ImportBatch
from journeymap.i18n import current_language
from journeymap.services import import_profiles
from journeymap.services import reject_reasons as R
from journeymap.services.import_mapping import (
    FIELDS,
    ColumnError,
    build_mapping,
    guess_mapping,
    normalise_header,
    resolve_column,
)
from journeymap.services.import_sources import ImportFileError, open_source
from journeymap.services.importing import (
    CHUNK_ROWS,
    COLUMN_PROBLEM,
    NO_SCORE_COLUMN_NOR_PROMOTERS_PASSIVES,
    NO_TOUCHPOINT_COLUMN_FOUND_AMONG_CHOOSE,
    Cancel,
    ImportResult,
    Progress,
    _Importer,
    import_opened,
    is_aggregated,
)
from journeymap.services.survey_headers import Header, read_header
from journeymap.services.survey_layout import (
    COMMENT,
    DATE,
    IGNORED,
    LONG,
    OVERALL,
    ROLES,
    SCORE,
    SEGMENT,
    SENTIMENT,
    TOUCHPOINT,
    UNKNOWN,
    WIDE,
    Note,
    Plan,
    make_plan,
    parse_override,
)
from journeymap.services.survey_values import FIVE, SEVEN, Reject, date_parser, score_parser
from journeymap.services.survey_wide import import_wide
from journeymap.storage import Document
from journeymap.storage.responses_sql import bulk_cache, trusted_inserts

# The messages this module's errors carry: an id and the English text (translated where shown).
NO_IMPORT_PROFILE_NAMED_PROFILES = message("import.no_import_profile_named_profiles", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: no import profile named %2 (profiles: %3)."))
THERE_NO_TOUCHPOINT_THIS_MAP = message("import.there_no_touchpoint_this_map", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: there is no touchpoint %2 in this map."))
NO_COLUMN_NAMES_TOUCHPOINT_THIS_MAP = message("import.no_column_names_touchpoint_this_map", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: no column names a touchpoint of this map (columns: %2); map the columns to touchpoints explicitly."))  # noqa: E501
UNKNOWN_FIELD_FIELDS_IGNORE_OR_TOUCHPOINT = message("import.unknown_field_fields_ignore_or_touchpoint", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: unknown field %2 (fields: %3, ignore or a touchpoint id)."))
ALREADY_IMPORTED = message("import.already_imported", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: this file was already imported into this map (%2, %3); nothing was changed."))

HASH_CHUNK = 1 << 20


class AlreadyImported(ImportFileError):
    """The same file (same content) was already imported into this map."""

    def __init__(self, batch: ImportBatch, name: str):
        super().__init__(ALREADY_IMPORTED, name, batch.source, batch.imported_at)
        self.batch = batch


def content_hash(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class Options:
    """What the user chose beyond the guesses (CLI flags, the dialog's column table)."""

    layout: str | None = None  # "long" / "wide"
    columns: Mapping[str | int, str] = field(default_factory=dict)  # header or 0-based index -> role / tp id
    # The classic --X-col choices: field -> header or 1-based column (None: not that field).
    fields: Mapping[str, str | int | None] = field(default_factory=dict)
    no_date: bool = False
    profile: str | None = None  # a saved profile's name; None = the one matching the header, if any
    use_profiles: bool = True
    save_profile: str | None = None


def _with_fields(options: Options, header: Header, legacy: Mapping[str, int | None]) -> Options:
    """The classic field choices as column overrides (explicit columns win)."""
    if not options.fields:
        return options
    columns: dict[str | int, str] = {}
    for name, spec in options.fields.items():
        if name not in ROLES:
            continue
        if spec in (None, ""):
            guessed = guess_mapping(header.codes).get(name)
            if guessed is not None:
                columns[guessed] = IGNORED
        elif legacy.get(name) is not None:
            columns[legacy[name]] = name  # type: ignore[index]
    columns.update(options.columns)
    return replace(options, columns=columns)


def _overrides(header: Header, columns: Mapping[str | int, str], name: str) -> dict[int, tuple[str, int | None]]:
    out: dict[int, tuple[str, int | None]] = {}
    for key, spec in columns.items():
        if isinstance(key, int):
            index = key
        else:
            index = _find_column(header, key, name)
        try:
            out[index] = parse_override(str(spec), ROLES)
        except ValueError:
            raise ImportFileError(
                UNKNOWN_FIELD_FIELDS_IGNORE_OR_TOUCHPOINT, name, repr(spec), ', '.join(r for r in ROLES if r != UNKNOWN)
            ) from None
    return out


def _find_column(header: Header, key: str, name: str) -> int:
    try:
        return resolve_column(key, header.codes)
    except ColumnError as exc:
        labels = [normalise_header(x) for x in header.labels]
        if normalise_header(key) in labels:
            return labels.index(normalise_header(key))
        raise ImportFileError(COLUMN_PROBLEM, name, exc) from exc


def plan_for(
    doc: Document, map_id: int, src: Any, header: Header, options: Options, name: str,
) -> tuple[Plan, str | None]:
    """The plan of an open source and the name of the profile it used (if any)."""
    touchpoints = doc.touchpoints(map_id)
    ids = {tp.id for tp in touchpoints}
    overrides: dict[int, tuple[str, int | None]] = {}
    layout = options.layout
    used = None
    profile = None
    if options.profile:
        profile = import_profiles.get(doc, options.profile)
        if profile is None:
            known = ", ".join(p.name for p in import_profiles.all_profiles(doc)) or "none"
            raise ImportFileError(NO_IMPORT_PROFILE_NAMED_PROFILES, name, repr(options.profile), known)
    elif options.use_profiles:
        profile = import_profiles.find(doc, header.codes)
    if profile is not None:
        used = profile.name
        for index, (role, tp) in profile.columns.items():
            if index < len(header.codes):
                overrides[index] = (UNKNOWN, None) if tp is not None and tp not in ids else (role, tp)
        layout = layout or profile.layout or None
    overrides.update(_overrides(header, options.columns, name))
    for role, tp in overrides.values():
        if tp is not None and tp not in ids and role != UNKNOWN:
            raise ImportFileError(THERE_NO_TOUCHPOINT_THIS_MAP, name, tp)
    plan = make_plan(
        header, touchpoints, layout=layout, overrides=overrides, no_date=options.no_date,
        delimiter=getattr(src, "delimiter", ""), encoding=getattr(src, "encoding", ""),
        ui_language=current_language(),
    )
    if used:
        plan.notes.insert(0, Note("Import profile %1 applied.", (used,)))
    return plan, used


def check_plan(plan: Plan, name: str, header: Header) -> None:
    shown = ", ".join(repr(c.shown) for c in plan.columns[:12] if c.code or c.label)
    if plan.layout == LONG:
        if plan.first(TOUCHPOINT) is None:
            raise ImportFileError(
                NO_TOUCHPOINT_COLUMN_FOUND_AMONG_CHOOSE, name, shown
            )
        if plan.first(SCORE) is None and plan.first(SENTIMENT) is None:
            raise ImportFileError(
                NO_SCORE_COLUMN_NOR_PROMOTERS_PASSIVES, name, shown
            )
    elif not any(c.touchpoint_id is not None for c in plan.columns if c.role in (SCORE, SENTIMENT)) \
            and plan.first(OVERALL) is None:
        raise ImportFileError(
            NO_COLUMN_NAMES_TOUCHPOINT_THIS_MAP, name, shown
        )


def _long_mapping(plan: Plan) -> tuple[dict[str, int | None], dict[str, Callable[[Any], Any]], set[Any]]:
    mapping: dict[str, int | None] = dict.fromkeys(FIELDS)
    parsers: dict[str, Callable[[Any], Any]] = {}
    mapping["touchpoint"] = plan.first(TOUCHPOINT).index  # type: ignore[union-attr]
    score = plan.first(SCORE)
    sentiment = plan.first(SENTIMENT)
    if score is not None and score.scale in (FIVE, SEVEN):
        # A satisfaction scale in the score column: the row's sentiment, no NPS.
        sentiment, score = score, None
        mapping["sentiment"] = sentiment.index
        parsers["sentiment"] = score_parser(sentiment.scale)
    else:
        if score is not None:
            mapping["score"] = score.index
            parse = score_parser(score.scale)

            def long_score(raw: Any, parse: Callable[[Any], Any] = parse) -> Any:
                value = parse(raw)
                return Reject(R.MISSING_SCORE) if value is None else value

            parsers["score"] = long_score
        if sentiment is not None:
            mapping["sentiment"] = sentiment.index
            if sentiment.scale in (FIVE, SEVEN):
                parsers["sentiment"] = score_parser(sentiment.scale)
    for role in (COMMENT, DATE, SEGMENT):
        col = plan.first(role)
        mapping[role] = None if col is None else col.index
    unreadable: set[Any] = set()
    if plan.first(DATE) is not None:
        parse_date = date_parser(plan.date_order)

        def lenient(raw: Any) -> Any:
            value = parse_date(raw)
            if type(value) is Reject:
                try:
                    unreadable.add(raw)
                except TypeError:
                    pass
                return None
            return value

        parsers["date"] = lenient
    return mapping, parsers, unreadable


def import_survey(
    doc: Document, map_id: int, path: str | Path, *, options: Options | None = None, sheet: str | None = None,
    again: bool = False, progress: Progress | None = None, cancel: Cancel | None = None,
    chunk_size: int = CHUNK_ROWS, source_name: str | None = None,
) -> ImportResult:
    """Import a survey export into map *map_id*; see the module docstring."""
    options = options or Options()
    doc.get_map(map_id)
    path = Path(path)
    with open_source(path, sheet) as src:
        name = source_name or src.name
        digest = content_hash(path)
        header = read_header(src)
        try:
            legacy = build_mapping(header.codes, options.fields)
        except ColumnError as exc:
            raise ImportFileError(COLUMN_PROBLEM, name, exc) from exc
        explicit_score = options.fields.get("score") not in (None, "")
        aggregated = is_aggregated(legacy, explicit_score) and options.layout != WIDE
        if not aggregated:
            options = _with_fields(options, header, legacy)
            plan, _used = plan_for(doc, map_id, src, header, options, name)
            check_plan(plan, name, header)
        if not again:
            for b in doc.batches(map_id):
                if b.content_hash == digest:
                    raise AlreadyImported(b, name)
        if aggregated:
            # Pre-aggregated promoters/passives/detractors counts: the classic path.
            return import_opened(doc, map_id, src, name, legacy, explicit_score=explicit_score,
                                 progress=progress, cancel=cancel, chunk_size=chunk_size, content_hash=digest)
        result = ImportResult(name, layout=plan.layout, plan=plan, headers=list(header.codes))
        result.unknown_columns = [c.shown for c in plan.unknown]
        if plan.layout == LONG:
            mapping, parsers, unreadable = _long_mapping(plan)
            import_opened(doc, map_id, src, name, mapping, explicit_score=True, progress=progress, cancel=cancel,
                          chunk_size=chunk_size, parsers=parsers, count_undated=unreadable,
                          content_hash=digest, result=result)
        else:
            _import_wide(doc, map_id, src, plan, result, digest, progress, cancel, chunk_size)
        result.notes = list(plan.notes) + _result_notes(result)
        if options.save_profile and result.batch_id is not None:
            import_profiles.save(doc, options.save_profile, header.codes, plan)
    return result


def _import_wide(doc: Document, map_id: int, src: Any, plan: Plan, result: ImportResult, digest: str,
                 progress: Progress | None, cancel: Cancel | None, chunk_size: int) -> None:
    imported_at = datetime.now().astimezone().isoformat(timespec="seconds")
    imp = _Importer(doc, src, result, progress, cancel, chunk_size)
    owns = not doc.in_transaction
    with bulk_cache(doc), trusted_inserts(doc), doc.transaction():
        batch_id = doc.add_batch(ImportBatch(map_id, result.source, imported_at, 0, 0, content_hash=digest))
        import_wide(imp, plan, src.blocks(), batch_id, map_id, owns)
        if result.imported or result.overall:
            doc.update_batch(batch_id, rows=result.imported + result.overall, rejected=result.rejected)
            result.batch_id = batch_id
        else:
            doc.delete_batch(batch_id)
    if progress is not None:
        progress(src.total, src.total)


def _result_notes(result: ImportResult) -> list[Note]:
    notes = []
    if result.overall:
        notes.append(Note("Overall NPS answers stored: %1.", (result.overall,)))
    if result.sentiment_only:
        notes.append(Note("Answers with a sentiment and no 0-10 score: %1.", (result.sentiment_only,)))
    if result.undated:
        notes.append(Note("Answers whose date could not be read (imported without a date): %1.", (result.undated,)))
    if result.unanswered and result.layout == WIDE:
        notes.append(Note("Unanswered cells skipped (blank, N/A, No aplica): %1.", (result.unanswered,)))
    return notes


# ------------------------------------------------------------------ preview
@dataclass
class SurveyPreview:
    """What the import dialog shows: the plan, the first rows and the NPS they would give."""

    kind: str
    plan: Plan
    header: Header
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    sheet_names: list[str] = field(default_factory=list)
    header_row: int = 1
    nps: dict[int, NpsSummary] = field(default_factory=dict)  # touchpoint id -> from the sample
    overall: NpsSummary = field(default_factory=NpsSummary)
    already: ImportBatch | None = None
    profile: str | None = None


def preview_survey(doc: Document, map_id: int, path: str | Path, *, options: Options | None = None,
                   sheet: str | None = None) -> SurveyPreview:
    """The plan and the sample's NPS per touchpoint, without writing anything."""
    options = options or Options()
    path = Path(path)
    with open_source(path, sheet) as src:
        name = src.name
        header = read_header(src)
        plan, used = plan_for(doc, map_id, src, header, options, name)
        digest = content_hash(path)
        already = next((b for b in doc.batches(map_id) if b.content_hash == digest), None)
        preview = SurveyPreview(
            src.kind, plan, header, getattr(src, "encoding", ""), getattr(src, "delimiter", ""),
            getattr(src, "sheet", ""), list(getattr(src, "sheet_names", [])), src.header_row,
            already=already, profile=used,
        )
    preview.nps, preview.overall = sample_nps(plan, header, doc, map_id)
    return preview


def sample_nps(plan: Plan, header: Header, doc: Document, map_id: int) -> tuple[dict[int, NpsSummary], NpsSummary]:
    """NPS per touchpoint (and overall) of the sample rows, as the import would count them."""
    counts: dict[int, list[int]] = {}

    def add(tp: int, score: Any) -> None:
        if isinstance(score, int) and not isinstance(score, bool):
            c = counts.setdefault(tp, [0, 0, 0])
            c[0 if score >= 9 else 1 if score >= 7 else 2] += 1

    if plan.layout == WIDE:
        for col in plan.by_role(SCORE):
            if col.touchpoint_id is None:
                continue
            parse = score_parser(col.scale)
            for v in header.column(col.index):
                add(col.touchpoint_id, parse(v))
        overall = [0, 0, 0]
        col = plan.first(OVERALL)
        if col is not None:
            parse = score_parser(col.scale)
            for v in header.column(col.index):
                s = parse(v)
                if isinstance(s, int):
                    overall[0 if s >= 9 else 1 if s >= 7 else 2] += 1
        return {k: NpsSummary(*v) for k, v in counts.items()}, NpsSummary(*overall)
    from journeymap.services.importing import TouchpointMatcher

    tp_col, score_col = plan.first(TOUCHPOINT), plan.first(SCORE)
    if tp_col is None or score_col is None or score_col.scale in (FIVE, SEVEN):
        return {}, NpsSummary()
    match = TouchpointMatcher(doc.touchpoints(map_id))
    parse = score_parser(score_col.scale)
    for row in header.sample:
        tp = match(row[tp_col.index] if tp_col.index < len(row) else None)
        if not isinstance(tp, str):
            add(tp, parse(row[score_col.index] if score_col.index < len(row) else None))
    return {k: NpsSummary(*v) for k, v in counts.items()}, NpsSummary()


__all__ = [
    "IGNORED", "AlreadyImported", "Options", "SurveyPreview", "content_hash", "import_survey", "preview_survey",
]
