"""The merge dialog and its report as a user reads them (issue 18 review): no heading cut off, real plurals."""

from __future__ import annotations

import pytest

from journeymap import i18n
from journeymap.services.merge_plan import BOTH, MINE, THEIRS, Conflict, Deletion, MergePlan, SourceSummary
from journeymap.ui.dialogs.merge_dialog import MergeDialog, report_text


def plan() -> MergePlan:
    conflicts = [
        Conflict("0:touchpoints:a:title", "touchpoint", "Escaparate (consultora)", "title", "Escaparate (consultora)",
                 "Escaparate Madrid", "madrid.jmap"),
        Conflict("0:notes:b:text", "note", "Checkout queue", "text", "Tills: see the survey",
                 "Only 4 tills open at noon", "madrid.jmap", is_note=True),
        Conflict("1:touchpoints:c:sensation", "touchpoint", "Fitting rooms", "sensation", "negative", "positive",
                 "sevilla.jmap"),
    ]
    deletions = [Deletion("0:touchpoints:d", "touchpoint", "Opening hours sign", "madrid.jmap"),
                 Deletion("1:touchpoints:e", "touchpoint", "Security gates", "sevilla.jmap")]
    return MergePlan(["madrid.jmap", "sevilla.jmap"], {"note": 2}, {}, conflicts, deletions, [], ["Ana Ruiz"],
                     [SourceSummary("madrid.jmap", {"note": 1}, {}, 2, 1, ["Ana Ruiz"]),
                      SourceSummary("sevilla.jmap", {"note": 1}, {}, 1, 1, [])])


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_conflict_heading_is_cut_off(qapp, qtbot, lang) -> None:
    i18n.install(qapp, lang)
    try:
        dialog = MergeDialog(plan(), "cliente.jmap")
        qtbot.addWidget(dialog)
        screen = dialog.screen().availableGeometry().width()
        assert dialog.width() <= max(720, screen)  # never wider than the (800 px offscreen) screen
        dialog.fit_width(1920)  # as it opens on a laptop's or an office screen
        dialog.show()
        qtbot.waitExposed(dialog)
        header = dialog.conflicts_table.horizontalHeader()
        cut = [dialog.conflicts_table.horizontalHeaderItem(c).text() for c in range(header.count())
               if header.sectionSize(c) < header.sectionSizeHint(c)]
        dialog.reject()
    finally:
        i18n.install(qapp, "en")
    assert cut == []


def test_the_report_counts_in_real_plurals(qapp) -> None:
    choices = {"0:touchpoints:a:title": THEIRS, "0:notes:b:text": BOTH, "1:touchpoints:c:sensation": MINE}
    english = report_text(plan(), "cliente.jmap", choices, ["0:touchpoints:d"])
    i18n.install(qapp, "es")
    try:
        spanish = report_text(plan(), "cliente.jmap", choices, ["0:touchpoints:d"])
        none_deleted = report_text(plan(), "cliente.jmap", {}, [])
    finally:
        i18n.install(qapp, "en")
    assert "Conflicts: 1 kept as it was here, 1 taken from the copy, 1 note kept in both versions" in english
    assert "Deletions: 1 applied, 1 kept" in english
    assert "Conflictos: 1 conservado como estaba aquí, 1 tomado de la copia, 1 nota con ambas versiones" in spanish
    assert "De madrid.jmap: añadido: 1 nota; notas de Ana Ruiz" in spanish
    assert "Eliminaciones: 1 aplicada, 1 conservada" in spanish
    assert "Conflictos: 3 conservados como estaban aquí" in none_deleted
    assert "Eliminaciones: 2 conservadas" in none_deleted


def test_nothing_to_merge_but_a_note_left_out_says_so(qtbot, doc_path) -> None:
    import shutil

    from journeymap.domain.model import Note
    from journeymap.storage import Document
    from journeymap.ui.main_window import MainWindow
    from journeymap.ui.merge_actions import merge_changes

    Document.open(doc_path).close()
    copy = doc_path.with_name("sevilla.jmap")
    shutil.copy(doc_path, copy)
    with Document.open(copy) as doc:
        card = doc.touchpoints(doc.maps()[0].id)[0].id
        doc.add_note(Note(card, "Faltan perchas", "Bruno Díaz"))
    with Document.open(doc_path) as doc:
        doc.delete_touchpoint(card)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(doc_path)
    flow = merge_changes(window, window.session, [copy])
    assert flow.dialog is None
    assert flow.message.text() == ("Nothing to merge: map.jmap already has everything from sevilla.jmap.\n"
                                   "1 left out: added to a card, stage or lane this document no longer has")
    flow.message.close()
    window.close()
