"""What a richer map adds to the scene: arrows, blueprint lines, persona cards, card markers.

``attach(scene)`` wires it all to a MapScene with a few hooks, so the scene
module keeps its one job (the grid and its cards). Everything here draws
through the scene, so the canvas and the PNG/SVG/PDF exports show the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymap.domain.model import BlueprintLine, Evidence, LaneKind, Persona
from journeymap.ui.scene import style
from journeymap.ui.scene.connect_handle import paint_handle
from journeymap.ui.scene.connections import ConnectionLayer
from journeymap.ui.scene.lane_kinds import blueprint_label

if TYPE_CHECKING:
    from journeymap.ui.scene.card_item import CardItem
    from journeymap.ui.scene.map_scene import MapScene

PERSONA_W = 520.0
BLUEPRINT = QColor("#7A5AA6")

def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("RichMap", text, None, n)


def evidence_code(evidence: Evidence | str) -> str:
    """The short marker of a card's evidence (a few letters, translated)."""
    codes = {
        "survey": tr("SUR"),
        "interview": tr("INT"),
        "observation": tr("OBS"),
        "crm": tr("CRM"),
        "support": tr("TKT"),
        "competitor": tr("CMP"),
        "staff": tr("STF"),
    }
    return codes.get(str(evidence), "")


def waiting_text(minutes: float) -> str:
    if minutes < 1:
        return tr("<1 min")
    n = round(minutes)
    return tr("%n min", n)


# ------------------------------------------------------------- card markers
def paint_card_markers(painter: QPainter, card: CardItem) -> None:
    """Evidence and waiting-time pills on the top edge; a dashed border when not controllable."""
    tp = card.touchpoint
    pills: list[tuple[str, QColor]] = []
    if tp.evidence:
        pills.append((evidence_code(tp.evidence), QColor("#4B5B70")))
    if tp.waiting_minutes is not None:
        pills.append((waiting_text(tp.waiting_minutes), QColor("#A05A00")))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if not tp.controllable:
        pen = QPen(QColor("#8A6D3B"), 1.3, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        border = QRectF(1.5, 1.5, style.CARD_W - 3, style.CARD_H - 3)
        painter.drawRoundedRect(border, style.CARD_RADIUS, style.CARD_RADIUS)
        pills.append((tr("influence"), QColor("#8A6D3B")))
    if not pills:
        return
    f = style.font(6.5, bold=True)
    fm = QFontMetricsF(f)
    painter.setFont(f)
    x = style.CARD_W - 30
    for text, colour in pills:
        clock = colour.name() == "#a05a00"
        w = fm.horizontalAdvance(text) + 8 + (9 if clock else 0)
        rect = QRectF(x - w, -5.5, w, 11)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, 5.5, 5.5)
        painter.setPen(QPen(QColor("white"), 1.0))
        if clock:  # a small drawn clock: fonts may lack the emoji
            c = QPointF(rect.left() + 7.5, rect.center().y())
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(c, 3.3, 3.3)
            painter.drawLine(c, QPointF(c.x(), c.y() - 2.3))
            painter.drawLine(c, QPointF(c.x() + 1.8, c.y()))
            rect = rect.adjusted(9, 0, 0, 0)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        x = rect.left() - (13 if clock else 4)


def card_marker_tooltip(card: CardItem) -> str:
    tp = card.touchpoint
    parts = []
    if tp.expectation:
        parts.append(tr("Expectation: %1").replace("%1", tp.expectation))
    if tp.evidence:
        parts.append(tr("Evidence: %1").replace("%1", evidence_label(tp.evidence)))
    if tp.waiting_minutes is not None:
        parts.append(tr("Waiting time: %1").replace("%1", waiting_text(tp.waiting_minutes)))
    if not tp.controllable:
        parts.append(tr("Influenced, not controlled"))
    return "\n".join(parts)


def evidence_label(evidence: Evidence | str) -> str:
    labels = {
        "survey": tr("Survey"),
        "interview": tr("Interview"),
        "observation": tr("Observation"),
        "crm": tr("CRM data"),
        "support": tr("Support tickets"),
        "competitor": tr("Competitor review"),
        "staff": tr("Staff input"),
    }
    return labels.get(str(evidence), tr("None"))


# ------------------------------------------------------------ storyboard lanes
class Storyboard:
    """Cards of a photos lane show their first photo large (a storyboard frame)."""

    def __init__(self, scene: MapScene):
        self.scene = scene
        self._images: dict[int, QImage | None] = {}
        self._lanes: frozenset[int] = frozenset()

    def reset(self) -> None:
        self._images.clear()
        self._lanes = frozenset(lane.id for lane in self.scene.lanes if lane.kind == LaneKind.PHOTOS)

    def forget(self, ids: list[int]) -> None:
        for tid in ids:
            self._images.pop(tid, None)

    def image(self, card: CardItem) -> QImage | None:
        tid = card.touchpoint_id
        if tid not in self._images:
            img = None
            try:
                from journeymap.storage import attachments

                photos = attachments.attachments(self.scene.doc, tid)
                data = attachments.thumbnail(self.scene.doc, photos[0].sha256) if photos else None
            except Exception:  # noqa: BLE001 - a document without photos support, or a damaged blob
                data = None
            if data:
                loaded = QImage.fromData(data)
                img = None if loaded.isNull() else loaded
            self._images[tid] = img
        return self._images[tid]

    def paint(self, painter: QPainter, card: CardItem) -> None:
        if card.touchpoint.lane_id not in self._lanes:
            return
        img = self.image(card)
        if img is None:
            return
        rect = QRectF(0, 0, style.CARD_W, style.CARD_H)
        clip = QPainterPath()
        clip.addRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), style.CARD_RADIUS, style.CARD_RADIUS)
        painter.save()
        painter.setClipPath(clip)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        src = QRectF(0, 0, img.width(), img.height())
        scale = max(rect.width() / src.width(), rect.height() / src.height())
        w, h = rect.width() / scale, rect.height() / scale
        painter.drawImage(rect, img, QRectF((src.width() - w) / 2, (src.height() - h) / 2, w, h))
        band = QRectF(0, rect.height() - 22, rect.width(), 22)
        painter.fillRect(band, QColor(0, 0, 0, 150))
        f = style.card_meta_font()
        f.setBold(True)
        fm = QFontMetricsF(f)
        painter.setFont(f)
        painter.setPen(QColor("white"))
        painter.drawText(band.adjusted(8, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(card.touchpoint.title, Qt.TextElideMode.ElideRight, band.width() - 16))
        painter.restore()


# ------------------------------------------------------------ emotions lanes
SENSATION_LEVEL = {"positive": 1.0, "neutral": 0.0, "negative": -1.0}


class EmotionLanesItem(QGraphicsItem):
    """In a lane of kind "emotions", the curve of its cards' sensations across the stages.

    One point per stage that has cards there (their mean sensation), high for
    positive, low for negative, drawn behind the cards.
    """

    def __init__(self, scene: MapScene):
        super().__init__()
        self._scene = scene
        self._rect = QRectF()
        self.curves: dict[int, list[QPointF]] = {}
        # The mean sensation of each (stage, lane) cell of the emotions lanes that has cards:
        # kept, so an edit recounts its own cells and a relayout only re-places the points.
        self._levels: dict[tuple[int, int], float] = {}
        self._keys: dict[int, tuple] = {}  # lane id: (top, height, levels) its points were made for
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(2)

    def relayout(self, cells=None) -> None:
        """Recount the cells *cells* (None: all) of the emotions lanes, then place every curve's points."""
        scene, g = self._scene, self._scene.grid
        emotion_lanes = [lane.id for lane in scene.lanes if lane.kind == LaneKind.EMOTIONS and lane.id in g.row_y]
        if cells is None:
            self._levels = {}
            cells = [(sid, lid) for lid in emotion_lanes for sid in g.stage_ids]
        else:
            wanted = set(emotion_lanes)
            cells = [c for c in cells if c[1] in wanted]
        for cell in cells:
            cards = [scene.cards[t] for t in scene.cells.get(cell, ()) if t in scene.cards]
            if cards:
                self._levels[cell] = sum(SENSATION_LEVEL.get(str(c.touchpoint.sensation), 0.0)
                                         for c in cards) / len(cards)
            else:
                self._levels.pop(cell, None)
        curves: dict[int, list[QPointF]] = {}
        keys: dict[int, tuple] = {}
        for lid in emotion_lanes:
            top, h = g.row_y[lid], g.row_h[lid]
            levels = tuple((g.col_x[sid], level) for sid in g.stage_ids
                           if (level := self._levels.get((sid, lid))) is not None)
            if not levels:
                continue
            key = keys[lid] = (top, h, levels)
            if self._keys.get(lid) == key:  # the same curve where it was: not made again
                curves[lid] = self.curves[lid]
                continue
            curves[lid] = [QPointF(x + style.COL_W / 2, top + h / 2 - level * (h / 2 - 10)) for x, level in levels]
        rect = g.rows_rect
        if keys == self._keys and rect == self._rect:
            return  # nothing to redraw: no repaint of the whole grid after every move
        self.prepareGeometryChange()
        self.curves, self._keys, self._rect = curves, keys, rect
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for points in self.curves.values():
            path = QPainterPath(points[0])
            for a, b in zip(points, points[1:]):
                mid = (a.x() + b.x()) / 2
                path.cubicTo(QPointF(mid, a.y()), QPointF(mid, b.y()), b)
            painter.setPen(QPen(QColor(76, 114, 176, 150), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(76, 114, 176, 190))
            for p in points:
                painter.drawEllipse(p, 4, 4)


# ------------------------------------------------------------ blueprint lines
class BlueprintLinesItem(QGraphicsItem):
    """Service-blueprint lines under the lanes that ask for one, with their names."""

    def __init__(self, scene: MapScene):
        super().__init__()
        self._scene = scene
        self._rect = QRectF()
        self.lines: list[tuple[float, str]] = []
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(7)

    def relayout(self) -> None:
        g = self._scene.grid
        self.prepareGeometryChange()
        self.lines = [
            (g.row_y[lane.id] + g.row_h[lane.id], str(lane.line_below))
            for lane in self._scene.lanes
            if lane.line_below != BlueprintLine.NONE and lane.id in g.row_y
        ]
        self._rect = QRectF(g.origin.x(), g.rows_top - 10, g.grid_right - g.origin.x(), g.grid_bottom - g.rows_top + 20)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self.lines:
            return
        g = self._scene.grid
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        f = style.font(7.0, bold=True)
        fm = QFontMetricsF(f)
        painter.setFont(f)
        for y, kind in self.lines:
            pen = QPen(BLUEPRINT, 1.6, Qt.PenStyle.DashLine if kind != "internal" else Qt.PenStyle.DashDotLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(g.origin.x(), y), QPointF(g.grid_right, y))
            text = blueprint_label(kind).upper()
            w = fm.horizontalAdvance(text) + 10
            rect = QRectF(g.origin.x() + 8, y - fm.height() / 2 - 1, w, fm.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("white"))
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(BLUEPRINT)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


# --------------------------------------------------------------- persona cards
class PersonaCardsItem(QGraphicsItem):
    """The map's personas as cards at the right of the title block."""

    def __init__(self, scene: MapScene):
        super().__init__()
        self._scene = scene
        self.personas: list[Persona] = []
        self._images: dict[int, QImage] = {}
        self._rect = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(6)

    def refresh(self) -> None:
        map_id = self._scene.map_id
        self.personas = self._scene.doc.map_personas(map_id) if map_id is not None else []
        self._images = {}
        for p in self.personas:
            if p.photo:
                img = QImage.fromData(p.photo)
                if not img.isNull():
                    self._images[p.id] = img.scaled(
                        112, 112, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                        Qt.TransformationMode.SmoothTransformation,
                    )
        self.relayout()

    def width(self) -> float:
        return len(self.personas) * (PERSONA_W + 10)

    def relayout(self) -> None:
        r = self._scene.grid.title_rect
        w = self.width()
        self.prepareGeometryChange()
        self._rect = QRectF(r.right() - w, r.top() - 6, w, r.height() + 2) if w else QRectF()
        title = self._scene.title_item
        title.reserved_right = w + 16 if w else 0.0
        title.update()
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self.personas:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        x = self._rect.left() + 10
        for p in self.personas:
            self._paint_one(painter, p, QRectF(x, self._rect.top(), PERSONA_W, self._rect.height()))
            x += PERSONA_W + 10

    def _paint_one(self, painter: QPainter, p: Persona, r: QRectF) -> None:
        painter.setPen(QPen(QColor("#D5DBE3"), 1))
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRoundedRect(r, 8, 8)
        photo = QRectF(r.left() + 8, r.top() + 8, 52, 52)
        img = self._images.get(p.id)
        clip = QPainterPath()
        clip.addEllipse(photo)
        if img is not None:
            painter.save()
            painter.setClipPath(clip)
            src = QRectF(0, 0, img.width(), img.height())
            side = min(src.width(), src.height())
            src = QRectF((src.width() - side) / 2, (src.height() - side) / 2, side, side)
            painter.drawImage(photo, img, src)
            painter.restore()
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#E3E8EF"))
            painter.drawEllipse(photo)
            painter.setPen(style.TEXT_MUTED)
            painter.setFont(style.font(16, bold=True))
            painter.drawText(photo, Qt.AlignmentFlag.AlignCenter, (p.name.strip()[:1] or "?").upper())
        left = photo.right() + 8
        width = r.right() - 8 - left
        y = r.top() + 5
        name_f = style.font(8.5, bold=True)
        italic = style.font(6.8)
        italic.setItalic(True)
        quote = tr("“%1”").replace("%1", p.quote) if p.quote else ""  # «…» in Spanish
        for text, f, colour in ((p.name, name_f, style.TEXT), (quote, italic, style.TEXT_MUTED)):
            if not text:
                continue
            fm = QFontMetricsF(f)
            painter.setFont(f)
            painter.setPen(colour)
            painter.drawText(QPointF(left, y + fm.ascent()), fm.elidedText(text, Qt.TextElideMode.ElideRight, width))
            y += fm.lineSpacing()
        # Goals and frustrations side by side, one item a line.
        head_f = style.font(6.5, bold=True)
        item_f = style.font(6.3)
        hm, im = QFontMetricsF(head_f), QFontMetricsF(item_f)
        col_w = (width - 10) / 2
        rows = max(1, int((r.bottom() - 4 - y - hm.lineSpacing()) // im.lineSpacing()))
        for i, (title, items, colour) in enumerate((
            (tr("Goals"), p.goals, QColor("#2E6B30")),
            (tr("Frustrations"), p.frustrations, QColor("#9B2C2C")),
        )):
            if not items:
                continue
            x = left + i * (col_w + 10)
            cy = y + 1
            painter.setFont(head_f)
            painter.setPen(colour)
            heading = hm.elidedText(title.upper(), Qt.TextElideMode.ElideRight, col_w)
            painter.drawText(QPointF(x, cy + hm.ascent()), heading)
            cy += hm.lineSpacing()
            painter.setFont(item_f)
            painter.setPen(style.TEXT)
            shown = items[:rows]
            for j, item in enumerate(shown):
                more = len(items) - len(shown)
                text = f"• {item}" + (f"  (+{more})" if j == len(shown) - 1 and more else "")
                painter.drawText(QPointF(x, cy + im.ascent()), im.elidedText(text, Qt.TextElideMode.ElideRight, col_w))
                cy += im.lineSpacing()


# ------------------------------------------------------------------- wiring
class RichMap:
    """The richer-map parts of one scene; the scene calls ``rebuild`` after its own and feeds
    connection, persona and card changes (``MapScene.apply_change``)."""

    def __init__(self, scene: MapScene):
        self.scene = scene
        self.blueprint = BlueprintLinesItem(scene)
        self.personas = PersonaCardsItem(scene)
        self.emotions = EmotionLanesItem(scene)
        scene.addItem(self.emotions)
        scene.addItem(self.blueprint)
        scene.addItem(self.personas)
        self.connections = ConnectionLayer(scene)
        self.storyboard = Storyboard(scene)
        scene.card_overlay_painters.append(self.storyboard.paint)
        scene.card_overlay_painters.append(paint_card_markers)
        scene.card_overlay_painters.append(paint_handle)
        scene.layoutChanged.connect(self._relayout)
        self.rebuild()

    def dispose(self) -> None:
        for slot in (self._relayout, self.connections.on_layout):
            try:
                self.scene.layoutChanged.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self.connections.clear()

    def rebuild(self) -> None:
        self.storyboard.reset()
        self.emotions.relayout()
        self.blueprint.relayout()
        self.personas.refresh()
        self.connections.rebuild()

    def cards_changed(self, ids) -> None:
        """Cards edited (a sensation...): their storyboard photo is re-read, an emotions curve redrawn."""
        self.storyboard.forget(ids)
        if self.emotions.curves or any(lane.kind == LaneKind.EMOTIONS for lane in self.scene.lanes):
            cards = self.scene.cards
            self.emotions.relayout({cards[t].cell for t in ids if t in cards})

    def _relayout(self) -> None:
        self.emotions.relayout(self.scene.layout_cells)
        self.blueprint.relayout()
        self.personas.relayout()
