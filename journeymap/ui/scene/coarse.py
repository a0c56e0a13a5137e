"""The cards zoomed far out, as one cached image (issue 21): a fitted 30,000-card map repaints in a few ms.

Below ``COARSE_ZOOM`` a card is a few pixels: its text would not be legible, and
asking 30,000 Python items to paint themselves cost 140+ ms a frame. While every
view of the scene is that far out, :class:`CoarseCards` marks the cards as having
no contents (Qt then never calls their ``paint``; they stay hit-testable, so
clicks, hover tooltips and rubber bands still find them) and one item draws all
of them from an image of the map's cards: body and border, sensation strip, NPS
band when that overlay is on, a grey bar per title, dimmed when filtered out.
The image is made again after any edit, overlay, filter or metrics change the
scene announces; selection outlines are drawn over it live (they change with
every click). Exports switch it off: they always draw the cards themselves.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymap.ui.scene import style
from journeymap.ui.scene.card_item import CARD_Z, COARSE_ZOOM

if TYPE_CHECKING:
    from journeymap.ui.scene.card_item import CardItem
    from journeymap.ui.scene.map_scene import MapScene

# The image of the whole map's cards is at most this many pixels; a map that would need more at the
# views' zoom is drawn card by card (then few cards are in view anyway).
MAX_PIXELS = 8_000_000
_TITLE = QColor("#B4BCC6")
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


class CoarseCards(QGraphicsItem):
    """One item over the rows that draws every card from a cached image while the views are zoomed out."""

    def __init__(self, scene: MapScene):
        super().__init__()
        self._scene = scene
        self.active = False
        self._image: QImage | None = None
        self._scale = 0.0
        self._rect = QRectF()
        self.setZValue(CARD_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.hide()
        scene.layoutChanged.connect(self.invalidate)
        scene.overlaysChanged.connect(self.invalidate)
        scene.selectionChanged.connect(self.update)
        scene.session.changed.connect(self.invalidate)
        scene.session.metricsChanged.connect(self.invalidate)

    def dispose(self) -> None:
        """Stop following the session (it outlives the scene)."""
        session = self._scene.session
        for signal in (session.changed, session.metricsChanged):
            try:
                signal.disconnect(self.invalidate)
            except (RuntimeError, TypeError):
                pass

    # ------------------------------------------------------------ state
    def wanted_scale(self) -> float | None:
        """The zoom of the views when every one of them is below ``COARSE_ZOOM`` (else None)."""
        scene = self._scene
        if scene.export_mode or not scene.cards:
            return None
        zooms = [v.transform().m11() for v in scene.views() if v.isVisible()]
        if not zooms or max(zooms) >= COARSE_ZOOM:
            return None
        scale = max(zooms)
        return scale if self._pixels(scale) <= MAX_PIXELS else None

    def _pixels(self, scale: float) -> float:
        rows = self._scene.grid.rows_rect
        return rows.width() * rows.height() * scale * scale

    def refresh(self) -> None:
        """Switch to the cached image, or back to the cards, as the views' zoom asks."""
        scale = self.wanted_scale()
        on = scale is not None
        if on and not (self._scale / 2 < scale <= self._scale):
            # The next power of two up, so zooming within a factor of two keeps the image.
            rounded = _rounded_up(scale)
            self._scale = rounded if self._pixels(rounded) <= MAX_PIXELS else scale
            self._image = None  # made at the new zoom on the next paint
        if on != self.active:
            self.active = on
            self.adopt(self._scene.cards.values())
            self.setVisible(on)
        if on:
            self._place()

    def adopt(self, cards) -> None:
        """Give new cards the state of the others (no contents while the image stands in for them)."""
        on = self.active
        for card in cards:
            if bool(card.flags() & _NO_CONTENTS) != on:
                card.setFlag(_NO_CONTENTS, on)

    def invalidate(self, *_args: object) -> None:
        """Something shown on the cards changed: the image is made again when next painted."""
        if self._image is not None:
            self._image = None
        if self.active:
            self._place()
            self.update()

    def _place(self) -> None:
        rect = self._scene.grid.rows_rect
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect

    # ------------------------------------------------------------ painting
    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self.active or self._rect.isEmpty():
            return
        if self._image is None:
            self._image = self._make_image()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(self._rect, self._image)
        painter.restore()
        self._paint_selection(painter)

    def _paint_selection(self, painter: QPainter) -> None:
        selected = [c for c in self._scene.selectedItems() if getattr(c, "touchpoint_id", None) is not None]
        if not selected:
            return
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        pen = QPen(style.ACCENT, 2.0 / max(lod, 0.01))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRects([c.mapRectToScene(c.card_rect()) for c in selected])

    def _make_image(self) -> QImage:
        """Every card as a few filled rects (one ``drawRects`` per colour), at the cached scale."""
        rect, scale = self._rect, self._scale
        w, h = max(1, math.ceil(rect.width() * scale)), max(1, math.ceil(rect.height() * scale))
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.scale(w / rect.width(), h / rect.height())
        painter.translate(-rect.left(), -rect.top())
        groups = _card_rects(self._scene)
        painter.setPen(QPen(style.CARD_BORDER, 1.0 / scale))
        painter.setBrush(style.CARD_BG)
        painter.drawRects(groups.pop("body"))
        painter.setPen(Qt.PenStyle.NoPen)
        dim = groups.pop("dim")
        for colour, rects in groups.items():
            painter.setBrush(QColor.fromRgba(colour))
            painter.drawRects(rects)
        if dim:
            veil = QColor(style.PAPER)
            veil.setAlphaF(0.78)  # the cards' opacity of 0.22 when filtered out
            painter.setBrush(veil)
            painter.drawRects(dim)
        painter.end()
        return image


def _rounded_up(scale: float) -> float:
    """The next power of two up from *scale*, at most the coarse limit."""
    return min(COARSE_ZOOM, 2.0 ** math.ceil(math.log2(max(scale, 1e-3))))


def _card_rects(scene: MapScene) -> dict:
    """Scene rects of every card's parts, grouped by what they are drawn with: "body", "dim" and colours."""
    g, cards = scene.grid, scene.cards
    nps_on = "nps" in scene.overlays
    pitch = style.CARD_H + style.CARD_GAP
    text_left, line_h = style.STRIP_W + 9, 16.0
    text_w = style.CARD_W - text_left - 24
    body: list[QRectF] = []
    dim: list[QRectF] = []
    by_colour: dict[int, list[QRectF]] = {}
    strips: dict[str, int] = {}
    title = by_colour.setdefault(_TITLE.rgba(), [])
    for (sid, lid), ids in scene.cells.items():
        x0, y0 = g.col_x.get(sid), g.row_y.get(lid)
        if x0 is None or y0 is None:
            continue
        x = x0 + style.CELL_PAD
        for i, tid in enumerate(ids):
            card: CardItem | None = cards.get(tid)
            if card is None or card.parentItem() is None:
                continue  # a dragged card draws itself
            y = y0 + style.CELL_PAD + i * pitch
            body.append(QRectF(x, y, style.CARD_W, style.CARD_H))
            tp = card.touchpoint
            strip = strips.get(tp.sensation)
            if strip is None:
                strip = strips[tp.sensation] = style.sensation_colour(tp.sensation).rgba()
            by_colour.setdefault(strip, []).append(QRectF(x, y, style.STRIP_W, style.CARD_H))
            top = y + 8
            if nps_on:
                mark = card.nps_mark()
                if mark is not None:
                    by_colour.setdefault(mark.colour.rgba(), []).append(QRectF(x, y, style.CARD_W, style.NPS_BAND_H))
                    top += style.NPS_BAND_H
            length = 7.0 * len(tp.title)
            for _line in range(min(3, max(1, math.ceil(length / text_w)))):
                title.append(QRectF(x + text_left, top + line_h * 0.3, min(text_w, length), line_h * 0.45))
                length -= text_w
                top += line_h
            if card.dimmed:
                dim.append(QRectF(x, y, style.CARD_W, style.CARD_H))
    return {"body": body, "dim": dim, **by_colour}
