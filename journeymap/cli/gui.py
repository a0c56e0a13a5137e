"""``gui``: open the editor."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the editor", description="Open the JourneyMap editor.")
    p.add_argument("file", nargs="?", metavar="FILE", help="document to open (default: the sample map)")
    p.set_defaults(handler=cmd_gui)


def cmd_gui(args: argparse.Namespace) -> int:
    from journeymap.app import run

    return run([args.file] if args.file else [])
