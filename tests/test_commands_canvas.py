"""Touchpoint and structure commands against a real document: apply, undo, redo."""

from __future__ import annotations

from journeymap.domain.model import Lane, Stage, Touchpoint
from journeymap.ui.commands.maps import UpdateMapCommand
from journeymap.ui.commands.structure import (
    AddLaneCommand,
    AddStageCommand,
    DeleteLaneCommand,
    MoveLaneCommand,
    MoveStageCommand,
)
from journeymap.ui.commands.touchpoints import (
    AddTouchpointsCommand,
    DeleteTouchpointsCommand,
)


def _cells(doc, map_id):
    out = {}
    for tp in doc.touchpoints(map_id):
        out.setdefault((tp.stage_id, tp.lane_id), []).append(tp.id)
    return out


def test_add_redo_reuses_ids_and_indices(session):
    doc, m = session.document, session.map_id
    s, l = doc.stages(m)[0].id, doc.lanes(m)[1].id
    before = doc.cell_ids(m, s, l)
    cmd = AddTouchpointsCommand(session, [(Touchpoint(m, s, l, "A"), 0), (Touchpoint(m, s, l, "B"), 1)])
    selected = []
    session.selectRequested.connect(selected.append)
    session.undo_stack.push(cmd)
    ids = list(cmd.ids)
    assert doc.cell_ids(m, s, l) == [*ids, *before] and selected[-1] == ids
    session.undo_stack.undo()
    assert doc.cell_ids(m, s, l) == before
    session.undo_stack.redo()
    assert cmd.ids == ids and doc.cell_ids(m, s, l) == [*ids, *before]


def test_delete_undo_restores_order_and_rows(session):
    doc, m = session.document, session.map_id
    cells = _cells(doc, m)
    cell, ids = next((c, v) for c, v in cells.items() if len(v) >= 3)
    victims = [ids[0], ids[2]]
    session.undo_stack.push(DeleteTouchpointsCommand(session, victims))
    assert doc.cell_ids(m, *cell) == [i for i in ids if i not in victims]
    session.undo_stack.undo()
    assert _cells(doc, m) == cells


def test_move_several_cards_one_step_each_keeps_its_lane(session):
    doc, m = session.document, session.map_id
    cells = _cells(doc, m)
    stages = [s.id for s in doc.stages(m)]
    # Two cards of one stage in two lanes, with a stage to their right.
    sid = next(s for s in stages[:-1] if len({lid for (st, lid) in cells if st == s}) >= 2)
    (ca, ida), (cb, idb) = [(c, v) for c, v in cells.items() if c[0] == sid][:2]
    moving = [ida[0], idb[-1]]
    right = stages[stages.index(sid) + 1]
    assert session.editor.move_touchpoints(moving, (right, ca[1]), 0, anchor=ida[0])
    assert (doc.touchpoint(ida[0]).stage_id, doc.touchpoint(ida[0]).lane_id) == (right, ca[1])
    assert (doc.touchpoint(idb[-1]).stage_id, doc.touchpoint(idb[-1]).lane_id) == (right, cb[1])
    assert doc.cell_ids(m, right, ca[1])[0] == ida[0]
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert _cells(doc, m) == cells
    # Dropping a card where it already is changes nothing.
    assert not session.editor.move_touchpoints([ida[0]], ca, 0)
    assert not session.editor.move_touchpoints([ida[0]], ca, 1)
    assert session.undo_stack.count() == 1


def test_structure_commands_round_trip(session):
    doc, m = session.document, session.map_id
    stages = [s.id for s in doc.stages(m)]
    lanes = [lane.id for lane in doc.lanes(m)]
    cells = _cells(doc, m)
    stack = session.undo_stack
    stack.push(AddStageCommand(session, Stage(m, "New"), 0))
    stack.push(MoveStageCommand(session, stages[-1], 1))
    stack.push(AddLaneCommand(session, Lane(m, "Extra"), 2))
    stack.push(MoveLaneCommand(session, lanes[0], 3))
    stack.push(DeleteLaneCommand(session, lanes[1]))
    stack.push(UpdateMapCommand(session, m, {"title": "Renamed", "persona_name": "Bo"}))
    assert doc.get_map(m).title == "Renamed"
    assert doc.stages(m)[0].name == "New" and doc.stages(m)[1].id == stages[-1]
    while stack.canUndo():
        stack.undo()
    assert [s.id for s in doc.stages(m)] == stages
    assert [lane.id for lane in doc.lanes(m)] == lanes
    assert _cells(doc, m) == cells
    while stack.canRedo():
        stack.redo()
    assert lanes[1] not in [lane.id for lane in doc.lanes(m)]


def test_lane_recolour_is_undoable_and_survives_json_and_duplication(tmp_path, qtbot):
    from journeymap.services.map_json import export_map, import_map
    from journeymap.storage import Document
    from journeymap.ui.scene import MapScene
    from journeymap.ui.session import DocumentSession

    doc = Document.create(tmp_path / "lanes.jmap")
    from journeymap.services.templates import create_map_from_template

    map_id = create_map_from_template(doc, "generic")
    session = DocumentSession(doc)
    scene = MapScene(session)
    lane = doc.lanes(map_id)[1]
    assert lane.colour == ""
    assert scene.editor.recolour_lane(lane.id, "#b07aa1")
    assert doc.lanes(map_id)[1].colour == "#b07aa1"
    assert scene.lane_headers[lane.id].lane.colour == "#b07aa1"
    copy = doc.duplicate_map(map_id)
    assert doc.lanes(copy)[1].colour == "#b07aa1"
    again = import_map(doc, export_map(doc, map_id))
    assert doc.lanes(again)[1].colour == "#b07aa1"
    session.undo_stack.undo()
    assert doc.lanes(map_id)[1].colour == ""
    assert scene.lane_headers[lane.id].lane.colour == ""
    scene.dispose()
    doc.close()
