"""``report``: NPS and sentiment per touchpoint."""

from __future__ import annotations

import argparse

from journeymap.cli.common import add_map_option, open_map, print_rows
from journeymap.i18n import translate
from journeymap.services.reporting import (
    DRIVER_COLUMNS,
    OVERALL_COLUMNS,
    REPORT_COLUMNS,
    driver_rows,
    overall_row,
    report_rows,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help=translate("cli", "NPS and sentiment per touchpoint"),
                       description=translate("cli", "Print one row per touchpoint with its NPS and sentiment."))
    p.add_argument("file", metavar="FILE", help=translate("cli", "the .jmap document"))
    add_map_option(p)
    p.add_argument("--format", default="table", choices=["table", "json", "csv"],
                   help=translate("cli", "output format (default: %(default)s)"))
    p.add_argument("--segment", help=translate("cli", "only responses of this segment"))
    p.add_argument("--overall", action="store_true",
                   help=translate("cli", "the map's overall NPS (the survey's recommend question) instead"))
    p.add_argument("--drivers", action="store_true",
                   help=translate("cli", "what drives the overall NPS: touchpoints ranked by the correlation "
                                  "(Pearson r) of their score with the same respondent's overall score"))
    p.set_defaults(handler=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    doc, map_id = open_map(args.file, args.map_id)
    with doc:
        if args.overall:
            print_rows([overall_row(doc, map_id, args.segment)], OVERALL_COLUMNS, args.format)
            return 0
        if args.drivers:
            print_rows(driver_rows(doc, map_id, args.segment), DRIVER_COLUMNS, args.format)
            return 0
        rows = report_rows(doc, map_id, args.segment)
    print_rows(rows, REPORT_COLUMNS, args.format)
    return 0
