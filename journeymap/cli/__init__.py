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
from journeymap.domain.messages import MessageError
from journeymap.i18n import translate

COMMAND_MODULES = (
    "journeymap.cli.documents",
    "journeymap.cli.report",
    "journeymap.cli.gui",
    "journeymap.cli.exporting",
    "journeymap.cli.importing",
    "journeymap.cli.attach",
    "journeymap.cli.comments",
    "journeymap.cli.compare",
    "journeymap.cli.events",
    "journeymap.cli.merging",
)


class CliError(MessageError):
    """A failure to report on stderr with exit code 1.

    Made from another error it keeps that error's message id, so it is translated as that error.
    """

    def __init__(self, msg: object, *args: object):
        if isinstance(msg, MessageError) and msg.message is not None:
            super().__init__(msg.message, *msg.message_args)
        else:
            super().__init__(msg if isinstance(msg, str) else str(msg), *args)


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
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not as a traceback at exit
        return code
    except BrokenPipeError:
        # `journeymap report ... | head`: the reader has all it wants.
        _discard_stdout()
        return 0
    except (CliError, DocumentError, TemplateError, OSError) as exc:
        return _fail(i18n.error_text(exc))
    except KeyboardInterrupt:
        print(translate("cli", "journeymap: interrupted"), file=sys.stderr)
        return 130
    except MemoryError:
        return _fail(translate("cli", "not enough memory for this command."))
    except Exception as exc:  # noqa: BLE001 - the CLI never ends in a traceback
        return _fail(i18n.fill(translate("cli", "unexpected error (%1: %2)."), type(exc).__name__, exc))


def _fail(message: str) -> int:
    print(i18n.fill(translate("cli", "journeymap: error: %1"), message), file=sys.stderr)
    return 1


def _discard_stdout() -> None:
    """Point stdout at /dev/null so Python's final flush cannot fail again."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
