"""A touchpoint card: renders one ``Touchpoint``; holds its id and nothing else of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymap.domain.channels import channel
from journeymap.domain.metrics import TouchpointMetrics
from journeymap.domain.model import Touchpoint
from journeymap.ui.scene import style
from journeymap.ui.scene.channel_icons import draw_channel_icon, draw_star

if TYPE_CHECKING:
    from journeymap.ui.scene.map_scene import MapScene

CARD_TYPE = QGraphicsItem.UserType + 1


def wrap_lines(text: str, font, width: float, max_lines: int) -> list[str]:
    """Word-wrap *text* to *width*; the last allowed line is elided when it overflows."""
    text = " ".join(text.split()) or " "
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


class CardItem(QGraphicsItem):
    """One touchpoint card. ``touchpoint`` is the last value read from the document."""

    def __init__(self, scene: MapScene, touchpoint: Touchpoint):
        super().__init__()
        self._scene = scene
        self.touchpoint_id: int = touchpoint.id  # type: ignore[assignment]
        self.touchpoint = touchpoint
        self.metrics: TouchpointMetrics | None = None
        self.dimmed = False
        self.hovered = False
        self._lines: list[str] = []
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(10)
        self.set_touchpoint(touchpoint)

    def type(self) -> int:
        return CARD_TYPE

    @property
    def cell(self) -> tuple[int, int]:
        return (self.touchpoint.stage_id, self.touchpoint.lane_id)

    def set_touchpoint(self, touchpoint: Touchpoint) -> None:
        self.touchpoint = touchpoint
        self._lines = wrap_lines(touchpoint.title, style.card_title_font(), self.text_rect().width(), style.TITLE_LINES)
        self.setToolTip(touchpoint.title + (f"\n\n{touchpoint.description}" if touchpoint.description else ""))
        self.update()

    def set_metrics(self, metrics: TouchpointMetrics | None) -> None:
        self.metrics = metrics
        self.update()

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.setOpacity(0.22 if dimmed else 1.0)

    # --------------------------------------------------------------- geometry
    def card_rect(self) -> QRectF:
        return QRectF(0, 0, style.CARD_W, style.CARD_H)

    def text_rect(self) -> QRectF:
        left = style.STRIP_W + 9
        return QRectF(left, 8, style.CARD_W - left - 24, style.CARD_H - 30)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self.card_rect().adjusted(-3, -3, 3, 4)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self.card_rect(), style.CARD_RADIUS, style.CARD_RADIUS)
        return path

    # ---------------------------------------------------------------- painting
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        tp = self.touchpoint
        scene = self._scene
        export = scene.export_mode if scene is not None else True
        rect = self.card_rect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)

        # soft shadow
        painter.setPen(Qt.PenStyle.NoPen)
        shadow = style.TEXT
        shadow = shadow.__class__(shadow)
        shadow.setAlpha(28)
        painter.setBrush(shadow)
        painter.drawRoundedRect(rect.translated(0, 1.5), style.CARD_RADIUS, style.CARD_RADIUS)

        selected = self.isSelected() and not export
        if selected:
            border = QPen(style.ACCENT, 2.0)
        elif self.hovered and not export:
            border = QPen(style.CARD_HOVER, 1.2)
        else:
            border = QPen(style.CARD_BORDER, 1.0)
        path = QPainterPath()
        path.addRoundedRect(rect, style.CARD_RADIUS, style.CARD_RADIUS)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.CARD_BG)
        painter.drawPath(path)

        # sensation strip, clipped to the rounded card
        painter.save()
        painter.setClipPath(path)
        painter.fillRect(QRectF(0, 0, style.STRIP_W, rect.height()), style.sensation_colour(tp.sensation))
        painter.restore()

        painter.setPen(border)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

        # title
        painter.setPen(style.TEXT)
        title_font = style.card_title_font()
        painter.setFont(title_font)
        fm = QFontMetricsF(title_font)
        tr = self.text_rect()
        y = tr.top() + fm.ascent()
        for line in self._lines:
            painter.drawText(QPointF(tr.left(), y), line)
            y += fm.lineSpacing()

        # moment of truth
        if tp.moment_of_truth:
            draw_star(painter, QPointF(rect.right() - 13, 14), 7.5, style.STAR, style.STAR_EDGE)

        # footer: channel icon + label
        meta_font = style.card_meta_font()
        mfm = QFontMetricsF(meta_font)
        footer_y = rect.bottom() - 18
        left = tr.left()
        if tp.channel:
            ch = channel(tp.channel)
            draw_channel_icon(painter, ch.key, QRectF(left, footer_y + 2, 12, 12), style.TEXT_MUTED)
            painter.setFont(meta_font)
            painter.setPen(style.TEXT_MUTED)
            label_w = rect.width() - left - 20 - 48
            text = QCoreApplication.translate("channels", ch.label)
            label = mfm.elidedText(text, Qt.TextElideMode.ElideRight, label_w)
            painter.drawText(QPointF(left + 17, footer_y + 8 + mfm.ascent() / 2 - 1), label)

        if scene is not None:
            if "nps" in scene.overlays:
                self.paint_nps_badge(painter)
            for hook in scene.card_overlay_painters:
                hook(painter, self)

    def paint_nps_badge(self, painter: QPainter) -> None:
        m = self.metrics
        if m is None or m.nps is None:
            return
        rect = self.card_rect()
        text = f"{m.nps:+.0f}" if m.nps else "0"
        f = style.badge_font()
        fm = QFontMetricsF(f)
        w = max(30.0, fm.horizontalAdvance(text) + 12)
        badge = QRectF(rect.right() - w - 6, rect.bottom() - 20, w, 15)
        colour = style.nps_colour(m.nps)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(badge, 7.5, 7.5)
        painter.setPen(style.text_on(colour))
        painter.setFont(f)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)

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
