"""Merging cards that two copies put at the same place of a cell (issue 18): both kept, in one order, apart."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from journeymap.domain.model import Touchpoint
from journeymap.services.merging import apply_merge, plan_merge
from journeymap.storage import Document


@pytest.fixture
def master(doc_path):
    Document.open(doc_path).close()
    return doc_path


def copy_of(path, name: str):
    out = path.with_name(name)
    shutil.copy(path, out)
    return out


def a_cell(doc) -> tuple[int, int, int]:
    """(map, stage, lane) of the first cell holding two cards or more."""
    map_id = doc.maps()[0].id
    cells: dict[tuple[int, int], int] = {}
    for tp in doc.touchpoints(map_id):
        cells[(tp.stage_id, tp.lane_id)] = cells.get((tp.stage_id, tp.lane_id), 0) + 1
    stage, lane = next(c for c, n in cells.items() if n >= 2)
    return map_id, stage, lane


def cell(doc, where) -> list[tuple[str, int]]:
    """(title, position) of the cell's cards, in the order the map shows them."""
    ids = doc.cell_ids(*where)
    return [(doc.touchpoint(i).title, doc.touchpoint(i).position) for i in ids]


def positions_distinct(rows) -> bool:
    return len({p for _t, p in rows}) == len(rows)


def dump(path) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(conn.execute("SELECT * FROM touchpoints").fetchall(), key=repr)
    finally:
        conn.close()


@pytest.mark.parametrize("index", [None, 0], ids=["at the end", "at the start"])
def test_cards_added_at_one_place_in_both_copies_get_distinct_positions_both_ways(master, index):
    anna = copy_of(master, "anna.jmap")
    with Document.open(master) as doc:
        where = a_cell(doc)
    for path, title in ((master, "Self-checkout"), (anna, "Kiosk")):
        with Document.open(path) as doc:
            doc.add_touchpoint(Touchpoint(*where, title), index)
    mine = copy_of(master, "mine.jmap")  # MASTER before the merge, merged into anna's the other way round
    with Document.open(master) as doc:
        apply_merge(doc, [anna])
        merged = cell(doc, where)
    assert {"Self-checkout", "Kiosk"} <= {t for t, _ in merged}
    assert positions_distinct(merged), merged
    assert [p for _t, p in merged] == sorted(p for _t, p in merged)
    before = dump(master)
    with Document.open(master) as doc:  # twice: nothing to merge, nothing moved back
        plan = plan_merge(doc, [anna])
        assert not plan.changed and not plan.added and not plan.conflicts
        apply_merge(doc, [anna])
    assert dump(master) == before
    with Document.open(anna) as doc:  # the other direction: the same order, the same positions
        apply_merge(doc, [mine])
        assert cell(doc, where) == merged
        assert not any(plan_merge(doc, [master]).changed.values())


def test_a_declined_deletion_leaves_no_two_cards_at_one_position(master):
    anna = copy_of(master, "anna.jmap")
    with Document.open(anna) as doc:
        where = a_cell(doc)
        first = doc.cell_ids(*where)[0]
        doc.delete_touchpoint(first)  # renumbers the rest of the cell from 0
    with Document.open(master) as doc:
        plan = plan_merge(doc, [anna])
        assert [d.kind for d in plan.deletions] == ["touchpoint"]
        apply_merge(doc, [anna])  # the deletion declined: the card stays
        merged = cell(doc, where)
        assert first in doc.cell_ids(*where)
        assert positions_distinct(merged), merged
    before = dump(master)
    with Document.open(master) as doc:
        apply_merge(doc, [anna])
    assert dump(master) == before


def test_the_canvas_shows_both_cards_apart_after_merging_in_the_window(qtbot, window, doc_path):
    from journeymap.ui.merge_actions import merge_changes
    from journeymap.ui.scene.style import CARD_H, CARD_W

    session, doc = window.session, window.session.document
    where = a_cell(doc)
    anna = copy_of(doc_path, "anna.jmap")
    with Document.open(anna) as other:
        other.add_touchpoint(Touchpoint(*where, "Kiosk"))
    doc.add_touchpoint(Touchpoint(*where, "Self-checkout"))
    flow = merge_changes(window, session, [anna])
    assert flow.dialog is not None
    with qtbot.waitSignal(session.changed):
        flow.dialog.merge_button.click()
    flow.message.close()
    ids = doc.cell_ids(*where)
    assert {"Self-checkout", "Kiosk"} <= {doc.touchpoint(i).title for i in ids}
    assert positions_distinct(cell(doc, where))
    rects = [window.scene.cards[i].mapRectToScene(0, 0, CARD_W, CARD_H) for i in ids]
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.intersects(b), (a, b)
