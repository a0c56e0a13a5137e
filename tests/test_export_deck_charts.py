"""The deck's charts are native PowerPoint charts; its cards carry their pinned quotes (read back with python-pptx)."""

from conftest import scored_cards
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from journeymap import i18n
from journeymap.domain.model import Quote
from journeymap.services import charts
from journeymap.storage.quotes import add_quote
from journeymap.ui.export.deck import DeckOptions, export_pptx

PICTURE = 13  # MSO_SHAPE_TYPE.PICTURE


def chart_slide(prs):
    slide = next(s for s in prs.slides if s.shapes.title is not None
                 and s.shapes.title.text_frame.text in ("NPS by touchpoint and priorities",
                                                        "NPS por punto de contacto y prioridades"))
    return slide, [sh.chart for sh in slide.shapes if sh.has_chart]


def test_nps_and_priority_charts_are_native_editable_charts_with_the_maps_numbers(scored_scene, tmp_path):
    doc, map_id = scored_scene.session.document, scored_scene.session.map_id
    scored = scored_cards(doc, map_id)[:4]  # manual NPS 42, -20, 5, -60 (conftest)
    prs = Presentation(str(export_pptx(scored_scene, tmp_path / "deck.pptx")))
    slide, (bars, matrix) = chart_slide(prs)
    assert not any(sh.shape_type == PICTURE for sh in slide.shapes)  # no pictures of charts
    assert bars.chart_type == XL_CHART_TYPE.BAR_CLUSTERED and matrix.chart_type == XL_CHART_TYPE.XY_SCATTER
    # The bars: best first, with the touchpoints' names and NPS, as the data PowerPoint's Edit Data opens.
    by_nps = sorted(zip((42, -20, 5, -60), scored, strict=True), key=lambda p: -p[0])
    names = list(bars.plots[0].categories)
    assert [n.split("  (")[0] for n in names] == [tp.title for _nps, tp in by_nps]
    assert list(bars.series[0].values) == [42.0, 5.0, -20.0, -60.0]
    assert bars.chart_title.text_frame.text == "NPS by touchpoint"
    colours = [str(bars.series[0].points[i].format.fill.fore_color.rgb) for i in range(4)]
    assert colours == [charts.PROMOTER[1:].upper()] * 2 + [charts.DETRACTOR[1:].upper()] * 2
    assert bars.part.chart_workbook.xlsx_part is not None  # the embedded workbook: editable in PowerPoint
    # The matrix: every scored touchpoint once, fix-first ones (impact >= 4, NPS < 0) in their own series.
    points = {}
    for series in matrix.plots[0].series:
        for y in series.values:
            points.setdefault(series.name, []).append(y)
    assert sorted(y for ys in points.values() for y in ys) == [-60.0, -20.0, 5.0, 42.0]
    fix = [tp for nps, tp in by_nps if nps < 0 and tp.impact >= charts.HIGH_IMPACT]
    fix_series = [name for name in points if name.startswith("Fix first")]
    assert len(points.get(fix_series[0], [])) == len(fix) if fix else not fix_series
    # The axes cross at the quadrant lines (impact 3.5, NPS 0).
    xml = matrix.part.blob.decode("utf-8")
    assert '<c:crossesAt val="3.5"/>' in xml and '<c:crossesAt val="0.0"/>' in xml


def test_longest_series_first_and_names_do_not_share_a_side(tmp_path):
    from pptx import Presentation as New

    from journeymap.domain.metrics import NpsSummary
    from journeymap.services import deck_layout as L
    from journeymap.ui.export.deck_charts import add_priority_chart

    rows = [charts.TouchpointRow(i, f"Queue {i}", "S", imp, nps, None, NpsSummary(5, 0, 5), "responses")
            for i, (imp, nps) in enumerate([(4, -93), (4, -94), (4, -95), (1, 10), (2, 20), (2, 30), (3, 40),
                                            (3, 45), (1, 50)])]
    prs = New()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    chart = add_priority_chart(slide, L.Box(0.5, 0.5, 6, 6), rows, {0: 5}, lambda t: t).chart
    sizes = [len(list(s.values)) for s in chart.plots[0].series]
    assert sizes == sorted(sizes, reverse=True) == [6, 3, 1]  # LibreOffice drops points of a series before a longer one
    fix = next(s for s in chart.plots[0].series if s.name.startswith("Fix first"))
    sides = [fix.points[i].data_label.position for i in range(3)]
    assert None not in sides and len(set(sides)) == 3  # three queues a point apart: three different sides
    assert [fix.points[i].data_label.text_frame.text for i in range(3)] == ["Queue 0", "Queue 1", "Queue 2"]


def test_cards_carry_pinned_quotes_and_the_deck_speaks_spanish(scored_scene, tmp_path, qapp):
    doc, map_id = scored_scene.session.document, scored_scene.session.map_id
    first = scored_cards(doc, map_id)[0]
    add_quote(doc, Quote(first.id, "Nobody greeted me at the door", None, 2))
    add_quote(doc, Quote(first.id, "Lovely window", None, 10))
    prs = Presentation(str(export_pptx(scored_scene, tmp_path / "q.pptx")))
    group = next(sh for slide in prs.slides for sh in slide.shapes if sh.name == f"Touchpoint: {first.title}")
    inner = {sh.name: sh for sh in group.shapes}
    assert inner["Quote"].text_frame.text == "“Nobody greeted me at the door” +1"
    assert inner["Quote"].text_frame.paragraphs[0].runs[0].font.italic
    descr = group._element.xpath("./p:nvGrpSpPr/p:cNvPr/@descr")[0]  # the alternative text has them all
    assert descr == f"{first.title}\n“Nobody greeted me at the door”\n“Lovely window”"
    plain = Presentation(str(export_pptx(scored_scene, tmp_path / "n.pptx", DeckOptions(overlays={"nps"}))))
    group = next(sh for slide in plain.slides for sh in slide.shapes if sh.name == f"Touchpoint: {first.title}")
    assert "Quote" not in {sh.name for sh in group.shapes}  # the Quotes overlay left out by choice
    doc.insert_responses([(first.id, 10, None, text, "2024-05-01", "", None)
                          for text in ("Me atendieron genial", "me atendieron  genial", "Volveré")])
    try:
        i18n.install(qapp, "es")
        prs = Presentation(str(export_pptx(scored_scene, tmp_path / "es.pptx")))
    finally:
        i18n.install(qapp, "en")
    group = next(sh for slide in prs.slides for sh in slide.shapes if sh.name.endswith(first.title)
                 and sh.shape_type == 6)
    quote = next(sh for sh in group.shapes if sh.has_text_frame and "Nobody" in sh.text_frame.text)
    assert quote.text_frame.text == "«Nobody greeted me at the door» +1"
    said = [t for sh in prs.slides[-1].shapes if sh.has_text_frame for t in [sh.text_frame.text]]
    said = "\n".join(said)
    assert said.casefold().count("«me atendieron genial»") == 1 and "«Volveré»" in said  # Spanish marks, once
    assert "“" not in said
    _slide, (bars, matrix) = chart_slide(prs)
    assert bars.chart_title.text_frame.text == "NPS por punto de contacto"
    assert matrix.chart_title.text_frame.text == "Matriz de prioridades: impacto frente a NPS"
    assert matrix.value_axis.axis_title.text_frame.text == "NPS"
    assert matrix.category_axis.axis_title.text_frame.text == "Impacto (1 = bajo, 5 = alto)"


def test_touchpoints_without_nps_are_named_under_the_matrix(scored_scene, tmp_path, qapp):
    from journeymap.ui.export.deck_charts import unscored_note

    doc, map_id = scored_scene.session.document, scored_scene.session.map_id
    scored = {tp.id for tp in scored_cards(doc, map_id)[:4]}
    fresh = [tp for tp in doc.touchpoints(map_id) if tp.id not in scored and tp.manual_nps is None]
    doc.update_touchpoint(fresh[0].id, impact=5, sensation="negative")
    prs = Presentation(str(export_pptx(scored_scene, tmp_path / "u.pptx")))
    slide, _charts = chart_slide(prs)
    note = next(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame and "No NPS yet" in sh.text_frame.text)
    assert note.startswith(f"No NPS yet: {fresh[0].title[:27]}") and "(impact 5, negative)" in note
    rows = [(f"Card {i}", i % 5 + 1, "neutral") for i in range(7)]
    assert unscored_note(rows, lambda t: t).endswith("and 3 more")
    try:
        i18n.install(qapp, "es")
        text = unscored_note([("Caja", 5, "negative")], lambda t: i18n.translate("charts", t))
    finally:
        i18n.install(qapp, "en")
    assert text == "Aún sin NPS: Caja (impacto 5, negativa)"
