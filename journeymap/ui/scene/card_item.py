"""A touchpoint card: renders one ``Touchpoint``; holds its id and nothing else of its own."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPainterPath,
    QPen,
    QStaticText,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymap.domain.channels import channel
from journeymap.domain.metrics import TouchpointMetrics
from journeymap.domain.model import Touchpoint
from journeymap.ui.scene import stamps, style
from journeymap.ui.scene.channel_icons import draw_channel_icon, draw_star
from journeymap.ui.scene.overlays import (
    BADGE_H,
    NpsMark,
    SentimentMark,
    draw_nps_badge,
    draw_sentiment_mark,
    metrics_summary,
    nps_mark,
    reset_badge_metrics,
    sentiment_mark,
)
from journeymap.ui.scene.stamps import device_scale, draw_stamp, snapped

if TYPE_CHECKING:
    from journeymap.ui.scene.map_scene import MapScene

CARD_TYPE = QGraphicsItem.UserType + 1
CARD_Z = 10  # over the grid, headers' bands and curves (< 10), under the arrows (11)


def wrap_lines(text: str, font, width: float, max_lines: int) -> list[str]:
    """Word-wrap *text* to *width*; the last allowed line is elided when it overflows."""
    text = " ".join(text.split()) or " "
    if QFontMetricsF(font).horizontalAdvance(text) <= width:
        return [text]  # fits on one line: no layout needed (most titles)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[tuple[int, int]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append((line.textStart(), line.textLength()))
    layout.endLayout()
    out = [text[s : s + n].strip() for s, n in lines[:max_lines]]
    if len(lines) > max_lines:
        rest = text[lines[max_lines - 1][0] :]
        out[-1] = QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return out


class _Fonts:
    """Fonts and metrics of the cards, made once per application font (not per paint)."""

    def __init__(self, key: str):
        self.key = key
        self.title = style.card_title_font()
        self.meta = style.card_meta_font()
        self.badge = style.badge_font()
        self.title_m = QFontMetricsF(self.title)
        self.meta_m = QFontMetricsF(self.meta)


_FONTS: _Fonts | None = None


def _fonts() -> _Fonts:
    global _FONTS
    if _FONTS is None:
        _FONTS = _Fonts(QGuiApplication.font().key() if QGuiApplication.instance() else QFont().key())
    return _FONTS


def reset_fonts() -> None:
    """Forget the cached fonts (the application font changed); the scene calls it on rebuild."""
    global _FONTS
    _FONTS = None
    reset_badge_metrics()


@cache
def _card_path() -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(0, 0, style.CARD_W, style.CARD_H), style.CARD_RADIUS, style.CARD_RADIUS)
    return path


def _card_clipped(rect: QRectF) -> QPainterPath:
    """The part of the card inside *rect*, following its rounded corners."""
    box = QPainterPath()
    box.addRect(rect)
    return _card_path().intersected(box)


@cache
def _band_path() -> QPainterPath:
    """The NPS colour band along the top of the card."""
    return _card_clipped(QRectF(0, 0, style.CARD_W, style.NPS_BAND_H))


@cache
def _strip_path() -> QPainterPath:
    """The sensation strip down the left edge."""
    return _card_clipped(QRectF(0, 0, style.STRIP_W, style.CARD_H))


_SHADOW = QColor(style.TEXT.red(), style.TEXT.green(), style.TEXT.blue(), 28)


def _draw_body(painter: QPainter, strip: QColor) -> None:
    """Shadow, body and sensation strip."""
    rect = QRectF(0, 0, style.CARD_W, style.CARD_H)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_SHADOW)
    painter.drawRoundedRect(rect.translated(0, 1.5), style.CARD_RADIUS, style.CARD_RADIUS)
    painter.setBrush(style.CARD_BG)
    painter.drawPath(_card_path())
    painter.setBrush(strip)
    painter.drawPath(_strip_path())


def _draw_band(painter: QPainter, band: QColor) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(band)
    painter.drawPath(_band_path())


def _draw_border(painter: QPainter, state: int) -> None:
    """The outline (state: 0 plain, 1 hovered, 2 selected)."""
    if state == 2:
        border = QPen(style.ACCENT, 2.0)
    elif state == 1:
        border = QPen(style.CARD_HOVER, 1.2)
    else:
        border = QPen(style.CARD_BORDER, 1.0)
    painter.setPen(border)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(_card_path())


def _draw_chrome(painter: QPainter, strip: QColor, state: int, band: QColor | None = None) -> None:
    """Shadow, body, sensation strip, NPS band and border."""
    _draw_body(painter, strip)
    if band is not None:
        _draw_band(painter, band)
    _draw_border(painter, state)


def _stamp_chrome(painter: QPainter, strip: QColor, state: int, band: QColor | None,
                  scale: tuple[float, float] | None) -> None:
    """The card's chrome from stamps. The NPS band's colour follows the card's NPS, so a
    stamp per band would be rendered for nearly every card: with a band, body and border
    come from stamps shared by all cards and the band is drawn between them."""
    if band is None:
        draw_stamp(painter, ("chrome", strip.rgba(), state), _CHROME_RECT,
                   lambda p: _draw_chrome(p, strip, state), scale)
        return
    draw_stamp(painter, ("body", strip.rgba()), _CHROME_RECT, lambda p: _draw_body(p, strip), scale)
    with snapped(painter, _CHROME_RECT, scale):
        _draw_band(painter, band)
    draw_stamp(painter, ("border", state), _CHROME_RECT, lambda p: _draw_border(p, state), scale)


# Below this zoom (level of detail) the canvas draws cards coarsely: titles would be under 5 px tall.
COARSE_ZOOM = 0.4
_COARSE_TEXT = QColor("#B4BCC6")
_CHROME_RECT = QRectF(-4, -4, style.CARD_W + 8, style.CARD_H + 8)  # shadow and border included
_BOUNDS = QRectF(-3, -7, style.CARD_W + 6, style.CARD_H + 11)  # -7: the marker pills on the top edge
_CURSOR = Qt.CursorShape.PointingHandCursor
_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable

class CardItem(QGraphicsItem):
    """One touchpoint card. ``touchpoint`` is the last value read from the document."""

    # Defaults as class attributes, set on an instance when they change: a big map makes 30,000 cards.
    metrics: TouchpointMetrics | None = None
    dimmed = False
    hovered = False
    _wrapped: list[str] | None = None
    _static_lines: tuple[QStaticText, ...] = ()
    _marks: tuple[NpsMark | None, SentimentMark | None] | None = (None, None)
    _label_cache: tuple[tuple, str] | None = None
    reserved_right = 0.0  # title width given to an overlay (the Photos thumbnail)
    _tip_stale = True

    def __init__(self, scene: MapScene, touchpoint: Touchpoint):
        super().__init__()
        self._scene = scene
        self.touchpoint_id: int = touchpoint.id  # type: ignore[assignment]
        self.touchpoint = touchpoint  # title wrapped and tooltip written when first needed
        self.setFlags(_FLAGS)
        self.setAcceptHoverEvents(True)
        self.setCursor(_CURSOR)
        self.setZValue(CARD_Z)
        coarse = getattr(scene, "coarse", None)
        if coarse is not None and coarse.active:  # the map is drawn as one image now (coarse.py)
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)

    def type(self) -> int:
        return CARD_TYPE

    @property
    def cell(self) -> tuple[int, int]:
        return (self.touchpoint.stage_id, self.touchpoint.lane_id)

    def set_touchpoint(self, touchpoint: Touchpoint) -> None:
        self.touchpoint = touchpoint
        self._wrapped = None  # wrapped on first paint: most cards of a big map are never drawn in full
        self._tip_stale = True  # written when asked for (hover, toolTip()): most cards are never hovered
        self.update()

    @property
    def _lines(self) -> list[str]:
        """The title's lines as drawn (wrapped to the text width, the last one elided)."""
        if self._wrapped is None:
            self._wrapped = wrap_lines(self.touchpoint.title, _fonts().title, self.text_rect().width(),
                                       style.TITLE_LINES)
            self._static_lines = ()
        return self._wrapped

    @property
    def _static(self) -> tuple[QStaticText, ...]:
        lines = self._lines
        if not self._static_lines and lines:
            made = []
            for line in lines:
                st = QStaticText(line)
                st.setTextFormat(Qt.TextFormat.PlainText)
                made.append(st)
            self._static_lines = tuple(made)
        return self._static_lines

    def set_reserved_right(self, width: float) -> None:
        """Keep *width* on the right free of title text (re-wraps the title when it changes)."""
        if width != self.reserved_right:
            self.reserved_right = width
            self.set_touchpoint(self.touchpoint)

    def set_metrics(self, metrics: TouchpointMetrics | None) -> None:
        self.metrics = metrics
        self._marks = None  # made on first use: most cards of a big map are never on screen
        self._tip_stale = True
        self.update()

    def toolTip(self) -> str:  # noqa: N802 - Qt API
        """Title, description and the numbers behind the badges ("NPS −44,7 ± 22,7 · n = 120")."""
        self.refresh_tooltip()
        return super().toolTip()

    def refresh_tooltip(self) -> None:
        """Write the tooltip if the card changed since it was last written (the scene asks on hover).

        Writing it for every card on each open cost 30,000 cards about a second.
        """
        if not self._tip_stale:
            return
        self._tip_stale = False
        tp = self.touchpoint
        parts = [tp.title]
        if tp.description:
            parts.append(tp.description)
        summary = metrics_summary(getattr(self, "metrics", None))
        if summary:
            parts.append(summary)
        from journeymap.ui.scene.rich_map import card_marker_tooltip

        markers = card_marker_tooltip(self)  # expectation, evidence, waiting time, influence
        if markers:
            parts.append(markers)
        self.setToolTip("\n\n".join(parts))

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.setOpacity(0.22 if dimmed else 1.0)

    # --------------------------------------------------------------- geometry
    def card_rect(self) -> QRectF:
        return QRectF(0, 0, style.CARD_W, style.CARD_H)

    def text_rect(self) -> QRectF:
        left = style.STRIP_W + 9
        right = max(24.0, self.reserved_right)
        return QRectF(left, 8, style.CARD_W - left - right, style.CARD_H - 30)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return _BOUNDS  # Qt copies it; a constant, as Qt asks for it on every move

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self.card_rect(), style.CARD_RADIUS, style.CARD_RADIUS)
        return path

    # ---------------------------------------------------------------- overlays
    def _overlay_marks(self) -> tuple[NpsMark | None, SentimentMark | None]:
        if self._marks is None:
            scene = self._scene
            if scene is not None and self.touchpoint.lane_id not in scene.scored_lane_ids:
                self._marks = (None, None)  # a pain point or an opportunity is not scored
            else:
                self._marks = (nps_mark(self.metrics), sentiment_mark(self.metrics))
        return self._marks

    def nps_mark(self) -> NpsMark | None:
        """The NPS badge (text, colour, manual or not) shown when the "nps" overlay is on."""
        return self._overlay_marks()[0]

    def sentiment_mark(self) -> SentimentMark | None:
        """The sentiment face and value shown when the "sentiment" overlay is on."""
        return self._overlay_marks()[1]

    def overlay_state(self) -> dict[str, object]:
        """What the overlays on this card show now (for tests, tooltips and accessibility)."""
        shown = self._scene.overlays if self._scene is not None else frozenset()
        nps = self.nps_mark() if "nps" in shown else None
        sent = self.sentiment_mark() if "sentiment" in shown else None
        return {
            "band": nps.colour.name() if nps else None,
            "badge": nps.text if nps else None,
            "badge_colour": nps.colour.name() if nps else None,
            "manual": nps.manual if nps else None,
            "face": sent.level if sent else None,
            "sentiment": sent.text if sent else None,
            "sentiment_colour": sent.colour.name() if sent else None,
        }

    # ---------------------------------------------------------------- painting
    def _chrome_state(self, export: bool) -> int:
        if export:
            return 0
        if self.isSelected():
            return 2
        return 1 if self.hovered else 0

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if painter.hasClipping() and not painter.clipBoundingRect().intersects(_BOUNDS):
            return  # Qt's render() (exports) draws every card of a cell it touches: this one is outside
        tp = self.touchpoint
        scene = self._scene
        export = scene.export_mode if scene is not None else True
        if not export:
            lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
            if lod < COARSE_ZOOM:
                self._paint_coarse(painter, lod)
                return
        # Raster canvas: repeated shapes come from pixmap stamps. Exports draw vectors,
        # except raster exports (PNG, clipboard), which use stamps where they are exact;
        # vector devices (SVG, PDF) always get None from device_scale.
        scale = device_scale(painter) if not export or stamps.exact_mode() else None
        fonts = _fonts()
        rect = self.card_rect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)

        overlays = scene.overlays if scene is not None else frozenset()
        nps = sent = None
        if overlays:
            nps_m, sent_m = self._overlay_marks()
            nps = nps_m if "nps" in overlays else None
            sent = sent_m if "sentiment" in overlays else None

        # shadow, body, sensation strip, border and the NPS band: one stamp
        strip = style.sensation_colour(tp.sensation)
        state = self._chrome_state(export)
        band = nps.colour if nps is not None else None
        _stamp_chrome(painter, strip, state, band, scale)

        # title
        painter.setPen(style.TEXT)
        painter.setFont(fonts.title)
        tr = self.text_rect()
        top = tr.top() + (style.NPS_BAND_H - 2 if nps is not None else 0)
        if export:  # plain text runs: SVG and PDF keep them as text
            y = top + fonts.title_m.ascent()
            for line in self._lines:
                painter.drawText(QPointF(tr.left(), y), line)
                y += fonts.title_m.lineSpacing()
        else:
            y = top
            for st in self._static:
                painter.drawStaticText(QPointF(tr.left(), y), st)
                y += fonts.title_m.lineSpacing()

        # moment of truth
        if tp.moment_of_truth:
            centre = QPointF(rect.right() - 13, 14 + (3 if nps is not None else 0))
            draw_stamp(painter, "star", QRectF(centre.x() - 9, centre.y() - 9, 18, 18),
                       lambda p: draw_star(p, centre, 7.5, style.STAR, style.STAR_EDGE), scale)

        # footer, right to left: NPS badge, sentiment face, then the channel in what is left
        footer_y = rect.bottom() - 18
        right = rect.right() - 6
        if nps is not None:
            badge = QRectF(right - nps.width, footer_y + 0.5, nps.width, BADGE_H)
            draw_nps_badge(painter, nps, badge, fonts.badge)
            right = badge.left() - 6
        if sent is not None:
            left = right - sent.width
            draw_sentiment_mark(painter, sent, left, footer_y + 8, fonts.badge, scale)
            right = left - 7
        left = tr.left()
        if tp.channel:
            key = channel(tp.channel).key
            icon = QRectF(left, footer_y + 2, 12, 12)
            draw_stamp(painter, ("channel", key), icon.adjusted(-1.5, -1.5, 1.5, 1.5),
                       lambda p: draw_channel_icon(p, key, icon, style.TEXT_MUTED), scale)
            label_w = right - (left + 17) if (nps or sent) else rect.width() - left - 20 - 48
            if label_w >= 18:
                painter.setFont(fonts.meta)
                painter.setPen(style.TEXT_MUTED)
                painter.drawText(QPointF(left + 17, footer_y + 8 + fonts.meta_m.ascent() / 2 - 1),
                                 self._channel_label(label_w, fonts))

        if scene is not None:
            for hook in scene.card_overlay_painters:
                hook(painter, self)

    def _paint_coarse(self, painter: QPainter, lod: float) -> None:
        """The card zoomed out (a whole big map in the window): its colours and the shape of its title.

        Text and icons would be a few pixels tall; drawing them made a repaint of
        2,000 cards at fit-to-window cost 100+ ms and of 10,000 over a second.
        """
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        rect = self.card_rect()
        selected = self.isSelected()
        edge = (2.0 if selected else 1.0) / max(lod, 0.01)  # device pixels, whatever the zoom
        painter.fillRect(rect, style.ACCENT if selected else style.CARD_BORDER)
        painter.fillRect(rect.adjusted(edge, edge, -edge, -edge), style.CARD_BG)
        painter.fillRect(QRectF(0, 0, style.STRIP_W, style.CARD_H), style.sensation_colour(self.touchpoint.sensation))
        overlays = self._scene.overlays if self._scene is not None else frozenset()
        nps = self._overlay_marks()[0] if "nps" in overlays else None
        if nps is not None:
            painter.fillRect(QRectF(0, 0, style.CARD_W, style.NPS_BAND_H), nps.colour)
        tr = self.text_rect()
        line_h = _fonts().title_m.lineSpacing()
        y = tr.top() + (style.NPS_BAND_H if nps is not None else 0) + line_h * 0.3
        for line in self._lines[:3]:  # a grey bar per title line
            painter.fillRect(QRectF(tr.left(), y, min(tr.width(), 7.0 * len(line)), line_h * 0.45), _COARSE_TEXT)
            y += line_h

    def _channel_label(self, width: float, fonts: _Fonts) -> str:
        key = (self.touchpoint.channel, width, fonts.key)
        if self._label_cache is None or self._label_cache[0] != key:
            text = QCoreApplication.translate("channels", channel(self.touchpoint.channel).label)
            self._label_cache = (key, fonts.meta_m.elidedText(text, Qt.TextElideMode.ElideRight, width))
        return self._label_cache[1]

    def paint_nps_badge(self, painter: QPainter) -> None:
        """Draw just the NPS badge (kept for overlay hooks)."""
        mark = self.nps_mark()
        if mark is None:
            return
        rect = self.card_rect()
        badge = QRectF(rect.right() - 6 - mark.width, rect.bottom() - 17.5, mark.width, BADGE_H)
        draw_nps_badge(painter, mark, badge, _fonts().badge)

    # ------------------------------------------------------------------ hover
    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self.hovered = False
        self.update()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        if self._scene is not None and event.button() == Qt.MouseButton.LeftButton:
            self._scene.edit_card_title(self.touchpoint_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)
