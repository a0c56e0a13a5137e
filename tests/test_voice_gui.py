"""The comments panel, pinned quotes and the compare / trend overlays, through real widgets and files."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from journeymap import i18n
from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
from journeymap.services.compare import Side
from journeymap.services.importing import import_file
from journeymap.storage import Document
from journeymap.storage.quotes import quotes
from journeymap.ui.main_window import MainWindow


def _survey(tmp_path):
    rows = ["touchpoint,score,sentiment,comment,date,segment"]
    rows += [f"Caja,{2 if i < 20 else 9},-0.6,{'Mucha cola en caja' if i < 6 else ''},2024-02-{1 + i % 28:02d},Madrid"
             for i in range(30)]
    rows += [f"Caja,{10 if i < 24 else 5},0.7,{'La atención fue rápida' if i < 3 else ''},"
             f"2024-05-{1 + i % 28:02d},Sevilla" for i in range(30)]
    rows += ["Salida,9,,Todo bien,2024-03-10,Madrid", "Salida,8,,,2024-05-10,Sevilla"]
    path = tmp_path / "s.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot, qapp, tmp_path):
    i18n.install(qapp, "en")  # as app.start does: English plural forms come from its catalogue
    path = tmp_path / "v.jmap"
    with Document.create(path) as doc:
        m = doc.add_map(JourneyMap("Tienda"))
        s = doc.add_stage(Stage(m, "Pago"))
        lane = doc.add_lane(Lane(m, "Puntos de contacto"))
        doc.add_touchpoint(Touchpoint(m, s, lane, "Caja"))
        doc.add_touchpoint(Touchpoint(m, s, lane, "Salida"))
        import_file(doc, m, _survey(tmp_path))
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1300, 850)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_path(path)
    yield w
    w.close()


def _ids(w):
    return {tp.title: tp.id for tp in w.session.document.touchpoints(w.session.map_id)}


def test_card_menu_opens_the_comments_of_the_card(window, qtbot):
    caja = _ids(window)["Caja"]
    card = window.scene.cards[caja]
    from journeymap.ui.scene.context_menu import build_context_menu

    menu = build_context_menu(window.scene, card.sceneBoundingRect().center())
    action = next(a for a in menu.actions() if a.text() == "Show Comments")
    action.trigger()
    dock = window.comments_dock
    assert dock.isVisible()
    assert dock.model.rowCount() == 9
    assert dock.headline.text() == "9 comments"
    assert dock.breakdown.text() == "Detractors 6 · Passives 0 · Promoters 3"
    dock.search.setText("atencion")
    dock.refresh()
    assert dock.model.rowCount() == 3
    assert dock.headline.text() == "3 comments mention “atencion”"
    dock.search.setText("cola")
    dock.group.setCurrentIndex(dock.group.findData("detractor"))
    dock.refresh()
    assert dock.headline.text() == "6 detractor comments mention “cola”"


def test_whole_map_scope_sort_and_copy(window, qtbot):
    dock = window.comments_dock
    window.act_comments.trigger()
    dock.scope.setCurrentIndex(dock.scope.findData("map"))
    dock.sort.setCurrentIndex(dock.sort.findData("highest"))
    dock.refresh()
    assert dock.model.rowCount() == 10
    assert dock.model.comment_at(0).score == 10
    dock.table.selectRow(0)
    dock.copy_selection()
    assert QGuiApplication.clipboard().text().startswith("La atención fue rápida\t10\tpromoter\tCaja")
    assert "La atención fue rápida" in dock.detail.text()


def test_pin_a_quote_is_undoable_and_shows_on_the_card(window, qtbot):
    dock = window.comments_dock
    caja = _ids(window)["Caja"]
    window.scene.select_ids([caja])
    window.act_comments.trigger()
    dock.refresh()
    dock.table.selectRow(0)
    assert dock.pin_button.isEnabled()
    dock.pin_button.click()
    doc = window.session.document
    assert [q.text for q in quotes(doc, window.session.map_id)[caja]] == [dock.model.comment_at(0).comment]
    assert window.overlay_actions["quotes"].isChecked()
    assert window.scene.voice_marks.quotes[caja]
    window.session.undo_stack.undo()
    assert quotes(doc, window.session.map_id) == {}
    assert not window.scene.voice_marks.quotes.get(caja)
    window.session.undo_stack.redo()
    assert len(quotes(doc, window.session.map_id)[caja]) == 1


def test_compare_overlay_marks_only_significant_differences_bold(window):
    ids = _ids(window)
    marks = window.scene.voice_marks
    marks.set_sides((Side(segment="Madrid"), Side(segment="Sevilla")))
    window.overlay_actions["compare"].setChecked(True)
    found = marks.compare_marks()
    assert found[ids["Caja"]] == (93.3, True)
    assert found[ids["Salida"]][1] is False  # one answer a side: never significant
    window.overlay_actions["trend"].setChecked(True)
    trend = marks.trend_marks()[ids["Caja"]]
    assert len(trend) == 2 and trend[1][1] is True  # February -> May: a significant rise
    window.scene.cards[ids["Caja"]].update()


def test_comments_panel_in_spanish(window, qapp):
    try:
        i18n.install(qapp, "es")
        from journeymap.ui.docks.comments import CommentsDock

        dock = CommentsDock()
        dock.set_session(window.session)
        dock.scope.setCurrentIndex(dock.scope.findData("map"))
        dock.search.setText("cola")
        dock.group.setCurrentIndex(dock.group.findData("detractor"))
        dock.refresh()
        assert dock.headline.text() == "6 comentarios de detractores mencionan «cola»"
        assert dock.windowTitle() == "Comentarios"
        header = dock.table.horizontalHeader()  # no heading cut ("Puntuación" was, in 44 px)
        for c in range(dock.model.columnCount()):
            heading = dock.model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            assert header.sectionSize(c) >= header.fontMetrics().horizontalAdvance(heading) + 8, heading
        dock.deleteLater()
    finally:
        i18n.install(qapp, "en")


def test_quotes_and_trend_in_image_exports(window, tmp_path):
    from journeymap.cli import main
    from journeymap.domain.model import Quote
    from journeymap.storage.quotes import add_quote

    doc = window.session.document
    add_quote(doc, Quote(_ids(window)["Caja"], "Mucha cola en caja", score=2))
    path = doc.path
    window.close_document()
    out = tmp_path / "map.svg"
    assert main(["export", str(path), str(out), "--overlay", "nps,quotes,trend"]) == 0
    svg = out.read_text(encoding="utf-8")
    assert "“Mucha cola en caja”" in svg


def test_quotes_on_the_canvas_in_spanish_marks(window, tmp_path, monkeypatch, qapp):
    from journeymap.cli import main
    from journeymap.domain.model import Quote
    from journeymap.storage.quotes import add_quote

    doc = window.session.document
    add_quote(doc, Quote(_ids(window)["Caja"], "Mucha cola en caja", score=2))
    path = doc.path
    window.close_document()
    monkeypatch.setenv("JOURNEYMAP_LANG", "es")
    out = tmp_path / "mapa.svg"
    try:
        assert main(["export", str(path), str(out), "--overlay", "quotes"]) == 0
    finally:
        i18n.install(qapp, "en")
    svg = out.read_text(encoding="utf-8")
    assert "«Mucha cola en caja»" in svg and "“" not in svg


def test_trend_chart_marks_significant_months_and_matrix_places_unscored_touchpoints(tmp_path):
    from journeymap.domain.metrics import NpsSummary
    from journeymap.services.charts import TrendPoint, significant_changes, unscored_rows

    points = [TrendPoint("2024-01", NpsSummary(10, 10, 40)), TrendPoint("2024-02", NpsSummary()),
              TrendPoint("2024-03", NpsSummary(45, 10, 5)), TrendPoint("2024-04", NpsSummary(44, 10, 6))]
    assert significant_changes(points) == [(2, True)]  # the empty month is skipped, April is noise
    with Document.create(tmp_path / "m.jmap") as doc:
        m = doc.add_map(JourneyMap("M"))
        s, lane = doc.add_stage(Stage(m, "S")), doc.add_lane(Lane(m, "L"))
        doc.add_touchpoint(Touchpoint(m, s, lane, "Fresh", impact=5, sensation="negative"))
        doc.add_touchpoint(Touchpoint(m, s, lane, "Scored", manual_nps=10))
        assert unscored_rows(doc, m) == [("Fresh", 5, "negative")]


def test_a_big_result_shows_its_page_before_counting(window, qtbot, monkeypatch):
    from journeymap.ui.docks import comments_model

    monkeypatch.setattr(comments_model, "PAGE", 4)
    dock = window.comments_dock
    window.act_comments.trigger()
    dock.scope.setCurrentIndex(dock.scope.findData("map"))
    dock.refresh()
    assert dock.model.rowCount() == 4 and dock.headline.text() == "Counting…"
    qtbot.waitUntil(lambda: dock.headline.text() == "10 comments", timeout=3000)
    assert dock.model.canFetchMore()
    dock.model.fetchMore()
    dock.model.fetchMore()
    assert dock.model.rowCount() == 10 and not dock.model.canFetchMore()


def test_comparison_chart_bold_only_when_significant(window):
    from journeymap.services import charts

    ctx = charts.ChartContext(window.session.document, window.session.map_id,
                              compare=(Side(segment="Madrid"), Side(segment="Sevilla")))
    fig = charts.new_figure()
    assert charts.render("compare", fig, ctx) == 2
    labels = {t.get_text(): t.get_fontweight() for t in fig.axes[0].texts}
    assert labels["▲ +93"] == "bold"
    assert any(w == "normal" for w in labels.values())  # Salida: one answer a side, not significant


def _pin_first_comment_of_caja(window):
    dock = window.comments_dock
    caja = _ids(window)["Caja"]
    window.scene.select_ids([caja])
    window.act_comments.trigger()
    dock.refresh()
    dock.table.selectRow(0)
    dock.pin_button.click()
    return dock, caja


def test_unpin_from_the_comments_panel_is_undoable(window):
    dock, caja = _pin_first_comment_of_caja(window)
    doc, m = window.session.document, window.session.map_id
    assert dock.pin_button.text() == "&Unpin quote"  # the pinned comment offers the way back
    dock.pin_button.click()
    assert quotes(doc, m) == {} and not window.scene.voice_marks.quotes.get(caja)
    assert dock.pin_button.text() == "&Pin as quote"
    assert window.session.undo_stack.undoText() == "Unpin quote"
    window.session.undo_stack.undo()
    assert [q.text for q in quotes(doc, m)[caja]] == ["La atención fue rápida"]
    assert window.scene.voice_marks.quotes[caja]
    dock._update_buttons()  # noqa: SLF001
    assert dock.pin_button.text() == "&Unpin quote"
    window.session.undo_stack.redo()
    assert quotes(doc, m) == {}


def test_unpin_from_the_card_menu_in_english_and_spanish(window, qapp):
    from journeymap.ui.scene.context_menu import build_context_menu

    _dock, caja = _pin_first_comment_of_caja(window)
    doc, m = window.session.document, window.session.map_id
    salida = _ids(window)["Salida"]
    card = window.scene.cards[salida]
    menu = build_context_menu(window.scene, card.sceneBoundingRect().center())
    assert not any(a.text() == "Unpin Quote" for a in menu.actions())  # nothing pinned on Salida
    try:
        for lang, label, quoted in (("en", "Unpin Quote", "“La atención fue rápida”"),
                                    ("es", "Quitar cita", "«La atención fue rápida»")):
            i18n.install(qapp, lang)
            window.scene.select_ids([caja])
            card = window.scene.cards[caja]
            menu = build_context_menu(window.scene, card.sceneBoundingRect().center())
            sub = next(a for a in menu.actions() if a.text() == label).menu()
            assert [a.text() for a in sub.actions()] == [quoted]
            sub.actions()[0].trigger()
            assert quotes(doc, m) == {}
            window.session.undo_stack.undo()
            assert len(quotes(doc, m)[caja]) == 1
    finally:
        i18n.install(qapp, "en")
