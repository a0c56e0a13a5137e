"""Undoable survey imports: an import as one undo step, and removing an import later.

An import batch can hold a million responses, so undo does not keep them in
Python memory: ``storage.responses_sql.stash_batch`` moves the batch's rows to
a TEMP table of the connection (outside the document file) and deletes the
batch (its responses cascade); redo moves them back with the same ids.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from journeymap.services.importing import ImportResult, import_file
from journeymap.storage.responses_sql import Stash, batch, stash_batch, unstash_batch
from journeymap.ui.changes import Change
from journeymap.ui.commands.base import DocumentCommand
from journeymap.ui.session import DocumentSession


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class ImportBatchCommand(DocumentCommand):
    """An import already written by ``services.importing.import_file`` (batch *batch_id*).

    The first redo (QUndoStack.push) finds the rows in place and only
    announces; undo takes the batch out; a later redo puts it back.
    """

    def __init__(self, session: DocumentSession, batch_id: int, text: str = ""):
        source = batch(session.document, batch_id).source
        super().__init__(session, text or tr("Import %1").replace("%1", source))
        self.batch_id = batch_id
        self.map_id = batch(session.document, batch_id).map_id
        self._stash: Stash | None = None

    def apply(self) -> None:
        if self._stash is not None:
            unstash_batch(self.doc, self._stash)
            self._stash = None

    def revert(self) -> None:
        self._stash = stash_batch(self.doc, self.batch_id)

    def change(self) -> Change:
        return Change(self.map_id, metrics=True)


class RemoveBatchCommand(DocumentCommand):
    """Remove an earlier import (its batch and all its responses); undo brings it back."""

    def __init__(self, session: DocumentSession, batch_id: int, text: str = ""):
        source = batch(session.document, batch_id).source
        super().__init__(session, text or tr("Remove import %1").replace("%1", source))
        self.batch_id = batch_id
        self.map_id = batch(session.document, batch_id).map_id
        self._stash: Stash | None = None

    def apply(self) -> None:
        self._stash = stash_batch(self.doc, self.batch_id)

    def revert(self) -> None:
        if self._stash is not None:
            unstash_batch(self.doc, self._stash)
            self._stash = None

    def change(self) -> Change:
        return Change(self.map_id, metrics=True)


def run_import(session: DocumentSession, path: str | Path, **options: Any) -> ImportResult:
    """Import *path* into the session's current map and push it on the undo stack.

    *options* go to ``import_file`` (columns, sheet, progress, cancel...).
    Nothing is pushed when no row was imported (nothing was recorded).
    """
    if session.map_id is None:
        raise ValueError("no current map to import into")
    result = import_file(session.document, session.map_id, path, **options)
    if result.batch_id is not None:
        session.editor.record_import(result.batch_id)
    return result
