"""The "Photos" overlay: the first photo of a touchpoint as a thumbnail on its card.

Drawn through the scene's card overlay hooks, so the canvas, PNG, SVG and PDF
exports show the same thumbnail (SVG and PDF embed it as an image).  Only the
stored thumbnails are decoded, and only for cards that are painted while the
overlay is on: opening a map with hundreds of photos reads one small query.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPainterPath, QPen

from journeymap.storage import attachments as store
from journeymap.ui.scene import style

if TYPE_CHECKING:
    from journeymap.ui.scene.card_item import CardItem
    from journeymap.ui.scene.map_scene import MapScene

NAME = "photos"
THUMB = 36.0  # side of the thumbnail on a card, in scene units
RESERVE = THUMB + 8.0  # title width given up on a card that shows one
_PIXELS = int(THUMB * 3)  # decoded at 3x: sharp on a HiDPI screen and in a 3x PNG export


def thumb_rect(card: CardItem) -> QRectF:
    rect = card.card_rect()
    return QRectF(rect.right() - 6 - THUMB, rect.bottom() - 20 - THUMB, THUMB, THUMB)


class PhotoOverlay:
    """Which cards have photos, their decoded thumbnails, and the painter hook."""

    def __init__(self, scene: MapScene):
        self.scene = scene
        self.counts: dict[int, tuple[int, str]] = {}
        self._images: dict[str, QImage] = {}
        scene.card_overlay_painters.append(self.paint)
        scene.session.touchpointsChanged.connect(self._on_touchpoints_changed)
        scene.overlaysChanged.connect(self._apply)
        scene.layoutChanged.connect(self._on_layout)
        self._loaded_map: int | None = None
        self.reload()

    def dispose(self) -> None:
        try:
            self.scene.session.touchpointsChanged.disconnect(self._on_touchpoints_changed)
        except (RuntimeError, TypeError):
            pass
        self._images.clear()

    @property
    def shown(self) -> bool:
        return NAME in self.scene.overlays

    def reload(self) -> None:
        doc, map_id = self.scene.doc, self.scene.map_id
        self.counts = store.photo_counts(doc, map_id) if map_id is not None else {}
        self._loaded_map = map_id
        self._apply()

    def _on_touchpoints_changed(self, ids: list[int]) -> None:
        map_id = self.scene.map_id
        if map_id is None:
            return
        found = store.photo_counts_of(self.scene.doc, list(ids))
        for tid in ids:
            if tid in found:
                self.counts[tid] = found[tid]
            else:
                self.counts.pop(tid, None)
        self._apply(list(ids))

    def _on_layout(self) -> None:
        """Only the cards the relayout re-placed can be new (``scene.layout_cells``; None: all)."""
        scene = self.scene
        if scene.layout_cells is None or scene.map_id != self._loaded_map:
            self._apply()
            return
        self._apply([t for cell in scene.layout_cells for t in scene.cells.get(cell, ())])

    def _apply(self, ids: list[int] | None = None) -> None:
        """Give the title room on the cards that show a thumbnail (and take it back); *ids*: only those."""
        if self.scene.map_id != self._loaded_map:
            self.reload()
            return
        shown = self.shown
        cards = self.scene.cards
        for tid in cards if ids is None else ids:
            card = cards.get(tid)
            if card is not None:
                card.set_reserved_right(RESERVE if shown and tid in self.counts else 0.0)

    def image(self, sha256: str) -> QImage | None:
        image = self._images.get(sha256)
        if image is None:
            data = store.thumbnail(self.scene.doc, sha256)
            image = QImage()
            if not data or not image.loadFromData(data):
                return None
            side = min(image.width(), image.height())
            image = image.copy(
                (image.width() - side) // 2, (image.height() - side) // 2, side, side
            ).scaled(_PIXELS, _PIXELS, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
            self._images[sha256] = image
        return image

    def state(self, touchpoint_id: int) -> tuple[int, str] | None:
        """(number of photos, sha256 of the first) when the overlay shows them on this card."""
        return self.counts.get(touchpoint_id) if self.shown else None

    def paint(self, painter: QPainter, card: CardItem) -> None:
        if not self.shown:
            return
        entry = self.counts.get(card.touchpoint_id)
        if entry is None:
            return
        n, sha = entry
        image = self.image(sha)
        rect = thumb_rect(card)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        clip = QPainterPath()
        clip.addRoundedRect(rect, 3, 3)
        if image is not None:
            painter.setClipPath(clip)
            painter.drawImage(rect, image)
            painter.setClipping(False)
        else:
            painter.fillPath(clip, QColor("#D9DEE5"))
        painter.setPen(QPen(style.CARD_BORDER, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(clip)
        if n > 1:
            draw_count(painter, rect, n)
        painter.restore()


def draw_count(painter: QPainter, rect: QRectF, n: int) -> None:
    """A small dark pill with the number of photos in the thumbnail's corner."""
    font = style.badge_font()
    text = str(n)
    fm = QFontMetricsF(font)
    w = max(14.0, fm.horizontalAdvance(text) + 8)
    pill = QRectF(rect.right() - w + 3, rect.bottom() - 11, w, 13)
    painter.setPen(QPen(QColor("#FFFFFF"), 1))
    painter.setBrush(QColor(30, 38, 48, 220))
    painter.drawRoundedRect(pill, 6.5, 6.5)
    painter.setFont(font)
    painter.setPen(QColor("#FFFFFF"))
    painter.drawText(QPointF(pill.center().x() - fm.horizontalAdvance(text) / 2,
                             pill.center().y() + (fm.ascent() - fm.descent()) / 2), text)
