"""The canvas: one QGraphicsScene per open session, on screen and in exports.

The scene reads the document, lays the grid out (``layout.GridLayout``) and
keeps one item per stage, lane and card. It does not edit: gestures are
interaction objects (``interactions.py``) and menus, keys and the clipboard ask
the session's ``MapEditor``. When an edit announces its ``Change``, the scene
applies it: new values and cell orders straight from the change, re-reading
only what the change does not carry, and rebuilding only on structure changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QUndoCommand
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
)

from journeymap.domain.grid import Grid
from journeymap.domain.metrics import TouchpointMetrics
from journeymap.domain.model import Lane, LaneKind, Stage, Touchpoint, lane_is_scored
from journeymap.storage import DocumentError
from journeymap.ui.changes import Change
from journeymap.ui.scene import clipboard, interactions, keyboard_editing, overlay_state, rows, style
from journeymap.ui.scene.card_filter import card_matches
from journeymap.ui.scene.card_item import CardItem, reset_fonts
from journeymap.ui.scene.catch_up import CatchUp
from journeymap.ui.scene.connect_handle import handle_at
from journeymap.ui.scene.emotion import EmotionLaneItem
from journeymap.ui.scene.header_items import (
    DropIndicatorItem,
    GridItem,
    InlineEditor,
    LaneHeaderItem,
    LayerItem,
    StageHeaderItem,
    TitleBlockItem,
    _HeaderBase,
    draw_empty_map_hint,
)
from journeymap.ui.scene.interactions import CardDrag, ConnectDrag, HeaderDrag, InlineEdit, Interaction, PaletteDrop
from journeymap.ui.scene.layout import Cell, GridLayout, compute_layout
from journeymap.ui.scene.legend import LegendItem
from journeymap.ui.scene.rows import CellItem
from journeymap.ui.scene.updates import LARGE_CHANGE, change_steps, metrics_steps, refresh_metrics_steps
from journeymap.ui.session import DocumentSession

if TYPE_CHECKING:
    from journeymap.ui.editor import MapEditor

CardOverlayPainter = Callable[[QPainter, CardItem], None]


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """With *n*: a numerus form ("%n cards"), the language's plural chosen and %n filled."""
    return QCoreApplication.translate("MapScene", text, disambiguation, n)


class MapScene(overlay_state.OverlayState, keyboard_editing.KeyboardEditing, QGraphicsScene):
    """The journey map of ``session.map_id``, as items; usable without any view (exports)."""

    # Emitted after every relayout (cards moved, rows grew, structure rebuilt).
    layoutChanged = Signal()
    overlaysChanged = Signal()
    # The scene draws its own legend (exports then do not add one): see ``set_legend_visible``.
    draws_legend = True

    def __init__(self, session: DocumentSession, parent=None):
        super().__init__(parent)
        self.session = session
        # No BSP index: when a row grows, every card below it moves, and the index re-filed each
        # one (70 ms for a move in a 30,000-card map). The cards live in their cells' containers
        # (rows.py), so painting and hit tests skip whole cells by their rect without an index.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setBackgroundBrush(style.BACKGROUND)
        # Explicit from the start (then the content's): without one, sceneRect() measures every card.
        self.setSceneRect(QRectF(0, 0, 1, 1))
        self._overlays: set[str] = set()
        self.export_mode = False
        self.card_overlay_painters: list[CardOverlayPainter] = []
        # Extra entries of a card's context menu: hook(menu, selected touchpoint ids).
        self.card_menu_hooks: list[Callable[[object, list[int]], None]] = []  # (QMenu, selected ids)
        self.metrics: dict[int, TouchpointMetrics] = {}
        self.filter_text = ""
        self.last_cell: Cell | None = None
        self.cards: dict[int, CardItem] = {}
        self.rows: dict[int, dict[int, CellItem]] = {}  # lane id: stage id: a cell's cards' container (rows.py)
        self.layout_cells: frozenset[Cell] | None = None  # what the last relayout re-placed (None: all)
        self.layout_rows_moved = True
        self.cells: dict[Cell, list[int]] = {}
        self.stage_headers: dict[int, StageHeaderItem] = {}
        self.lane_headers: dict[int, LaneHeaderItem] = {}
        from journeymap.ui.scene.voice_marks import VoiceMarks

        # Quotes, compare and trend marks: on every scene, so exports draw them as the canvas does.
        self.voice_marks = VoiceMarks(self)
        self.stages: list[Stage] = []
        self.lanes: list[Lane] = []
        self.grid = GridLayout([], [], {})
        self.current_header: _HeaderBase | None = None
        self._publishing = True
        # The gesture in progress (journeymap.ui.scene.interactions), if any.
        self.interaction: Interaction | None = None
        self._palette_drop = PaletteDrop(self)
        self.catch_up = CatchUp(self)  # big edits shown across turns, finished before input or edits
        session.add_settler(self.catch_up.flush)

        self.title_item = TitleBlockItem(self)
        self.grid_item = GridItem(self)
        self.drop_indicator = DropIndicatorItem()
        self.overlay_layer = LayerItem()
        self.emotion_item = EmotionLaneItem(self)
        self.legend_item = LegendItem()
        self.legend_item.hide()
        self._legend_visible = True
        for item in (self.title_item, self.grid_item, self.drop_indicator, self.overlay_layer):
            self.addItem(item)
        self.emotion_item.setParentItem(self.overlay_layer)
        self.legend_item.setParentItem(self.overlay_layer)

        session.changed.connect(self.apply_change)
        session.currentMapChanged.connect(self._on_map_changed)
        session.selectRequested.connect(self.select_ids)
        self.selectionChanged.connect(self._publish_selection)
        session.shown_touchpoints = self.shown_touchpoints
        # Lanes whose cards carry NPS and sentiment badges (touchpoint-like kinds only).
        self.scored_lane_ids: frozenset[int] = frozenset()
        self.rebuild()
        from journeymap.ui.scene import photo_drop, photo_overlay, rich_map  # imported when a canvas is made

        self.photos, self.photo_drop = photo_overlay.PhotoOverlay(self), photo_drop.PhotoDrop(self)
        from journeymap.ui.scene.flow_overlay import FlowOverlay

        self.flows = FlowOverlay(self)  # the "flows" overlay of event logs (issue 22)
        self.rich = rich_map.RichMap(self)  # arrows, blueprint lines, persona cards, card markers
        from journeymap.ui.scene.coarse import CoarseCards

        self.coarse = CoarseCards(self)  # the cards as one image while every view is zoomed far out
        self.addItem(self.coarse)

    # ================================================================ public API
    @property
    def doc(self):
        return self.session.document

    @property
    def editor(self) -> MapEditor:
        """The session's editor: every edit the canvas makes goes through it."""
        return self.session.editor

    @property
    def inline_editor(self) -> InlineEditor | None:
        """The title being edited in place, if any."""
        return self.interaction.item if isinstance(self.interaction, InlineEdit) else None

    @property
    def map_id(self) -> int | None:
        return self.session.map_id

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    def card_item(self, touchpoint_id: int) -> CardItem | None:
        return self.cards.get(touchpoint_id)

    def cell_rect(self, stage_id: int, lane_id: int) -> QRectF:
        return self.grid.cell_rect((stage_id, lane_id))

    def selected_ids(self) -> list[int]:
        """Selected cards in map order.

        Sorted by keys of the selected cards only (stage, lane, place in the cell):
        every selection change asks for this, and ordering all cards for a click made
        each one cost the whole map.
        """
        stage_index = {sid: i for i, sid in enumerate(self.grid.stage_ids)}
        lane_index = {lid: i for i, lid in enumerate(self.grid.lane_ids)}
        places: dict[Cell, dict[int, int]] = {}
        keyed = []
        for item in self.selectedItems():
            if not isinstance(item, CardItem):
                continue
            tid = item.touchpoint_id
            cell = item.cell
            if cell not in places:
                places[cell] = {t: k for k, t in enumerate(self.cells.get(cell, ()))}
            k = places[cell].get(tid)
            if k is not None and cell[0] in stage_index and cell[1] in lane_index:
                keyed.append(((stage_index[cell[0]], lane_index[cell[1]], k), tid))
        keyed.sort()
        return [tid for _, tid in keyed]

    def shown_touchpoints(self, ids: Iterable[int]) -> dict[int, Touchpoint]:
        """The touchpoints of these cards as last applied (cards not on this canvas left out)."""
        cards = self.cards
        return {tid: cards[tid].touchpoint for tid in ids if tid in cards}

    def model_grid(self) -> Grid:
        """The map as shown, for the grid arithmetic of ``journeymap.domain.grid``."""
        cards = self.cards

        def cell_of(tid: int) -> Cell | None:
            card = cards.get(tid)
            return card.cell if card is not None else None

        return Grid(tuple(self.grid.stage_ids), tuple(self.grid.lane_ids), self.cells, cell_of)

    def push(self, command: QUndoCommand) -> bool:
        """Push a command built elsewhere (scripts, tests) through the editor."""
        return self.editor.push(command)

    def dispose(self) -> None:
        """Disconnect from the session and drop every item (before the session's document closes)."""
        session = self.session
        if session.shown_touchpoints == self.shown_touchpoints:
            session.shown_touchpoints = None
        self.catch_up.flush()
        session.remove_settler(self.catch_up.flush)
        self.stop_fitting_scene_rect()
        self.photos.dispose()
        self.rich.dispose()
        self.coarse.dispose()
        for signal, slot in (
            (session.changed, self.apply_change),
            (session.currentMapChanged, self._on_map_changed),
            (session.selectRequested, self.select_ids),
        ):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self.interaction = None
        self.current_header = None
        self.cards.clear()
        self.rows.clear()
        self.stage_headers.clear()
        self.lane_headers.clear()
        self.clear()

    def _on_map_changed(self, _map_id: int) -> None:
        self.rebuild()

    # ================================================================ building
    def rebuild(self) -> None:
        """Re-read the whole map (structure changes, map switch)."""
        self.catch_up.flush()
        self.cancel_interaction()
        reset_fonts()
        selected = list(self.session.selected_ids)
        self._publishing = False
        try:
            # Cards one by one first: each then belongs to Python alone and dies with its last
            # reference (a row removed with its cards would delete them under any holder).
            for item in [*self.cards.values(), *rows.all_containers(self), *self.stage_headers.values(),
                         *self.lane_headers.values()]:
                self.removeItem(item)
            self.cards.clear()
            self.rows.clear()
            self.stage_headers.clear()
            self.lane_headers.clear()
            self.current_header = None
            map_id = self.map_id
            if map_id is None:
                self.stages, self.lanes, touchpoints = [], [], []
            else:
                self.stages = self.doc.stages(map_id)
                self.lanes = self.doc.lanes(map_id)
                touchpoints = self.doc.touchpoints(map_id)
            self.scored_lane_ids = frozenset(lane.id for lane in self.lanes if lane_is_scored(lane.kind))
            self.cells = {}
            self.metrics = {}
            for tp in touchpoints:
                self.cells.setdefault((tp.stage_id, tp.lane_id), []).append(tp.id)
            self.grid = compute_layout([s.id for s in self.stages], [lane.id for lane in self.lanes], self.cells)
            for stage in self.stages:
                header = StageHeaderItem(self, stage)
                self.stage_headers[stage.id] = header
                self.addItem(header)
            for i, lane in enumerate(self.lanes):
                header = LaneHeaderItem(self, lane, i)
                self.lane_headers[lane.id] = header
                self.addItem(header)
            rows.build_cards(self, touchpoints)
            self._refresh_title()
            self._compute_metrics(touchpoints)
            self._apply_layout(cards_placed=True)
            self._apply_filter(self.cards.values())
            for tid in selected:
                if tid in self.cards:
                    self.cards[tid].setSelected(True)
        finally:
            self._publishing = True
        rich = getattr(self, "rich", None)  # None while the scene is being made
        if rich is not None:
            rich.rebuild()
        self._publish_selection()

    def _refresh_title(self) -> None:
        try:
            self.title_item.set_map(self.doc.get_map(self.map_id) if self.map_id is not None else None)
        except DocumentError:
            self.title_item.set_map(None)
        self._refresh_overall()

    def _refresh_overall(self) -> None:
        from journeymap.domain.metrics import NpsSummary

        try:
            counts = self.doc.overall_counts(self.map_id, self.session.segment) if self.map_id is not None else None
        except DocumentError:
            counts = None
        self.title_item.set_overall(NpsSummary(*counts) if counts else None)

    def _apply_layout(self, cells: Iterable[Cell] | None = None, cards_placed: bool = False,
                      rows_moved: bool = True) -> None:
        """Position items from ``self.grid`` (see ``rows.apply_layout``), then tell the listeners."""
        rows.apply_layout(self, cells, cards_placed, rows_moved)
        self._sync_overlay_items(shrink_later=cells is not None)
        self.layoutChanged.emit()

    # ================================================================ changes
    def apply_change(self, change: Change) -> None:
        """Show what an edit changed (``ui.changes``): pending work first; a big edit across turns."""
        self.catch_up.flush()
        if change.maps or change.personas:
            self._refresh_title()
        if change.personas:
            self.rich.personas.refresh()  # a persona shows on every map it is assigned to
        if change.map_id is not None and change.map_id != self.map_id:
            return
        if change.structure:
            self.rebuild()
            return
        self.catch_up.run(change_steps(self, change), now=len(change.touchpoints) < LARGE_CHANGE)

    def render(self, *args, **kwargs) -> None:  # exports: never a half-shown edit
        self.catch_up.flush()
        self.coarse.refresh()  # exports draw the cards themselves
        super().render(*args, **kwargs)

    # ================================================================ metrics, filter
    def _compute_metrics(self, touchpoints: list[Touchpoint] | None = None) -> None:
        if self.map_id is None:
            return
        if touchpoints is not None and not touchpoints:
            return
        touchpoints = [c.touchpoint for c in self.cards.values()] if touchpoints is None else touchpoints
        for _ in metrics_steps(self, touchpoints):
            pass

    def refresh_metrics(self) -> None:
        """Responses, manual values or the segment changed: new numbers for every card and the curve."""
        self.catch_up.flush()
        for _ in refresh_metrics_steps(self):
            pass

    def set_filter(self, text: str) -> None:
        """Dim the cards that do not match every word of *text* (see ``card_filter.card_matches``)."""
        self.filter_text = text.strip().casefold()
        self._apply_filter(self.cards.values())
        self._refresh_overlays()
        self.coarse.invalidate()  # the zoomed-out image shows the dimmed cards too

    def matches_filter(self, card: CardItem) -> bool:
        return card_matches(card.touchpoint, self.metrics.get(card.touchpoint_id), self.filter_text.split())

    def matching_ids(self) -> list[int]:
        return [tid for tid, c in self.cards.items() if not c.dimmed]

    def _apply_filter(self, cards: Iterable[CardItem]) -> None:
        if not self.filter_text:  # no filter: nothing is dimmed (without matching 30,000 cards against nothing)
            for card in cards:
                if card.dimmed:
                    card.set_dimmed(False)
            return
        for card in cards:
            card.set_dimmed(not self.matches_filter(card))

    # ================================================================ selection
    def _publish_selection(self) -> None:
        if self._publishing:
            self.session.set_selection(self.selected_ids())

    def select_ids(self, ids: list[int], ensure_visible: bool = True) -> None:
        self.catch_up.then(lambda: self._select_ids(list(ids), ensure_visible))

    def _select_ids(self, ids: list[int], ensure_visible: bool) -> None:
        self._publishing = False
        try:
            self.clearSelection()
            for tid in ids:
                card = self.cards.get(tid)
                if card is not None:
                    card.setSelected(True)
        finally:
            self._publishing = True
        self._publish_selection()
        if ids and ensure_visible and ids[0] in self.cards:
            for view in self.views():
                view.ensureVisible(self.cards[ids[0]], 40, 40)

    def select_all(self) -> None:
        self.select_ids(list(self.cards), ensure_visible=False)

    def set_current_header(self, header: _HeaderBase | None) -> None:
        """The stage or lane header that F2 renames (shown with a focus frame)."""
        if self.current_header is not None and self.current_header.scene() is self:
            self.current_header.current = False
            self.current_header.update()
        self.current_header = header
        if header is not None:
            header.current = True
            header.update()

    def card_at(self, pos: QPointF) -> CardItem | None:
        for item in self.items(pos):
            if isinstance(item, CardItem):
                return item
        return None

    def stage_card_count(self, stage_id: int) -> int:
        """Cards in the stage: one look per lane at the grid's counts (not a scan of every cell)."""
        counts = self.grid.counts
        return sum(counts.get((stage_id, lid), 0) for lid in self.grid.lane_ids)

    # ================================================================ gestures (see interactions.py)
    def cancel_interaction(self) -> None:
        if self.interaction is not None:
            interaction, self.interaction = self.interaction, None
            interaction.cancel()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.catch_up.flush()  # a press (tests send them straight to the scene) acts on every item
        pos = event.scenePos()
        if isinstance(self.interaction, (CardDrag, HeaderDrag, ConnectDrag)):
            self.cancel_interaction()
        if event.button() == Qt.MouseButton.LeftButton and not isinstance(self.interaction, InlineEdit):
            source = handle_at(self, pos)
            if source is not None:
                self.interaction = ConnectDrag(self, source, pos)
                event.accept()
                return
        if event.button() == Qt.MouseButton.LeftButton:
            cell = self.grid.cell_at(pos)
            if cell is not None:
                self.last_cell = cell
            card = self.card_at(pos)
            if card is not None and not isinstance(self.interaction, InlineEdit):
                self.interaction = CardDrag(self, card, pos)
            if not any(isinstance(i, _HeaderBase) for i in self.items(pos)):
                self.set_current_header(None)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if (
            isinstance(self.interaction, (CardDrag, ConnectDrag))
            and event.buttons() & Qt.MouseButton.LeftButton
            and self.interaction.move(event.scenePos())
        ):
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if isinstance(self.interaction, ConnectDrag) and event.button() == Qt.MouseButton.LeftButton:
            self.interaction.release(event.scenePos())
            event.accept()
            return
        if isinstance(self.interaction, CardDrag) and event.button() == Qt.MouseButton.LeftButton:
            self.interaction.release(event.scenePos())
        super().mouseReleaseEvent(event)

    # Header items forward their mouse events here.
    def header_pressed(self, header: _HeaderBase, pos: QPointF) -> None:
        self.clearSelection()
        self.set_current_header(header)
        if not isinstance(self.interaction, InlineEdit):
            self.interaction = HeaderDrag(self, header, pos)

    def header_dragged(self, header: _HeaderBase, pos: QPointF) -> None:
        if isinstance(self.interaction, HeaderDrag):
            self.interaction.move(pos)

    def header_released(self, header: _HeaderBase, pos: QPointF) -> None:
        if isinstance(self.interaction, HeaderDrag):
            self.interaction.release(pos)

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        if not self.photo_drop.move(event):
            self._palette_drop.enter(event)

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        if not self.photo_drop.move(event):
            self._palette_drop.move(event)

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        self.photo_drop.leave()
        self._palette_drop.leave(event)

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        if not self.photo_drop.drop(event):
            self._palette_drop.drop(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if not (event.button() == Qt.MouseButton.LeftButton and interactions.double_click(self, event.scenePos())):
            super().mouseDoubleClickEvent(event)
        else:
            event.accept()

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802
        self.commit_editing()
        from journeymap.ui.scene.context_menu import build_context_menu

        menu = build_context_menu(self, event.scenePos(), event.widget())
        if not menu.isEmpty():
            menu.exec(event.screenPos())
        event.accept()

    # ================================================================ edits, through the editor
    def add_touchpoint(self, stage_id: int, lane_id: int, title: str, channel: str = "", description: str = "",
                       index: int | None = None) -> int | None:
        """Create a card in a cell (palette drop, double-click on a cell); returns its id."""
        self.last_cell = (stage_id, lane_id)
        return self.editor.add_touchpoint(stage_id, lane_id, title, channel, description, index)

    def delete_selected(self) -> bool:
        """Delete the selected cards, or, when no card is selected, the selected connections."""
        ids = self.selected_ids()
        if not ids:
            return self.editor.delete_connections(self.rich.connections.selected_ids())
        return self.editor.delete_touchpoints(ids)

    def copy_selection(self) -> bool:
        return clipboard.copy_selection(self)

    def cut_selection(self) -> bool:
        return self.copy_selection() and self.delete_selected()

    def paste_target(self) -> tuple[Cell, int | None] | None:
        return clipboard.paste_target(self)

    def paste(self) -> list[int]:
        return clipboard.paste(self)

    def duplicate_selection(self) -> list[int]:
        return self.editor.duplicate_touchpoints(self.selected_ids(), self.model_grid())

    def add_stage(self, index: int | None = None, name: str | None = None, rename: bool = True) -> int | None:
        """A new stage, scrolled into view with its name open for editing (when shown)."""
        return interactions.add_header(self, "stage", index, name, rename)

    def add_lane(self, index: int | None = None, name: str | None = None, rename: bool = True,
                 kind: LaneKind = LaneKind.TOUCHPOINTS) -> int | None:
        return interactions.add_header(self, "lane", index, name, rename, kind)

    def move_stage_to(self, stage_id: int, insertion: int) -> bool:
        """Move a stage to the gap *insertion* (0..n, as the drop indicator shows)."""
        return interactions.move_header(self, "stage", stage_id, insertion)

    def move_lane_to(self, lane_id: int, insertion: int) -> bool:
        return interactions.move_header(self, "lane", lane_id, insertion)

    # ================================================================ misc
    def helpEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Tooltips: the cards under the pointer write theirs first (they are written on demand)."""
        for item in self.items(event.scenePos()):
            if isinstance(item, CardItem):
                item.refresh_tooltip()
        super().helpEvent(event)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        """Empty-map hint (not in exports)."""
        if self.export_mode or self.map_id is None or (self.stages and self.lanes):
            return
        draw_empty_map_hint(painter, QRectF(self.grid.origin.x(), self.grid.grid_top, 700, 60))
