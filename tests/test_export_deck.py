"""PowerPoint export: read back with python-pptx as PowerPoint would see it."""

import pytest
from conftest import scored_cards
from pptx import Presentation
from pptx.util import Inches

from journeymap import i18n
from journeymap.cli import main
from journeymap.services import deck_layout as L
from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document
from journeymap.ui.export.deck import DeckOptions, export_pptx


def shape_texts(shapes):
    """Every shape's text on a slide, groups included."""
    for shape in shapes:
        if shape.shape_type == 6:  # MSO_SHAPE_TYPE.GROUP
            yield from shape_texts(shape.shapes)
        elif shape.has_text_frame:
            yield shape.text_frame.text


def slide_titles(prs):
    return [s.shapes.title.text_frame.text if s.shapes.title is not None else None for s in prs.slides]


def add_comments(doc, tp_id, rows):
    doc.insert_responses([(tp_id, score, None, text, "2024-05-01", "", None) for score, text in rows])


def test_deck_is_16_9_with_a_slide_per_stage_and_every_card_as_text(scored_scene, tmp_path):
    doc, map_id = scored_scene.session.document, scored_scene.session.map_id
    stages = doc.stages(map_id)
    touchpoints = doc.touchpoints(map_id)
    path = export_pptx(scored_scene, tmp_path / "deck.pptx")
    prs = Presentation(str(path))
    assert prs.slide_width * 9 == prs.slide_height * 16
    assert prs.slide_width == Inches(L.SLIDE_W) == 12192000
    titles = slide_titles(prs)
    assert titles[0] == doc.get_map(map_id).title
    assert titles[1] == "Persona"  # the template's persona, as a card
    persona = doc.map_personas(map_id)[0]
    card = list(shape_texts(prs.slides[1].shapes))
    assert f"{persona.name}\n“{persona.quote}”" in card and persona.bio in card
    for heading, items in (("GOALS", persona.goals), ("NEEDS", persona.needs), ("FRUSTRATIONS", persona.frustrations)):
        assert f"{heading}\n" + "\n".join(f"• {i}" for i in items) in card
    assert titles[2] == "The whole journey"
    assert titles[3:3 + len(stages)] == [s.name for s in stages]
    # NPS charts (the scene has scores), no comments slide (no survey answers with comments).
    assert titles[3 + len(stages):] == ["NPS by touchpoint and priorities"]
    texts = {t for slide in prs.slides for t in shape_texts(slide.shapes)}
    for tp in touchpoints:
        assert any(t.startswith(tp.title) for t in texts), tp.title
    # The whole map is a picture; the cards are shapes, not pictures.
    assert any(sh.shape_type == 13 for sh in prs.slides[2].shapes)
    first_stage = prs.slides[3]
    assert not any(sh.shape_type == 13 for sh in first_stage.shapes)
    names = [sh.name for sh in first_stage.shapes]
    assert sum(n.startswith("Touchpoint: ") for n in names) == sum(tp.stage_id == stages[0].id for tp in touchpoints)


def test_cards_carry_their_nps_badge_and_sentiment_face(scored_scene, tmp_path):
    doc, map_id = scored_scene.session.document, scored_scene.session.map_id
    first = scored_cards(doc, map_id)[0]  # manual NPS 42, sentiment 0.6 (conftest)
    prs = Presentation(str(export_pptx(scored_scene, tmp_path / "d.pptx")))
    group = next(sh for slide in prs.slides for sh in slide.shapes if sh.name == f"Touchpoint: {first.title}")
    inner = {sh.name: sh for sh in group.shapes}
    assert inner["NPS"].text_frame.text == "≈+42"
    face = next(sh for name, sh in inner.items() if name.startswith("Sentiment: "))
    assert face.auto_shape_type is not None and face.adjustments[0] > 0  # a smile
    assert "Sensation" in inner and inner[first.title].text_frame.text.startswith(first.title)
    # Without overlays, neither badge nor face.
    prs = Presentation(str(export_pptx(scored_scene, tmp_path / "n.pptx", DeckOptions(overlays=set()))))
    group = next(sh for slide in prs.slides for sh in slide.shapes if sh.name == f"Touchpoint: {first.title}")
    assert {sh.name for sh in group.shapes} & {"NPS", "Sentiment"} == set()


def test_comments_slide_quotes_promoters_and_detractors(scored_scene, tmp_path):
    doc, map_id = scored_scene.session.document, scored_scene.session.map_id
    tps = doc.touchpoints(map_id)
    add_comments(doc, tps[0].id, [(10, "The staff were lovely"), (9, "ok"), (8, "passive, not quoted")])
    add_comments(doc, tps[1].id, [(0, "Waited twenty minutes at the till"), (3, ""), (6, "Messy shelves")])
    scored_scene.session.metricsChanged.emit()
    prs = Presentation(str(export_pptx(scored_scene, tmp_path / "c.pptx")))
    assert slide_titles(prs)[-1] == "What customers said"
    text = "\n".join(shape_texts(prs.slides[-1].shapes))
    assert text.index("“The staff were lovely”") < text.index("“ok”") < text.index("Detractors (0–6)")
    assert "“Waited twenty minutes at the till”" in text and "“Messy shelves”" in text
    assert "passive" not in text
    assert f"— {tps[0].title} · score 10" in text


def test_chosen_stages_only_and_empty_stage(scored_scene, tmp_path):
    doc, map_id = scored_scene.session.document, scored_scene.session.map_id
    stages = doc.stages(map_id)
    keep = {stages[1].id, stages[3].id}
    prs = Presentation(str(export_pptx(scored_scene, tmp_path / "s.pptx", DeckOptions(stage_ids=keep))))
    titles = slide_titles(prs)
    assert [t for t in titles if t in {s.name for s in stages}] == [stages[1].name, stages[3].name]


def test_spanish_deck(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("JOURNEYMAP_LANG", "es")  # the CLI follows it, like a user's Spanish shell
    try:
        path = tmp_path / "es.jmap"
        with Document.create(path) as doc:
            map_id = create_map_from_template(doc, "retail-store", lang="es")
            stages = [s.name for s in doc.stages(map_id)]
            titles = [tp.title for tp in doc.touchpoints(map_id)]
        out = tmp_path / "es.pptx"
        assert main(["export", str(path), str(out)]) == 0
    finally:
        i18n.install(qapp, "en")
    prs = Presentation(str(out))
    got = slide_titles(prs)
    assert got[1] == "Persona"
    persona_card = list(shape_texts(prs.slides[1].shapes))
    assert any(t.startswith("OBJETIVOS\n") for t in persona_card)
    assert any("\n«" in t and t.endswith("»") for t in persona_card)  # the quote in Spanish marks
    assert got[2] == "El recorrido completo"
    assert got[3:3 + len(stages)] == stages
    texts = [t for slide in prs.slides for t in shape_texts(slide.shapes)]
    assert all(any(t.startswith(title) for t in texts) for title in titles)
    assert any(t.startswith("Etapa 1 de ") for t in texts)
    assert prs.core_properties.language == "es-ES"
    run = prs.slides[3].shapes.title.text_frame.paragraphs[0].runs[0]
    assert run._r.rPr.get("lang") == "es-ES"


def test_cli_pptx_options(tmp_path, capsys):
    path = tmp_path / "a.jmap"
    with Document.create(path) as doc:
        create_map_from_template(doc, "retail-store")
        hotel = create_map_from_template(doc, "hotel")
        hotel_stages = [s.name for s in doc.stages(hotel)]
    out = tmp_path / "h.pptx"
    assert main(["export", str(path), str(out), "--map", str(hotel), "--overlay", "nps"]) == 0
    assert slide_titles(Presentation(str(out)))[3:3 + len(hotel_stages)] == hotel_stages
    capsys.readouterr()
    assert main(["export", str(path), str(tmp_path / "x.pptx"), "--scale", "2"]) == 2
    assert "--scale" in capsys.readouterr().err and not (tmp_path / "x.pptx").exists()


@pytest.mark.parametrize("counts", [[1], [3, 1, 9], [40, 2, 17, 5], [200], []])
def test_stage_layout_places_each_card_once_inside_the_slide_without_overlaps(counts):
    pages = L.layout_stage(counts)
    placed = [(b.lane_index, i) for p in pages for b in p.lanes for i, _box in b.cards]
    assert sorted(placed) == sorted((lane, i) for lane, n in enumerate(counts) for i in range(n))
    for page in pages:
        boxes = [box for b in page.lanes for _i, box in b.cards] + [b.label for b in page.lanes]
        for box in boxes:
            assert 0 <= box.x and box.x + box.w <= L.SLIDE_W and L.BODY_TOP <= box.y and box.y + box.h <= L.SLIDE_H
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y
    assert (len(pages) == 1) == (sum(counts) <= 60)
