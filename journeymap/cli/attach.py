"""``attach``: store photos on a touchpoint (or one of its notes)."""

from __future__ import annotations

import argparse
import sys

from journeymap.i18n import error_text, fill, translate


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "attach", help=translate("cli", "attach photos to a touchpoint"),
        description=translate(
            "cli",
            "Store photos inside the document, on a touchpoint (or beside one of its notes). Each photo is "
            "turned upright, shrunk to at most 2560 pixels and re-encoded without its metadata (GPS position, "
            "camera, date); the same photo twice is stored once. If any file cannot be read, nothing is stored.",
        ),
    )
    p.add_argument("file", metavar="DOC", help=translate("cli", "the .jmap document"))
    p.add_argument("touchpoint", type=int, metavar="TOUCHPOINT_ID", help=translate("cli", "the touchpoint's id"))
    p.add_argument("images", nargs="+", metavar="IMAGE",
                   help=translate("cli", "JPEG, PNG, WebP, GIF, BMP or TIFF files"))
    p.add_argument("--note", type=int, metavar="NOTE_ID", help=translate("cli", "show the photos beside this note"))
    p.set_defaults(handler=cmd_attach)


def cmd_attach(args: argparse.Namespace) -> int:
    from journeymap.services.attaching import PhotosRefused, prepare_files, store_photos
    from journeymap.services.photos import PhotoError
    from journeymap.storage import Document

    # Every file is read and checked before the document is opened: a refusal leaves it untouched.
    try:
        photos = prepare_files(args.images)
    except PhotosRefused as exc:
        for error in exc.errors:
            print(fill(translate("cli", "journeymap: error: %1"), error_text(error)), file=sys.stderr)
        print(translate("cli", "journeymap: nothing was attached."), file=sys.stderr)
        return 1
    with Document.open(args.file) as doc:
        try:
            results = store_photos(doc, args.touchpoint, photos, args.note)
        except PhotoError as exc:
            print(fill(translate("cli", "journeymap: error: %1"), error_text(exc)), file=sys.stderr)
            return 1
    for r in results:
        att, photo = r.attachment, r.photo
        if r.already_attached:
            print(fill(translate("cli", "%1: already on touchpoint %2 as attachment %3; nothing stored"),
                       photo.file_name, args.touchpoint, att.id))
            continue
        line = fill(
            translate("cli", "attachment %1: %2, %3×%4 px, %5 KB (from %6×%7 px, %8 KB)"),
            att.id, att.file_name, att.width, att.height, round(att.bytes / 1024),
            photo.source_width, photo.source_height, round(photo.source_bytes / 1024),
        )
        if not r.new_blob:
            line += translate("cli", "; the same photo was already in the document and is stored once")
        print(line)
    print(translate("cli", "Location (GPS), camera and other metadata were removed."))
    return 0
