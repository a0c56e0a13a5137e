"""Touch on the canvas: pinch to zoom, two fingers to pan, one finger on empty canvas pans, long-press menu.

Installed on a :class:`~journeymap.ui.scene.view.MapView`'s viewport as an event
filter. Pinch and two-finger pan come from Qt's ``QPinchGesture`` (its scale and
centre); one finger on an empty part of the canvas scrolls it, while the mouse
keeps rubber-band selection (Qt marks the mouse events it synthesises from a
touch with the finger's pointer type); holding a finger still opens the context
menu, on a card or on the canvas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QMouseEvent, QPointingDevice
from PySide6.QtWidgets import QApplication, QGraphicsItem, QPinchGesture

if TYPE_CHECKING:
    from journeymap.ui.scene.view import MapView

LONG_PRESS_MS = 600
_INTERACTIVE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable


def is_touch(event: QMouseEvent) -> bool:
    """A mouse event Qt made from a finger on a touch screen."""
    device = event.pointingDevice()
    return device is not None and device.type() == QPointingDevice.DeviceType.TouchScreen


class TouchNavigator(QObject):
    def __init__(self, view: MapView):
        super().__init__(view)
        self.view = view
        viewport = view.viewport()
        viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        viewport.grabGesture(Qt.GestureType.PinchGesture)
        viewport.installEventFilter(self)
        self._pan_from: QPoint | None = None
        self._press_at: QPoint | None = None
        self._pinch_zoom = 1.0
        self._pinch_centre: QPointF | None = None
        self._long = QTimer(self)
        self._long.setSingleShot(True)
        self._long.setInterval(LONG_PRESS_MS)
        self._long.timeout.connect(self._long_press)

    # ------------------------------------------------------------------ helpers
    def _empty_at(self, pos: QPoint) -> bool:
        """Nothing the finger could grab under *pos* (no card, no header)."""
        for item in self.view.items(pos):
            if item.flags() & _INTERACTIVE or item.acceptedMouseButtons() != Qt.MouseButton.NoButton and (
                item.zValue() >= 10
            ):
                return False
        return True

    def _scroll_by(self, dx: float, dy: float) -> None:
        h, v = self.view.horizontalScrollBar(), self.view.verticalScrollBar()
        h.setValue(h.value() - round(dx))
        v.setValue(v.value() - round(dy))

    def _long_press(self) -> None:
        pos = self._press_at
        self._press_at = None
        if pos is None:
            return
        self._pan_from = None
        viewport = self.view.viewport()
        # Let the press end where it began (no drag), then open the menu there.
        scene = self.view.scene()
        cancel = getattr(scene, "cancel_gesture", None)
        if callable(cancel):
            cancel()
        menu = QContextMenuEvent(QContextMenuEvent.Reason.Other, pos, viewport.mapToGlobal(pos))
        QApplication.sendEvent(viewport, menu)

    # ------------------------------------------------------------------- events
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.Gesture:
            return self._gesture(event)
        if kind == QEvent.Type.TouchBegin:
            if len(event.points()) > 1:
                self._cancel_press()
            return False
        if kind == QEvent.Type.TouchUpdate and len(event.points()) > 1:
            self._cancel_press()
            return False
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease):
            if is_touch(event):
                return self._touch_mouse(event)
        return False

    def _cancel_press(self) -> None:
        self._long.stop()
        self._press_at = None

    def _touch_mouse(self, event: QMouseEvent) -> bool:
        pos = event.position().toPoint()
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._press_at = pos
            self._long.start()
            if self._empty_at(pos):
                self._pan_from = pos
                event.accept()
                return True  # no rubber band for a finger
            return False
        if kind == QEvent.Type.MouseMove:
            moved = self._press_at is not None and (pos - self._press_at).manhattanLength()
            if moved and moved > QApplication.startDragDistance():
                self._cancel_press()
            if self._pan_from is not None:
                delta = pos - self._pan_from
                self._pan_from = pos
                self._scroll_by(delta.x(), delta.y())
                event.accept()
                return True
            return False
        # release
        self._cancel_press()
        if self._pan_from is not None:
            self._pan_from = None
            event.accept()
            return True
        return False

    def _gesture(self, event) -> bool:
        pinch = event.gesture(Qt.GestureType.PinchGesture)
        if not isinstance(pinch, QPinchGesture):
            return False
        self._cancel_press()
        self._pan_from = None
        state = pinch.state()
        if state == Qt.GestureState.GestureStarted:
            self._pinch_zoom = self.view.zoom
            self._pinch_centre = None
        centre = self.view.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
        centre_f = QPointF(centre)
        if self._pinch_centre is not None:
            delta = centre_f - self._pinch_centre
            self._scroll_by(delta.x(), delta.y())
        self._pinch_centre = centre_f
        flags = pinch.changeFlags()
        if flags & QPinchGesture.ChangeFlag.ScaleFactorChanged:
            self.view.zoom_at(self._pinch_zoom * pinch.totalScaleFactor(), centre)
        if state in (Qt.GestureState.GestureFinished, Qt.GestureState.GestureCanceled):
            self._pinch_centre = None
        event.accept(pinch)
        return True
