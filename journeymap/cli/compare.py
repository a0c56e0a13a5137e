"""``compare``: two segments or two periods, per touchpoint and per stage, with a significance test."""

from __future__ import annotations

import argparse

from journeymap.cli.common import add_map_option, open_map, print_rows
from journeymap.i18n import fill, translate
from journeymap.services.compare import COMPARE_COLUMNS, PeriodError, Side, compare_rows, parse_period


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "compare", help=translate("cli", "compare the NPS of two segments or two periods"),
        description=translate(
            "cli", "Compare the NPS of two segments (--segment A --segment B) or two periods "
            "(--period 2024-01-01..2024-03-31 --period 2024-04-01..2024-06-30), per touchpoint and per "
            "stage. delta is B minus A; significant is the adjusted-Wald test of the difference of two "
            "NPS at 95 % (Sauro & Lewis, after Rocks 2016).",
        ),
    )
    p.add_argument("file", metavar="FILE", help=translate("cli", "the .jmap document"))
    add_map_option(p)
    p.add_argument("--segment", action="append", metavar="S", dest="segments",
                   help=translate("cli", "a segment to compare (give two)"))
    p.add_argument("--period", action="append", metavar="FROM..TO", dest="periods",
                   help=translate("cli", "a period to compare, both ends included (give two)"))
    p.add_argument("--format", default="table", choices=["table", "json", "csv"],
                   help=translate("cli", "output format (default: %(default)s)"))
    p.set_defaults(handler=cmd_compare, parser=p)


def _sides(args: argparse.Namespace) -> tuple[Side, Side]:
    segments, periods = args.segments or [], args.periods or []
    if segments and periods or len(segments) + len(periods) != 2 or len(segments) == 1:
        args.parser.error(translate("cli", "give two --segment or two --period"))
    if segments:
        return Side(segment=segments[0]), Side(segment=segments[1])
    try:
        return Side(period=parse_period(periods[0])), Side(period=parse_period(periods[1]))
    except PeriodError as exc:
        if exc.backwards:
            args.parser.error(fill(translate("cli", "--period %1 ends before it starts"), exc.text))
        args.parser.error(fill(translate("cli", "--period %1 is not YYYY-MM-DD..YYYY-MM-DD"), exc.text))
    raise AssertionError  # unreachable: parser.error exits


def cmd_compare(args: argparse.Namespace) -> int:
    a, b = _sides(args)
    doc, map_id = open_map(args.file, args.map_id)
    with doc:
        rows = compare_rows(doc, map_id, a, b)
    print_rows(rows, COMPARE_COLUMNS, args.format)
    return 0
