"""Defects a careful user found in the editor (issue 20), each pinned by a test that failed before its fix."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from canvas_helpers import card_centre
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from journeymap import __version__
from journeymap.domain.model import Sensation
from journeymap.storage import Document

ROOT = Path(__file__).resolve().parents[1]


def _all_actions(window):
    return [a for a in window.findChildren(type(window.act_undo)) if a.shortcuts()]


# ------------------------------------------------------------------ shortcuts
def test_redo_has_ctrl_y_and_no_key_twice(window):
    keys = [k.toString() for k in window.act_redo.shortcuts()]
    assert "Ctrl+Y" in keys and "Ctrl+Shift+Z" in keys
    assert len(keys) == len(set(keys))


def test_no_two_actions_share_a_key(window):
    owners: dict[str, list[str]] = {}
    window_wide = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    for action in _all_actions(window):
        if action.shortcutContext() not in window_wide:
            continue  # a panel's or the canvas's own key (e.g. Copy in a list) is not ambiguous
        for key in {k.toString() for k in action.shortcuts()}:
            owners.setdefault(key, []).append(action.text())
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_shortcut_help_is_made_from_the_actions(window):
    from journeymap.ui.dialogs.shortcuts import shortcut_rows

    listed = " ".join(keys for keys, _what in shortcut_rows(window))
    for key in ("Ctrl+I", "Ctrl+E", "Ctrl+Shift+C", "Ctrl+Alt+S", "Ctrl+Shift+L", "Ctrl+Y"):
        assert QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) in listed, key
    for action in _all_actions(window):
        if action.isVisible() and any(action in m.actions() for m in window.findChildren(type(window.file_menu))):
            assert action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText) in listed


# ------------------------------------------------------------------ moves
def test_alt_right_on_two_lanes_keeps_each_card_in_its_lane(window, qtbot):
    scene, view, doc = window.scene, window.view, window.session.document
    first = scene.stages[0].id
    by_lane: dict[int, int] = {}
    for tid, card in scene.cards.items():
        if card.cell[0] == first:
            by_lane.setdefault(card.cell[1], tid)
    (lane_a, a), (lane_b, b) = list(by_lane.items())[:2]
    scene.select_ids([a, b])
    view.setFocus()
    QTest.keyClick(view.viewport(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert (doc.touchpoint(a).lane_id, doc.touchpoint(b).lane_id) == (lane_a, lane_b)
    assert doc.touchpoint(a).stage_id == doc.touchpoint(b).stage_id == scene.stages[1].id


def test_a_move_off_the_grid_is_refused_with_a_message(window):
    scene = window.scene
    first = scene.stages[0].id
    tid = next(t for t, c in scene.cards.items() if c.cell[0] == first)
    other = next(t for t, c in scene.cards.items() if c.cell[0] == scene.stages[1].id)
    before = window.session.undo_stack.count()
    scene.select_ids([tid, other])
    assert not scene.move_selection(-1, 0)
    assert window.session.undo_stack.count() == before
    assert "Nothing was moved" in window.statusBar().currentMessage()


# ------------------------------------------------------------------ undo across maps
def test_undo_shows_the_map_it_changes_and_selects_what_changed(window):
    session = window.session
    first = session.map_id
    tid = next(iter(window.scene.cards))
    assert session.editor.set_sensation([tid], Sensation.POSITIVE if
                                        session.document.touchpoint(tid).sensation != Sensation.POSITIVE
                                        else Sensation.NEGATIVE)
    second = session.editor.add_map(title="Future state")
    assert session.map_id == second
    session.undo_stack.undo()  # the new map goes
    session.undo_stack.undo()  # the sensation, on the first map
    assert session.map_id == first
    assert session.selected_ids == [tid] and window.scene.cards[tid].isSelected()


# ------------------------------------------------------------------ status bar
def test_status_counts_follow_the_map_shown_with_real_plurals(window, qapp):
    from journeymap import i18n

    i18n.install(qapp, "en")  # English plural forms, as the app installs them at start
    session, label = window.session, window.status_counts
    window._update_counts()
    first = label.text()
    assert re.search(r"\d+ stages · \d+ lanes · \d+ cards", first)
    blank = session.editor.add_map(title="Blank")
    assert session.map_id == blank
    assert label.text() == "5 stages · 5 lanes · 0 cards"
    sid, lid = window.scene.stages[0].id, window.scene.lanes[0].id
    session.editor.add_touchpoint(sid, lid, "Only one")
    assert label.text().endswith("· 1 card")
    session.set_map(session.document.maps()[0].id)
    assert label.text() == first
    i18n.install_none()


def test_status_bar_text_is_not_clipped_at_1366(window):
    label = window.status_counts
    assert label.width() >= label.sizeHint().width()


# ------------------------------------------------------------------ stages, save as, new document
def test_a_new_stage_comes_into_view_with_its_rename_box(window, qtbot):
    for dock in window.docks:  # a canvas as wide as the window (the offscreen screen is small)
        dock.hide()
    window.layout().activate()
    qtbot.wait(50)
    assert window.view.viewport().width() > 400
    window.view.reset_zoom()
    window.view.horizontalScrollBar().setValue(0)
    window.act_add_stage.trigger()
    editor = window.scene.inline_editor
    assert editor is not None
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(editor.sceneBoundingRect()), (visible, editor.sceneBoundingRect())


def test_save_as_keeps_the_undo_history_and_the_map(window, tmp_path):
    session = window.session
    second = session.editor.add_map(title="Second")
    tid = window.scene.add_touchpoint(window.scene.stages[0].id, window.scene.lanes[0].id, "On the second map")
    count = session.undo_stack.count()
    target = tmp_path / "copy.jmap"
    assert window.save_as(target)
    assert window.session is session and session.document.path == target
    assert session.map_id == second and session.undo_stack.count() == count
    session.undo_stack.undo()
    with Document.open(target, read_only=True) as copy:
        assert tid not in {tp.id for tp in copy.touchpoints(second)}


def test_new_document_dialog_starts_in_a_visible_folder_with_a_file_name(window, monkeypatch, tmp_path):
    from journeymap.settings import data_dir
    from journeymap.ui.dialogs import new_map

    sample = data_dir() / "sample.jmap"
    Document.create(sample).close()
    assert window.open_path(sample)
    monkeypatch.setattr(new_map.NewMapDialog, "exec", lambda self: 1)
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, start, *a: (asked.append(start), ("", ""))[1])
    window.new_from_template_dialog()
    start = Path(asked[0])
    assert start.suffix == ".jmap" and start.stem
    assert Path(data_dir()).resolve() not in start.resolve().parents


def test_new_from_template_offers_a_blank_map(window, tmp_path):
    from journeymap.ui.dialogs.new_map import NewMapDialog

    dialog = NewMapDialog(window)
    dialog.list.setCurrentRow(0)
    assert dialog.template_name() == ""
    path = tmp_path / "blank.jmap"
    assert window.new_document(path, dialog.template_name())
    assert len(window.scene.stages) == 5 and not window.scene.cards


def test_menus_named_on_the_empty_pages_exist(window):
    from journeymap.ui.scene.header_items import empty_map_hint

    menus = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        menus[menu.title().replace("&", "")] = {a.text().replace("&", "") for a in menu.actions()}
    window.close_document()
    for text in (window._empty.text(), empty_map_hint()):
        refs = re.findall(r"(\w+) ▸ ([^).,]+?)(?=[).,]| and |$)", text)
        assert refs, text
        for menu, item in refs:
            assert item.strip() in menus[menu.strip()], (menu, item, text)


def test_about_names_the_version(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.show_about()
    assert __version__ in shown[0]


# ------------------------------------------------------------------ inspector
def test_inspector_sensation_buttons_use_the_canvas_palette(window):
    from journeymap.ui.scene import style

    for sensation, button in window.inspector_dock.sensation_buttons.items():
        assert style.sensation_colour(sensation).name() in button.styleSheet()


def test_manual_nps_and_answer_counts_are_alternatives(window):
    session, dock = window.session, window.inspector_dock
    tid = next(iter(window.scene.cards))
    window.scene.select_ids([tid])
    dock.counts_check.setChecked(True)
    dock.promoters_spin.setValue(5)
    assert session.document.touchpoint(tid).manual_promoters == 5
    dock.set_manual_nps(30)
    tp = session.document.touchpoint(tid)
    assert tp.manual_nps == 30 and tp.manual_promoters is None
    assert not dock.counts_check.isChecked()
    dock.counts_check.setChecked(True)
    tp = session.document.touchpoint(tid)
    assert tp.manual_nps is None and tp.manual_promoters is not None and not dock.nps_check.isChecked()


# ------------------------------------------------------------------ file dialogs
def test_import_file_dialog_opens_over_the_window(window, monkeypatch):
    from journeymap.ui.dialogs.import_dialog import open_import_dialog

    parents = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda parent, *a, **k: (parents.append(parent), ("", ""))[1])
    open_import_dialog(window, window.session)
    assert parents and parents[0].isVisible() and parents[0].window() is window


def test_export_file_dialog_opens_over_the_window(window, monkeypatch):
    from journeymap.ui.dialogs.export_dialog import ExportDialog

    parents = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda parent, *a, **k: (parents.append(parent), ("", ""))[1])
    dialog = ExportDialog(window.session, window.scene, window)
    dialog.show()
    dialog._choose_and_export()
    assert parents and parents[0].isVisible()
    centre = parents[0].frameGeometry().center()
    dialog.close()
    assert window.frameGeometry().contains(centre)


# ------------------------------------------------------------------ start-up and setup
def test_no_display_gives_one_clear_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py")], env=env, capture_output=True, text=True,
                            timeout=60, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "DISPLAY" in lines[0] and "journeymap --help" in lines[0]


def test_setup_says_what_it_does_and_keeps_stderr_clean(tmp_path):
    shim = tmp_path / "bin"
    shim.mkdir()
    for name in ("python3.13", "python3.12"):  # pyenv shims of versions that are not installed
        fake = shim / name
        fake.write_text(f"#!/bin/sh\necho 'pyenv: {name}: command not found' >&2\nexit 127\n")
        fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{shim}:{os.environ['PATH']}", "JOURNEYMAP_SETUP_DRY_RUN": "1"}
    runs = {}
    for args in ((), ("test",)):
        result = subprocess.run([str(ROOT / "scripts" / "setup"), *args], env=env, capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        runs[args] = result.stdout
    out = runs[("test",)]
    assert "system packages" in out and "installing JourneyMap with its test tools" in out
    assert out.splitlines()[-1].startswith("setup: done: start the editor with")
    # The test tools bring Xvfb and xauth for the real-display tier: two more system packages.
    counts = [int(re.search(r"checking (\d+) system packages", runs[a]).group(1)) for a in ((), ("test",))]
    assert counts[1] == counts[0] + 2, counts


def test_card_drag_refused_off_the_grid_puts_the_cards_back(window, qtbot):
    from canvas_helpers import drag

    scene, view = window.scene, window.view
    last = scene.stages[-1].id
    a = next(t for t, c in scene.cards.items() if c.cell[0] == last)
    b = next(t for t, c in scene.cards.items() if c.cell[0] == scene.stages[0].id)
    scene.select_ids([a, b])
    pos = {t: scene.cards[t].scenePos() for t in (a, b)}
    # Dragging b one stage to the right would push a off the map: refused, both go back.
    drag(view, card_centre(scene, b), scene.cell_rect(scene.stages[1].id, scene.cards[b].cell[1]).center())
    assert {t: scene.cards[t].scenePos() for t in (a, b)} == pos
    assert "Nothing was moved" in window.statusBar().currentMessage()


def test_test_modules_share_helpers_through_conftest_or_helper_modules():
    """A test module imported by another runs its tests twice and hides which fixture is in use."""
    import ast

    tests = Path(__file__).resolve().parent
    offenders = []
    for path in tests.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0].startswith("test_")]
    assert not offenders, "\n".join(offenders)
    assert not [p.name for p in tests.glob("test_*.py") if "def test_" not in p.read_text(encoding="utf-8")]
