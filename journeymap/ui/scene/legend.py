"""The key to the overlays and card markers, drawn in the scene (so exports include it).

One row per overlay shown, then the card markers (sensation strip, moment of
truth). Every colour in it is paired with the number or symbol the overlay
prints, like the overlays themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymap.ui.scene import style
from journeymap.ui.scene.channel_icons import draw_star
from journeymap.ui.scene.overlays import (
    APPROX,
    LEVELS,
    MINUS,
    OVERLAY_NAMES,
    NpsMark,
    draw_face,
    draw_nps_badge,
    level_colour,
    level_label,
    nps_text,
    overlay_label,
    tr,
)

LEGEND_Z = 50.0

Draw = Callable[[QPainter, float, float], None]  # (painter, left, row centre y)


class LegendItem(QGraphicsItem):
    """A key to *overlays* (any of "nps", "sentiment", "emotion") and the card markers."""

    PAD = 12.0
    ROW_H = 30.0
    TITLE_H = 20.0
    GAP = 18.0  # between the entries of a row

    def __init__(self, overlays: Iterable[str] = ()):
        super().__init__()
        self.setZValue(LEGEND_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._title_font = style.font(8.5, bold=True)
        self._label_font = style.font(7.5, bold=True)
        self._font = style.font(7.5)
        self._small = style.font(6.5)
        self._badge_font = style.badge_font()
        self.overlays: list[str] = []
        self._rows: list[tuple[str, list[tuple[float, Draw]]]] = []
        self._size = (0.0, 0.0)
        self.set_overlays(overlays)

    # -------------------------------------------------------------- content
    def set_overlays(self, overlays: Iterable[str]) -> None:
        wanted = set(overlays)
        names = [o for o in OVERLAY_NAMES if o in wanted]
        if names == self.overlays and self._rows:
            return
        self.prepareGeometryChange()
        self.overlays = names
        self._rows = [(overlay_label(o), self._entries(o)) for o in names]
        self._rows.append((tr("Cards"), self._entries("cards")))
        fm = QFontMetricsF(self._label_font)
        self._label_w = max(fm.horizontalAdvance(label) for label, _ in self._rows) + 14
        widths = [sum(w for w, _ in entries) + self.GAP * (len(entries) - 1) for _, entries in self._rows]
        width = self.PAD * 2 + self._label_w + max(widths)
        height = self.PAD * 2 + self.TITLE_H + self.ROW_H * len(self._rows)
        self._size = (width, height)
        self.update()

    def _text_entry(self, text: str, lead: float = 0.0, draw_lead: Draw | None = None,
                    muted: bool = True) -> tuple[float, Draw]:
        fm = QFontMetricsF(self._font)
        w = lead + fm.horizontalAdvance(text)

        def draw(p: QPainter, x: float, cy: float) -> None:
            if draw_lead is not None:
                draw_lead(p, x, cy)
            p.setFont(self._font)
            p.setPen(style.TEXT_MUTED if muted else style.TEXT)
            p.drawText(QPointF(x + lead, cy + (fm.ascent() - fm.descent()) / 2), text)

        return w, draw

    def _entries(self, row: str) -> list[tuple[float, Draw]]:
        if row == "nps":
            return [(150.0, self._draw_scale), *self._badge_entries()]
        if row == "sentiment":
            entries = []
            for level in LEVELS:
                def face(p: QPainter, x: float, cy: float, level: int = level) -> None:
                    draw_face(p, QPointF(x + 7, cy), 7, level)

                entries.append(self._text_entry(level_label(level), 19, face))
            entries.append(self._text_entry(tr("%1 manual value").replace("%1", APPROX)))
            return entries
        if row == "photos":
            return [self._text_entry(tr("first photo of the touchpoint; the number says how many"), 30,
                                     self._draw_photo_sample)]
        if row == "emotion":
            return [
                self._text_entry(tr("stage average"), 44, self._draw_curve_sample),
                self._text_entry(tr("touchpoint"), 13, self._draw_dot_sample),
                self._text_entry(tr("neutral (0)"), 30, self._draw_zero_sample),
            ]
        return [
            self._text_entry(tr("negative"), 10, self._strip_drawer("negative")),
            self._text_entry(tr("neutral"), 10, self._strip_drawer("neutral")),
            self._text_entry(tr("positive sensation"), 10, self._strip_drawer("positive")),
            self._text_entry(tr("moment of truth"), 18, self._draw_star_sample),
        ]

    def _strip_drawer(self, key: str) -> Draw:
        def strip(p: QPainter, x: float, cy: float) -> None:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(style.sensation_colour(key))
            p.drawRoundedRect(QRectF(x, cy - 8, 5, 16), 1.5, 1.5)

        return strip

    def _badge_entries(self) -> list[tuple[float, Draw]]:
        fm = QFontMetricsF(self._badge_font)
        out = []
        for value, n, manual, caption in (
            (42.0, 120, False, tr("NPS from n answers")),
            (-40.0, 0, True, tr("manual estimate")),
        ):
            text = nps_text(value, n, manual)
            w = fm.horizontalAdvance(text) + 12
            mark = NpsMark(value, n, manual, text, style.nps_colour(value), "", w)

            def badge(p: QPainter, x: float, cy: float, mark: NpsMark = mark) -> None:
                draw_nps_badge(p, mark, QRectF(x, cy - 7.5, mark.width, 15), self._badge_font)

            out.append(self._text_entry(caption, w + 6, badge))
        return out

    # ------------------------------------------------------------- samples
    def _draw_scale(self, p: QPainter, x: float, cy: float) -> None:
        from PySide6.QtGui import QLinearGradient  # its enums cost ~1 ms at start-up

        bar = QRectF(x, cy - 9, 150, 8)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        for t in (0, 0.25, 0.5, 0.75, 1):
            gradient.setColorAt(t, style.nps_colour(-100 + 200 * t))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(gradient))
        p.drawRoundedRect(bar, 2, 2)
        p.setPen(style.TEXT_MUTED)
        p.setFont(self._small)
        fm = QFontMetricsF(self._small)
        base = bar.bottom() + 2 + fm.ascent()
        for t, text in ((0.0, MINUS + "100"), (0.5, "0"), (1.0, "+100")):
            w = fm.horizontalAdvance(text)
            tx = bar.left() + t * bar.width() - w * t
            p.drawText(QPointF(tx, base), text)

    def _draw_curve_sample(self, p: QPainter, x: float, cy: float) -> None:
        path = QPainterPath(QPointF(x, cy + 5))
        path.cubicTo(QPointF(x + 10, cy + 5), QPointF(x + 14, cy - 6), QPointF(x + 24, cy - 6))
        path.cubicTo(QPointF(x + 30, cy - 6), QPointF(x + 32, cy + 1), QPointF(x + 38, cy + 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        pen = QPen(style.EMOTION_LINE, 2.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawPath(path)
        p.setPen(QPen(style.EMOTION_LINE, 1.6))
        p.setBrush(level_colour(1))
        p.drawEllipse(QPointF(x + 24, cy - 6), 4.5, 4.5)

    def _draw_dot_sample(self, p: QPainter, x: float, cy: float) -> None:
        p.setPen(QPen(style.PAPER, 0.9))
        p.setBrush(level_colour(-1))
        p.drawEllipse(QPointF(x + 4, cy), 3.6, 3.6)

    def _draw_zero_sample(self, p: QPainter, x: float, cy: float) -> None:
        p.setPen(QPen(style.TEXT_MUTED, 1.0, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, cy), QPointF(x + 24, cy))

    def _draw_photo_sample(self, p: QPainter, x: float, cy: float) -> None:
        from journeymap.ui.scene.photo_overlay import draw_count

        rect = QRectF(x, cy - 11, 22, 22)
        p.setPen(QPen(style.CARD_BORDER, 1))
        p.setBrush(style.sensation_colour("positive").lighter(150))
        p.drawRoundedRect(rect, 3, 3)
        draw_count(p, rect.adjusted(0, 0, 4, 4), 3)

    def _draw_star_sample(self, p: QPainter, x: float, cy: float) -> None:
        draw_star(p, QPointF(x + 7, cy), 6.5, style.STAR, style.STAR_EDGE)

    # ------------------------------------------------------------- painting
    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(0, 0, *self._size)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        rect = self.boundingRect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setPen(QPen(style.CARD_BORDER, 1))
        painter.setBrush(style.PAPER)
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.setPen(style.TEXT)
        painter.setFont(self._title_font)
        fm = QFontMetricsF(self._title_font)
        painter.drawText(QPointF(self.PAD, self.PAD + fm.ascent()), tr("Legend"))
        lfm = QFontMetricsF(self._label_font)
        y = self.PAD + self.TITLE_H
        for label, entries in self._rows:
            cy = y + self.ROW_H / 2
            painter.setPen(QPen(style.GRID_LINE, 1))
            painter.drawLine(QPointF(self.PAD, y), QPointF(rect.right() - self.PAD, y))
            painter.setFont(self._label_font)
            painter.setPen(style.TEXT)
            painter.drawText(QPointF(self.PAD, cy + (lfm.ascent() - lfm.descent()) / 2), label)
            x = self.PAD + self._label_w
            for w, draw in entries:
                painter.save()
                draw(painter, x, cy)
                painter.restore()
                x += w + self.GAP
            y += self.ROW_H
