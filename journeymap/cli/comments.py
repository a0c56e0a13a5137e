"""``comments``: what customers said, filtered and searched (only non-empty comments)."""

from __future__ import annotations

import argparse
from datetime import date

from journeymap.cli.common import add_map_option, open_map, print_rows
from journeymap.i18n import fill, translate
from journeymap.services.comments import COMMENT_COLUMNS, GROUPS, SENTIMENTS, SORTS, CommentQuery, comment_rows


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "comments", help=translate("cli", "survey comments, filtered and searched"),
        description=translate(
            "cli", "Print the survey comments of a map, a stage or touchpoints, with score, NPS group, "
            "sentiment, date and segment. --search finds words in any case and with or without accents.",
        ),
    )
    p.add_argument("file", metavar="FILE", help=translate("cli", "the .jmap document"))
    add_map_option(p)
    p.add_argument("--touchpoint", type=int, action="append", metavar="ID", dest="touchpoints",
                   help=translate("cli", "only this touchpoint (repeat for several)"))
    p.add_argument("--stage", type=int, metavar="ID", help=translate("cli", "only the touchpoints of this stage"))
    p.add_argument("--group", choices=GROUPS, help=translate("cli", "only promoters, passives or detractors"))
    p.add_argument("--segment", help=translate("cli", "only responses of this segment"))
    p.add_argument("--sentiment", choices=SENTIMENTS, help=translate("cli", "only comments of this sentiment"))
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help=translate("cli", "only from this date"))
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help=translate("cli", "only up to this date"))
    p.add_argument("--search", metavar="TEXT", default="",
                   help=translate("cli", "only comments containing every word of TEXT"))
    p.add_argument("--sort", choices=tuple(SORTS), default="newest",
                   help=translate("cli", "order (default: %(default)s)"))
    p.add_argument("--format", default="table", choices=["table", "json", "csv"],
                   help=translate("cli", "output format (default: %(default)s)"))
    p.set_defaults(handler=cmd_comments, parser=p)


def _check_date(parser: argparse.ArgumentParser, option: str, value: str | None) -> None:
    if value is None:
        return
    try:
        date.fromisoformat(value)
    except ValueError:
        parser.error(fill(translate("cli", "%1: %2 is not a date (YYYY-MM-DD)"), option, value))


def cmd_comments(args: argparse.Namespace) -> int:
    from journeymap.cli import CliError

    _check_date(args.parser, "--from", args.date_from)
    _check_date(args.parser, "--to", args.date_to)
    doc, map_id = open_map(args.file, args.map_id)
    with doc:
        known = {tp.id for tp in doc.touchpoints(map_id)}
        unknown = [str(t) for t in args.touchpoints or () if t not in known]
        if unknown:
            raise CliError(fill(translate("cli", "%1: map %2 has no touchpoint %3."), args.file, map_id,
                                ", ".join(unknown)))
        if args.stage is not None and args.stage not in {s.id for s in doc.stages(map_id)}:
            raise CliError(fill(translate("cli", "%1: map %2 has no stage %3."), args.file, map_id, args.stage))
        q = CommentQuery(map_id, tuple(args.touchpoints or ()), args.stage, args.group, args.segment,
                         args.sentiment, args.date_from, args.date_to, args.search)
        rows = comment_rows(doc, q, args.sort)
    print_rows(rows, COMMENT_COLUMNS, args.format)
    return 0
