"""The editor on a small laptop or a tablet: fit the screen, focus mode, walk mode, refit on maximize.

:func:`install` adds to a main window:

* View ▸ Walk the journey (F9): :class:`~journeymap.ui.walk_mode.WalkMode` over the window;
* View ▸ Focus (Ctrl+Shift+F): docks, toolbar and status bar hidden, the map fitted;
  again to bring back exactly the layout there was;
* a window that never opens larger than the screen's available geometry (a
  1400×900 default or a geometry saved on a bigger monitor is shrunk and moved in);
* maximizing or restoring the window refits the map when its zoom was automatic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar

if TYPE_CHECKING:
    from journeymap.ui.main_window import MainWindow


def fitted(geometry: QRect, available: QRect) -> QRect:
    """*geometry* shrunk to fit *available* and moved inside it."""
    w = min(geometry.width(), available.width())
    h = min(geometry.height(), available.height())
    x = min(max(geometry.x(), available.x()), available.right() - w + 1)
    y = min(max(geometry.y(), available.y()), available.bottom() - h + 1)
    return QRect(x, y, w, h)


def default_size(window: QMainWindow) -> QSize:
    """1400×900, or less on a smaller screen (room left for the frame)."""
    screen = window.screen()
    if screen is None:
        return QSize(1400, 900)
    available = screen.availableGeometry()
    return QSize(min(1400, available.width() - 16), min(900, available.height() - 40))


def fit_to_screen(window: QMainWindow) -> None:
    """Keep the whole window, frame included, inside the available area of its screen."""
    screen = window.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    inner = window.geometry()
    extra_w, extra_h = frame.width() - inner.width(), frame.height() - inner.height()
    if frame.width() <= available.width() and frame.height() <= available.height() and available.contains(frame):
        return
    target = fitted(QRect(frame.x(), frame.y(), frame.width(), frame.height()), available)
    window.resize(max(320, target.width() - extra_w), max(240, target.height() - extra_h))
    window.move(target.x(), target.y())


class _StateWatcher(QObject):
    """Maximize / restore / full screen: refit the map when the user had not zoomed by hand."""

    def __init__(self, mode: FieldMode):
        super().__init__(mode)
        self.mode = mode

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.mode.window:
            if event.type() == QEvent.Type.WindowStateChange:
                QTimer.singleShot(0, self.mode, self.mode._refit)
            elif event.type() == QEvent.Type.Show and not self.mode.shown_once:
                self.mode.shown_once = True
                QTimer.singleShot(0, self.mode, lambda: fit_to_screen(self.mode.window))
        return False


class FieldMode(QObject):
    """Walk and focus mode of one main window."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.walk = None
        self.shown_once = False
        self._hidden: list = []
        self.walk_action = QAction(self.tr("&Walk the Journey"), window)
        self.walk_action.setShortcut(QKeySequence(Qt.Key.Key_F9))
        self.walk_action.setStatusTip(
            self.tr("Step through the touchpoints one at a time, for notes, scores and photos"))
        self.walk_action.setCheckable(True)
        self.walk_action.toggled.connect(self.set_walking)
        self.focus_action = QAction(self.tr("&Focus"), window)
        self.focus_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.focus_action.setStatusTip(self.tr("Hide the panels and the toolbar to give the map the whole window"))
        self.focus_action.setCheckable(True)
        self.focus_action.toggled.connect(self.set_focus)
        window.view_menu.addSeparator()
        for action in (self.walk_action, self.focus_action):
            window.view_menu.addAction(action)
            window.addAction(action)  # the shortcuts work while the menu bar is hidden too
        window.sessionClosed.connect(self.session_closed)
        self._watcher = _StateWatcher(self)
        window.installEventFilter(self._watcher)

    # ------------------------------------------------------------------ focus mode
    def set_focus(self, on: bool) -> None:
        w = self.window
        if on and not self._hidden:
            widgets = [d for d in w.findChildren(QDockWidget) if d.isVisible() and d.parent() is w]
            widgets += [t for t in w.findChildren(QToolBar) if t.isVisible() and t.parent() is w]
            bar = w.statusBar()
            if bar.isVisible():
                widgets.append(bar)
            self._hidden = widgets
            for widget in widgets:
                widget.hide()
        elif not on:
            for widget in self._hidden:
                widget.show()
            self._hidden = []
        if self.focus_action.isChecked() != on:
            self.focus_action.setChecked(on)
        QTimer.singleShot(0, w, self._refit)

    @property
    def focused(self) -> bool:
        return bool(self._hidden)

    def _refit(self) -> None:
        w = self.window
        if w.scene is not None and (w._auto_zoom is None or w.view.zoom == w._auto_zoom):
            w._fit_view()

    # ------------------------------------------------------------------ walk mode
    def set_walking(self, on: bool) -> None:
        w = self.window
        if on:
            if w.session is None:
                self.walk_action.setChecked(False)
                return
            from journeymap.ui.walk_mode import WalkMode

            if self.walk is None or self.walk.session is not w.session:
                if self.walk is not None:
                    self.walk.deleteLater()
                start = w.session.selected_ids[0] if w.session.selected_ids else None
                self.walk = WalkMode(w.session, w, start)
                self.walk.closed.connect(lambda: self.walk_action.setChecked(False))
            self.walk.open_over(w)
        elif self.walk is not None and self.walk.isVisible():
            self.walk.close_walk()
        if self.walk_action.isChecked() != on:
            self.walk_action.setChecked(on)

    def session_closed(self) -> None:
        if self.walk is not None:
            self.walk.close_walk()
            self.walk.deleteLater()
            self.walk = None


def install(window: MainWindow) -> FieldMode:
    mode = FieldMode(window)
    window.field_mode = mode
    return mode
