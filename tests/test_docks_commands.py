"""Map and note commands on a real document, without widgets."""

from __future__ import annotations

import pytest

from journeymap import settings as app_settings
from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
from journeymap.storage import Document
from journeymap.ui.commands.maps import AddMapCommand, RenameMapCommand, UpdateMapCommand
from journeymap.ui.commands.notes import AddNoteCommand, DeleteNoteCommand, EditNoteCommand, default_author
from journeymap.ui.session import DocumentSession


@pytest.fixture
def session(qapp, tmp_path):
    doc = Document.create(tmp_path / "t.jmap")
    map_id = doc.add_map(JourneyMap("Journey"))
    stage = doc.add_stage(Stage(map_id, "Buy"))
    lane = doc.add_lane(Lane(map_id, "Touchpoints"))
    doc.add_touchpoint(Touchpoint(map_id, stage, lane, "Checkout"))
    s = DocumentSession(doc)
    yield s
    doc.close()


def test_map_edits_merge_and_undo(session):
    doc, map_id = session.document, session.map_id
    stack = session.undo_stack
    seen = []
    session.mapsChanged.connect(lambda: seen.append(True))
    stack.push(UpdateMapCommand(session, map_id, {"persona_name": "A"}))
    stack.push(UpdateMapCommand(session, map_id, {"persona_name": "Ana"}))
    assert stack.count() == 1 and seen
    stack.push(RenameMapCommand(session, map_id, "Renamed"))
    assert stack.count() == 2
    assert doc.get_map(map_id).title == "Renamed"
    stack.undo()
    stack.undo()
    m = doc.get_map(map_id)
    assert (m.title, m.persona_name) == ("Journey", "")
    with pytest.raises(TypeError):
        UpdateMapCommand(session, map_id, {"position": 3})


def test_add_map_keeps_ids_across_undo_redo(session):
    doc = session.document
    command = AddMapCommand(session, title="Second")
    session.undo_stack.push(command)
    stage_ids = [s.id for s in doc.stages(command.map_id)]
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert [s.id for s in doc.stages(command.map_id)] == stage_ids
    assert doc.get_map(command.map_id).title == "Second"


def test_note_commands(session):
    doc = session.document
    tp_id = doc.touchpoints(session.map_id)[0].id
    changed = []
    session.touchpointsChanged.connect(changed.append)
    add = AddNoteCommand(session, tp_id, "first", "Ana", "2024-05-01T10:00:00+02:00")
    session.undo_stack.push(add)
    assert changed[-1] == [tp_id]
    session.undo_stack.push(EditNoteCommand(session, tp_id, add.note_id, "first, edited"))
    assert doc.notes(tp_id)[0].text == "first, edited"
    session.undo_stack.push(DeleteNoteCommand(session, tp_id, add.note_id))
    assert doc.notes(tp_id) == []
    session.undo_stack.undo()
    note = doc.notes(tp_id)[0]
    assert (note.id, note.text, note.author, note.created_at) == (
        add.note_id, "first, edited", "Ana", "2024-05-01T10:00:00+02:00")
    session.undo_stack.undo()
    assert doc.notes(tp_id)[0].text == "first"
    session.undo_stack.undo()
    assert doc.notes(tp_id) == []
    session.undo_stack.redo()
    assert doc.notes(tp_id)[0].id == add.note_id


def test_default_author_prefers_setting(session):
    assert default_author()  # the OS user name
    app_settings.AUTHOR.set("Marta")
    assert default_author() == "Marta"
    tp_id = session.document.touchpoints(session.map_id)[0].id
    command = AddNoteCommand(session, tp_id, "hello")
    session.undo_stack.push(command)
    note = session.document.notes(tp_id)[0]
    assert note.author == "Marta" and note.created_at
