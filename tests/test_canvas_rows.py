"""A move that makes a row taller moves the rows below as a whole (issue 21): what a user would see.

The cards live in their cells' containers (``ui/scene/rows.py``) and the scene has
no item index; these tests check the cards land where the grid says, never
overlap, can still be clicked and hovered where they are drawn, and that the
scene rect follows the content once the edits pause.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter

from journeymap.domain.grid import Grid, drop, gather, shift
from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
from journeymap.storage import Document
from journeymap.ui.scene import MapScene, MapView
from journeymap.ui.scene.card_item import CardItem
from journeymap.ui.session import DocumentSession
from tests.canvas_helpers import card_centre, drag, rows


def _map(tmp_path, counts: dict[tuple[int, int], int]):
    """A map of 4 stages x 4 lanes with counts[(stage index, lane index)] cards per cell."""
    path = tmp_path / "rows.jmap"
    with Document.create(path) as doc:
        m = doc.add_map(JourneyMap("Rows"))
        stages = [doc.add_stage(Stage(m, f"S{i}", i)) for i in range(4)]
        lanes = [doc.add_lane(Lane(m, f"L{i}", position=i)) for i in range(4)]
        for (si, li), n in counts.items():
            for k in range(n):
                doc.add_touchpoint(Touchpoint(m, stages[si], lanes[li], f"Card {si}.{li}.{k}", position=k))
    return path


def _scene(qtbot, path):
    session = DocumentSession(Document.open(path))
    scene = MapScene(session)
    view = MapView()
    qtbot.addWidget(view)
    view.setScene(scene)
    view.resize(1200, 900)
    view.show()
    return scene, view


def _assert_where_the_grid_says(scene: MapScene) -> None:
    rects = {}
    for cell, ids in scene.cells.items():
        for i, tid in enumerate(ids):
            card = scene.cards[tid]
            rect = card.mapRectToScene(card.card_rect())
            assert rect == scene.grid.card_rect(cell, i), (tid, cell, i)
            assert scene.grid.cell_rect(cell).contains(rect)
            rects[tid] = rect
    assert len(rects) == len(scene.cards)
    for (a, ra), (b, rb) in itertools.combinations(rects.items(), 2):
        assert not ra.intersects(rb), (a, b)


def test_a_taller_row_moves_every_card_below_and_clicks_still_find_them(qtbot, tmp_path):
    path = _map(tmp_path, {(0, 0): 2, (1, 0): 2, (0, 1): 3, (2, 2): 4, (3, 3): 1})
    scene, view = _scene(qtbot, path)
    lane0, last = scene.grid.lane_ids[0], scene.grid.lane_ids[-1]
    below_before = {tid: card.scenePos() for tid, card in scene.cards.items() if card.cell[1] not in (lane0, last)}
    height, last_height = scene.grid.row_h[lane0], scene.grid.row_h[last]
    [mover] = scene.cells[(scene.grid.stage_ids[3], last)]

    # The last lane's card into the first lane, on top of two: that row grows, every lane below moves down.
    assert scene.editor.move_touchpoints([mover], (scene.grid.stage_ids[1], lane0), 0, grid=scene.model_grid())
    dy = scene.grid.row_h[lane0] - height
    assert dy > 0 and scene.grid.row_h[last] == last_height
    _assert_where_the_grid_says(scene)
    for tid, pos in below_before.items():
        assert scene.cards[tid].scenePos() == pos + QPointF(0, dy), tid
    # What is drawn is what is hit: a card far below the change is found under the pointer.
    far = scene.cells[(scene.grid.stage_ids[2], scene.grid.lane_ids[2])][-1]
    assert scene.card_at(card_centre(scene, far)) is scene.cards[far]
    assert scene.card_at(card_centre(scene, mover)) is scene.cards[mover]
    assert scene.sceneRect().contains(scene.content_rect())

    scene.session.undo_stack.undo()
    _assert_where_the_grid_says(scene)
    assert {tid: card.scenePos() for tid, card in scene.cards.items() if tid in below_before} == below_before
    # The scene rect is exact again once the edits pause.
    qtbot.waitUntil(lambda: scene.sceneRect() == scene.content_rect(), timeout=3000)
    scene.dispose()


def test_a_dragged_card_floats_then_lands_in_its_new_cell(qtbot, tmp_path):
    path = _map(tmp_path, {(0, 0): 1, (1, 1): 2, (0, 2): 1})
    scene, view = _scene(qtbot, path)
    tid = scene.cells[(scene.grid.stage_ids[0], scene.grid.lane_ids[0])][0]
    target = scene.cell_rect(scene.grid.stage_ids[1], scene.grid.lane_ids[1])
    drag(view, card_centre(scene, tid), QPointF(target.center().x(), target.bottom() - 4))
    assert scene.cards[tid].cell == (scene.grid.stage_ids[1], scene.grid.lane_ids[1])
    assert scene.cards[tid].parentItem() is not None  # back in a cell, not left floating
    _assert_where_the_grid_says(scene)
    assert rows(path)[0][tid].lane_id == scene.grid.lane_ids[1]
    scene.dispose()


def test_cards_of_a_repainted_region_are_drawn_in_their_colours(qtbot, tmp_path):
    """Exports and thumbnails render a part of the map: the cards inside are drawn, none outside."""
    path = _map(tmp_path, {(0, 0): 3, (1, 0): 3, (2, 1): 2})
    scene, view = _scene(qtbot, path)
    tid = scene.cells[(scene.grid.stage_ids[1], scene.grid.lane_ids[0])][1]
    rect = scene.cards[tid].mapRectToScene(scene.cards[tid].card_rect())
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("#000000"))
    painter = QPainter(image)
    scene.render(painter, image.rect().toRectF(), rect)
    painter.end()
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    assert centre.lightness() > 200  # the card's white body, not the black the image started with
    scene.dispose()


def test_grid_answers_the_same_with_and_without_the_canvas_hint():
    cells = {(1, 10): [1, 2, 3], (2, 10): [4], (1, 11): [5, 6], (2, 11): [7, 8, 9]}
    plain = Grid((1, 2), (10, 11), cells)
    right = Grid((1, 2), (10, 11), cells, lambda t: next((c for c, ids in cells.items() if t in ids), None))
    stale = Grid((1, 2), (10, 11), cells, lambda t: (2, 10))  # wrong for most cards: slower, never wrong
    for grid in (right, stale):
        assert grid.sorted([9, 1, 5, 4, 42]) == plain.sorted([9, 1, 5, 4, 42]) == [1, 5, 4, 9]
        assert grid.where([6, 42]) == plain.where([6, 42]) == {6: ((1, 11), 1)}
        assert drop(grid, [1, 5], 1, (2, 10), 0) == drop(plain, [1, 5], 1, (2, 10), 0)
        assert gather(grid, [3, 7], (1, 11), 1) == gather(plain, [3, 7], (1, 11), 1)
        assert shift(grid, [5], 1, 0) == shift(plain, [5], 1, 0)


def test_no_card_item_outside_the_cells(qtbot, tmp_path):
    path = _map(tmp_path, {(0, 0): 2, (3, 3): 2})
    scene, _view = _scene(qtbot, path)
    cards = [i for i in scene.items() if isinstance(i, CardItem)]
    assert len(cards) == 4 and all(c.parentItem() is not None for c in cards)
    scene.dispose()
