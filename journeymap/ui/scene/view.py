"""The canvas view: zoom (Ctrl+wheel, Ctrl+plus/minus, fit), pan (space-drag, middle button), rubber band."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from journeymap.ui.scene import style

MIN_ZOOM = 0.1
MAX_ZOOM = 4.0
STEP = 1.2


class MapView(QGraphicsView):
    zoomChanged = Signal(float)
    # The viewport changed size (window resized, docks shown, hidden or resized).
    resized = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # Our own viewport widget, kept: Qt's ``viewport()`` returns a bare
        # ``QWidget*`` whose Python type PySide looks up among every QWidget
        # subclass on the first call (~6 ms of enum creation at start-up).
        self._viewport = QWidget()
        self.setViewport(self._viewport)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(style.BACKGROUND)
        self._space = False
        self._pan_from: QPoint | None = None
        from journeymap.ui.scene.touch import TouchNavigator

        self.touch = TouchNavigator(self)
        self._sticky = False
        self.zoomChanged.connect(self._zoomed)

    def _zoomed(self, _zoom: float) -> None:
        """Far out, the scene draws its cards as one image (``coarse.py``): it decides before the next paint."""
        coarse = getattr(self.scene(), "coarse", None)
        if coarse is not None:
            coarse.refresh()

    def viewport(self) -> QWidget:
        """The same widget Qt's ``viewport()`` returns, without PySide's type lookup."""
        return self._viewport

    # ------------------------------------------------------------------ zoom
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor_under_mouse: bool = False) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        old = self.transformationAnchor()
        if not anchor_under_mouse:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        scale = factor / self.zoom
        self.scale(scale, scale)
        self.setTransformationAnchor(old)
        self.zoomChanged.emit(self.zoom)

    def zoom_at(self, factor: float, viewport_pos: QPoint) -> None:
        """Zoom keeping the scene point under *viewport_pos* where it is (pinch)."""
        before = self.mapToScene(viewport_pos)
        old = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        scale = factor / self.zoom
        self.scale(scale, scale)
        delta = self.mapFromScene(before) - viewport_pos
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + delta.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + delta.y())
        self.setTransformationAnchor(old)
        self.zoomChanged.emit(self.zoom)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        from journeymap.ui.scene.sticky_headers import draw_sticky_headers

        draw_sticky_headers(self, painter)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        from journeymap.ui.scene.sticky_headers import sticky_offsets

        super().scrollContentsBy(dx, dy)
        sticky = sticky_offsets(self) != (0.0, 0.0)
        if sticky or self._sticky:
            self.viewport().update()  # the sticky headers follow the edges (and leave them)
        self._sticky = sticky

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / STEP)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def fit_to_window(self, max_zoom: float = 1.5) -> None:
        scene = self.scene()
        if scene is None:
            return
        rect: QRectF = scene.content_rect() if hasattr(scene, "content_rect") else scene.itemsBoundingRect()
        if rect.isEmpty():
            return
        view = self.viewport().rect()
        factor = min(view.width() / rect.width(), view.height() / rect.height())
        self.set_zoom(min(factor, max_zoom))
        self.centerOn(rect.center())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.resized.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y() or event.angleDelta().x()
            if delta:
                self.set_zoom(self.zoom * (1.0015**delta), anchor_under_mouse=True)
            event.accept()
            return
        super().wheelEvent(event)

    # ------------------------------------------------------------------- pan
    def _editing(self) -> bool:
        scene = self.scene()
        return scene is not None and getattr(scene, "inline_editor", None) is not None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not self._editing():
            if not event.isAutoRepeat() and not self._space:
                self._space = True
                self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and self._space and not event.isAutoRepeat():
            self._space = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if self._space and event.button() == Qt.MouseButton.LeftButton:
            # ScrollHandDrag pans, but must not select or drag cards.
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_from is not None:
            pos = event.position().toPoint()
            delta = pos - self._pan_from
            self._pan_from = pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_from is not None and event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.LeftButton):
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space else Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        if self._space:
            self._space = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        super().focusOutEvent(event)
