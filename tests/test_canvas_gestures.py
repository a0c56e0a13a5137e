"""Mouse and keyboard gestures on the real canvas, checked against the SQLite file."""

from __future__ import annotations

from canvas_helpers import card_centre, click, drag, rows
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from journeymap.ui.mime import library_item_mime
from journeymap.ui.scene import style


def _drop(view, mime: QMimeData, pos: QPoint) -> bool:
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), enter)
    move = QDragMoveEvent(pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), move)
    drop = QDropEvent(QPointF(pos), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), drop)
    return drop.isAccepted()


def test_library_drop_creates_card_in_cell(canvas, doc_path):
    scene, view = canvas
    stage = scene.stages[2]
    lane = scene.lanes[3]
    cell_rect = scene.cell_rect(stage.id, lane.id)
    view.ensureVisible(cell_rect)
    before = set(scene.cards)
    mime = library_item_mime("Chatbot answers", "chat", "Bot on the website")
    assert _drop(view, mime, view.mapFromScene(cell_rect.center()))
    new = set(scene.cards) - before
    assert len(new) == 1
    tid = new.pop()
    assert cell_rect.contains(scene.card_item(tid).sceneBoundingRect().center())
    tps, _, _ = rows(doc_path)
    assert (tps[tid].stage_id, tps[tid].lane_id, tps[tid].title, tps[tid].channel) == (
        stage.id,
        lane.id,
        "Chatbot answers",
        "chat",
    )
    assert scene.session.selected_ids == [tid]


def test_drag_card_to_other_stage_undo_redo(canvas, doc_path):
    scene, view = canvas
    tid = next(t for t, c in scene.cards.items() if c.cell[0] == scene.stages[0].id)
    card = scene.card_item(tid)
    lane_id = card.cell[1]
    old_stage = card.cell[0]
    target_stage = scene.stages[1].id
    target = scene.cell_rect(target_stage, lane_id)
    old_pos = card.scenePos()
    drop_at = QPointF(target.center().x(), target.bottom() - 4)
    drag(view, card_centre(scene, tid), drop_at)
    assert scene.card_item(tid).cell == (target_stage, lane_id)
    assert target.contains(scene.card_item(tid).sceneBoundingRect())
    assert rows(doc_path)[0][tid].stage_id == target_stage
    assert scene.session.undo_stack.count() == 1

    scene.session.undo_stack.undo()
    assert scene.card_item(tid).cell == (old_stage, lane_id)
    assert scene.card_item(tid).scenePos() == old_pos
    assert rows(doc_path)[0][tid].stage_id == old_stage

    scene.session.undo_stack.redo()
    assert scene.card_item(tid).cell == (target_stage, lane_id)
    assert rows(doc_path)[0][tid].stage_id == target_stage


def test_drag_within_cell_reorders(canvas):
    scene, view = canvas
    cell, ids = next((c, ids) for c, ids in scene.cells.items() if len(ids) >= 3)
    first = ids[0]
    rect = scene.cell_rect(*cell)
    y = rect.top() + style.CELL_PAD + 3 * (style.CARD_H + style.CARD_GAP) - 4
    drag(view, card_centre(scene, first), QPointF(rect.center().x(), y))
    assert scene.session.document.cell_ids(scene.map_id, *cell) == [ids[1], ids[2], first, *ids[3:]]
    assert scene.cells[cell][2] == first


def test_multi_select_and_move_is_one_command(canvas, doc_path):
    scene, view = canvas
    cell, ids = next((c, ids) for c, ids in scene.cells.items() if len(ids) >= 2)
    a, b = ids[0], ids[1]
    click(view, card_centre(scene, a))
    click(view, card_centre(scene, b), Qt.KeyboardModifier.ControlModifier)
    assert scene.selected_ids() == [a, b]
    lane = cell[1]
    si = scene.grid.stage_ids.index(cell[0])
    target_stage = scene.grid.stage_ids[(si + 1) % len(scene.grid.stage_ids)]
    target = scene.cell_rect(target_stage, lane)
    drag(view, card_centre(scene, b), QPointF(target.center().x(), target.top() + 6))
    assert scene.session.undo_stack.count() == 1
    tps = rows(doc_path)[0]
    assert tps[a].stage_id == tps[b].stage_id == target_stage
    assert scene.session.document.cell_ids(scene.map_id, target_stage, lane)[:2] == [a, b]
    scene.session.undo_stack.undo()
    assert scene.session.document.cell_ids(scene.map_id, *cell) == ids


def test_rubber_band_selects_cards(canvas):
    scene, view = canvas
    stage = scene.stages[0].id
    col = scene.grid.column_rect(stage)
    view.ensureVisible(col)
    start = QPointF(col.left() + 3, col.top() + 3)
    end = QPointF(col.right() - 3, col.bottom() - 3)
    drag(view, start, end)
    expected = sorted(t for t, c in scene.cards.items() if c.cell[0] == stage)
    assert sorted(scene.session.selected_ids) == expected


def test_keyboard_delete_copy_paste_duplicate(canvas, qtbot):
    scene, view = canvas
    stack = scene.session.undo_stack
    n = len(scene.cards)
    tid = next(iter(scene.cards))
    click(view, card_centre(scene, tid))
    QTest.keyClick(view.viewport(), Qt.Key.Key_Delete)
    assert tid not in scene.cards and len(scene.cards) == n - 1
    stack.undo()
    assert tid in scene.cards
    scene.select_ids([tid])
    assert scene.copy_selection()
    new = scene.paste()
    assert len(new) == 1 and scene.cards[new[0]].touchpoint.title == scene.cards[tid].touchpoint.title
    cell = scene.cards[tid].cell
    ids = scene.cells[cell]
    assert ids.index(new[0]) == ids.index(tid) + 1
    scene.select_ids([tid])
    dup = scene.duplicate_selection()
    assert len(scene.cards) == n + 2 and dup
    stack.undo()
    stack.undo()
    assert len(scene.cards) == n


def test_arrow_keys_move_selection_and_alt_arrows_move_cards(canvas):
    scene, view = canvas
    cell, ids = next((c, ids) for c, ids in scene.cells.items() if len(ids) >= 2)
    scene.select_ids([ids[0]])
    QTest.keyClick(view.viewport(), Qt.Key.Key_Down)
    assert scene.selected_ids() == [ids[1]]
    QTest.keyClick(view.viewport(), Qt.Key.Key_Up)
    assert scene.selected_ids() == [ids[0]]
    QTest.keyClick(view.viewport(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert scene.cells[cell][:2] == [ids[1], ids[0]]
    si = scene.grid.stage_ids.index(cell[0])
    if si + 1 < len(scene.grid.stage_ids):
        QTest.keyClick(view.viewport(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        assert scene.cards[ids[0]].cell == (scene.grid.stage_ids[si + 1], cell[1])


def test_filter_dims_non_matching(canvas):
    scene, _view = canvas
    scene.set_filter("negative")
    matching = set(scene.matching_ids())
    assert matching == {t for t, c in scene.cards.items() if c.touchpoint.sensation == "negative"}
    assert matching and len(matching) < len(scene.cards)
    scene.set_filter("")
    assert len(scene.matching_ids()) == len(scene.cards)


def test_the_view_hands_out_the_viewport_qt_draws_in(canvas):
    from PySide6.QtWidgets import QAbstractScrollArea

    _scene, view = canvas
    assert QAbstractScrollArea.viewport(view) is view.viewport()
    assert view.viewport().parentWidget() is not None and view.viewport().isVisible()


def test_escape_during_a_card_drag_puts_the_card_back_and_writes_nothing(canvas, doc_path):
    from canvas_helpers import vp

    from journeymap.ui.scene.interactions import CardDrag

    scene, view = canvas
    tid = next(t for t, c in scene.cards.items() if c.cell[0] == scene.stages[0].id)
    before, pos = rows(doc_path)[0][tid], scene.cards[tid].scenePos()
    start = card_centre(scene, tid)
    end = scene.cell_rect(scene.stages[1].id, scene.cards[tid].cell[1]).center()
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, vp(view, start))
    for i in range(1, 7):
        QTest.mouseMove(view.viewport(), vp(view, start + (end - start) * (i / 6)))
    assert isinstance(scene.interaction, CardDrag) and scene.cards[tid].scenePos() != pos
    QTest.keyClick(view.viewport(), Qt.Key.Key_Escape)
    assert scene.interaction is None and scene.cards[tid].scenePos() == pos
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, vp(view, end))
    after = rows(doc_path)[0][tid]
    assert (after.stage_id, after.lane_id, after.position) == (before.stage_id, before.lane_id, before.position)
    assert scene.cards[tid].scenePos() == pos and not scene.session.undo_stack.canUndo()


def test_dragging_cards_of_two_lanes_keeps_each_in_its_own_lane(canvas, doc_path):
    scene, view = canvas
    first, second = scene.stages[0].id, scene.stages[1].id
    by_lane: dict[int, int] = {}
    for tid, card in scene.cards.items():
        if card.cell[0] == first:
            by_lane.setdefault(card.cell[1], tid)
    (lane_a, a), (lane_b, b) = list(by_lane.items())[:2]
    click(view, card_centre(scene, a))
    click(view, card_centre(scene, b), Qt.KeyboardModifier.ControlModifier)
    assert set(scene.selected_ids()) == {a, b}
    target = scene.cell_rect(second, lane_b)
    drag(view, card_centre(scene, b), QPointF(target.center().x(), target.bottom() - 4))
    tps = rows(doc_path)[0]
    assert (tps[a].stage_id, tps[a].lane_id) == (second, lane_a)  # not into the anchor's lane
    assert (tps[b].stage_id, tps[b].lane_id) == (second, lane_b)
    assert scene.session.undo_stack.count() == 1
