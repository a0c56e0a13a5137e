"""Personas and card connections of a document (format 2).

A mixin of :class:`~journeymap.storage.document.Document`, kept apart so that
the document module stays about opening, validating and the core grid.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, fields
from typing import Any

from journeymap.domain.messages import QT_TRANSLATE_NOOP, message
from journeymap.domain.model import Connection, Persona
from journeymap.storage.errors import DocumentError

NO_PERSONA_WITH_ID = message("document.no_persona_with_id", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: there is no persona with id %2."))
NO_CONNECTION_WITH_ID = message("document.no_connection_with_id", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: there is no connection with id %2."))
CARDS_NOT_OF_MAP = message("document.cards_not_of_map", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: cards %2 and %3 are not both cards of map %4."))

_LIST_FIELDS = ("goals", "needs", "frustrations")
_PERSONA_FIELDS = frozenset(f.name for f in fields(Persona)) - {"id"}
_CONNECTION_FIELDS = frozenset({"label", "source_id", "target_id"})


def persona_row(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    for key in _LIST_FIELDS:
        if key in out:
            out[key] = json.dumps([str(v) for v in out[key]], ensure_ascii=False)
    if "photo" in out and out["photo"] is not None:
        out["photo"] = sqlite3.Binary(bytes(out["photo"]))
    return out


def persona_from_row(row: dict[str, Any]) -> Persona:
    row = dict(row)
    for key in _LIST_FIELDS:
        try:
            value = json.loads(row[key] or "[]")
        except (ValueError, TypeError):
            value = []
        row[key] = [str(v) for v in value] if isinstance(value, list) else []
    if row.get("photo") is not None:
        row["photo"] = bytes(row["photo"])
    return Persona(**row)


class RelationsMixin:
    """Persona and connection I/O; relies on Document's row helpers."""

    _conn: sqlite3.Connection

    # ------------------------------------------------------------- personas
    def personas(self) -> list[Persona]:
        """Every persona of the document, in their order."""
        return [persona_from_row(r) for r in self._rows("SELECT * FROM personas ORDER BY position, id")]  # type: ignore[attr-defined]

    def persona(self, persona_id: int) -> Persona:
        rows = self._rows("SELECT * FROM personas WHERE id = ?", [persona_id])  # type: ignore[attr-defined]
        if not rows:
            raise DocumentError(NO_PERSONA_WITH_ID, self.path, persona_id)  # type: ignore[attr-defined]
        return persona_from_row(rows[0])

    def add_persona(self, persona: Persona) -> int:
        return self._insert("personas", persona_row(asdict(persona)))  # type: ignore[attr-defined]

    def update_persona(self, persona_id: int, **values: Any) -> None:
        unknown = set(values) - _PERSONA_FIELDS
        if unknown:
            raise TypeError(f"Persona has no field(s) {', '.join(sorted(unknown))}")
        self._update("personas", persona_id, persona_row(values))  # type: ignore[attr-defined]

    def delete_persona(self, persona_id: int) -> None:
        self._delete("personas", persona_id)  # type: ignore[attr-defined]

    def map_personas(self, map_id: int) -> list[Persona]:
        """The personas assigned to a map, in the map's order."""
        return [
            persona_from_row(r)
            for r in self._rows(  # type: ignore[attr-defined]
                "SELECT p.* FROM personas p JOIN map_personas mp ON mp.persona_id = p.id "
                "WHERE mp.map_id = ? ORDER BY mp.position, mp.id",
                [map_id],
            )
        ]

    def persona_maps(self, persona_id: int) -> list[int]:
        return [
            r[0]
            for r in self._conn.execute(
                "SELECT map_id FROM map_personas WHERE persona_id = ? ORDER BY map_id", [persona_id]
            )
        ]

    def set_map_personas(self, map_id: int, persona_ids: Iterable[int]) -> None:
        """Assign exactly these personas, in this order, to a map."""
        ids = list(dict.fromkeys(persona_ids))
        with self.transaction():  # type: ignore[attr-defined]
            # Assignments that stay keep their row (and uuid: storage.identity); only the order changes.
            marks = ", ".join("?" * len(ids))
            self._conn.execute(f"DELETE FROM map_personas WHERE map_id = ? AND persona_id NOT IN ({marks})",
                               [map_id, *ids])
            self._conn.executemany(
                "INSERT INTO map_personas (map_id, persona_id, position) VALUES (?, ?, ?) "
                "ON CONFLICT(map_id, persona_id) DO UPDATE SET position = excluded.position "
                "WHERE position != excluded.position",
                [(map_id, pid, i) for i, pid in enumerate(ids)],
            )

    # ---------------------------------------------------------- connections
    def connections(self, map_id: int) -> list[Connection]:
        return [
            Connection(**r)
            for r in self._rows("SELECT * FROM connections WHERE map_id = ? ORDER BY id", [map_id])  # type: ignore[attr-defined]
        ]

    def connection(self, connection_id: int) -> Connection:
        rows = self._rows("SELECT * FROM connections WHERE id = ?", [connection_id])  # type: ignore[attr-defined]
        if not rows:
            raise DocumentError(NO_CONNECTION_WITH_ID, self.path, connection_id)  # type: ignore[attr-defined]
        return Connection(**rows[0])

    def add_connection(self, connection: Connection) -> int:
        """Connect two cards of the same map (a card may connect to itself: a loop)."""
        with self.transaction():  # type: ignore[attr-defined]
            found = self._conn.execute(
                "SELECT COUNT(*) FROM touchpoints WHERE map_id = ? AND id IN (?, ?)",
                [connection.map_id, connection.source_id, connection.target_id],
            ).fetchone()[0]
            wanted = 1 if connection.source_id == connection.target_id else 2
            if found != wanted:
                raise DocumentError(
                    CARDS_NOT_OF_MAP, self.path, connection.source_id, connection.target_id,  # type: ignore[attr-defined]
                    connection.map_id,
                )
            return self._insert("connections", asdict(connection))  # type: ignore[attr-defined]

    def update_connection(self, connection_id: int, **values: Any) -> None:
        unknown = set(values) - _CONNECTION_FIELDS
        if unknown:
            raise TypeError(f"Connection has no field(s) {', '.join(sorted(unknown))}")
        self._update("connections", connection_id, values)  # type: ignore[attr-defined]

    def delete_connection(self, connection_id: int) -> None:
        self._delete("connections", connection_id)  # type: ignore[attr-defined]

    def card_connections(self, touchpoint_ids: Iterable[int]) -> list[Connection]:
        """Connections that start or end at any of these cards."""
        ids = list(touchpoint_ids)
        out: dict[int, Connection] = {}
        for i in range(0, len(ids), 400):
            chunk = ids[i : i + 400]
            marks = ",".join("?" * len(chunk))
            for r in self._rows(  # type: ignore[attr-defined]
                f"SELECT * FROM connections WHERE source_id IN ({marks}) OR target_id IN ({marks})",
                chunk + chunk,
            ):
                out[r["id"]] = Connection(**r)
        return [out[k] for k in sorted(out)]
