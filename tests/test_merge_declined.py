"""A deletion the user declined in a merge is not proposed again for that copy (issue 18, format 12)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from journeymap import i18n
from journeymap.services.merging import apply_merge, plan_merge
from journeymap.storage import Document, schema
from journeymap.ui.merge_actions import merge_changes


@pytest.fixture
def master(doc_path):
    Document.open(doc_path).close()
    return doc_path


def copy_of(path, name: str):
    out = path.with_name(name)
    shutil.copy(path, out)
    Document.open(out).close()  # opened once where it is: a replica of its own
    return out


def first_card(path):
    with Document.open(path, read_only=True) as doc:
        return doc.touchpoints(doc.maps()[0].id)[0]


def dump(path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in ("touchpoints", "replica_seen", "merge_declined")}
    finally:
        conn.close()


def test_a_declined_deletion_is_not_proposed_again_by_that_copy(master):
    anna, bob = copy_of(master, "anna.jmap"), copy_of(master, "bob.jmap")
    card = first_card(master)
    for path in (anna, bob):
        with Document.open(path) as doc:
            doc.delete_touchpoint(card.id)
    with Document.open(master) as doc:
        (deletion,) = plan_merge(doc, [anna]).deletions
        assert deletion.label == card.title
        apply_merge(doc, [anna], declined=[deletion.key])
        assert doc.touchpoint(card.id).title == card.title  # kept
        again = plan_merge(doc, [anna])
        assert not again.deletions and again.is_empty()
        # bob deleted it too: his deletion is his own decision, proposed
        assert [d.label for d in plan_merge(doc, [anna, bob]).deletions] == [card.title]
    before = dump(master)
    with Document.open(master) as doc:
        apply_merge(doc, [anna])
    assert dump(master) == before  # merging again changes nothing


def test_proposed_again_once_the_copy_had_it_back_and_deleted_it_again(master):
    anna = copy_of(master, "anna.jmap")
    card = first_card(master)
    with_card = anna.with_name("anna-monday.jmap")
    shutil.copy(anna, with_card)  # anna's file as it was on Monday (the same copy: her replica)
    with Document.open(anna) as doc:
        doc.delete_touchpoint(card.id)
    with Document.open(master) as doc:
        (deletion,) = plan_merge(doc, [anna]).deletions
        apply_merge(doc, [anna], declined=[deletion.key])
        assert not plan_merge(doc, [anna]).deletions
        apply_merge(doc, [with_card])  # that copy has the card again: the decision is forgotten
        assert [d.label for d in plan_merge(doc, [anna]).deletions] == [card.title]


def test_without_the_users_no_a_deletion_stays_proposed(master):
    anna = copy_of(master, "anna.jmap")
    card = first_card(master)
    with Document.open(anna) as doc:
        doc.delete_touchpoint(card.id)
    with Document.open(master) as doc:  # as the command line merges: deletions only listed
        apply_merge(doc, [anna])
        assert [d.label for d in plan_merge(doc, [anna]).deletions] == [card.title]


def test_undo_and_redo_take_the_decision_back_and_again(master):
    anna = copy_of(master, "anna.jmap")
    card = first_card(master)
    with Document.open(anna) as doc:
        doc.delete_touchpoint(card.id)
    before = dump(master)
    with Document.open(master) as doc:
        (deletion,) = plan_merge(doc, [anna]).deletions
        result = apply_merge(doc, [anna], declined=[deletion.key])
        after = dump(master)
        assert after["merge_declined"]
        result.undo()
        assert dump(master) == before and plan_merge(doc, [anna]).deletions
        result.redo()
        assert dump(master) == after and not plan_merge(doc, [anna]).deletions


def test_a_format_11_document_is_upgraded_and_merges(master, tmp_path):
    anna = copy_of(master, "anna.jmap")
    card = first_card(master)
    with Document.open(anna) as doc:
        doc.delete_touchpoint(card.id)
    for path in (master, anna):  # both as format 11 wrote them: no table of declined deletions
        conn = sqlite3.connect(path)
        conn.execute("DROP TABLE merge_declined")
        conn.execute("PRAGMA user_version = 11")
        conn.commit()
        conn.close()
    copy_bytes = anna.read_bytes()
    with Document.open(master) as doc:
        assert doc.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 12
        (deletion,) = plan_merge(doc, [anna]).deletions  # the format-11 copy is upgraded in a private copy
        apply_merge(doc, [anna], declined=[deletion.key])
        assert not plan_merge(doc, [anna]).deletions
    assert anna.read_bytes() == copy_bytes


@pytest.fixture
def anna_deleted(doc_path):
    """anna.jmap, a copy of MASTER that deleted its first card (made before the window opens MASTER)."""
    anna = doc_path.with_name("anna.jmap")
    shutil.copy(doc_path, anna)
    card = first_card(doc_path)
    with Document.open(anna) as doc:
        doc.delete_touchpoint(card.id)
    return anna, card


def _merge_declining_in_window(qtbot, window, anna):
    session = window.session
    flow = merge_changes(window, session, [anna])
    dialog = flow.dialog
    assert dialog is not None and len(dialog.plan.deletions) == 1
    assert dialog.declined() == [dialog.plan.deletions[0].key]  # nothing ticked: all declined
    label = dialog.declined_label.text()
    with qtbot.waitSignal(session.changed):
        dialog.merge_button.click()
    flow.message.close()
    return label


def test_in_the_window_an_unticked_deletion_is_not_asked_again(qtbot, anna_deleted, window):
    session = window.session
    anna, card = anna_deleted
    label = _merge_declining_in_window(qtbot, window, anna)
    assert "not proposed again" in label
    assert session.document.touchpoint(card.id).title == card.title
    again = merge_changes(window, session, [anna])
    assert again.dialog is None
    assert again.message.text() == "Nothing to merge: map.jmap already has everything from anna.jmap."
    again.message.close()
    window.act_undo.trigger()  # the merge undone: the decision with it
    undone = merge_changes(window, session, [anna])
    assert undone.dialog is not None and len(undone.dialog.plan.deletions) == 1
    undone.dialog.reject()


def test_the_dialog_says_so_in_spanish(qapp, qtbot, anna_deleted, window):
    i18n.install(qapp, "es")
    try:
        label = _merge_declining_in_window(qtbot, window, anna_deleted[0])
    finally:
        i18n.install(qapp, "en")
    assert label == ("Lo que dejes sin marcar se queda aquí y no se vuelve a proponer la próxima vez que "
                     "combines esa copia.")
