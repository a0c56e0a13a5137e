"""Sticky stage and lane headers: when the canvas is zoomed in and scrolled past them,
copies of the headers stay along the top and left edges of the view.

Drawn in the view's foreground (so exports, which render the scene, never show
them) by the header items' own ``paint``, so they look exactly like the real ones.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView, QStyleOptionGraphicsItem

from journeymap.ui.scene import style

_MARGIN = 2.0


def _paint_item(painter: QPainter, item, dx: float, dy: float) -> None:
    painter.save()
    pos = item.scenePos()
    painter.translate(pos.x() + dx, pos.y() + dy)
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.restore()


def sticky_offsets(view: QGraphicsView) -> tuple[float, float]:
    """How far (scene units) the header row and the header column are pulled in; 0 when they are in view."""
    scene = view.scene()
    grid = getattr(scene, "grid", None)
    if grid is None or not getattr(scene, "stage_headers", None):
        return 0.0, 0.0
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    dy = max(0.0, visible.top() + _MARGIN - grid.grid_top)
    dy = min(dy, max(0.0, grid.grid_bottom - grid.grid_top - style.STAGE_HEADER_H))
    dx = max(0.0, visible.left() + _MARGIN - grid.origin.x())
    dx = min(dx, max(0.0, grid.grid_right - grid.origin.x() - style.LANE_HEADER_W))
    return dx, dy


def draw_sticky_headers(view: QGraphicsView, painter: QPainter) -> None:
    scene = view.scene()
    if scene is None or getattr(scene, "export_mode", False):
        return
    dx, dy = sticky_offsets(view)
    if not dx and not dy:
        return
    grid = scene.grid
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    if dy:
        band = QRectF(grid.origin.x() + dx, grid.grid_top + dy - _MARGIN,
                      grid.grid_right - grid.origin.x(), style.STAGE_HEADER_H + 2 * _MARGIN)
        painter.fillRect(band, style.BACKGROUND)
        for header in scene.stage_headers.values():
            _paint_item(painter, header, 0.0, dy)
    if dx:
        band = QRectF(grid.origin.x() + dx - _MARGIN, grid.rows_top,
                      style.LANE_HEADER_W + 2 * _MARGIN, grid.grid_bottom - grid.rows_top)
        painter.fillRect(band, style.BACKGROUND)
        for header in scene.lane_headers.values():
            _paint_item(painter, header, dx, 0.0)
    if dx and dy:  # the corner above the lane headers
        painter.fillRect(QRectF(grid.origin.x() + dx - _MARGIN, grid.grid_top + dy - _MARGIN,
                                style.LANE_HEADER_W + 2 * _MARGIN, style.STAGE_HEADER_H + 2 * _MARGIN),
                         style.BACKGROUND)
    painter.restore()
