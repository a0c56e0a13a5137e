"""Shared behaviour of every undoable edit."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from journeymap.ui.session import DocumentSession


class DocumentCommand(QUndoCommand):
    """An edit of the open document.

    ``redo`` and ``undo`` each run in one storage transaction, so an edit is
    either wholly on disk or not at all; subclasses implement ``apply`` and
    ``revert`` and announce their changes on the session.
    """

    def __init__(self, session: DocumentSession, text: str):
        super().__init__(text)
        self.session = session
        self.doc = session.document

    def redo(self) -> None:
        with self.doc.transaction():
            self.apply()
        self.announce()

    def undo(self) -> None:
        with self.doc.transaction():
            self.revert()
        self.announce()

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def announce(self) -> None:
        """Emit the session signals for what this command changed."""
