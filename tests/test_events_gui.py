"""Data ▸ Import Events…: the dialog, one undo step with its new cards, the import history (pytest-qt)."""

from __future__ import annotations

import pytest
from events_fixtures import abc_log, make_map, write_csv

from journeymap.storage.events_sql import map_flows
from journeymap.ui.dialogs.event_import_dialog import EventImportDialog
from journeymap.ui.dialogs.import_history import ImportHistoryDialog
from journeymap.ui.session import DocumentSession


@pytest.fixture
def session(qtbot, tmp_path):
    doc, map_id, ids = make_map(tmp_path)
    s = DocumentSession(doc, map_id)
    s.ids = ids
    yield s
    s.undo_stack.clear()
    doc.close()


def test_dialog_guesses_columns_and_imports_one_undo_step(qtbot, session, tmp_path):
    doc, map_id = session.document, session.map_id
    path = write_csv(tmp_path / "crm.csv", ["Record ID", "Activity date", "Subject", "Canal"],
                     [["1", "2024-03-05 10:00", "Web", "web"], ["1", "2024-03-05 12:00", "Chat", "chat"],
                      ["2", "2024-03-05 09:00", "Web", "web"], ["2", "2024-03-06 09:00", "Chat", "chat"]])
    dialog = EventImportDialog(session, path=path)
    qtbot.addWidget(dialog)
    assert dialog.columns() == {"customer": 0, "time": 1, "touchpoint": 2, "channel": 3, "outcome": None}
    assert dialog.import_button.isEnabled()
    assert not dialog.unknown_label.isHidden() and "Chat" in dialog.unknown_label.text()
    dialog.combos["customer"].setCurrentIndex(0)
    assert not dialog.import_button.isEnabled() and "Customer" in dialog.warning_label.text()
    dialog.combos["customer"].setCurrentIndex(1)
    dialog.new_cards_check.setChecked(True)
    with qtbot.waitSignal(session.metricsChanged):
        result = dialog.start_import()
    assert result.imported == 4 and len(result.new_touchpoints) == 1
    assert "Imported 4 events of 2 customers" in dialog.summary.label.text()
    assert "1 new card" in dialog.summary.label.text()
    chat = result.new_touchpoints[0]
    assert session.undo_stack.count() == 1 and "crm.csv" in session.undo_stack.text(0)

    session.undo_stack.undo()
    assert map_flows(doc, map_id).empty and doc.touchpoints_by_id([chat]) == {}
    session.undo_stack.redo()
    assert doc.touchpoint(chat).title == "Chat"
    assert [(t.from_id, t.to_id, t.customers) for t in map_flows(doc, map_id).transitions] == [
        (session.ids["Web"], chat, 2)]
    dialog.summary.close()


def test_history_removes_an_event_log(qtbot, session, tmp_path):
    from journeymap.ui.commands.event_imports import run_event_import

    result = run_event_import(session, abc_log(tmp_path / "log.csv"))
    history = ImportHistoryDialog(session)
    qtbot.addWidget(history)
    assert history.batch_ids() == [result.batch_id]
    # Its rows are events, and the table says so (not "Responses").
    assert history.model.item(0, 1).text() == "Event log"
    assert history.model.item(0, 3).data(0) == result.imported
    assert history.model.item(0, 3).toolTip().startswith(f"{result.imported} event")
    history.select_batch(result.batch_id)
    history.remove_selected()
    assert map_flows(session.document, session.map_id).empty and history.batch_ids() == []
    session.undo_stack.undo()
    assert map_flows(session.document, session.map_id).transitions[0].customers == 150


def test_unreadable_file_is_a_message(qtbot, session, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    dialog = EventImportDialog(session)
    qtbot.addWidget(dialog)
    assert not dialog.load(bad)
    assert dialog.message is not None and "bad.xlsx" in dialog.message.text()
    dialog.message.close()
