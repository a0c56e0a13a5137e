"""The canvas: one QGraphicsScene per open session, on screen and in exports.

The scene reads the document, lays the grid out (``layout.GridLayout``) and
keeps one item per stage, lane and card. Gestures become undo commands; when
a command announces its changes on the session, the scene re-reads only what
changed (cards and their cells) or rebuilds on structure changes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeyEvent, QPainter, QUndoCommand
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
    QMenu,
    QStyleOptionGraphicsItem,
    QWidget,
)

from journeymap.domain.channels import channel as channel_info
from journeymap.domain.filter_words import fold, quality_words
from journeymap.domain.metrics import TouchpointMetrics, nps_band
from journeymap.domain.model import Lane, LaneKind, Sensation, Stage, Touchpoint
from journeymap.services.reporting import touchpoint_metrics
from journeymap.storage import DocumentError
from journeymap.ui.commands.maps import UpdateMapCommand
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
    AddTouchpointCommand,
    AddTouchpointsCommand,
    DeleteTouchpointsCommand,
    MoveTouchpointsCommand,
    UpdateTouchpointCommand,
)
from journeymap.ui.mime import read_library_item
from journeymap.ui.scene import style
from journeymap.ui.scene.card_item import CardItem, reset_fonts
from journeymap.ui.scene.emotion import EmotionLaneItem
from journeymap.ui.scene.header_items import (
    DropIndicatorItem,
    GridItem,
    InlineEditor,
    LaneHeaderItem,
    StageHeaderItem,
    TitleBlockItem,
    _HeaderBase,
)
from journeymap.ui.scene.layout import Cell, GridLayout, compute_layout
from journeymap.ui.scene.legend import LegendItem
from journeymap.ui.scene.overlays import OVERLAY_NAMES
from journeymap.ui.session import DocumentSession

TOUCHPOINTS_MIME = "application/x-journeymap-touchpoints"
COPY_FIELDS = (
    "title",
    "description",
    "channel",
    "sensation",
    "moment_of_truth",
    "owner",
    "impact",
    "tags",
    "manual_nps",
    "manual_sentiment",
    "manual_promoters",
    "manual_passives",
    "manual_detractors",
)
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

CardOverlayPainter = Callable[[QPainter, CardItem], None]


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """With *n*: a numerus form ("%n cards"), the language's plural chosen and %n filled."""
    return QCoreApplication.translate("MapScene", text, disambiguation, n)


class _Layer(QGraphicsItem):
    """An empty parent for overlay items (emotion curve, annotations...)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.setZValue(30)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pass


class MapScene(QGraphicsScene):
    """The journey map of ``session.map_id``, as items; usable without any view (exports)."""

    # Emitted after every relayout (cards moved, rows grew, structure rebuilt).
    layoutChanged = Signal()
    overlaysChanged = Signal()
    # The scene draws its own legend (exports then do not add one): see ``set_legend_visible``.
    draws_legend = True

    def __init__(self, session: DocumentSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBackgroundBrush(style.BACKGROUND)
        self._overlays: set[str] = set()
        self.export_mode = False
        self.card_overlay_painters: list[CardOverlayPainter] = []
        # Extra entries of a card's context menu: hook(menu, selected touchpoint ids).
        self.card_menu_hooks: list[Callable[[QMenu, list[int]], None]] = []
        self.metrics: dict[int, TouchpointMetrics] = {}
        self.filter_text = ""
        self.last_cell: Cell | None = None
        self.cards: dict[int, CardItem] = {}
        self.cells: dict[Cell, list[int]] = {}
        self.stage_headers: dict[int, StageHeaderItem] = {}
        self.lane_headers: dict[int, LaneHeaderItem] = {}
        from journeymap.ui.scene.voice_marks import VoiceMarks

        # Quotes, compare and trend marks: on every scene, so exports draw them as the canvas does.
        self.voice_marks = VoiceMarks(self)
        self.stages: list[Stage] = []
        self.lanes: list[Lane] = []
        self.grid = GridLayout([], [], {})
        self.editor: InlineEditor | None = None
        self.current_header: _HeaderBase | None = None
        self._publishing = True
        self._press: tuple[QPointF, CardItem] | None = None
        self._drag: dict | None = None
        self._header_drag: dict | None = None

        self.title_item = TitleBlockItem(self)
        self.grid_item = GridItem(self)
        self.drop_indicator = DropIndicatorItem()
        self.overlay_layer = _Layer()
        self.emotion_item = EmotionLaneItem(self)
        self.legend_item = LegendItem()
        self.legend_item.hide()
        self._legend_visible = True
        for item in (self.title_item, self.grid_item, self.drop_indicator, self.overlay_layer):
            self.addItem(item)
        self.emotion_item.setParentItem(self.overlay_layer)
        self.legend_item.setParentItem(self.overlay_layer)

        session.structureChanged.connect(self.rebuild)
        session.currentMapChanged.connect(self._on_map_changed)
        session.mapsChanged.connect(self._refresh_title)
        session.touchpointsChanged.connect(self.on_touchpoints_changed)
        session.metricsChanged.connect(self.refresh_metrics)
        session.selectRequested.connect(self.select_ids)
        self.selectionChanged.connect(self._publish_selection)
        self.rebuild()
        from journeymap.ui.scene.photo_drop import PhotoDrop
        from journeymap.ui.scene.photo_overlay import PhotoOverlay

        self.photos = PhotoOverlay(self)
        self.photo_drop = PhotoDrop(self)

    # ================================================================ public API
    @property
    def doc(self):
        return self.session.document

    @property
    def map_id(self) -> int | None:
        return self.session.map_id

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    @property
    def overlays(self) -> frozenset[str]:
        """Overlay names to draw ("nps", "sentiment", "emotion"...)."""
        return frozenset(self._overlays)

    def set_overlays(self, names: Iterable[str]) -> None:
        """Show these overlays ("nps", "sentiment", "emotion"); the legend follows."""
        names = set(names)
        if names == self._overlays:
            return
        on_cards = {"nps", "sentiment", "photos", "quotes", "compare", "trend"}
        if names & on_cards != self._overlays & on_cards:
            for card in self.cards.values():
                card.update()
        self._overlays = names
        self._sync_overlay_items()
        self.overlaysChanged.emit()

    @property
    def legend_visible(self) -> bool:
        """Whether the legend shows while overlays are on (exports may switch it off)."""
        return self._legend_visible

    def set_legend_visible(self, on: bool) -> None:
        if bool(on) != self._legend_visible:
            self._legend_visible = bool(on)
            self._sync_overlay_items()

    def _sync_overlay_items(self) -> None:
        """Show, place and size the emotion lane and the legend; grow the scene rect with them."""
        shown = self._overlays & set(OVERLAY_NAMES)
        emotion = "emotion" in shown and bool(self.grid.stage_ids)
        if emotion:
            self.emotion_item.relayout()
        self.emotion_item.setVisible(emotion)
        legend = bool(shown) and self._legend_visible
        if legend:
            self.legend_item.set_overlays(shown)
            self.legend_item.setPos(self._legend_pos())
        self.legend_item.setVisible(legend)
        rect = self.content_rect()
        if rect != self.sceneRect():
            self.setSceneRect(rect)

    def _legend_pos(self) -> QPointF:
        g = self.grid
        bottom = g.grid_bottom + (style.EMOTION_H if self.emotion_item.isVisible() else 0.0)
        return QPointF(g.origin.x(), bottom + style.LEGEND_GAP)

    def _refresh_overlays(self) -> None:
        """Metrics, layout or filter changed: the emotion curve recomputes on its next paint."""
        if self.emotion_item.isVisible():
            self.emotion_item.relayout()

    def set_export_mode(self, on: bool) -> None:
        """Hide selection, hover, focus and drop feedback (and the grey desk) for exports."""
        self.export_mode = bool(on)
        self.drop_indicator.hide()
        if on:
            self.cancel_editing()
        self.setBackgroundBrush(QBrush(QColor("#FFFFFF")) if on else style.BACKGROUND)
        self.update()

    def content_rect(self) -> QRectF:
        """Everything to export: title block, headers, grid, emotion lane and legend, with a margin."""
        rect = self.grid.content_rect()
        m = style.MARGIN
        for item in (self.emotion_item, self.legend_item):
            if item.isVisible():
                rect = rect.united(item.sceneBoundingRect().adjusted(-m, -m, m, m))
        return rect

    def card_item(self, touchpoint_id: int) -> CardItem | None:
        return self.cards.get(touchpoint_id)

    def cell_rect(self, stage_id: int, lane_id: int) -> QRectF:
        return self.grid.cell_rect((stage_id, lane_id))

    def selected_ids(self) -> list[int]:
        """Selected cards in map order."""
        order = self._map_order()
        return sorted((i.touchpoint_id for i in self.selectedItems() if isinstance(i, CardItem)), key=order.get)

    def push(self, command: QUndoCommand) -> bool:
        if self.read_only:
            return False
        self.session.undo_stack.push(command)
        return True

    def dispose(self) -> None:
        """Disconnect from the session and drop every item (before the session's document closes)."""
        session = self.session
        self.photos.dispose()
        for signal, slot in (
            (session.structureChanged, self.rebuild),
            (session.currentMapChanged, self._on_map_changed),
            (session.mapsChanged, self._refresh_title),
            (session.touchpointsChanged, self.on_touchpoints_changed),
            (session.metricsChanged, self.refresh_metrics),
            (session.selectRequested, self.select_ids),
        ):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self.editor = None
        self._press = self._drag = self._header_drag = None
        self.current_header = None
        self.cards.clear()
        self.stage_headers.clear()
        self.lane_headers.clear()
        self.clear()

    def _on_map_changed(self, _map_id: int) -> None:
        self.rebuild()

    # ================================================================ building
    def rebuild(self) -> None:
        """Re-read the whole map (structure changes, map switch)."""
        self.cancel_editing()
        reset_fonts()
        selected = list(self.session.selected_ids)
        self._publishing = False
        try:
            for item in [*self.cards.values(), *self.stage_headers.values(), *self.lane_headers.values()]:
                self.removeItem(item)
            self.cards.clear()
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
            for tp in touchpoints:
                card = CardItem(self, tp)
                self.cards[tp.id] = card
                self.addItem(card)
            self._refresh_title()
            self._compute_metrics(touchpoints)
            self._apply_layout()
            self._apply_filter(self.cards.values())
            for tid in selected:
                if tid in self.cards:
                    self.cards[tid].setSelected(True)
        finally:
            self._publishing = True
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

    def _apply_layout(self, cells: Iterable[Cell] | None = None) -> None:
        """Position items from ``self.grid``; only the cards of *cells* unless None (all)."""
        g = self.grid
        if cells is None:
            self.title_item.relayout()
            self.grid_item.relayout()
            for sid, header in self.stage_headers.items():
                header.set_rect(g.stage_header_rect(sid))
                header.set_stage(header.stage, sum(len(v) for c, v in self.cells.items() if c[0] == sid))
            for lid, header in self.lane_headers.items():
                header.set_rect(g.lane_header_rect(lid))
            cells = list(self.cells)
        for cell in cells:
            ids = self.cells.get(cell, [])
            if cell[0] not in g.col_x or cell[1] not in g.row_y:
                continue
            for i, tid in enumerate(ids):
                card = self.cards.get(tid)
                if card is not None:
                    pos = g.card_rect(cell, i).topLeft()
                    if card.pos() != pos:
                        card.setPos(pos)
        self._sync_overlay_items()
        self.layoutChanged.emit()

    def on_touchpoints_changed(self, ids: list[int]) -> None:
        """Re-read these cards and relayout only the cells they left or entered."""
        if self.map_id is None:
            return
        affected: set[Cell] = set()
        changed_items: list[CardItem] = []
        for tid in ids:
            card = self.cards.get(tid)
            if card is not None:
                affected.add(card.cell)
            try:
                tp = self.doc.touchpoint(tid)
            except DocumentError:
                tp = None
            if tp is None or tp.map_id != self.map_id:
                if card is not None:
                    if card is self._press_card():
                        self._press = None
                    self.removeItem(card)
                    del self.cards[tid]
                continue
            if card is None:
                card = CardItem(self, tp)
                self.cards[tid] = card
                self.addItem(card)
            else:
                card.set_touchpoint(tp)
            changed_items.append(card)
            affected.add((tp.stage_id, tp.lane_id))
        rows_moved = False
        for cell in affected:
            ids_ = self.doc.cell_ids(self.map_id, *cell)
            if ids_:
                self.cells[cell] = ids_
            else:
                self.cells.pop(cell, None)
            rows_moved |= self.grid.set_count(cell, len(ids_))
        if rows_moved:
            self._apply_layout()
        else:
            self._apply_layout(affected)
            for sid in {c[0] for c in affected}:
                header = self.stage_headers.get(sid)
                if header is not None:
                    header.set_stage(header.stage, sum(len(v) for c, v in self.cells.items() if c[0] == sid))
        self._compute_metrics([c.touchpoint for c in changed_items])
        self._apply_filter(changed_items)
        self._refresh_overlays()

    # ================================================================ metrics, filter
    def _compute_metrics(self, touchpoints: list[Touchpoint] | None = None) -> None:
        if self.map_id is None:
            return
        if touchpoints is not None and not touchpoints:
            return
        metrics = touchpoint_metrics(self.doc, self.map_id, self.session.segment, touchpoints)
        self.metrics.update(metrics)
        for tid, m in metrics.items():
            card = self.cards.get(tid)
            if card is not None:
                card.set_metrics(m)

    def refresh_metrics(self) -> None:
        """Responses, manual values or the segment changed: new numbers for every card and the curve."""
        self.metrics = {}
        # The cards hold the touchpoints as last read (touchpointsChanged keeps them current, and
        # recomputes the cards it re-reads), so no need to read 2,000 rows again.
        self._compute_metrics([card.touchpoint for card in self.cards.values()])
        self._apply_filter(self.cards.values())
        self._refresh_overlays()
        self._refresh_overall()

    def set_filter(self, text: str) -> None:
        """Dim the cards that do not match every word of *text*.

        Words match the title, description, owner, tags, channel, sensation
        ("negative"), NPS band ("critical", "poor", "good", "excellent") or
        "moment" for moments of truth.
        """
        self.filter_text = text.strip().casefold()
        self._apply_filter(self.cards.values())
        self._refresh_overlays()

    def matches_filter(self, card: CardItem) -> bool:
        words = fold(self.filter_text).split()
        if not words:
            return True
        tp = card.touchpoint
        m = self.metrics.get(tp.id)
        ch = channel_info(tp.channel) if tp.channel else None
        hay = fold(" ".join(
            [
                tp.title,
                tp.description,
                tp.owner,
                " ".join(tp.tags),
                tp.channel,
                ch.label if ch else "",
                tr(ch.label) if ch else "",
                quality_words(str(tp.sensation), nps_band(m.nps if m else None),
                              "moment" if tp.moment_of_truth else ""),
            ]
        ))
        return all(w in hay for w in words)

    def matching_ids(self) -> list[int]:
        return [tid for tid, c in self.cards.items() if not c.dimmed]

    def _apply_filter(self, cards: Iterable[CardItem]) -> None:
        for card in cards:
            card.set_dimmed(not self.matches_filter(card))

    # ================================================================ selection
    def _map_order(self) -> dict[int, tuple[int, int, int]]:
        s_index = {sid: i for i, sid in enumerate(self.grid.stage_ids)}
        l_index = {lid: i for i, lid in enumerate(self.grid.lane_ids)}
        order = {}
        for (sid, lid), ids in self.cells.items():
            for k, tid in enumerate(ids):
                order[tid] = (s_index.get(sid, 0), l_index.get(lid, 0), k)
        return order

    def _publish_selection(self) -> None:
        if self._publishing:
            self.session.set_selection(self.selected_ids())

    def select_ids(self, ids: list[int], ensure_visible: bool = True) -> None:
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

    def _set_current_header(self, header: _HeaderBase | None) -> None:
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

    def _press_card(self) -> CardItem | None:
        return self._press[1] if self._press else None

    # ================================================================ mouse: card drag
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        pos = event.scenePos()
        self._press = None
        if event.button() == Qt.MouseButton.LeftButton:
            cell = self.grid.cell_at(pos)
            if cell is not None:
                self.last_cell = cell
            card = self.card_at(pos)
            if card is not None:
                self._press = (pos, card)
            item = self.itemAt(pos, self.views()[0].transform() if self.views() else self._identity())
            if not isinstance(item, _HeaderBase):
                self._set_current_header(None)
        super().mousePressEvent(event)

    @staticmethod
    def _identity():
        from PySide6.QtGui import QTransform

        return QTransform()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._drag is not None:
            self._drag_to(event.scenePos())
            event.accept()
            return
        if (
            self._press is not None
            and event.buttons() & Qt.MouseButton.LeftButton
            and not self.read_only
            and (event.scenePos() - self._press[0]).manhattanLength() >= QApplication.startDragDistance()
        ):
            self._start_card_drag(self._press[1], self._press[0])
            self._drag_to(event.scenePos())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._drag is not None and event.button() == Qt.MouseButton.LeftButton:
            self._finish_card_drag(event.scenePos())
        self._press = None
        super().mouseReleaseEvent(event)

    def _start_card_drag(self, card: CardItem, press: QPointF) -> None:
        if not card.isSelected():
            self.select_ids([card.touchpoint_id], ensure_visible=False)
        ids = self.selected_ids()
        items = [self.cards[t] for t in ids]
        self._drag = {"ids": ids, "start": press, "origin": {c.touchpoint_id: c.pos() for c in items}, "target": None}
        for c in items:
            c.setZValue(50)
            c.setOpacity(0.85)

    def _drag_to(self, pos: QPointF) -> None:
        drag = self._drag
        delta = pos - drag["start"]
        for tid, origin in drag["origin"].items():
            card = self.cards.get(tid)
            if card is not None:
                card.setPos(origin + delta)
        drag["target"] = self._show_drop_target(pos)

    def _finish_card_drag(self, pos: QPointF) -> None:
        drag, self._drag = self._drag, None
        self.drop_indicator.hide()
        for tid in drag["ids"]:
            card = self.cards.get(tid)
            if card is not None:
                card.setZValue(10)
                card.setOpacity(0.22 if card.dimmed else 1.0)
        target = self._drop_target(pos)
        moved = False
        if target is not None:
            cell, index = target
            cmd = MoveTouchpointsCommand(self.session, drag["ids"], cell[0], cell[1], index)
            if cmd.changed:
                moved = self.push(cmd)
        if not moved:
            for tid, origin in drag["origin"].items():
                if tid in self.cards:
                    self.cards[tid].setPos(origin)

    def cancel_drag(self) -> None:
        if self._drag is not None:
            drag, self._drag = self._drag, None
            for tid, origin in drag["origin"].items():
                card = self.cards.get(tid)
                if card is not None:
                    card.setPos(origin)
                    card.setZValue(10)
                    card.setOpacity(0.22 if card.dimmed else 1.0)
        self._press = None
        self.drop_indicator.hide()

    def _drop_target(self, pos: QPointF) -> tuple[Cell, int] | None:
        cell = self.grid.cell_at(pos)
        if cell is None:
            return None
        return cell, self.grid.index_at(cell, pos.y(), len(self.cells.get(cell, [])))

    def _show_drop_target(self, pos: QPointF) -> tuple[Cell, int] | None:
        target = self._drop_target(pos)
        if target is None or self.export_mode:
            self.drop_indicator.hide()
            return target
        cell, index = target
        rect = self.grid.cell_rect(cell)
        y = self.grid.insertion_y(cell, index)
        line = (QPointF(rect.left() + style.CELL_PAD - 2, y), QPointF(rect.right() - style.CELL_PAD + 2, y))
        self.drop_indicator.show_at(rect, line)
        return target

    # ================================================================ palette drops
    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        if self.photo_drop.move(event):
            return
        if not self.read_only and read_library_item(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        if self.photo_drop.move(event):
            return
        if self.read_only or read_library_item(event.mimeData()) is None:
            event.ignore()
            return
        if self._show_drop_target(event.scenePos()) is None:
            event.ignore()
        else:
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        self.photo_drop.leave()
        self.drop_indicator.hide()
        event.accept()

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        self.drop_indicator.hide()
        if self.photo_drop.drop(event):
            return
        item = read_library_item(event.mimeData())
        target = self._drop_target(event.scenePos())
        if item is None or target is None or self.read_only:
            event.ignore()
            return
        (sid, lid), index = target
        self.add_touchpoint(sid, lid, item["title"], item["channel"], item["description"], index)
        event.acceptProposedAction()

    def add_touchpoint(
        self,
        stage_id: int,
        lane_id: int,
        title: str,
        channel: str = "",
        description: str = "",
        index: int | None = None,
    ) -> int | None:
        """Create a card in a cell (palette drop, double-click on a cell); returns its id."""
        if self.map_id is None:
            return None
        self.last_cell = (stage_id, lane_id)
        tp = Touchpoint(self.map_id, stage_id, lane_id, title or tr("New touchpoint"), description, channel=channel)
        cmd = AddTouchpointCommand(self.session, tp, index)
        self.push(cmd)
        return cmd.touchpoint_id

    # ================================================================ headers: select, drag, rename
    def header_pressed(self, header: _HeaderBase, pos: QPointF) -> None:
        self.clearSelection()
        self._set_current_header(header)
        self._header_drag = {"header": header, "start": pos, "active": False, "origin": header.pos()}

    def header_dragged(self, header: _HeaderBase, pos: QPointF) -> None:
        drag = self._header_drag
        if drag is None or self.read_only:
            return
        delta = pos - drag["start"]
        if not drag["active"]:
            if delta.manhattanLength() < QApplication.startDragDistance():
                return
            drag["active"] = True
            header.setZValue(60)
            header.setOpacity(0.8)
        g = self.grid
        if header.kind == "stage":
            header.setPos(drag["origin"] + QPointF(delta.x(), 0))
            x = g.stage_boundary_x(g.stage_insertion_index(pos.x()))
            line = (QPointF(x, g.grid_top), QPointF(x, g.grid_bottom))
            self.drop_indicator.show_at(QRectF(), line)
        else:
            header.setPos(drag["origin"] + QPointF(0, delta.y()))
            y = g.lane_boundary_y(g.lane_insertion_index(pos.y()))
            line = (QPointF(g.origin.x(), y), QPointF(g.grid_right, y))
            self.drop_indicator.show_at(QRectF(), line)

    def header_released(self, header: _HeaderBase, pos: QPointF) -> None:
        drag, self._header_drag = self._header_drag, None
        self.drop_indicator.hide()
        if drag is None or not drag["active"]:
            return
        header.setPos(drag["origin"])
        header.setZValue(5)
        header.setOpacity(1.0)
        if header.kind == "stage":
            self.move_stage_to(header.object_id, self.grid.stage_insertion_index(pos.x()))
        else:
            self.move_lane_to(header.object_id, self.grid.lane_insertion_index(pos.y()))

    def move_stage_to(self, stage_id: int, insertion: int) -> bool:
        """Move a stage to the gap *insertion* (0..n, as the drop indicator shows)."""
        old = self.grid.stage_ids.index(stage_id)
        index = insertion - 1 if insertion > old else insertion
        if index == old:
            return False
        return self.push(MoveStageCommand(self.session, stage_id, index))

    def move_lane_to(self, lane_id: int, insertion: int) -> bool:
        old = self.grid.lane_ids.index(lane_id)
        index = insertion - 1 if insertion > old else insertion
        if index == old:
            return False
        return self.push(MoveLaneCommand(self.session, lane_id, index))

    def rename_header(self, kind: str, object_id: int) -> InlineEditor | None:
        """Open the in-place editor on a stage or lane header."""
        if self.read_only:
            return None
        if kind == "stage":
            header = self.stage_headers.get(object_id)
            if header is None:
                return None
            rect = header.header_rect().adjusted(10, 14, -40, -12)
            fnt, text = style.stage_font(), header.stage.name

            def done(value: str | None) -> None:
                if value and value != header.stage.name:
                    self.push(UpdateStageCommand(self.session, object_id, {"name": value}, tr("Rename stage")))
        else:
            header = self.lane_headers.get(object_id)
            if header is None:
                return None
            r = header.header_rect()
            rect = QRectF(r.left() + 12, r.top() + 12, r.width() - 20, 24)
            fnt, text = style.lane_font(), header.lane.name

            def done(value: str | None) -> None:
                if value and value != header.lane.name:
                    self.push(UpdateLaneCommand(self.session, object_id, {"name": value}, tr("Rename lane")))

        self._set_current_header(header)
        return self._open_editor(text, rect, fnt, done)

    # ================================================================ inline editing
    def _open_editor(self, text: str, rect: QRectF, fnt, done: Callable[[str | None], None]) -> InlineEditor:
        self.cancel_editing()

        def finished(value: str | None) -> None:
            if self.editor is editor:
                self.editor = None
            for view in self.views():
                view.setFocus()
            done(value)

        editor = InlineEditor(text, rect, finished, fnt)
        self.editor = editor
        self.addItem(editor)
        for view in self.views():
            view.setFocus()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setFocusItem(editor)
        return editor

    def cancel_editing(self) -> None:
        if self.editor is not None:
            editor, self.editor = self.editor, None
            editor.finish(False)

    def commit_editing(self) -> None:
        if self.editor is not None:
            self.editor.finish(True)

    def edit_card_title(self, touchpoint_id: int) -> InlineEditor | None:
        card = self.cards.get(touchpoint_id)
        if card is None or self.read_only:
            return None
        rect = card.text_rect().translated(card.pos())
        rect.setHeight(max(rect.height(), 40))

        def done(value: str | None) -> None:
            if value and touchpoint_id in self.cards and value != self.cards[touchpoint_id].touchpoint.title:
                self.push(
                    UpdateTouchpointCommand(self.session, touchpoint_id, {"title": value}, tr("Rename touchpoint"))
                )

        return self._open_editor(card.touchpoint.title, rect, style.card_title_font(), done)

    def edit_map_title(self) -> InlineEditor | None:
        if self.map_id is None or self.read_only or self.title_item.journey_map is None:
            return None
        r = self.grid.title_rect
        rect = QRectF(r.left(), r.top(), min(r.width(), 700), 34)
        map_id = self.map_id

        def done(value: str | None) -> None:
            if value and value != self.title_item.journey_map.title:
                self.push(UpdateMapCommand(self.session, map_id, {"title": value}, tr("Rename map")))

        return self._open_editor(self.title_item.journey_map.title, rect, style.map_title_font(), done)

    def rename_current(self) -> InlineEditor | None:
        """F2: the first selected card's title, else the current header."""
        ids = self.selected_ids()
        if ids:
            return self.edit_card_title(ids[0])
        if self.current_header is not None:
            return self.rename_header(self.current_header.kind, self.current_header.object_id)
        return None

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        pos = event.scenePos()
        if event.button() == Qt.MouseButton.LeftButton and not self.read_only:
            if self.title_item.boundingRect().contains(pos) and self.card_at(pos) is None:
                self.edit_map_title()
                event.accept()
                return
            cell = self.grid.cell_at(pos)
            if cell is not None and self.card_at(pos) is None:
                new_id = self.add_touchpoint(cell[0], cell[1], tr("New touchpoint"))
                if new_id is not None:
                    self.edit_card_title(new_id)
                event.accept()
                return
        super().mouseDoubleClickEvent(event)

    # ================================================================ keyboard
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.editor is not None and self.focusItem() is self.editor:
            super().keyPressEvent(event)
            return
        key, mods = event.key(), event.modifiers()
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in arrows:
            dx, dy = arrows[key]
            if alt:
                self.move_selection(dx, dy)
            else:
                self.select_adjacent(dx, dy)
            event.accept()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selected()
            event.accept()
        elif key == Qt.Key.Key_F2 or (key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_ids()):
            self.rename_current()
            event.accept()
        elif key == Qt.Key.Key_Escape:
            if self._drag is not None:
                self.cancel_drag()
            else:
                self.clearSelection()
                self._set_current_header(None)
            event.accept()
        else:
            super().keyPressEvent(event)

    def _anchor(self) -> tuple[CardItem, Cell, int] | None:
        ids = self.selected_ids()
        if not ids:
            return None
        card = self.cards[ids[0]]
        cell = card.cell
        return card, cell, self.cells.get(cell, []).index(card.touchpoint_id)

    def select_adjacent(self, dx: int, dy: int) -> int | None:
        """Arrow keys: the next card up/down in the cell (or lane), left/right in the stage row."""
        anchor = self._anchor()
        g = self.grid
        if anchor is None:
            order = self._map_order()
            if order:
                first = min(order, key=order.get)
                self.select_ids([first])
                return first
            return None
        _card, (sid, lid), idx = anchor
        target: int | None = None
        if dy:
            ids = self.cells.get((sid, lid), [])
            if 0 <= idx + dy < len(ids):
                target = ids[idx + dy]
            else:
                li = g.lane_ids.index(lid) + dy
                while 0 <= li < len(g.lane_ids):
                    other = self.cells.get((sid, g.lane_ids[li]), [])
                    if other:
                        target = other[-1] if dy < 0 else other[0]
                        break
                    li += dy
        else:
            si = g.stage_ids.index(sid) + dx
            while 0 <= si < len(g.stage_ids):
                other = self.cells.get((g.stage_ids[si], lid), [])
                if other:
                    target = other[min(idx, len(other) - 1)]
                    break
                si += dx
        if target is not None:
            self.select_ids([target])
        return target

    def move_selection(self, dx: int, dy: int) -> bool:
        """Alt+arrows: move the selected cards one stage left/right or one slot up/down (across lanes)."""
        anchor = self._anchor()
        if anchor is None or self.read_only:
            return False
        ids = self.selected_ids()
        g = self.grid
        _card, (sid, lid), idx = anchor
        if dx:
            si = g.stage_ids.index(sid) + dx
            if not 0 <= si < len(g.stage_ids):
                return False
            target, index = (g.stage_ids[si], lid), idx
        else:
            cell_ids = self.cells.get((sid, lid), [])
            last = max(cell_ids.index(t) for t in ids if t in cell_ids)
            if dy < 0 and idx > 0:
                target, index = (sid, lid), idx - 1
            elif dy > 0 and last < len(cell_ids) - 1:
                target, index = (sid, lid), last + 2
            else:
                li = g.lane_ids.index(lid) + dy
                if not 0 <= li < len(g.lane_ids):
                    return False
                target = (sid, g.lane_ids[li])
                index = len(self.cells.get(target, [])) if dy < 0 else 0
        cmd = MoveTouchpointsCommand(self.session, ids, target[0], target[1], index)
        return cmd.changed and self.push(cmd)

    # ================================================================ clipboard, delete, duplicate
    def delete_selected(self) -> bool:
        ids = self.selected_ids()
        if not ids or self.read_only:
            return False
        return self.push(DeleteTouchpointsCommand(self.session, ids))

    def copy_selection(self) -> bool:
        ids = self.selected_ids()
        if not ids:
            return False
        rows = []
        for tid in ids:
            tp = self.cards[tid].touchpoint
            rows.append({f: (str(getattr(tp, f)) if f == "sensation" else getattr(tp, f)) for f in COPY_FIELDS})
        mime = QMimeData()
        mime.setData(TOUCHPOINTS_MIME, json.dumps(rows, ensure_ascii=False).encode())
        mime.setText("\n".join(r["title"] for r in rows))
        QGuiApplication.clipboard().setMimeData(mime)
        return True

    def cut_selection(self) -> bool:
        return self.copy_selection() and self.delete_selected()

    def paste_target(self) -> tuple[Cell, int | None] | None:
        anchor = self._anchor()
        if anchor is not None:
            _card, cell, _idx = anchor
            ids = self.cells.get(cell, [])
            last = max(ids.index(t) for t in self.selected_ids() if t in ids)
            return cell, last + 1
        if self.last_cell is not None and self.last_cell[0] in self.grid.col_x and self.last_cell[1] in self.grid.row_y:
            return self.last_cell, None
        if self.grid.stage_ids and self.grid.lane_ids:
            return (self.grid.stage_ids[0], self.grid.lane_ids[0]), None
        return None

    def paste(self) -> list[int]:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or self.read_only or self.map_id is None:
            return []
        rows: list[dict] = []
        if mime.hasFormat(TOUCHPOINTS_MIME):
            try:
                rows = [r for r in json.loads(bytes(mime.data(TOUCHPOINTS_MIME)).decode()) if isinstance(r, dict)]
            except ValueError:
                rows = []
        elif mime.hasText() and mime.text().strip():
            rows = [{"title": line.strip()} for line in mime.text().splitlines() if line.strip()][:200]
        target = self.paste_target()
        if not rows or target is None:
            return []
        (sid, lid), index = target
        items = []
        for k, row in enumerate(rows):
            values = {f: row[f] for f in COPY_FIELDS if f in row}
            try:
                values["sensation"] = Sensation(values.get("sensation", "neutral"))
            except ValueError:
                values["sensation"] = Sensation.NEUTRAL
            tp = Touchpoint(self.map_id, sid, lid, **{**values, "title": str(values.get("title", ""))})
            items.append((tp, None if index is None else index + k))
        cmd = AddTouchpointsCommand(self.session, items, tr("Paste"))
        self.push(cmd)
        return list(cmd.ids)

    def duplicate_selection(self) -> list[int]:
        ids = self.selected_ids()
        if not ids or self.read_only:
            return []
        items = []
        inserted: dict[Cell, int] = {}
        for tid in ids:
            card = self.cards[tid]
            cell = card.cell
            idx = self.cells[cell].index(tid)
            tp = Touchpoint(**{**card.touchpoint.__dict__, "id": None, "tags": list(card.touchpoint.tags)})
            k = inserted.get(cell, 0)
            items.append((tp, idx + 1 + k))
            inserted[cell] = k + 1
        cmd = AddTouchpointsCommand(self.session, items, tr("Duplicate"))
        self.push(cmd)
        return list(cmd.ids)

    # ================================================================ stages and lanes
    def _parent_widget(self) -> QWidget | None:
        views = self.views()
        return views[0].window() if views else None

    def add_stage(self, index: int | None = None, name: str | None = None, rename: bool = True) -> int | None:
        if self.map_id is None or self.read_only:
            return None
        colour = STAGE_COLOURS[len(self.stages) % len(STAGE_COLOURS)]
        cmd = AddStageCommand(self.session, Stage(self.map_id, name or tr("New stage"), colour=colour), index)
        self.push(cmd)
        if rename and self.views():
            self.rename_header("stage", cmd.stage_id)
        return cmd.stage_id

    def add_lane(self, index: int | None = None, name: str | None = None, rename: bool = True) -> int | None:
        if self.map_id is None or self.read_only:
            return None
        cmd = AddLaneCommand(self.session, Lane(self.map_id, name or tr("New lane"), LaneKind.TOUCHPOINTS), index)
        self.push(cmd)
        if rename and self.views():
            self.rename_header("lane", cmd.lane_id)
        return cmd.lane_id

    def stage_card_count(self, stage_id: int) -> int:
        return sum(len(v) for c, v in self.cells.items() if c[0] == stage_id)

    def lane_card_count(self, lane_id: int) -> int:
        return sum(len(v) for c, v in self.cells.items() if c[1] == lane_id)

    def _confirm(self, title: str, text: str) -> bool:
        """A destructive edit asks first; Cancel is the default button."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self._parent_widget(),
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete_stage(self, stage_id: int, confirm: bool = True) -> bool:
        header = self.stage_headers.get(stage_id)
        if header is None or self.read_only:
            return False
        n = self.stage_card_count(stage_id)
        if confirm and n:
            text = (
                tr("Delete the stage “%1” and its %n cards?", "", n).replace("%1", header.stage.name)
            )
            if not self._confirm(tr("Delete stage"), text):
                return False
        return self.push(
            DeleteStageCommand(self.session, stage_id, tr("Delete stage “%1”").replace("%1", header.stage.name))
        )

    def delete_lane(self, lane_id: int, confirm: bool = True) -> bool:
        header = self.lane_headers.get(lane_id)
        if header is None or self.read_only:
            return False
        n = self.lane_card_count(lane_id)
        if confirm and n:
            text = tr("Delete the lane “%1” and its %n cards?", "", n).replace("%1", header.lane.name)
            if not self._confirm(tr("Delete lane"), text):
                return False
        return self.push(
            DeleteLaneCommand(self.session, lane_id, tr("Delete lane “%1”").replace("%1", header.lane.name))
        )

    def recolour_stage(self, stage_id: int, colour: str | None = None) -> bool:
        header = self.stage_headers.get(stage_id)
        if header is None or self.read_only:
            return False
        if colour is None:
            from PySide6.QtWidgets import QColorDialog

            chosen = QColorDialog.getColor(QColor(header.stage.colour), self._parent_widget(), tr("Stage colour"))
            if not chosen.isValid():
                return False
            colour = chosen.name()
        if colour == header.stage.colour:
            return False
        return self.push(UpdateStageCommand(self.session, stage_id, {"colour": colour}, tr("Recolour stage")))

    def recolour_lane(self, lane_id: int, colour: str | None = None) -> bool:
        header = self.lane_headers.get(lane_id)
        if header is None or self.read_only:
            return False
        if colour is None:
            current = QColor(header.lane.colour) if header.lane.colour else style.LANE_ACCENT
            from PySide6.QtWidgets import QColorDialog

            chosen = QColorDialog.getColor(current, self._parent_widget(), tr("Lane colour"))
            if not chosen.isValid():
                return False
            colour = chosen.name()
        if colour == header.lane.colour:
            return False
        return self.push(UpdateLaneCommand(self.session, lane_id, {"colour": colour}, tr("Recolour lane")))

    def set_sensation(self, ids: list[int], sensation: Sensation) -> None:
        stack = self.session.undo_stack
        stack.beginMacro(tr("Set sensation"))
        for tid in ids:
            self.push(UpdateTouchpointCommand(self.session, tid, {"sensation": sensation}))
        stack.endMacro()

    def toggle_moment_of_truth(self, ids: list[int]) -> None:
        if not ids:
            return
        value = not all(self.cards[t].touchpoint.moment_of_truth for t in ids if t in self.cards)
        stack = self.session.undo_stack
        stack.beginMacro(tr("Moment of truth"))
        for tid in ids:
            self.push(UpdateTouchpointCommand(self.session, tid, {"moment_of_truth": value}))
        stack.endMacro()

    # ================================================================ context menus
    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802
        if self.editor is not None:
            self.commit_editing()
        menu = self.build_context_menu(event.scenePos(), event.widget())
        if menu is not None and not menu.isEmpty():
            menu.exec(event.screenPos())
        event.accept()

    def build_context_menu(self, pos: QPointF, parent: QWidget | None = None) -> QMenu | None:
        menu = QMenu(parent)
        ro = self.read_only

        def act(text: str, slot, enabled: bool = True) -> None:
            a = menu.addAction(text)
            a.triggered.connect(slot)
            a.setEnabled(enabled and not ro)

        card = self.card_at(pos)
        item = next((i for i in self.items(pos) if isinstance(i, _HeaderBase)), None)
        if card is not None:
            if not card.isSelected():
                self.select_ids([card.touchpoint_id], ensure_visible=False)
            ids = self.selected_ids()
            act(tr("Edit title"), lambda: self.edit_card_title(card.touchpoint_id))
            sub = menu.addMenu(tr("Sensation"))
            for value, label in (
                (Sensation.POSITIVE, tr("Positive")),
                (Sensation.NEUTRAL, tr("Neutral")),
                (Sensation.NEGATIVE, tr("Negative")),
            ):
                a = sub.addAction(label)
                a.setCheckable(True)
                a.setChecked(card.touchpoint.sensation == value)
                a.setEnabled(not ro)
                a.triggered.connect(lambda _=False, v=value: self.set_sensation(ids, v))
            a = menu.addAction(tr("Moment of truth"))
            a.setCheckable(True)
            a.setChecked(card.touchpoint.moment_of_truth)
            a.setEnabled(not ro)
            a.triggered.connect(lambda: self.toggle_moment_of_truth(ids))
            menu.addSeparator()
            for hook in self.card_menu_hooks:
                hook(menu, ids)
            menu.addSeparator()
            act(tr("Copy"), self.copy_selection, True)
            act(tr("Duplicate"), self.duplicate_selection)
            menu.addSeparator()
            act(tr("Delete"), self.delete_selected)
        elif isinstance(item, StageHeaderItem):
            sid = item.object_id
            i = self.grid.stage_ids.index(sid)
            self._set_current_header(item)
            act(tr("Rename stage"), lambda: self.rename_header("stage", sid))
            act(tr("Change colour…"), lambda: self.recolour_stage(sid))
            menu.addSeparator()
            act(tr("Insert stage before"), lambda: self.add_stage(i))
            act(tr("Insert stage after"), lambda: self.add_stage(i + 1))
            menu.addSeparator()
            act(tr("Delete stage…"), lambda: self.delete_stage(sid))
        elif isinstance(item, LaneHeaderItem):
            lid = item.object_id
            i = self.grid.lane_ids.index(lid)
            self._set_current_header(item)
            act(tr("Rename lane"), lambda: self.rename_header("lane", lid))
            act(tr("Change colour…"), lambda: self.recolour_lane(lid))
            menu.addSeparator()
            act(tr("Insert lane above"), lambda: self.add_lane(i))
            act(tr("Insert lane below"), lambda: self.add_lane(i + 1))
            menu.addSeparator()
            act(tr("Delete lane…"), lambda: self.delete_lane(lid))
        else:
            cell = self.grid.cell_at(pos)
            if cell is not None:
                self.last_cell = cell
                self.clearSelection()
                act(tr("Add touchpoint here"), lambda: self._add_and_edit(cell))
                mime = QGuiApplication.clipboard().mimeData()
                act(tr("Paste here"), self.paste, bool(mime and (mime.hasFormat(TOUCHPOINTS_MIME) or mime.hasText())))
                menu.addSeparator()
            act(tr("Add stage"), lambda: self.add_stage())
            act(tr("Add lane"), lambda: self.add_lane())
        return menu

    def _add_and_edit(self, cell: Cell) -> None:
        new_id = self.add_touchpoint(cell[0], cell[1], tr("New touchpoint"))
        if new_id is not None:
            QTimer.singleShot(0, lambda: self.edit_card_title(new_id))

    # ================================================================ misc
    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        """Empty-map hint (not in exports)."""
        if self.export_mode or self.map_id is None or (self.stages and self.lanes):
            return
        painter.setPen(style.TEXT_MUTED)
        painter.setFont(style.font(11))
        g = self.grid
        r = QRectF(g.origin.x(), g.grid_top, 700, 60)
        painter.drawText(
            r,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            tr("This map has no stages or lanes yet: use Map ▸ Add stage and Map ▸ Add lane."),
        )
