"""Orthogonal routes for connection arrows, through the gutters between cells.

Cards sit inside their cells with a padding on every side, so the lines
between columns and between rows are free of cards: a route leaves its card
sideways, runs along those gutters and enters the target from the side that
faces it. No search, only arithmetic: routing a connection costs
microseconds, which is what lets a card move re-route its own arrows at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF


class Span(NamedTuple):
    lo: float
    hi: float


class Route(NamedTuple):
    points: list[QPointF]
    label_at: QPointF


def route(
    src: QRectF,
    dst: QRectF,
    src_col: Span,
    dst_col: Span,
    src_row: Span,
    dst_row: Span,
    blocked: Callable[[QRectF], bool] | None = None,
) -> Route:
    """The polyline from card *src* to card *dst* (scene rects) given their cells' column and row spans."""
    sy, ty = src.center().y(), dst.center().y()
    if src == dst:  # a loop back to the same card: out on the right, back in at the top
        gx = src_col.hi
        top = src.top() - 7
        pts = [QPointF(src.right(), sy - 10), QPointF(gx, sy - 10), QPointF(gx, top),
               QPointF(src.center().x() + 30, top), QPointF(src.center().x() + 30, src.top())]
        return Route(pts, QPointF(gx, (sy + top) / 2))
    if src_col == dst_col:
        if src_row == dst_row and abs(dst.top() - src.bottom()) < 14:
            x = src.center().x()
            pts = [QPointF(x, src.bottom()), QPointF(x, dst.top())]
        elif src_row == dst_row and abs(src.top() - dst.bottom()) < 14:
            x = src.center().x()
            pts = [QPointF(x, src.top()), QPointF(x, dst.bottom())]
        else:
            x = src.center().x()
            down = dst.top() >= src.bottom()
            a = QPointF(x, src.bottom() if down else src.top())
            b = QPointF(x, dst.top() if down else dst.bottom())
            gap = QRectF(x - 2, min(a.y(), b.y()), 4, abs(b.y() - a.y()))
            if blocked is not None and not blocked(gap):  # nothing between them: straight down (or up)
                pts = [a, b]
            else:
                gx = src_col.hi
                pts = [QPointF(src.right(), sy), QPointF(gx, sy), QPointF(gx, ty), QPointF(dst.right(), ty)]
        return Route(pts, _label_point(pts))
    forward = dst_col.lo >= src_col.hi - 0.5
    if forward:
        start, end = QPointF(src.right(), sy), QPointF(dst.left(), ty)
        gs, gt = src_col.hi, dst_col.lo
    else:
        start, end = QPointF(src.left(), sy), QPointF(dst.right(), ty)
        gs, gt = src_col.lo, dst_col.hi
    if abs(sy - ty) < 0.5:
        straight = QRectF(min(start.x(), end.x()), sy - 2, abs(end.x() - start.x()), 4)
        if blocked is None or not blocked(straight):
            pts = [start, end]
            return Route(pts, _label_point(pts))
    if abs(gs - gt) < 0.5:  # neighbouring columns: one gutter between them
        pts = [start, QPointF(gs, sy), QPointF(gs, ty), end]
        return Route(pts, _label_point(pts))
    if dst_row.lo >= src_row.hi - 0.5:  # target row below: along the gutter above it
        gy = dst_row.lo
    elif dst_row.hi <= src_row.lo + 0.5:  # target row above: along the gutter below it
        gy = dst_row.hi
    else:  # same row: forward above the row, back below it
        gy = dst_row.lo if forward else dst_row.hi
    pts = [start, QPointF(gs, sy), QPointF(gs, gy), QPointF(gt, gy), QPointF(gt, ty), end]
    return Route(_dedupe(pts), QPointF((gs + gt) / 2, gy))


def _dedupe(points: list[QPointF]) -> list[QPointF]:
    out: list[QPointF] = []
    for p in points:
        if not out or (abs(out[-1].x() - p.x()) > 0.01 or abs(out[-1].y() - p.y()) > 0.01):
            out.append(p)
    return out


def _label_point(points: list[QPointF]) -> QPointF:
    """The middle of the longest segment (where a label reads best)."""
    best, at = -1.0, points[0]
    for a, b in zip(points, points[1:]):
        length = abs(b.x() - a.x()) + abs(b.y() - a.y())
        if length > best:
            best, at = length, QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
    return at
