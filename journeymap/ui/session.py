"""The open document as the UI sees it: current map, undo stack, change announcements.

Commands (built by :class:`journeymap.ui.editor.MapEditor`, the only place that
pushes them) change the document through the storage layer and then announce a
typed :class:`~journeymap.ui.changes.Change` here (``changed``); the scene and
the docks apply it, so no widget ever owns the truth. The older per-kind signals
(``touchpointsChanged``, ``structureChanged``...) follow every announcement for
listeners that only need to know that something changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from journeymap.storage import Document
from journeymap.ui.changes import Change

if TYPE_CHECKING:
    from journeymap.domain.model import Touchpoint
    from journeymap.ui.editor import MapEditor

# The editor never waits long for another program's write lock (the sqlite3 shell,
# Datasette): the window would freeze meanwhile. The edit fails instead and says why.
EDITOR_BUSY_TIMEOUT_SECONDS = 0.2
# A checkpoint still pending after an edit (a reader held it back, or a burst of edits
# was coalesced) is retried this often (ms): the .jmap alone is complete well within a second.
CHECKPOINT_RETRY_MS = 250


class DocumentSession(QObject):
    # Save As: the session goes on in a copy of the document (``document`` is the copy now).
    documentReplaced = Signal()
    # Every edit, undo and redo: a journeymap.ui.changes.Change (emitted before the signals below).
    changed = Signal(object)
    mapsChanged = Signal()
    currentMapChanged = Signal(int)
    # The grid of the current map changed (stages or lanes added, removed, renamed, reordered).
    structureChanged = Signal()
    # These touchpoint ids were added, edited, moved or removed.
    touchpointsChanged = Signal(list)
    # Responses, manual scores or the segment filter changed: overlays need new numbers.
    metricsChanged = Signal()
    # Personas were added, edited, deleted or (re)assigned to maps.
    personasChanged = Signal()
    # These connection ids were added, relabelled or removed.
    connectionsChanged = Signal(list)
    # Touchpoint ids to select after an edit (e.g. the pasted or moved cards).
    selectRequested = Signal(list)
    # The canvas selection changed (touchpoint ids); the inspector follows it.
    selectionChanged = Signal(list)
    # An edit could not be written (the message, for the user); the document is unchanged.
    writeFailed = Signal(str)

    def __init__(self, document: Document, map_id: int | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.undo_stack = QUndoStack(self)
        self.segment: str | None = None
        maps = document.maps()
        if map_id is None and maps:
            map_id = maps[0].id
        self._map_id: int | None = map_id
        self.selected_ids: list[int] = []
        self._editor: MapEditor | None = None
        # The touchpoints as the canvas last applied them (set by the scene): panels showing a
        # selection of 2,000 cards look them up there instead of reading them from SQLite again.
        self.shown_touchpoints: Callable[[Iterable[int]], dict[int, Touchpoint]] | None = None
        # Views that show big edits across event-loop turns: ``settle`` makes them finish.
        self._settlers: list[Callable[[], None]] = []
        self._checkpoint_timer = QTimer(self)
        self._checkpoint_timer.setInterval(CHECKPOINT_RETRY_MS)
        self._checkpoint_timer.timeout.connect(self._retry_checkpoint)
        if not document.read_only:
            document.set_busy_timeout(EDITOR_BUSY_TIMEOUT_SECONDS)
            self.undo_stack.indexChanged.connect(self._after_edit)

    def _after_edit(self, *_: object) -> None:
        if self.document.checkpoint_pending:
            self._checkpoint_timer.start()

    def _retry_checkpoint(self) -> None:
        if self.document._conn is None or self.document.checkpoint():
            self._checkpoint_timer.stop()

    def write_failed(self, message: str) -> None:
        """An edit was rolled back: every view re-reads the document, then the user is told."""
        self.changed.emit(Change(self._map_id, structure=True, maps=True, metrics=True, personas=True))
        self.mapsChanged.emit()
        self.personasChanged.emit()
        self.structureChanged.emit()
        if self._map_id is not None:
            try:
                ids = [t.id for t in self.document.touchpoints(self._map_id)]
            except Exception:  # noqa: BLE001 - the views still re-read what they show
                ids = list(self.selected_ids)
            self.touchpointsChanged.emit(ids)
        self.metricsChanged.emit()
        self.selectionChanged.emit(list(self.selected_ids))
        self.writeFailed.emit(message)

    @property
    def editor(self) -> MapEditor:
        """The session's editor: every edit of the document goes through it."""
        if self._editor is None:
            from journeymap.ui.editor import MapEditor  # the editor imports the commands, which import us

            self._editor = MapEditor(self)
        return self._editor

    def replace_document(self, document: Document) -> None:
        """Go on editing *document*, a copy of the current one (Save As): same map, selection and undo history.

        Undo steps of imports keep their rows in TEMP tables of the connection; they move to the copy's.
        """
        from journeymap.storage.responses_sql import move_stashes

        old, self.document = self.document, document
        move_stashes(old, document)
        old.close()
        self.documentReplaced.emit()

    def add_settler(self, settle: Callable[[], None]) -> None:
        self._settlers.append(settle)

    def remove_settler(self, settle: Callable[[], None]) -> None:
        if settle in self._settlers:
            self._settlers.remove(settle)

    def settle(self) -> None:
        """Every view finishes showing the edits so far (before a new edit is made from what they show)."""
        for settle in list(self._settlers):
            settle()

    def announce(self, change: Change) -> None:
        """Tell every view what an edit changed (commands call this after their transaction)."""
        self.changed.emit(change)
        if change.maps:
            self.mapsChanged.emit()
        if change.structure:
            self.structureChanged.emit()
        if change.touchpoints or change.notes:
            self.touchpointsChanged.emit(sorted(change.touchpoints | change.notes))
        if change.metrics:
            self.metricsChanged.emit()
        if change.personas:
            self.personasChanged.emit()
        if change.connections:
            self.connectionsChanged.emit(sorted(change.connections))
        if change.select is not None:
            self.selectRequested.emit(list(change.select))

    @property
    def map_id(self) -> int | None:
        return self._map_id

    @property
    def read_only(self) -> bool:
        return self.document.read_only

    def set_map(self, map_id: int | None) -> None:
        if map_id != self._map_id:
            self._map_id = map_id
            self.currentMapChanged.emit(map_id if map_id is not None else -1)

    def set_segment(self, segment: str | None) -> None:
        if segment != self.segment:
            self.segment = segment or None
            self.announce(Change(self._map_id, metrics=True))

    def set_selection(self, ids: list[int]) -> None:
        if ids != self.selected_ids:
            self.selected_ids = list(ids)
            self.selectionChanged.emit(list(ids))
