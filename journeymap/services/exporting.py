"""Data exports of a map: touchpoints with their metrics as CSV or XLSX, the whole map as JSON.

Headless and Qt-free: the CLI's data formats never load Qt. Image exports (PNG,
SVG, PDF) go through the scene renderer in ``journeymap.ui.export.render``.

Every file is written atomically: a temporary file in the target's folder is
filled and then renamed over the target, so a failed export never leaves a
half-written file and nothing is written anywhere but the chosen path.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from journeymap.domain.messages import QT_TRANSLATE_NOOP, MessageError, message
from journeymap.services.atomic_file import AtomicWriteError, InvalidOutput, atomic_file
from journeymap.services.reporting import REPORT_COLUMNS, report_rows
from journeymap.services.spreadsheet_locale import csv_cell, sheet_locale
from journeymap.storage import Document
from journeymap.storage.quotes import quotes

EXTRA_COLUMNS = (
    "description", "sensation", "moment_of_truth", "owner", "impact", "tags",
    "controllable", "expectation", "evidence", "waiting_minutes", "leads_to", "quotes",
)
EXPORT_COLUMNS: tuple[str, ...] = (*REPORT_COLUMNS, *EXTRA_COLUMNS)

DATA_FORMATS = ("csv", "xlsx", "json")
IMAGE_FORMATS = ("png", "svg", "pdf")
DECK_FORMATS = ("pptx",)  # PowerPoint: journeymap.ui.export.deck
FORMATS = (*IMAGE_FORMATS, *DECK_FORMATS, *DATA_FORMATS)

# A spreadsheet treats text starting with these as a formula (CSV/formula injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
TAG_SEPARATOR = "; "
_AFTER_SEMICOLON = re.compile(r"(;[ \n]*)(?=[=+\-@\t\r])")
_LINE_FORMULA = re.compile(r"([\r\n][ ]*)(?=[=+\-@])")
# Characters that XML 1.0 (and so XLSX) cannot hold.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

# Rough character widths of XLSX columns (Excel's unit is one "0" of the default font).
_MIN_WIDTH, _MAX_WIDTH = 6, 60


class ExportError(MessageError):
    """An export cannot be written; the message is for the user."""

# The messages this module's errors carry: an id and the English text (translated where shown).
IS_AN_IMAGE_FORMAT_IT_NEEDS = message("export.is_an_image_format_it_needs", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "%1: '.%2' is an image format; it needs the scene renderer."))
UNKNOWN_EXPORT_FORMAT_USE_ONE_OF = message("export.unknown_export_format_use_one_of", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "%1: unknown export format '%2' (use one of: %3)."))
# Shared by the scene, PDF report and deck exporters (journeymap.ui.export).
NO_MAP_TO_EXPORT = message("export.no_map_to_export", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "there is no map to export."))
NOTHING_TO_EXPORT = message("export.nothing_to_export", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "the map is empty; there is nothing to export."))
CANNOT_WRITE_PDF_FILE = message("export.cannot_write_pdf_file", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "%1: cannot write the PDF file."))
WORKBOOK_DAMAGED = message("export.workbook_damaged", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "the workbook is damaged: %1"))
WORKBOOK_INCOMPLETE = message("export.workbook_incomplete", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "the workbook is incomplete: %1"))


def format_of(path: str | os.PathLike[str]) -> str:
    """The export format named by a file's extension ('png', 'csv', ...)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ExportError(
            UNKNOWN_EXPORT_FORMAT_USE_ONE_OF, path, Path(path).suffix or '(none)', ', '.join('.' + f for f in FORMATS)
        )
    return suffix


# --------------------------------------------------------------------- rows
def export_rows(doc: Document, map_id: int, segment: str | None = None) -> list[dict[str, Any]]:
    """One dict per touchpoint with exactly ``EXPORT_COLUMNS``, in map order.

    Values keep their types: numbers stay numbers, ``tags`` is a list and
    ``moment_of_truth`` a bool; writers turn them into cells.
    """
    rows = report_rows(doc, map_id, segment)
    touchpoints = {tp.id: tp for tp in doc.touchpoints(map_id)}
    pinned = quotes(doc, map_id)
    # The flow: each card lists the cards its arrows lead to ("Title (label)").
    leads_to: dict[int, list[str]] = {}
    for c in doc.connections(map_id):
        target = touchpoints.get(c.target_id)
        if target is not None:
            leads_to.setdefault(c.source_id, []).append(f"{target.title} ({c.label})" if c.label else target.title)
    out = []
    for row in rows:
        tp = touchpoints[row["id"]]
        out.append(
            {
                **row,
                "description": tp.description,
                "sensation": str(tp.sensation),
                "moment_of_truth": bool(tp.moment_of_truth),
                "owner": tp.owner,
                "impact": tp.impact,
                "tags": list(tp.tags),
                "controllable": bool(tp.controllable),
                "expectation": tp.expectation,
                "evidence": str(tp.evidence),
                "waiting_minutes": _whole(tp.waiting_minutes),
                "leads_to": leads_to.get(tp.id, []),
                "quotes": [q.text for q in pinned.get(tp.id, [])],  # pinned customer comments, in order
            }
        )
    return out


def _whole(value: float | None) -> float | int | None:
    """6.0 minutes reads "6" in a cell (2.5 stays 2.5)."""
    return int(value) if value is not None and float(value).is_integer() else value


def neutralise(value: Any) -> Any:
    """Defuse text that a spreadsheet would run as a formula; other values pass through.

    Only strings are touched, so a real negative number (an NPS of -12.5)
    stays a number, while the text "-12.5" or "=HYPERLINK(...)" gets a
    leading single quote and is shown as text.
    """
    if not isinstance(value, str):
        return value
    # A leading newline or space does not stop a spreadsheet from running "\n=cmd".
    # (Text holding ';' is always quoted by the CSV writers, so a Spanish Excel never splits it.)
    if value.startswith(FORMULA_PREFIXES) or value.lstrip(" \n").startswith(FORMULA_PREFIXES):
        value = "'" + value
    # A reader that splits rows at line ends inside a cell sees each line as a cell's start.
    return _LINE_FORMULA.sub(r"\1'", value)


def cell_value(value: Any, *, csv_text: bool = False, comma_file: bool = False) -> Any:
    """A row value as a spreadsheet cell: lists joined, None empty, text neutralised.

    *comma_file*: the cell goes into a comma-separated file, which a Spanish Excel splits
    at ';' whatever the quoting (the quote is not at the start of the piece): each piece
    after a ';' is defused too.
    """
    if value is None:
        return "" if csv_text else None
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE") if csv_text else value
    if isinstance(value, list | tuple):
        value = TAG_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, str):
        value = neutralise(value)
        return _AFTER_SEMICOLON.sub(r"\1'", value) if comma_file else value
    return value


# ------------------------------------------------------------- atomic write
@contextmanager
def atomic_path(target: str | os.PathLike[str], validate: Callable[[Path], None] | None = None) -> Iterator[Path]:
    """Yield a path to write to; on success (and *validate* passing) it replaces *target*.

    On any error *target* is left as it was and nothing is left beside it
    (see ``atomic_file``); file errors become ``ExportError``.
    """
    try:
        with atomic_file(target, validate) as tmp:
            yield tmp
    except AtomicWriteError as exc:
        raise ExportError(exc) from exc


def write_atomic(target: str | os.PathLike[str], write: Callable[[Path], None],
                 validate: Callable[[Path], None] | None = None) -> Path:
    with atomic_path(target, validate) as tmp:
        write(tmp)
    return Path(target)


def check_zip(path: Path) -> None:
    """An XLSX is a zip archive: refuse one that was cut short."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
    except (zipfile.BadZipFile, OSError) as exc:
        raise InvalidOutput(WORKBOOK_INCOMPLETE, exc) from exc
    if bad is not None:
        raise InvalidOutput(WORKBOOK_DAMAGED, bad)


# ---------------------------------------------------------------- writers
def write_csv(
    doc: Document, map_id: int, path: str | os.PathLike[str], segment: str | None = None, lang: str = "en"
) -> Path:
    """Touchpoints and metrics as CSV, UTF-8 with a BOM so Excel reads accents right.

    *lang* "es" writes what a Spanish Excel opens right (see ``spreadsheet_locale``).
    """
    rows = export_rows(doc, map_id, segment)
    loc = sheet_locale(lang)

    def cell(column: str, value: Any) -> str:
        value = loc.quotes(value) if column == "quotes" else loc.value(column, value)
        if value is None:
            return ""
        if isinstance(value, bool):
            return loc.boolean(value)
        if isinstance(value, int | float):
            return loc.number(value)
        text = str(cell_value(value, comma_file=loc.delimiter == ","))  # lists joined, formulas neutralised
        return csv_cell(text, loc.delimiter, quote=bool(text))

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            fh.write(loc.delimiter.join(csv_cell(loc.header(c), loc.delimiter, False) for c in EXPORT_COLUMNS))
            fh.write("\r\n")
            for row in rows:
                fh.write(loc.delimiter.join(cell(c, row[c]) for c in EXPORT_COLUMNS) + "\r\n")

    return write_atomic(path, write)


def write_xlsx(
    doc: Document, map_id: int, path: str | os.PathLike[str], segment: str | None = None, lang: str = "en"
) -> Path:
    """Touchpoints and metrics as an Excel workbook: bold frozen header, fitted columns."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    rows = export_rows(doc, map_id, segment)
    title = doc.get_map(map_id).title
    loc = sheet_locale(lang)

    wb = Workbook()
    ws = wb.active
    ws.title = "Puntos de contacto" if loc.lang == "es" else "Touchpoints"
    ws.append([loc.header(c) for c in EXPORT_COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center")
    widths = [len(loc.header(c)) for c in EXPORT_COLUMNS]
    for r, row in enumerate(rows, start=2):
        for c, column in enumerate(EXPORT_COLUMNS, start=1):
            raw = row[column]
            value = cell_value(loc.quotes(raw) if column == "quotes" else loc.value(column, raw))
            if isinstance(value, str):
                value = _ILLEGAL_XML.sub("", value)
            cell = ws.cell(row=r, column=c)
            cell.value = value
            if isinstance(value, str):
                # openpyxl would otherwise store text starting with "=" as a formula.
                cell.data_type = "s"
            if value is not None:
                longest = max((len(line) for line in str(value).splitlines()), default=0)
                widths[c - 1] = max(widths[c - 1], longest)
    ws.freeze_panes = "A2"
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = max(_MIN_WIDTH, min(_MAX_WIDTH, width + 2))
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(EXPORT_COLUMNS))}{len(rows) + 1}"
    wb.properties.title = _ILLEGAL_XML.sub("", title)[:255]
    wb.properties.creator = "JourneyMap"

    def write(tmp: Path) -> None:
        # Into memory first: openpyxl leaves its zip file open when a write fails (a full disk),
        # and the workbook of a map is small.
        import io

        buffer = io.BytesIO()
        wb.save(buffer)
        with open(tmp, "wb") as fh:
            fh.write(buffer.getvalue())

    return write_atomic(path, write, check_zip)


def write_json(
    doc: Document, map_id: int, path: str | os.PathLike[str], include_responses: bool = False
) -> Path:
    """The whole map (see ``map_json``) as pretty UTF-8 JSON."""
    from journeymap.services.map_json import export_map

    data = export_map(doc, map_id, include_responses=include_responses)

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2, allow_nan=False)
            fh.write("\n")

    return write_atomic(path, write)


def export_data(
    doc: Document,
    map_id: int,
    path: str | os.PathLike[str],
    *,
    segment: str | None = None,
    include_responses: bool = False,
    lang: str = "en",
) -> Path:
    """Write a data export, choosing CSV, XLSX or JSON from the extension.

    *lang* shapes the spreadsheets for that language's Excel (JSON is the same in every language).
    """
    fmt = format_of(path)
    if fmt == "csv":
        return write_csv(doc, map_id, path, segment, lang)
    if fmt == "xlsx":
        return write_xlsx(doc, map_id, path, segment, lang)
    if fmt == "json":
        return write_json(doc, map_id, path, include_responses)
    raise ExportError(IS_AN_IMAGE_FORMAT_IT_NEEDS, path, fmt)
