"""Outline dock and map commands: add, rename, duplicate, delete, with undo, on a real file."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from journeymap.domain.model import Note
from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document
from journeymap.ui.commands.maps import DeleteMapCommand, LastMapError
from journeymap.ui.docks.outline import MAP_ID_ROLE, OutlineDock
from journeymap.ui.session import DocumentSession


@pytest.fixture
def setup(qtbot, tmp_path):
    path = tmp_path / "t.jmap"
    doc = Document.create(path)
    first = create_map_from_template(doc, "generic")
    session = DocumentSession(doc)
    dock = OutlineDock(lang="en")
    qtbot.addWidget(dock)
    dock.set_session(session)
    dock.show()
    yield path, doc, session, dock, first
    dock.set_session(None)
    doc.close()


def map_rows(path):
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT id, title FROM maps ORDER BY position, id").fetchall()


def count(path, table, map_id):
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT COUNT(*) FROM {table} WHERE map_id = ?", [map_id]).fetchone()[0]


def titles(dock):
    return [dock.list.item(i).text() for i in range(dock.list.count())]


def test_lists_maps_and_current_details(setup):
    _path, _doc, session, dock, first = setup
    assert titles(dock) == ["Generic customer journey"]
    assert dock.selected_map_id() == first == session.map_id
    assert dock.title_edit.text() == "Generic customer journey"
    assert dock.persona_edit.text().startswith("Marta")
    assert not dock.delete_action.isEnabled()  # the only map


def test_add_blank_map_and_undo(setup):
    path, _doc, session, dock, first = setup
    new = dock.add_map()
    assert new is not None and session.map_id == new
    assert map_rows(path) == [(first, "Generic customer journey"), (new, "New journey map")]
    assert count(path, "stages", new) == 5 and count(path, "lanes", new) == 5
    assert count(path, "touchpoints", new) == 0
    assert titles(dock) == ["Generic customer journey", "New journey map"]
    assert dock.selected_map_id() == new
    assert dock.title_edit.text() == "New journey map"
    session.undo_stack.undo()
    assert map_rows(path) == [(first, "Generic customer journey")]
    assert count(path, "stages", new) == 0
    assert session.map_id == first and titles(dock) == ["Generic customer journey"]
    session.undo_stack.redo()  # same id again
    assert map_rows(path)[-1] == (new, "New journey map")
    assert count(path, "stages", new) == 5
    assert session.map_id == new


def test_add_from_template(setup):
    path, doc, session, dock, _first = setup
    new = dock.add_map("hotel")
    assert doc.get_map(new).title == "Hotel stay"
    assert count(path, "touchpoints", new) > 0
    session.undo_stack.undo()
    assert count(path, "touchpoints", new) == 0


def test_rename_in_place_and_undo(setup, qtbot):
    path, _doc, session, dock, first = setup
    item = dock.list.item(0)
    item.setText("Onboarding")  # what the in-place editor does on commit
    assert map_rows(path) == [(first, "Onboarding")]
    assert dock.title_edit.text() == "Onboarding"
    session.undo_stack.undo()
    assert map_rows(path) == [(first, "Generic customer journey")]
    assert titles(dock) == ["Generic customer journey"]
    # An empty name is refused.
    dock.list.item(0).setText("   ")
    assert map_rows(path) == [(first, "Generic customer journey")]
    assert titles(dock) == ["Generic customer journey"]


def test_rename_with_f2_editor(setup, qtbot):
    path, _doc, _session, dock, first = setup
    dock.list.setFocus()
    dock.list.setCurrentRow(0)
    qtbot.keyClick(dock.list, Qt.Key.Key_F2)
    editor = dock.list.focusWidget()
    assert editor is not dock.list
    editor.selectAll()
    qtbot.keyClicks(editor, "Claims")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: map_rows(path) == [(first, "Claims")], timeout=2000)


def test_edit_title_persona_description(setup, qtbot):
    _path, doc, session, dock, first = setup
    dock.persona_edit.setFocus()
    dock.persona_edit.selectAll()
    qtbot.keyClicks(dock.persona_edit, "Luis")
    qtbot.keyClick(dock.persona_edit, Qt.Key.Key_Return)
    dock.persona_description_edit.setFocus()
    dock.persona_description_edit.setPlainText("Busy commuter")
    dock.title_edit.setFocus()  # focus-out commits the description
    # The fields edit the map's first persona.
    [p] = doc.map_personas(first)
    assert (p.name, p.bio) == ("Luis", "Busy commuter")
    session.undo_stack.undo()
    session.undo_stack.undo()
    [p] = doc.map_personas(first)
    assert p.name.startswith("Marta") and p.bio.startswith("Marta")
    assert dock.persona_edit.text().startswith("Marta")


def test_pending_field_edit_goes_to_its_own_map(setup):
    _path, doc, session, dock, first = setup
    second = dock.add_map()
    dock.description_edit.setFocus()
    dock.description_edit.setPlainText("About the second map")
    session.set_map(first)
    assert doc.get_map(second).description == "About the second map"
    assert doc.get_map(first).description != "About the second map"


def test_duplicate_and_undo(setup):
    path, doc, session, dock, first = setup
    tp = doc.touchpoints(first)[0]
    doc.add_note(Note(tp.id, "keep me"))
    copy = dock.duplicate_selected()
    assert copy is not None and session.map_id == copy
    assert map_rows(path)[-1] == (copy, "Generic customer journey (copy)")
    assert count(path, "touchpoints", copy) == count(path, "touchpoints", first)
    assert any(n.text == "keep me" for t in doc.touchpoints(copy) for n in doc.notes(t.id))
    session.undo_stack.undo()
    assert [r[0] for r in map_rows(path)] == [first]
    assert session.map_id == first
    session.undo_stack.redo()
    assert map_rows(path)[-1][0] == copy


def test_delete_with_confirmation_and_undo(setup, monkeypatch):
    path, _doc, session, dock, first = setup
    second = dock.add_map("insurance")
    touchpoints = count(path, "touchpoints", second)
    asked = []

    def refuse(*args, **kwargs):
        asked.append(args)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", refuse)
    assert not dock.delete_selected()
    assert asked and len(map_rows(path)) == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert dock.delete_selected()
    assert [r[0] for r in map_rows(path)] == [first]
    assert count(path, "touchpoints", second) == 0
    assert session.map_id == first
    assert not dock.delete_action.isEnabled()
    session.undo_stack.undo()
    assert [r[0] for r in map_rows(path)] == [first, second]
    assert count(path, "touchpoints", second) == touchpoints
    assert session.map_id == second and dock.selected_map_id() == second


def test_last_map_cannot_be_deleted(setup):
    path, _doc, session, dock, first = setup
    assert not dock.delete_map(first, confirm=False)
    with pytest.raises(LastMapError):
        DeleteMapCommand(session, first)
    assert map_rows(path) == [(first, "Generic customer journey")]


def test_selecting_a_map_sets_session_map(setup):
    _path, _doc, session, dock, first = setup
    second = dock.add_map()
    seen = []
    session.currentMapChanged.connect(seen.append)
    row = next(i for i in range(dock.list.count()) if dock.list.item(i).data(MAP_ID_ROLE) == first)
    dock.list.setCurrentRow(row)
    assert session.map_id == first and seen == [first]
    session.set_map(second)
    assert dock.selected_map_id() == second
    assert dock.title_edit.text() == "New journey map"


def test_read_only(setup):
    path, doc, _session, dock, first = setup
    doc.close()
    ro = Document.open(path, read_only=True)
    try:
        session = DocumentSession(ro)
        dock.set_session(session)
        assert not dock.add_action.isEnabled()
        assert not dock.duplicate_action.isEnabled()
        assert not dock.rename_action.isEnabled()
        assert dock.title_edit.isReadOnly()
        assert not dock.list.item(0).flags() & Qt.ItemFlag.ItemIsEditable
        assert dock.add_map() is None
    finally:
        dock.set_session(None)
        ro.close()


def test_delete_key_wins_over_window_shortcut(setup, qtbot, monkeypatch):
    from PySide6.QtGui import QAction, QKeySequence

    path, _doc, _session, dock, first = setup
    second = dock.add_map()
    fired = []
    window_delete = QAction("Delete cards", dock)
    window_delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    window_delete.triggered.connect(lambda: fired.append(True))
    dock.addAction(window_delete)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dock.list.setFocus()
    qtbot.keyClick(dock.list, Qt.Key.Key_Delete)
    assert [r[0] for r in map_rows(path)] == [first]
    assert not fired
    assert second not in [r[0] for r in map_rows(path)]
