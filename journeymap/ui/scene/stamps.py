"""Pixmap stamps: small drawings that repeat across the canvas, rendered once per zoom.

Antialiased rounded shapes, icons and faces cost tens of microseconds each,
and a full-HD view of a big map shows over a hundred cards, each with
several of them. ``draw_stamp`` blits a pixmap rendered at the device scale
instead, so it looks exactly like the vector drawing; it falls back to the
vector drawing for vector devices (SVG, PDF), rotated or sheared transforms,
and whenever the caller asks for vector output (exports).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPaintEngine, QPainter, QPixmap, QTransform

_CACHE: dict[tuple[Hashable, float, float], QPixmap] = {}
_IDENTITY = QTransform()
MAX_STAMPS = 1024
_TX_SCALE = QTransform.TransformationType.TxScale.value


def device_scale(painter: QPainter) -> tuple[float, float] | None:
    """(scale, device pixel ratio) when stamps can stand in for vector drawing, else None."""
    engine = painter.paintEngine()
    if engine is None or engine.type() != QPaintEngine.Type.Raster:
        return None
    t = painter.worldTransform()
    if t.type().value > _TX_SCALE or t.m11() <= 0 or abs(t.m11() - t.m22()) > 1e-9:
        return None
    device = painter.device()
    return t.m11(), (device.devicePixelRatioF() if device is not None else 1.0)


def draw_stamp(painter: QPainter, key: Hashable, rect: QRectF, draw: Callable[[QPainter], None],
               scale: tuple[float, float] | None = None) -> None:
    """Draw what ``draw(painter)`` draws inside *rect* (item coordinates), from a cached pixmap.

    *key* must identify the drawing relative to ``rect.topLeft()`` (so the
    same key may be stamped at many places). *scale* is ``device_scale(painter)``
    when the caller has it (None: vector drawing).
    """
    if scale is None:
        draw(painter)
        return
    s, dpr = scale
    ck = (key, round(s, 4), dpr)
    entry = _CACHE.get(ck)
    if entry is None:
        if len(_CACHE) >= MAX_STAMPS:
            _CACHE.clear()
        k = s * dpr
        pad = 1.0  # device pixels: antialiasing may bleed half a pixel out of rect
        pixmap = QPixmap(max(1, int(rect.width() * k + 2 * pad + 1)), max(1, int(rect.height() * k + 2 * pad + 1)))
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.translate(pad, pad)
        p.scale(k, k)
        p.translate(-rect.left(), -rect.top())
        draw(p)
        p.end()
        pixmap.setDevicePixelRatio(dpr)
        entry = _CACHE[ck] = pixmap
    pixmap = entry
    t = painter.worldTransform()
    at = t.map(rect.topLeft())
    x = (round(at.x() * dpr) - 1) / dpr  # the pixmap has a one-pixel margin
    y = (round(at.y() * dpr) - 1) / dpr
    painter.setWorldTransform(_IDENTITY)
    painter.drawPixmap(QPointF(x, y), pixmap)
    painter.setWorldTransform(t)


def clear() -> None:
    _CACHE.clear()
