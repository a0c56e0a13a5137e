"""The real-display tier: the editor on Xvfb with Qt's xcb platform (run by tests/test_display_tier.py).

Shortcuts, focus and window geometry behave differently offscreen: Qt's offscreen
platform has no X11 key scheme (so an ambiguous redo key goes unnoticed) and a
virtual screen of any size. These tests run in their own process with
QT_QPA_PLATFORM=xcb on a 1366×768 Xvfb screen.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from journeymap import i18n
from journeymap.domain.model import Sensation
from journeymap.ui.main_window import MainWindow

assert os.environ.get("QT_QPA_PLATFORM") == "xcb", "run through tests/test_display_tier.py"


@pytest.fixture(params=["en", "es"])
def lang(request, qapp):
    """Each test in English and in Spanish (translated menus must keep their keys and fit the screen)."""
    assert i18n.install(qapp, request.param) == request.param
    yield request.param
    i18n.install(qapp, "en")


@pytest.fixture
def window(qtbot, doc_path, lang):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)
    assert w.open_path(doc_path)
    w.ensure_docks()
    w.view.setFocus()
    yield w
    w.close()


@pytest.fixture
def close_dialogs():
    """Close every modal dialog (file dialogs, message boxes) a shortcut opens, as soon as it shows."""
    opened: list[str] = []

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            opened.append(type(dialog).__name__)
            dialog.close()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(close)
    timer.start()
    yield opened
    timer.stop()


def press(widget, sequence: QKeySequence) -> None:
    combo = sequence[0]
    QTest.keyClick(widget, combo.key(), combo.keyboardModifiers())


def test_the_menus_are_in_the_language_asked_for(window, lang):
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert ("Archivo" in titles) == (lang == "es") and ("File" in titles) == (lang == "en"), titles


def test_the_platform_is_x11_and_the_screen_is_1366_by_768(qapp):
    assert QGuiApplication.platformName() == "xcb"
    size = QGuiApplication.primaryScreen().size()
    assert (size.width(), size.height()) == (1366, 768)


def test_first_window_fits_a_1366_by_768_screen(qtbot, lang):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    available = w.screen().availableGeometry()
    frame = w.frameGeometry()
    assert available.contains(frame), (frame, available)
    w.close()


def test_redo_works_by_keyboard(window, qtbot):
    session = window.session
    tid = next(iter(window.scene.cards))
    old = session.document.touchpoint(tid).sensation
    new = Sensation.NEGATIVE if old != Sensation.NEGATIVE else Sensation.POSITIVE
    assert session.editor.set_sensation([tid], new)
    window.view.setFocus()
    for redo in ("Ctrl+Shift+Z", "Ctrl+Y"):
        press(window.view, QKeySequence("Ctrl+Z"))
        assert session.document.touchpoint(tid).sensation == old
        press(window.view, QKeySequence(redo))
        assert session.document.touchpoint(tid).sensation == new, f"{redo} did not redo"


def _menu_actions(window):
    seen, out = set(), []

    def walk(menu):
        for a in menu.actions():
            if a.menu() is not None:
                walk(a.menu())
            elif not a.isSeparator() and a.shortcuts() and id(a) not in seen:
                seen.add(id(a))
                out.append(a)

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu())
    last = {window.act_close, window.act_quit}
    return [a for a in out if a not in last] + [window.act_close, window.act_quit]


def test_every_menu_shortcut_triggers_its_action(window, qtbot, close_dialogs):
    session, scene = window.session, window.scene
    failures = []
    for action in _menu_actions(window):
        for sequence in action.shortcuts():
            if window.session is not None:
                scene.cancel_interaction()
                tid = next(iter(scene.cards), None)
                if tid is not None:
                    scene.select_ids([tid])
                if action is window.act_undo:
                    session.editor.add_stage()
                if action is window.act_redo:
                    session.editor.add_stage()
                    session.undo_stack.undo()
            qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=3000)
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow, timeout=3000)  # window shortcuts need the active window
            window.view.setFocus()
            hits = []
            action.triggered.connect(lambda *_a, h=hits: h.append(1))
            press(window.view, sequence)
            qtbot.wait(20)
            if not hits:
                failures.append(f"{action.text()!r}: {sequence.toString()}")
    assert not failures, "shortcuts that did not trigger their action:\n" + "\n".join(failures)
