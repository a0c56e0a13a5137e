"""Colours, fonts and metrics of the canvas: the one place to tune its look.

Lengths are scene units (pixels at 100 % zoom); font sizes are points and use
the application font family, so the canvas follows the platform font.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QGuiApplication

# ------------------------------------------------------------------ metrics
MARGIN = 32.0  # around the whole map (exports keep it)
TITLE_H = 70.0  # map title + persona block
TITLE_GAP = 14.0
LANE_HEADER_W = 176.0
STAGE_HEADER_H = 50.0
HEADER_GAP = 6.0  # between the stage headers and the first lane
CARD_W = 184.0
CARD_H = 82.0
CARD_GAP = 10.0
CELL_PAD = 12.0
COL_W = CARD_W + 2 * CELL_PAD
MIN_ROW_H = CARD_H + 2 * CELL_PAD
CARD_RADIUS = 6.0
STRIP_W = 5.0
TITLE_LINES = 3
NPS_BAND_H = 5.0  # the NPS overlay's colour band along the top of a card
EMOTION_H = 176.0  # the emotion curve's lane under the grid
LEGEND_GAP = 20.0  # between the grid (or the emotion lane) and the legend

# ------------------------------------------------------------------ colours
BACKGROUND = QColor("#EEF0F3")
PAPER = QColor("#FFFFFF")
BAND_EVEN = QColor("#FFFFFF")
BAND_ODD = QColor("#F5F7FA")
GRID_LINE = QColor("#DDE1E7")
LANE_HEADER_BG = QColor("#E9ECF1")
LANE_HEADER_BG_ODD = QColor("#E1E5EB")
LANE_ACCENT = QColor("#5B6B7F")
TEXT = QColor("#1F2933")
TEXT_MUTED = QColor("#5F6B7A")
CARD_BG = QColor("#FFFFFF")
CARD_BORDER = QColor("#C9D0D9")
CARD_HOVER = QColor("#8A99AD")
ACCENT = QColor("#1F6FEB")
DROP = QColor("#1F6FEB")
STAR = QColor("#E8A317")
STAR_EDGE = QColor("#A86F00")
EMOTION_BG = QColor("#FBFCFD")
EMOTION_HEADER_BG = QColor("#E3E8EF")
EMOTION_ACCENT = QColor("#2F4A68")
EMOTION_LINE = QColor("#22384F")

# Colour-blind-safe: blue for good, orange for bad, grey in between.
SENSATION_COLOURS = {
    "positive": QColor("#2C7BB6"),
    "neutral": QColor("#A3ACB8"),
    "negative": QColor("#E66101"),
}

# Diverging orange-grey-blue scale for NPS -100..+100 and sentiment -1..+1: the
# orange arm of ColorBrewer PuOr and the blue arm of RdBu around a neutral grey;
# distinguishable with every common colour-vision deficiency, and every overlay
# also prints its number or a face, so no value is told by colour alone.
NPS_SCALE = (
    (-100.0, QColor("#B35806")),
    (-50.0, QColor("#E08214")),
    (0.0, QColor("#8C96A3")),
    (50.0, QColor("#4393C3")),
    (100.0, QColor("#2166AC")),
)


def sensation_colour(value: str) -> QColor:
    return SENSATION_COLOURS.get(str(value), SENSATION_COLOURS["neutral"])


def nps_colour(value: float) -> QColor:
    """Interpolate the diverging scale; readable with white text at every point."""
    value = max(-100.0, min(100.0, value))
    for (v0, c0), (v1, c1) in zip(NPS_SCALE, NPS_SCALE[1:]):
        if value <= v1:
            t = (value - v0) / (v1 - v0)
            return QColor(
                round(c0.red() + (c1.red() - c0.red()) * t),
                round(c0.green() + (c1.green() - c0.green()) * t),
                round(c0.blue() + (c1.blue() - c0.blue()) * t),
            )
    return NPS_SCALE[-1][1]


def text_on(colour: QColor) -> QColor:
    """Black or white text, whichever reads better on *colour*."""
    r, g, b = colour.redF(), colour.greenF(), colour.blueF()
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return QColor("#1F2933") if luminance > 0.6 else QColor("#FFFFFF")


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance."""
    return 0.2126 * _linear(colour.redF()) + 0.7152 * _linear(colour.greenF()) + 0.0722 * _linear(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    la, lb = relative_luminance(a), relative_luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def readable_fill(colour: QColor, minimum: float = 4.5) -> tuple[QColor, QColor]:
    """(fill, text) for small text on *colour*: the text colour with more contrast, and the fill
    darkened (white text) or lightened (dark text) just enough to reach *minimum* (WCAG AA)."""
    white, dark = QColor("#FFFFFF"), QColor(TEXT)
    text = white if contrast(colour, white) >= contrast(colour, dark) else dark
    fill = QColor(colour)
    for _ in range(40):
        if contrast(fill, text) >= minimum:
            break
        fill = fill.darker(104) if text == white else fill.lighter(104)
    return fill, text


# ------------------------------------------------------------------ fonts
def font(points: float, bold: bool = False, weight: QFont.Weight | None = None) -> QFont:
    base = QGuiApplication.font() if QGuiApplication.instance() else QFont()
    f = QFont(base)
    f.setPointSizeF(points)
    if weight is not None:
        f.setWeight(weight)
    elif bold:
        f.setWeight(QFont.Weight.DemiBold)
    return f


def card_title_font() -> QFont:
    return font(9.0)


def card_meta_font() -> QFont:
    return font(7.5)


def stage_font() -> QFont:
    return font(10.5, bold=True)


def lane_font() -> QFont:
    return font(9.5, bold=True)


def lane_kind_font() -> QFont:
    return font(7.5)


def map_title_font() -> QFont:
    return font(17.0, weight=QFont.Weight.Bold)


def persona_font() -> QFont:
    return font(9.5)


def badge_font() -> QFont:
    return font(7.5, bold=True)
