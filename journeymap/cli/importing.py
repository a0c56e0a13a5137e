"""``import``: survey responses from a CSV or XLSX file into a map."""

from __future__ import annotations

import argparse
import sys

from journeymap.cli.common import add_map_option, open_map
from journeymap.i18n import QT_TRANSLATE_NOOP, fill, reason_text, translate

SHOWN_REJECTED = 20

COLUMN_OPTIONS = (
    ("touchpoint", QT_TRANSLATE_NOOP("cli", "column of the touchpoint id or title")),
    ("score", QT_TRANSLATE_NOOP("cli", "column of the 0-10 recommendation score")),
    ("sentiment", QT_TRANSLATE_NOOP("cli", "column of the sentiment (-1..1, 1..5 or words)")),
    ("comment", QT_TRANSLATE_NOOP("cli", "column of the free-text comment")),
    ("date", QT_TRANSLATE_NOOP("cli", "column of the answer date")),
    ("segment", QT_TRANSLATE_NOOP("cli", "column of the segment, store or region")),
    ("promoters", QT_TRANSLATE_NOOP("cli", "column of the promoters count (aggregated files)")),
    ("passives", QT_TRANSLATE_NOOP("cli", "column of the passives count (aggregated files)")),
    ("detractors", QT_TRANSLATE_NOOP("cli", "column of the detractors count (aggregated files)")),
)

EPILOG = QT_TRANSLATE_NOOP(
    "cli",
    """Columns are guessed from the header row (English or Spanish, any case or
accents); a --X-col option names the column by header or by 1-based number.
Rows are matched to touchpoints by id or by title. Invalid rows are rejected
and listed; valid rows are imported in one transaction as one import batch.
Exit status: 0 when at least one response was imported, 1 otherwise (nothing
is recorded then).""",
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import", help=translate("cli", "import survey responses (CSV or XLSX)"),
        description=translate(
            "cli", "Import survey responses (NPS score, sentiment, comment...) from a CSV or XLSX file."
        ),
        epilog=translate("cli", EPILOG), formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", metavar="FILE", help=translate("cli", "the .jmap document"))
    p.add_argument("data", metavar="DATA", help=translate("cli", "the survey file (.csv, .txt, .tsv or .xlsx)"))
    add_map_option(p)
    for name, what in COLUMN_OPTIONS:
        p.add_argument(f"--{name}-col", dest=f"{name}_col", metavar="C", help=translate("cli", what))
    p.add_argument("--sheet", metavar="NAME", help=translate("cli", "XLSX sheet (default: the first)"))
    p.add_argument("--quiet", "-q", action="store_true", help=translate("cli", "print only the summary line"))
    p.set_defaults(handler=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    from journeymap.cli import CliError
    from journeymap.services.importing import ImportFileError, import_file

    columns = {
        name: getattr(args, f"{name}_col") for name, _ in COLUMN_OPTIONS if getattr(args, f"{name}_col")
    }
    doc, map_id = open_map(args.file, args.map_id, read_only=False)
    with doc:
        try:
            result = import_file(doc, map_id, args.data, columns=columns, sheet=args.sheet)
        except ImportFileError as exc:
            raise CliError(str(exc)) from exc
    print(fill(translate("cli", "imported %1, rejected %2"), result.imported, result.rejected))
    if not args.quiet:
        for row in result.rejected_rows[:SHOWN_REJECTED]:
            print(fill(translate("cli", "row %1: %2"), row.row_number, reason_text(row.reason)))
        if result.rejected > SHOWN_REJECTED:
            print(fill(translate("cli", "... more rejected rows: %1"), result.rejected - SHOWN_REJECTED))
    if not result.imported:
        print(translate("cli", "journeymap: nothing imported; the document is unchanged"), file=sys.stderr)
        return 1
    return 0
