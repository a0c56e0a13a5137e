"""``gui``: open the editor."""

from __future__ import annotations

import argparse

from journeymap.i18n import translate


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help=translate("cli", "open the editor"),
                       description=translate("cli", "Open the JourneyMap editor."))
    p.add_argument("file", nargs="?", metavar="FILE",
                   help=translate("cli", "document to open (default: the sample map)"))
    p.set_defaults(handler=cmd_gui)


def cmd_gui(args: argparse.Namespace) -> int:
    from journeymap.app import run

    return run([args.file] if args.file else [])
