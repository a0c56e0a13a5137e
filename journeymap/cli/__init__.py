"""The ``journeymap`` console script.

Each sub-command lives in its own module with ``register(subparsers)``; the
module's handler returns the exit code (0 ok, 1 failure; argparse uses 2 for
usage errors).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from journeymap import __version__, i18n
from journeymap.i18n import translate

COMMAND_MODULES = (
    "journeymap.cli.documents",
    "journeymap.cli.report",
    "journeymap.cli.gui",
    "journeymap.cli.exporting",
    "journeymap.cli.importing",
    "journeymap.cli.attach",
)


class CliError(Exception):
    """A failure to report on stderr with exit code 1."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="journeymap", description=translate("cli", "Customer journey maps with NPS and sentiment, offline.")
    )
    parser.add_argument(
        "--version", action="version", version=f"journeymap {__version__}",
        help=translate("cli", "show the version and exit"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from journeymap.services.templates import TemplateError
    from journeymap.storage import DocumentError

    i18n.install_for_cli()
    i18n.translate_argparse()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except (CliError, DocumentError, TemplateError, OSError) as exc:
        print(i18n.fill(translate("cli", "journeymap: error: %1"), i18n.error_text(exc)), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(translate("cli", "journeymap: interrupted"), file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
