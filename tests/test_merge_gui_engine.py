"""File ▸ Merge Changes From… with the real engine: two copies of a document merged through the GUI.

MASTER is opened in the main window; the copies are edited through the storage
API as the store managers' editors would, then merged with the window's merge
flow (the file dialog skipped: the paths are given). Undo and redo go through the
window's actions, and the canvas is checked as well as the file.
"""

from __future__ import annotations

import hashlib
import shutil

import pytest
from PySide6.QtWidgets import QMessageBox

from journeymap import i18n
from journeymap.domain.model import Note
from journeymap.services.merge_plan import BOTH, MINE, THEIRS
from journeymap.storage import Document
from journeymap.ui.main_window import MainWindow
from journeymap.ui.merge_actions import merge_changes


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def content(doc: Document) -> dict:
    """What the user sees of a document: every card's title and sensation, every note's text and author."""
    map_id = doc.maps()[0].id
    tps = doc.touchpoints(map_id)
    return {
        "cards": sorted((t.id, t.title, str(t.sensation)) for t in tps),
        "notes": sorted((n.touchpoint_id, n.text, n.author) for t in tps for n in doc.notes(t.id)),
    }


@pytest.fixture
def copies(doc_path):
    """MASTER (doc_path) with a shared note, and store-7.jmap, a copy of it that changed the same things."""
    with Document.open(doc_path) as doc:
        card, other = doc.touchpoints(doc.maps()[0].id)[:2]
        note = doc.add_note(Note(card.id, "base note", "Luis"))
    copy = doc_path.with_name("store-7.jmap")
    shutil.copy(doc_path, copy)
    with Document.open(copy) as doc:  # the store manager's editing
        doc.update_touchpoint(card.id, title="Queue at the tills")
        doc.update_note(note, text="Only 4 tills open at noon")
        doc.add_note(Note(other.id, "Customers ask for the loyalty card", "Ana Ruiz"))
    with Document.open(doc_path) as doc:  # meanwhile, the consultant's
        doc.update_touchpoint(card.id, title="Checkout")
        doc.update_note(note, text="Tills: see the survey")
    return doc_path, copy, card.id, other.id


@pytest.fixture
def window(qtbot, copies):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_path(copies[0])
    w.ensure_docks()
    yield w
    w.close()


def conflicts_by_field(dialog) -> dict[tuple[str, str], str]:
    return {(c.kind, c.field): c.key for c in dialog.plan.conflicts}


def test_merge_a_copy_with_conflicts_then_undo_redo_and_again(qtbot, window, copies):
    master, copy, card, other = copies
    session, doc = window.session, window.session.document
    before = content(doc)

    flow = merge_changes(window, session, [copy])
    dialog = flow.dialog
    assert dialog is not None, flow.message and flow.message.text()
    keys = conflicts_by_field(dialog)
    assert set(keys) == {("touchpoint", "title"), ("note", "text")}
    row = [c.key for c in dialog.plan.conflicts].index(keys[("touchpoint", "title")])
    assert [dialog.conflicts_table.item(row, c).text() for c in (2, 3, 4)] == [
        "Checkout", "Queue at the tills", "store-7.jmap"]
    assert "Added: 1 note" in dialog.summary_label.text() and "Ana Ruiz" in dialog.summary_label.text()
    assert dialog.choices() == dict.fromkeys(keys.values(), MINE)
    dialog.set_choice(keys[("touchpoint", "title")], THEIRS)
    dialog.set_choice(keys[("note", "text")], BOTH)
    with qtbot.waitSignal(session.changed):
        dialog.merge_button.click()

    merged = content(doc)
    assert doc.touchpoint(card).title == "Queue at the tills"
    assert sorted(n.text for n in doc.notes(card)) == ["Only 4 tills open at noon", "Tills: see the survey"]
    assert [(n.text, n.author) for n in doc.notes(other)] == [("Customers ask for the loyalty card", "Ana Ruiz")]
    assert window.scene.cards[card].touchpoint.title == "Queue at the tills"
    assert session.undo_stack.count() == 1 and "store-7.jmap" in session.undo_stack.text(0)
    report = flow.message.informativeText()
    assert "From store-7.jmap:" in report and "notes by Ana Ruiz" in report
    assert "Conflicts: 1 taken from the copy, 1 note kept in both versions" in report
    flow.message.close()

    window.act_undo.trigger()
    assert content(doc) == before
    assert window.scene.cards[card].touchpoint.title == "Checkout"
    window.act_redo.trigger()
    assert content(doc) == merged
    assert window.scene.cards[card].touchpoint.title == "Queue at the tills"

    again = merge_changes(window, session, [copy])
    assert again.dialog is None
    assert again.message.text() == "Nothing to merge: map.jmap already has everything from store-7.jmap."
    assert session.undo_stack.count() == 1 and content(doc) == merged
    again.message.close()


def test_an_unrelated_document_is_refused_by_name_and_changes_nothing(qtbot, window, copies, tmp_path):
    from journeymap.services.templates import create_map_from_template

    master = copies[0]
    stranger = tmp_path / "other-client.jmap"
    with Document.create(stranger) as doc:
        create_map_from_template(doc, "retail-store")
    doc = window.session.document
    before = content(doc)
    window.session.document.checkpoint()
    digest = sha(master)

    flow = merge_changes(window, window.session, [stranger])
    assert flow.dialog is None and flow.message.icon() == QMessageBox.Icon.Critical
    text = flow.message.text()
    assert "other-client.jmap could not be merged into map.jmap; nothing was changed." in text
    assert "not a copy of this map" in text
    assert window.session.undo_stack.count() == 0 and content(doc) == before
    flow.message.close()
    window.close()
    assert sha(master) == digest


def test_a_damaged_copy_is_refused_in_spanish(qapp, qtbot, window, copies):
    copy = copies[1]
    copy.write_bytes(copy.read_bytes()[:3000])
    i18n.install(qapp, "es")
    try:
        flow = merge_changes(window, window.session, [copy])
        text = flow.message.text()
    finally:
        i18n.install(qapp, "en")
    assert flow.dialog is None
    assert text.startswith("store-7.jmap no se pudo combinar en map.jmap; no se cambió nada.")
    assert window.session.undo_stack.count() == 0
    flow.message.close()


def test_a_sensation_conflict_shows_the_sensations_by_name_in_spanish(qapp, qtbot, window, copies):
    master, copy, card, other = copies
    with Document.open(copy) as doc:
        doc.update_touchpoint(other, sensation="negative")
    window.session.document.update_touchpoint(other, sensation="positive")
    i18n.install(qapp, "es")
    try:
        flow = merge_changes(window, window.session, [copy])
        dialog = flow.dialog
        (row,) = [i for i, c in enumerate(dialog.plan.conflicts) if c.field == "sensation"]
        shown = [dialog.conflicts_table.item(row, c).text() for c in (1, 2, 3)]
        header = dialog.conflicts_table.horizontalHeaderItem(2).text()
        dialog.reject()
    finally:
        i18n.install(qapp, "en")
    assert shown == ["Sensación", "Positiva", "Negativa"] and header == "Mío (este documento)"
