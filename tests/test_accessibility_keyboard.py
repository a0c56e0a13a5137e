"""Accessibility: keyboard access to every command and panel, names for assistive tech, scalable text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from journeymap.app import ensure_sample_document
from journeymap.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
INPUTS = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit)




@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_path(ensure_sample_document())
    yield w
    w.close()


def has_accelerator(text: str) -> bool:
    return re.search(r"&[^&\s]", text.replace("&&", "")) is not None


def menu_actions(menu: QMenu, path: str = ""):
    menu.aboutToShow.emit()  # menus filled on demand (Open Recent)
    for action in menu.actions():
        if action.isSeparator():
            continue
        where = f"{path} ▸ {action.text()}"
        yield where, action
        if action.menu() is not None:
            yield from menu_actions(action.menu(), where)


def test_every_menu_command_has_an_accelerator_or_a_shortcut(window):
    problems = []
    for top in window.menuBar().actions():
        if not has_accelerator(top.text()):
            problems.append(f"menu without accelerator: {top.text()!r}")
        for where, action in menu_actions(top.menu(), top.text()):
            if not action.text().strip():
                problems.append(f"no text: {where}")
            elif action.isEnabled() and not (has_accelerator(action.text()) or not action.shortcut().isEmpty()):
                problems.append(f"no accelerator or shortcut: {where}")
    assert not problems, "\n".join(problems)


def test_panel_shortcuts_show_and_focus_each_dock(window, qtbot):
    docks = [window.outline_dock, window.palette_dock, window.inspector_dock, window.analytics_dock]
    assert [a.shortcut().toString() for a in window.focus_dock_actions] == [
        f"Ctrl+Shift+{i}" for i in range(1, 5)
    ]
    for action, dock in zip(window.focus_dock_actions, docks):
        dock.hide()
        action.trigger()
        assert dock.isVisible()
        qtbot.waitUntil(lambda d=dock: d.isAncestorOf(QApplication.focusWidget()), timeout=2000)
    # Back to the canvas.
    window.view.setFocus()
    qtbot.waitUntil(lambda: window.view.hasFocus(), timeout=2000)


def test_panel_shortcuts_do_not_clash(window):
    seen: dict[str, str] = {}
    clashes = []
    for action in window.findChildren(QAction):
        for seq in action.shortcuts():
            key = seq.toString(QKeySequence.SequenceFormat.PortableText)
            context = action.shortcutContext()
            if not key or context != Qt.ShortcutContext.WindowShortcut:
                continue
            if key in seen and seen[key] != action.text():
                clashes.append(f"{key}: {seen[key]!r} and {action.text()!r}")
            seen[key] = action.text()
    assert not clashes, "\n".join(clashes)


def test_canvas_has_an_accessible_name_and_takes_focus(window):
    assert window.view.accessibleName()
    assert window.view.accessibleDescription()
    assert window.view.focusPolicy() & Qt.FocusPolicy.TabFocus


def _labelled(widget: QWidget, root: QWidget) -> bool:
    if widget.accessibleName():
        return True
    return any(label.buddy() is widget for label in root.findChildren(QLabel))


def unnamed_inputs(root: QWidget) -> list[str]:
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, INPUTS):
            continue
        if isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue  # the editor inside a spin box or an editable combo
        if not _labelled(w, root):
            out.append(f"{type(w).__name__} {w.objectName()!r} in {type(root).__name__}")
    return out


def test_inputs_in_docks_and_toolbar_have_names(window):
    window.scene.select_ids([next(iter(window.scene.cards))])
    QApplication.processEvents()
    problems = []
    for dock in window.docks:
        problems += unnamed_inputs(dock)
    problems += unnamed_inputs(window.toolbar)
    assert not problems, "\n".join(problems)


def test_inputs_in_dialogs_have_names(window, qtbot):
    from journeymap.ui.dialogs.export_dialog import ExportDialog
    from journeymap.ui.dialogs.import_dialog import ImportDialog
    from journeymap.ui.dialogs.import_history import ImportHistoryDialog
    from journeymap.ui.dialogs.new_map import NewMapDialog
    from journeymap.ui.dialogs.preferences import PreferencesDialog
    from journeymap.ui.dialogs.shortcuts import ShortcutsDialog
    from journeymap.ui.main_window import settings

    dialogs = [
        ExportDialog(window.session, window.scene, window),
        ImportDialog(window.session, window),
        ImportHistoryDialog(window.session, window),
        PreferencesDialog(settings(), window),
        NewMapDialog(window),
        ShortcutsDialog(window),
    ]
    problems = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        problems += unnamed_inputs(dialog)
        dialog.close()
    assert not problems, "\n".join(problems)


PIXEL_FONT = re.compile(r"setPixelSize\s*\(|font(-size)?\s*:[^;\"']*\d+\s*px", re.IGNORECASE)


def test_no_hard_coded_pixel_fonts():
    """Widget text follows the system font size: no pixel font sizes in code or style sheets."""
    offenders = []
    files = list((ROOT / "journeymap").rglob("*.py")) + list((ROOT / "resources").rglob("*.qss"))
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if PIXEL_FONT.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_widget_fonts_scale_with_the_application_font(window, qtbot):
    """Relative sizes: a larger application font makes the docks' text larger."""
    app = QApplication.instance()
    before = app.font()
    header = window.inspector_dock.findChildren(QLabel)
    try:
        sizes = [w.font().pointSizeF() for w in header]
        bigger = QFont(before)  # a copy: changing `before` itself leaked a 1.5× font into every later test
        bigger.setPointSizeF(before.pointSizeF() * 1.5)
        app.setFont(bigger)
        QApplication.processEvents()
        assert max(w.font().pointSizeF() for w in header) > max(sizes)
    finally:
        app.setFont(before)
