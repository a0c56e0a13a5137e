"""PDFs that print: paper and slide sizes, maps tiled over pages with repeated headers, the report.

The PDFs are read back with pypdf (pure Python): page sizes from the media
boxes, headers and page numbers from each page's text.
"""

import re
import unicodedata

import pytest
from pypdf import PdfReader

from journeymap.cli import main
from journeymap.domain.model import Touchpoint
from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document

SIZES = {"a4": (595, 842), "a3": (842, 1191), "letter": (612, 792), "tabloid": (792, 1224), "slide": (540, 960)}


def page_texts(path):
    """Each page's text, whitespace collapsed and ligatures (ﬀ, ﬁ) spelled out."""
    return [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in PdfReader(str(path)).pages]


def page_size(page):
    box = page.mediabox
    return round(float(box.width)), round(float(box.height))


@pytest.fixture
def retail(tmp_path):
    path = tmp_path / "retail.jmap"
    with Document.create(path) as doc:
        map_id = create_map_from_template(doc, "retail-store")
        tps = doc.touchpoints(map_id)
        for tp, nps in zip(tps, (40, -30, 10)):
            doc.update_touchpoint(tp.id, manual_nps=nps)
    return path


def export(*argv):
    return main(["export", *map(str, argv)])


@pytest.mark.parametrize("page", sorted(SIZES))
def test_page_sizes_in_both_orientations(retail, tmp_path, page):
    short, long = SIZES[page]
    out = tmp_path / f"{page}.pdf"
    assert export(retail, out, "--page", page) == 0
    assert page_size(PdfReader(str(out)).pages[0]) == (long, short)
    assert export(retail, out, "--page", page, "--portrait") == 0
    assert page_size(PdfReader(str(out)).pages[0]) == (short, long)


def test_tiled_pages_repeat_their_headers_and_number_themselves(retail, tmp_path):
    with Document.open(retail) as doc:
        map_id = doc.maps()[0].id
        stages, lanes = doc.stages(map_id), doc.lanes(map_id)
        touchpoints = doc.touchpoints(map_id)
        # A tall cell: its lane cannot fit one A4 page, so it continues on the next row of pages.
        tall = lanes[1]
        for i in range(14):
            doc.add_touchpoint(Touchpoint(map_id, stages[0].id, tall.id, f"Extra card {i + 1}"))
        titles = [tp.title for tp in doc.touchpoints(map_id)]
    out = tmp_path / "tiles.pdf"
    assert export(retail, out, "--page", "a4", "--portrait", "--tile", "--overlay", "nps") == 0
    texts = page_texts(out)
    n = len(texts)
    assert n >= 4
    stage_names = [s.name for s in stages]
    for i, text in enumerate(texts, start=1):
        assert f"Page {i} of {n}" in text
        assert re.search(r"row \d+ of \d+, column \d+ of \d+", text)
        # Every page carries the header of each stage it shows, and only those.
        shown = [name for name in stage_names if name in text]
        assert shown and shown == stage_names[stage_names.index(shown[0]):stage_names.index(shown[0]) + len(shown)]
        # ... and the name of at least one lane down its side.
        assert any(lane.name in text for lane in lanes)
    # Every stage is on some page, every card on exactly one (pages break between cards).
    assert {name for text in texts for name in stage_names if name in text} == set(stage_names)
    whole = " | ".join(texts)
    for title in titles:
        assert len(re.findall(re.escape(title) + r"(?!\d)", whole)) == 1, title
    assert any(f"{tall.name} (continued)" in text for text in texts)
    assert touchpoints  # the template's own cards are among the titles


def test_tiled_pages_repeat_the_legend_when_overlays_are_on(retail, tmp_path):
    on, off = tmp_path / "on.pdf", tmp_path / "off.pdf"
    assert export(retail, on, "--page", "a4", "--portrait", "--tile", "--overlay", "nps,sentiment") == 0
    assert export(retail, off, "--page", "a4", "--portrait", "--tile") == 0
    texts = page_texts(on)
    assert len(texts) >= 2
    for i, text in enumerate(texts, start=1):
        # The legend's rows on every page, above the footer (a page pinned to a wall is read on its own).
        assert "Legend" in text and "Sentiment" in text and "manual estimate" in text, i
        assert text.index("Legend") < text.index(f"Page {i} of {len(texts)}")
    assert not any("Legend" in text for text in page_texts(off))


def test_report_has_the_map_each_stage_the_charts_and_numbers(retail, tmp_path):
    with Document.open(retail) as doc:
        map_id = doc.maps()[0].id
        title = doc.get_map(map_id).title
        stages = [s.name for s in doc.stages(map_id)]
        first = doc.touchpoints(map_id)[0]
        doc.insert_responses([(first.id, 10, None, "Lovely window display", None, "", None),
                              (first.id, 2, None, "Dusty mannequins", None, "", None)])
    out = tmp_path / "report.pdf"
    assert export(retail, out, "--report") == 0
    reader = PdfReader(str(out))
    assert page_size(reader.pages[0]) == (842, 595)  # the map on a landscape page
    assert page_size(reader.pages[1]) == (595, 842)  # the text in portrait
    texts = page_texts(out)
    n = len(texts)
    assert all(f"Page {i} of {n}" in t and title in t for i, t in enumerate(texts, start=1))
    # A page per stage at least (each starts a page), in map order.
    starts = [next(i for i, t in enumerate(texts) if t.startswith(name) or f" {name} Stage " in t) for name in stages]
    assert starts == sorted(starts) and len(set(starts)) == len(stages)
    assert any(f"{first.title}" in t and "Impact" in t for t in texts)
    assert any(t.startswith("Analytics") or " Analytics " in t for t in texts)
    assert "“Lovely window display”" in texts[-1] and "“Dusty mannequins”" in texts[-1]


def test_tile_and_report_usage_errors(retail, tmp_path, capsys):
    assert export(retail, tmp_path / "a.pdf", "--tile", "--page", "fit") == 2
    assert export(retail, tmp_path / "a.pdf", "--tile", "--report") == 2
    assert export(retail, tmp_path / "a.png", "--portrait") == 2
    assert not list(tmp_path.glob("a.*"))


def test_svg_names_the_font_it_used_and_a_generic_fallback(retail, tmp_path):
    import xml.etree.ElementTree as ET

    out = tmp_path / "map.svg"
    assert export(retail, out, "--overlay", "nps") == 0
    families = {el.get("font-family") for el in ET.parse(out).iter() if el.get("font-family")}
    assert families
    for family in families:
        assert re.fullmatch(r"'[^']+'(, '[^']+')*, (sans-serif|serif|monospace)", family), family
    assert "Sans Serif" not in {f.split(",")[0].strip("'") for f in families}  # fontconfig's alias, unknown to browsers


def test_export_dialog_splits_over_pages(scored_scene, qtbot, tmp_path):
    from journeymap.ui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(scored_scene.session, scored_scene)
    qtbot.addWidget(dialog)
    dialog.set_format("pdf")
    dialog.pdf_layout_combo.setCurrentIndex(dialog.pdf_layout_combo.findData("tile"))
    assert dialog.page_combo.currentData() == "a4"  # a split needs a paper size
    dialog.portrait_check.setChecked(True)
    out = tmp_path / "split.pdf"
    assert dialog.export_to(out)
    reader = PdfReader(str(out))
    assert len(reader.pages) > 1 and page_size(reader.pages[0]) == (595, 842)
    assert f"Page 1 of {len(reader.pages)}" in page_texts(out)[0]
