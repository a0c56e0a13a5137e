"""Undoable edits of touchpoint cards."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication

from journeymap.domain.model import Touchpoint
from journeymap.ui.commands.base import DocumentCommand
from journeymap.ui.session import DocumentSession

METRIC_FIELDS = {"manual_nps", "manual_sentiment", "manual_promoters", "manual_passives", "manual_detractors"}


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """With *n*: a numerus form ("%n cards"), the language's plural chosen and %n filled."""
    return QCoreApplication.translate("commands", text, disambiguation, n)


class UpdateTouchpointCommand(DocumentCommand):
    """Change some fields of one touchpoint (title, channel, sensation, manual NPS...).

    Consecutive edits of the same fields of the same card merge into one undo
    step, so typing in the inspector does not flood the history.
    """

    ID = 1001

    def __init__(self, session: DocumentSession, touchpoint_id: int, values: dict[str, Any], text: str = ""):
        super().__init__(session, text or tr("Edit touchpoint"))
        self.touchpoint_id = touchpoint_id
        current = session.document.touchpoint(touchpoint_id)
        self.old = {k: getattr(current, k) for k in values}
        self.new = dict(values)

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: DocumentCommand) -> bool:  # noqa: N802 - Qt API
        if other.isObsolete() or not isinstance(other, UpdateTouchpointCommand):
            return False
        if other.touchpoint_id != self.touchpoint_id or set(other.new) != set(self.new):
            return False
        self.new = other.new
        return True

    def apply(self) -> None:
        self.doc.update_touchpoint(self.touchpoint_id, **self.new)

    def revert(self) -> None:
        self.doc.update_touchpoint(self.touchpoint_id, **self.old)

    def announce(self) -> None:
        self.session.touchpointsChanged.emit([self.touchpoint_id])
        if METRIC_FIELDS & set(self.new):
            self.session.metricsChanged.emit()


Cell = tuple[int, int]


def _write_cells(doc, map_id: int, cells: dict[Cell, list[int]]) -> None:
    """Put every listed card in its cell at its list index (one transaction by the caller)."""
    for (stage_id, lane_id), ids in cells.items():
        for i, tid in enumerate(ids):
            doc.update_touchpoint(tid, stage_id=stage_id, lane_id=lane_id, position=i)


class AddTouchpointsCommand(DocumentCommand):
    """Insert new cards (drop from the palette, paste, duplicate).

    Each entry is a touchpoint (id None) and its index in its cell. The first
    ``redo`` lets SQLite choose ids; later redos reuse them, so later commands
    that refer to these cards stay valid.
    """

    def __init__(self, session: DocumentSession, items: list[tuple[Touchpoint, int | None]], text: str = ""):
        n = len(items)
        super().__init__(
            session, text or tr("Add %n touchpoints", "", n)
        )
        self.items = [(replace(tp), index) for tp, index in items]
        self.ids: list[int] = []

    def apply(self) -> None:
        ids = []
        for tp, index in self.items:
            new_id = self.doc.add_touchpoint(tp, index)
            tp.id = new_id
            ids.append(new_id)
        self.ids = ids

    def revert(self) -> None:
        for tid in reversed(self.ids):
            self.doc.delete_touchpoint(tid)

    def announce(self) -> None:
        self.session.touchpointsChanged.emit(list(self.ids))
        self.session.metricsChanged.emit()

    def redo(self) -> None:
        super().redo()
        self.session.selectRequested.emit(list(self.ids))


class AddTouchpointCommand(AddTouchpointsCommand):
    def __init__(self, session: DocumentSession, touchpoint: Touchpoint, index: int | None = None, text: str = ""):
        super().__init__(session, [(touchpoint, index)], text)

    @property
    def touchpoint_id(self) -> int | None:
        return self.ids[0] if self.ids else None


class DeleteTouchpointsCommand(DocumentCommand):
    """Delete cards with their notes and responses; undo restores all of it and the cell order."""

    def __init__(self, session: DocumentSession, ids: list[int], text: str = ""):
        n = len(ids)
        super().__init__(
            session, text or tr("Delete %n touchpoints", "", n)
        )
        self.ids = list(ids)
        self.map_id = session.map_id
        self.snapshot = None
        self.cells: dict[Cell, list[int]] = {}

    def apply(self) -> None:
        self.snapshot = self.doc.snapshot(touchpoint_ids=self.ids)
        self.cells = {}
        for tid in self.ids:
            tp = self.doc.touchpoint(tid)
            cell = (tp.stage_id, tp.lane_id)
            if cell not in self.cells:
                self.cells[cell] = self.doc.cell_ids(tp.map_id, *cell)
        for tid in self.ids:
            self.doc.delete_touchpoint(tid)

    def revert(self) -> None:
        self.doc.restore(self.snapshot)
        _write_cells(self.doc, self.map_id, self.cells)

    def announce(self) -> None:
        self.session.touchpointsChanged.emit(list(self.ids))
        self.session.metricsChanged.emit()


class MoveTouchpointsCommand(DocumentCommand):
    """Move one or more cards to *index* in a cell (drag and drop, Alt+arrows): one undo step.

    *index* is the insertion index in the target cell as shown (moved cards
    included), i.e. where the drop indicator was.
    """

    def __init__(
        self, session: DocumentSession, ids: list[int], stage_id: int, lane_id: int, index: int, text: str = ""
    ):
        n = len(ids)
        super().__init__(
            session, text or tr("Move %n touchpoints", "", n)
        )
        doc = session.document
        self.map_id = session.map_id
        self.ids = list(ids)
        target: Cell = (stage_id, lane_id)
        before: dict[Cell, list[int]] = {}
        for tid in self.ids:
            tp = doc.touchpoint(tid)
            cell = (tp.stage_id, tp.lane_id)
            if cell not in before:
                before[cell] = doc.cell_ids(tp.map_id, *cell)
        if target not in before:
            before[target] = doc.cell_ids(self.map_id, *target)
        moving = set(self.ids)
        target_list = before[target]
        adjusted = sum(1 for tid in target_list[: max(0, index)] if tid not in moving)
        after = {cell: [tid for tid in ids_ if tid not in moving] for cell, ids_ in before.items()}
        # Keep the cards' visual order (by cell order, then position) rather than selection order.
        order = {tid: (i, j) for i, ids_ in enumerate(before.values()) for j, tid in enumerate(ids_)}
        ordered = sorted(self.ids, key=lambda t: order.get(t, (0, 0)))
        after[target][adjusted:adjusted] = ordered
        self.before, self.after = before, after
        self.changed = before != after

    def apply(self) -> None:
        _write_cells(self.doc, self.map_id, self.after)

    def revert(self) -> None:
        _write_cells(self.doc, self.map_id, self.before)

    def announce(self) -> None:
        self.session.touchpointsChanged.emit(list(self.ids))
        self.session.selectRequested.emit(list(self.ids))
