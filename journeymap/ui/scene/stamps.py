"""Pixmap stamps: small drawings that repeat across the canvas, rendered once per zoom.

Antialiased rounded shapes, icons and faces cost tens of microseconds each,
and a full-HD view of a big map shows over a hundred cards, each with
several of them. ``draw_stamp`` blits a pixmap rendered at the device scale
instead, so it looks exactly like the vector drawing; it falls back to the
vector drawing for vector devices (SVG, PDF), rotated or sheared transforms,
and whenever the caller asks for vector output.

On the canvas a stamp is placed on the nearest whole device pixel (at most
half a pixel off). Raster exports (PNG, clipboard) run inside ``exact()``:
there a stamp is used only where it lands exactly where the vector drawing
would, on a whole or half device pixel (a separate pixmap per half-pixel
phase), and the vector drawing is used anywhere else, so the image is the
vector rendering's to within rounding.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPaintEngine, QPainter, QPixmap, QTransform

_CACHE: dict[tuple, QPixmap] = {}
_IDENTITY = QTransform()
MAX_STAMPS = 1024
_TX_SCALE = QTransform.TransformationType.TxScale.value
_EXACT_EPS = 1e-6  # device pixels: how far from a half-pixel grid a stamp may be in exact mode
_exact = 0  # > 0 inside exact(): stamps only where they match the vector drawing


@contextmanager
def exact() -> Iterator[None]:
    """Within this block stamps stand in for vector drawing only where they are pixel-exact."""
    global _exact
    _exact += 1
    try:
        yield
    finally:
        _exact -= 1


def exact_mode() -> bool:
    """Whether an ``exact()`` block is active (a raster export is being painted)."""
    return _exact > 0


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
    t = painter.worldTransform()
    at = t.map(rect.topLeft())
    if _exact:
        # Half device pixels from the origin; off that grid only the vector drawing is exact.
        hx, hy = at.x() * dpr * 2, at.y() * dpr * 2
        rx, ry = round(hx), round(hy)
        if abs(hx - rx) > _EXACT_EPS or abs(hy - ry) > _EXACT_EPS:
            draw(painter)
            return
        phase = (rx & 1, ry & 1)
        px, py = rx >> 1, ry >> 1  # the whole pixel at or left of / above the drawing's origin
        ck: tuple = (key, round(s, 4), dpr, phase)
    else:
        phase = (0, 0)
        px, py = round(at.x() * dpr), round(at.y() * dpr)
        ck = (key, round(s, 4), dpr)
    entry = _CACHE.get(ck)
    if entry is None:
        if len(_CACHE) >= MAX_STAMPS:
            _CACHE.clear()
        k = s * dpr
        pad = 1.0  # device pixels: antialiasing may bleed half a pixel out of rect
        extra = 1 if phase != (0, 0) else 0
        pixmap = QPixmap(max(1, int(rect.width() * k + 2 * pad + 1 + extra)),
                         max(1, int(rect.height() * k + 2 * pad + 1 + extra)))
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.translate(pad + phase[0] / 2, pad + phase[1] / 2)
        p.scale(k, k)
        p.translate(-rect.left(), -rect.top())
        draw(p)
        p.end()
        pixmap.setDevicePixelRatio(dpr)
        entry = _CACHE[ck] = pixmap
    pixmap = entry
    x = (px - 1) / dpr  # the pixmap has a one-pixel margin
    y = (py - 1) / dpr
    painter.setWorldTransform(_IDENTITY)
    painter.drawPixmap(QPointF(x, y), pixmap)
    painter.setWorldTransform(t)


@contextmanager
def snapped(painter: QPainter, rect: QRectF, scale: tuple[float, float] | None) -> Iterator[None]:
    """Vector drawing inside the block lines up with a stamp of *rect* drawn at the same place.

    On the canvas a stamp sits on the nearest whole device pixel; drawing that
    goes between stamps (a card's NPS band between its body and its border) is
    shifted the same way, so the layers do not drift apart by half a pixel.
    Exports (vector, or raster in ``exact()``) draw where they are.
    """
    if scale is None or _exact:
        yield
        return
    dpr = scale[1]
    t = painter.worldTransform()
    at = t.map(rect.topLeft())
    dx = round(at.x() * dpr) / dpr - at.x()
    dy = round(at.y() * dpr) / dpr - at.y()
    painter.setWorldTransform(t * QTransform.fromTranslate(dx, dy))
    try:
        yield
    finally:
        painter.setWorldTransform(t)


def clear() -> None:
    _CACHE.clear()
