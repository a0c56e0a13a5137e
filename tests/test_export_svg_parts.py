"""SVG export in parts (issue 21): a map painted by several QSvgGenerators draws what one draws."""

import errno
import re
import xml.etree.ElementTree as ET

import pytest
from conftest import scored_cards
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QLinearGradient, QPainter
from PySide6.QtSvg import QSvgGenerator, QSvgRenderer

from journeymap.services.exporting import ExportError
from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document
from journeymap.ui.export import render, svg_parts
from journeymap.ui.export.render import ImageOptions, export_svg
from journeymap.ui.export.svg_file import stitch
from journeymap.ui.scene.map_scene import MapScene
from journeymap.ui.session import DocumentSession

SVG = "{http://www.w3.org/2000/svg}"
OVERLAYS = ImageOptions(overlays={"nps", "sentiment", "emotion"})


@pytest.fixture
def scene(qapp, tmp_path):
    with Document.create(tmp_path / "a.jmap") as doc:
        map_id = create_map_from_template(doc, "retail-store")
        for tp, nps in zip(scored_cards(doc, map_id), (42, -12.5, 65, 8, -40)):
            doc.update_touchpoint(tp.id, manual_nps=nps)
        s = MapScene(DocumentSession(doc, map_id))
        yield s
        s.dispose()


def drawn(path) -> list[tuple[bytes, bytes]]:
    """The state groups that draw something, in order (gradient ids as one: each part numbers its own)."""
    body = path.read_bytes().split(b"</defs>", 1)[1]
    groups = re.findall(rb"\n<g ([^<>]*)>\n(.*?)</g>\n", re.sub(rb"gradient[\d_]+", b"gradient", body), re.S)
    return [(attrs, content) for attrs, content in groups if content.strip()]


def picture(path, width=900) -> QImage:
    renderer = QSvgRenderer(str(path))
    size = renderer.defaultSize().scaled(QSize(width, 10**6), Qt.AspectRatioMode.KeepAspectRatio)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("#808080"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def test_a_map_painted_in_parts_looks_as_painted_at_once(scene, tmp_path, monkeypatch):
    whole, parted = tmp_path / "whole.svg", tmp_path / "parted.svg"
    monkeypatch.setattr(svg_parts, "PART_ITEMS", 10**9)
    export_svg(scene, whole, OVERLAYS)
    monkeypatch.setattr(svg_parts, "PART_ITEMS", 3)
    export_svg(scene, parted, OVERLAYS)
    assert len(svg_parts.top_levels(scene)) > 3 * 5, "several parts"
    assert drawn(parted) == drawn(whole)
    assert picture(parted) == picture(whole)
    root = ET.parse(parted).getroot()
    assert root.find(f"{SVG}title").text == ET.parse(whole).getroot().find(f"{SVG}title").text
    ids = [g.get("id") for g in root.iter(f"{SVG}linearGradient")]
    assert ids and len(ids) == len(set(ids))
    uses = set(re.findall(r'url\(#([^)]*)\)', parted.read_text("utf-8")))
    assert uses <= set(ids), "every gradient drawn is defined"
    assert not re.search(rb"\n<g [^<>]*>\n</g>\n", parted.read_bytes()), "no empty state groups left"


def test_parts_leave_the_canvas_as_it_was(scene, tmp_path, monkeypatch):
    cards = list(scene.cards.values())
    cards[0].setSelected(True)
    scene.set_filter(cards[1].touchpoint.title)
    before = [(item, item.opacity(), item.isVisible(), item.isSelected()) for item in scene.items()]
    assert any(o < 1 for _, o, _, _ in before), "a dimmed card"
    monkeypatch.setattr(svg_parts, "PART_ITEMS", 4)
    export_svg(scene, tmp_path / "m.svg", OVERLAYS)
    assert [(item, item.opacity(), item.isVisible(), item.isSelected()) for item, *_ in before] == before
    assert scene.backgroundBrush().color() != QColor("#FFFFFF") or not scene.export_mode


def test_a_full_disk_while_stitching_leaves_the_old_file_and_the_canvas(scene, tmp_path, monkeypatch):
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "m.svg"
    target.write_bytes(b"the previous export")
    before = [(item, item.opacity()) for item in scene.items()]

    def full_disk(parts, out):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(svg_parts, "PART_ITEMS", 4)
    monkeypatch.setattr(render, "stitch", full_disk)
    with pytest.raises(ExportError, match="No space left"):
        export_svg(scene, target, OVERLAYS)
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in target.parent.iterdir()] == ["m.svg"], "no part left behind"
    assert [(item, item.opacity()) for item, _ in before] == before


def _qt_part(path, colour, texture: QImage) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(100, 50))
    generator.setViewBox(QRectF(0, 0, 100, 50))
    painter = QPainter(generator)
    gradient = QLinearGradient(0, 0, 100, 0)
    gradient.setColorAt(0, QColor(colour))
    gradient.setColorAt(1, QColor("#000000"))
    painter.fillRect(QRectF(0, 0, 50, 50), QBrush(gradient))
    painter.fillRect(QRectF(50, 0, 50, 50), QBrush(texture))
    painter.end()


def test_stitching_keeps_each_parts_gradient_and_one_copy_of_a_shared_pattern(qapp, tmp_path):
    texture = QImage(4, 4, QImage.Format.Format_ARGB32)
    texture.fill(QColor("#00FF00"))
    parts = [tmp_path / "a.svg", tmp_path / "b.svg"]
    _qt_part(parts[0], "#FF0000", texture)
    _qt_part(parts[1], "#0000FF", texture)
    stitch(parts, tmp_path / "out.svg")
    root = ET.parse(tmp_path / "out.svg").getroot()
    gradients = {g.get("id"): g.find(f"{SVG}stop").get("stop-color") for g in root.iter(f"{SVG}linearGradient")}
    fills = [g.get("fill") for g in root.iter(f"{SVG}g") if (g.get("fill") or "").startswith("url(#gradient")]
    assert [gradients[f[5:-1]] for f in fills] == ["#ff0000", "#0000ff"]
    assert len(list(root.iter(f"{SVG}pattern"))) == 1


def test_a_part_qt_did_not_write_is_refused_in_english_and_spanish(qapp, tmp_path):
    from journeymap import i18n
    from journeymap.services.atomic_file import InvalidOutput

    foreign = tmp_path / "foreign.svg"
    foreign.write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>\n')
    with pytest.raises(InvalidOutput) as refused:
        stitch([foreign], tmp_path / "out.svg")
    assert str(refused.value) == "the SVG writer wrote an unexpected file"
    try:
        i18n.install(qapp, "es")
        assert i18n.error_text(refused.value) == "el generador de SVG escribió un archivo inesperado"
    finally:
        i18n.install_none()
