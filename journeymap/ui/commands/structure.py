"""Undoable edits of the grid: stages (columns), lanes (rows) and the map's title block."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication

from journeymap.domain.model import Lane, Stage
from journeymap.ui.changes import Change
from journeymap.ui.commands.base import DocumentCommand
from journeymap.ui.session import DocumentSession


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class _StructureCommand(DocumentCommand):
    removes_cards = False  # deleting a stage or lane takes its cards (and their scores) with it

    def change(self) -> Change:
        return Change(self.map_id, structure=True, metrics=self.removes_cards)


# ------------------------------------------------------------------- stages
class AddStageCommand(_StructureCommand):
    """Insert a stage at *index* (default: last)."""

    def __init__(self, session: DocumentSession, stage: Stage, index: int | None = None, text: str = ""):
        super().__init__(session, text or tr("Add stage “%1”").replace("%1", stage.name))
        self.stage = replace(stage)
        self.map_id = stage.map_id
        self.index = index
        self.stage_id: int | None = None

    def apply(self) -> None:
        stages = self.doc.stages(self.stage.map_id)
        self.positions = {s.id: s.position for s in stages}
        count = len(stages)
        self.stage.position = count
        self.stage.id = self.stage_id
        self.stage_id = self.doc.add_stage(self.stage)
        self.same_identity("stages", self.stage_id)
        if self.index is not None and self.index < count:
            self.doc.move_stage(self.stage_id, self.index)

    def revert(self) -> None:
        self.doc.delete_stage(self.stage_id)
        self.doc.set_positions("stages", self.positions)


class UpdateStageCommand(_StructureCommand):
    """Rename or recolour a stage."""

    def __init__(self, session: DocumentSession, stage_id: int, values: dict[str, Any], text: str = ""):
        super().__init__(session, text or tr("Edit stage"))
        self.stage_id = stage_id
        current = next(s for s in session.document.stages(session.map_id) if s.id == stage_id)
        self.old = {k: getattr(current, k) for k in values}
        self.new = dict(values)

    def apply(self) -> None:
        self.doc.update_stage(self.stage_id, **self.new)

    def revert(self) -> None:
        self.doc.update_stage(self.stage_id, **self.old)


class DeleteStageCommand(_StructureCommand):
    """Delete a stage with its cards (and their notes and responses); undo restores everything."""

    def __init__(self, session: DocumentSession, stage_id: int, text: str = ""):
        super().__init__(session, text or tr("Delete stage"))
        self.stage_id = stage_id
        self.snapshot = None

    def apply(self) -> None:
        self.snapshot = self.doc.snapshot(stage_ids=[self.stage_id])
        self.doc.delete_stage(self.stage_id)

    def revert(self) -> None:
        self.doc.restore(self.snapshot)

    removes_cards = True


class MoveStageCommand(_StructureCommand):
    def __init__(self, session: DocumentSession, stage_id: int, index: int, text: str = ""):
        super().__init__(session, text or tr("Move stage"))
        self.stage_id = stage_id
        self.index = index
        self.old_index: int | None = None

    def apply(self) -> None:
        self.positions = self.doc.positions("stages", self.stage_id)
        self.old_index = self.doc.move_stage(self.stage_id, self.index)

    def revert(self) -> None:
        self.doc.set_positions("stages", self.positions)


# -------------------------------------------------------------------- lanes
class AddLaneCommand(_StructureCommand):
    def __init__(self, session: DocumentSession, lane: Lane, index: int | None = None, text: str = ""):
        super().__init__(session, text or tr("Add lane “%1”").replace("%1", lane.name))
        self.lane = replace(lane)
        self.map_id = lane.map_id
        self.index = index
        self.lane_id: int | None = None

    def apply(self) -> None:
        lanes = self.doc.lanes(self.lane.map_id)
        self.positions = {lane.id: lane.position for lane in lanes}
        count = len(lanes)
        self.lane.position = count
        self.lane.id = self.lane_id
        self.lane_id = self.doc.add_lane(self.lane)
        self.same_identity("lanes", self.lane_id)
        if self.index is not None and self.index < count:
            self.doc.move_lane(self.lane_id, self.index)

    def revert(self) -> None:
        self.doc.delete_lane(self.lane_id)
        self.doc.set_positions("lanes", self.positions)


class UpdateLaneCommand(_StructureCommand):
    def __init__(self, session: DocumentSession, lane_id: int, values: dict[str, Any], text: str = ""):
        super().__init__(session, text or tr("Edit lane"))
        self.lane_id = lane_id
        current = next(lane for lane in session.document.lanes(session.map_id) if lane.id == lane_id)
        self.old = {k: getattr(current, k) for k in values}
        self.new = dict(values)

    def apply(self) -> None:
        self.doc.update_lane(self.lane_id, **self.new)

    def revert(self) -> None:
        self.doc.update_lane(self.lane_id, **self.old)


class DeleteLaneCommand(_StructureCommand):
    def __init__(self, session: DocumentSession, lane_id: int, text: str = ""):
        super().__init__(session, text or tr("Delete lane"))
        self.lane_id = lane_id
        self.snapshot = None

    def apply(self) -> None:
        self.snapshot = self.doc.snapshot(lane_ids=[self.lane_id])
        self.doc.delete_lane(self.lane_id)

    def revert(self) -> None:
        self.doc.restore(self.snapshot)

    removes_cards = True


class MoveLaneCommand(_StructureCommand):
    def __init__(self, session: DocumentSession, lane_id: int, index: int, text: str = ""):
        super().__init__(session, text or tr("Move lane"))
        self.lane_id = lane_id
        self.index = index
        self.old_index: int | None = None

    def apply(self) -> None:
        self.positions = self.doc.positions("lanes", self.lane_id)
        self.old_index = self.doc.move_lane(self.lane_id, self.index)

    def revert(self) -> None:
        self.doc.set_positions("lanes", self.positions)
