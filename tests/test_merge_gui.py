"""File ▸ Merge Changes From… (issue 18): the dialog, one undo step, the messages (pytest-qt, real files).

These tests drive the GUI with plans built by hand and a small engine of the
same shape as ``services.merging`` that writes through the real storage API;
tests/test_merge_gui_engine.py merges real copies with the real engine.
"""

from __future__ import annotations

import hashlib
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QTableWidget,
    QWidget,
)

from journeymap import i18n
from journeymap.domain.model import Note
from journeymap.services.merge_plan import (
    BOTH,
    MINE,
    THEIRS,
    Conflict,
    Deletion,
    IncomingBatch,
    MergePlan,
    SourceSummary,
)
from journeymap.storage import Document
from journeymap.ui.dialogs.merge_dialog import MergeDialog
from journeymap.ui.merge_actions import merge_changes


def visible_texts(dialog) -> set[str]:
    """Every label, button, group title, choice and column header the dialog shows (with 3+ letters)."""
    texts = {dialog.windowTitle()}
    for child in dialog.findChildren(QWidget):
        if isinstance(child, QLabel | QAbstractButton):
            texts.add(child.text())
        elif isinstance(child, QGroupBox):
            texts.add(child.title())
        elif isinstance(child, QComboBox):
            texts.update(child.itemText(i) for i in range(child.count()))
        elif isinstance(child, QAbstractItemView) and hasattr(child, "horizontalHeaderItem"):
            texts.update(child.horizontalHeaderItem(c).text() for c in range(child.columnCount()))
    return {t for t in texts if re.search(r"[A-Za-z]{3}", t)}


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class TinyEngine:
    """Plans one title conflict, one note conflict and one deletion; applies the answers with storage calls."""

    def __init__(self, doc: Document, copy_name: str = "store-7.jmap"):
        self.doc = doc
        tps = doc.touchpoints(doc.maps()[0].id)
        self.card, self.other = tps[0], tps[1]
        self.copy = copy_name
        self.calls: list[tuple] = []
        self.plan_result = MergePlan(
            sources=[copy_name], added={"note": 1}, changed={"touchpoint": 1},
            conflicts=[
                Conflict("tp-title", "touchpoint", self.card.title, "title", self.card.title, "Theirs title",
                         copy_name),
                Conflict("note-1", "note", self.card.title, "text", "my note", "their note", copy_name, is_note=True),
            ],
            deletions=[Deletion("del-1", "touchpoint", self.other.title, copy_name)],
            batches=[IncomingBatch("survey-march.csv", 1234, copy_name)],
            authors=["Ana Ruiz"],
            per_source=[SourceSummary(copy_name, {"note": 1}, {"touchpoint": 1}, 2, 1, ["Ana Ruiz"])],
        )

    def plan(self, master, others, progress=None):
        assert master is self.doc
        if progress is not None:
            progress(1, 2)
            progress(2, 2)
        return self.plan_result

    def apply(self, master, others, choices, delete, progress=None, declined=()):
        self.calls.append((dict(choices), list(delete)))
        engine = self

        class Result:
            class touched:  # noqa: N801 - the shape of merge_write.Touched
                touchpoints = {engine.card.id}
                responses = 1234
                dropped_responses = 0

            def __init__(self):
                self.note_ids: list[int] = []

            def redo(self):
                with master.transaction():
                    if choices.get("tp-title") == THEIRS:
                        master.update_touchpoint(engine.card.id, title="Theirs title")
                    if choices.get("note-1") == BOTH:
                        self.note_ids = [master.add_note(Note(engine.card.id, "their note", "Ana Ruiz"))]

            def undo(self):
                with master.transaction():
                    master.update_touchpoint(engine.card.id, title=engine.card.title)
                    for note_id in self.note_ids:
                        master.delete_note(note_id)

        result = Result()
        result.redo()
        return result


def test_merge_through_the_menu_is_one_undo_step(qtbot, window, tmp_path):
    session = window.session
    doc = session.document
    engine = TinyEngine(doc)
    copy = tmp_path / "store-7.jmap"
    copy.write_bytes(b"")  # the engine is the test's own: the file only names the copy
    assert window.act_merge in window.file_menu.actions() and window.act_merge.isEnabled()

    flow = merge_changes(window, session, [copy], plan=engine.plan, apply=engine.apply)
    dialog = flow.dialog
    assert isinstance(dialog, MergeDialog) and dialog.isVisible()
    summary = dialog.summary_label.text()
    assert "Added: 1 note" in summary and "Changed: 1 touchpoint" in summary
    assert re.search(r"survey-march\.csv \(1\D?234 responses\)", summary) and "Ana Ruiz" in summary
    assert dialog.sources_table.item(0, 0).text() == "store-7.jmap"
    # Side by side: mine | theirs, a choice per row ("both" only for notes).
    table = dialog.conflicts_table
    assert [table.item(0, c).text() for c in (1, 2, 3)] == ["Title", engine.card.title, "Theirs title"]
    title_box, note_box = dialog.choice_boxes["tp-title"], dialog.choice_boxes["note-1"]
    assert [title_box.itemData(i) for i in range(title_box.count())] == [MINE, THEIRS]
    assert [note_box.itemData(i) for i in range(note_box.count())] == [MINE, THEIRS, BOTH]
    assert dialog.choices() == {"tp-title": MINE, "note-1": MINE}
    # Deletions are proposed, ticked off.
    assert dialog.deletions_list.item(0).checkState() == Qt.CheckState.Unchecked and dialog.deletions() == []
    assert engine.other.title in dialog.deletions_list.item(0).text()

    dialog.set_choice("tp-title", THEIRS)
    dialog.set_choice("note-1", BOTH)
    with qtbot.waitSignal(session.changed):
        dialog.merge_button.click()
    assert engine.calls == [({"tp-title": THEIRS, "note-1": BOTH}, [])]
    assert doc.touchpoint(engine.card.id).title == "Theirs title"
    assert [n.text for n in doc.notes(engine.card.id)][-1] == "their note"
    assert window.scene.cards[engine.card.id].touchpoint.title == "Theirs title"
    assert session.undo_stack.count() == 1 and "store-7.jmap" in session.undo_stack.text(0)
    report = flow.message
    assert report.isVisible() and "store-7.jmap" in report.text()
    assert "From store-7.jmap:" in report.informativeText() and "notes by Ana Ruiz" in report.informativeText()
    assert "1 taken from the copy" in report.informativeText()
    assert re.search(r"1\D?234 survey responses copied in", report.informativeText())
    report.close()

    window.act_undo.trigger()
    assert doc.touchpoint(engine.card.id).title == engine.card.title
    assert "their note" not in [n.text for n in doc.notes(engine.card.id)]
    assert window.scene.cards[engine.card.id].touchpoint.title == engine.card.title
    window.act_redo.trigger()
    assert doc.touchpoint(engine.card.id).title == "Theirs title"
    assert window.scene.cards[engine.card.id].touchpoint.title == "Theirs title"


def test_the_dialog_is_reachable_by_keyboard(qtbot, window, tmp_path):
    from journeymap.ui.dialogs.shortcuts import shortcut_rows

    assert ("Ctrl+Shift+M", "File ▸ Merge Changes From") in shortcut_rows(window)
    engine = TinyEngine(window.session.document)
    flow = merge_changes(window, window.session, [tmp_path / "store-7.jmap"], plan=engine.plan, apply=engine.apply)
    inputs = [w for w in flow.dialog.findChildren(QWidget) if isinstance(w, (QComboBox, QTableWidget, QListWidget))]
    assert len(inputs) == 2 + 3 and all(w.accessibleName() for w in inputs)  # the two choices, the three lists
    assert flow.dialog.merge_button.isDefault()
    flow.dialog.reject()


def test_keep_all_mine_and_ticked_deletions_reach_the_engine(qtbot, window, tmp_path):
    engine = TinyEngine(window.session.document)
    flow = merge_changes(window, window.session, [tmp_path / "store-7.jmap"], plan=engine.plan, apply=engine.apply)
    flow.dialog.all_theirs_button.click()
    assert flow.dialog.choices() == {"tp-title": THEIRS, "note-1": THEIRS}
    flow.dialog.all_mine_button.click()
    flow.dialog.set_deletion("del-1", True)
    flow.dialog.accept()
    assert engine.calls == [({"tp-title": MINE, "note-1": MINE}, ["del-1"])]
    assert "Deletions: 1 applied" in flow.message.informativeText()
    flow.message.close()


def test_cancel_changes_nothing(qtbot, window, tmp_path, doc_path):
    engine = TinyEngine(window.session.document)
    flow = merge_changes(window, window.session, [tmp_path / "store-7.jmap"], plan=engine.plan, apply=engine.apply)
    flow.dialog.reject()
    assert engine.calls == [] and window.session.undo_stack.count() == 0


def test_nothing_to_merge_says_so(qtbot, window, tmp_path):
    empty = MergePlan(sources=["store-7.jmap"])
    applied = []
    flow = merge_changes(window, window.session, [tmp_path / "store-7.jmap"], plan=lambda *a, **k: empty,
                         apply=lambda *a, **k: applied.append(a))
    assert flow.dialog is None and applied == []
    assert flow.message.text() == "Nothing to merge: map.jmap already has everything from store-7.jmap."
    flow.message.close()


def test_a_file_that_cannot_be_read_is_named_and_changes_nothing(qtbot, window, tmp_path, doc_path):
    bad = tmp_path / "notes.jmap"
    bad.write_bytes(b"this is not a journeymap document at all" * 100)
    before = sha(doc_path)

    def plan(master, others, progress=None):
        Document.open(others[0], read_only=True)  # what the engine does first: validate like an opened document
        raise AssertionError("opened")

    flow = merge_changes(window, window.session, [bad], plan=plan, apply=None)
    assert flow.dialog is None and flow.message.icon() == QMessageBox.Icon.Critical
    assert "notes.jmap could not be merged into map.jmap; nothing was changed." in flow.message.text()
    assert window.session.undo_stack.count() == 0
    flow.message.close()
    window.close()
    assert sha(doc_path) == before


def test_the_document_itself_is_not_a_copy(qtbot, window, doc_path):
    flow = merge_changes(window, window.session, [doc_path], plan=None, apply=None)
    assert flow.dialog is None and "map.jmap is the document that is open" in flow.message.text()
    flow.message.close()


def test_refused_apply_pushes_nothing(qtbot, window, tmp_path):
    engine = TinyEngine(window.session.document)

    def apply(*args, **kwargs):
        Document.open(tmp_path / "missing.jmap")

    flow = merge_changes(window, window.session, [tmp_path / "store-7.jmap"], plan=engine.plan, apply=apply)
    flow.dialog.accept()
    assert window.session.undo_stack.count() == 0 and flow.message.icon() == QMessageBox.Icon.Critical
    assert "missing.jmap" in flow.message.text()
    flow.message.close()


def test_the_dialog_speaks_spanish(qapp, qtbot, session):
    doc = session.document
    texts = {}
    try:
        for lang in ("en", "es"):
            i18n.install(qapp, lang)
            dialog = MergeDialog(TinyEngine(doc).plan_result, "map.jmap")
            qtbot.addWidget(dialog)
            texts[lang] = visible_texts(dialog)
            if lang == "es":
                assert dialog.windowTitle() == "Combinar cambios"
                assert dialog.merge_button.text().replace("&", "") == "Combinar"
                assert "Añadido: 1 nota" in dialog.summary_label.text()
                assert re.search(r"survey-march\.csv \(1\D?234 respuestas\)", dialog.summary_label.text())
                header = [dialog.conflicts_table.horizontalHeaderItem(c).text() for c in range(6)]
                assert header[2] == "Mío (este documento)" and header[3] == "Suyo (la copia)"
                assert dialog.choice_boxes["note-1"].itemText(2) == "Ambas"
            dialog.close()
    finally:
        i18n.install(qapp, "en")
    data = {tp.title for tp in doc.touchpoints(session.map_id)} | {"map.jmap", "store-7.jmap"}
    same = {t for t in texts["es"] & texts["en"] if t not in data and re.search(r"[A-Za-z]{3}", t)}
    assert not same, f"English in the Spanish dialog: {sorted(same)}"
