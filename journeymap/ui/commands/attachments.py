"""Undoable edits of a touchpoint's photos: attach, remove, reorder.

The photo bytes are prepared (checked, oriented, shrunk, stripped) before a
command is built, so redo and undo only write rows; blobs stay in the document
while the undo history may need them and leave when it closes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from journeymap.domain.messages import QT_TRANSLATE_NOOP, message
from journeymap.domain.model import Attachment
from journeymap.services.attaching import store_photos
from journeymap.services.photos import PreparedPhoto
from journeymap.storage import DocumentError
from journeymap.storage import attachments as store
from journeymap.ui.changes import Change
from journeymap.ui.commands.base import DocumentCommand
from journeymap.ui.session import DocumentSession

# The messages this module's errors carry: an id and the English text (translated where shown).
THERE_NO_ATTACHMENT = message("document.there_no_attachment", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: there is no attachment %2."))


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("commands", text, None, n)


class _PhotoCommand(DocumentCommand):
    def __init__(self, session: DocumentSession, touchpoint_id: int, text: str):
        super().__init__(session, text)
        self.touchpoint_id = touchpoint_id
        self.map_id = session.document.touchpoint(touchpoint_id).map_id

    def change(self) -> Change:
        # The card is re-read (its photo count and thumbnail); the inspector shows the gallery again.
        return Change.of(self.map_id, touchpoints=[self.touchpoint_id])


class AttachPhotosCommand(_PhotoCommand):
    """Put photos on a touchpoint (at *index* of its gallery, default last).

    Photos the touchpoint already shows are skipped (``skipped``); the new rows
    keep their ids across undo and redo.
    """

    def __init__(
        self, session: DocumentSession, touchpoint_id: int, photos: Sequence[PreparedPhoto],
        note_id: int | None = None, index: int | None = None,
    ):
        n = len(photos)
        text = tr("Attach photo") if n == 1 else tr("Attach %n photos").replace("%n", str(n))
        super().__init__(session, touchpoint_id, text)
        self.photos = list(photos)
        self.note_id = note_id
        self.index = index
        self.added: list[Attachment] = []
        self.skipped: list[PreparedPhoto] = []
        self._first = True

    def apply(self) -> None:
        if self._first:
            self._first = False
            results = store_photos(self.doc, self.touchpoint_id, self.photos, self.note_id, self.index)
            self.added = [r.attachment for r in results if not r.already_attached]
            self.skipped = [r.photo for r in results if r.already_attached]
            for att in self.added:
                self.remember_identity("attachments", att.id)
            return
        by_sha = {p.sha256: p for p in self.photos}
        for att in self.added:
            photo = by_sha[att.sha256]
            store.add_blob(self.doc, photo.sha256, photo.data, photo.thumbnail)
            store.add(self.doc, replace(att), att.position)
            self.same_identity("attachments", att.id)

    def revert(self) -> None:
        for att in reversed(self.added):
            assert att.id is not None
            store.delete(self.doc, att.id)


class RemovePhotoCommand(_PhotoCommand):
    """Take a photo off its touchpoint; undo puts it back at its place, with its id."""

    def __init__(self, session: DocumentSession, attachment_id: int):
        att = store.attachment(session.document, attachment_id)
        if att is None:
            raise DocumentError(THERE_NO_ATTACHMENT, session.document.path, attachment_id)
        super().__init__(session, att.touchpoint_id, tr("Remove photo"))
        self.attachment = att

    def apply(self) -> None:
        assert self.attachment.id is not None
        self.remember_identity("attachments", self.attachment.id)
        store.delete(self.doc, self.attachment.id)

    def revert(self) -> None:
        store.add(self.doc, replace(self.attachment), self.attachment.position)
        self.same_identity("attachments", self.attachment.id)


class MovePhotoCommand(_PhotoCommand):
    """Move a photo within its touchpoint's gallery (the first one is the card's thumbnail)."""

    def __init__(self, session: DocumentSession, attachment_id: int, index: int):
        att = store.attachment(session.document, attachment_id)
        if att is None:
            raise DocumentError(THERE_NO_ATTACHMENT, session.document.path, attachment_id)
        super().__init__(session, att.touchpoint_id, tr("Reorder photos"))
        self.attachment_id = attachment_id
        self.index = index
        self.old_index = att.position

    def apply(self) -> None:
        self.old_index = store.move(self.doc, self.attachment_id, self.index)

    def revert(self) -> None:
        store.move(self.doc, self.attachment_id, self.old_index)
