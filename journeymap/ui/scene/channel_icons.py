"""Small vector icons for the channels (emoji do not render with every font).

Every icon is drawn in a square of *size* at *rect*, in the pen colour given,
with plain QPainter primitives, so it looks the same on screen, in PNG, SVG
and PDF.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF


def draw_channel_icon(painter: QPainter, key: str, rect: QRectF, colour: QColor) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(colour, max(1.0, rect.width() / 10.0))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    s = rect.width()
    x, y = rect.x(), rect.y()

    def p(fx: float, fy: float) -> QPointF:
        return QPointF(x + fx * s, y + fy * s)

    def r(fx: float, fy: float, fw: float, fh: float) -> QRectF:
        return QRectF(x + fx * s, y + fy * s, fw * s, fh * s)

    fill = QBrush(colour)
    if key == "web":
        painter.drawEllipse(r(0.08, 0.08, 0.84, 0.84))
        painter.drawEllipse(r(0.3, 0.08, 0.4, 0.84))
        painter.drawLine(p(0.08, 0.5), p(0.92, 0.5))
    elif key == "email":
        painter.drawRect(r(0.06, 0.2, 0.88, 0.6))
        painter.drawPolyline(QPolygonF([p(0.06, 0.2), p(0.5, 0.55), p(0.94, 0.2)]))
    elif key in ("social", "chat", "sms"):
        path = QPainterPath()
        path.addRoundedRect(r(0.06, 0.1, 0.88, 0.62), 0.18 * s, 0.18 * s)
        painter.drawPath(path)
        painter.drawPolyline(QPolygonF([p(0.28, 0.72), p(0.22, 0.92), p(0.45, 0.72)]))
        if key == "sms":
            painter.setBrush(fill)
            for fx in (0.3, 0.5, 0.7):
                painter.drawEllipse(p(fx, 0.41), 0.04 * s, 0.04 * s)
        elif key == "social":
            painter.drawLine(p(0.26, 0.32), p(0.74, 0.32))
            painter.drawLine(p(0.26, 0.5), p(0.6, 0.5))
    elif key == "store":
        painter.drawPolyline(QPolygonF([p(0.06, 0.42), p(0.5, 0.08), p(0.94, 0.42)]))
        painter.drawRect(r(0.16, 0.42, 0.68, 0.5))
        painter.drawRect(r(0.42, 0.6, 0.16, 0.32))
    elif key == "phone":
        path = QPainterPath()
        path.moveTo(p(0.2, 0.1))
        path.lineTo(p(0.38, 0.1))
        path.lineTo(p(0.44, 0.3))
        path.lineTo(p(0.33, 0.4))
        path.quadTo(p(0.45, 0.58), p(0.6, 0.67))
        path.lineTo(p(0.7, 0.56))
        path.lineTo(p(0.9, 0.62))
        path.lineTo(p(0.9, 0.8))
        path.quadTo(p(0.5, 0.95), p(0.2, 0.1))
        painter.drawPath(path)
    elif key == "app":
        path = QPainterPath()
        path.addRoundedRect(r(0.25, 0.04, 0.5, 0.92), 0.1 * s, 0.1 * s)
        painter.drawPath(path)
        painter.drawLine(p(0.42, 0.84), p(0.58, 0.84))
    elif key == "ads":
        painter.drawPolygon(
            QPolygonF([p(0.1, 0.38), p(0.34, 0.38), p(0.82, 0.12), p(0.82, 0.88), p(0.34, 0.62), p(0.1, 0.62)])
        )
        painter.drawLine(p(0.26, 0.62), p(0.34, 0.9))
    elif key == "print":
        painter.drawPolygon(QPolygonF([p(0.18, 0.06), p(0.64, 0.06), p(0.82, 0.24), p(0.82, 0.94), p(0.18, 0.94)]))
        for fy in (0.38, 0.56, 0.74):
            painter.drawLine(p(0.32, fy), p(0.68, fy))
    elif key == "mail":
        painter.drawRect(r(0.1, 0.3, 0.8, 0.6))
        painter.drawPolyline(QPolygonF([p(0.1, 0.3), p(0.25, 0.1), p(0.75, 0.1), p(0.9, 0.3)]))
        painter.drawLine(p(0.5, 0.1), p(0.5, 0.55))
    elif key == "event":
        painter.drawLine(p(0.2, 0.05), p(0.2, 0.95))
        painter.setBrush(fill)
        painter.drawPolygon(QPolygonF([p(0.2, 0.08), p(0.86, 0.25), p(0.2, 0.45)]))
    elif key == "in_person":
        painter.drawEllipse(r(0.33, 0.06, 0.34, 0.34))
        path = QPainterPath()
        path.moveTo(p(0.12, 0.94))
        path.quadTo(p(0.14, 0.5), p(0.5, 0.5))
        path.quadTo(p(0.86, 0.5), p(0.88, 0.94))
        painter.drawPath(path)
    elif key == "partner":
        painter.drawRoundedRect(r(0.04, 0.32, 0.52, 0.36), 0.18 * s, 0.18 * s)
        painter.drawRoundedRect(r(0.44, 0.32, 0.52, 0.36), 0.18 * s, 0.18 * s)
    elif key == "video":
        path = QPainterPath()
        path.addRoundedRect(r(0.04, 0.16, 0.92, 0.68), 0.14 * s, 0.14 * s)
        painter.drawPath(path)
        painter.setBrush(fill)
        painter.drawPolygon(QPolygonF([p(0.4, 0.34), p(0.66, 0.5), p(0.4, 0.66)]))
    else:
        painter.setBrush(fill)
        painter.drawEllipse(r(0.32, 0.32, 0.36, 0.36))
    painter.restore()


def draw_star(painter: QPainter, centre: QPointF, radius: float, fill: QColor, edge: QColor) -> None:
    """A five-pointed star: the moment-of-truth marker."""
    import math

    points = []
    for i in range(10):
        rr = radius if i % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(centre.x() + rr * math.cos(angle), centre.y() + rr * math.sin(angle)))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(edge, 0.8))
    painter.setBrush(fill)
    painter.drawPolygon(QPolygonF(points))
    painter.restore()
