"""Undoable edits of touchpoint cards."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication

from journeymap.domain.model import Touchpoint
from journeymap.storage import DocumentError
from journeymap.storage.touchpoints_sql import THERE_IS_NO_TOUCHPOINT_WITH_ID
from journeymap.ui.changes import Change
from journeymap.ui.commands.base import DocumentCommand
from journeymap.ui.session import DocumentSession

METRIC_FIELDS = {"manual_nps", "manual_sentiment", "manual_promoters", "manual_passives", "manual_detractors"}
Cell = tuple[int, int]


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """With *n*: a numerus form ("%n cards"), the language's plural chosen and %n filled."""
    return QCoreApplication.translate("commands", text, disambiguation, n)


class UpdateTouchpointsCommand(DocumentCommand):
    """Change some fields of one or more touchpoints, in one transaction and one undo step
    (a sensation on ten cards, an inspector edit of a selection).

    Consecutive edits of the same fields of the same cards merge into one undo
    step, so typing in the inspector does not flood the history.
    """

    ID = 1001

    def __init__(self, session: DocumentSession, changes: Mapping[int, Mapping[str, Any]], text: str = ""):
        n = len(changes)
        super().__init__(session, text or tr("Edit %n touchpoints", "", n))
        current = session.document.touchpoints_by_id(changes)
        missing = [tid for tid in changes if tid not in current]
        if missing:
            raise DocumentError(THERE_IS_NO_TOUCHPOINT_WITH_ID, session.document.path, missing[0])
        self.before = {tid: current[tid] for tid in changes}
        self.new = {tid: dict(values) for tid, values in changes.items()}
        self.old = {tid: {k: getattr(self.before[tid], k) for k in values} for tid, values in self.new.items()}
        if self.before:
            self.map_id = next(iter(self.before.values())).map_id

    def id(self) -> int:
        return self.ID

    def _shape(self) -> dict[int, frozenset[str]]:
        return {tid: frozenset(values) for tid, values in self.new.items()}

    def mergeWith(self, other: DocumentCommand) -> bool:  # noqa: N802 - Qt API
        if other.isObsolete() or not isinstance(other, UpdateTouchpointsCommand) or other._shape() != self._shape():
            return False
        self.new = other.new
        return True

    def apply(self) -> None:
        for tid, values in self.new.items():
            self.doc.update_touchpoint(tid, **values)

    def revert(self) -> None:
        for tid, values in self.old.items():
            self.doc.update_touchpoint(tid, **values)

    def change(self) -> Change:
        values = self.old if self.undone else self.new
        fields = {k for v in self.new.values() for k in v}
        return Change.of(
            self.map_id,
            values=[replace(self.before[tid], **v) for tid, v in values.items()],
            metrics=bool(METRIC_FIELDS & fields),
            select=list(self.new) if self._history else None,
        )



class UpdateTouchpointCommand(UpdateTouchpointsCommand):
    """Change some fields of one touchpoint (title, channel, sensation, manual NPS...)."""

    def __init__(self, session: DocumentSession, touchpoint_id: int, values: dict[str, Any], text: str = ""):
        super().__init__(session, {touchpoint_id: values}, text or tr("Edit touchpoint"))
        self.touchpoint_id = touchpoint_id


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
        if self.items:
            self.map_id = self.items[0][0].map_id

    def apply(self) -> None:
        ids = []
        for tp, index in self.items:
            new_id = self.doc.add_touchpoint(tp, index)
            tp.id = new_id
            self.same_identity("touchpoints", new_id)
            ids.append(new_id)
        self.ids = ids

    def revert(self) -> None:
        for tid in reversed(self.ids):
            self.doc.delete_touchpoint(tid)

    def change(self) -> Change:
        if self.undone:
            return Change.of(self.map_id, removed=self.ids, metrics=True)
        return Change.of(self.map_id, values=[replace(tp) for tp, _i in self.items], metrics=True, select=self.ids)


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
        self.snapshot = None
        self.places: dict[int, tuple[int, int, int]] = {}

    def apply(self) -> None:
        self.snapshot = self.doc.snapshot(touchpoint_ids=self.ids)
        cells = {(s, lane) for s, lane, _p in self.doc.places(self.ids).values()}
        # Every card of the cells, to put back the order exactly on undo.
        self.places = {}
        map_id = self.map_id
        in_cells = [tid for ids in (self.doc.cells_ids(map_id, cells) if map_id is not None else {}).values()
                    for tid in ids]
        self.places.update(self.doc.places(in_cells))
        self.doc.delete_touchpoints(self.ids)

    def revert(self) -> None:
        self.doc.restore(self.snapshot)
        self.doc.set_places(self.places)

    def change(self) -> Change:
        if self.undone:
            return Change.of(self.map_id, touchpoints=self.ids, metrics=True, select=self.ids)
        return Change.of(self.map_id, removed=self.ids, metrics=True)


class MoveTouchpointsCommand(DocumentCommand):
    """Put cards in new places (drag and drop, Alt+arrows): one undo step, one transaction.

    *after* is the complete new order of every cell the move touches (from
    ``journeymap.domain.grid``); only the rows whose stage, lane or position
    changes are written, and undo writes back exactly what was there.
    """

    def __init__(
        self, session: DocumentSession, ids: Sequence[int], after: Mapping[Cell, Sequence[int]], text: str = ""
    ):
        n = len(ids)
        super().__init__(
            session, text or tr("Move %n touchpoints", "", n)
        )
        self.ids = list(ids)
        self.after = {cell: tuple(order) for cell, order in after.items()}
        everyone = [tid for order in self.after.values() for tid in order]
        self.old_places = session.document.places(everyone)
        if len(self.old_places) != len(everyone):
            gone = next(t for t in everyone if t not in self.old_places)
            raise DocumentError(THERE_IS_NO_TOUCHPOINT_WITH_ID, session.document.path, gone)
        self.new_places = {
            tid: (cell[0], cell[1], i) for cell, order in self.after.items() for i, tid in enumerate(order)
        }
        self.writes = {tid: p for tid, p in self.new_places.items() if self.old_places[tid] != p}
        self.before: dict[Cell, tuple[int, ...]] = {}
        for cell in {(s, lane) for s, lane, _p in self.old_places.values()} | set(self.after):
            members = [t for t, (s, lane, _p) in self.old_places.items() if (s, lane) == cell]
            self.before[cell] = tuple(sorted(members, key=lambda t: (self.old_places[t][2], t)))
        self.changed = bool(self.writes)

    def apply(self) -> None:
        self.doc.set_places(self.writes)

    def revert(self) -> None:
        self.doc.set_places({tid: self.old_places[tid] for tid in self.writes})

    def change(self) -> Change:
        cells = self.before if self.undone else self.after
        return Change.of(self.map_id, touchpoints=self.ids, cells=cells, select=self.ids)
