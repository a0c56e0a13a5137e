"""Card overlays of the voice of the customer: compare ▲/▼, monthly NPS sparkline, pinned quote.

``VoiceMarks`` hangs one painter on a scene's ``card_overlay_painters``; it
reads its numbers from the document once per change (services.compare,
storage.survey_queries) and draws only cards whose overlay is on:

* ``compare``: ``▲ +12`` / ``▼ −8`` at the card's top right, B minus A of the
  two sides chosen in View ▸ Compare; **bold** and in colour only when the
  difference is significant (adjusted-Wald test at 95 %), grey otherwise.
* ``trend``: a sparkline of monthly NPS (last 12 months with answers) in the
  footer; a month whose change from the previous one is significant gets a dot.
* ``quotes``: the first pinned quote, in italics, under a one-line title.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from journeymap.domain.metrics import NpsSummary, compare_nps
from journeymap.services.compare import Side, compare
from journeymap.storage import DocumentError
from journeymap.storage.quotes import quotes as quotes_of
from journeymap.storage.quotes import quotes_of_touchpoints
from journeymap.storage.survey_queries import monthly_counts
from journeymap.ui.scene import style
from journeymap.ui.scene.overlays import MINUS

if TYPE_CHECKING:  # pragma: no cover
    from journeymap.ui.scene.card_item import CardItem
    from journeymap.ui.scene.map_scene import MapScene

VOICE_OVERLAYS = ("compare", "trend", "quotes")
UP, DOWN = "\u25b2", "\u25bc"
GOOD = QColor("#1f77b4")
BAD = QColor("#e66101")
MUTED = QColor("#7b8794")
SPARK_MONTHS = 12


def delta_text(delta: float) -> str:
    arrow = UP if delta > 0 else DOWN if delta < 0 else "="
    value = f"{abs(delta):.0f}"
    sign = "" if float(value) == 0 else ("+" if delta > 0 else MINUS)
    return f"{arrow} {sign}{value}"


class VoiceMarks(QObject):
    """Per-scene data and painter of the three overlays (see the module docstring).

    A child of the scene, so its connections to the session end with the scene.
    """

    def __init__(self, scene: MapScene):
        super().__init__(scene)
        self.scene = scene
        self.sides: tuple[Side, Side] | None = None
        self._compare: dict[int, tuple[float | None, bool]] | None = None
        self._trend: dict[int, list[tuple[float, bool]]] | None = None
        self.quotes: dict[int, list[str]] = {}
        scene.card_overlay_painters.append(self.paint)
        session = scene.session
        session.metricsChanged.connect(self.invalidate)
        session.currentMapChanged.connect(self._map_changed)
        session.touchpointsChanged.connect(self._touchpoints_changed)
        self.reload_quotes()

    def _map_changed(self, _map_id: int) -> None:
        self.reload_quotes()
        self.invalidate()

    def _touchpoints_changed(self, ids: list[int]) -> None:
        """Re-read the quotes of these cards only (of all of them, a query over the whole map, for big edits)."""
        if len(ids) > 500:
            self.reload_quotes()
            return
        try:
            found = quotes_of_touchpoints(self.scene.session.document, list(ids))
        except DocumentError:
            found = {}
        for tid in ids:
            if tid in found:
                self.quotes[tid] = [q.text for q in found[tid]]
            else:
                self.quotes.pop(tid, None)
        if set(VOICE_OVERLAYS) & self.scene.overlays:
            cards = self.scene.cards
            for tid in ids:
                if tid in cards:
                    cards[tid].update()

    # ------------------------------------------------------------------ data
    def invalidate(self) -> None:
        self._compare = None
        self._trend = None
        self._update_cards()

    def set_sides(self, sides: tuple[Side, Side] | None) -> None:
        self.sides = sides
        self._compare = None
        self._update_cards()

    def reload_quotes(self) -> None:
        doc, map_id = self.scene.session.document, self.scene.session.map_id
        try:
            self.quotes = {} if map_id is None else {
                tid: [q.text for q in qs] for tid, qs in quotes_of(doc, map_id).items()}
        except DocumentError:
            self.quotes = {}
        self._update_cards()

    def _update_cards(self) -> None:
        if set(VOICE_OVERLAYS) & self.scene.overlays:
            for card in self.scene.cards.values():
                card.update()

    def compare_marks(self) -> dict[int, tuple[float | None, bool]]:
        """Touchpoint id -> (delta B − A, significant)."""
        if self._compare is None:
            self._compare = {}
            session = self.scene.session
            if self.sides is not None and session.map_id is not None:
                try:
                    rows = compare(session.document, session.map_id, *self.sides)
                except DocumentError:
                    rows = []
                for r in rows:
                    if r.kind == "touchpoint":
                        diff = r.difference
                        self._compare[r.id] = (diff.delta, diff.significant)
        return self._compare

    def trend_marks(self) -> dict[int, list[tuple[float, bool]]]:
        """Touchpoint id -> monthly NPS of the last months with answers, each with 'significant change'."""
        if self._trend is None:
            self._trend = {}
            session = self.scene.session
            if session.map_id is not None:
                try:
                    months = monthly_counts(session.document, session.map_id, segment=session.segment)
                except DocumentError:
                    months = {}
                for tid, by_month in months.items():
                    points: list[tuple[float, bool]] = []
                    previous: NpsSummary | None = None
                    for month in sorted(by_month)[-SPARK_MONTHS:]:
                        summary = NpsSummary(*by_month[month])
                        changed = previous is not None and compare_nps(previous, summary).significant
                        points.append((float(summary.nps or 0.0), changed))
                        previous = summary
                    if len(points) >= 2:
                        self._trend[tid] = points
        return self._trend

    # ------------------------------------------------------------ painting
    def paint(self, painter: QPainter, card: CardItem) -> None:
        overlays = self.scene.overlays
        if not set(VOICE_OVERLAYS) & overlays:
            return
        tid = card.touchpoint_id
        mark = self.compare_marks().get(tid) if "compare" in overlays else None
        pill = self._pill_rect(card, mark[0], mark[1]) if mark is not None and mark[0] is not None else None
        if "quotes" in overlays and self.quotes.get(tid):
            self._paint_quote(painter, card, self.quotes[tid][0], 0.0 if pill is None else pill.width() + 4)
        if "trend" in overlays:
            points = self.trend_marks().get(tid)
            if points:
                self._paint_sparkline(painter, card, points)
        if pill is not None and mark is not None and mark[0] is not None:
            self._paint_delta(painter, pill, mark[0], mark[1])

    @staticmethod
    def _pill_rect(card: CardItem, delta: float, significant: bool) -> QRectF:
        """Right-aligned just above the footer's NPS badge: clear of the title's first two lines."""
        fm = QFontMetricsF(style.font(7.5, bold=significant))
        w, h = fm.horizontalAdvance(delta_text(delta)) + 10, 14.0
        rect = card.card_rect()
        return QRectF(rect.right() - 6 - w, rect.bottom() - 35, w, h)

    def _paint_delta(self, painter: QPainter, pill: QRectF, delta: float, significant: bool) -> None:
        font = style.font(7.5, bold=significant)
        text = delta_text(delta)
        h = pill.height()
        colour = (GOOD if delta > 0 else BAD) if significant else MUTED
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(colour, 1.2 if significant else 0.8))
        # Opaque (the title may run under it): a light tint of the colour on white.
        tint = QColor(*(255 - (255 - c) // 7 for c in (colour.red(), colour.green(), colour.blue())))
        painter.setBrush(tint if significant else style.CARD_BG)
        painter.drawRoundedRect(pill, h / 2, h / 2)
        painter.setPen(colour if significant else style.TEXT_MUTED)
        painter.setFont(font)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_sparkline(self, painter: QPainter, card: CardItem, points: list[tuple[float, bool]]) -> None:
        rect = card.card_rect()
        box = QRectF(style.STRIP_W + 26, rect.bottom() - 19, 52, 14)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.CARD_BG)
        painter.drawRect(box.adjusted(-2, -1, 2, 1))
        zero_y = box.center().y()
        painter.setPen(QPen(style.GRID_LINE, 0.8))
        painter.drawLine(QPointF(box.left(), zero_y), QPointF(box.right(), zero_y))
        step = box.width() / max(1, len(points) - 1)

        def at(i: int, value: float) -> QPointF:
            return QPointF(box.left() + i * step, zero_y - (value / 100.0) * (box.height() / 2))

        path = QPainterPath(at(0, points[0][0]))
        for i, (value, _sig) in enumerate(points[1:], start=1):
            path.lineTo(at(i, value))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(style.TEXT, 1.1))
        painter.drawPath(path)
        for i, (value, significant) in enumerate(points):
            if significant:
                up = value >= points[i - 1][0]
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(GOOD if up else BAD)
                painter.drawEllipse(at(i, value), 2.2, 2.2)

    def _paint_quote(self, painter: QPainter, card: CardItem, text: str, reserve_right: float = 0.0) -> None:
        rect = card.card_rect()
        tr = card.text_rect()
        top = tr.top() + (style.NPS_BAND_H - 2 if "nps" in self.scene.overlays else 0) + 17
        area = QRectF(tr.left(), top, tr.width() + 16 - reserve_right, rect.bottom() - 20 - top)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.CARD_BG)
        painter.drawRect(area.adjusted(-1, -1, 1, 0))
        font = QFont(style.font(8))
        font.setItalic(True)
        fm = QFontMetricsF(font)
        # In the language's quotation marks («…» in Spanish), like the deck and the exports.
        mark = QCoreApplication.translate("Voice", "“%1”", "a customer's quote")
        quoted = mark.replace("%1", " ".join(text.split()))
        lines = _wrap(quoted, fm, area.width(), max(1, int(area.height() // fm.lineSpacing())))
        painter.setFont(font)
        painter.setPen(style.TEXT_MUTED)
        y = area.top() + fm.ascent()
        for line in lines:
            painter.drawText(QPointF(area.left(), y), line)
            y += fm.lineSpacing()


def _wrap(text: str, fm: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if fm.horizontalAdvance(trial) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
        if len(lines) == max_lines:
            break
    if len(lines) < max_lines and line:
        lines.append(line)
    if len(lines) == max_lines and " ".join(lines) != text:
        lines[-1] = fm.elidedText(lines[-1] + " …", Qt.TextElideMode.ElideRight, width)
    return lines[:max_lines]
