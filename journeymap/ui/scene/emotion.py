"""The emotion curve: a lane under the grid with the customer's sentiment across the stages.

The classic journey-map experience line. Each touchpoint with a sentiment is
a dot in its stage's column (spread across the card width in map order, at
the height of its sentiment), each stage with data gets its average marked
and labelled, and a smooth monotone cubic runs through the stage averages
(dashed across stages without data), filled blue above and orange below the
zero line. Without any sentiment the lane shows a faint dashed zero line and
"No sentiment data".

``compute_emotion`` is pure geometry over the scene's data (no SQL, no
painting); the item keeps its result until the metrics, the layout or the
filter change, so painting costs a few path fills.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymap.domain.metrics import TouchpointMetrics, mean
from journeymap.ui.scene import style
from journeymap.ui.scene.layout import Cell, GridLayout
from journeymap.ui.scene.overlays import draw_face, level_colour, sentiment_level, signed, tr

if TYPE_CHECKING:
    from journeymap.ui.scene.map_scene import MapScene

_POSITIVE = QColor("#DCE8F3")  # a pale tint of the blue end, opaque so adjacent pieces meet without seams
_NEGATIVE = QColor("#F6E3D2")  # a pale tint of the orange end
PLOT_PAD_TOP = 26.0
PLOT_PAD_BOTTOM = 26.0
DOT_R = 3.6
MARKER_R = 5.5


class EmotionPoint(NamedTuple):
    touchpoint_id: int
    stage_id: int
    value: float
    x: float
    y: float
    level: int
    dimmed: bool = False


class StagePoint(NamedTuple):
    stage_id: int
    value: float  # mean of the stage's touchpoint sentiments (as services.reporting.stage_metrics)
    n: int  # touchpoints with a sentiment
    x: float  # the stage column's centre
    y: float
    label: str  # "+0.42"


class Segment(NamedTuple):
    x0: float
    x1: float
    curve: QPainterPath
    dashed: bool  # across stages without data
    above: QPainterPath  # between the curve and zero, above it (empty for dashed pieces)
    below: QPainterPath

    @property
    def path(self) -> QPainterPath:
        return self.curve


@dataclass
class EmotionModel:
    rect: QRectF  # the whole lane (header cell + plot)
    plot: QRectF  # where values live: x over the stage columns, y from +1 (top) to -1 (bottom)
    zero_y: float
    half: float  # scene units per sentiment unit
    points: list[EmotionPoint] = field(default_factory=list)
    stages: list[StagePoint] = field(default_factory=list)
    # One entry per pair of consecutive stage averages: (left x, right x, curve piece, dashed?,
    # area above zero, area below zero). Pieces let a repaint draw only what it exposes.
    segments: list[Segment] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.points

    @property
    def curve(self) -> QPainterPath:
        """The whole solid curve (between adjacent stages with data)."""
        path = QPainterPath()
        for seg in self.segments:
            if not seg.dashed:
                path.addPath(seg.curve)
        return path

    def points_between(self, x0: float, x1: float) -> list[EmotionPoint]:
        """The touchpoint dots with x0 <= x <= x1 (points are in x order)."""
        lo = bisect_left(self._xs, x0)
        hi = bisect_right(self._xs, x1)
        return self.points[lo:hi]

    @property
    def _xs(self) -> list[float]:
        xs = self.__dict__.get("_xs_cache")
        if xs is None or len(xs) != len(self.points):
            xs = self.__dict__["_xs_cache"] = [p.x for p in self.points]
        return xs

    def y_of(self, value: float) -> float:
        return self.zero_y - max(-1.0, min(1.0, value)) * self.half


def lane_rect(grid: GridLayout) -> QRectF:
    """The emotion lane: right under the last lane, as wide as the grid."""
    left = grid.origin.x()
    return QRectF(left, grid.grid_bottom, grid.grid_right - left, style.EMOTION_H)


def _tangents(xs: Sequence[float], ys: Sequence[float]) -> list[float]:
    """Fritsch-Carlson tangents: a monotone cubic never overshoots the data (no fake peaks)."""
    n = len(xs)
    if n < 2:
        return [0.0] * n
    d = [(ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]) for i in range(n - 1)]
    m = [d[0], *((d[i - 1] + d[i]) / 2 for i in range(1, n - 1)), d[-1]]
    for i in range(n - 1):
        if d[i] == 0:
            m[i] = m[i + 1] = 0.0
    for i in range(n - 1):
        if d[i] == 0:
            continue
        a, b = m[i] / d[i], m[i + 1] / d[i]
        if a < 0:
            m[i] = 0.0
        if b < 0:
            m[i + 1] = 0.0
        s = a * a + b * b
        if s > 9:
            t = 3 / s**0.5
            m[i] = t * a * d[i]
            m[i + 1] = t * b * d[i]
    for i in range(1, n - 1):  # a local extreme stays flat
        if d[i - 1] * d[i] < 0:
            m[i] = 0.0
    return m


def compute_emotion(
    grid: GridLayout,
    cells: Mapping[Cell, Sequence[int]],
    metrics: Mapping[int, TouchpointMetrics],
    dimmed: frozenset[int] | set[int] = frozenset(),
) -> EmotionModel:
    rect = lane_rect(grid)
    x0 = grid.origin.x() + style.LANE_HEADER_W
    plot = QRectF(x0, rect.top() + PLOT_PAD_TOP, grid.grid_right - x0, rect.height() - PLOT_PAD_TOP - PLOT_PAD_BOTTOM)
    half = plot.height() / 2
    model = EmotionModel(rect, plot, plot.center().y(), half)
    for sid in grid.stage_ids:
        ids: list[int] = []
        for lid in grid.lane_ids:
            ids.extend(cells.get((sid, lid), ()))
        values = []
        for tid in ids:
            m = metrics.get(tid)
            if m is not None and m.sentiment is not None:
                values.append((tid, max(-1.0, min(1.0, float(m.sentiment)))))
        col = grid.col_x[sid]
        for k, (tid, v) in enumerate(values):
            x = col + style.CELL_PAD + style.CARD_W * (k + 0.5) / len(values)
            model.points.append(EmotionPoint(tid, sid, v, x, model.y_of(v), sentiment_level(v), tid in dimmed))
        avg = mean(v for _tid, v in values)
        if avg is not None:
            model.stages.append(
                StagePoint(sid, avg, len(values), col + style.COL_W / 2, model.y_of(avg), signed(avg, 2))
            )
    _build_paths(model, grid)
    return model


def _build_paths(model: EmotionModel, grid: GridLayout) -> None:
    pts = model.stages
    if len(pts) < 2:
        return
    order = {sid: i for i, sid in enumerate(grid.stage_ids)}
    m = _tangents([p.x for p in pts], [p.y for p in pts])
    z = model.zero_y
    top, bottom = model.rect.top(), model.rect.bottom()
    for i in range(len(pts) - 1):
        a, b = pts[i], pts[i + 1]
        dx = b.x - a.x
        c1 = QPointF(a.x + dx / 3, a.y + m[i] * dx / 3)
        c2 = QPointF(b.x - dx / 3, b.y - m[i + 1] * dx / 3)
        curve = QPainterPath(QPointF(a.x, a.y))
        curve.cubicTo(c1, c2, QPointF(b.x, b.y))
        dashed = order[b.stage_id] - order[a.stage_id] != 1
        above = below = QPainterPath()
        if not dashed:
            area = QPainterPath(curve)
            area.lineTo(b.x, z)
            area.lineTo(a.x, z)
            area.closeSubpath()
            half = QPainterPath()
            half.addRect(QRectF(a.x - 1, top, dx + 2, z - top))
            above = area.intersected(half)
            half = QPainterPath()
            half.addRect(QRectF(a.x - 1, z, dx + 2, bottom - z))
            below = area.intersected(half)
        model.segments.append(Segment(a.x, b.x, curve, dashed, above, below))


def visible_rect(painter: QPainter, option: QStyleOptionGraphicsItem | None, rect: QRectF) -> QRectF:
    """The part of *rect* (item coordinates) this paint can reach: exposed, clipped and on the device."""
    out = QRectF(rect)
    if option is not None and not option.exposedRect.isEmpty():
        out = out.intersected(option.exposedRect)
    device = painter.device()
    inverse, ok = painter.worldTransform().inverted()
    if ok and device is not None and painter.worldTransform().type().value <= _TX_SCALE:
        dpr = device.devicePixelRatioF() or 1.0
        area = QRectF(0, 0, device.width() / dpr, device.height() / dpr)
        if painter.hasClipping():
            area = area.intersected(painter.worldTransform().mapRect(painter.clipBoundingRect()))
        out = out.intersected(inverse.mapRect(area))
    return out


_TX_SCALE = 2  # QTransform.TxScale: translate and scale only


class EmotionLaneItem(QGraphicsItem):
    """The emotion lane under the grid; shown while the "emotion" overlay is on."""

    def __init__(self, scene: MapScene):
        super().__init__()
        self._scene = scene
        self._rect = QRectF()
        self._model: EmotionModel | None = None
        self.setZValue(-5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)  # exposedRect
        self.hide()

    # ---------------------------------------------------------------- state
    def relayout(self) -> None:
        rect = lane_rect(self._scene.grid)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.invalidate()

    def invalidate(self) -> None:
        """The data or the layout changed: recompute on the next paint (or ``model()``)."""
        self._model = None
        if self.isVisible():
            self.update()

    def model(self) -> EmotionModel:
        if self._model is None:
            scene = self._scene
            dimmed = frozenset(tid for tid, card in scene.cards.items() if card.dimmed)
            self._model = compute_emotion(scene.grid, scene.cells, scene.metrics, dimmed)
        return self._model

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-1, -1, 1, 1)

    # ------------------------------------------------------------- painting
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        model = self.model()
        rect, plot = model.rect, model.plot
        if rect.isEmpty():
            return
        x0 = plot.left()
        # only what this repaint exposes (a big map has thousands of dots)
        exposed = visible_rect(painter, option, rect)
        lo, hi = exposed.left() - 40, exposed.right() + 40
        segments = [seg for seg in model.segments if seg.x1 >= lo and seg.x0 <= hi]

        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(QRectF(x0, rect.top(), rect.right() - x0, rect.height()), style.EMOTION_BG)
        header = QRectF(rect.left(), rect.top(), style.LANE_HEADER_W, rect.height())
        painter.fillRect(header, style.EMOTION_HEADER_BG)
        painter.fillRect(QRectF(header.left(), header.top(), 4, header.height()), style.EMOTION_ACCENT)

        # area between the curve and zero: blue above, orange below (opaque tints: pieces meet seamlessly)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        for seg in segments:
            if not seg.dashed:
                painter.setBrush(_POSITIVE)
                painter.drawPath(seg.above)
                painter.setBrush(_NEGATIVE)
                painter.drawPath(seg.below)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

        # column rules and frame, like the grid's; faint lines at +1 and -1; dashed zero line
        grid_pen = QPen(style.GRID_LINE, 1.0)
        grid_pen.setCosmetic(True)
        painter.setPen(grid_pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        grid = self._scene.grid
        for sid in grid.stage_ids[1:]:
            x = grid.col_x[sid]
            if lo <= x <= hi:
                painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        painter.drawRect(rect)
        faint = QPen(QColor(style.GRID_LINE), 1.0, Qt.PenStyle.DotLine)
        faint.setCosmetic(True)
        painter.setPen(faint)
        left, right = max(x0, lo), min(rect.right(), hi)
        for v in (1.0, -1.0):
            y = model.y_of(v)
            painter.drawLine(QPointF(left, y), QPointF(right, y))
        zero = QColor(style.TEXT_MUTED)
        zero.setAlpha(80 if model.empty else 120)
        zpen = QPen(zero, 1.0, Qt.PenStyle.DashLine)
        zpen.setCosmetic(True)
        painter.setPen(zpen)
        painter.drawLine(QPointF(x0, model.zero_y), QPointF(rect.right(), model.zero_y))

        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_header(painter, header, model)
        if model.empty:
            painter.setPen(style.TEXT_MUTED)
            f = style.font(9.0)
            f.setItalic(True)
            painter.setFont(f)
            text_rect = QRectF(x0 + 16, model.zero_y - 26, max(10.0, plot.width() - 32), 20)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             tr("No sentiment data"))
            return

        # touchpoint dots (one antialiased ellipse each is cheaper than filling big paths of them)
        halo = QPen(QColor("#FFFFFF"), 0.9)
        brushes = {}
        for level in (-2, -1, 0, 1, 2):
            brushes[(level, False)] = level_colour(level)
            faded = level_colour(level)
            faded.setAlpha(60)
            brushes[(level, True)] = faded
        painter.setPen(halo)
        current = None
        for pt in model.points_between(lo, hi):
            key = (pt.level, pt.dimmed)
            if key != current:
                current = key
                painter.setPen(Qt.PenStyle.NoPen if pt.dimmed else halo)
                painter.setBrush(brushes[key])
            painter.drawEllipse(QPointF(pt.x, pt.y), DOT_R, DOT_R)

        # the curve through the stage averages
        pen = QPen(style.EMOTION_LINE, 2.4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        dashed = QPen(style.EMOTION_LINE, 1.6, Qt.PenStyle.DashLine)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for seg in segments:
            painter.setPen(dashed if seg.dashed else pen)
            painter.drawPath(seg.curve)

        # stage averages: a marker and its value
        f = style.badge_font()
        fm = QFontMetricsF(f)
        painter.setFont(f)
        for sp in model.stages:
            if not lo <= sp.x <= hi:
                continue
            level = sentiment_level(sp.value)
            painter.setPen(QPen(style.EMOTION_LINE, 1.8))
            painter.setBrush(level_colour(level))
            painter.drawEllipse(QPointF(sp.x, sp.y), MARKER_R, MARKER_R)
            w = fm.horizontalAdvance(sp.label) + 10
            h = fm.height() + 3
            above = sp.value >= 0
            ty = sp.y - MARKER_R - 5 - h if above else sp.y + MARKER_R + 5
            ty = max(rect.top() + 3, min(rect.bottom() - h - 3, ty))
            pill = QRectF(sp.x - w / 2, ty, w, h)
            painter.setPen(QPen(QColor(style.EMOTION_LINE.red(), style.EMOTION_LINE.green(),
                                       style.EMOTION_LINE.blue(), 90), 0.8))
            painter.setBrush(QColor(255, 255, 255, 235))
            painter.drawRoundedRect(pill, h / 2, h / 2)
            painter.setPen(style.TEXT)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, sp.label)

    def _paint_header(self, painter: QPainter, header: QRectF, model: EmotionModel) -> None:
        f = style.lane_font()
        fm = QFontMetricsF(f)
        painter.setFont(f)
        painter.setPen(style.TEXT)
        y = header.top() + style.CELL_PAD + 4 + fm.ascent()
        painter.drawText(QPointF(header.left() + 16, y), tr("Emotion"))
        kf = style.lane_kind_font()
        kfm = QFontMetricsF(kf)
        painter.setFont(kf)
        painter.setPen(style.TEXT_MUTED)
        y += fm.descent() + 4 + kfm.ascent()
        for line in (tr("Sentiment"), tr("stage average")):
            painter.drawText(QPointF(header.left() + 16, y), line.upper())
            y += kfm.lineSpacing()
        # axis: faces and values at +1, 0 and -1
        sf = style.card_meta_font()
        sfm = QFontMetricsF(sf)
        painter.setFont(sf)
        cx = header.right() - 14
        for v, level in ((1.0, 2), (0.0, 0), (-1.0, -2)):
            y = model.y_of(v)
            draw_face(painter, QPointF(cx, y), 6.5, level)
            text = signed(v)
            painter.setPen(style.TEXT_MUTED)
            painter.drawText(QPointF(cx - 11 - sfm.horizontalAdvance(text), y + sfm.ascent() / 2 - 1), text)
