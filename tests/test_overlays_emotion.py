"""The emotion curve lane: dots at the cards' columns, stage averages as the reports compute them, empty state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from journeymap.services.reporting import stage_metrics
from journeymap.ui.commands.imports import run_import
from journeymap.ui.scene import MapScene, style
from journeymap.ui.scene.emotion import compute_emotion


@pytest.fixture
def scene(session):
    s = MapScene(session)
    s.set_overlays({"emotion"})
    yield s
    s.dispose()


def _survey(session, tmp_path, skip_stage: int | None = None):
    """Answers with sentiment for most touchpoints (none in stage *skip_stage*), two segments."""
    doc, map_id = session.document, session.map_id
    stages = [s.id for s in doc.stages(map_id)]
    lines = ["touchpoint,score,sentiment,segment"]
    for i, tp in enumerate(doc.touchpoints(map_id)):
        if i % 4 == 3 or (skip_stage is not None and tp.stage_id == stages[skip_stage]):
            continue
        base = [0.8, 0.3, -0.6, 0.1, -0.2, 0.6, 0.9, -0.9][stages.index(tp.stage_id) % 8]
        for k, delta in enumerate((-0.1, 0.0, 0.15)):
            value = max(-1.0, min(1.0, base + delta))
            lines.append(f'"{tp.title}",{7 + k},{value:.2f},{"north" if k else "south"}')
    path = tmp_path / "emotion.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return run_import(session, path)


def test_points_sit_in_their_cards_columns_at_scaled_sentiment(session, scene, tmp_path):
    _survey(session, tmp_path)
    model = scene.emotion_item.model()
    assert not model.empty
    with_sentiment = {tid for tid, m in scene.metrics.items() if m.sentiment is not None}
    assert {p.touchpoint_id for p in model.points} == with_sentiment
    for p in model.points:
        card = scene.cards[p.touchpoint_id].sceneBoundingRect()
        column = scene.grid.column_rect(p.stage_id)
        assert column.left() <= p.x <= column.right()
        assert card.left() <= p.x <= card.right()  # within the card's width
        value = scene.metrics[p.touchpoint_id].sentiment
        assert p.value == pytest.approx(value)
        assert p.y == pytest.approx(model.zero_y - value * model.half)
        assert model.plot.top() - 0.01 <= p.y <= model.plot.bottom() + 0.01
    # the lane sits right under the grid and spans it
    assert model.rect.top() == pytest.approx(scene.grid.grid_bottom)
    assert model.rect.width() == pytest.approx(scene.grid.grid_rect.width())


def test_stage_averages_match_reporting(session, scene, tmp_path):
    _survey(session, tmp_path)
    model = scene.emotion_item.model()
    expected = {s.stage_id: s.sentiment for s in stage_metrics(session.document, session.map_id)}
    assert {s.stage_id for s in model.stages} == {sid for sid, v in expected.items() if v is not None}
    for sp in model.stages:
        assert sp.value == pytest.approx(expected[sp.stage_id])
        assert sp.x == pytest.approx(scene.grid.column_rect(sp.stage_id).center().x())
        assert sp.label == (f"{sp.value:+.2f}".replace("-", "−") if round(sp.value, 2) else "0.00")
    # the segment filter recomputes the curve too
    session.set_segment("north")
    north = {s.stage_id: s.sentiment for s in stage_metrics(session.document, session.map_id, "north")}
    for sp in scene.emotion_item.model().stages:
        assert sp.value == pytest.approx(north[sp.stage_id])


def test_curve_runs_through_the_averages_without_overshoot(session, scene, tmp_path):
    _survey(session, tmp_path, skip_stage=4)
    model = scene.emotion_item.model()
    stages = model.stages
    solid = [seg for seg in model.segments if not seg.dashed]
    dashed = [seg for seg in model.segments if seg.dashed]
    assert len(model.segments) == len(stages) - 1
    assert len(dashed) == 1  # across the stage without data
    for a, b, seg in zip(stages, stages[1:], model.segments):
        start, end = seg.curve.pointAtPercent(0), seg.curve.pointAtPercent(1)
        assert (start.x(), start.y()) == pytest.approx((a.x, a.y))
        assert (end.x(), end.y()) == pytest.approx((b.x, b.y))
        lo, hi = min(a.y, b.y), max(a.y, b.y)
        for t in range(1, 20):
            y = seg.curve.pointAtPercent(t / 20).y()
            assert lo - 0.01 <= y <= hi + 0.01  # monotone cubic: no invented peaks
    assert all(not seg.above.isEmpty() or not seg.below.isEmpty() for seg in solid)


def test_empty_state(session, scene, tmp_path):
    model = scene.emotion_item.model()
    assert model.empty and not model.stages and not model.segments
    # drawn: dashed zero line and the message (the SVG keeps text as text)
    from journeymap.ui.export.render import ImageOptions, export_svg

    out = tmp_path / "empty.svg"
    export_svg(scene, out, ImageOptions(overlays={"emotion"}))
    assert "No sentiment data" in out.read_text(encoding="utf-8")
    image = QImage(int(model.rect.width()), int(model.rect.height()), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), model.rect)
    painter.end()
    zero_row = int(model.zero_y - model.rect.top())
    x0 = int(style.LANE_HEADER_W) + 2
    row = [QColor(image.pixel(x, zero_row)).lightness() for x in range(x0, x0 + 200)]
    assert min(row) < 235 and max(row) > 245  # dashed: ink and gaps


def test_curve_follows_import_and_undo(qtbot, session, scene, tmp_path):
    assert scene.emotion_item.model().empty
    _survey(session, tmp_path)
    assert len(scene.emotion_item.model().stages) == len(scene.stages)
    with qtbot.waitSignal(session.metricsChanged):
        session.undo_stack.undo()
    assert scene.emotion_item.model().empty


def test_lane_and_legend_grow_the_scene_only_when_on(session, scene):
    with_lane = scene.content_rect()
    assert scene.emotion_item.isVisible() and scene.legend_item.isVisible()
    assert scene.legend_item.sceneBoundingRect().top() > scene.emotion_item.sceneBoundingRect().bottom()
    scene.set_overlays(set())
    assert not scene.emotion_item.isVisible() and not scene.legend_item.isVisible()
    plain = scene.content_rect()
    assert plain.height() < with_lane.height()
    assert plain == scene.grid.content_rect()
    assert scene.sceneRect() == plain


def test_dimmed_cards_dim_their_dots(session, scene, tmp_path):
    _survey(session, tmp_path)
    scene.set_filter("Staff greeting")
    model = scene.emotion_item.model()
    undimmed = {p.touchpoint_id for p in model.points if not p.dimmed}
    assert undimmed == {tid for tid in scene.matching_ids() if tid in {p.touchpoint_id for p in model.points}}


def test_compute_emotion_is_pure(session, scene, tmp_path):
    _survey(session, tmp_path)
    again = compute_emotion(scene.grid, scene.cells, scene.metrics)
    assert [(p.touchpoint_id, p.x, p.y) for p in again.points] == [
        (p.touchpoint_id, p.x, p.y) for p in scene.emotion_item.model().points]
