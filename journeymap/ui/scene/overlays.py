"""What the NPS and sentiment overlays show on a card, and the vector faces they draw.

Everything a card needs to paint an overlay is computed here once, when its
metrics change (``nps_mark`` / ``sentiment_mark``), so ``paint()`` only draws.
Every overlay carries a number or a symbol as well as a colour, so nothing is
told by colour alone; the colours come from one colour-blind-safe diverging
scale (orange for bad, grey for neutral, blue for good: ``style.nps_colour``).

Marks:

* NPS badge: ``+42 · n=120`` (NPS from n survey answers), solid pill in the
  scale colour; under 30 answers ``+40 · n=5, low`` says the sample is small.
  A manual value is prefixed with ``≈`` and drawn as a hollow pill
  (``≈+40``, with ``· n=…`` only when manual counts were entered).
* Sentiment: one of five faces (very negative … very positive) filled with
  the scale colour, followed by the value (``+0.42``, ``≈`` when manual).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen

from journeymap import locale_format
from journeymap.domain.metrics import LOW_SAMPLE_N, SENTIMENT_SCALE, TouchpointMetrics, nps_band
from journeymap.ui.scene import style

MINUS = "\u2212"
APPROX = "\u2248"
DOT = "\u00b7"

OVERLAY_NAMES = ("nps", "sentiment", "emotion", "photos")
# Sentiment levels -2..2, in the order of ``domain.metrics.SENTIMENT_SCALE``.
LEVELS = (-2, -1, 0, 1, 2)
LEVEL_NAMES = {level: name for level, (name, _v) in zip(LEVELS, SENTIMENT_SCALE)}
# The names, for lupdate (shown through ``level_label``). Their own context: in Spanish
# *el sentimiento* is masculine ("negativo") while *la sensación* is feminine ("negativa").
_LEVEL_TEXTS = (
    QT_TRANSLATE_NOOP("Sentiment", "very negative"),
    QT_TRANSLATE_NOOP("Sentiment", "negative"),
    QT_TRANSLATE_NOOP("Sentiment", "neutral"),
    QT_TRANSLATE_NOOP("Sentiment", "positive"),
    QT_TRANSLATE_NOOP("Sentiment", "very positive"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("MapScene", text)


def overlay_label(name: str) -> str:
    return {"nps": tr("NPS"), "sentiment": tr("Sentiment"), "emotion": tr("Emotion"), "photos": tr("Photos")}.get(
        name, name
    )


def level_label(level: int) -> str:
    return QCoreApplication.translate("Sentiment", LEVEL_NAMES[level])


# ------------------------------------------------------------------ numbers
signed = locale_format.signed  # "+42", "−12,5": the UI language's decimal mark
compact_count = locale_format.compact_count


def sentiment_level(value: float) -> int:
    """The face for a sentiment in [-1, 1]: -2 very negative … 2 very positive.

    Each face covers the values nearest its scale point (-1, -0.5, 0, 0.5, 1),
    the neutral face includes ±0.25 and the extreme faces include ±0.75.
    """
    if value <= -0.75:
        return -2
    if value < -0.25:
        return -1
    if value <= 0.25:
        return 0
    if value < 0.75:
        return 1
    return 2


def sentiment_colour(value: float) -> QColor:
    """Sentiment -1..1 on the same diverging scale as NPS -100..100."""
    return style.nps_colour(100.0 * max(-1.0, min(1.0, value)))


def level_colour(level: int) -> QColor:
    return style.nps_colour(50.0 * level)


# -------------------------------------------------------------------- marks
class NpsMark(NamedTuple):
    """The NPS badge of one card."""

    value: float
    n: int  # answers behind the value (0 for a manual NPS without counts)
    manual: bool
    text: str  # "+42 · n=120", "≈+40"
    colour: QColor  # the scale colour (band, badge fill or outline)
    band: str  # domain.metrics.nps_band: critical, poor, good, excellent
    width: float  # badge width in scene units

    @property
    def fill(self) -> QColor:
        """Solid pill: the scale colour, deepened where needed so its text reads (WCAG AA)."""
        return QColor(style.CARD_BG) if self.manual else _readable(self.colour)[0]

    @property
    def text_colour(self) -> QColor:
        return QColor(style.TEXT) if self.manual else _readable(self.colour)[1]


_READABLE: dict[int, tuple[QColor, QColor]] = {}


def _readable(colour: QColor) -> tuple[QColor, QColor]:
    key = colour.rgba()
    pair = _READABLE.get(key)
    if pair is None:
        pair = _READABLE[key] = style.readable_fill(colour)
    return pair


class SentimentMark(NamedTuple):
    """The sentiment face and value of one card."""

    value: float
    level: int  # -2..2
    manual: bool
    text: str  # "+0.42", "≈−0.50"
    colour: QColor
    width: float  # face + gap + text, scene units

    @property
    def label(self) -> str:
        return level_label(self.level)


_METRICS: dict[str, QFontMetricsF] = {}


def _badge_metrics() -> QFontMetricsF:
    """Metrics of the badge font, made once (``reset_badge_metrics`` when the application font changes)."""
    fm = _METRICS.get("badge")
    if fm is None:
        fm = _METRICS["badge"] = QFontMetricsF(style.badge_font())
    return fm


def reset_badge_metrics() -> None:
    _METRICS.clear()


BADGE_H = 15.0
BADGE_PAD = 6.0
FACE_R = 6.5
FACE_GAP = 3.0


def nps_text(value: float, n: int, manual: bool) -> str:
    """``+42 · n=120``; under ``LOW_SAMPLE_N`` answers ``+40 · n=5, low`` (a small sample)."""
    text = (APPROX if manual else "") + signed(value)
    if n:
        text += f" {DOT} n={compact_count(n)}"
        if n < LOW_SAMPLE_N:
            text += tr(", low")
    return text


def metrics_summary(m: TouchpointMetrics | None) -> str:
    """The numbers behind a card's badges, in the UI language: ``NPS −44,7 ± 22,7 · n = 120``."""
    if m is None:
        return ""
    lines = []
    if m.nps is not None:
        text = tr("NPS %1").replace("%1", signed(m.nps, 1))
        if m.margin is not None:
            text += f" ± {locale_format.decimal(m.margin, 1)}"
        if m.summary.n:
            text += f" {DOT} n = {locale_format.integer(m.summary.n)}"
        lines.append(text)
    if m.sentiment is not None:
        lines.append(tr("Sentiment %1").replace("%1", signed(float(m.sentiment), 2)))
    return "\n".join(lines)


def nps_mark(m: TouchpointMetrics | None) -> NpsMark | None:
    if m is None or m.nps is None:
        return None
    manual = m.source == "manual"
    n = m.summary.n
    text = nps_text(m.nps, n, manual)
    width = _badge_metrics().horizontalAdvance(text) + 2 * BADGE_PAD
    return NpsMark(m.nps, n, manual, text, style.nps_colour(m.nps), nps_band(m.nps), max(28.0, width))


def sentiment_mark(m: TouchpointMetrics | None) -> SentimentMark | None:
    if m is None or m.sentiment is None:
        return None
    value = max(-1.0, min(1.0, float(m.sentiment)))
    manual = m.source == "manual" or (m.source == "responses" and not m.sentiment_n)
    text = (APPROX if manual else "") + signed(value, 2)
    width = 2 * FACE_R + FACE_GAP + _badge_metrics().horizontalAdvance(text)
    level = sentiment_level(value)
    return SentimentMark(value, level, manual, text, level_colour(level), width)


# -------------------------------------------------------------------- faces
def face_path(level: int, center: QPointF, r: float) -> tuple[QPainterPath, QPainterPath, bool]:
    """(eyes, mouth, mouth_filled) of a face at *center* with radius *r*.

    -2 and 2 have an open (filled) mouth, -1 and 1 a curved line, 0 a straight one.
    """
    cx, cy = center.x(), center.y()
    eyes = QPainterPath()
    er = max(0.7, 0.12 * r)
    for sx in (-1, 1):
        eyes.addEllipse(QPointF(cx + sx * 0.34 * r, cy - 0.26 * r), er, er * 1.25)
    mouth = QPainterPath()
    half = 0.44 * r
    if level == 0:
        mouth.moveTo(cx - half, cy + 0.33 * r)
        mouth.lineTo(cx + half, cy + 0.33 * r)
        return eyes, mouth, False
    smile = level > 0
    if abs(level) == 1:
        y_ends = cy + (0.22 if smile else 0.46) * r
        y_ctrl = cy + (0.62 if smile else 0.10) * r
        mouth.moveTo(cx - half, y_ends)
        mouth.quadTo(QPointF(cx, 2 * y_ctrl - y_ends), QPointF(cx + half, y_ends))
        return eyes, mouth, False
    half = 0.5 * r
    if smile:  # open "D" smile
        y0 = cy + 0.12 * r
        mouth.moveTo(cx - half, y0)
        mouth.lineTo(cx + half, y0)
        mouth.cubicTo(QPointF(cx + half, y0 + 0.62 * r), QPointF(cx - half, y0 + 0.62 * r), QPointF(cx - half, y0))
    else:  # open inverted "D"
        y0 = cy + 0.62 * r
        mouth.moveTo(cx - half, y0)
        mouth.lineTo(cx + half, y0)
        mouth.cubicTo(QPointF(cx + half, y0 - 0.5 * r), QPointF(cx - half, y0 - 0.5 * r), QPointF(cx - half, y0))
    mouth.closeSubpath()
    return eyes, mouth, True


def draw_face(painter: QPainter, center: QPointF, r: float, level: int, fill: QColor | None = None,
              outline: QColor | None = None) -> None:
    """A sentiment face: a disc in *fill* (the level colour) with eyes and a mouth."""
    fill = QColor(fill) if fill is not None else level_colour(level)
    ink = style.text_on(fill)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(outline if outline is not None else fill.darker(135), max(0.8, r / 8)))
    painter.setBrush(fill)
    painter.drawEllipse(center, r, r)
    eyes, mouth, filled = face_path(level, center, r)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    painter.drawPath(eyes)
    if filled:
        painter.drawPath(mouth)
    else:
        pen = QPen(ink, max(1.0, r / 5.5))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(mouth)


def draw_nps_badge(painter: QPainter, mark: NpsMark, rect: QRectF, font) -> None:
    """The pill: solid for survey answers, hollow with an outline for manual values."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    radius = rect.height() / 2
    if mark.manual:
        pen = QPen(mark.colour, 1.4)
        pen.setStyle(Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.setBrush(mark.fill)
        painter.drawRoundedRect(rect.adjusted(0.7, 0.7, -0.7, -0.7), radius - 0.7, radius - 0.7)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mark.fill)
        painter.drawRoundedRect(rect, radius, radius)
    painter.setPen(mark.text_colour)
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, mark.text)


def draw_sentiment_mark(painter: QPainter, mark: SentimentMark, left: float, center_y: float, font,
                        scale: tuple[float, float] | None = None) -> None:
    """Face and value; *scale* (``stamps.device_scale``) lets the face come from a pixmap stamp."""
    from journeymap.ui.scene.stamps import draw_stamp

    centre = QPointF(left + FACE_R, center_y)
    r = FACE_R
    draw_stamp(painter, ("face", mark.level, r), QRectF(centre.x() - r - 1, centre.y() - r - 1, 2 * r + 2, 2 * r + 2),
               lambda p: draw_face(p, centre, r, mark.level, mark.colour), scale)
    painter.setPen(style.TEXT)
    painter.setFont(font)
    fm = _badge_metrics()  # *font* is the badge font
    painter.drawText(QPointF(left + 2 * FACE_R + FACE_GAP, center_y + (fm.ascent() - fm.descent()) / 2), mark.text)
