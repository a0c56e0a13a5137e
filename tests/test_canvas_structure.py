"""Stages and lanes on the canvas: delete with undo, in-place rename, reorder by dragging headers."""

from __future__ import annotations

from canvas_helpers import click, drag, rows
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox


def test_delete_stage_asks_then_undo_restores_cards(canvas, doc_path, monkeypatch):
    scene, _view = canvas
    stage = scene.stages[3]
    ids = {t for t, c in scene.cards.items() if c.cell[0] == stage.id}
    assert ids
    asked = []

    def question(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    assert scene.editor.delete_stage(stage.id)
    assert str(len(ids)) in asked[0] and stage.name in asked[0]
    tps, stages, _ = rows(doc_path)
    assert stage.id not in {s.id for s in stages} and not ids & set(tps)
    assert not ids & set(scene.cards)

    scene.session.undo_stack.undo()
    tps, stages, _ = rows(doc_path)
    assert [s.id for s in stages] == [s.id for s in scene.stages] and stage.id in scene.stage_headers
    assert ids <= set(tps) and ids <= set(scene.cards)
    assert all(scene.cards[t].cell[0] == stage.id for t in ids)
    assert scene.grid.stage_ids.index(stage.id) == 3


def test_delete_stage_cancelled_keeps_everything(canvas, monkeypatch):
    scene, _view = canvas
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Cancel)
    assert not scene.editor.delete_stage(scene.stages[0].id)
    assert scene.session.undo_stack.count() == 0


def test_f2_renames_stage_in_place(canvas, doc_path):
    scene, view = canvas
    stage = scene.stages[1]
    header = scene.stage_headers[stage.id]
    click(view, header.sceneBoundingRect().center())
    assert scene.current_header is header
    QTest.keyClick(view.viewport(), Qt.Key.Key_F2)
    assert scene.inline_editor is not None
    QTest.keyClicks(view.viewport(), "Arrival")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)
    assert scene.inline_editor is None
    assert next(s for s in rows(doc_path)[1] if s.id == stage.id).name == "Arrival"
    assert scene.stage_headers[stage.id].stage.name == "Arrival"
    scene.session.undo_stack.undo()
    assert scene.stage_headers[stage.id].stage.name == stage.name


def test_double_click_card_edits_title_escape_cancels(canvas, doc_path):
    scene, view = canvas
    tid = next(iter(scene.cards))
    title = scene.cards[tid].touchpoint.title
    pos = view.mapFromScene(scene.cards[tid].sceneBoundingRect().center())
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    assert scene.inline_editor is not None
    QTest.keyClicks(view.viewport(), "Nope")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Escape)
    assert scene.inline_editor is None and rows(doc_path)[0][tid].title == title
    scene.select_ids([tid])
    QTest.keyClick(view.viewport(), Qt.Key.Key_F2)
    QTest.keyClicks(view.viewport(), "Shop window glance")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Enter)
    assert rows(doc_path)[0][tid].title == "Shop window glance"
    assert scene.cards[tid].touchpoint.title == "Shop window glance"


def test_drag_stage_header_reorders_stages(canvas, doc_path):
    scene, view = canvas
    order = [s.id for s in scene.stages]
    first = scene.stage_headers[order[0]]
    third = scene.grid.stage_header_rect(order[2])
    drag(view, first.sceneBoundingRect().center(), QPointF(third.right() - 10, third.center().y()))
    expected = [order[1], order[2], order[0], *order[3:]]
    assert [s.id for s in rows(doc_path)[1]] == expected
    assert scene.grid.stage_ids == expected
    assert scene.session.undo_stack.count() == 1
    scene.session.undo_stack.undo()
    assert [s.id for s in rows(doc_path)[1]] == order == scene.grid.stage_ids


def test_drag_lane_header_reorders_lanes(canvas, doc_path):
    scene, view = canvas
    order = [lane.id for lane in scene.lanes]
    last = scene.lane_headers[order[-1]]
    top = scene.grid.lane_header_rect(order[0])
    drag(view, last.sceneBoundingRect().center(), QPointF(top.center().x(), top.top() + 5))
    assert [lane.id for lane in rows(doc_path)[2]] == [order[-1], *order[:-1]]


def test_add_stage_and_lane_then_rename_inline(canvas, doc_path):
    scene, view = canvas
    n_stages, n_lanes = len(scene.stages), len(scene.lanes)
    sid = scene.add_stage(1)
    assert scene.grid.stage_ids[1] == sid and scene.inline_editor is not None
    QTest.keyClicks(view.viewport(), "Discovery")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)
    lid = scene.add_lane()
    scene.commit_editing()
    _tps, stages, lanes = rows(doc_path)
    assert len(stages) == n_stages + 1 and stages[1].name == "Discovery"
    assert len(lanes) == n_lanes + 1 and lanes[-1].id == lid
    scene.editor.recolour_stage(sid, "#123456")
    assert scene.stage_headers[sid].stage.colour == "#123456"
    stack = scene.session.undo_stack
    while stack.canUndo():
        stack.undo()
    _tps, stages, lanes = rows(doc_path)
    assert len(stages) == n_stages and len(lanes) == n_lanes
