"""Voice of the customer in the editor: the comments panel, the compare / trend / quotes overlays.

Plugs into the main window through its documented points (``sessionOpened``,
``add_dock``, the overlay menu, the scene's card menu and overlay painters),
so main_window.py only calls :func:`install` and :func:`create_docks`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from journeymap.ui.changes import Source

if TYPE_CHECKING:  # pragma: no cover
    from journeymap.services.comments import Comment
    from journeymap.ui.main_window import MainWindow
    from journeymap.ui.session import DocumentSession

OVERLAYS = (
    ("quotes", QT_TRANSLATE_NOOP("Voice", "&Quotes")),
    ("compare", QT_TRANSLATE_NOOP("Voice", "&Compare ▲/▼")),
    ("trend", QT_TRANSLATE_NOOP("Voice", "&Trend sparklines")),
)


COMMENTS_WIDTH = 560  # px: room for a line of comment beside score, touchpoint, sentiment, date, segment


def tr(text: str) -> str:
    return QCoreApplication.translate("Voice", text)


def install(window: MainWindow) -> None:
    """Overlay toggles, View ▸ Compare…, and the per-scene marks and card menu entries."""
    window.overlays_menu.addSeparator()
    for name, label in OVERLAYS:
        a = QAction(tr(label), window)
        a.setCheckable(True)
        a.toggled.connect(lambda on, n=name: _set_overlay(window, n, on))
        window.overlay_actions[name] = a
        window.overlays_menu.addAction(a)
    window.act_compare = QAction(tr("Compare Segments or &Periods…"), window)
    window.act_compare.triggered.connect(lambda: open_compare_dialog(window))
    window.overlays_menu.addAction(window.act_compare)
    window.act_comments = QAction(tr("Show &Comments"), window)
    window.act_comments.setShortcut("Ctrl+Shift+K")
    window.act_comments.triggered.connect(lambda: show_comments(window))
    window.view_menu.addAction(window.act_comments)
    window.sessionOpened.connect(lambda session: _attach(window, session))


def _set_overlay(window: MainWindow, name: str, on: bool) -> None:
    window.set_overlay(name, on)
    marks = getattr(window.scene, "voice_marks", None)
    if marks is not None:
        marks._update_cards()  # noqa: SLF001 - the scene repaints only its own overlays' cards


def _attach(window: MainWindow, session: DocumentSession) -> None:
    scene = window.scene
    if scene is None:
        return
    hooks = getattr(scene, "card_menu_hooks", None)
    if hooks is not None:
        hooks.append(lambda menu, ids: _card_menu(window, menu, ids))


def _card_menu(window: MainWindow, menu: QMenu, ids: list[int]) -> None:
    a = menu.addAction(tr("Show Comments"))
    a.triggered.connect(lambda: show_comments(window, ids))
    session = window.session
    if session is None or session.map_id is None or len(ids) != 1:
        return
    from journeymap.storage.quotes import quotes

    pinned = quotes(session.document, session.map_id).get(ids[0], [])
    if not pinned:
        return
    sub = menu.addMenu(tr("Unpin Quote"))
    sub.setEnabled(not session.read_only)
    for q in pinned:
        text = q.text if len(q.text) <= 48 else q.text[:47].rstrip() + "…"
        act = sub.addAction(QCoreApplication.translate("Voice", "“%1”", "a customer's quote").replace("%1", text))
        act.triggered.connect(lambda _=False, qid=q.id: unpin_quote(window, qid))


def create_docks(window: MainWindow) -> list:
    """The comments dock, tabbed with the inspector; returned for the window's dock list."""
    from journeymap.ui.docks.comments import CommentsDock

    dock = CommentsDock(window)
    window.comments_dock = dock
    window.add_dock(dock, Qt.DockWidgetArea.RightDockWidgetArea)
    window.tabifyDockWidget(window.inspector_dock, dock)
    window.inspector_dock.raise_()
    dock.pinRequested.connect(lambda comment: pin_quote(window, comment))
    dock.unpinRequested.connect(lambda quote_id: unpin_quote(window, quote_id, Source.COMMENTS))
    dock.touchpointRequested.connect(lambda tid: window.scene.select_ids([tid]) if window.scene else None)
    return [dock]


def show_comments(window: MainWindow, ids: list[int] | None = None) -> None:
    window.ensure_docks()
    dock = window.comments_dock
    dock.set_session(window.session) if dock._session is not window.session else None  # noqa: SLF001
    dock.show_for(list(ids) if ids is not None else list(window.session.selected_ids if window.session else []))
    if dock.width() < COMMENTS_WIDTH and not dock.isFloating():
        window.resizeDocks([dock], [COMMENTS_WIDTH], Qt.Orientation.Horizontal)


def pin_quote(window: MainWindow, comment: Comment) -> None:
    session = window.session
    if session is None or session.read_only:
        return
    if not session.editor.pin_quote(comment.touchpoint_id, comment.id, comment.comment, comment.score,
                                    Source.COMMENTS):
        return
    window.statusBar().showMessage(tr("Quote pinned on “%1” (Quotes overlay)").replace("%1", comment.touchpoint),
                                   4000)
    if not window.overlay_actions["quotes"].isChecked():
        window.overlay_actions["quotes"].setChecked(True)


def unpin_quote(window: MainWindow, quote_id: int, source: Source = Source.CANVAS) -> None:
    session = window.session
    if session is None or session.read_only:
        return
    if session.editor.unpin_quote(quote_id, source):
        window.statusBar().showMessage(tr("Quote unpinned (Edit ▸ Undo puts it back)"), 4000)


def open_compare_dialog(window: MainWindow) -> None:
    session = window.session
    if session is None or session.map_id is None or window.scene is None:
        return
    from journeymap.ui.dialogs.compare import CompareDialog

    marks = window.scene.voice_marks  # type: ignore[attr-defined]
    dialog = CompareDialog(session, marks.sides, window)
    if dialog.exec():
        session.compare_sides = dialog.sides()  # type: ignore[attr-defined] - read by the comparison chart
        marks.set_sides(session.compare_sides)
        session.metricsChanged.emit()  # charts follow
        window.overlay_actions["compare"].setChecked(True)
