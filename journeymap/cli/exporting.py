"""``export`` and ``import-map``: write a map as an image or data file, or add one from JSON.

Data formats (CSV, XLSX, JSON) never load Qt. Image formats (PNG, SVG, PDF)
render the map's scene offscreen; without a display the command selects Qt's
``offscreen`` platform itself.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from journeymap.cli.common import add_map_option, open_map
from journeymap.i18n import error_text, fill, translate
from journeymap.services.exporting import DATA_FORMATS, DECK_FORMATS, FORMATS, IMAGE_FORMATS, ExportError, format_of

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsScene

OVERLAY_NAMES = ("nps", "sentiment", "emotion", "photos", "quotes", "trend", "flows")
PAGES = ("fit", "a4", "a3", "letter", "tabloid", "slide")


class UsageError(Exception):
    """A bad combination of arguments: exit code 2, like argparse."""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help=translate("cli", "export a map as PNG, SVG, PDF, PowerPoint, CSV, XLSX or JSON"),
        description=translate(
            "cli",
            "Export a map. The format follows OUT's extension: .png, .svg, .pdf (the map as "
            "drawn on the canvas), .pptx (a PowerPoint deck: title, the map, a slide per stage with "
            "editable cards, NPS charts, comments) or .csv, .xlsx (touchpoints with metrics), .json (the whole map).",
        ),
    )
    p.add_argument("file", metavar="FILE", help=translate("cli", "the .jmap document"))
    p.add_argument("out", metavar="OUT", help=translate("cli", "the file to write (replaced atomically)"))
    add_map_option(p)
    p.add_argument("--scale", type=float, metavar="N",
                   help=translate("cli", "PNG: pixels per canvas pixel (default 1)"))
    p.add_argument("--width", type=int, metavar="PX",
                   help=translate("cli", "PNG: image width in pixels (instead of --scale)"))
    p.add_argument("--overlay", metavar="LIST",
                   help=translate("cli", "images and decks: overlays to show, comma separated from "
                                  "nps,sentiment,emotion,photos,quotes,trend, or 'none' (default: none; decks: "
                                  "nps,sentiment); a legend is added when overlays are shown"))
    p.add_argument("--page", choices=PAGES,
                   help=translate("cli", "PDF: one page sized to the map (fit, default), a paper size "
                                  "(A4, A3, Letter, Tabloid) or a 16:9 slide, landscape unless --portrait"))
    p.add_argument("--portrait", action="store_true", help=translate("cli", "PDF: portrait pages"))
    p.add_argument("--tile", action="store_true",
                   help=translate("cli", "PDF: split the map over as many pages as it needs at its canvas size, "
                                  "repeating stage and lane headers (default page: A4)"))
    p.add_argument("--report", action="store_true",
                   help=translate("cli", "PDF: a report: the map, a section per stage with its cards in full, "
                                  "the analytics charts and the comments (default page: A4)"))
    p.add_argument("--margin", type=float, metavar="MM",
                   help=translate("cli", "PDF: page margin in millimetres (default 10)"))
    p.add_argument("--transparent", action="store_true",
                   help=translate("cli", "PNG/SVG: transparent instead of white background"))
    p.add_argument("--segment", help=translate("cli", "only responses of this segment count"))
    p.add_argument("--responses", action="store_true", help=translate("cli", "JSON: include the survey responses"))
    p.add_argument("--locale", choices=("en", "es"),
                   help=translate("cli", "CSV/XLSX: write for this language's Excel; es: ';' separator, decimal "
                                  "comma and Spanish column names (default: en)"))
    p.set_defaults(handler=cmd_export, parser=p)

    p = sub.add_parser(
        "import-map", help=translate("cli", "add a map from a JSON export"),
        description=translate(
            "cli",
            "Add the map in MAP.json (written by 'journeymap export ... OUT.json') to FILE as a new map "
            "and print its id.",
        ),
    )
    p.add_argument("file", metavar="FILE", help=translate("cli", "the .jmap document to add the map to"))
    p.add_argument("json", metavar="MAP.json", help=translate("cli", "the map exported as JSON"))
    p.add_argument("--title", help=translate("cli", "title of the new map (default: the one in the file)"))
    p.add_argument("--new", action="store_true",
                   help=translate("cli", "create FILE (never overwritten) holding only this map: a copy to "
                                  "annotate and merge back with 'journeymap merge'"))
    p.set_defaults(handler=cmd_import_map)


def parse_overlays(value: str | None) -> set[str] | None:
    if value is None:
        return None
    names = {v.strip().lower() for v in value.split(",") if v.strip()}
    if names in (set(), {"none"}):
        return set()
    unknown = sorted(names - set(OVERLAY_NAMES))
    if unknown:
        raise UsageError(
            fill(translate("cli", "--overlay: unknown overlay %1 (use %2 or none)"),
                 ", ".join(unknown), ", ".join(OVERLAY_NAMES))
        )
    return names


def _check_options(args: argparse.Namespace, fmt: str) -> None:
    only = {
        "scale": ("png",), "width": ("png",), "transparent": ("png", "svg"), "page": ("pdf",),
        "portrait": ("pdf",), "tile": ("pdf",), "report": ("pdf",),
        "margin": ("pdf",), "overlay": (*IMAGE_FORMATS, *DECK_FORMATS), "responses": ("json",),
        "locale": ("csv", "xlsx"), "segment": ("csv", "xlsx", *IMAGE_FORMATS, *DECK_FORMATS),
    }
    for option, formats in only.items():
        value = getattr(args, option)
        if value not in (None, False) and fmt not in formats:
            raise UsageError(fill(translate("cli", "--%1 does not apply to .%2 (only %3)"),
                                  option, fmt, ", ".join("." + f for f in formats)))
    if os.path.abspath(args.out) == os.path.abspath(args.file) or (
        os.path.exists(args.out) and os.path.exists(args.file) and os.path.samefile(args.out, args.file)
    ):
        raise UsageError(translate("cli", "OUT is the document itself; refusing to overwrite it"))
    if args.tile and args.report:
        raise UsageError(translate("cli", "give --tile or --report, not both"))
    if args.tile and args.page == "fit":
        raise UsageError(translate("cli", "--tile needs a page size (--page a4, a3, letter, tabloid or slide)"))
    if args.scale is not None and args.width is not None:
        raise UsageError(translate("cli", "give --scale or --width, not both"))
    if args.scale is not None and not 0.1 <= args.scale <= 16:
        raise UsageError(fill(translate("cli", "--scale must be between 0.1 and 16, got %1"), f"{args.scale:g}"))
    if args.width is not None and not 16 <= args.width <= 32000:
        raise UsageError(fill(translate("cli", "--width must be between 16 and 32000 pixels, got %1"), args.width))
    if args.margin is not None and not 0 <= args.margin <= 50:
        raise UsageError(fill(translate("cli", "--margin must be between 0 and 50 mm, got %1"), f"{args.margin:g}"))


def cmd_export(args: argparse.Namespace) -> int:
    try:
        fmt = format_of(args.out)
        _check_options(args, fmt)
        overlays = parse_overlays(args.overlay)
    except (ExportError, UsageError) as exc:
        args.parser.print_usage(sys.stderr)
        print(fill(translate("cli", "journeymap export: error: %1"), error_text(exc)), file=sys.stderr)
        return 2
    from journeymap.cli import CliError

    try:
        if fmt in DATA_FORMATS:
            return _export_data(args, fmt)
        if fmt in DECK_FORMATS:
            return _export_deck(args, overlays)
        return _export_image(args, fmt, overlays)
    except ExportError as exc:
        raise CliError(exc) from exc


def _export_data(args: argparse.Namespace, fmt: str) -> int:
    from journeymap.services.exporting import export_data

    doc, map_id = open_map(args.file, args.map_id)
    with doc:
        export_data(doc, map_id, args.out, segment=args.segment, include_responses=args.responses,
                    lang=args.locale or "en")
    return 0


@contextmanager
def _offscreen_scene(args: argparse.Namespace) -> Iterator[QGraphicsScene]:
    """The map of ``args`` on a scene rendered offscreen, disposed of afterwards."""
    from journeymap.cli import CliError

    doc, map_id = open_map(args.file, args.map_id)
    with doc:
        from journeymap.ui.export.render import ensure_app

        ensure_app()
        try:
            from journeymap.ui.scene.map_scene import MapScene
        except ImportError as exc:  # pragma: no cover - while the canvas is being built
            raise CliError(fill(translate("cli", "image export is not available in this build (%1)."), exc)) from exc
        from journeymap.ui.session import DocumentSession

        session = DocumentSession(doc, map_id)
        if args.segment:
            session.set_segment(args.segment)
        scene = MapScene(session)
        try:
            yield scene
        finally:
            dispose = getattr(scene, "dispose", None)
            if callable(dispose):
                dispose()
            else:
                scene.clear()


def _export_image(args: argparse.Namespace, fmt: str, overlays: set[str] | None) -> int:
    from journeymap.ui.export.render import ImageOptions, export_image

    with _offscreen_scene(args) as scene:
        options = ImageOptions(
            scale=args.scale if args.scale is not None else 1.0,
            width=args.width,
            transparent=args.transparent,
            page=args.page or ("a4" if args.tile or args.report else "fit"),
            portrait=args.portrait,
            tile=args.tile,
            report=args.report,
            margin_mm=args.margin if args.margin is not None else 10.0,
            overlays=overlays,
        )
        export_image(scene, args.out, options, fmt)
    return 0


def _export_deck(args: argparse.Namespace, overlays: set[str] | None) -> int:
    from journeymap.ui.export.deck import DeckOptions, export_pptx

    with _offscreen_scene(args) as scene:
        export_pptx(scene, args.out, DeckOptions(overlays=overlays))
    return 0


def cmd_import_map(args: argparse.Namespace) -> int:
    from journeymap.cli import CliError
    from journeymap.cli.common import BUSY_TIMEOUT_SECONDS
    from journeymap.domain.model import MAX_NAME_CHARS
    from journeymap.services.map_json import IN_FILE, MapJsonError, import_map_identities, load_file
    from journeymap.services.map_json_identity import ALREADY_HERE
    from journeymap.storage import Document

    if args.title is not None and len(args.title) > MAX_NAME_CHARS:
        raise CliError(fill(translate("cli", "--title: at most %1 characters."), MAX_NAME_CHARS))
    # Read and check the whole file before the document is opened (and locked) for writing.
    try:
        data = load_file(args.json)
    except MapJsonError as exc:
        raise CliError(exc) from exc
    created = Document.create(args.file) if args.new else None
    try:
        with created or Document.open(args.file) as doc:
            if not doc.read_only:
                doc.set_busy_timeout(BUSY_TIMEOUT_SECONDS)
            try:
                map_id, identities = import_map_identities(doc, data, args.title)
            except MapJsonError as exc:
                raise CliError(MapJsonError(IN_FILE, args.json, exc)) from exc
    except CliError:
        if created is not None:  # --new: no empty document left behind
            created.close()
            _remove_document(created.path)
        raise
    if identities == ALREADY_HERE:
        print(fill(translate("cli", "%1 already holds this map: the imported one is a separate map with new "
                             "identities (merging will not match it with the original)."), args.file),
              file=sys.stderr)
    print(map_id)
    return 0


def _remove_document(path: os.PathLike[str]) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(os.fspath(path) + suffix)
        except FileNotFoundError:
            pass


__all__ = ["register", "cmd_export", "cmd_import_map", "FORMATS"]
