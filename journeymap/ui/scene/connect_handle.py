"""The edge handle a connection is drawn from (see ``interactions.ConnectDrag``).

The handle shows on the hovered or selected card of an editable canvas, never
in exports; ``handle_at`` finds the card whose handle is under the pointer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from journeymap.ui.scene import style

if TYPE_CHECKING:
    from journeymap.ui.scene.card_item import CardItem
    from journeymap.ui.scene.map_scene import MapScene

HANDLE_R = 5.5
HIT_R = 10.0
HANDLE_FILL = QColor("#2F6FDE")


def handle_centre(card: CardItem) -> QPointF:
    """Where the handle sits, in card coordinates: the middle of the right edge, just inside."""
    return QPointF(style.CARD_W - HANDLE_R - 2, style.CARD_H / 2)


def paint_handle(painter: QPainter, card: CardItem) -> None:
    """Card overlay hook: the handle on the hovered or selected card (never in exports)."""
    scene = card.scene()
    if scene is None or getattr(scene, "export_mode", True) or getattr(scene, "read_only", True):
        return
    if not (card.hovered or card.isSelected()):
        return
    c = handle_centre(card)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor("white"), 1.5))
    painter.setBrush(HANDLE_FILL)
    painter.drawEllipse(c, HANDLE_R, HANDLE_R)


def handle_at(scene: MapScene, pos: QPointF) -> CardItem | None:
    """The card whose handle is under *pos* (scene coordinates), on an editable canvas."""
    if scene.read_only or scene.export_mode:
        return None
    probe = QRectF(pos.x() - HIT_R, pos.y() - HIT_R, 2 * HIT_R, 2 * HIT_R)
    for item in scene.items(probe):
        if hasattr(item, "touchpoint_id") and item.isVisible():
            centre = item.mapToScene(handle_centre(item))
            if QLineF(centre, pos).length() <= HIT_R:
                return item
    return None
