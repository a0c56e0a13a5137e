"""Undo and redo of persona assignments give back the same objects (issue 18): a later merge sees no delete + add."""

from __future__ import annotations

from journeymap.domain.model import Persona
from journeymap.storage import Document, identity


def assignments(doc: Document, map_id: int) -> dict[int, str]:
    return {pid: found.uuid for pid, found in identity.assignment_identities(doc, map_id).items()}


def test_undo_of_an_unassign_gives_the_assignment_back_its_uuid(session, doc_path) -> None:
    doc, map_id, stack = session.document, session.map_id, session.undo_stack
    editor = session.editor
    extra = editor.add_persona(Persona("Lucía, 29"), map_id)
    before = assignments(doc, map_id)
    assert extra in before and len(before) == 2
    first = next(pid for pid in before if pid != extra)

    assert editor.assign_personas(map_id, [extra])  # unassign the template's persona
    assert list(assignments(doc, map_id)) == [extra]
    stack.undo()
    assert assignments(doc, map_id) == before
    stack.redo()
    assert assignments(doc, map_id) == {extra: before[extra]}
    stack.undo()
    # On disk, read by another connection: the same assignments, in the same order.
    with Document.open(doc_path, read_only=True) as again:
        assert assignments(again, map_id) == before
        assert [p.id for p in again.map_personas(map_id)] == [first, extra]


def test_redo_of_an_assign_and_of_an_added_persona_keeps_their_uuids(session) -> None:
    doc, map_id, stack = session.document, session.map_id, session.undo_stack
    editor = session.editor
    pid = editor.add_persona(Persona("Marta, 34"), map_id)
    added = assignments(doc, map_id)[pid]
    persona_uuid = identity.identity(doc, "personas", pid).uuid
    stack.undo()
    assert pid not in assignments(doc, map_id)
    stack.redo()
    assert assignments(doc, map_id)[pid] == added
    assert identity.identity(doc, "personas", pid).uuid == persona_uuid

    other = doc.add_persona(Persona("Unassigned"))
    ids = list(assignments(doc, map_id))
    assert editor.assign_personas(map_id, [*ids, other])
    new = assignments(doc, map_id)[other]
    stack.undo()
    assert other not in assignments(doc, map_id)
    stack.redo()
    assert assignments(doc, map_id)[other] == new


def test_undo_of_a_persona_deletion_gives_back_its_assignments(session) -> None:
    doc, map_id, stack = session.document, session.map_id, session.undo_stack
    [persona] = doc.map_personas(map_id)
    before, known = assignments(doc, map_id), identity.identity(doc, "personas", persona.id)
    assert session.editor.delete_persona(persona.id, confirm=False)
    assert assignments(doc, map_id) == {}
    stack.undo()
    assert assignments(doc, map_id) == before
    assert identity.identity(doc, "personas", persona.id) == known
