"""Inspector dock: edits go through undo commands into the SQLite document."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from journeymap import settings as app_settings
from journeymap.domain.model import JourneyMap, Lane, Response, Sensation, Stage, Touchpoint
from journeymap.services.reporting import report_rows
from journeymap.storage import Document
from journeymap.ui.changes import Change
from journeymap.ui.docks.inspector import InspectorDock
from journeymap.ui.session import DocumentSession


@pytest.fixture
def setup(qtbot, tmp_path):
    path = tmp_path / "t.jmap"
    doc = Document.create(path)
    map_id = doc.add_map(JourneyMap("Journey"))
    stage = doc.add_stage(Stage(map_id, "Buy"))
    lane = doc.add_lane(Lane(map_id, "Touchpoints"))
    ids = [
        doc.add_touchpoint(Touchpoint(map_id, stage, lane, title, channel="web"))
        for title in ("Checkout", "Payment", "Receipt")
    ]
    session = DocumentSession(doc)
    dock = InspectorDock()
    qtbot.addWidget(dock)
    dock.set_session(session)
    dock.show()
    yield path, doc, session, dock, ids, map_id
    dock.set_session(None)
    doc.close()


def row(path, tp_id, column):
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT {column} FROM touchpoints WHERE id = ?", [tp_id]).fetchone()[0]


def report(doc, map_id, tp_id):
    return next(r for r in report_rows(doc, map_id) if r["id"] == tp_id)


def test_nothing_selected_shows_placeholder(setup):
    _path, _doc, _session, dock, _ids, _map = setup
    assert dock.touchpoint_id is None
    assert "No touchpoint" in dock.header.text()
    assert not dock.scroll.isVisible()


def test_title_edit_writes_row_and_undo_restores(setup, qtbot):
    path, _doc, session, dock, ids, _map = setup
    session.set_selection([ids[0]])
    assert dock.title_edit.text() == "Checkout"
    dock.title_edit.setFocus()
    dock.title_edit.selectAll()
    qtbot.keyClicks(dock.title_edit, "Pay & go")
    qtbot.keyClick(dock.title_edit, Qt.Key.Key_Return)
    assert row(path, ids[0], "title") == "Pay & go"
    assert dock.header.text() == "Pay & go"
    session.undo_stack.undo()
    assert row(path, ids[0], "title") == "Checkout"
    assert dock.title_edit.text() == "Checkout"  # the undo refreshed the inspector
    session.undo_stack.redo()
    assert dock.title_edit.text() == "Pay & go"


def test_loading_values_pushes_no_commands(setup):
    _path, _doc, session, _dock, ids, _map = setup
    session.set_selection([ids[0]])
    session.set_selection([ids[1]])
    session.set_selection([ids[0], ids[1]])
    session.set_selection([])
    assert session.undo_stack.count() == 0


def test_empty_title_is_refused(setup, qtbot):
    path, _doc, session, dock, ids, _map = setup
    session.set_selection([ids[0]])
    dock.title_edit.setFocus()
    dock.title_edit.clear()
    qtbot.keyClick(dock.title_edit, Qt.Key.Key_Return)
    assert row(path, ids[0], "title") == "Checkout"
    assert dock.title_edit.text() == "Checkout"
    assert session.undo_stack.count() == 0


def test_unconfirmed_text_is_committed_when_selection_moves(setup, qtbot):
    path, _doc, session, dock, ids, _map = setup
    session.set_selection([ids[0]])
    dock.description_edit.setFocus()
    qtbot.keyClicks(dock.description_edit, "Too many fields")
    session.set_selection([ids[1]])
    assert row(path, ids[0], "description") == "Too many fields"
    assert row(path, ids[1], "description") == ""
    assert dock.description_edit.toPlainText() == ""


def test_fields_channel_sensation_tags_impact(setup, qtbot):
    path, doc, session, dock, ids, _map = setup
    session.set_selection([ids[0]])
    dock.channel_combo.setCurrentIndex(dock.channel_combo.findData("email"))
    dock.channel_combo.activated.emit(dock.channel_combo.currentIndex())
    dock.sensation_buttons[Sensation.NEGATIVE].click()
    dock.mot_check.click()
    dock.impact_spin.setValue(5)
    dock.tags_edit.setText("billing,  ux , billing")
    dock.tags_edit.editingFinished.emit()
    tp = doc.touchpoint(ids[0])
    assert (tp.channel, tp.sensation, tp.moment_of_truth, tp.impact) == ("email", Sensation.NEGATIVE, True, 5)
    assert tp.tags == ["billing", "ux"]
    assert row(path, ids[0], "sensation") == "negative"
    assert session.undo_stack.count() == 5
    for _ in range(5):
        session.undo_stack.undo()
    tp = doc.touchpoint(ids[0])
    assert (tp.channel, tp.sensation, tp.moment_of_truth, tp.impact, tp.tags) == (
        "web", Sensation.NEUTRAL, False, 3, [])
    assert dock.sensation_buttons[Sensation.NEUTRAL].isChecked()
    assert dock.channel_combo.currentText() == "Web"


def test_typed_channel_is_resolved_or_kept(setup):
    _path, doc, session, dock, ids, _map = setup
    session.set_selection([ids[0]])
    dock.channel_combo.setEditText("live chat")
    dock.channel_combo.lineEdit().editingFinished.emit()
    assert doc.touchpoint(ids[0]).channel == "chat"
    dock.channel_combo.setEditText("Kiosk")
    dock.channel_combo.lineEdit().editingFinished.emit()
    assert doc.touchpoint(ids[0]).channel == "Kiosk"


def test_manual_nps_and_sentiment_with_undo(setup):
    _path, doc, session, dock, ids, map_id = setup
    session.set_selection([ids[1]])
    assert report(doc, map_id, ids[1])["nps"] is None
    dock.set_manual_nps(-20)
    dock.set_manual_sentiment(0.5)
    r = report(doc, map_id, ids[1])
    assert (r["nps"], r["sentiment"]) == (-20.0, 0.5)
    assert "\u221220.0" in dock.effective_label.text()  # a typographic minus
    assert "manual" in dock.effective_label.text()
    # Editing the spin box while "Set" is on changes the value.
    dock.nps_spin.setValue(40)
    assert report(doc, map_id, ids[1])["nps"] == 40.0
    session.undo_stack.undo()  # back to -20
    assert report(doc, map_id, ids[1])["nps"] == -20.0
    assert dock.nps_spin.value() == -20
    session.undo_stack.undo()  # sentiment
    r = report(doc, map_id, ids[1])
    assert (r["nps"], r["sentiment"]) == (-20.0, None)
    assert dock.sentiment_combo.currentData() is None
    session.undo_stack.undo()  # manual NPS
    assert report(doc, map_id, ids[1])["nps"] is None
    assert not dock.nps_check.isChecked()
    assert not dock.nps_spin.isEnabled()
    session.undo_stack.redo()
    assert report(doc, map_id, ids[1])["nps"] == -20.0
    assert dock.nps_check.isChecked() and dock.nps_spin.value() == -20
    # "None" clears it.
    dock.set_manual_nps(None)
    assert doc.touchpoint(ids[1]).manual_nps is None


def test_manual_counts_show_computed_nps(setup):
    _path, doc, session, dock, ids, map_id = setup
    session.set_selection([ids[0]])
    dock.counts_check.setChecked(True)
    dock.promoters_spin.setValue(6)
    dock.passives_spin.setValue(2)
    dock.detractors_spin.setValue(2)
    tp = doc.touchpoint(ids[0])
    assert (tp.manual_promoters, tp.manual_passives, tp.manual_detractors) == (6, 2, 2)
    r = report(doc, map_id, ids[0])
    assert (r["nps"], r["promoters"], r["detractors"]) == (40.0, 6, 2)
    assert "+40.0" in dock.counts_nps_label.text()
    # All the count edits merged into one undo step.
    session.undo_stack.undo()
    tp = doc.touchpoint(ids[0])
    assert (tp.manual_promoters, tp.manual_passives, tp.manual_detractors) == (None, None, None)
    assert not dock.counts_check.isChecked()


def test_responses_take_precedence_and_are_reported(setup):
    _path, doc, session, dock, ids, _map = setup
    for score in (10, 9, 3):
        doc.add_response(Response(ids[2], score, sentiment=0.5))
    session.set_selection([ids[2]])
    dock.set_manual_nps(90)
    text = dock.effective_label.text()
    assert "+33.3" in text and "n = 3" in text and "survey responses" in text


def test_notes_add_delete_undo(setup, qtbot):
    path, doc, session, dock, ids, _map = setup
    session.set_selection([ids[0]])
    assert dock.notes_empty.isVisible()
    dock.note_edit.setPlainText("Customers abandon here")
    dock.author_edit.setText("Ana")
    qtbot.mouseClick(dock.add_note_button, Qt.MouseButton.LeftButton)
    notes = doc.notes(ids[0])
    assert [(n.text, n.author) for n in notes] == [("Customers abandon here", "Ana")]
    assert notes[0].created_at[:4].isdigit() and "T" in notes[0].created_at
    assert dock.notes_list.count() == 1 and "Ana" in dock.notes_list.item(0).text()
    assert dock.note_edit.toPlainText() == ""
    assert app_settings.AUTHOR.get() == "Ana"  # remembered for next time

    second = dock.add_note("Second thought")
    assert second is not None and doc.notes(ids[0])[1].author == "Ana"
    dock.notes_list.setCurrentRow(0)
    dock.delete_selected_note()
    assert [n.text for n in doc.notes(ids[0])] == ["Second thought"]
    session.undo_stack.undo()  # delete
    assert [n.text for n in doc.notes(ids[0])] == ["Customers abandon here", "Second thought"]
    assert dock.notes_list.count() == 2
    session.undo_stack.undo()  # second add
    session.undo_stack.undo()  # first add
    assert doc.notes(ids[0]) == []
    assert dock.notes_list.count() == 0
    session.undo_stack.redo()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT text, author FROM notes").fetchall() == [("Customers abandon here", "Ana")]


def test_multi_selection_edits_common_fields_in_one_step(setup):
    _path, doc, session, dock, ids, _map = setup
    doc.update_touchpoint(ids[1], sensation=Sensation.POSITIVE)
    session.set_selection(ids)
    assert "3 touchpoints selected" in dock.header.text()
    assert not dock.scores_group.isVisible() and not dock.notes_group.isVisible()
    assert not any(b.isChecked() for b in dock.sensation_buttons.values())  # mixed
    dock.sensation_buttons[Sensation.NEGATIVE].click()
    dock.mot_check.click()
    assert all(doc.touchpoint(i).sensation == Sensation.NEGATIVE for i in ids)
    assert all(doc.touchpoint(i).moment_of_truth for i in ids)
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert [doc.touchpoint(i).sensation for i in ids] == [
        Sensation.NEUTRAL, Sensation.POSITIVE, Sensation.NEUTRAL]
    assert not any(doc.touchpoint(i).moment_of_truth for i in ids)


def test_deleted_touchpoint_clears_inspector(setup):
    _path, doc, session, dock, ids, _map = setup
    session.set_selection([ids[0]])
    doc.delete_touchpoint(ids[0])
    session.announce(Change.of(session.map_id, removed=[ids[0]]))
    assert dock.touchpoint_id is None


def test_read_only_session_disables_editing(setup, tmp_path):
    path, doc, _session, dock, ids, _map = setup
    doc.close()
    ro = Document.open(path, read_only=True)
    try:
        session = DocumentSession(ro)
        dock.set_session(session)
        session.set_selection([ids[0]])
        assert dock.title_edit.isReadOnly()
        assert not dock.channel_combo.isEnabled()
        assert not dock.nps_check.isEnabled()
        assert not dock.sentiment_combo.isEnabled()
        assert not dock.add_note_button.isEnabled()
        assert dock.add_note("nope") is None
        assert session.undo_stack.count() == 0
    finally:
        dock.set_session(None)
        ro.close()


def test_rebinding_disconnects_old_session(setup, tmp_path):
    _path, _doc, session, dock, ids, _map = setup
    other_doc = Document.create(tmp_path / "other.jmap")
    other = DocumentSession(other_doc)
    dock.set_session(other)
    session.set_selection([ids[0]])
    assert dock.touchpoint_id is None
    dock.set_session(None)
    assert "No document" in dock.header.text()
    other_doc.close()


def test_delete_key_deletes_selected_note(setup, qtbot):
    _path, doc, session, dock, ids, _map = setup
    session.set_selection([ids[0]])
    dock.add_note("one", "Ana")
    dock.notes_list.setFocus()
    dock.notes_list.setCurrentRow(0)
    qtbot.keyClick(dock.notes_list, Qt.Key.Key_Delete)
    assert doc.notes(ids[0]) == []
