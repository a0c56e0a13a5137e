"""Image exports of a real template map through the canvas's MapScene."""

import re
import xml.etree.ElementTree as ET

import pytest
from conftest import scored_cards
from PySide6.QtGui import QColor, QImage

from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document
from journeymap.ui.export.render import ImageOptions, content_rect, export_pdf, export_png, export_svg, render_image

MapScene = pytest.importorskip("journeymap.ui.scene.map_scene").MapScene
from journeymap.ui.session import DocumentSession  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
EVIL = 'Evil <script>alert(1)</script> & "quotes" \'apos\''


@pytest.fixture
def doc(tmp_path):
    with Document.create(tmp_path / "a.jmap") as d:
        yield d


@pytest.fixture
def scene(qapp, doc):
    map_id = create_map_from_template(doc, "retail-store")
    for tp, nps in zip(scored_cards(doc, map_id), (42, -12.5, 65, 8, -40)):
        doc.update_touchpoint(tp.id, manual_nps=nps)
    session = DocumentSession(doc, map_id)
    s = MapScene(session)
    yield s
    s.dispose()


def px(image, x, y):
    return QColor.fromRgba(image.pixel(int(x), int(y)))


def distinct(image, rect, origin, scale, step=4):
    colours = set()
    x0 = (rect.left() - origin.x()) * scale
    y0 = (rect.top() - origin.y()) * scale
    for i in range(0, int(rect.width() * scale), step):
        for j in range(0, int(rect.height() * scale), step):
            colours.add(px(image, x0 + i, y0 + j).rgba())
    return colours


@pytest.mark.parametrize("scale", [1, 2, 3])
def test_png_size_is_content_rect_times_scale(scene, tmp_path, scale):
    out = tmp_path / "m.png"
    export_png(scene, out, ImageOptions(scale=scale, overlays=set()))
    image = QImage(str(out))
    rect = content_rect(scene)
    assert abs(image.width() - rect.width() * scale) <= 1
    assert abs(image.height() - rect.height() * scale) <= 1


def test_png_width_option(scene, tmp_path):
    out = tmp_path / "m.png"
    export_png(scene, out, ImageOptions(width=1000, overlays=set()))
    image = QImage(str(out))
    rect = content_rect(scene)
    assert image.width() == 1000
    assert abs(image.height() - rect.height() * 1000 / rect.width()) <= 1


def test_png_has_title_headers_and_cards_drawn(scene):
    scale = 2
    image = render_image(scene, ImageOptions(scale=scale, overlays={"nps"}))
    origin = content_rect(scene).topLeft()
    white = QColor("#FFFFFF").rgba()
    for sid in scene.grid.stage_ids:
        header = scene.grid.stage_header_rect(sid)
        assert distinct(image, header, origin, scale) - {white}, f"stage header {sid} is blank"
    for card in list(scene.cards.values())[:6]:
        colours = distinct(image, card.sceneBoundingRect(), origin, scale, step=2)
        assert len(colours) > 5, f"card {card.touchpoint_id} is blank"
    title = scene.title_item.sceneBoundingRect()
    assert len(distinct(image, title, origin, scale, step=2)) > 3


def test_nps_overlay_shows_badges_and_legend(scene):
    plain = render_image(scene, ImageOptions(overlays=set()))
    nps = render_image(scene, ImageOptions(overlays={"nps"}))
    assert nps.height() > plain.height()  # the legend sits under the map
    assert scene.overlays == frozenset()  # restored
    card = scene.cards[scored_cards(scene.doc, scene.map_id)[0].id].sceneBoundingRect()
    origin = content_rect(scene).topLeft()
    a = distinct(plain, card, origin, 1, step=1)
    b = distinct(nps, card, origin, 1, step=1)
    assert a != b  # the badge is drawn on the card


def test_selection_and_hover_never_exported(scene):
    before = render_image(scene, ImageOptions(overlays=set()))
    ids = list(scene.cards)[:3]
    scene.select_ids(ids, ensure_visible=False)
    card = scene.cards[ids[0]]
    card.hovered = True
    after = render_image(scene, ImageOptions(overlays=set()))
    assert before == after
    assert scene.selected_ids() == ids and not scene.export_mode
    assert scene.backgroundBrush().color() != QColor("#FFFFFF")  # the desk colour is back


def test_transparent_png(scene):
    image = render_image(scene, ImageOptions(transparent=True, overlays=set()))
    assert px(image, 2, 2).alpha() == 0
    opaque = render_image(scene, ImageOptions(overlays=set()))
    assert px(opaque, 2, 2) == QColor("#FFFFFF")


def test_svg_has_titles_as_text(scene, tmp_path):
    out = tmp_path / "m.svg"
    export_svg(scene, out, ImageOptions(overlays={"nps"}))
    root = ET.parse(out).getroot()
    text = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    words = " ".join(text.split())
    assert "Retail store visit" in words
    for tp in scene.doc.touchpoints(scene.map_id):
        for word in tp.title.split():
            assert word in words, f"{tp.title!r}: {word!r} missing from the SVG text"
    for stage in scene.stages:
        assert stage.name.split()[0] in words
    assert "Legend" in words


def test_svg_escapes_document_text(scene, tmp_path):
    doc = scene.doc
    doc.update_map(scene.map_id, title=EVIL)
    tp = doc.touchpoints(scene.map_id)[0]
    doc.update_touchpoint(tp.id, title="<b>&amp;</b>")
    scene.rebuild()
    out = tmp_path / "m.svg"
    export_svg(scene, out)
    raw = out.read_text(encoding="utf-8")
    assert "<script" not in raw and "<b>" not in raw
    root = ET.parse(out).getroot()
    assert root.find(f"{SVG}title").text == EVIL
    texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "<script>alert(1)</script>" in texts or "<script>alert(1)</script>" in " ".join(texts.split())
    assert "<b>&amp;</b>" in texts


def pdf_pages(data):
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


@pytest.mark.parametrize("page", ["fit", "a4", "a3"])
def test_pdf_is_one_vector_page(scene, tmp_path, page):
    out = tmp_path / "m.pdf"
    export_pdf(scene, out, ImageOptions(page=page, overlays={"nps"}))
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert pdf_pages(data) == 1
    assert b"/Image" not in data.split(b"/Subtype", 1)[-1][:20]  # no raster page image
    assert b"/Font" in data  # text kept as text
