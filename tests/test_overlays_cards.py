"""NPS and sentiment overlays on the cards: badge, band and face follow imports, edits, segments and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from journeymap.ui.commands.imports import run_import
from journeymap.ui.commands.touchpoints import UpdateTouchpointCommand
from journeymap.ui.scene import MapScene, style
from journeymap.ui.scene.overlays import (
    compact_count,
    draw_face,
    face_path,
    level_colour,
    sentiment_level,
    signed,
)


@pytest.fixture
def scene(session):
    s = MapScene(session)
    s.set_overlays({"nps", "sentiment"})
    yield s
    s.dispose()


def _card(scene, title):
    return next(c for c in scene.cards.values() if c.touchpoint.title == title)


def _render_card(scene, card) -> QImage:
    """The card as the canvas draws it (raster, 1:1), on white."""
    rect = card.sceneBoundingRect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()
    return image


def _band_pixel(scene, card) -> QColor:
    image = _render_card(scene, card)
    inset = card.boundingRect().topLeft()  # the card's (0, 0) inside its bounding rect
    return QColor(image.pixel(int(style.CARD_W / 2 - inset.x()), int(2 - inset.y())))


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_import_changes_band_and_badge_and_undo_reverts(qtbot, session, scene, tmp_path):
    card = _card(scene, "Staff greeting")
    before = card.overlay_state()
    assert before["badge"] is None and before["band"] is None and before["face"] is None
    white = _band_pixel(scene, card)
    assert white.lightness() > 240

    csv = _write(tmp_path / "survey.csv", "touchpoint,score,sentiment\n" + "Staff greeting,10,0.9\n" * 3
                 + "Staff greeting,8,0.5\nStaff greeting,2,-0.5\n")
    with qtbot.waitSignal(session.metricsChanged):
        run_import(session, csv)
    state = card.overlay_state()
    # 3 promoters, 1 passive, 1 detractor of 5: NPS +40; sentiment (0.9*3 + 0.5 - 0.5) / 5 = 0.54
    assert state["badge"] == "+40 · n=5, low"
    assert state["manual"] is False
    assert state["band"] == style.nps_colour(40).name() == state["badge_colour"]
    assert state["face"] == 1 and state["sentiment"] == "+0.54"
    band = _band_pixel(scene, card)
    expected = style.nps_colour(40)
    assert abs(band.red() - expected.red()) <= 6 and abs(band.blue() - expected.blue()) <= 6

    with qtbot.waitSignal(session.metricsChanged):
        session.undo_stack.undo()
    assert card.overlay_state() == before
    assert _band_pixel(scene, card).lightness() > 240

    session.undo_stack.redo()
    assert card.overlay_state()["badge"] == "+40 · n=5, low"


def test_overlays_off_show_nothing_and_pixels_differ_when_on(session, scene, tmp_path):
    card = _card(scene, "Window display")
    session.undo_stack.push(UpdateTouchpointCommand(session, card.touchpoint_id, {"manual_nps": -35.0}))
    on = _render_card(scene, card)
    scene.set_overlays(set())
    assert card.overlay_state()["badge"] is None
    off = _render_card(scene, card)
    assert on != off


def test_manual_values_are_marked(session, scene):
    card = _card(scene, "Store entrance")
    session.undo_stack.push(UpdateTouchpointCommand(session, card.touchpoint_id,
                                                    {"manual_nps": 40.0, "manual_sentiment": -0.5}))
    state = card.overlay_state()
    assert state["badge"] == "≈+40" and state["manual"] is True
    assert state["face"] == -1 and state["sentiment"] == "≈−0.50"
    mark = card.nps_mark()
    assert mark.fill == style.CARD_BG  # hollow pill
    session.undo_stack.undo()
    assert card.overlay_state()["badge"] is None


def test_segment_filter_recomputes_badges(session, scene, tmp_path):
    card = _card(scene, "Staff greeting")
    csv = _write(tmp_path / "seg.csv", "touchpoint,score,segment\nStaff greeting,10,north\n"
                 "Staff greeting,0,south\nStaff greeting,0,south\n")
    run_import(session, csv)
    assert card.overlay_state()["badge"] == "−33 · n=3, low"
    session.set_segment("north")
    assert card.overlay_state()["badge"] == "+100 · n=1, low"
    session.set_segment(None)
    assert card.overlay_state()["badge"] == "−33 · n=3, low"


@pytest.mark.parametrize(
    ("value", "level"), [(-1.0, -2), (-0.5, -1), (0.0, 0), (0.5, 1), (1.0, 2), (-0.8, -2), (0.2, 0), (0.74, 1)]
)
def test_sentiment_levels(value, level):
    assert sentiment_level(value) == level


def test_five_distinct_faces_drawn_as_vectors(qapp):
    images = []
    for level in (-2, -1, 0, 1, 2):
        eyes, mouth, filled = face_path(level, QPointF(20, 20), 16)
        assert not eyes.isEmpty() and not mouth.isEmpty()
        assert filled == (abs(level) == 2)
        image = QImage(40, 40, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        draw_face(painter, QPointF(20, 20), 16, level)
        painter.end()
        assert QColor(image.pixel(20, 8)).name() != "#ffffff"  # the disc is drawn
        images.append(image)
    assert len({bytes(img.constBits()) for img in images}) == 5
    # the fills go orange -> grey -> blue
    assert level_colour(-2).red() > level_colour(-2).blue()
    assert level_colour(2).blue() > level_colour(2).red()


def test_card_face_follows_sentiment_levels(session, scene):
    # Cards of touchpoint lanes: a pain point or an opportunity carries no sentiment face.
    cards = [c for c in scene.cards.values() if c.touchpoint.lane_id in scene.scored_lane_ids][:5]
    for card, value in zip(cards, (-1.0, -0.5, 0.0, 0.5, 1.0)):
        session.undo_stack.push(UpdateTouchpointCommand(session, card.touchpoint_id, {"manual_sentiment": value}))
    states = [c.overlay_state() for c in cards]
    assert [s["face"] for s in states] == [-2, -1, 0, 1, 2]
    assert [s["sentiment"] for s in states] == ["≈−1.00", "≈−0.50", "≈0.00", "≈+0.50", "≈+1.00"]
    assert len({s["sentiment_colour"] for s in states}) == 5


def test_number_formats():
    assert signed(42.4) == "+42" and signed(-12.5) == "−12" and signed(0.2) == "0" and signed(0.5, 2) == "+0.50"
    assert [compact_count(n) for n in (7, 999, 1000, 1234, 12_345, 2_500_000)] == [
        "7", "999", "1k", "1.2k", "12k", "2.5M"]


def test_badge_text_meets_wcag_aa_across_the_scale():
    for value in range(-100, 101, 5):
        fill, text = style.readable_fill(style.nps_colour(value))
        assert style.contrast(fill, text) >= 4.5, value
