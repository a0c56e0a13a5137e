"""The "Flows" overlay: the journey customers really took, drawn over the map (issue 22).

From the map's event logs (``storage.events_sql.map_flows``):

* an arrow from card to card for every frequent transition, its width the
  customers who took it, labelled with their number;
* believed vs observed, against the connections drawn on the map: a frequent
  flow that no drawn connection shows is orange and marked "not drawn"; a drawn
  connection that almost nobody takes is a grey dashed arrow marked "rarely taken";
  a drawn one customers do take is blue. Colour is never alone: the marks say it;
* a drop-off badge on each card where customers left ("↘ 50 · 33%": customers
  whose last event it was, and their share of those who came);
* a panel of the most common whole paths, right of the grid, with the key.

One item under the scene's overlay layer, so the canvas, PNG, SVG, PDF and the
deck draw exactly the same thing.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QStyleOptionGraphicsItem, QWidget

from journeymap import locale_format
from journeymap.domain.flows import Comparison, Flows, compare
from journeymap.storage.events_sql import drawn_connections, event_batches, map_flows
from journeymap.ui.scene import style

if TYPE_CHECKING:
    from journeymap.ui.scene.card_item import CardItem
    from journeymap.ui.scene.map_scene import MapScene

NAME = "flows"
MAX_ARROWS = 40  # the most frequent transitions drawn (a log of 40 touchpoints has hundreds)
MIN_SHARE = 0.01  # ... of at least this share of the customers
MIN_W, MAX_W = 1.5, 14.0  # arrow widths for the least and the most customers
PANEL_W = 360.0
PANEL_PATHS = 8
OBSERVED = QColor("#1F6FEB")  # drawn and taken
MISSING = QColor("#D35400")  # taken often, not drawn (orange of the diverging scale)
RARE = QColor("#7B8794")  # drawn, rarely taken
DROP_BG = QColor("#FDEBD0")
DROP_EDGE = QColor("#B9770E")
OUTCOME_BG = QColor("#EAF2FE")


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """With *n*: a numerus form, the language's plural chosen."""
    return QCoreApplication.translate("FlowOverlay", text, disambiguation, n)


class FlowOverlay:
    """The flows of the current map and the item that draws them."""

    def __init__(self, scene: MapScene):
        self.scene = scene
        self.flows = Flows()
        self.comparison = Comparison([], [], [])
        self.item = FlowsItem(self)
        self.item.setParentItem(scene.overlay_layer)
        self.item.hide()
        self._stale = True
        self._key: tuple = ()
        self._all = Flows()
        scene.overlaysChanged.connect(self._apply)
        scene.layoutChanged.connect(self._apply)
        scene.session.metricsChanged.connect(self._invalidate)
        scene.session.currentMapChanged.connect(self._invalidate)

    @property
    def shown(self) -> bool:
        return NAME in self.scene.overlays

    def _invalidate(self, *_args: object) -> None:
        self._stale = True
        if self.shown:
            self._apply()

    def reload(self) -> None:
        """Read the flows (stored with the batch: a few small queries) and compare them with the drawing."""
        doc, map_id = self.scene.doc, self.scene.map_id
        self._stale = False
        if map_id is None:
            self.flows, self.comparison = Flows(), Comparison([], [], [])
            return
        cards = {tp.id for tp in doc.touchpoints(map_id)}
        logs = set(event_batches(doc, map_id))
        # Logs never change once imported: several of them are aggregated again only when the set does
        # (a batch id can come back after a removal, hence its date and hash in the key).
        key = (map_id, tuple((b.id, b.imported_at, b.content_hash) for b in doc.batches(map_id) if b.id in logs))
        if key != self._key:
            self._all, self._key = map_flows(doc, map_id, sorted(logs)), key
        self.flows = self._all.restricted(cards)
        drawn = [(a, b) for a, b in drawn_connections(doc, map_id) if a in cards and b in cards]
        self.comparison = compare(self.flows, drawn)

    def _apply(self) -> None:
        if not self.shown:
            was = self.item.isVisible()
            self.item.hide()
            if was:
                self._fit_scene()
            return
        if self._stale:
            self.reload()
        self.item.relayout()
        self.item.show()
        self._fit_scene()

    def _fit_scene(self) -> None:
        """The panel widens the map: the scene rect (and exports) follow."""
        rect = self.scene.content_rect()
        if rect != self.scene.sceneRect():
            self.scene.setSceneRect(rect)

    def arrows(self) -> list[tuple[int, int, int, str]]:
        """(from, to, customers, kind) of what is drawn; kind: observed, missing or rare."""
        total = max(1, self.flows.customers)
        missing = {(t.from_id, t.to_id) for t in self.comparison.missing}
        confirmed = set(self.comparison.confirmed)
        out = []
        for t in self.flows.transitions[: MAX_ARROWS * 2]:
            pair = (t.from_id, t.to_id)
            if t.customers < MIN_SHARE * total and pair not in confirmed:
                continue
            # Without any drawn connection there is nothing to disagree with: every flow is just observed.
            kind = "missing" if self.has_drawing and pair in missing else "observed"
            out.append((t.from_id, t.to_id, t.customers, kind))
            if len(out) >= MAX_ARROWS:
                break
        taken = {(a, b): n for a, b, n, _k in out}
        for pair in self.comparison.rarely_taken:
            out.append((pair[0], pair[1], taken.get(pair, 0), "rare"))
        return out

    @property
    def has_drawing(self) -> bool:
        return bool(self.comparison.confirmed or self.comparison.rarely_taken)


class FlowsItem(QGraphicsObject):
    """Arrows, drop-off badges and the paths panel (scene coordinates; sized to what it draws)."""

    def __init__(self, overlay: FlowOverlay):
        super().__init__()
        self.overlay = overlay
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, False)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(5)
        self._rect = QRectF()
        self._panel = QRectF()
        self._lines: list[tuple[str, QFont, QColor, QColor | None, float]] = []

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self._rect

    def panel_rect(self) -> QRectF:
        return QRectF(self._panel)

    def relayout(self) -> None:
        self.prepareGeometryChange()
        scene = self.overlay.scene
        grid = scene.grid.content_rect()
        self._lines = self._panel_lines()
        height = 20.0 + sum(h for *_x, h in self._lines)
        top = grid.top() + style.TITLE_H + style.TITLE_GAP
        self._panel = QRectF(grid.right() + style.MARGIN / 2, top, PANEL_W, height)
        self._rect = grid.united(self._panel).adjusted(-20, -20, 20, 20)
        self.update()

    def _panel_lines(self) -> list[tuple[str, QFont, QColor, QColor | None, float]]:
        """(text, font, colour, key colour, height) of the panel's lines, wrapped to its width."""
        flows = self.overlay.flows
        base = QFont()
        head, body, small = QFont(base), QFont(base), QFont(base)
        head.setPointSizeF(10.0)
        head.setBold(True)
        body.setPointSizeF(8.5)
        body.setBold(True)
        small.setPointSizeF(8.0)
        width = PANEL_W - 24
        out: list[tuple[str, QFont, QColor, QColor | None, float]] = []

        def add(text: str, font: QFont, colour: QColor = style.TEXT, key: QColor | None = None) -> None:
            w = width - (24 if key is not None else 0)
            r = QFontMetricsF(font).boundingRect(QRectF(0, 0, w, 1000), Qt.TextFlag.TextWordWrap, text)
            out.append((text, font, colour, key, r.height() + 3))

        add(tr("Flows: the journey customers took"), head)
        if flows.empty:
            add(tr("No event log imported into this map (Data ▸ Import Events…)."), small, style.TEXT_MUTED)
            return out
        customers = tr("%n customers", "", flows.customers)
        events = tr("%n events", "", flows.events)
        add(f"{customers} · {events}", small, style.TEXT_MUTED)
        add(tr("Most common paths"), body)
        titles = {tp_id: card.touchpoint.title for tp_id, card in self.overlay.scene.cards.items()}
        for p in flows.paths[:PANEL_PATHS]:
            share = locale_format.percent(100 * p.customers / max(1, flows.customers))
            steps = " → ".join(titles.get(s, "?") for s in p.steps)
            add(f"{locale_format.compact_count(p.customers)} ({share}): {steps}", small)
        add(tr("Arrow width: customers who went from one card to the next."), small, style.TEXT_MUTED)
        if self.overlay.has_drawing:  # believed (the drawn connections) vs observed
            add(tr("drawn and taken"), small, key=OBSERVED)
            add(tr("“not drawn”: frequent, but no drawn connection shows it"), small, key=MISSING)
            add(tr("“rarely taken”: drawn, but almost nobody takes it"), small, key=RARE)
        else:
            add(tr("taken (the map has no drawn connections to compare with)"), small, key=OBSERVED)
        add("↘ " + tr("on a card: customers whose last event it was (share of those who came)"), small)
        outcome = next(iter(flows.outcomes), None)
        if outcome is not None:
            add("✓ " + tr("on a card: share of those who came that later reached “%1”").replace("%1", outcome), small)
        return out

    # ------------------------------------------------------------- painting
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        overlay = self.overlay
        scene = overlay.scene
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        flows = overlay.flows
        arrows = overlay.arrows()
        top = max((n for *_x, n, _k in arrows), default=1) or 1
        for a, b, n, kind in sorted(arrows, key=lambda x: x[2]):
            src, dst = scene.cards.get(a), scene.cards.get(b)
            if src is None or dst is None or not src.isVisible() or not dst.isVisible():
                continue
            width = MIN_W + (MAX_W - MIN_W) * math.sqrt(n / top) if kind != "rare" else MIN_W
            self._arrow(painter, self._path(src, dst), width, kind, n)
        outcome = next(iter(flows.outcomes), None)  # the most common outcome (purchase, churn...)
        for tp_id, tp in flows.touchpoints.items():
            card = scene.cards.get(tp_id)
            if card is None or not card.isVisible():
                continue
            # Inside the card's bottom-right corner: the gaps between cards stay free for the arrows' labels.
            right = card.sceneBoundingRect().right() - 6
            if tp.drop_off:
                text = "↘ " + locale_format.compact_count(tp.drop_off) + " · " + locale_format.percent(
                    100 * tp.drop_off / max(1, tp.reach))
                right = self._corner(painter, card.sceneBoundingRect(), right, text, DROP_EDGE, DROP_BG)
            if outcome is not None:
                share = flows.outcome_share(tp_id, outcome) or 0.0
                self._corner(painter, card.sceneBoundingRect(), right, "✓ " + locale_format.percent(100 * share),
                             OBSERVED, OUTCOME_BG)
        self._paint_panel(painter)

    def _path(self, src: CardItem, dst: CardItem) -> tuple[QPainterPath, QPointF, QPointF]:
        """The arrow's path, the point its head points from, and where its label goes.

        A bow from well inside one card to well inside the other. Not the drawn connections'
        orthogonal routes through the gutters: most flows join neighbouring cards, whose gutter is
        20 units wide, and there a routed arrow is hidden under its own label.
        """
        a, b = src.sceneBoundingRect(), dst.sceneBoundingRect()
        a, b = _inner(a), _inner(b)
        start, end = _edge_point(a, b.center()), _edge_point(b, a.center())
        d = end - start
        length = math.hypot(d.x(), d.y()) or 1.0
        normal = QPointF(-d.y() / length, d.x() / length)
        control = (start + end) / 2 + normal * min(60.0, 0.18 * length)  # a bow: A->B and B->A apart
        path = QPainterPath(start)
        path.quadTo(control, end)
        return path, control, path.pointAtPercent(0.5)

    def _arrow(self, painter: QPainter, route: tuple[QPainterPath, QPointF, QPointF], width: float, kind: str,
               n: int) -> None:
        colour = {"missing": MISSING, "rare": RARE}.get(kind, OBSERVED)
        path, control, at = route
        end = path.currentPosition()
        pen = QPen(colour, width, Qt.PenStyle.DashLine if kind == "rare" else Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.FlatCap)
        faded = QColor(colour)
        faded.setAlphaF(0.55 if kind != "rare" else 0.9)
        pen.setColor(faded)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        # Arrowhead along the curve's last tangent.
        tangent = end - control
        tl = math.hypot(tangent.x(), tangent.y()) or 1.0
        ux, uy = tangent.x() / tl, tangent.y() / tl
        size = 8.0 + width * 0.8
        left = QPointF(end.x() - ux * size - uy * size * 0.55, end.y() - uy * size + ux * size * 0.55)
        right = QPointF(end.x() - ux * size + uy * size * 0.55, end.y() - uy * size - ux * size * 0.55)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([end, left, right]))
        label = locale_format.compact_count(n)
        if kind == "missing":
            label += " · " + tr("not drawn")
        elif kind == "rare":
            label = tr("rarely taken") + (f" · {label}" if n else "")
        self._pill(painter, at, label, colour)

    def _pill(self, painter: QPainter, at: QPointF, text: str, colour: QColor) -> None:
        font = QFont(painter.font())
        font.setPointSizeF(8.0)
        font.setBold(True)
        painter.setFont(font)
        fm = QFontMetricsF(font)
        w, h = fm.horizontalAdvance(text) + 10, fm.height() + 4
        rect = QRectF(at.x() - w / 2, at.y() - h / 2, w, h)
        painter.setPen(QPen(colour, 1.2))
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRoundedRect(rect, h / 2, h / 2)
        painter.setPen(style.TEXT)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _corner(self, painter: QPainter, card: QRectF, right: float, text: str, edge: QColor, fill: QColor) -> float:
        """A small badge ending at *right* along the card's bottom edge, inside it; returns where the next ends."""
        font = QFont(painter.font())
        font.setPointSizeF(7.0)
        font.setBold(True)
        painter.setFont(font)
        fm = QFontMetricsF(font)
        w, h = fm.horizontalAdvance(text) + 8, fm.height() + 2
        rect = QRectF(right - w, card.bottom() - h - 4, w, h)
        painter.setPen(QPen(edge, 1.0))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(style.TEXT)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        return rect.left() - 3

    def _paint_panel(self, painter: QPainter) -> None:
        rect = self._panel
        painter.setPen(QPen(style.CARD_BORDER, 1.0))
        painter.setBrush(style.PAPER)
        painter.drawRoundedRect(rect, 6, 6)
        x, y, width = rect.left() + 12, rect.top() + 10, rect.width() - 24
        for text, font, colour, key, height in self._lines:
            left = x
            if key is not None:
                pen = QPen(key, 3.0, Qt.PenStyle.DashLine if key == RARE else Qt.PenStyle.SolidLine)
                painter.setPen(pen)
                painter.drawLine(QPointF(x, y + 7), QPointF(x + 18, y + 7))
                left += 24
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawText(QRectF(left, y, width - (left - x), height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, text)
            y += height


def _inner(rect: QRectF) -> QRectF:
    return rect.adjusted(rect.width() * 0.3, rect.height() * 0.3, -rect.width() * 0.3, -rect.height() * 0.3)


def _edge_point(rect: QRectF, towards: QPointF) -> QPointF:
    """Where the line from the rectangle's centre towards a point leaves the rectangle."""
    c = rect.center()
    dx, dy = towards.x() - c.x(), towards.y() - c.y()
    if dx == 0 and dy == 0:
        return c
    sx = (rect.width() / 2) / abs(dx) if dx else math.inf
    sy = (rect.height() / 2) / abs(dy) if dy else math.inf
    s = min(sx, sy)
    return QPointF(c.x() + dx * s, c.y() + dy * s)
