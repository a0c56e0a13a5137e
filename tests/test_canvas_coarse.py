"""Zoomed far out, the cards are one cached image (issue 21): still drawn in their colours, still clickable.

What a user notices: at fit-to-window zoom every card shows its sensation
colour and the grey shape of its title; a moved card shows at its new place;
a click on a card selects it; zooming back in shows the full cards; an export
made while zoomed out draws every card in full.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest

from journeymap.domain.model import JourneyMap, Lane, Sensation, Stage, Touchpoint
from journeymap.storage import Document
from journeymap.ui.scene import MapScene, MapView, style
from journeymap.ui.session import DocumentSession

ZOOM = 0.3


def _scene(qtbot, tmp_path):
    path = tmp_path / "far.jmap"
    with Document.create(path) as doc:
        m = doc.add_map(JourneyMap("Far"))
        stages = [doc.add_stage(Stage(m, f"S{i}", i)) for i in range(6)]
        lanes = [doc.add_lane(Lane(m, f"L{i}", position=i)) for i in range(3)]
        for i in range(12):
            doc.add_touchpoint(Touchpoint(m, stages[i % 6], lanes[i % 2], f"Card number {i}",
                                          sensation=Sensation.NEGATIVE if i % 3 == 0 else Sensation.POSITIVE))
    session = DocumentSession(Document.open(path))
    scene = MapScene(session)
    view = MapView()
    qtbot.addWidget(view)
    view.setScene(scene)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    return scene, view


def _near(a: QColor, b: QColor, tolerance: int = 45) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) <= tolerance


def _tinted(a: QColor, b: QColor) -> bool:
    """Of *b*'s hue, and clearly coloured (a thin strip is blended with the white around it)."""
    return a.hsvSaturation() >= 80 and abs(a.hsvHue() - b.hsvHue()) <= 15


def _colours_in(view: MapView, scene_rect) -> list[QColor]:
    image = view.viewport().grab().toImage()
    r = view.mapFromScene(scene_rect).boundingRect()
    return [image.pixelColor(x, y) for x in range(max(0, r.left()), min(image.width(), r.right()))
            for y in range(max(0, r.top()), min(image.height(), r.bottom()))]


def _card_rect(scene: MapScene, tid: int):
    card = scene.cards[tid]
    return card.mapRectToScene(card.card_rect())


def test_far_out_cards_keep_their_colours_and_follow_a_move(qtbot, tmp_path):
    scene, view = _scene(qtbot, tmp_path)
    view.set_zoom(ZOOM)
    view.centerOn(scene.content_rect().center())
    assert scene.coarse.active
    tid = next(t for t, c in scene.cards.items() if c.touchpoint.sensation == Sensation.NEGATIVE)
    colours = _colours_in(view, _card_rect(scene, tid))
    assert any(_tinted(c, style.sensation_colour("negative")) for c in colours)  # the sensation strip
    assert any(_near(c, QColor("#B4BCC6"), 30) for c in colours)  # the grey shape of the title
    empty = scene.grid.cell_rect((scene.grid.stage_ids[0], scene.grid.lane_ids[2]))
    assert not any(_tinted(c, style.sensation_colour("negative")) for c in _colours_in(view, empty))

    # Moved into the empty lane: drawn there, no longer where it was.
    old = _card_rect(scene, tid)
    assert scene.editor.move_touchpoints([tid], (scene.grid.stage_ids[0], scene.grid.lane_ids[2]), 0,
                                         grid=scene.model_grid())
    new = _card_rect(scene, tid)
    scene.clearSelection()  # the moved card is selected: its outline would cover the strip
    assert any(_tinted(c, style.sensation_colour("negative")) for c in _colours_in(view, new))
    assert new != old
    scene.dispose()


def test_far_out_a_click_selects_the_card_and_zooming_in_shows_full_cards(qtbot, tmp_path):
    scene, view = _scene(qtbot, tmp_path)
    view.set_zoom(ZOOM)
    view.centerOn(scene.content_rect().center())
    tid = next(iter(scene.cards))
    centre = _card_rect(scene, tid).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.mapFromScene(centre))
    assert scene.selected_ids() == [tid]
    view.set_zoom(1.0)
    assert not scene.coarse.active and not scene.coarse.isVisible()
    assert all(not (c.flags() & c.GraphicsItemFlag.ItemHasNoContents) for c in scene.cards.values())
    scene.dispose()


def test_an_export_while_zoomed_out_draws_every_card(qtbot, tmp_path):
    scene, view = _scene(qtbot, tmp_path)
    view.set_zoom(ZOOM)
    assert scene.coarse.active
    tid = next(iter(scene.cards))
    rect = _card_rect(scene, tid)
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("#000000"))
    scene.set_export_mode(True)
    assert not scene.coarse.active
    painter = QPainter(image)
    scene.render(painter, image.rect().toRectF(), rect)
    painter.end()
    scene.set_export_mode(False)
    # The full card: its title is text (dark pixels on white), not a grey bar.
    colours = [image.pixelColor(x, y) for x in range(10, image.width() - 10) for y in range(6, 30)]
    assert any(c.lightness() < 120 for c in colours) and any(c.lightness() > 240 for c in colours)
    assert scene.coarse.active  # the canvas is back to its image
    scene.dispose()
