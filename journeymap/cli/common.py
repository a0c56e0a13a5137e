"""Helpers shared by CLI commands."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence

from journeymap import locale_format
from journeymap.i18n import QT_TRANSLATE_NOOP, fill, translate
from journeymap.storage import Document

# How long a command waits for another program's write lock before it fails.
BUSY_TIMEOUT_SECONDS = 5.0


def open_map(path: str, map_id: int | None, read_only: bool = True) -> tuple[Document, int]:
    """Open a document and resolve ``--map`` (default: the first map)."""
    from journeymap.cli import CliError

    doc = Document.open(path, read_only=read_only)
    if not doc.read_only:
        doc.set_busy_timeout(BUSY_TIMEOUT_SECONDS)
    maps = doc.maps()
    if not maps:
        doc.close()
        raise CliError(fill(translate("cli", "%1: the document has no maps."), path))
    if map_id is None:
        return doc, maps[0].id
    if map_id not in {m.id for m in maps}:
        doc.close()
        known = ", ".join(str(m.id) for m in maps)
        raise CliError(fill(translate("cli", "%1: there is no map %2 (maps: %3)."), path, map_id, known))
    return doc, map_id


def add_map_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--map", type=int, dest="map_id", metavar="ID", help=translate("cli", "map id (default: the first map)")
    )


def print_rows(rows: Sequence[dict[str, object]], columns: Sequence[str], fmt: str) -> None:
    if fmt == "json":
        json.dump([{c: r[c] for c in columns} for r in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "csv":
        from journeymap.services.exporting import cell_value
        from journeymap.services.spreadsheet_locale import csv_cell

        # Like the data exports: formulas defused (also after a leading newline and after a ';',
        # where a Spanish Excel splits a comma file), text quoted.
        def cell(value: object) -> str:
            value = cell_value(value, csv_text=True, comma_file=True)
            if isinstance(value, str):
                return csv_cell(value, ",", quote=bool(value))
            return str(value)

        sys.stdout.write(",".join(csv_cell(c, ",", False) for c in columns) + "\n")
        for r in rows:
            sys.stdout.write(",".join(cell(r[c]) for c in columns) + "\n")
    else:
        print_table(rows, columns)


# Column headings of the table output (JSON and CSV keep the ids): translated where printed.
COLUMN_HEADINGS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("column", "id"), QT_TRANSLATE_NOOP("column", "title"), QT_TRANSLATE_NOOP("column", "stage"),
    QT_TRANSLATE_NOOP("column", "lane"), QT_TRANSLATE_NOOP("column", "channel"),
    QT_TRANSLATE_NOOP("column", "responses"), QT_TRANSLATE_NOOP("column", "promoters"),
    QT_TRANSLATE_NOOP("column", "passives"), QT_TRANSLATE_NOOP("column", "detractors"),
    QT_TRANSLATE_NOOP("column", "nps"), QT_TRANSLATE_NOOP("column", "nps_margin"),
    QT_TRANSLATE_NOOP("column", "sentiment"), QT_TRANSLATE_NOOP("column", "stages"),
    QT_TRANSLATE_NOOP("column", "lanes"), QT_TRANSLATE_NOOP("column", "touchpoints"),
    QT_TRANSLATE_NOOP("column", "pairs"), QT_TRANSLATE_NOOP("column", "r"), QT_TRANSLATE_NOOP("column", "r_low"),
    QT_TRANSLATE_NOOP("column", "r_high"), QT_TRANSLATE_NOOP("column", "impact"),
    QT_TRANSLATE_NOOP("column", "impact_from_data"), QT_TRANSLATE_NOOP("column", "map"),
    # comments
    QT_TRANSLATE_NOOP("column", "touchpoint_id"), QT_TRANSLATE_NOOP("column", "touchpoint"),
    QT_TRANSLATE_NOOP("column", "score"), QT_TRANSLATE_NOOP("column", "group"), QT_TRANSLATE_NOOP("column", "comment"),
    QT_TRANSLATE_NOOP("column", "date"), QT_TRANSLATE_NOOP("column", "segment"),
    # compare
    QT_TRANSLATE_NOOP("column", "kind"), QT_TRANSLATE_NOOP("column", "n_a"), QT_TRANSLATE_NOOP("column", "nps_a"),
    QT_TRANSLATE_NOOP("column", "n_b"), QT_TRANSLATE_NOOP("column", "nps_b"), QT_TRANSLATE_NOOP("column", "delta"),
    QT_TRANSLATE_NOOP("column", "significant"), QT_TRANSLATE_NOOP("column", "p_value"),
)

# Values the table output shows in the CLI language (JSON and CSV keep them as they are):
# NPS groups, compare's row kinds, and yes / no.
VALUE_NAMES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("value", "promoter"), QT_TRANSLATE_NOOP("value", "passive"),
    QT_TRANSLATE_NOOP("value", "detractor"), QT_TRANSLATE_NOOP("value", "touchpoint"),
    QT_TRANSLATE_NOOP("value", "stage"), QT_TRANSLATE_NOOP("value", "yes"), QT_TRANSLATE_NOOP("value", "no"),
)
NAMED_VALUE_COLUMNS = frozenset({"group", "kind"})


def table_cell(value: object) -> str:
    """A value as the table shows it: numbers in the CLI language (``44,7`` in Spanish)."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return translate("value", "yes" if value else "no")
    if isinstance(value, float):
        return locale_format.decimal(value, locale_format.written_decimals(value, 2), grouping=False)
    if isinstance(value, int) and not isinstance(value, bool):
        return locale_format.integer(value)
    return strip_controls(str(value))


def strip_controls(text: str) -> str:
    """Terminal escape sequences and control characters out of a table cell (a title is user data)."""
    return _CONTROLS.sub("", " ".join(text.splitlines()))


def print_table(rows: Sequence[dict[str, object]], columns: Sequence[str]) -> None:
    cells = [[translate("value", str(r[c])) if c in NAMED_VALUE_COLUMNS and r[c] is not None else table_cell(r[c])
              for c in columns] for r in rows]
    headings = [translate("column", c) for c in columns]
    widths = [max([len(h), *(len(row[i]) for row in cells)]) for i, h in enumerate(headings)]
    print("  ".join(c.ljust(w) for c, w in zip(headings, widths)))
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)))


# Escape sequences (CSI, OSC, two-byte ESC, C1 CSI) and every other control character.
_CONTROLS = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]"
    r"|[\x00-\x1f\x7f-\x9f]"
)
