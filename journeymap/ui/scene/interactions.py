"""Gestures on the canvas, one class each: card drag, header drag, connect, palette drop, inline edit.

The scene forwards mouse events to its active interaction (``scene.interaction``)
and keeps only items, layout and rendering; an interaction keeps the typed state
of its gesture between press and release, shows feedback, and on release asks the
session's :class:`~journeymap.ui.editor.MapEditor` for the edit. ``cancel()``
(Escape, a map switch, a rebuild) puts everything back. Modelled on
orange-canvas-core's ``document/interactions.py``; new gestures subclass
:class:`Interaction` the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QApplication, QGraphicsLineItem, QGraphicsRectItem, QGraphicsSceneDragDropEvent

from journeymap.domain.model import LaneKind
from journeymap.ui.changes import Source
from journeymap.ui.mime import read_library_item
from journeymap.ui.scene import rows, style
from journeymap.ui.scene.connect_handle import HANDLE_FILL, HIT_R, handle_centre
from journeymap.ui.scene.header_items import InlineEditor

if TYPE_CHECKING:
    from journeymap.ui.scene.card_item import CardItem
    from journeymap.ui.scene.header_items import _HeaderBase
    from journeymap.ui.scene.layout import Cell
    from journeymap.ui.scene.map_scene import MapScene


def tr(text: str) -> str:
    return QCoreApplication.translate("MapScene", text)


class Interaction:
    """One gesture in progress. Each handler returns True when it consumed the event."""

    def __init__(self, scene: MapScene):
        self.scene = scene

    def press(self, pos: QPointF) -> bool:
        return False

    def move(self, pos: QPointF) -> bool:
        return False

    def release(self, pos: QPointF) -> bool:
        return False

    def cancel(self) -> None:
        """Abandon the gesture and undo its feedback."""
        self.end()

    def end(self) -> None:
        if self.scene.interaction is self:
            self.scene.interaction = None


def drop_target(scene: MapScene, pos: QPointF) -> tuple[Cell, int] | None:
    """The cell under *pos* and the insertion index there (cards as shown, moving ones included)."""
    cell = scene.grid.cell_at(pos)
    if cell is None:
        return None
    return cell, scene.grid.index_at(cell, pos.y(), len(scene.cells.get(cell, [])))


def show_drop_target(scene: MapScene, pos: QPointF) -> tuple[Cell, int] | None:
    """Show the insertion line where a drop at *pos* would go."""
    target = drop_target(scene, pos)
    if target is None or scene.export_mode:
        scene.drop_indicator.hide()
        return target
    cell, index = target
    rect = scene.grid.cell_rect(cell)
    y = scene.grid.insertion_y(cell, index)
    line = (QPointF(rect.left() + style.CELL_PAD - 2, y), QPointF(rect.right() - style.CELL_PAD + 2, y))
    scene.drop_indicator.show_at(rect, line)
    return target


# ---------------------------------------------------------------------------------- card drag
@dataclass
class _CardDragState:
    anchor: int
    start: QPointF
    active: bool = False
    ids: list[int] = field(default_factory=list)
    origin: dict[int, QPointF] = field(default_factory=dict)
    target: tuple[Cell, int] | None = None


class CardDrag(Interaction):
    """Press on a card, move past the drag distance, release over a cell: the selection moves there
    (each card relative to its own cell); released elsewhere or cancelled, the cards go back."""

    def __init__(self, scene: MapScene, card: CardItem, pos: QPointF):
        super().__init__(scene)
        self.state = _CardDragState(card.touchpoint_id, QPointF(pos))

    @property
    def active(self) -> bool:
        return self.state.active

    def _start(self) -> None:
        scene, st = self.scene, self.state
        card = scene.cards.get(st.anchor)
        if card is None:
            self.end()
            return
        if not card.isSelected():
            scene.select_ids([st.anchor], ensure_visible=False)
        st.ids = scene.selected_ids()
        for t in st.ids:
            rows.lift(scene.cards[t])  # out of its lane's row: it floats over the other lanes
        st.origin = {t: scene.cards[t].pos() for t in st.ids}
        st.active = True
        for t in st.ids:
            scene.cards[t].setZValue(50)
            scene.cards[t].setOpacity(0.85)

    def move(self, pos: QPointF) -> bool:
        st = self.state
        if not st.active:
            if self.scene.read_only or (pos - st.start).manhattanLength() < QApplication.startDragDistance():
                return False
            self._start()
            if not st.active:
                return False
        delta = pos - st.start
        for tid, origin in st.origin.items():
            card = self.scene.cards.get(tid)
            if card is not None:
                card.setPos(origin + delta)
        st.target = show_drop_target(self.scene, pos)
        return True

    def _settle(self) -> None:
        for tid in self.state.ids:
            card = self.scene.cards.get(tid)
            if card is not None:
                card.setZValue(10)
                card.setOpacity(0.22 if card.dimmed else 1.0)
        self.scene.drop_indicator.hide()

    def _put_back(self) -> None:
        """Every dragged card back into its row, at its cell's slot (where it was, or where the move put it)."""
        scene = self.scene
        for tid in self.state.origin:
            card = scene.cards.get(tid)
            if card is not None:
                ids = scene.cells.get(card.cell, [])
                if tid in ids:
                    rows.place_card(scene, card, card.cell, ids.index(tid))
                elif card.parentItem() is None:
                    card.setPos(self.state.origin[tid])

    def release(self, pos: QPointF) -> bool:
        st = self.state
        self.end()
        if not st.active:
            return False
        self._settle()
        target = drop_target(self.scene, pos)
        if target is not None:
            cell, index = target
            self.scene.editor.move_touchpoints(
                st.ids, cell, index, anchor=st.anchor, grid=self.scene.model_grid(), source=Source.CANVAS
            )
        self._put_back()  # also after a move: a card whose cell's order did not change was not re-placed
        return True

    def cancel(self) -> None:
        self.end()
        if self.state.active:
            self._settle()
            self._put_back()


# -------------------------------------------------------------------------------- header drag
@dataclass
class _HeaderDragState:
    header: _HeaderBase
    start: QPointF
    origin: QPointF
    active: bool = False


class HeaderDrag(Interaction):
    """Drag a stage (lane) header along the stages (lanes) to reorder; the gap shows where it goes."""

    def __init__(self, scene: MapScene, header: _HeaderBase, pos: QPointF):
        super().__init__(scene)
        self.state = _HeaderDragState(header, QPointF(pos), header.pos())

    def move(self, pos: QPointF) -> bool:
        st, scene = self.state, self.scene
        if scene.read_only:
            return False
        delta = pos - st.start
        if not st.active:
            if delta.manhattanLength() < QApplication.startDragDistance():
                return True
            st.active = True
            st.header.setZValue(60)
            st.header.setOpacity(0.8)
        g = scene.grid
        if st.header.kind == "stage":
            st.header.setPos(st.origin + QPointF(delta.x(), 0))
            x = g.stage_boundary_x(g.stage_insertion_index(pos.x()))
            scene.drop_indicator.show_at(QRectF(), (QPointF(x, g.grid_top), QPointF(x, g.grid_bottom)))
        else:
            st.header.setPos(st.origin + QPointF(0, delta.y()))
            y = g.lane_boundary_y(g.lane_insertion_index(pos.y()))
            scene.drop_indicator.show_at(QRectF(), (QPointF(g.origin.x(), y), QPointF(g.grid_right, y)))
        return True

    def _settle(self) -> None:
        st = self.state
        self.scene.drop_indicator.hide()
        st.header.setPos(st.origin)
        st.header.setZValue(5)
        st.header.setOpacity(1.0)

    def release(self, pos: QPointF) -> bool:
        self.end()
        st, scene = self.state, self.scene
        if not st.active:
            return True
        self._settle()
        g = scene.grid
        if st.header.kind == "stage":
            scene.move_stage_to(st.header.object_id, g.stage_insertion_index(pos.x()))
        else:
            scene.move_lane_to(st.header.object_id, g.lane_insertion_index(pos.y()))
        return True

    def cancel(self) -> None:
        self.end()
        if self.state.active:
            self._settle()


# ------------------------------------------------------------------------------------ connect
class ConnectDrag(Interaction):
    """Drag from a card's edge handle (``connect_handle``) to another card: an arrow between them.

    A rubber band follows the pointer and the card under it is framed; released on a card (the same
    card away from the handle draws a loop) the editor adds the connection, elsewhere or on Escape nothing.
    """

    def __init__(self, scene: MapScene, card: CardItem, pos: QPointF):
        super().__init__(scene)
        self.source = card
        start = card.mapToScene(handle_centre(card))
        self.line = QGraphicsLineItem(QLineF(start, pos))
        self.line.setPen(QPen(HANDLE_FILL, 2, Qt.PenStyle.DashLine))
        self.line.setZValue(60)
        self.target_mark = QGraphicsRectItem()
        self.target_mark.setPen(QPen(HANDLE_FILL, 2.5))
        self.target_mark.setZValue(59)
        self.target_mark.hide()
        scene.addItem(self.line)
        scene.addItem(self.target_mark)

    def move(self, pos: QPointF) -> bool:
        line = self.line.line()
        line.setP2(pos)
        self.line.setLine(line)
        target = self.scene.card_at(pos)
        if target is not None:
            self.target_mark.setRect(target.sceneBoundingRect().adjusted(1, 1, -1, -2))
            self.target_mark.show()
        else:
            self.target_mark.hide()
        return True

    def release(self, pos: QPointF) -> bool:
        source, target = self.source, self.scene.card_at(pos)
        self.cancel()
        if target is None:
            return True
        if target is source and QLineF(source.mapToScene(handle_centre(source)), pos).length() <= HIT_R:
            return True  # a click on the handle is not a loop
        self.scene.editor.connect_cards(source.touchpoint_id, target.touchpoint_id, source=Source.CANVAS)
        return True

    def cancel(self) -> None:
        self.end()
        for item in (self.line, self.target_mark):
            if item.scene() is self.scene:
                self.scene.removeItem(item)


# ------------------------------------------------------------------------------- palette drop
class PaletteDrop:
    """Drags from the touchpoint library: accept over a cell, show the gap, add the card on drop.

    Qt delivers the drag events to the scene; this object keeps no state between them.
    """

    def __init__(self, scene: MapScene):
        self.scene = scene

    def _acceptable(self, event: QGraphicsSceneDragDropEvent) -> bool:
        return not self.scene.read_only and read_library_item(event.mimeData()) is not None

    def enter(self, event: QGraphicsSceneDragDropEvent) -> None:
        event.acceptProposedAction() if self._acceptable(event) else event.ignore()

    def move(self, event: QGraphicsSceneDragDropEvent) -> None:
        if not self._acceptable(event) or show_drop_target(self.scene, event.scenePos()) is None:
            event.ignore()
        else:
            event.acceptProposedAction()

    def leave(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.scene.drop_indicator.hide()
        event.accept()

    def drop(self, event: QGraphicsSceneDragDropEvent) -> None:
        scene = self.scene
        scene.drop_indicator.hide()
        item = read_library_item(event.mimeData())
        target = drop_target(scene, event.scenePos())
        if item is None or target is None or scene.read_only:
            event.ignore()
            return
        (sid, lid), index = target
        scene.last_cell = (sid, lid)
        scene.editor.add_touchpoint(sid, lid, item["title"], item["channel"], item["description"], index)
        event.acceptProposedAction()


# -------------------------------------------------------------------------------- inline edit
class InlineEdit(Interaction):
    """A title edited in place: Enter or focus out commits (through *done*), Escape cancels."""

    def __init__(self, scene: MapScene, text: str, rect: QRectF, font, done: Callable[[str], object]):
        super().__init__(scene)
        self._done = done
        self.item = InlineEditor(text, rect, self._finished, font)

    def open(self) -> InlineEditor:
        scene = self.scene
        scene.addItem(self.item)
        for view in scene.views():
            view.setFocus()
        self.item.setFocus(Qt.FocusReason.OtherFocusReason)
        scene.setFocusItem(self.item)
        return self.item

    def _finished(self, value: str | None) -> None:
        self.end()
        for view in self.scene.views():
            view.setFocus()
        if value:
            self._done(value)

    def commit(self) -> None:
        self.item.finish(True)

    def cancel(self) -> None:
        self.item.finish(False)


def edit_inline(scene: MapScene, text: str, rect: QRectF, font, done: Callable[[str], object]) -> InlineEditor:
    scene.cancel_interaction()
    edit = InlineEdit(scene, text, rect, font, done)
    scene.interaction = edit
    return edit.open()


def edit_card_title(scene: MapScene, touchpoint_id: int) -> InlineEditor | None:
    card = scene.cards.get(touchpoint_id)
    if card is None or scene.read_only:
        return None
    rect = card.text_rect().translated(card.scenePos())
    rect.setHeight(max(rect.height(), 40))

    def done(value: str) -> None:
        if touchpoint_id in scene.cards and value != scene.cards[touchpoint_id].touchpoint.title:
            scene.editor.update_touchpoints({touchpoint_id: {"title": value}}, tr("Rename touchpoint"), Source.CANVAS)

    return edit_inline(scene, card.touchpoint.title, rect, style.card_title_font(), done)


def rename_header(scene: MapScene, kind: str, object_id: int) -> InlineEditor | None:
    if scene.read_only:
        return None
    if kind == "stage":
        header = scene.stage_headers.get(object_id)
        if header is None:
            return None
        rect = header.header_rect().adjusted(10, 14, -40, -12)
        fnt, text = style.stage_font(), header.stage.name

        def done(value: str) -> None:
            scene.editor.rename_stage(object_id, value)
    else:
        header = scene.lane_headers.get(object_id)
        if header is None:
            return None
        r = header.header_rect()
        rect = QRectF(r.left() + 12, r.top() + 12, r.width() - 20, 24)
        fnt, text = style.lane_font(), header.lane.name

        def done(value: str) -> None:
            scene.editor.rename_lane(object_id, value)

    scene.set_current_header(header)
    return edit_inline(scene, text, rect, fnt, done)


def edit_map_title(scene: MapScene) -> InlineEditor | None:
    journey_map = scene.title_item.journey_map
    if scene.map_id is None or scene.read_only or journey_map is None:
        return None
    r = scene.grid.title_rect
    rect = QRectF(r.left(), r.top(), min(r.width(), 700), 34)
    map_id = scene.map_id
    return edit_inline(
        scene, journey_map.title, rect, style.map_title_font(),
        lambda value: scene.editor.rename_map(map_id, value, Source.CANVAS),
    )


def double_click(scene: MapScene, pos: QPointF) -> bool:
    """On the title block: rename the map; on an empty spot of a cell: a new card, named in place."""
    if scene.read_only:
        return False
    if scene.title_item.boundingRect().contains(pos) and scene.card_at(pos) is None:
        edit_map_title(scene)
        return True
    cell = scene.grid.cell_at(pos)
    if cell is not None and scene.card_at(pos) is None:
        new_id = scene.add_touchpoint(cell[0], cell[1], tr("New touchpoint"))
        if new_id is not None:
            edit_card_title(scene, new_id)
        return True
    return False


def add_header(scene: MapScene, kind: str, index: int | None, name: str | None, rename: bool,
               lane_kind: LaneKind = LaneKind.TOUCHPOINTS) -> int | None:
    """A new stage or lane (of *lane_kind*); on screen it is scrolled into view with its name open for editing."""
    if kind == "stage":
        new_id = scene.editor.add_stage(index, name, Source.CANVAS)
    else:
        new_id = scene.editor.add_lane(index, name, Source.CANVAS, lane_kind)
    if new_id is not None and rename and scene.views():
        header = (scene.stage_headers if kind == "stage" else scene.lane_headers).get(new_id)
        if header is not None:
            for view in scene.views():
                view.ensureVisible(header, 40, 40)
        rename_header(scene, kind, new_id)
    return new_id


def move_header(scene: MapScene, kind: str, object_id: int, insertion: int) -> bool:
    """Move a stage or lane to the gap *insertion* (0..n, as the drop indicator shows)."""
    ids = scene.grid.stage_ids if kind == "stage" else scene.grid.lane_ids
    old = ids.index(object_id)
    index = insertion - 1 if insertion > old else insertion
    if index == old:
        return False
    move = scene.editor.move_stage if kind == "stage" else scene.editor.move_lane
    return move(object_id, index)
