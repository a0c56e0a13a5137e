"""The scene's own legend: on screen with any overlay, in PNG/SVG exports when overlays are on, never otherwise."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QColor, QImage

from journeymap.ui.export.render import ImageOptions, LegendItem, export_png, export_rect, export_svg, render_image

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def scene(scored_scene):
    return scored_scene


def svg_words(path) -> str:
    root = ET.parse(path).getroot()
    return " ".join(" ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text")).split())


def ink(image: QImage, rect, origin, step=3) -> int:
    """How many sampled pixels of *rect* (scene coordinates) are not white."""
    count = 0
    for x in range(int(rect.left() - origin.x()) + 2, int(rect.right() - origin.x()) - 2, step):
        for y in range(int(rect.top() - origin.y()) + 2, int(rect.bottom() - origin.y()) - 2, step):
            if QColor(image.pixel(x, y)).lightness() < 235:
                count += 1
    return count


def test_legend_in_png_when_overlays_on(scene, tmp_path):
    out = tmp_path / "on.png"
    export_png(scene, out, ImageOptions(overlays={"nps", "sentiment", "emotion"}))
    image = QImage(str(out))
    # where the legend was: measured with the same options, the scene restored afterwards
    scene.set_overlays({"nps", "sentiment", "emotion"})
    legend = scene.legend_item.sceneBoundingRect()
    rect = scene.content_rect()
    scene.set_overlays(set())
    assert (image.width(), image.height()) == (round(rect.width()), round(rect.height()))
    assert legend.bottom() < rect.bottom() and legend.top() > scene.grid.grid_bottom
    assert ink(image, legend, rect.topLeft()) > 100
    # and nothing of it without overlays: the image ends under the grid
    plain = render_image(scene, ImageOptions(overlays=set()))
    assert plain.height() < legend.top() - rect.top()


def test_svg_legend_text_only_when_overlays_on(scene, tmp_path):
    on, off, no_legend = tmp_path / "on.svg", tmp_path / "off.svg", tmp_path / "nolegend.svg"
    export_svg(scene, on, ImageOptions(overlays={"nps", "sentiment", "emotion"}))
    export_svg(scene, off, ImageOptions(overlays=set()))
    export_svg(scene, no_legend, ImageOptions(overlays={"nps"}, legend=False))
    words = svg_words(on)
    for text in ("Legend", "NPS", "Sentiment", "very negative", "very positive", "manual estimate",
                 "stage average", "moment of truth", "Emotion", "+42 · n=120"):
        assert text in words, text
    assert "≈+42" in words and "≈+0.60" in words  # badges and faces carry numbers, manual marked
    assert "Legend" not in svg_words(off) and "≈+42" not in svg_words(off)
    assert "Legend" not in svg_words(no_legend) and "≈+42" in svg_words(no_legend)
    assert scene.legend_visible and scene.overlays == frozenset()


def test_one_legend_only(scene):
    scene.set_overlays({"nps"})
    shown = {}

    def spy(painter, card):
        shown["legends"] = [i for i in scene.items() if isinstance(i, type(scene.legend_item))]

    scene.card_overlay_painters.append(spy)
    render_image(scene, ImageOptions())
    assert len(shown["legends"]) == 1  # the export did not add a second one
    assert not any(isinstance(i, LegendItem) for i in scene.items())


def test_legend_rows_follow_overlays(scene):
    scene.set_overlays({"sentiment"})
    assert scene.legend_item.overlays == ["sentiment"]
    small = scene.legend_item.boundingRect().height()
    scene.set_overlays({"nps", "sentiment", "emotion"})
    assert scene.legend_item.overlays == ["nps", "sentiment", "emotion"]
    assert scene.legend_item.boundingRect().height() > small
    # the export dialog's size hint
    rect = export_rect(scene, ImageOptions(overlays=set()))
    assert rect == scene.grid.content_rect()
    assert scene.overlays == frozenset({"nps", "sentiment", "emotion"})
