"""The editor's main window: canvas in the centre, menus, toolbar, docks plug in around it.

Other parts plug in through:
- ``add_dock(dock, area)``: adds a dock and its toggle action to View ▸ Panels;
- ``sessionOpened(session)``: emitted whenever a document is opened (rebind docks);
- ``sessionClosed()``: emitted when the document is closed;
- ``self.session``, ``self.scene``, ``self.view`` and the menus ``file_menu``,
  ``edit_menu``, ``view_menu``, ``map_menu``, ``help_menu``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent, QUndoGroup
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from journeymap import settings as app_settings
from journeymap.storage import DocumentError
from journeymap.ui.changes import Source
from journeymap.ui.document_files import DocumentFiles
from journeymap.ui.icons import icon
from journeymap.ui.scene import MapScene, MapView
from journeymap.ui.session import DocumentSession

if TYPE_CHECKING:  # built after the first frame; imported there
    from PySide6.QtWidgets import QDockWidget

FIRST_FRAME_TIMEOUT_MS = 500  # deferred panels: built by then even if no frame was painted
SETTINGS_ORG = app_settings.ORGANIZATION
SETTINGS_APP = app_settings.APPLICATION
OVERLAYS = (
    ("nps", QT_TRANSLATE_NOOP("MainWindow", "&NPS badges")),
    ("sentiment", QT_TRANSLATE_NOOP("MainWindow", "&Sentiment")),
    ("emotion", QT_TRANSLATE_NOOP("MainWindow", "&Emotion curve")),
    ("photos", QT_TRANSLATE_NOOP("MainWindow", "&Photos")),
    ("flows", QT_TRANSLATE_NOOP("MainWindow", "F&lows (event logs)")),
)


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """With *n*: a numerus form ("%Ln cards"), the language's plural chosen and the count in the locale."""
    return QCoreApplication.translate("MainWindow", text, disambiguation, n)


def _add_mnemonic(action: QAction, siblings: list[QAction]) -> None:
    """Give *action* a keyboard accelerator (&) on a letter no sibling uses yet."""
    text = action.text()
    if "&" in text:
        return
    used = set()
    for other in siblings:
        label = other.text().replace("&&", "")
        i = label.find("&")
        if 0 <= i < len(label) - 1:
            used.add(label[i + 1].casefold())
    pos = next((i for i, ch in enumerate(text) if ch.isalnum() and ch.casefold() not in used), None)
    action.setText(text[:pos] + "&" + text[pos:] if pos is not None else "&" + text)


def menu_path(menu: QMenu, action: QAction) -> str:
    """ "File ▸ Open…": how the user finds *action* in *menu* (accelerator marks removed)."""

    def plain(text: str) -> str:
        return text.replace("&&", "\0").replace("&", "").replace("\0", "&")

    return f"{plain(menu.title())} ▸ {plain(action.text())}"


def redo_shortcuts() -> list[QKeySequence]:
    """The platform's redo keys plus Ctrl+Shift+Z and Ctrl+Y, each once.

    On X11 the platform's Redo already is Ctrl+Shift+Z: registering it twice makes
    Qt report the key ambiguous and trigger neither.
    """
    keys: list[QKeySequence] = []
    for seq in [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z"),
                QKeySequence("Ctrl+Y")]:
        if not seq.isEmpty() and seq not in keys:
            keys.append(seq)
    return keys


def settings() -> QSettings:
    """The app's settings store (see ``journeymap.settings`` for the keys)."""
    return app_settings.store()


class MainWindow(DocumentFiles, QMainWindow):
    sessionOpened = Signal(object)  # DocumentSession
    sessionClosed = Signal()
    panelsReady = Signal()  # the deferred panels exist (shortly after the first frame)

    # Created by ensure_docks(); reading one of these first creates the docks.
    _DOCK_ATTRIBUTES = frozenset(
        ("outline_dock", "palette_dock", "inspector_dock", "analytics_dock", "docks", "focus_dock_actions",
         "undo_dock", "undo_view", "act_undo_history")
    )

    def __init__(self, defer_docks: bool = False) -> None:
        """*defer_docks*: build the side panels only after the first frame is painted.

        Start-up uses it so the canvas shows sooner (the panels follow within a
        few tens of milliseconds); everything else gets them at once. Either
        way :meth:`ensure_docks` builds them now and attribute access such as
        ``window.inspector_dock`` does too.
        """
        super().__init__()
        self.setObjectName("MainWindow")
        self._docks_ready = False
        self._docks_building = False
        self._dock_state: object | None = None  # saved layout waiting for the docks (restoreState)
        self.session: DocumentSession | None = None
        self.scene: MapScene | None = None
        self._overlays: set[str] = set()
        self.integrity_result: str | None = None  # the late check of a big document's responses
        self._state_restored = False
        self._auto_zoom: float | None = None  # the zoom of the last automatic fit
        self.undo_group = QUndoGroup(self)

        self.view = MapView()
        # A map shown whole stays whole when the canvas changes size (until the user zooms).
        self.view.resized.connect(self._refit_if_automatic)
        self.view.setAccessibleName(tr("Journey map canvas"))
        self.view.setAccessibleDescription(
            tr("Stages are columns and lanes are rows. Arrow keys move between cards, F2 edits, Delete removes.")
        )
        self._empty = QLabel()
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget()
        self._stack.addWidget(self._empty)
        self._stack.addWidget(self.view)
        from journeymap.ui.document_notices import ReadOnlyBanner, WriteFailureNotice

        self.read_only_banner = ReadOnlyBanner()
        self.write_failures = WriteFailureNotice(self)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.read_only_banner)
        column.addWidget(self._stack, 1)
        self.setCentralWidget(central)

        self._create_actions()
        self._create_menus()
        from journeymap.ui.rich_window import install_actions

        install_actions(self)  # lane kinds, future state, comparison
        from journeymap.ui import merge_actions

        merge_actions.install(self)  # File ▸ Merge Changes From…
        self._create_toolbar()
        from journeymap.ui.rich_window import install_toolbar

        install_toolbar(self)  # Add Lane's arrow offers the lane kinds
        self._create_status_bar()
        self._empty.setText(
            tr("Open a document (%1) or start a new one (%2).")
            .replace("%1", menu_path(self.file_menu, self.act_open))
            .replace("%2", menu_path(self.file_menu, self.act_new))
        )
        from journeymap.ui import voice

        voice.install(self)
        if not defer_docks:
            self.ensure_docks()

        from journeymap.ui import field_mode

        field_mode.install(self)  # walk mode, focus mode, never larger than the screen
        self.resize(field_mode.default_size(self))
        geometry = app_settings.WINDOW_GEOMETRY.get()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._update_actions()
        self._update_title()

    # ================================================================ actions and menus
    def _action(self, text: str, slot, shortcut=None, view_scoped: bool = False, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(QKeySequence(shortcut))
        if view_scoped:
            # Canvas keys (Delete, F2, Ctrl+C...) act only when the canvas has focus,
            # so they never steal keys from the docks' editors.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        SK = QKeySequence.StandardKey
        self.act_new = self._action(tr("&New from Template…"), self.new_from_template_dialog, SK.New)
        self.act_open = self._action(tr("&Open…"), self.open_dialog, SK.Open)
        self.act_save_as = self._action(tr("Save &As…"), self.save_as_dialog, SK.SaveAs)
        self.act_close = self._action(tr("&Close"), self.close_document, SK.Close)
        self.act_quit = self._action(tr("&Quit"), self.close, SK.Quit)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.act_undo = self.undo_group.createUndoAction(self, tr("&Undo"))
        self.act_undo.setShortcut(SK.Undo)
        self.act_redo = self.undo_group.createRedoAction(self, tr("&Redo"))
        self.act_redo.setShortcuts(redo_shortcuts())
        self.act_cut = self._action(tr("Cu&t"), lambda: self._scene_call(MapScene.cut_selection), SK.Cut, True)
        self.act_copy = self._action(tr("&Copy"), lambda: self._scene_call(MapScene.copy_selection), SK.Copy, True)
        self.act_paste = self._action(tr("&Paste"), lambda: self._scene_call(MapScene.paste), SK.Paste, True)
        self.act_duplicate = self._action(
            tr("D&uplicate"), lambda: self._scene_call(MapScene.duplicate_selection), "Ctrl+D", True
        )
        self.act_delete = self._action(
            tr("&Delete"),
            lambda: self._scene_call(MapScene.delete_selected),
            [QKeySequence(SK.Delete), QKeySequence("Backspace")],
            True,
        )
        self.act_select_all = self._action(
            tr("Select &All"), lambda: self._scene_call(MapScene.select_all), SK.SelectAll, True
        )
        self.act_rename = self._action(
            tr("&Rename / Edit Title"), lambda: self._scene_call(MapScene.rename_current), "F2", True
        )
        self.act_find = self._action(tr("&Filter Cards…"), self._focus_filter, SK.Find)
        self.act_preferences = self._action(tr("Pr&eferences…"), self.preferences_dialog, SK.Preferences)
        self.act_preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_import = self._action(tr("&Import Survey Responses…"), self.import_dialog, "Ctrl+I")
        self.act_import_events = self._action(tr("Import &Events…"), self.import_events_dialog)
        self.act_import_events.setStatusTip(tr("A CRM or web-analytics log: the journey customers really took"))
        self.act_import_history = self._action(tr("Import &History…"), self.import_history_dialog)
        self.act_export = self._action(tr("&Export…"), self.export_dialog, "Ctrl+E")
        self.act_copy_image = self._action(tr("Copy Map as &Image"), self.copy_image, "Ctrl+Shift+C")

        self.act_zoom_in = self._action(
            tr("Zoom &In"), self.view.zoom_in, [QKeySequence(SK.ZoomIn), QKeySequence("Ctrl+=")]
        )
        self.act_zoom_out = self._action(tr("Zoom &Out"), self.view.zoom_out, SK.ZoomOut)
        self.act_fit = self._action(tr("&Fit to Window"), lambda: self.view.fit_to_window(), "Ctrl+0")
        self.act_actual = self._action(tr("&Actual Size"), self.view.reset_zoom, "Ctrl+1")
        self.act_present = self._action(
            tr("&Present"), self.present, "F5",
            tip=tr("Full screen, the title then stage by stage (arrows or clicks; Esc ends)"),
        )
        self.overlay_actions: dict[str, QAction] = {}
        for name, label in OVERLAYS:
            a = QAction(tr(label), self)
            a.setCheckable(True)
            a.toggled.connect(lambda on, n=name: self.set_overlay(n, on))
            self.overlay_actions[name] = a

        # Not Ctrl+Shift+S: that is Save As on most platforms (an ambiguous shortcut triggers neither).
        self.act_add_stage = self._action(tr("Add &Stage"), lambda: self._scene_call(MapScene.add_stage), "Ctrl+Alt+S")
        self.act_add_lane = self._action(tr("Add &Lane"), lambda: self._scene_call(MapScene.add_lane), "Ctrl+Shift+L")
        self.act_rename_map = self._action(tr("Rename &Map"), lambda: self._scene_call(MapScene.edit_map_title))

        self.act_shortcuts = self._action(tr("&Keyboard Shortcuts"), self.show_shortcuts, SK.HelpContents)
        self.act_about = self._action(tr("&About JourneyMap"), self.show_about)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)

        self.editing_actions = [
            self.act_import,
            self.act_import_events,
            self.act_import_history,
            self.act_cut,
            self.act_paste,
            self.act_duplicate,
            self.act_delete,
            self.act_rename,
            self.act_add_stage,
            self.act_add_lane,
            self.act_rename_map,
        ]
        self.document_actions = [
            self.act_export,
            self.act_copy_image,
            self.act_save_as,
            self.act_close,
            self.act_copy,
            self.act_select_all,
            self.act_find,
            self.act_zoom_in,
            self.act_zoom_out,
            self.act_fit,
            self.act_actual,
        ]

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(tr("&File"))
        self.file_menu.addAction(self.act_new)
        self.file_menu.addAction(self.act_open)
        self.recent_menu = QMenu(tr("Open &Recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_save_as)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_import)
        self.file_menu.addAction(self.act_export)
        self.file_menu.addAction(self.act_copy_image)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_close)
        self.file_menu.addAction(self.act_quit)

        self.edit_menu = bar.addMenu(tr("&Edit"))
        for a in (
            self.act_undo,
            self.act_redo,
            None,
            self.act_cut,
            self.act_copy,
            self.act_paste,
            self.act_duplicate,
            self.act_delete,
            None,
            self.act_select_all,
            self.act_rename,
            self.act_find,
            None,
            self.act_preferences,
        ):
            self.edit_menu.addSeparator() if a is None else self.edit_menu.addAction(a)

        self.view_menu = bar.addMenu(tr("&View"))
        for a in (self.act_zoom_in, self.act_zoom_out, self.act_fit, self.act_actual):
            self.view_menu.addAction(a)
        self.view_menu.addSeparator()
        self.overlays_menu = self.view_menu.addMenu(tr("&Overlays"))
        for a in self.overlay_actions.values():
            self.overlays_menu.addAction(a)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.act_present)
        self.view_menu.addSeparator()
        self.panels_menu = self.view_menu.addMenu(tr("&Panels"))

        self.map_menu = bar.addMenu(tr("&Map"))
        self.map_menu.addAction(self.act_add_stage)
        self.map_menu.addAction(self.act_add_lane)
        self.map_menu.addSeparator()
        self.map_menu.addAction(self.act_rename_map)

        self.data_menu = bar.addMenu(tr("&Data"))
        self.data_menu.addAction(self.act_import)
        self.data_menu.addAction(self.act_import_events)
        self.data_menu.addAction(self.act_import_history)

        self.help_menu = bar.addMenu(tr("&Help"))
        self.help_menu.addAction(self.act_shortcuts)
        self.help_menu.addAction(self.act_about)

    def _create_toolbar(self) -> None:
        tb = QToolBar(tr("Main toolbar"), self)
        tb.setObjectName("MainToolBar")
        tb.setMovable(False)
        tb.setIconSize(QSize(20, 20))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for a, name in (
            (self.act_new, "new"),
            (self.act_open, "open"),
            (None, ""),
            (self.act_undo, "undo"),
            (self.act_redo, "redo"),
            (None, ""),
            (self.act_add_stage, "add-stage"),
            (self.act_add_lane, "add-lane"),
            (None, ""),
            (self.act_import, "import"),
            (self.act_export, "export"),
            (None, ""),
            (self.act_zoom_out, "zoom-out"),
            (self.act_zoom_in, "zoom-in"),
            (self.act_fit, "fit"),
        ):
            if a is None:
                tb.addSeparator()
                continue
            a.setIcon(icon(name))
            tb.addAction(a)
            if name.startswith("zoom") or name in ("undo", "redo", "fit"):
                # Icon-only buttons keep the toolbar short; the text stays as tooltip.
                tb.widgetForAction(a).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tb.addWidget(spacer)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("canvasFilter")
        self.filter_edit.setAccessibleName(tr("Filter cards"))
        self.filter_edit.setPlaceholderText(tr("Filter: text, channel, negative, critical…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(280)
        self.filter_edit.setMaximumWidth(360)
        self.filter_edit.textChanged.connect(self._filter_changed)
        tb.addWidget(self.filter_edit)
        self.addToolBar(tb)
        self.toolbar = tb

    def _create_status_bar(self) -> None:
        self.status_counts = QLabel()
        self.status_zoom = QLabel("100 %")
        self.status_mode = QLabel()
        sb = self.statusBar()
        sb.addPermanentWidget(self.status_mode)
        sb.addPermanentWidget(self.status_counts)
        sb.addPermanentWidget(self.status_zoom)
        self.view.zoomChanged.connect(lambda z: self.status_zoom.setText(f"{round(z * 100)} %"))

    # ================================================================ docks and dialogs
    def __getattr__(self, name: str):
        # Only reached for attributes not set yet: the docks of a deferred window.
        if name in MainWindow._DOCK_ATTRIBUTES and not self.__dict__.get("_docks_building", True):
            self.ensure_docks()
            return self.__dict__[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def docks_ready(self) -> bool:
        return self._docks_ready

    def ensure_docks(self) -> None:
        """Build the Maps, Library, Inspector and Analytics panels if not yet (idempotent).

        Panels built after a document opened are bound to it, the layout saved
        by the last session is restored once they exist, and a map that was
        fitted to the window is fitted again to the smaller canvas.
        """
        if self._docks_ready or self._docks_building:
            return
        refit = self.scene is not None and self._auto_zoom is not None and self.view.zoom == self._auto_zoom
        self._docks_building = True
        try:
            self._create_docks()
        finally:
            self._docks_building = False
        self._docks_ready = True
        if self.session is not None:
            for dock in self.docks:
                dock.set_session(self.session)
        if self._dock_state is not None:
            state, self._dock_state = self._dock_state, None
            self.restoreState(state)
        if self.isVisible():
            layout = self.layout()
            if layout is not None:
                layout.activate()  # the canvas gets its final size now, not on a later event
            if refit:
                self._fit_view()
                # And once the new layout has settled (unless the user zoomed meanwhile).
                QTimer.singleShot(0, self, self._refit_if_automatic)
        self.panelsReady.emit()

    def _refit_if_automatic(self) -> None:
        if self.scene is not None and self._auto_zoom is not None and self.view.zoom == self._auto_zoom:
            self._fit_view()

    def _create_docks(self) -> None:
        from PySide6.QtWidgets import QDockWidget, QUndoView

        from journeymap.ui.docks.analytics import AnalyticsDock
        from journeymap.ui.docks.inspector import InspectorDock
        from journeymap.ui.docks.outline import OutlineDock
        from journeymap.ui.docks.palette import PaletteDock

        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.undo_view = QUndoView(self.undo_group)
        self.undo_view.setEmptyLabel(tr("<original document>"))
        self.undo_dock = QDockWidget(tr("Undo history"), self)
        self.undo_dock.setObjectName("UndoHistoryDock")
        self.undo_dock.setWidget(self.undo_view)
        self.add_dock(self.undo_dock, right)
        self.undo_dock.hide()
        self.act_undo_history = self.undo_dock.toggleViewAction()
        self.act_undo_history.setText(tr("Undo &History"))
        self.edit_menu.addSeparator()  # the Edit menu's last entry
        self.edit_menu.addAction(self.act_undo_history)
        self.outline_dock = OutlineDock(self)
        self.palette_dock = PaletteDock(self)
        self.inspector_dock = InspectorDock(self)
        self.analytics_dock = AnalyticsDock(self)
        self.add_dock(self.outline_dock, left)
        self.add_dock(self.palette_dock, left)
        self.add_dock(self.inspector_dock, right)
        self.add_dock(self.analytics_dock, right)
        self.tabifyDockWidget(self.inspector_dock, self.analytics_dock)
        self.inspector_dock.raise_()
        self.resizeDocks([self.outline_dock, self.palette_dock], [160, 400], Qt.Orientation.Vertical)
        self.resizeDocks([self.outline_dock, self.inspector_dock], [250, 390], Qt.Orientation.Horizontal)
        from journeymap.ui import voice

        self.docks = [self.outline_dock, self.palette_dock, self.inspector_dock, self.analytics_dock,
                      *voice.create_docks(self)]
        self.sessionOpened.connect(lambda session: [d.set_session(session) for d in self.docks])
        self.sessionClosed.connect(lambda: [d.set_session(None) for d in self.docks])
        self.palette_dock.itemActivated.connect(self._add_library_item)
        from journeymap.ui.rich_window import install_docks

        install_docks(self)  # the personas dock
        self.panels_menu.addSeparator()
        self.focus_dock_actions = []
        # Their Ctrl+Shift+1..4 shortcuts make accelerators unnecessary (and those letters are the docks').
        focus_texts = (tr("Go to Maps"), tr("Go to Library"), tr("Go to Inspector"), tr("Go to Analytics"))
        for i, (dock, text) in enumerate(zip(self.docks, focus_texts)):
            a = self._action(text, lambda _=False, d=dock: self.focus_dock(d), f"Ctrl+Shift+{i + 1}")
            self.panels_menu.addAction(a)
            self.focus_dock_actions.append(a)

    def focus_dock(self, dock: QDockWidget) -> None:
        """Show *dock*, bring its tab to the front and move the keyboard focus into it."""
        dock.show()
        dock.raise_()
        widget = dock.widget()
        if widget is None:
            return
        candidates = [widget, *widget.findChildren(QWidget)]
        target = next(
            (w for w in candidates if w.focusPolicy().value & Qt.FocusPolicy.TabFocus.value and w.isEnabled()
             and w.isVisibleTo(dock)),
            widget,
        )
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def preferences_dialog(self) -> None:
        from journeymap.ui.dialogs.preferences import open_preferences

        open_preferences(self)

    def _add_library_item(self, item: dict) -> None:
        """Enter/double-click in the palette adds the card where a paste would go."""
        if self.scene is None or self.session is None or self.session.read_only:
            return
        target = self.scene.paste_target()
        if target is None:
            return
        (stage_id, lane_id), index = target
        new_id = self.session.editor.add_touchpoint(
            stage_id, lane_id, item.get("title", ""), item.get("channel", ""), item.get("description", ""), index,
            Source.MENU,
        )
        if new_id is not None:
            self.scene.select_ids([new_id])

    def import_dialog(self) -> None:
        if self.session is not None:
            from journeymap.ui.dialogs.import_dialog import open_import_dialog

            open_import_dialog(self, self.session)

    def import_events_dialog(self) -> None:
        if self.session is not None:
            from journeymap.ui.dialogs.event_import_dialog import open_event_import_dialog

            open_event_import_dialog(self, self.session)

    def import_history_dialog(self) -> None:
        if self.session is not None:
            from journeymap.ui.dialogs.import_history import open_import_history

            open_import_history(self, self.session)

    def export_dialog(self) -> None:
        if self.session is not None and self.scene is not None:
            from journeymap.ui.dialogs.export_dialog import open_export_dialog

            open_export_dialog(self, self.session, self.scene)

    def present(self) -> None:
        """View ▸ Present: the map full screen (on a second screen when there is one)."""
        if self.scene is not None and self.session is not None and self.session.map_id is not None:
            from journeymap.ui.scene.presentation import start_presentation

            self.presentation = start_presentation(self.scene, self)

    def copy_image(self) -> None:
        if self.scene is not None:
            from journeymap.ui.dialogs.export_dialog import copy_image_to_clipboard

            copy_image_to_clipboard(self.scene)
            self.statusBar().showMessage(tr("Map copied to the clipboard as an image"), 4000)

    # ================================================================ plug-in points
    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea) -> None:
        """Add a dock and its show/hide action to View ▸ Panels (state is remembered)."""
        if not dock.objectName():
            dock.setObjectName(type(dock).__name__)
        self.addDockWidget(area, dock)
        action = dock.toggleViewAction()
        _add_mnemonic(action, self.panels_menu.actions())
        self.panels_menu.addAction(action)

    def session_opened(self, session: DocumentSession) -> None:
        """Hook run after a document opened: emits ``sessionOpened`` for the docks."""
        self.sessionOpened.emit(session)

    # ================================================================ state updates
    def _scene_call(self, method: Callable[[MapScene], object]) -> None:
        if self.scene is not None:
            self.scene.catch_up.flush()  # a menu action acts on every item of the last edit
            method(self.scene)

    def _show_refusal(self, msg_id: str) -> None:
        from journeymap.ui.messages import message_text

        self.statusBar().showMessage(message_text(msg_id), 6000)

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def _filter_changed(self, text: str) -> None:
        if self.scene is not None:
            self.scene.set_filter(text)
            n = len(self.scene.matching_ids())
            self.statusBar().showMessage(
                tr("%1 of %Ln cards match", "", len(self.scene.cards)).replace("%1", QLocale().toString(n))
                if text
                else "",
                4000,
            )

    def set_overlay(self, name: str, on: bool) -> None:
        if on:
            self._overlays.add(name)
        else:
            self._overlays.discard(name)
        if self.scene is not None:
            self.scene.set_overlays(self._overlays)

    def _update_actions(self) -> None:
        has_doc = self.session is not None
        editable = has_doc and not self.session.read_only
        for a in self.document_actions:
            a.setEnabled(has_doc)
        for a in self.editing_actions:
            a.setEnabled(editable)
        self.filter_edit.setEnabled(has_doc)
        self.status_mode.setText(tr("Read-only") if has_doc and not editable else "")

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle("JourneyMap")
            return
        doc = self.session.document
        try:
            title = doc.get_map(self.session.map_id).title if self.session.map_id is not None else ""
        except DocumentError:
            title = ""
        parts = [p for p in (title, doc.path.name) if p]
        name = " — ".join(parts)
        if doc.read_only:
            name += " " + tr("[read-only]")
        self.setWindowTitle(f"{name} — JourneyMap")

    def _update_counts(self) -> None:
        if self.scene is None:
            self.status_counts.setText("")
            return
        s = self.scene
        parts = (tr("%Ln stages", "", len(s.stages)), tr("%Ln lanes", "", len(s.lanes)),
                 tr("%Ln cards", "", len(s.cards)))
        text = " · ".join(parts)
        if text != self.status_counts.text():
            self.status_counts.setText(text)

    # ================================================================ help
    def show_shortcuts(self) -> None:
        from journeymap.ui.dialogs.shortcuts import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from journeymap import __version__

        QMessageBox.about(
            self,
            tr("About JourneyMap"),
            tr("<h3>JourneyMap %1</h3>").replace("%1", __version__)
            + tr(
                "<p>An offline editor for customer journey maps: stages, lanes and "
                "touchpoints, with NPS and sentiment from your surveys.</p>"
                "<p>Every edit is saved to the document as you go and can be undone.</p>"
            ),
        )

    # ================================================================ window state
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if not self._state_restored:
            # Docks are added by other parts after construction; restore their layout on first show.
            self._state_restored = True
            state = app_settings.WINDOW_STATE.get()
            if state is not None:
                if self._docks_ready:
                    self.restoreState(state)
                else:
                    self._dock_state = state  # ensure_docks() restores it
            if not self._docks_ready:
                self._build_docks_after_first_frame()
        super().showEvent(event)

    def _build_docks_after_first_frame(self) -> None:
        """Build the panels once the first frame is painted (or soon, if nothing paints)."""
        window = self

        class FirstFrame(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 - Qt API
                if event.type() == QEvent.Type.Paint:
                    self.done()
                return False

            def done(self) -> None:
                for widget in (window.view.viewport(), window._empty):
                    widget.removeEventFilter(self)
                # A zero timer fires once the queued events are handled: after the frame is out.
                idle = QTimer(window)
                idle.setSingleShot(True)
                idle.setInterval(0)
                idle.timeout.connect(window.ensure_docks)
                idle.timeout.connect(idle.deleteLater)
                idle.start()

        watcher = FirstFrame(self)
        for widget in (self.view.viewport(), self._empty):
            widget.installEventFilter(watcher)
        QTimer.singleShot(FIRST_FRAME_TIMEOUT_MS, self, self.ensure_docks)

    def save_settings(self) -> None:
        s = settings()
        app_settings.WINDOW_GEOMETRY.set(self.saveGeometry(), s)
        if self._docks_ready:  # else the saved layout of the panels stays as it was
            app_settings.WINDOW_STATE.set(self.saveState(), s)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_settings()
        self._close_session()
        super().closeEvent(event)
