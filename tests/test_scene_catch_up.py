"""Big edits shown across event-loop turns (issue 21): the canvas ends with exactly the document's cards.

An undo of 2,000 deleted cards makes their items a slice per turn; whatever
arrives meanwhile (another undo or redo, an edit, a mouse press) first finishes
what is pending, so nobody acts on an item that is not there yet.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.test_bulk_panels import CARDS, big_file, open_big_window  # noqa: F401 - the module's document fixture


@pytest.fixture
def window(qtbot, tmp_path, big_file):  # noqa: F811
    w = open_big_window(qtbot, tmp_path, big_file)
    w.scene.catch_up.budget_s = 0.002  # a few slices a turn whatever the machine's speed
    yield w
    w.close()


def shown(window) -> dict[int, tuple[float, float]]:
    """Card id -> position of every card item in the scene (removed ones included, if left behind)."""
    from journeymap.ui.scene.card_item import CardItem

    return {i.touchpoint_id: (i.scenePos().x(), i.scenePos().y())
            for i in window.scene.items() if isinstance(i, CardItem)}


def expected(window) -> dict[int, tuple[float, float]]:
    """Where the document's cards go: their cells' order from SQLite, through the scene's grid."""
    scene, doc = window.scene, window.session.document
    cells = doc.cells_ids(window.session.map_id, {(t.stage_id, t.lane_id) for t in doc.touchpoints(scene.map_id)})
    out = {}
    for cell, ids in cells.items():
        for k, tid in enumerate(ids):
            rect = scene.grid.card_rect(cell, k)
            out[tid] = (rect.x(), rect.y())
    return out


def delete_all(window) -> list[int]:
    window.act_select_all.trigger()
    ids = list(window.session.selected_ids)
    window.act_delete.trigger()
    return ids


def test_undo_of_2000_cards_is_shown_across_turns_and_ends_exact(window, qtbot):
    before = expected(window)
    ids = delete_all(window)
    qtbot.waitUntil(lambda: not window.scene.catch_up.pending)
    assert shown(window) == {} and not window.scene.cards
    window.act_undo.trigger()
    assert window.scene.catch_up.pending  # the window is back to the user before 2,000 items exist
    qtbot.waitUntil(lambda: not window.scene.catch_up.pending)
    assert window.scene.catch_up.turns > 1
    assert shown(window) == before == expected(window)
    assert sorted(window.session.selected_ids) == sorted(ids)  # the restored cards are selected again


def test_redo_and_an_edit_arriving_during_the_catch_up_end_with_the_document(window, qtbot):
    delete_all(window)
    window.act_undo.trigger()
    assert window.scene.catch_up.pending
    window.act_redo.trigger()  # the pending items are finished first, then removed again
    qtbot.waitUntil(lambda: not window.scene.catch_up.pending)
    assert shown(window) == {} == expected(window)
    window.act_undo.trigger()
    assert window.scene.catch_up.pending
    tid = next(iter(window.session.document.touchpoints(window.session.map_id))).id
    window.session.editor.update_touchpoints({tid: {"title": "Edited while the canvas caught up"}})
    qtbot.waitUntil(lambda: not window.scene.catch_up.pending)
    assert shown(window) == expected(window) and len(shown(window)) == CARDS
    assert window.scene.cards[tid].touchpoint.title == "Edited while the canvas caught up"


def test_a_press_during_the_catch_up_acts_on_the_real_card(window, qtbot):
    delete_all(window)
    window.act_undo.trigger()
    assert window.scene.catch_up.pending
    view = window.view
    first = window.scene.cells[(window.scene.grid.stage_ids[0], window.scene.grid.lane_ids[0])][0]
    rect = window.scene.grid.card_rect((window.scene.grid.stage_ids[0], window.scene.grid.lane_ids[0]), 0)
    view.centerOn(rect.center())
    point = view.mapFromScene(rect.center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(point))
    # The press finished the pending work first: every card exists and the click selected the one under it.
    assert not window.scene.catch_up.pending and len(window.scene.cards) == CARDS
    assert window.scene.card_at(rect.center()).touchpoint_id == first
    assert first in window.session.selected_ids
