"""Presentation mode (View ▸ Present, F5): the map full screen, its title first, then stage by stage.

A second view on the canvas's own scene, so what is presented is the map as
it is, with the overlays currently shown. Step 0 fits the whole map (title
block and persona on top); each next step zooms to one stage column, headers
to the bottom of the last lane (and the emotion curve when shown), while the
lane names stay pinned down the left edge of the screen so every stage slide
still says which row is which. A stage too tall to read on one screen is
shown from its top and scrolled by Down, Page Down, Space or a click before
the next stage comes; Right and Left always go to the next or previous stage,
Home and End to the title and the last stage; Esc leaves. With a second screen attached the
presentation opens there, leaving the laptop's screen to the presenter.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QGuiApplication, QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from journeymap.ui.scene import style

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_N}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Backspace, Qt.Key.Key_P}
# Down, Page Down and Space show the rest of a stage taller than the screen first (what a clicker sends).
DOWN_KEYS = {Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space}
UP_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_PageUp}
LANE_STRIP_W = 190.0  # screen pixels of the pinned lane names on stage steps
PAD = 24.0  # scene units around a stage
MIN_STAGE_ZOOM = 0.75  # a stage taller than the screen at this zoom is shown from the top and scrolled


def tr(text: str) -> str:
    return QCoreApplication.translate("Presentation", text)


class PresentationView(QGraphicsView):
    """Full-screen, read-only view of a map scene that steps through the title and the stages."""

    stepChanged = Signal(int)
    finished = Signal()

    def __init__(self, scene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.setWindowTitle(tr("Presentation"))
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setInteractive(False)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setBackgroundBrush(QColor("#FFFFFF"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.step = 0
        self.offset = 0.0  # scene units scrolled down a stage taller than the screen
        # No selection on the big screen (restored on leaving). Not the export mode: the canvas's
        # cached card stamps keep every step fast on a 2,000-card map.
        self._selected = list(scene.selected_ids()) if hasattr(scene, "selected_ids") else []
        scene.clearSelection()
        layout_changed = getattr(scene, "layoutChanged", None)
        if layout_changed is not None:
            layout_changed.connect(self._refit)

    # ------------------------------------------------------------ steps
    def step_count(self) -> int:
        return 1 + len(self.scene().grid.stage_ids)

    def step_rect(self, step: int) -> QRectF:
        """The scene rectangle shown at *step*: the whole map, or one stage with its lanes."""
        scene = self.scene()
        if step == 0:
            return scene.content_rect()
        grid = scene.grid
        sid = grid.stage_ids[step - 1]
        bottom = grid.grid_bottom
        emotion = getattr(scene, "emotion_item", None)
        if emotion is not None and emotion.isVisible():
            bottom = max(bottom, emotion.sceneBoundingRect().bottom())
        x = grid.col_x[sid]
        return QRectF(x - PAD, grid.grid_top - PAD, style.COL_W + 2 * PAD, bottom - grid.grid_top + 2 * PAD)

    def go_to(self, step: int) -> None:
        step = max(0, min(self.step_count() - 1, step))
        self.step = step
        self.offset = 0.0
        self._refit()
        self.stepChanged.emit(step)

    def next(self) -> None:
        if self.step + 1 < self.step_count():
            self.go_to(self.step + 1)

    def previous(self) -> None:
        if self.step > 0:
            self.go_to(self.step - 1)

    def _hidden_below(self) -> float:
        """Scene units of the current stage below the screen (0 when it fits)."""
        if not self.step:
            return 0.0
        visible = self.viewport().height() / max(self.transform().m11(), 1e-6)
        return max(0.0, self.step_rect(self.step).height() - visible - self.offset)

    def scroll_or_next(self) -> None:
        """Down: the rest of a tall stage first, then the next stage."""
        below = self._hidden_below()
        if below > 1:
            self.offset += min(below, 0.8 * self.viewport().height() / self.transform().m11())
            self._refit()
        else:
            self.next()

    def scroll_or_previous(self) -> None:
        if self.offset > 0:
            self.offset = max(0.0, self.offset - 0.8 * self.viewport().height() / self.transform().m11())
            self._refit()
        else:
            self.previous()

    def _refit(self) -> None:
        if self.step >= self.step_count():
            self.step = self.step_count() - 1
        rect = self.step_rect(self.step)
        if rect.isEmpty():
            return
        # Room around the map, so the first and last stages can be centred too.
        whole = self.scene().content_rect()
        self.setSceneRect(whole.adjusted(-whole.width() - 4000, -whole.height() - 4000, whole.width() + 4000,
                                         whole.height() + 4000))
        self.resetTransform()
        margins = self.viewport().rect()
        room_w = margins.width() - (LANE_STRIP_W if self.step else 0)
        factor = min(room_w / rect.width(), margins.height() / rect.height())
        if self.step:
            factor = max(factor, min(MIN_STAGE_ZOOM, room_w / rect.width()))
        if factor <= 0:
            return
        self.scale(factor, factor)
        coarse = getattr(self.scene(), "coarse", None)
        if coarse is not None:  # zoomed out on a big map: its cards as one image, unless another view is close
            coarse.refresh()
        centre = rect.center()
        if self.step:  # leave the left strip to the pinned lane names; a tall stage starts at its top
            visible_h = margins.height() / factor
            if rect.height() > visible_h:
                self.offset = min(self.offset, rect.height() - visible_h)
                centre = QPointF(centre.x(), rect.top() + self.offset + visible_h / 2)
            centre = QPointF(centre.x() - LANE_STRIP_W / 2 / factor, centre.y())
        self.centerOn(centre)
        self.viewport().update()

    # ------------------------------------------------------------ painting
    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt API
        if not self.step:
            return
        scene = self.scene()
        grid = scene.grid
        painter.save()
        painter.resetTransform()
        height = self.viewport().height()
        # The neighbouring stages stay in sight, behind a veil: the eye goes to this one.
        focus = self.mapFromScene(self.step_rect(self.step).adjusted(PAD - 1, 0, 1 - PAD, 0)).boundingRect()
        veil = QColor(255, 255, 255, 205)
        painter.fillRect(QRectF(0, 0, max(0, focus.left()), height), veil)
        painter.fillRect(QRectF(focus.right(), 0, self.viewport().width() - focus.right(), height), veil)
        painter.fillRect(QRectF(0, 0, LANE_STRIP_W, height), QColor("#F4F6F9"))
        painter.fillRect(QRectF(LANE_STRIP_W - 3, 0, 3, height), style.LANE_ACCENT)
        font = style.font(15.0, bold=True)
        fm = QFontMetricsF(font)
        painter.setFont(font)
        painter.setPen(style.TEXT)
        for lane in scene.lanes:
            if lane.id not in grid.row_y:
                continue
            top = self.mapFromScene(QPointF(0, grid.row_y[lane.id])).y()
            bottom = self.mapFromScene(QPointF(0, grid.row_y[lane.id] + grid.row_h[lane.id])).y()
            painter.setPen(QColor(style.GRID_LINE))
            painter.drawLine(QPointF(0, bottom), QPointF(LANE_STRIP_W - 3, bottom))
            painter.setPen(style.TEXT)
            band = QRectF(16, max(top, 0) + 8, LANE_STRIP_W - 28, max(fm.height(), bottom - max(top, 0) - 16))
            painter.drawText(band, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             lane.name)
        counter = tr("%1 / %2").replace("%1", str(self.step)).replace("%2", str(self.step_count() - 1))
        small = style.font(11.0)
        painter.setFont(small)
        painter.setPen(style.TEXT_MUTED)
        painter.drawText(QRectF(0, height - 34, LANE_STRIP_W - 12, 28),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, counter)
        painter.restore()

    # ------------------------------------------------------------ input
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key in NEXT_KEYS:
            self.next()
        elif key in PREVIOUS_KEYS:
            self.previous()
        elif key in DOWN_KEYS:
            self.scroll_or_next()
        elif key in UP_KEYS:
            self.scroll_or_previous()
        elif key == Qt.Key.Key_Home:
            self.go_to(0)
        elif key == Qt.Key.Key_End:
            self.go_to(self.step_count() - 1)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self.scroll_or_next()
        elif event.button() == Qt.MouseButton.RightButton:
            self.scroll_or_previous()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.angleDelta().y() < 0:
            self.scroll_or_next()
        elif event.angleDelta().y() > 0:
            self.scroll_or_previous()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._refit()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        scene = self.scene()
        if scene is not None:
            layout_changed = getattr(scene, "layoutChanged", None)
            if layout_changed is not None:
                try:
                    layout_changed.disconnect(self._refit)
                except (RuntimeError, TypeError):
                    pass
            if self._selected and hasattr(scene, "select_ids"):
                scene.select_ids(self._selected, ensure_visible=False)
        self.finished.emit()
        super().closeEvent(event)


def presentation_screen(window: QWidget | None):
    """The screen to present on: another screen than the editor's when there is one."""
    screens = QGuiApplication.screens()
    current = window.screen() if window is not None else QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not current]
    return others[0] if others else current


def start_presentation(scene, window: QWidget | None = None, full_screen: bool = True) -> PresentationView:
    """Open presentation mode on *scene*, full screen on the presenting screen, at the title step."""
    view = PresentationView(scene)
    screen = presentation_screen(window)
    if screen is not None:
        view.setScreen(screen)
        view.setGeometry(screen.geometry())
    if full_screen:
        view.showFullScreen()
    else:
        view.show()
    view.activateWindow()
    view.setFocus()
    view.go_to(0)
    return view
