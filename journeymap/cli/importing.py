"""``import``: survey responses from a CSV or XLSX file into a map (as survey tools export them)."""

from __future__ import annotations

import argparse
import sys

from journeymap.cli.common import add_map_option, open_map
from journeymap.i18n import QT_TRANSLATE_NOOP, error_text, fill, note_text, reason_text, translate

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
    """Reads exports of Qualtrics, SurveyMonkey, Google Forms, Microsoft Forms,
Typeform, LimeSurvey and Excel as they are: extra header rows, one column per
touchpoint (wide) or one row per answer (long), score labels, 1-11 recodes,
1-5 and 1-7 satisfaction scales (as sentiment), dates in either day order.
A column belongs to a touchpoint when its header names the touchpoint's title.
--map-column HEADER=FIELD sets what a column is: touchpoint, score, sentiment,
comment, date, segment, overall, ignore, or a touchpoint id (its score).
The mapping is remembered per header signature with --save-profile NAME.
Invalid answers are rejected and listed; valid ones are imported in one
transaction as one import batch. Exit status: 0 when something was imported,
1 otherwise (nothing is recorded then).""",
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
    p.add_argument("--layout", choices=["long", "wide"],
                   help=translate("cli", "long (one row per answer) or wide (one column per touchpoint)"))
    p.add_argument("--map-column", action="append", default=[], metavar="HEADER=FIELD",
                   help=translate("cli", "what a column is: a field, ignore, or a touchpoint id (repeatable)"))
    p.add_argument("--no-date", action="store_true", help=translate("cli", "import no dates"))
    p.add_argument("--profile", metavar="NAME", help=translate("cli", "use the saved import profile NAME"))
    p.add_argument("--save-profile", metavar="NAME",
                   help=translate("cli", "save this file's column mapping as import profile NAME"))
    p.add_argument("--again", action="store_true",
                   help=translate("cli", "import the file even if it was imported before"))
    p.add_argument("--rejected", metavar="CSV",
                   help=translate("cli", "save the rejected rows to CSV, with a reason column"))
    p.add_argument("--sheet", metavar="NAME", help=translate("cli", "XLSX sheet (default: the first)"))
    p.add_argument("--quiet", "-q", action="store_true", help=translate("cli", "print only the summary line"))
    p.set_defaults(handler=cmd_import)


def _map_columns(specs: list[str]) -> dict[str | int, str]:
    from journeymap.cli import CliError

    out: dict[str | int, str] = {}
    for spec in specs:
        header, sep, value = spec.rpartition("=")
        if not sep or not header.strip() or not value.strip():
            raise CliError(fill(translate("cli", "--map-column %1: expected HEADER=FIELD"), spec))
        out[header.strip()] = value.strip()
    return out


def cmd_import(args: argparse.Namespace) -> int:
    from journeymap.cli import CliError
    from journeymap.services.import_rejects import write_rejected
    from journeymap.services.importing import ImportFileError
    from journeymap.services.survey_import import AlreadyImported, Options, import_survey

    fields = {name: getattr(args, f"{name}_col") for name, _ in COLUMN_OPTIONS if getattr(args, f"{name}_col")}
    options = Options(
        layout=args.layout, columns=_map_columns(args.map_column), no_date=args.no_date,
        profile=args.profile, save_profile=args.save_profile, fields=fields,
    )
    doc, map_id = open_map(args.file, args.map_id, read_only=False)
    with doc:
        try:
            result = import_survey(doc, map_id, args.data, options=options, sheet=args.sheet, again=args.again)
        except AlreadyImported as exc:
            raise CliError(
                error_text(exc) + " " + translate("cli", "Use --again to import it anyway.")
            ) from exc
        except ImportFileError as exc:
            raise CliError(exc) from exc
    print(fill(translate("cli", "imported %1, rejected %2"), result.imported, result.rejected))
    if not args.quiet:
        if result.layout == "wide":
            print(translate("cli", "layout: wide (one row per respondent, one column per touchpoint)"))
        for note in result.notes:
            print(note_text(note))
        for row in result.rejected_rows[:SHOWN_REJECTED]:
            print(fill(translate("cli", "row %1: %2"), row.row_number, reason_text(row)))
        if result.rejected > SHOWN_REJECTED:
            print(fill(translate("cli", "... more rejected rows: %1"), result.rejected - SHOWN_REJECTED))
    if args.rejected and result.rejected_rows:
        n = write_rejected(result, args.rejected)
        print(fill(translate("cli", "rejected rows saved to %1 (rows: %2)"), args.rejected, n))
    if not result.imported and not result.overall:
        print(translate("cli", "journeymap: nothing imported; the document is unchanged"), file=sys.stderr)
        return 1
    return 0
