"""MapEditor: the one place that turns a request into undo commands and pushes them.

The canvas's gestures, the main window's actions, the inspector, the outline and
the dialogs all ask the session's editor (``session.editor``) for an edit. It owns
what every edit needs: the read-only guard, the confirmation of destructive edits,
the colour choice, the grid arithmetic of moves (``journeymap.domain.grid``), and
who asked (``Source``), which travels with the edit's announced ``Change``.
Modelled on orange-canvas-core's ``SchemeEditWidget`` and Qt's undo framework example.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from journeymap.domain import grid as gridlib
from journeymap.domain.model import BlueprintLine, Connection, Lane, LaneKind, Persona, Sensation, Stage, Touchpoint
from journeymap.storage import DocumentError
from journeymap.ui.changes import Source
from journeymap.ui.commands.base import DocumentCommand
from journeymap.ui.commands.maps import (
    AddMapCommand,
    DeleteMapCommand,
    DuplicateMapCommand,
    RenameMapCommand,
    UpdateMapCommand,
)
from journeymap.ui.commands.notes import AddNoteCommand, DeleteNoteCommand, EditNoteCommand
from journeymap.ui.commands.relations import (
    AddConnectionCommand,
    AddPersonaCommand,
    AssignPersonasCommand,
    DeleteConnectionsCommand,
    DeletePersonaCommand,
    DuplicateAsFutureStateCommand,
    UpdateConnectionCommand,
    UpdatePersonaCommand,
)
from journeymap.ui.commands.structure import (
    AddLaneCommand,
    AddStageCommand,
    DeleteLaneCommand,
    DeleteStageCommand,
    MoveLaneCommand,
    MoveStageCommand,
    UpdateLaneCommand,
    UpdateStageCommand,
)
from journeymap.ui.commands.touchpoints import (
    AddTouchpointsCommand,
    DeleteTouchpointsCommand,
    MoveTouchpointsCommand,
    UpdateTouchpointsCommand,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from journeymap.ui.session import DocumentSession

Cell = tuple[int, int]
STAGE_COLOURS = (
    "#4E79A7",
    "#F28E2B",
    "#59A14F",
    "#B07AA1",
    "#76B7B2",
    "#EDC948",
    "#E15759",
    "#9C755F",
    "#BAB0AC",
    "#FF9DA7",
)


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("MapEditor", text, disambiguation, n)


class MapEditor(QObject):
    """Every edit of one open document, as undoable commands on the session's stack."""

    # A request was refused (message id of journeymap.ui.messages; the window shows it).
    refused = Signal(str)

    def __init__(self, session: DocumentSession):
        super().__init__(session)
        self.session = session
        self.window: QWidget | None = None  # parent of confirmations and colour dialogs

    # ================================================================ the guard and the stack
    @property
    def doc(self):
        return self.session.document

    @property
    def map_id(self) -> int | None:
        return self.session.map_id

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    def push(self, command: DocumentCommand, source: Source = Source.SCRIPT) -> bool:
        """Push *command* as made by *source*; False (nothing pushed) when read-only."""
        if self.read_only:
            self.refused.emit("document.read_only")
            return False
        command.source = source
        self.session.settle()
        self.session.undo_stack.push(command)
        return True

    def _parent(self) -> QWidget | None:
        if self.window is not None:
            return self.window
        from PySide6.QtWidgets import QApplication

        return QApplication.activeWindow()

    def confirm(self, title: str, text: str) -> bool:
        """A destructive edit asks first; Cancel is the default button."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self._parent(),
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def choose_colour(self, current: str, title: str) -> str | None:
        from PySide6.QtGui import QColor
        from PySide6.QtWidgets import QColorDialog

        chosen = QColorDialog.getColor(QColor(current), self._parent(), title)
        return chosen.name() if chosen.isValid() else None

    def grid(self) -> gridlib.Grid:
        """The current map's grid, read from the document (the canvas passes its own instead)."""
        if self.map_id is None:
            return gridlib.Grid((), ())
        cells: dict[Cell, list[int]] = {}
        for tp in self.doc.touchpoints(self.map_id):
            cells.setdefault((tp.stage_id, tp.lane_id), []).append(tp.id)
        return gridlib.Grid.of(
            (s.id for s in self.doc.stages(self.map_id)), (lane.id for lane in self.doc.lanes(self.map_id)), cells
        )

    # ================================================================ cards
    def add_touchpoint(
        self,
        stage_id: int,
        lane_id: int,
        title: str = "",
        channel: str = "",
        description: str = "",
        index: int | None = None,
        source: Source = Source.CANVAS,
    ) -> int | None:
        """A new card in a cell (palette drop, double-click, library); returns its id."""
        if self.map_id is None:
            return None
        tp = Touchpoint(self.map_id, stage_id, lane_id, title or tr("New touchpoint"), description, channel=channel)
        ids = self.add_touchpoints([(tp, index)], "", source)
        return ids[0] if ids else None

    def add_touchpoints(
        self, items: list[tuple[Touchpoint, int | None]], text: str = "", source: Source = Source.CANVAS
    ) -> list[int]:
        if not items:
            return []
        cmd = AddTouchpointsCommand(self.session, items, text)
        return list(cmd.ids) if self.push(cmd, source) else []

    def duplicate_touchpoints(self, ids: Sequence[int], grid: gridlib.Grid | None = None,
                              source: Source = Source.CANVAS) -> list[int]:
        """Copies right after each original, in its cell."""
        grid = grid or self.grid()
        located = grid.where(ids)
        current = self.doc.touchpoints_by_id(ids)
        items: list[tuple[Touchpoint, int | None]] = []
        inserted: dict[Cell, int] = {}
        for tid in grid.sorted(ids):
            if tid not in current:
                continue
            cell, idx = located[tid]
            tp = replace(current[tid], id=None, tags=list(current[tid].tags))
            k = inserted.get(cell, 0)
            items.append((tp, idx + 1 + k))
            inserted[cell] = k + 1
        return self.add_touchpoints(items, tr("Duplicate"), source)

    def delete_touchpoints(self, ids: Sequence[int], source: Source = Source.CANVAS) -> bool:
        if not ids:
            return False
        return self.push(DeleteTouchpointsCommand(self.session, list(ids)), source)

    def update_touchpoints(
        self, changes: Mapping[int, Mapping[str, Any]], text: str = "", source: Source = Source.SCRIPT
    ) -> bool:
        """Set fields of several cards in one command and one transaction; unchanged cards are left out."""
        changes = {tid: dict(values) for tid, values in changes.items() if values}
        if not changes or self.read_only:
            return False
        return self.push(UpdateTouchpointsCommand(self.session, changes, text), source)

    def set_fields(self, ids: Iterable[int], values: Mapping[str, Any], text: str = "",
                   source: Source = Source.SCRIPT, together: bool = False) -> bool:
        """The same *values* on every card of *ids*: only the fields that differ are written, unless
        *together* (then all of them on each card that differs), so that edits of a group of fields merge."""
        current = self.doc.touchpoints_by_id(ids)
        changes: dict[int, dict[str, Any]] = {}
        for tid, tp in current.items():
            diff = {k: v for k, v in values.items() if getattr(tp, k) != v}
            if diff:
                changes[tid] = dict(values) if together else diff
        return self.update_touchpoints(changes, text, source)

    def set_sensation(self, ids: Iterable[int], sensation: Sensation, source: Source = Source.CANVAS) -> bool:
        return self.set_fields(ids, {"sensation": sensation}, tr("Set sensation"), source)

    def toggle_moment_of_truth(self, ids: Iterable[int], source: Source = Source.CANVAS) -> bool:
        current = self.doc.touchpoints_by_id(ids)
        if not current:
            return False
        value = not all(tp.moment_of_truth for tp in current.values())
        return self.set_fields(current, {"moment_of_truth": value}, tr("Moment of truth"), source)

    def _move(self, ids: Sequence[int], plan, source: Source) -> bool:
        if self.read_only or not ids:
            return False
        try:
            after = plan()
        except gridlib.MoveRefused as exc:
            self.refused.emit(exc.msg_id)
            return False
        cmd = MoveTouchpointsCommand(self.session, ids, after)
        return cmd.changed and self.push(cmd, source)

    def move_touchpoints(
        self,
        ids: Sequence[int],
        target: Cell,
        index: int,
        anchor: int | None = None,
        grid: gridlib.Grid | None = None,
        source: Source = Source.CANVAS,
    ) -> bool:
        """Drop: *anchor* (default: the first card) to *index* of *target* as shown; the other cards
        move by as many stages and lanes from their own cells."""
        grid = grid or self.grid()
        ids = grid.sorted(ids)
        if anchor is None and ids:
            anchor = ids[0]
        return self._move(ids, lambda: gridlib.drop(grid, ids, anchor, target, index), source)

    def shift_touchpoints(self, ids: Sequence[int], dx: int, dy: int, grid: gridlib.Grid | None = None,
                          source: Source = Source.CANVAS) -> bool:
        """Alt+arrows: each card one stage left/right in its lane, or one slot up/down."""
        grid = grid or self.grid()
        ids = grid.sorted(ids)
        return self._move(ids, lambda: gridlib.shift(grid, ids, dx, dy), source)

    # ================================================================ stages and lanes
    def _stage(self, stage_id: int) -> Stage | None:
        return next((s for s in self.doc.stages(self.map_id) if s.id == stage_id), None) if self.map_id else None

    def _lane(self, lane_id: int) -> Lane | None:
        return next((la for la in self.doc.lanes(self.map_id) if la.id == lane_id), None) if self.map_id else None

    def add_stage(self, index: int | None = None, name: str | None = None, source: Source = Source.MENU) -> int | None:
        if self.map_id is None or self.read_only:
            return None
        count = len(self.doc.stages(self.map_id))
        colour = STAGE_COLOURS[count % len(STAGE_COLOURS)]
        cmd = AddStageCommand(self.session, Stage(self.map_id, name or tr("New stage"), colour=colour), index)
        return cmd.stage_id if self.push(cmd, source) else None

    def add_lane(self, index: int | None = None, name: str | None = None, source: Source = Source.MENU,
                 kind: LaneKind = LaneKind.TOUCHPOINTS) -> int | None:
        """A new lane of *kind* (what its cards mean and how they are drawn)."""
        if self.map_id is None or self.read_only:
            return None
        cmd = AddLaneCommand(self.session, Lane(self.map_id, name or tr("New lane"), kind), index)
        return cmd.lane_id if self.push(cmd, source) else None

    def set_lane_kind(self, lane_id: int, kind: LaneKind, source: Source = Source.CANVAS) -> bool:
        return self.update_lane(lane_id, {"kind": kind}, tr("Change lane kind"), source)

    def set_blueprint_line(self, lane_id: int, line: BlueprintLine, source: Source = Source.CANVAS) -> bool:
        """The service-blueprint line drawn under a lane (interaction, visibility, internal interaction)."""
        return self.update_lane(lane_id, {"line_below": line}, tr("Change blueprint line"), source)

    def rename_stage(self, stage_id: int, name: str, source: Source = Source.CANVAS) -> bool:
        stage = self._stage(stage_id)
        if stage is None or not name or name == stage.name:
            return False
        return self.push(UpdateStageCommand(self.session, stage_id, {"name": name}, tr("Rename stage")), source)

    def rename_lane(self, lane_id: int, name: str, source: Source = Source.CANVAS) -> bool:
        lane = self._lane(lane_id)
        if lane is None or not name or name == lane.name:
            return False
        return self.push(UpdateLaneCommand(self.session, lane_id, {"name": name}, tr("Rename lane")), source)

    def update_lane(self, lane_id: int, values: Mapping[str, Any], text: str = "",
                    source: Source = Source.SCRIPT) -> bool:
        lane = self._lane(lane_id)
        if lane is None or all(getattr(lane, k) == v for k, v in values.items()):
            return False
        return self.push(UpdateLaneCommand(self.session, lane_id, dict(values), text), source)

    def update_stage(self, stage_id: int, values: Mapping[str, Any], text: str = "",
                     source: Source = Source.SCRIPT) -> bool:
        stage = self._stage(stage_id)
        if stage is None or all(getattr(stage, k) == v for k, v in values.items()):
            return False
        return self.push(UpdateStageCommand(self.session, stage_id, dict(values), text), source)

    def recolour_stage(self, stage_id: int, colour: str | None = None, source: Source = Source.CANVAS) -> bool:
        stage = self._stage(stage_id)
        if stage is None or self.read_only:
            return False
        colour = colour or self.choose_colour(stage.colour, tr("Stage colour"))
        if not colour or colour == stage.colour:
            return False
        return self.push(UpdateStageCommand(self.session, stage_id, {"colour": colour}, tr("Recolour stage")), source)

    def recolour_lane(self, lane_id: int, colour: str | None = None, source: Source = Source.CANVAS) -> bool:
        lane = self._lane(lane_id)
        if lane is None or self.read_only:
            return False
        colour = colour or self.choose_colour(lane.colour or "#5B6B7F", tr("Lane colour"))
        if not colour or colour == lane.colour:
            return False
        return self.push(UpdateLaneCommand(self.session, lane_id, {"colour": colour}, tr("Recolour lane")), source)

    def _cards_in(self, stage_id: int | None = None, lane_id: int | None = None) -> int:
        if self.map_id is None:
            return 0
        return sum(
            1 for tp in self.doc.touchpoints(self.map_id)
            if (stage_id is None or tp.stage_id == stage_id) and (lane_id is None or tp.lane_id == lane_id)
        )

    def delete_stage(self, stage_id: int, confirm: bool = True, source: Source = Source.CANVAS) -> bool:
        stage = self._stage(stage_id)
        if stage is None or self.read_only:
            return False
        n = self._cards_in(stage_id=stage_id)
        if confirm and n:
            text = tr("Delete the stage “%1” and its %n cards?", "", n).replace("%1", stage.name)
            if not self.confirm(tr("Delete stage"), text):
                return False
        return self.push(
            DeleteStageCommand(self.session, stage_id, tr("Delete stage “%1”").replace("%1", stage.name)), source
        )

    def delete_lane(self, lane_id: int, confirm: bool = True, source: Source = Source.CANVAS) -> bool:
        lane = self._lane(lane_id)
        if lane is None or self.read_only:
            return False
        n = self._cards_in(lane_id=lane_id)
        if confirm and n:
            text = tr("Delete the lane “%1” and its %n cards?", "", n).replace("%1", lane.name)
            if not self.confirm(tr("Delete lane"), text):
                return False
        return self.push(
            DeleteLaneCommand(self.session, lane_id, tr("Delete lane “%1”").replace("%1", lane.name)), source
        )

    def move_stage(self, stage_id: int, index: int, source: Source = Source.CANVAS) -> bool:
        return self.push(MoveStageCommand(self.session, stage_id, index), source)

    def move_lane(self, lane_id: int, index: int, source: Source = Source.CANVAS) -> bool:
        return self.push(MoveLaneCommand(self.session, lane_id, index), source)

    # ================================================================ maps
    def add_map(self, template: str | None = None, title: str | None = None, lang: str = "en",
                source: Source = Source.OUTLINE) -> int | None:
        cmd = AddMapCommand(self.session, template, title, lang)
        return cmd.map_id if self.push(cmd, source) else None

    def update_map(self, map_id: int, values: Mapping[str, Any], text: str = "",
                   source: Source = Source.OUTLINE) -> bool:
        current = self.doc.get_map(map_id)
        if all(getattr(current, k) == v for k, v in values.items()):
            return False
        if set(values) == {"title"}:
            return self.push(RenameMapCommand(self.session, map_id, values["title"]), source)
        return self.push(UpdateMapCommand(self.session, map_id, dict(values), text), source)

    def rename_map(self, map_id: int, title: str, source: Source = Source.OUTLINE) -> bool:
        title = title.strip()
        return bool(title) and self.update_map(map_id, {"title": title}, source=source)

    def duplicate_map(self, map_id: int, source: Source = Source.OUTLINE) -> int | None:
        cmd = DuplicateMapCommand(self.session, map_id)
        return cmd.map_id if self.push(cmd, source) else None

    def delete_map(self, map_id: int, confirm: bool = True, source: Source = Source.OUTLINE) -> bool:
        """Delete a map after asking; the last map of a document is kept."""
        if self.read_only or len(self.doc.maps()) <= 1:
            return False
        if confirm:
            m = self.doc.get_map(map_id)
            _stages, _lanes, n = self.doc.counts(map_id)
            text = tr("Delete the map “%1” and its %n touchpoints?\n\nYou can undo this.", "", n)
            text = text.replace("%1", m.title)
            if not self.confirm(tr("Delete map"), text):
                return False
        return self.push(DeleteMapCommand(self.session, map_id), source)

    def duplicate_as_future_state(self, map_id: int, source: Source = Source.MENU) -> int | None:
        """A copy of the map that knows it is the future state of *map_id* (cards keep their origin)."""
        cmd = DuplicateAsFutureStateCommand(self.session, map_id)
        return cmd.map_id if self.push(cmd, source) else None

    # ================================================================ connections
    def connect_cards(self, source_id: int, target_id: int, label: str = "",
                      source: Source = Source.CANVAS) -> int | None:
        """An arrow from one card to another of the same map (a loop when they are the same card)."""
        if self.map_id is None or self.read_only:
            return None
        cmd = AddConnectionCommand(self.session, Connection(self.map_id, source_id, target_id, label))
        return cmd.connection_id if self.push(cmd, source) else None

    def set_connection_label(self, connection_id: int, label: str, source: Source = Source.CANVAS) -> bool:
        try:
            current = self.doc.connection(connection_id)
        except DocumentError:
            return False
        if current.label == label:
            return False
        return self.push(UpdateConnectionCommand(self.session, connection_id, {"label": label}), source)

    def delete_connections(self, ids: Sequence[int], source: Source = Source.CANVAS) -> bool:
        return bool(ids) and self.push(DeleteConnectionsCommand(self.session, list(ids)), source)

    # ================================================================ personas
    def add_persona(self, persona: Persona, map_id: int | None = None, source: Source = Source.DIALOG) -> int | None:
        """A new persona of the document, assigned to *map_id* (after its others) when given."""
        cmd = AddPersonaCommand(self.session, persona, map_id)
        return cmd.persona_id if self.push(cmd, source) else None

    def update_persona(self, persona_id: int, values: Mapping[str, Any], source: Source = Source.DIALOG) -> bool:
        current = self.doc.persona(persona_id)
        if all(getattr(current, k) == v for k, v in values.items()):
            return False
        return self.push(UpdatePersonaCommand(self.session, persona_id, dict(values)), source)

    def delete_persona(self, persona_id: int, confirm: bool = True, source: Source = Source.DIALOG) -> bool:
        """Delete a persona; one that several maps share asks first."""
        maps = 0 if self.read_only or not confirm else len(self.doc.persona_maps(persona_id))
        if maps > 1:
            text = tr("“%1” is assigned to %n map(s). Delete it from all of them?", "", maps)
            if not self.confirm(tr("Delete persona"), text.replace("%1", self.doc.persona(persona_id).name)):
                return False
        return self.push(DeletePersonaCommand(self.session, persona_id), source)

    def assign_personas(self, map_id: int, persona_ids: Sequence[int], source: Source = Source.DIALOG) -> bool:
        """Which personas a map is about, in order."""
        if [p.id for p in self.doc.map_personas(map_id)] == list(persona_ids):
            return False
        return self.push(AssignPersonasCommand(self.session, map_id, list(persona_ids)), source)

    # ================================================================ notes and imports
    def add_note(self, touchpoint_id: int, text: str, author: str | None = None,
                 source: Source = Source.INSPECTOR) -> int | None:
        text = text.strip()
        if not text:
            return None
        cmd = AddNoteCommand(self.session, touchpoint_id, text, author)
        return cmd.note_id if self.push(cmd, source) else None

    def edit_note(self, touchpoint_id: int, note_id: int, text: str, source: Source = Source.INSPECTOR) -> bool:
        return bool(text.strip()) and self.push(
            EditNoteCommand(self.session, touchpoint_id, note_id, text.strip()), source
        )

    def delete_note(self, touchpoint_id: int, note_id: int, source: Source = Source.INSPECTOR) -> bool:
        return self.push(DeleteNoteCommand(self.session, touchpoint_id, note_id), source)

    # ================================================================ quotes
    def pin_quote(self, touchpoint_id: int, response_id: int | None, text: str, score: int | None = None,
                  source: Source = Source.DIALOG) -> bool:
        """Pin a customer's comment on its card (the Quotes overlay and every export show it)."""
        from journeymap.ui.commands.quotes import PinQuote

        return bool(text.strip()) and self.push(PinQuote(self.session, touchpoint_id, response_id, text, score),
                                                source)

    def unpin_quote(self, quote_id: int, source: Source = Source.CANVAS) -> bool:
        from journeymap.ui.commands.quotes import UnpinQuote

        return self.push(UnpinQuote(self.session, quote_id), source)

    def record_import(self, batch_id: int, source: Source = Source.DIALOG) -> bool:
        """An import already written by the importing service becomes one undo step."""
        from journeymap.ui.commands.imports import ImportBatchCommand

        return self.push(ImportBatchCommand(self.session, batch_id), source)

    def remove_import(self, batch_id: int, source: Source = Source.DIALOG) -> bool:
        from journeymap.ui.commands.imports import RemoveBatchCommand

        return self.push(RemoveBatchCommand(self.session, batch_id), source)

    def record_merge(self, result, sources: Sequence[str], source: Source = Source.DIALOG) -> bool:
        """A merge already written by ``services.merging.apply_merge`` becomes one undo step."""
        from journeymap.ui.commands.merge import MergeCommand

        return self.push(MergeCommand(self.session, result, sources), source)


__all__ = ["MapEditor", "STAGE_COLOURS", "DocumentError"]
