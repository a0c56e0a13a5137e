"""``new``, ``templates`` and ``maps``: create and inspect documents."""

from __future__ import annotations

import argparse

from journeymap import i18n
from journeymap.cli.common import print_table
from journeymap.i18n import translate
from journeymap.services import templates
from journeymap.storage import Document


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help=translate("cli", "create a document from a template"),
                       description=translate("cli", "Create a new .jmap document."))
    p.add_argument("file", metavar="FILE", help=translate("cli", "the document to create (never overwritten)"))
    p.add_argument("--template", default=templates.DEFAULT_TEMPLATE, metavar="NAME",
                   help=translate("cli", "starter map (see 'journeymap templates'; default: %(default)s)"))
    p.add_argument("--title", metavar="TITLE", help=translate("cli", "title of the new map"))
    p.add_argument("--lang", default=i18n.current_language(), choices=["en", "es"],
                   help=translate("cli", "template language (default: %(default)s)"))
    p.set_defaults(handler=cmd_new)

    p = sub.add_parser("templates", help=translate("cli", "list templates"),
                       description=translate("cli", "List the starter map templates."))
    p.add_argument("--lang", default=i18n.current_language(), choices=["en", "es"],
                   help=translate("cli", "language of the descriptions (default: %(default)s)"))
    p.set_defaults(handler=cmd_templates)

    p = sub.add_parser("maps", help=translate("cli", "list the maps of a document"),
                       description=translate("cli", "List the maps in a document."))
    p.add_argument("file", metavar="FILE", help=translate("cli", "the .jmap document"))
    p.set_defaults(handler=cmd_maps)


def cmd_new(args: argparse.Namespace) -> int:
    from journeymap.cli import CliError
    from journeymap.domain.model import MAX_NAME_CHARS

    if args.title is not None and len(args.title) > MAX_NAME_CHARS:
        raise CliError(i18n.fill(translate("cli", "--title: at most %1 characters."), MAX_NAME_CHARS))
    templates.load_template(args.template)  # fail on a bad name before creating a file
    with Document.create(args.file) as doc:
        map_id = templates.create_map_from_template(doc, args.template, args.title, args.lang)
    print(map_id)
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    for name in templates.template_names():
        info = templates.describe(name, args.lang)
        print(f"{name:14} {info.description}")
    return 0


def cmd_maps(args: argparse.Namespace) -> int:
    with Document.open(args.file, read_only=True) as doc:
        rows = []
        for m in doc.maps():
            stages, lanes, tps = doc.counts(m.id)
            rows.append({"id": m.id, "title": m.title, "stages": stages, "lanes": lanes, "touchpoints": tps})
    print_table(rows, ["id", "title", "stages", "lanes", "touchpoints"])
    return 0
