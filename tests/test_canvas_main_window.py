"""The main window: opening (errors, locks, read-only), templates, save as, recent files, settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDockWidget, QMessageBox

from journeymap.app import ensure_sample_document
from journeymap.storage import Document
from journeymap.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def test_sample_document_opens_with_the_map(window, tmp_path):
    path = ensure_sample_document()
    assert path.parent == tmp_path / "data" and path.exists()
    assert ensure_sample_document() == path  # second run reuses it
    assert window.open_path(path)
    assert window.scene is not None and len(window.scene.cards) > 10
    assert "Retail" in window.windowTitle()
    assert window.recent_files()[0] == str(path.resolve())
    assert window.act_delete.isEnabled()


def test_bad_file_shows_error_and_keeps_running(window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.jmap"
    bad.write_text("not a database")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    assert not window.open_path(bad)
    assert shown and "not a JourneyMap document" in shown[0]
    assert window.session is None


def test_locked_document_opens_read_only(window, monkeypatch):
    path = ensure_sample_document()
    holder = Document.open(path)
    try:
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        assert window.open_path(path)
        assert window.session.read_only
        assert "read-only" in window.windowTitle()
        assert not window.act_delete.isEnabled() and not window.act_add_stage.isEnabled()
        assert window.act_copy.isEnabled()
    finally:
        window.close_document()
        holder.close()


def test_new_from_template_save_as_and_docks(window, tmp_path, qtbot):
    opened = []
    window.sessionOpened.connect(opened.append)
    path = tmp_path / "insurance.jmap"
    assert window.new_document(path, "insurance")
    assert opened and opened[-1] is window.session
    n = len(window.scene.cards)
    copy = tmp_path / "copy.jmap"
    assert window.save_as(copy)
    assert window.session.document.path == copy and len(window.scene.cards) == n
    dock = QDockWidget("Test panel")
    window.add_dock(dock)
    assert dock.toggleViewAction() in window.panels_menu.actions()
    assert window.view_menu and window.file_menu and window.edit_menu and window.map_menu and window.help_menu
    window.close_document()
    assert window.session is None and window.scene is None
    # the file is free again (the lock was released)
    Document.open(copy).close()


def test_undo_redo_actions_follow_the_session(window):
    window.open_path(ensure_sample_document())
    scene = window.scene
    tid = next(iter(scene.cards))
    scene.select_ids([tid])
    window.act_delete.trigger()
    assert tid not in scene.cards and window.act_undo.isEnabled()
    window.act_undo.trigger()
    assert tid in scene.cards
    window.act_redo.trigger()
    assert tid not in scene.cards
    window.filter_edit.setText("store")
    assert 0 < len(scene.matching_ids()) < len(scene.cards)
    window.overlay_actions["nps"].setChecked(True)
    assert "nps" in scene.overlays


def test_geometry_and_state_are_remembered(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(900, 700)
    w.show()
    w.close()
    s = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "JourneyMap", "JourneyMap")
    assert s.value("window/geometry") is not None and s.value("window/state") is not None
    assert "settings" in s.fileName()


def test_canvas_shortcuts_do_not_steal_keys_from_the_inline_editor(window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window.open_path(ensure_sample_document())
    window.activateWindow()
    window.view.setFocus()
    scene = window.scene
    tid = next(iter(scene.cards))
    scene.select_ids([tid])
    editor = scene.edit_card_title(tid)
    assert editor is not None
    QTest.keyClicks(window.view.viewport(), "Abc")
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Backspace)
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Delete)
    assert tid in scene.cards
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Return)
    assert scene.cards[tid].touchpoint.title == "Ab"
    # Outside the editor, Delete deletes the selected card.
    scene.select_ids([tid])
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Delete)
    assert tid not in scene.cards
