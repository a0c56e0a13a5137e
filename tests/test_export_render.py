"""The image renderer on a small stand-in scene: sizes, backgrounds, legend, state restore, formats."""

import re
import xml.etree.ElementTree as ET

import pytest
from export_helpers import StandInScene
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from journeymap.services.exporting import ExportError
from journeymap.ui.export.render import (
    ImageOptions,
    LegendItem,
    export_image,
    export_pdf,
    export_png,
    export_svg,
    image_size,
    render_image,
)

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def scene(qapp):
    s = StandInScene()
    yield s
    s.clear()


def no_legend(**kw):
    return ImageOptions(legend=False, **kw)


def pixel(image: QImage, x: int, y: int) -> QColor:
    return QColor.fromRgba(image.pixel(x, y))


@pytest.mark.parametrize("scale", [1, 2, 3, 4])
def test_png_size_follows_scale(scene, tmp_path, scale):
    out = tmp_path / "m.png"
    export_png(scene, out, no_legend(scale=scale))
    image = QImage(str(out))
    assert abs(image.width() - 600 * scale) <= 1 and abs(image.height() - 300 * scale) <= 1


def test_png_width_option_keeps_aspect(scene, tmp_path):
    out = tmp_path / "m.png"
    export_png(scene, out, no_legend(width=1500))
    image = QImage(str(out))
    assert image.width() == 1500 and abs(image.height() - 750) <= 1


def test_export_mode_hides_selection_and_is_restored(scene):
    image = render_image(scene, no_legend())
    assert pixel(image, 350, 140) != QColor("#FF0000")
    assert scene.calls[0] == ("export", True) and scene.calls[-1] == ("export", False)
    assert scene.selection_marker.isVisible()


def test_overlays_switched_for_export_then_restored(scene):
    render_image(scene, no_legend(overlays={"sentiment", "emotion"}))
    assert ("overlays", {"sentiment", "emotion"}) in scene.calls
    assert scene.overlays() == {"nps"}


def test_state_restored_when_rendering_fails(scene, monkeypatch):
    with pytest.raises(ExportError):
        render_image(scene, no_legend(width=10**6, overlays=set()))
    assert scene.overlays() == {"nps"} and not scene.export_mode
    assert scene.backgroundBrush().color() == QColor("#EEF0F3")


def test_white_and_transparent_backgrounds(scene):
    scene.removeItem(scene.items()[-1])  # the white paper rect: let the background show
    white = render_image(scene, no_legend())
    clear = render_image(scene, no_legend(transparent=True))
    assert pixel(white, 590, 290) == QColor("#FFFFFF")
    assert pixel(clear, 590, 290).alpha() == 0
    assert pixel(clear, 100, 140).alpha() == 255  # the card is opaque


def test_content_drawn_in_header_and_card(scene):
    image = render_image(scene, no_legend(scale=2))
    header = {pixel(image, x, y).name() for x in range(60, 1100, 40) for y in (30, 60, 90)}
    card = {pixel(image, x, y).name() for x in range(90, 430, 20) for y in (210, 250, 330)}
    assert header - {"#ffffff"} and card - {"#ffffff"}


def test_legend_added_below_when_overlays_shown_and_removed_after(scene):
    count = len(scene.items())
    plain = render_image(scene, ImageOptions(overlays=set()))
    with_legend = render_image(scene, ImageOptions(overlays={"nps", "sentiment"}))
    assert plain.height() == 300
    assert with_legend.height() > 300 + 40
    assert len(scene.items()) == count
    assert not any(isinstance(i, LegendItem) for i in scene.items())
    # The legend has ink under the map.
    below = {pixel(with_legend, x, y).name() for x in range(40, 200, 5) for y in range(320, with_legend.height(), 5)}
    assert len(below) > 3


def test_svg_parses_keeps_text_and_escapes(qapp, tmp_path):
    scene = StandInScene(title='Evil <script>&"\'')
    out = tmp_path / "m.svg"
    export_svg(scene, out, ImageOptions(title='Evil <script>&"\''))
    raw = out.read_text(encoding="utf-8")
    assert "<script" not in raw
    root = ET.parse(out).getroot()
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert 'Evil <script>&"\'' in texts
    assert "Checkout queue" in texts
    assert root.find(f"{SVG}title").text == 'Evil <script>&"\''


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


@pytest.mark.parametrize("page", ["fit", "a4", "a3"])
def test_pdf_one_page(scene, tmp_path, page):
    out = tmp_path / "m.pdf"
    export_pdf(scene, out, ImageOptions(page=page))
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert pdf_pages(data) == 1
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", data)
    w, h = float(box.group(1)), float(box.group(2))
    if page == "a4":
        assert (round(w), round(h)) == (842, 595)
    elif page == "a3":
        assert (round(w), round(h)) == (1191, 842)
    else:
        assert w > h  # the map's own aspect


def test_pdf_fit_page_is_map_size_plus_margins(scene, tmp_path):
    out = tmp_path / "m.pdf"
    export_pdf(scene, out, ImageOptions(page="fit", margin_mm=0, legend=False))
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", out.read_bytes())
    assert abs(float(box.group(1)) - 450) < 2 and abs(float(box.group(2)) - 225) < 2


def test_export_image_dispatch_and_errors(scene, tmp_path):
    for ext in ("png", "svg", "pdf"):
        export_image(scene, tmp_path / f"m.{ext}", no_legend())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.pdf", "m.png", "m.svg"]
    with pytest.raises(ExportError, match="not an image format"):
        export_image(scene, tmp_path / "m.csv")
    with pytest.raises(ExportError, match="unknown page"):
        export_pdf(scene, tmp_path / "x.pdf", ImageOptions(page="b5"))
    assert not (tmp_path / "x.pdf").exists()
    assert not list(tmp_path.glob("*.part"))


def test_image_size_limits():
    assert image_size(QRectF(0, 0, 100, 50), 2.5) == (250, 125, 2.5)
    with pytest.raises(ExportError, match="too large"):
        image_size(QRectF(0, 0, 1000, 1000), 100)
    with pytest.raises(ExportError, match="empty"):
        image_size(QRectF(), 1)


def test_empty_scene_is_a_clear_error(qapp, tmp_path):
    with pytest.raises(ExportError, match="empty"):
        export_png(QGraphicsScene(), tmp_path / "e.png")
    assert not list(tmp_path.iterdir())


def test_clipboard(scene):
    from journeymap.ui.export.render import copy_to_clipboard

    image = copy_to_clipboard(scene, no_legend(scale=2))
    assert image.width() == 1200
    pasted = QGuiApplication.clipboard().image()
    assert pasted.isNull() or pasted.width() == 1200


class PointSizeText(QGraphicsItem):
    """Draws text in a point-size font, as the map's items do."""

    def boundingRect(self):
        return QRectF(0, 0, 300, 40)

    def paint(self, painter, option, widget=None):
        font = QFont()
        font.setPointSizeF(12)
        painter.setFont(font)
        painter.drawText(QPointF(0, 30), "WWWWWWWWWW")


def ink_right(image: QImage) -> int:
    return max(x for x in range(image.width()) for y in range(0, image.height(), 2)
               if QColor.fromRgba(image.pixel(x, y)).lightness() < 120)


@pytest.mark.parametrize("fmt", ["png"])
def test_text_scales_with_the_image_not_with_the_device_resolution(qapp, fmt):
    scene = QGraphicsScene()
    scene.addItem(PointSizeText())
    one = render_image(scene, no_legend(scale=1))
    three = render_image(scene, no_legend(scale=3))
    assert abs(ink_right(three) - 3 * ink_right(one)) <= 6
    assert three.dotsPerMeterX() == pytest.approx(3 * one.dotsPerMeterX(), rel=0.01)
