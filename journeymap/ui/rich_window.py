"""Main-window entries of the richer map: lane kinds when adding, future state, comparison, personas.

``install_actions(window)`` runs once the menus exist; ``install_docks(window)``
with the other docks. Both only add: the window module stays the frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from journeymap.ui.changes import Source
from journeymap.ui.scene import lane_kinds
from journeymap.ui.scene.context_menu import add_mnemonics

if TYPE_CHECKING:
    from journeymap.ui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("RichWindow", text)


def install_actions(window: MainWindow) -> None:
    kinds = QMenu(tr("Add Lane of Kind"), window)
    kinds.setToolTipsVisible(True)
    for kind in lane_kinds.kinds():
        action = kinds.addAction(lane_kinds.kind_label(kind))
        action.setToolTip(lane_kinds.kind_meaning(kind))
        action.triggered.connect(lambda _=False, k=kind: _add_lane(window, k))
    add_mnemonics(kinds)
    window.add_lane_kind_menu = kinds  # type: ignore[attr-defined]
    actions = window.map_menu.actions()
    after = actions.index(window.act_add_lane) + 1
    if after < len(actions):
        window.map_menu.insertMenu(actions[after], kinds)
    else:
        window.map_menu.addMenu(kinds)
    kinds.setTitle(tr("Add Lane of &Kind"))

    window.act_future_state = QAction(tr("Duplicate as &Future State"), window)  # type: ignore[attr-defined]
    window.act_future_state.setToolTip(tr("Copy this map as its future state, linked to it for comparison"))
    window.act_future_state.triggered.connect(lambda: duplicate_as_future_state(window))
    window.act_compare = QAction(tr("&Compare with Current State…"), window)  # type: ignore[attr-defined]
    window.act_compare.triggered.connect(lambda: show_comparison(window))
    window.map_menu.addSeparator()
    window.map_menu.addAction(window.act_future_state)
    window.map_menu.addAction(window.act_compare)
    window.editing_actions.append(window.act_future_state)
    window.document_actions.append(window.act_compare)


def install_toolbar(window: MainWindow) -> None:
    """The toolbar's Add Lane: a click adds a touchpoints lane, its arrow one of any kind."""
    from PySide6.QtWidgets import QToolBar, QToolButton

    for toolbar in window.findChildren(QToolBar):
        button = toolbar.widgetForAction(window.act_add_lane)
        if isinstance(button, QToolButton):
            button.setMenu(window.add_lane_kind_menu)  # type: ignore[attr-defined]
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)


def _add_lane(window: MainWindow, kind) -> None:
    scene = window.scene
    if scene is not None:
        scene.add_lane(None, lane_kinds.kind_label(kind), kind=kind)


def duplicate_as_future_state(window: MainWindow) -> int | None:
    session = window.session
    if session is None or session.map_id is None or session.read_only:
        return None
    return session.editor.duplicate_as_future_state(session.map_id, Source.MENU)


def show_comparison(window: MainWindow):
    session = window.session
    if session is None or session.map_id is None:
        return None
    from journeymap.services.comparison import ComparisonError, compare
    from journeymap.ui.dialogs.comparison import ComparisonDialog

    try:
        comparison = compare(session.document, session.map_id)
    except ComparisonError:
        QMessageBox.information(
            window, tr("Compare with current state"),
            tr("This map is not a future state. Use Map ▸ Duplicate as Future State first, then compare the copy."),
        )
        return None
    dialog = ComparisonDialog(comparison, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def install_docks(window: MainWindow) -> None:
    from journeymap.ui.docks.personas import PersonaDock

    window.persona_dock = PersonaDock(window)  # type: ignore[attr-defined]
    window.add_dock(window.persona_dock, Qt.DockWidgetArea.RightDockWidgetArea)
    window.tabifyDockWidget(window.inspector_dock, window.persona_dock)
    window.inspector_dock.raise_()
    window.docks.append(window.persona_dock)
