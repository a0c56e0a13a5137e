"""Grid layout: a 70-card map built through commands never overlaps, and a reopened file looks the same."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF

from journeymap.domain.grid import gather
from journeymap.domain.model import Lane, Sensation, Stage, Touchpoint
from journeymap.storage import Document
from journeymap.ui.commands.structure import AddLaneCommand, AddStageCommand
from journeymap.ui.commands.touchpoints import AddTouchpointCommand, MoveTouchpointsCommand
from journeymap.ui.scene import MapScene
from journeymap.ui.scene.layout import compute_layout
from journeymap.ui.session import DocumentSession


def _assert_no_overlap(scene: MapScene) -> None:
    rects = {tid: card.mapRectToScene(card.card_rect()) for tid, card in scene.cards.items()}
    for tid, card in scene.cards.items():
        cell = scene.cell_rect(*card.cell)
        assert cell.contains(rects[tid]), (tid, rects[tid], cell)
    for (a, ra), (b, rb) in itertools.combinations(rects.items(), 2):
        assert not ra.intersects(rb), (a, b)


def test_seventy_touchpoints_through_commands(qtbot, tmp_path):
    path = tmp_path / "big.jmap"
    doc = Document.create(path)
    from journeymap.domain.model import JourneyMap

    map_id = doc.add_map(JourneyMap("Big map", persona_name="Ana"))
    session = DocumentSession(doc)
    scene = MapScene(session)
    push = session.undo_stack.push
    for i in range(7):
        push(AddStageCommand(session, Stage(map_id, f"Stage {i}")))
    for i in range(5):
        push(AddLaneCommand(session, Lane(map_id, f"Lane {i}")))
    stages, lanes = scene.grid.stage_ids, scene.grid.lane_ids
    assert len(stages) == 7 and len(lanes) == 5
    sensations = list(Sensation)
    for i in range(70):
        # Uneven cells: some crowded, some empty.
        sid = stages[(i * i) % 7]
        lid = lanes[(i // 3) % 5]
        tp = Touchpoint(
            map_id,
            sid,
            lid,
            f"Touchpoint number {i} with a rather long title to wrap",
            channel="web",
            sensation=sensations[i % 3],
            moment_of_truth=i % 11 == 0,
        )
        push(AddTouchpointCommand(session, tp, 0 if i % 4 == 0 else None))
    assert len(scene.cards) == 70
    _assert_no_overlap(scene)
    # Move a crowd of cards into one cell: the row grows, and nothing overlaps.
    ids = list(scene.cards)[:15]
    push(MoveTouchpointsCommand(session, ids, gather(scene.model_grid(), ids, (stages[0], lanes[0]), 0)))
    _assert_no_overlap(scene)
    assert set(scene.session.document.cell_ids(map_id, stages[0], lanes[0])[:15]) == set(ids)
    session.undo_stack.undo()
    _assert_no_overlap(scene)
    # The rebuilt scene (e.g. after reopening) equals the incrementally updated one.
    positions = {tid: c.scenePos() for tid, c in scene.cards.items()}
    scene.rebuild()
    assert {tid: c.scenePos() for tid, c in scene.cards.items()} == positions
    content = scene.content_rect()
    for card in scene.cards.values():
        assert content.contains(card.sceneBoundingRect())
    assert content.contains(scene.title_item.boundingRect())
    scene.dispose()
    session.undo_stack.clear()
    doc.close()


def test_reopening_shows_the_same_map(qtbot, doc_path):
    doc = Document.open(doc_path)
    session = DocumentSession(doc)
    scene = MapScene(session)
    card = next(iter(scene.cards.values()))
    target = scene.grid.stage_ids[-1], scene.grid.lane_ids[-1]
    session.editor.move_touchpoints([card.touchpoint_id], target, 0, grid=scene.model_grid())
    before = {tid: (c.cell, c.scenePos(), c.touchpoint.title) for tid, c in scene.cards.items()}
    headers = [h.stage.name for h in scene.stage_headers.values()]
    content = scene.content_rect()
    scene.dispose()
    session.undo_stack.clear()
    doc.close()

    doc2 = Document.open(doc_path, read_only=True)
    session2 = DocumentSession(doc2)
    scene2 = MapScene(session2)
    assert {tid: (c.cell, c.scenePos(), c.touchpoint.title) for tid, c in scene2.cards.items()} == before
    assert [h.stage.name for h in scene2.stage_headers.values()] == headers
    assert scene2.content_rect() == content
    # Read-only: gestures do not push commands.
    assert not scene2.delete_selected() and scene2.add_stage() is None
    scene2.dispose()
    doc2.close()


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.tuples(st.integers(0, 4), st.integers(0, 3)), st.integers(0, 9), max_size=20))
def test_layout_cards_inside_cells_and_disjoint(counts):
    stages, lanes = list(range(5)), list(range(10, 14))
    cells = {(s, lanes[l]): list(range(n)) for (s, l), n in counts.items()}
    g = compute_layout(stages, lanes, cells)
    rects = []
    for cell, ids in cells.items():
        cr = g.cell_rect(cell)
        for i in range(len(ids)):
            r = g.card_rect(cell, i)
            assert cr.contains(r)
            assert g.cell_at(r.center()) == cell
            rects.append(r)
    for a, b in itertools.combinations(rects, 2):
        assert not a.intersects(b)
    for cell in cells:
        for i in range(len(cells[cell]) + 1):
            y = g.insertion_y(cell, i)
            assert g.index_at(cell, y, len(cells[cell])) == i
    assert g.content_rect().contains(g.grid_rect) and g.cell_at(QPointF(-100, -100)) is None
