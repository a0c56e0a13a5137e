"""Undoable edits of the notes attached to a touchpoint."""

from __future__ import annotations

import getpass
import os
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from journeymap import settings as app_settings
from journeymap.domain.messages import QT_TRANSLATE_NOOP, message
from journeymap.domain.model import Note
from journeymap.storage import Document, DocumentError
from journeymap.ui.changes import Change
from journeymap.ui.commands.base import DocumentCommand
from journeymap.ui.session import DocumentSession

AUTHOR_KEY = app_settings.AUTHOR.key
NO_SUCH_NOTE = message("document.no_such_note", "DocumentError",
                       QT_TRANSLATE_NOOP("DocumentError", "%1: touchpoint %2 has no note %3."))


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


def default_author() -> str:
    """The note author: the "author" setting, else the operating-system user name."""
    value = app_settings.AUTHOR.get()
    if value:
        return str(value)
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getuser raises various errors without a user database
        return os.environ.get("USER") or os.environ.get("USERNAME") or ""


def now_iso() -> str:
    """The current local time as an ISO 8601 timestamp with offset, to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def find_note(doc: Document, touchpoint_id: int, note_id: int) -> Note:
    for note in doc.notes(touchpoint_id):
        if note.id == note_id:
            return note
    raise DocumentError(NO_SUCH_NOTE, doc.path, touchpoint_id, note_id)


class _NoteCommand(DocumentCommand):
    def __init__(self, session: DocumentSession, touchpoint_id: int, text: str):
        super().__init__(session, text)
        self.touchpoint_id = touchpoint_id
        self.map_id = session.document.touchpoint(touchpoint_id).map_id

    def change(self) -> Change:
        select = [self.touchpoint_id] if self._history else None
        return Change.of(self.map_id, notes=[self.touchpoint_id], select=select)


class AddNoteCommand(_NoteCommand):
    """Attach a note to a touchpoint; the note keeps its id across undo/redo."""

    def __init__(
        self,
        session: DocumentSession,
        touchpoint_id: int,
        text: str,
        author: str | None = None,
        created_at: str | None = None,
    ):
        super().__init__(session, touchpoint_id, tr("Add note"))
        self.note = Note(
            touchpoint_id=touchpoint_id,
            text=text,
            author=default_author() if author is None else author,
            created_at=created_at or now_iso(),
        )

    @property
    def note_id(self) -> int | None:
        return self.note.id

    def apply(self) -> None:
        self.note.id = self.doc.add_note(replace(self.note))
        self.same_identity("notes", self.note.id)

    def revert(self) -> None:
        assert self.note.id is not None
        self.doc.delete_note(self.note.id)


class EditNoteCommand(_NoteCommand):
    """Change the text of a note."""

    def __init__(self, session: DocumentSession, touchpoint_id: int, note_id: int, text: str):
        super().__init__(session, touchpoint_id, tr("Edit note"))
        self.note_id = note_id
        self.old = find_note(session.document, touchpoint_id, note_id).text
        self.new = text

    def apply(self) -> None:
        self.doc.update_note(self.note_id, text=self.new)

    def revert(self) -> None:
        self.doc.update_note(self.note_id, text=self.old)


class DeleteNoteCommand(_NoteCommand):
    """Remove a note; undo puts it back with its id, author and time."""

    def __init__(self, session: DocumentSession, touchpoint_id: int, note_id: int):
        super().__init__(session, touchpoint_id, tr("Delete note"))
        self.note = find_note(session.document, touchpoint_id, note_id)
        self.photo_ids: list[int] = []  # photos shown beside the note: they stay on the card, and come back to it

    def apply(self) -> None:
        from journeymap.storage import attachments

        assert self.note.id is not None
        self.photo_ids = attachments.of_note(self.doc, self.note.id)
        self.remember_identity("notes", self.note.id)
        self.doc.delete_note(self.note.id)

    def revert(self) -> None:
        from journeymap.storage import attachments

        self.doc.add_note(replace(self.note))
        self.same_identity("notes", self.note.id)
        if self.photo_ids:
            attachments.set_note(self.doc, self.photo_ids, self.note.id)
