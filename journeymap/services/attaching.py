"""Attach prepared photos to a touchpoint (or one of its notes), all or nothing.

Used by ``journeymap attach`` directly and by the editor's undo commands; the
photos are prepared (checked, oriented, shrunk, stripped) before the document
is touched, so a refused file leaves the document exactly as it was.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from journeymap.domain.model import Attachment
from journeymap.i18n import QT_TRANSLATE_NOOP
from journeymap.services.photos import PhotoError, PreparedPhoto, prepare_file
from journeymap.storage import Document, DocumentError
from journeymap.storage import attachments as store

ATTACH_ERRORS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("PhotoError", "%1: there is no touchpoint with id %2."),
    QT_TRANSLATE_NOOP("PhotoError", "%1: touchpoint %2 has no note %3."),
)


class PhotosRefused(Exception):
    """Some files cannot be attached; nothing was stored. ``errors`` has one PhotoError per file."""

    def __init__(self, errors: Sequence[PhotoError]):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = list(errors)


@dataclass(frozen=True)
class Attached:
    """What attaching one photo did."""

    attachment: Attachment
    photo: PreparedPhoto
    new_blob: bool  # the bytes were not in the document yet
    already_attached: bool  # this touchpoint already showed this photo: nothing added


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def prepare_files(paths: Iterable[str | os.PathLike[str]]) -> list[PreparedPhoto]:
    """Prepare every file, or raise PhotosRefused naming each file that cannot be attached."""
    prepared, errors = [], []
    for path in paths:
        try:
            prepared.append(prepare_file(path))
        except PhotoError as exc:
            errors.append(exc)
    if errors:
        raise PhotosRefused(errors)
    return prepared


def check_target(doc: Document, touchpoint_id: int, note_id: int | None) -> None:
    try:
        doc.touchpoint(touchpoint_id)
    except DocumentError:
        raise PhotoError(ATTACH_ERRORS[0], doc.path, touchpoint_id) from None
    if note_id is not None and note_id not in {n.id for n in doc.notes(touchpoint_id)}:
        raise PhotoError(ATTACH_ERRORS[1], doc.path, touchpoint_id, note_id)


def new_attachment(photo: PreparedPhoto, touchpoint_id: int, note_id: int | None = None) -> Attachment:
    return Attachment(
        touchpoint_id=touchpoint_id,
        file_name=photo.file_name,
        mime_type=photo.mime_type,
        sha256=photo.sha256,
        width=photo.width,
        height=photo.height,
        bytes=len(photo.data),
        note_id=note_id,
        created_at=now_iso(),
    )


def store_photos(
    doc: Document, touchpoint_id: int, photos: Sequence[PreparedPhoto], note_id: int | None = None,
    index: int | None = None,
) -> list[Attached]:
    """Store the photos on the touchpoint in one transaction (the same photo twice is stored once)."""
    check_target(doc, touchpoint_id, note_id)
    out: list[Attached] = []
    with doc.transaction():
        for photo in photos:
            existing = store.find(doc, touchpoint_id, photo.sha256)
            if existing is not None:
                out.append(Attached(existing, photo, False, True))
                continue
            new_blob = store.add_blob(doc, photo.sha256, photo.data, photo.thumbnail)
            att = new_attachment(photo, touchpoint_id, note_id)
            att.id = store.add(doc, att, index)
            if index is not None:
                index += 1
            out.append(Attached(store.attachment(doc, att.id) or att, photo, new_blob, False))
    return out
