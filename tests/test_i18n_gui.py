"""The editor in Spanish: menus, new maps from templates, the sample, Preferences."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from journeymap import i18n
from journeymap.storage import Document
from journeymap.ui.main_window import MainWindow, settings


@pytest.fixture
def spanish(qapp):
    assert i18n.install(qapp, "es") == "es"
    try:
        yield
    finally:
        assert i18n.install(qapp, "en") == "en"


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    yield w
    w.close()


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions() if a.menu() is not None]


def test_menus_in_spanish_then_english_again(qapp, qtbot):
    i18n.install(qapp, "es")
    try:
        w = MainWindow()
        qtbot.addWidget(w)
        assert menu_titles(w) == ["&Archivo", "&Editar", "&Ver", "&Mapa", "&Datos", "Ay&uda"]
        assert w.act_open.text() == "&Abrir…"
        assert w.act_preferences.text() == "Preferencia&s…"
        assert w.outline_dock.windowTitle() == "Mapas"
        assert w.inspector_dock.windowTitle() == "Inspector"
        assert w.palette_dock.windowTitle() == "Biblioteca de puntos de contacto"
        assert w.overlay_actions["emotion"].text() == "Curva &emocional"
        # Qt's own strings come from qtbase_es.
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.buttons()[0].text() == "Cancelar"
        w.close()
    finally:
        i18n.install(qapp, "en")
    w = MainWindow()
    qtbot.addWidget(w)
    assert menu_titles(w) == ["&File", "&Edit", "&View", "&Map", "&Data", "&Help"]
    assert i18n.current_language() == "en"


def test_new_map_from_template_speaks_the_ui_language(spanish, window, tmp_path):
    path = tmp_path / "nuevo.jmap"
    assert window.new_document(path, "generic")
    doc = window.session.document
    assert doc.get_map(window.session.map_id).title == "Customer journey genérico"
    names = [s.name for s in doc.stages(window.session.map_id)]
    assert names[:3] == ["Descubrimiento", "Consideración", "Compra"]
    assert [s.name for s in window.scene.stages][:1] == ["Descubrimiento"]


def test_template_dialog_lists_spanish_descriptions(spanish, qtbot):
    from journeymap.ui.dialogs.new_map import NewMapDialog

    dialog = NewMapDialog()
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any(t.startswith("Customer journey genérico") for t in texts)
    assert all("puntos de contacto" in t for t in texts)


def test_sample_document_in_spanish(spanish, tmp_path):
    from journeymap.app import ensure_sample_document

    path = ensure_sample_document()
    assert path.name == "sample-es.jmap"
    with Document.open(path, read_only=True) as doc:
        title = doc.maps()[0].title
    assert title and title != "Retail store"
    with Document.open(path, read_only=True) as doc:
        stage = doc.stages(doc.maps()[0].id)[0].name
    from journeymap.services.templates import load_template

    assert stage == load_template("retail-store")["stages"][0]["name"]["es"]


def test_blank_map_and_commands_in_spanish(spanish, tmp_path):
    from journeymap.ui.commands.maps import create_blank_map

    with Document.create(tmp_path / "b.jmap") as doc:
        map_id = create_blank_map(doc, "Mapa")
        assert [s.name for s in doc.stages(map_id)][0] == "Descubrimiento"
        assert [lane.name for lane in doc.lanes(map_id)][0] == "Puntos de contacto"
    # A module-level tr() helper (context "commands") finds the entry lupdate filed unnamed.
    assert QCoreApplication.translate("commands", "Delete note") == "Eliminar nota"
    assert QCoreApplication.translate("channels", "Social media") == "Redes sociales"
    assert QCoreApplication.translate("InspectorDock", "%n touchpoints selected", None, 1) == (
        "1 punto de contacto seleccionado"
    )
    from journeymap.storage import DocumentError
    from journeymap.storage.document import NO_SUCH_FILE

    assert i18n.error_text(DocumentError(NO_SUCH_FILE, "/x/y.jmap")) == "/x/y.jmap: el archivo no existe."
    # Prose is not matched back: only errors that carry a message id are translated.
    assert i18n.error_text(Exception("/x/y.jmap: no such file.")) == "/x/y.jmap: no such file."


def test_english_plural_forms(qapp):
    i18n.install(qapp, "en")
    assert QCoreApplication.translate("InspectorDock", "%n touchpoints selected", None, 1) == "1 touchpoint selected"
    assert QCoreApplication.translate("InspectorDock", "%n touchpoints selected", None, 3) == "3 touchpoints selected"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_preferences_store_language_and_author(window, qtbot, monkeypatch):
    from journeymap.ui.dialogs.preferences import PreferencesDialog

    notices = []
    monkeypatch.setattr(PreferencesDialog, "offer_restart", lambda self: notices.append(self))
    dialog = PreferencesDialog(settings(), window)
    qtbot.addWidget(dialog)
    assert dialog.language() == ""  # follow the system
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
    dialog.author_edit.setText("Lucía")
    dialog.accept()
    assert notices, "a change of language announces the restart"
    assert i18n.stored_language(settings()) == "es"
    assert i18n.preferred_language(settings()) == "es"
    assert settings().value("author") == "Lucía"
    from journeymap.ui.commands.notes import default_author

    QApplication.setOrganizationName("JourneyMap")
    QApplication.setApplicationName("JourneyMap")
    assert default_author() == "Lucía"

    notices.clear()
    again = PreferencesDialog(settings(), window)
    qtbot.addWidget(again)
    assert again.language() == "es" and again.author() == "Lucía"
    again.accept()
    assert not notices  # nothing changed, nothing to announce


def test_preferences_action_is_in_the_edit_menu(window):
    from PySide6.QtGui import QAction

    assert window.act_preferences in window.edit_menu.actions()
    assert window.act_preferences.menuRole() == QAction.MenuRole.PreferencesRole


def test_open_error_box_speaks_spanish(spanish, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text, *a: shown.append((title, text)))
    missing = tmp_path / "perdido.jmap"
    assert not window.open_path(missing)
    [(title, text)] = shown
    assert text == f"{missing}: el archivo no existe."
    assert title != "Cannot open the document"


def test_import_summary_gives_rejection_reasons_in_spanish(qtbot, spanish):
    from journeymap.services import reject_reasons as R
    from journeymap.services.importing import ImportResult, RejectedRow
    from journeymap.ui.dialogs.import_dialog import ImportSummaryDialog

    score, day = R.Reject(R.SCORE_OUTSIDE_0_10, "'11'"), R.Reject(R.DATE_DOES_NOT_EXIST, "'2026-02-30'")
    missing = R.Reject(R.MISSING_TOUCHPOINT)
    result = ImportResult("survey.csv", imported=1, rejected=2, rejected_rows=[
        RejectedRow(2, f"{score}; {day}", ("Checkout", "11"), (score, day)),
        RejectedRow(3, missing, ("", "9"), (missing,)),
    ])
    dialog = ImportSummaryDialog(result)
    qtbot.addWidget(dialog)
    reasons = [dialog.model.item(r, 1).text() for r in range(dialog.model.rowCount())]
    assert reasons == [
        "la puntuación '11' está fuera de 0-10; la fecha '2026-02-30' no existe",
        "falta el punto de contacto",
    ]


def test_spanish_editor_writes_decimal_commas_on_badges_and_chart_ticks(qapp, qtbot, tmp_path, spanish):
    """Switched to Spanish, a card's badge reads "−44,7" and the sentiment axis "0,5", as a Spanish reader writes."""
    from journeymap.services.templates import create_map_from_template
    from journeymap.ui.docks.analytics import AnalyticsDock

    path = tmp_path / "es.jmap"
    with Document.create(path) as doc:
        map_id = create_map_from_template(doc, "retail-store", lang="es")
        tp = doc.touchpoints(map_id)[1]
        doc.update_touchpoint(tp.id, manual_nps=-44.7, manual_sentiment=0.35)
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_path(str(path))
    card = w.scene.cards[tp.id]
    badge = card.nps_mark().text
    assert badge.startswith("\u2248\u221245"), badge  # the badge rounds: ≈−45 (a manual estimate)
    assert card.sentiment_mark().text == "\u2248+0,35"
    assert "NPS \u221244,7" in card.toolTip() and "+0,35" in card.toolTip()

    dock = AnalyticsDock()
    qtbot.addWidget(dock)
    dock.set_session(w.session)
    dock.show_chart("stage_nps_sentiment")
    dock.refresh()
    dock.figure.canvas.draw()
    right = dock.figure.axes[-1]
    ticks = [t.get_text() for t in right.get_yticklabels() if t.get_text()]
    assert any("," in t for t in ticks), ticks
    assert not any("." in t for t in ticks), ticks
    w.close()


def test_restart_now_reopens_the_same_document(qapp, qtbot, tmp_path, monkeypatch):
    """"Restart now" after a change of language closes the window and starts the editor on the same file."""
    from PySide6.QtCore import QProcess

    from journeymap.ui.dialogs import preferences

    path = tmp_path / "r.jmap"
    Document.create(path).close()
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_path(str(path))
    started, quits = [], []
    monkeypatch.setattr(QProcess, "startDetached", lambda program, args: started.append((program, args)) or True)
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(1))
    assert preferences.restart_editor(w)
    assert not w.isVisible()
    program, args = started[0]
    assert args[0] == "-c" and "journeymap.app" in args[1] and args[-1] == str(path)
    assert quits


def test_status_bar_counts_are_real_plurals_in_both_languages(qapp, qtbot, tmp_path):
    from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint

    path = tmp_path / "one.jmap"
    with Document.create(path) as doc:
        map_id = doc.add_map(JourneyMap("Uno"))
        stage = doc.add_stage(Stage(map_id, "Compra", 0))
        lane = doc.add_lane(Lane(map_id, "Puntos de contacto"))
        doc.add_touchpoint(Touchpoint(map_id=map_id, stage_id=stage, lane_id=lane, title="Caja"))
    for lang, expected in (("es", "1 etapa · 1 fila · 1 tarjeta"), ("en", "1 stage · 1 lane · 1 card")):
        i18n.install(qapp, lang)
        try:
            w = MainWindow()
            qtbot.addWidget(w)
            w.open_path(str(path))
            w._update_counts()  # noqa: SLF001 - the label the status bar shows
            assert w.status_counts.text() == expected
            w.close()
        finally:
            i18n.install(qapp, "en")


def test_import_history_dates_in_the_locale_short_format(qapp):
    from journeymap.ui.dialogs.import_steps import when_text as _when

    i18n.install(qapp, "es")
    try:
        assert _when("2026-03-15T14:05:00+01:00").startswith("15/3/26")  # day first in Spanish
    finally:
        i18n.install(qapp, "en")
    assert _when("not a date") == "not a date"
