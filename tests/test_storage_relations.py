"""Personas, connections and future-state copies in a real document file."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymap.domain.model import BlueprintLine, Connection, Persona
from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document, DocumentError


@pytest.fixture
def doc(tmp_path: Path):
    with Document.create(tmp_path / "r.jmap") as d:
        yield d


def test_template_ships_persona_flow_and_blueprint_lines(doc: Document) -> None:
    map_id = create_map_from_template(doc, "retail-store", lang="es")
    [persona] = doc.map_personas(map_id)
    assert persona.name.startswith("Laura") and persona.goals and persona.frustrations and persona.quote
    flow = doc.connections(map_id)
    assert len(flow) >= 10 and any(c.label == "Sin existencias" for c in flow)
    assert [l.line_below for l in doc.lanes(map_id)][:1] == [BlueprintLine.INTERACTION]
    waiting = [tp.waiting_minutes for tp in doc.touchpoints(map_id) if tp.waiting_minutes]
    assert waiting == [8.0, 6.0]


def test_deleting_a_card_removes_its_connections_and_restore_brings_them_back(doc: Document) -> None:
    map_id = create_map_from_template(doc, "retail-store")
    before = doc.connections(map_id)
    hub = before[4].target_id  # a card in the middle of the flow
    touching = [c for c in before if hub in (c.source_id, c.target_id)]
    snap = doc.snapshot(touchpoint_ids=[hub])
    doc.delete_touchpoint(hub)
    assert [c for c in doc.connections(map_id) if hub in (c.source_id, c.target_id)] == []
    assert len(doc.connections(map_id)) == len(before) - len(touching)
    doc.restore(snap)
    assert doc.connections(map_id) == before


def test_connection_must_join_cards_of_its_map(doc: Document) -> None:
    a = create_map_from_template(doc, "generic")
    b = create_map_from_template(doc, "hotel")
    ta, tb = doc.touchpoints(a)[0].id, doc.touchpoints(b)[0].id
    with pytest.raises(DocumentError, match="not both cards of map"):
        doc.add_connection(Connection(a, ta, tb))
    loop = doc.add_connection(Connection(a, ta, ta, "again"))
    doc.update_connection(loop, label="retry")
    assert doc.connection(loop).label == "retry"


def test_personas_are_shared_between_maps(doc: Document) -> None:
    a = create_map_from_template(doc, "generic")
    b = create_map_from_template(doc, "hotel")
    shared = doc.add_persona(Persona("Ana", goals=["Rápido"], photo=b"\x89PNG\r\n\x1a\nxx"))
    doc.set_map_personas(a, [shared, doc.map_personas(a)[0].id])
    doc.set_map_personas(b, [*[p.id for p in doc.map_personas(b)], shared])
    assert [p.name for p in doc.map_personas(a)][0] == "Ana"
    assert doc.persona(shared).photo == b"\x89PNG\r\n\x1a\nxx"
    assert doc.persona_maps(shared) == [a, b]
    snap = doc.snapshot(persona_ids=[shared])
    doc.delete_persona(shared)
    assert "Ana" not in [p.name for p in doc.map_personas(b)]
    doc.restore(snap)
    assert doc.persona_maps(shared) == [a, b]


def test_future_state_copy_links_maps_and_cards(doc: Document) -> None:
    current = create_map_from_template(doc, "insurance")
    future = doc.duplicate_map(current, "Future", future_state=True)
    assert doc.get_map(future).source_map_id == current
    old, new = doc.touchpoints(current), doc.touchpoints(future)
    assert [t.origin_id for t in new] == [t.id for t in old]
    assert len(doc.connections(future)) == len(doc.connections(current))
    assert [p.id for p in doc.map_personas(future)] == [p.id for p in doc.map_personas(current)]
    # Deleting the source keeps the future state, unlinked; undoing the deletion links it again.
    snap = doc.snapshot(map_ids=[current])
    doc.delete_map(current)
    assert doc.get_map(future).source_map_id is None
    doc.restore(snap)
    assert doc.get_map(future).source_map_id == current
