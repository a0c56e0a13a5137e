"""Undoable imports, the import dialog and the import history (pytest-qt)."""

from __future__ import annotations

import openpyxl
import pytest
from import_helpers import by_title, fingerprint, make_doc, write
from PySide6.QtCore import QTimer

from journeymap.services.importing import import_file
from journeymap.storage import Document
from journeymap.ui.commands.imports import ImportBatchCommand, RemoveBatchCommand, run_import
from journeymap.ui.dialogs.import_dialog import ImportDialog, ImportSummaryDialog
from journeymap.ui.dialogs.import_history import ImportHistoryDialog
from journeymap.ui.session import DocumentSession


@pytest.fixture
def session(qtbot, tmp_path):
    doc, map_id, ids = make_doc(tmp_path)
    s = DocumentSession(doc, map_id)
    s.ids = ids
    yield s
    s.undo_stack.clear()
    doc.close()


def test_import_command_undo_redo(qtbot, session, tmp_path):
    doc, map_id = session.document, session.map_id
    write(tmp_path / "a.csv", "touchpoint,score,sentiment\nProbador,10,1\nProbador,0,-1\nProbador,9,0\n")
    before = fingerprint(doc, map_id)
    with qtbot.waitSignal(session.metricsChanged):
        result = run_import(session, tmp_path / "a.csv")
    assert session.undo_stack.count() == 1
    assert "a.csv" in session.undo_stack.text(0)
    after = fingerprint(doc, map_id)
    assert by_title(doc, map_id)["Probador"]["nps"] == 33.3
    ids_before = sorted(r.id for r in doc.responses(session.ids["Probador"]))

    with qtbot.waitSignal(session.metricsChanged):
        session.undo_stack.undo()
    assert fingerprint(doc, map_id) == before
    assert by_title(doc, map_id)["Probador"]["nps"] is None
    assert doc.batches(map_id) == []

    with qtbot.waitSignal(session.metricsChanged):
        session.undo_stack.redo()
    assert fingerprint(doc, map_id) == after
    assert by_title(doc, map_id)["Probador"]["nps"] == 33.3
    assert sorted(r.id for r in doc.responses(session.ids["Probador"])) == ids_before
    assert doc.batches(map_id)[0].id == result.batch_id

    session.undo_stack.undo()
    session.undo_stack.redo()
    assert fingerprint(doc, map_id) == after


def test_remove_batch_command(qtbot, session, tmp_path):
    doc, map_id = session.document, session.map_id
    write(tmp_path / "a.csv", "touchpoint,score\nProbador,10\n")
    write(tmp_path / "b.csv", "touchpoint,score\nProbador,0\nProbador,0\n")
    first = import_file(doc, map_id, tmp_path / "a.csv")
    session.undo_stack.push(ImportBatchCommand(session, first.batch_id))
    second = run_import(session, tmp_path / "b.csv")
    both = fingerprint(doc, map_id)
    assert by_title(doc, map_id)["Probador"]["nps"] == -33.3

    session.undo_stack.push(RemoveBatchCommand(session, first.batch_id))
    assert by_title(doc, map_id)["Probador"]["nps"] == -100.0
    assert [b.id for b in doc.batches(map_id)] == [second.batch_id]
    session.undo_stack.undo()
    assert fingerprint(doc, map_id) == both
    session.undo_stack.redo()
    assert by_title(doc, map_id)["Probador"]["nps"] == -100.0
    # Undo everything, then redo everything.
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert doc.batches(map_id) == []
    while session.undo_stack.canRedo():
        session.undo_stack.redo()
    assert by_title(doc, map_id)["Probador"]["nps"] == -100.0


def test_dialog_preview_mapping_and_import(qtbot, session, tmp_path):
    path = write(
        tmp_path / "encuesta.csv",
        "Punto de contacto;Valoración;Sentimiento;Notas\n"
        + "Atención en caja;9;0,5;x\n" * 25
        + "Nadie;9;0;x\n",
        "cp1252",
    )
    dialog = ImportDialog(session, path=path)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 20 and dialog.model.columnCount() == 4
    assert dialog.model.horizontalHeaderItem(1).text() == "Valoración"
    assert dialog.model.item(0, 0).text() == "Atención en caja"
    assert dialog.model.verticalHeaderItem(0).text() == "2"
    keys = dialog.columns.keys()
    assert (keys[0], keys[1], keys[2], keys[3]) == ("touchpoint", "score", "sentiment", "unknown")
    assert "cp1252" in dialog.info_label.text() and "long" in dialog.info_label.text()
    assert dialog.layout_combo.currentData() == "long"
    # Live preview of the NPS the first rows give.
    assert dialog.nps_model.rowCount() == 1
    assert [dialog.nps_model.item(0, c).text() for c in range(3)] == ["Atención en caja", "25", "+100"]
    assert "Notas" in dialog.nps_label.text()
    assert dialog.import_button.isEnabled()
    assert dialog.set_column(3, "comment")
    assert dialog.set_column(0, "ignored")
    assert not dialog.import_button.isEnabled()
    assert dialog.set_column(0, "touchpoint")
    assert dialog.import_button.isEnabled()

    result = dialog.start_import()
    assert (result.imported, result.rejected) == (25, 1)
    assert session.undo_stack.count() == 1
    doc = session.document
    assert {r.comment for r in doc.responses(session.ids["Atención en caja"])} == {"x"}
    summary = dialog.summary
    assert isinstance(summary, ImportSummaryDialog)
    qtbot.addWidget(summary)
    assert "25" in summary.label.text() and "1" in summary.label.text()
    assert summary.model.rowCount() == 1
    assert summary.model.item(0, 0).data(0) == 27
    assert "Nadie" in summary.model.item(0, 1).text()
    assert summary.save_button.isVisible() or not summary.isVisible()
    out = tmp_path / "rechazadas.csv"
    assert summary.save_rejected(out)
    assert out.read_text(encoding="utf-8-sig").splitlines()[1].startswith("27,no touchpoint 'Nadie'")


def test_dialog_wide_export_new_touchpoint_profile_and_reimport(qtbot, session, tmp_path, monkeypatch):
    import survey_fixtures as F
    from PySide6.QtWidgets import QMessageBox

    from journeymap.services import import_profiles

    folder = tmp_path / "wide"
    folder.mkdir()
    new_doc, new_map, _ids = F.survey_doc(folder)
    new_doc.close()
    session2 = DocumentSession(Document.open(new_doc.path), new_map)
    qtbot.addWidget(QMessageBox())  # a QApplication exists
    data = F.surveymonkey_csv(tmp_path)
    dialog = ImportDialog(session2, path=data)
    qtbot.addWidget(dialog)
    assert dialog.layout_combo.currentData() == "wide"
    assert "SurveyMonkey" in dialog.info_label.text()
    nps = {dialog.nps_model.item(r, 0).text(): dialog.nps_model.item(r, 2).text()
           for r in range(dialog.nps_model.rowCount())}
    assert nps == {"Checkout queue": "-67", "Fitting rooms": "+100", "Window display": "+50"}
    assert "Overall NPS: +33 (3 answers)" in dialog.nps_label.text()
    parking = next(c.index for c in dialog.preview.plan.columns if "parking" in c.label)
    assert dialog.columns.keys()[parking] == "unknown"
    stage = session2.document.stages(new_map)[0].id
    assert dialog.set_column(parking, f"new:{stage}")
    dialog.profile_edit.setText("monthly")
    before = len(session2.document.touchpoints(new_map))
    result = dialog.start_import()
    assert (result.imported, result.overall) == (8 + 3, 3)
    tps = session2.document.touchpoints(new_map)
    assert len(tps) == before + 1
    created = tps[-1]
    assert created.title == "How would you rate the parking?"
    assert {r.score for r in session2.document.responses(created.id)} == {8, 9, 10}
    assert import_profiles.get(session2.document, "monthly") is not None
    assert session2.undo_stack.count() == 1
    session2.undo_stack.undo()  # one step: the answers, the overall NPS and the new touchpoint
    assert len(session2.document.touchpoints(new_map)) == before
    assert session2.document.overall_counts(new_map) == (0, 0, 0)
    session2.undo_stack.redo()
    assert [t.title for t in session2.document.touchpoints(new_map)][-1] == created.title
    assert session2.document.overall_counts(new_map) == (2, 0, 1)
    dialog.summary.close()
    # The same file again: the dialog warns; declining the question changes nothing.
    again = ImportDialog(session2, path=data)
    qtbot.addWidget(again)
    assert "already imported" in again.warning_label.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert again.start_import() is None
    assert session2.undo_stack.count() == 1
    session2.undo_stack.clear()
    session2.document.close()


def test_dialog_cancel_leaves_document_unchanged(qtbot, session, tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("touchpoint,score\n")
        for i in range(30_000):
            fh.write(f"Probador,{i % 11}\n")
    doc, map_id = session.document, session.map_id
    before = fingerprint(doc, map_id)
    dialog = ImportDialog(session, path=path)
    qtbot.addWidget(dialog)
    QTimer.singleShot(0, lambda: dialog.progress_dialog.cancel())
    assert dialog.start_import() is None
    assert fingerprint(doc, map_id) == before
    assert session.undo_stack.count() == 0
    assert "cancelled" in dialog.message.text()
    dialog.message.close()


def test_dialog_bad_file_and_aggregated_xlsx(qtbot, session, tmp_path):
    bad = write(tmp_path / "bad.xlsx", "not a workbook")
    dialog = ImportDialog(session, path=bad)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    assert "bad.xlsx" in dialog.info_label.text()

    wb = openpyxl.Workbook()
    wb.active.title = "Notas"
    ws = wb.create_sheet("Datos")
    ws.append(["Touchpoint", "Promoters", "Passives", "Detractors"])
    ws.append(["Probador", 3, 1, 1])
    path = tmp_path / "agg.xlsx"
    wb.save(path)
    assert dialog.load(path)
    assert dialog.sheet_combo.count() == 2
    assert not dialog.import_button.isEnabled()  # the first sheet has no header we know
    dialog.sheet_combo.setCurrentText("Datos")
    assert dialog.preview.sheet == "Datos"
    assert dialog.aggregated() and dialog.import_button.isEnabled()
    result = dialog.start_import()
    assert result.imported == 5 and result.aggregated
    assert by_title(session.document, session.map_id)["Probador"]["nps"] == 40.0
    dialog.summary.close()


def test_history_lists_and_removes(qtbot, session, tmp_path):
    doc, map_id = session.document, session.map_id
    write(tmp_path / "a.csv", "touchpoint,score\nProbador,10\nNope,1\n")
    write(tmp_path / "b.csv", "touchpoint,score\nProbador,0\n")
    a = run_import(session, tmp_path / "a.csv")
    b = run_import(session, tmp_path / "b.csv")
    dialog = ImportHistoryDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.batch_ids() == [b.batch_id, a.batch_id]
    assert dialog.model.item(1, 0).text() == "a.csv"
    assert (dialog.model.item(1, 3).data(0), dialog.model.item(1, 4).data(0)) == (1, 1)
    assert dialog.model.item(1, 1).text() == "Survey"
    assert not dialog.remove_button.isEnabled()
    dialog.select_batch(a.batch_id)
    assert dialog.remove_button.isEnabled()
    dialog.remove_button.click()
    assert dialog.batch_ids() == [b.batch_id]
    assert by_title(doc, map_id)["Probador"]["nps"] == -100.0
    session.undo_stack.undo()
    assert dialog.batch_ids() == [b.batch_id, a.batch_id]
    assert by_title(doc, map_id)["Probador"]["nps"] == 0.0
