"""Shared behaviour of every undoable edit."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand

from journeymap.i18n import error_text
from journeymap.storage import DocumentError, identity
from journeymap.ui.changes import Change, Source
from journeymap.ui.session import DocumentSession


class DocumentCommand(QUndoCommand):
    """An edit of the open document.

    ``redo`` and ``undo`` each run in one storage transaction, so an edit is
    either wholly on disk or not at all; subclasses implement ``apply`` and
    ``revert`` and describe what they changed in ``change()``, which the base
    announces on the session with who made it (``source``, set by the editor).

    Undo and redo of an edit of another map than the one shown first switch
    to that map (``map_id``), so nothing changes out of sight.
    """

    def __init__(self, session: DocumentSession, text: str):
        super().__init__(text)
        self.session = session
        self.map_id: int | None = session.map_id
        self.source = Source.SCRIPT
        self.undone = False  # the last run was undo()
        self._ran = False  # redo() ran once: later runs are undo/redo from the history

    @property
    def doc(self):
        """The session's document (Save As replaces it; the history goes on in the copy)."""
        return self.session.document

    def redo(self) -> None:
        if self._skip_once():
            return
        history = self._ran
        if history:
            self.show_map()
        try:
            with self.doc.transaction():
                self.apply()
        except DocumentError as exc:
            self._failed(exc, "undo")
            return
        self._pushed = True
        self._ran = True
        self.undone = False
        self._history = history
        self.announce()

    def undo(self) -> None:
        if self._skip_once():
            return
        self.show_map()
        try:
            with self.doc.transaction():
                self.revert()
        except DocumentError as exc:
            self._failed(exc, "redo")
            return
        self.undone = True
        self._history = True
        self.announce()

    def show_map(self) -> None:
        """Before undo/redo: show the map this edit is about."""
        if self.map_id is not None and self.session.map_id != self.map_id:
            self.session.set_selection([])
            self.session.set_map(self.map_id)
    # A write that fails (disk full, another program's lock) was rolled back by the
    # storage layer. Nothing may then look done: a new edit is not kept on the stack
    # (obsolete: QUndoStack.push drops it), a failed undo or redo moves the stack
    # back where it was (the compensating step only resyncs, it writes nothing), and
    # the views re-read the document before the error is shown once.
    _pushed = False
    _skip = False

    def _skip_once(self) -> bool:
        if self._skip:
            self._skip = False
            return True
        return False

    def _failed(self, exc: DocumentError, back: str) -> None:
        if not self._pushed:
            self.setObsolete(True)
        else:
            self._skip = True
            stack = self.session.undo_stack
            QTimer.singleShot(0, stack.undo if back == "undo" else stack.redo)
        self.session.write_failed(error_text(exc))

    # ------------------------------------------------------------- identity
    # An object an edit re-inserts (redo of an add, undo of a delete) is the same object:
    # it gets back the uuid and revision it had (storage.identity), or merging copies
    # would see a deletion and an unrelated addition.
    def remember_identity(self, table: str, row_id: int | None) -> None:
        """Note the identity of a row about to be deleted (or just added for the first time)."""
        if row_id is None:
            return
        found = identity.identity(self.doc, table, row_id)
        if found is not None:
            self.__dict__.setdefault("_identities", {})[(table, row_id)] = found

    def same_identity(self, table: str, row_id: int | None) -> None:
        """After inserting *row_id*: give it back the identity remembered for it, or remember its new one."""
        if row_id is None:
            return
        known = self.__dict__.get("_identities", {}).get((table, row_id))
        if known is None:
            self.remember_identity(table, row_id)
        else:
            identity.set_identity(self.doc, table, row_id, known)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def change(self) -> Change:
        """What the last ``apply`` (or, when ``self.undone``, ``revert``) changed."""
        return Change(self.map_id)

    def announce(self) -> None:
        self.session.announce(self.change().by(self.source, getattr(self, "_history", False)))
