"""Grid background, stage and lane headers, title block, drop indicator, inline editor."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetricsF, QKeyEvent, QPainter, QPainterPath, QPen, QTextCursor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem, QStyleOptionGraphicsItem, QWidget

from journeymap.domain.model import JourneyMap, Lane, Stage
from journeymap.ui.scene import lane_kinds, style
from journeymap.ui.scene.card_item import wrap_lines

if TYPE_CHECKING:
    from journeymap.ui.scene.map_scene import MapScene

STAGE_HEADER_TYPE = QGraphicsItem.UserType + 2
LANE_HEADER_TYPE = QGraphicsItem.UserType + 3


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MapScene", text)




class GridItem(QGraphicsItem):
    """Lane bands and column rules behind the cards (one item, repainted on relayout)."""

    def __init__(self, scene: MapScene):
        super().__init__()
        self._scene = scene
        self._rect = QRectF()
        self.setZValue(-10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def relayout(self) -> None:
        self.prepareGeometryChange()
        layout = self._scene.grid
        self._rect = layout.grid_rect.adjusted(-2, -2, 2, 2)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        layout = self._scene.grid
        rows = layout.rows_rect
        x0 = layout.origin.x() + style.LANE_HEADER_W
        painter.setPen(Qt.PenStyle.NoPen)
        # paper under the whole grid
        painter.setBrush(style.PAPER)
        painter.drawRect(QRectF(x0, rows.top(), layout.grid_right - x0, rows.height()))
        for i, lid in enumerate(layout.lane_ids):
            r = layout.row_rect(lid)
            painter.fillRect(
                QRectF(x0, r.top(), r.right() - x0, r.height()), style.BAND_ODD if i % 2 else style.BAND_EVEN
            )
        pen = QPen(style.GRID_LINE, 1.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        for sid in layout.stage_ids[1:]:
            x = layout.col_x[sid]
            painter.drawLine(QPointF(x, rows.top()), QPointF(x, rows.bottom()))
        for lid in layout.lane_ids[1:]:
            y = layout.row_y[lid]
            painter.drawLine(QPointF(layout.origin.x(), y), QPointF(layout.grid_right, y))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(layout.origin.x(), rows.top(), layout.grid_right - layout.origin.x(), rows.height()))


class TitleBlockItem(QGraphicsItem):
    """Map title and persona, top-left: part of every export."""

    def __init__(self, scene: MapScene):
        super().__init__()
        self._scene = scene
        self.journey_map: JourneyMap | None = None
        self.overall: Any = None  # domain.metrics.NpsSummary of the map's overall NPS answers
        self.personas: list = []
        self.reserved_right = 0.0  # room kept for the persona cards at the right
        self._rect = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_map(self, journey_map: JourneyMap | None) -> None:
        self.journey_map = journey_map
        doc = self._scene.doc
        self.personas = doc.map_personas(journey_map.id) if journey_map is not None and doc is not None else []
        self.update()

    def set_overall(self, summary: Any) -> None:
        """The map's overall (relationship) NPS from a survey, shown after the persona line."""
        if summary != self.overall:
            self.overall = summary
            self.update()

    def relayout(self) -> None:
        self.prepareGeometryChange()
        self._rect = self._scene.grid.title_rect
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        m = self.journey_map
        if m is None:
            return
        r = self._rect.adjusted(0, 0, -self.reserved_right, 0)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        title_font = style.map_title_font()
        fm = QFontMetricsF(title_font)
        painter.setFont(title_font)
        painter.setPen(style.TEXT)
        y = r.top() + fm.ascent() + 4
        painter.drawText(QPointF(r.left(), y), fm.elidedText(m.title, Qt.TextElideMode.ElideRight, r.width()))
        pf = style.persona_font()
        pfm = QFontMetricsF(pf)
        y += fm.descent() + 8 + pfm.ascent()
        # The persona cards show the personas; without room for them, their names.
        parts = [] if self.reserved_right else [_tr("Persona: %1").replace("%1", p.name) for p in self.personas]
        if m.persona_name:
            parts.append(_tr("Persona: %1").replace("%1", m.persona_name))
        if m.persona_description:
            parts.append(m.persona_description)
        elif m.description:
            parts.append(m.description)
        if parts:
            painter.setFont(pf)
            painter.setPen(style.TEXT_MUTED)
            text = "  —  ".join(parts)
            painter.drawText(QPointF(r.left(), y), pfm.elidedText(text, Qt.TextElideMode.ElideRight, r.width()))
        o = self.overall
        if o is not None and o.n:
            painter.setFont(pf)
            painter.setPen(style.TEXT)
            text = _tr(QT_TRANSLATE_NOOP("MapScene", "Overall NPS %1 (n = %2)"))
            text = text.replace("%1", f"{o.nps:+.0f}").replace("%2", f"{o.n:,}")
            x = r.left() + (pfm.horizontalAdvance("  —  ".join(parts)) + 24 if parts else 0)
            if x + pfm.horizontalAdvance(text) > r.right():
                x = r.right() - pfm.horizontalAdvance(text)
            painter.drawText(QPointF(max(r.left(), x), y), text)


class _HeaderBase(QGraphicsItem):
    """Shared behaviour: click to make current, double-click to rename, drag to reorder."""

    kind = ""

    def __init__(self, scene: MapScene):
        super().__init__()
        self._scene = scene
        self._rect = QRectF()
        self.current = False
        self.hovered = False
        self.setAcceptHoverEvents(True)
        self.setZValue(5)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    @property
    def object_id(self) -> int:
        raise NotImplementedError

    def set_rect(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)
            self.update()

    def header_rect(self) -> QRectF:
        return self._rect

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-2, -2, 2, 2)

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self.hovered = False
        self.update()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._scene.header_pressed(self, event.scenePos())
            event.accept()
        else:
            event.ignore()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        self._scene.header_dragged(self, event.scenePos())

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        self._scene.header_released(self, event.scenePos())

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._scene.rename_header(self.kind, self.object_id)
            event.accept()

    def _paint_focus(self, painter: QPainter, rect: QRectF, radius: float) -> None:
        if self.current and not self._scene.export_mode:
            pen = QPen(style.ACCENT, 2.0)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), radius, radius)


class StageHeaderItem(_HeaderBase):
    kind = "stage"

    def __init__(self, scene: MapScene, stage: Stage):
        super().__init__(scene)
        self.stage = stage
        self.count = 0

    def type(self) -> int:
        return STAGE_HEADER_TYPE

    @property
    def object_id(self) -> int:
        return self.stage.id  # type: ignore[return-value]

    def set_stage(self, stage: Stage, count: int) -> None:
        self.stage = stage
        self.count = count
        self.setToolTip(stage.name)
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        r = self._rect.adjusted(2, 0, -2, 0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        colour = QColor(self.stage.colour) if QColor.isValidColorName(self.stage.colour) else QColor("#4C72B0")
        if self.hovered and not self._scene.export_mode:
            colour = colour.lighter(108)
        path = QPainterPath()
        path.addRoundedRect(r, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(path)
        fg = style.text_on(colour)
        painter.setPen(fg)
        f = style.stage_font()
        fm = QFontMetricsF(f)
        painter.setFont(f)
        count_text = str(self.count)
        cf = style.card_meta_font()
        cfm = QFontMetricsF(cf)
        count_w = cfm.horizontalAdvance(count_text) + 12
        text_w = r.width() - 24 - count_w
        lines = wrap_lines(self.stage.name, f, text_w, 2)
        total = len(lines) * fm.lineSpacing()
        y = r.center().y() - total / 2 + fm.ascent()
        for line in lines:
            painter.drawText(QPointF(r.left() + 12, y), line)
            y += fm.lineSpacing()
        # card count pill
        pill = QRectF(r.right() - 10 - count_w, r.center().y() - 8, count_w, 16)
        pill_colour = QColor(fg)
        pill_colour.setAlpha(45)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pill_colour)
        painter.drawRoundedRect(pill, 8, 8)
        painter.setPen(fg)
        painter.setFont(cf)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, count_text)
        self._paint_focus(painter, r, 6)


class LaneHeaderItem(_HeaderBase):
    kind = "lane"

    def __init__(self, scene: MapScene, lane: Lane, index: int):
        super().__init__(scene)
        self.lane = lane
        self.index = index

    def type(self) -> int:
        return LANE_HEADER_TYPE

    @property
    def object_id(self) -> int:
        return self.lane.id  # type: ignore[return-value]

    def set_lane(self, lane: Lane, index: int) -> None:
        self.lane = lane
        self.index = index
        self.setToolTip(f"{lane.name}\n{lane_kinds.kind_label(lane.kind)}: {lane_kinds.kind_meaning(lane.kind)}")
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        r = self._rect
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        bg = style.LANE_HEADER_BG_ODD if self.index % 2 else style.LANE_HEADER_BG
        if self.hovered and not self._scene.export_mode:
            bg = bg.darker(104)
        painter.fillRect(r, bg)
        accent = QColor(self.lane.colour) if QColor.isValidColorName(self.lane.colour) else style.LANE_ACCENT
        painter.fillRect(QRectF(r.left(), r.top(), 4 if accent == style.LANE_ACCENT else 6, r.height()), accent)
        f = style.lane_font()
        fm = QFontMetricsF(f)
        kf = style.lane_kind_font()
        kfm = QFontMetricsF(kf)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        lines = wrap_lines(self.lane.name, f, r.width() - 28, 3)
        kind_label = lane_kinds.kind_label(self.lane.kind)
        show_kind = not lane_kinds.name_says_kind(self.lane.name, self.lane.kind)
        total = len(lines) * fm.lineSpacing() + (kfm.lineSpacing() + 2 if show_kind else 0)
        top = min(r.top() + style.CELL_PAD + 4, r.center().y() - total / 2)
        top = max(top, r.top() + 8)
        y = top + fm.ascent()
        painter.setFont(f)
        painter.setPen(style.TEXT)
        for line in lines:
            painter.drawText(QPointF(r.left() + 16, y), line)
            y += fm.lineSpacing()
        if show_kind:
            painter.setFont(kf)
            painter.setPen(style.TEXT_MUTED)
            painter.drawText(
                QPointF(r.left() + 16, y + 2 - fm.descent() + kfm.ascent() - kfm.ascent() + 2),
                kfm.elidedText(kind_label.upper(), Qt.TextElideMode.ElideRight, r.width() - 24),
            )
        self._paint_focus(painter, r, 0)


class DropIndicatorItem(QGraphicsItem):
    """Where a dragged card (or library item) will land: a tinted cell and an insertion line."""

    def __init__(self) -> None:
        super().__init__()
        self._cell = QRectF()
        self._line: tuple[QPointF, QPointF] | None = None
        self.setZValue(40)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.hide()

    def show_at(self, cell_rect: QRectF, line: tuple[QPointF, QPointF] | None) -> None:
        self.prepareGeometryChange()
        self._cell = QRectF(cell_rect)
        self._line = line
        self.show()
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        r = QRectF(self._cell)
        if self._line:
            r = r.united(QRectF(self._line[0], self._line[1]).normalized())
        return r.adjusted(-6, -6, 6, 6)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        tint = QColor(style.DROP)
        tint.setAlpha(22)
        painter.setPen(
            QPen(QColor(style.DROP.red(), style.DROP.green(), style.DROP.blue(), 110), 1.5, Qt.PenStyle.DashLine)
        )
        painter.setBrush(tint)
        painter.drawRect(self._cell.adjusted(2, 2, -2, -2))
        if self._line:
            a, b = self._line
            painter.setPen(QPen(style.DROP, 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(a, b)
            painter.setBrush(style.DROP)
            painter.setPen(Qt.PenStyle.NoPen)
            if a.y() == b.y():
                painter.drawEllipse(a, 4, 4)
                painter.drawEllipse(b, 4, 4)


class InlineEditor(QGraphicsTextItem):
    """Edits a title in place: Enter commits, Escape cancels, focus out commits."""

    def __init__(self, text: str, rect: QRectF, on_done: Callable[[str | None], None], font=None, multiline=False):
        super().__init__()
        self._done = on_done
        self._finished = False
        self._multiline = multiline
        self._rect = QRectF(rect)
        if font is not None:
            self.setFont(font)
        self.setDefaultTextColor(style.TEXT)
        self.setPlainText(text)
        self.setTextWidth(rect.width())
        self.setPos(rect.topLeft())
        self.setZValue(100)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        r = QRectF(0, 0, self._rect.width(), max(self._rect.height(), self.boundingRect().height()))
        painter.setPen(QPen(style.ACCENT, 1.5))
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRoundedRect(r.adjusted(-3, -3, 3, 3), 4, 4)
        super().paint(painter, option, widget)

    def text(self) -> str:
        return " ".join(self.toPlainText().split())

    def finish(self, commit: bool) -> None:
        if self._finished:
            return
        self._finished = True
        value = self.text() if commit else None
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.hide()
        # Removed on the next turn of the event loop: this may run inside our own focus-out event.
        QTimer.singleShot(0, self._remove)
        self._done(value)

    def _remove(self) -> None:
        try:
            scene = self.scene()
            if scene is not None:
                scene.removeItem(self)
        except RuntimeError:  # the scene was cleared first
            pass

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            self._multiline and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.finish(True)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.finish(False)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.finish(True)


class LayerItem(QGraphicsItem):
    """An empty parent for overlay items (emotion curve, annotations...)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.setZValue(30)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pass


def empty_map_hint() -> str:
    """The hint on a map without stages or lanes, naming the menu items as the menus show them."""

    def menu(*texts: str) -> str:
        return " ▸ ".join(QCoreApplication.translate("MainWindow", t).replace("&", "") for t in texts)

    return (
        QCoreApplication.translate("MapScene", "This map has no stages or lanes yet: use %1 and %2.")
        .replace("%1", menu("&Map", "Add &Stage"))
        .replace("%2", menu("&Map", "Add &Lane"))
    )


def draw_empty_map_hint(painter: QPainter, rect: QRectF) -> None:
    painter.setPen(style.TEXT_MUTED)
    painter.setFont(style.font(11))
    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, empty_map_hint())
