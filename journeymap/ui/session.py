"""The open document as the UI sees it: current map, undo stack, change signals.

Commands change the document through the storage layer and then announce what
changed here; the scene and the docks listen and re-read from the document, so
no widget ever owns the truth.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from journeymap.storage import Document


class DocumentSession(QObject):
    mapsChanged = Signal()
    currentMapChanged = Signal(int)
    # The grid of the current map changed (stages or lanes added, removed, renamed, reordered).
    structureChanged = Signal()
    # These touchpoint ids were added, edited, moved or removed.
    touchpointsChanged = Signal(list)
    # Responses, manual scores or the segment filter changed: overlays need new numbers.
    metricsChanged = Signal()
    # Touchpoint ids to select after an edit (e.g. the pasted or moved cards).
    selectRequested = Signal(list)
    # The canvas selection changed (touchpoint ids); the inspector follows it.
    selectionChanged = Signal(list)

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
            self.metricsChanged.emit()

    def set_selection(self, ids: list[int]) -> None:
        if ids != self.selected_ids:
            self.selected_ids = list(ids)
            self.selectionChanged.emit(list(ids))
