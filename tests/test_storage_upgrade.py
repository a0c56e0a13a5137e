"""Real upgrades: a format-1 document (frozen schema) opens, upgrades in place and keeps its data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from helpers_formats import format_1_document

from journeymap.domain.model import Connection, Evidence, Persona
from journeymap.storage import Document, schema


def test_format_1_document_upgrades_in_place(tmp_path: Path) -> None:
    path = format_1_document(tmp_path / "old.jmap")
    with Document.open(path) as doc:
        assert doc.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        # The map's two persona fields became a persona assigned to it.
        [persona] = doc.map_personas(1)
        assert (persona.name, persona.bio, persona.goals) == ("Laura, 34", "Shops on Saturdays", [])
        assert doc.map_personas(2) == []
        assert doc.get_map(1).persona_name == ""
        tp = doc.touchpoint(1)
        assert (tp.controllable, tp.expectation, tp.evidence, tp.waiting_minutes) == (True, "", Evidence.NONE, None)
        assert doc.get_map(1).source_map_id is None
        # New tables work in the upgraded file.
        doc.add_connection(Connection(1, 1, 2, "then"))
        doc.add_persona(Persona("Second"))
        assert [c.label for c in doc.connections(1)] == ["then"]
    # The upgraded file has the shape of a fresh document and reopens without a migration.
    fresh = tmp_path / "fresh.jmap"
    Document.create(fresh).close()
    a, b = sqlite3.connect(path), sqlite3.connect(fresh)
    try:
        assert schema.shape(a) == schema.shape(b)
    finally:
        a.close()
        b.close()
    with Document.open(path) as doc:
        assert [p.name for p in doc.personas()] == ["Laura, 34", "Second"]
