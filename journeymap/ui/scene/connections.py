"""Connection arrows between cards: items, and the layer that keeps them routed.

The layer reads the map's connections once per rebuild, then follows the
edits' announced changes: a connection added, relabelled or deleted is re-read alone, and after
every relayout only the arrows of cards whose position changed are re-routed
(``CardMoves``), so moving one card of a 2,000-card map touches its own arrows.
"""

from __future__ import annotations

import math
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymap.domain.model import Connection
from journeymap.storage import DocumentError
from journeymap.ui.changes import Source
from journeymap.ui.scene import style
from journeymap.ui.scene.routing import Span, route

if TYPE_CHECKING:
    from journeymap.ui.scene.map_scene import MapScene

CONNECTION_TYPE = QGraphicsItem.UserType + 20
LINE = QColor("#56657A")
LINE_SELECTED = QColor("#2F6FDE")
ARROW = 9.0
CORNER = 6.0


class ConnectionItem(QGraphicsItem):
    """One arrow. ``connection`` is the last value read from the document."""

    def __init__(self, layer: ConnectionLayer, connection: Connection):
        super().__init__()
        self.layer = layer
        self.connection = connection
        self.connection_id: int = connection.id  # type: ignore[assignment]
        self.points: list[QPointF] = []
        self.label_at = QPointF()
        self._path = QPainterPath()
        self._shape: QPainterPath | None = QPainterPath()
        self._bounds = QRectF()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        # Over the cards (10): routes run in the gutters, and labels must stay readable.
        self.setZValue(11)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def type(self) -> int:
        return CONNECTION_TYPE

    def set_route(self, points: list[QPointF], label_at: QPointF) -> None:
        self.prepareGeometryChange()
        self.points, self.label_at = points, label_at
        self._path = _rounded(points)
        self._shape = None  # made on the first hit test: most arrows are never clicked
        bounds = self._path.boundingRect().adjusted(-ARROW, -ARROW, ARROW, ARROW)
        if self.connection.label:
            bounds = bounds.united(self._label_rect())
        self._bounds = bounds
        self.setToolTip(self.connection.label)
        self.update()

    def _label_rect(self) -> QRectF:
        fm = _label_metrics()
        w = min(fm.horizontalAdvance(self.connection.label), style.COL_W) + 10
        h = fm.height() + 4
        return QRectF(self.label_at.x() - w / 2, self.label_at.y() - h / 2, w, h)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            self._shape = stroker.createStroke(self._path)
            if self.connection.label:
                self._shape.addRect(self._label_rect())
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if len(self.points) < 2:
            return
        export = self.layer.scene.export_mode
        selected = self.isSelected() and not export
        colour = LINE_SELECTED if selected else LINE
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(colour, 2.4 if selected else 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        a, b = self.points[-2], self.points[-1]
        angle = math.atan2(b.y() - a.y(), b.x() - a.x())
        head = QPolygonF([
            b,
            QPointF(b.x() - ARROW * math.cos(angle - 0.42), b.y() - ARROW * math.sin(angle - 0.42)),
            QPointF(b.x() - ARROW * math.cos(angle + 0.42), b.y() - ARROW * math.sin(angle + 0.42)),
        ])
        painter.setBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon(head)
        if self.connection.label:
            rect = self._label_rect()
            painter.setBrush(QColor(255, 255, 255, 235))
            painter.setPen(QPen(colour, 1))
            painter.drawRoundedRect(rect, 4, 4)
            painter.setFont(_label_font())
            painter.setPen(style.TEXT)
            fm = _label_metrics()
            text = fm.elidedText(self.connection.label, Qt.TextElideMode.ElideRight, rect.width() - 8)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.layer.edit_label(self.connection_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)


@cache
def _label_font() -> QFont:
    return style.persona_font()


@cache
def _label_metrics() -> QFontMetricsF:
    return QFontMetricsF(_label_font())


def _rounded(points: list[QPointF]) -> QPainterPath:
    path = QPainterPath(points[0])
    for i in range(1, len(points) - 1):
        prev, corner, nxt = points[i - 1], points[i], points[i + 1]
        r = min(CORNER, QLineF(prev, corner).length() / 2, QLineF(corner, nxt).length() / 2)
        before = QLineF(corner, prev)
        after = QLineF(corner, nxt)
        before.setLength(r)
        after.setLength(r)
        path.lineTo(before.p2())
        path.quadTo(corner, after.p2())
    path.lineTo(points[-1])
    return path


class ConnectionLayer:
    """The arrows of the scene's map, kept in step with the cards and the document."""

    def __init__(self, scene: MapScene):
        self.scene = scene
        self.items: dict[int, ConnectionItem] = {}
        self.by_card: dict[int, set[int]] = {}
        self._card_pos: dict[int, QPointF] = {}
        scene.layoutChanged.connect(self.on_layout)

    # ----------------------------------------------------------- building
    def clear(self) -> None:
        for item in self.items.values():
            if item.scene() is self.scene:
                self.scene.removeItem(item)
        self.items.clear()
        self.by_card.clear()
        self._card_pos.clear()

    def rebuild(self) -> None:
        self.clear()
        map_id = self.scene.map_id
        if map_id is None:
            return
        for c in self.scene.doc.connections(map_id):
            self._add(c)
        self._card_pos = {tid: card.scenePos() for tid, card in self.scene.cards.items()}
        for cid in list(self.items):
            self._route(cid)

    def _add(self, c: Connection) -> ConnectionItem:
        item = ConnectionItem(self, c)
        self.items[c.id] = item  # type: ignore[index]
        self.by_card.setdefault(c.source_id, set()).add(c.id)  # type: ignore[arg-type]
        self.by_card.setdefault(c.target_id, set()).add(c.id)  # type: ignore[arg-type]
        self.scene.addItem(item)
        return item

    def _remove(self, cid: int) -> None:
        item = self.items.pop(cid, None)
        if item is None:
            return
        for end in (item.connection.source_id, item.connection.target_id):
            ids = self.by_card.get(end)
            if ids is not None:
                ids.discard(cid)
                if not ids:
                    del self.by_card[end]
        if item.scene() is self.scene:
            self.scene.removeItem(item)

    # ------------------------------------------------------------ routing
    def _route(self, cid: int) -> None:
        item = self.items[cid]
        cards = self.scene.cards
        src, dst = cards.get(item.connection.source_id), cards.get(item.connection.target_id)
        if src is None or dst is None:
            item.hide()
            return
        item.show()
        g = self.scene.grid
        (s_sid, s_lid), (t_sid, t_lid) = src.cell, dst.cell
        if s_sid not in g.col_x or t_sid not in g.col_x or s_lid not in g.row_y or t_lid not in g.row_y:
            item.hide()
            return
        s_rect = QRectF(src.scenePos(), QSizeF(style.CARD_W, style.CARD_H))
        t_rect = QRectF(dst.scenePos(), QSizeF(style.CARD_W, style.CARD_H))
        ends = {src.touchpoint_id, dst.touchpoint_id}

        def blocked(rect: QRectF) -> bool:
            return self._cards_in(rect, ends)

        r = route(
            s_rect,
            t_rect,
            Span(g.col_x[s_sid], g.col_x[s_sid] + style.COL_W),
            Span(g.col_x[t_sid], g.col_x[t_sid] + style.COL_W),
            Span(g.row_y[s_lid], g.row_y[s_lid] + g.row_h[s_lid]),
            Span(g.row_y[t_lid], g.row_y[t_lid] + g.row_h[t_lid]),
            blocked,
        )
        item.set_route(r.points, r.label_at)

    def _cards_in(self, rect: QRectF, ignore: set[int]) -> bool:
        """Whether a card other than *ignore* overlaps *rect*: grid arithmetic, no scene query."""
        g, cells = self.scene.grid, self.scene.cells
        pitch = style.CARD_H + style.CARD_GAP
        for sid, x in g.col_x.items():
            left = x + style.CELL_PAD
            if left + style.CARD_W <= rect.left() or left >= rect.right():
                continue
            for lid, y in g.row_y.items():
                if y + g.row_h[lid] <= rect.top() or y >= rect.bottom():
                    continue
                for i, tid in enumerate(cells.get((sid, lid), ())):
                    top = y + style.CELL_PAD + i * pitch
                    if top < rect.bottom() and top + style.CARD_H > rect.top() and tid not in ignore:
                        return True
        return False

    def reroute_cards(self, card_ids) -> int:
        """Re-route the arrows of these cards; returns how many were routed."""
        todo: set[int] = set()
        for tid in card_ids:
            todo |= self.by_card.get(tid, set())
        for cid in todo:
            self._route(cid)
        return len(todo)

    def on_layout(self) -> None:
        """After a relayout: re-route only the arrows of cards that moved, appeared or went away.

        Only the cards the relayout re-placed (``scene.layout_cells``) and, when rows moved,
        the cards with arrows are looked at: a move in a 30,000-card map looked at every card.
        Positions kept for cards without arrows may go stale; that costs a look, never an arrow.
        """
        scene = self.scene
        cards = scene.cards
        if scene.layout_cells is None:
            candidates: list[int] = list(cards)
        else:
            candidates = [t for cell in scene.layout_cells for t in scene.cells.get(cell, ())]
            if scene.layout_rows_moved:
                candidates.extend(self.by_card)
        if not self.items and not self.by_card:
            for tid in candidates:
                card = cards.get(tid)
                if card is not None:
                    self._card_pos[tid] = card.scenePos()
            return
        moved = []
        for tid in dict.fromkeys(candidates):
            card = cards.get(tid)
            if card is not None:
                pos = card.scenePos()
                if self._card_pos.get(tid) != pos:
                    self._card_pos[tid] = pos
                    moved.append(tid)
        # A deleted card took its connections with it (the document cascades).
        for tid in [t for t in self.by_card if t not in cards]:
            self._card_pos.pop(tid, None)
            for cid in list(self.by_card.get(tid, ())):
                self._remove(cid)
        if moved:
            self.reroute_cards(moved)
            self._restore_missing(moved)

    def _restore_missing(self, card_ids: list[int]) -> None:
        """Cards that came back (undo of a deletion) bring back their connections."""
        map_id = self.scene.map_id
        if map_id is None:
            return
        fresh = [c for c in self.scene.doc.card_connections(card_ids) if c.id not in self.items]
        for c in fresh:
            if c.map_id == map_id:
                self._add(c)
                self._route(c.id)  # type: ignore[arg-type]

    def on_connections_changed(self, ids: list[int]) -> None:
        map_id = self.scene.map_id
        for cid in ids:
            try:
                c = self.scene.doc.connection(cid)
            except DocumentError:
                self._remove(cid)
                continue
            if c.map_id != map_id:
                self._remove(cid)
                continue
            if cid in self.items:
                old = self.items[cid]
                if (old.connection.source_id, old.connection.target_id) != (c.source_id, c.target_id):
                    self._remove(cid)
                    self._add(c)
                else:
                    old.connection = c
            else:
                self._add(c)
            self._route(cid)

    # -------------------------------------------------------------- edits
    def selected_ids(self) -> list[int]:
        return sorted(i.connection_id for i in self.items.values() if i.isSelected())

    def edit_label(self, connection_id: int) -> None:
        """Ask for a label (double-click on an arrow, or its context menu)."""
        item = self.items.get(connection_id)
        if item is None or self.scene.read_only:
            return
        from PySide6.QtWidgets import QInputDialog

        from journeymap.ui.scene.map_scene import tr

        parent = self.scene.views()[0] if self.scene.views() else None
        text, ok = QInputDialog.getText(parent, tr("Connection label"), tr("Label:"), text=item.connection.label)
        if ok:
            self.scene.editor.set_connection_label(connection_id, text.strip(), Source.CANVAS)

    def item_at(self, pos: QPointF) -> ConnectionItem | None:
        for it in self.scene.items(pos):
            if isinstance(it, ConnectionItem):
                return it
        return None
