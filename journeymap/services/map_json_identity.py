"""The objects' identities (issue 18) in the map JSON: written on export, kept on import when they can be.

Each exported object carries ``"uuid"`` and ``"revision"`` (``{"created": [replica,
clock], "changed": [replica, clock]}``, either null for a row upgraded from an older
format); a persona also carries its assignment to the map (``"assignment"``). The
keys are optional: a reader that does not know them ignores them, so the file
stays version 2, and a file without them (older exports, written by hand)
imports with new identities.

Importing keeps them, so a map imported into another document is a copy of the
same map and ``journeymap merge`` matches it by uuid, unless the document already
holds that map (importing the same file twice) or any other object of the file:
then everything gets new ones, an independent map. A persona already in the
document (another map of the same file imported before) is shared, not duplicated.
The kept revisions let a merge tell what MASTER changed since the export; the
copy does not claim to have seen the rest of MASTER (the JSON holds one map), so
what both changed is a conflict to choose in.
"""

from __future__ import annotations

import re
import uuid as uuid_module
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from journeymap.domain.messages import QT_TRANSLATE_NOOP, Message, message
from journeymap.domain.model import Persona
from journeymap.storage import identity
from journeymap.storage.identity import Identity

if TYPE_CHECKING:
    from journeymap.storage import Document

NOT_A_UUID = message("map_json.not_a_uuid", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.%2: %3 is not a uuid like '6d1c8a3e-5b0f-4c2a-9e77-1f4b2d3c8a90'."))
NOT_A_REVISION = message("map_json.not_a_revision", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.revision.%2: expected null or [replica uuid, clock], got %3."))
DUPLICATE_UUID = message("map_json.duplicate_uuid", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.uuid: %2 is already the uuid of %3."))

MAX_CLOCK = 2**63 - 1
_CANONICAL = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
KEPT, ALREADY_HERE, NONE = "kept", "already", "none"


# ------------------------------------------------------------------- export
class Identities:
    """The identities of one map's rows, read once per table, as the JSON writes them."""

    def __init__(self, doc: Document, map_id: int):
        self.doc = doc
        self.assignments = identity.assignment_identities(doc, map_id)
        self._tables: dict[str, dict[int, Identity]] = {}

    def of(self, table: str, row_id: int | None) -> dict[str, Any]:
        """``{"uuid": ..., "revision": ...}`` of a row (nothing for a row without identity)."""
        if table not in self._tables:  # the whole table at once: one query, not one per card
            self._tables[table] = identity.identities(self.doc, table)
        return as_json(self._tables[table].get(row_id) if row_id is not None else None)

    def assignment(self, persona_id: int | None) -> dict[str, Any]:
        found = self.assignments.get(persona_id) if persona_id is not None else None
        return {"assignment": as_json(found)} if found is not None else {}


def as_json(found: Identity | None) -> dict[str, Any]:
    if found is None:
        return {}
    created = [found.created_by, found.created_clock] if found.created_by is not None else None
    changed = [found.changed_by, found.changed_clock] if found.changed_by is not None else None
    return {"uuid": found.uuid, "revision": {"created": created, "changed": changed}}


# ------------------------------------------------------------------- import
def _error(msg: Message, *args: object) -> Exception:
    from journeymap.services.map_json import MapJsonError

    return MapJsonError(msg, *args)


def _kind(value: Any) -> Any:
    from journeymap.services.map_json import _kind as kind

    return kind(value)


def _uuid(value: Any, where: str, key: str) -> str:
    if isinstance(value, str) and _CANONICAL.match(value):  # as written by export: no need to parse
        return value
    try:
        if not isinstance(value, str) or len(value) > 45:
            raise ValueError(value)
        return str(uuid_module.UUID(value))
    except ValueError:
        raise _error(NOT_A_UUID, where, key, _kind(value)) from None


def _rev(value: Any, where: str, key: str) -> tuple[str | None, int | None]:
    if value is None:
        return None, None
    if (isinstance(value, list) and len(value) == 2 and isinstance(value[1], int)
            and not isinstance(value[1], bool) and 0 <= value[1] <= MAX_CLOCK):
        try:
            replica = value[0]
            if isinstance(replica, str) and _CANONICAL.match(replica):
                return replica, value[1]
            return str(uuid_module.UUID(replica)), value[1]
        except (TypeError, ValueError, AttributeError):
            pass
    raise _error(NOT_A_REVISION, where, key, _kind(value))


def read(raw: Any, where: str) -> Identity | None:
    """The identity an object of the file gives (None when it gives none); a malformed one is an error."""
    if not isinstance(raw, dict) or raw.get("uuid") is None:
        return None
    found = _uuid(raw["uuid"], where, "uuid")
    revision = raw.get("revision")
    if revision is None:
        revision = {}
    if not isinstance(revision, dict):
        from journeymap.services.map_json import EXPECTED_OBJECT_GOT

        raise _error(EXPECTED_OBJECT_GOT, f"{where}.revision", _kind(revision))
    created = _rev(revision.get("created"), where, "created")
    changed = _rev(revision.get("changed"), where, "changed")
    return Identity(found, *created, *changed)


@dataclass
class Found:
    """Every identity the file gives, with where it is (to name a duplicate), by table."""

    tables: dict[str, dict[str, Identity]] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)

    def add(self, table: str, found: Identity | None, where: str) -> Identity | None:
        if found is None:
            return None
        if found.uuid in self.where:
            raise _error(DUPLICATE_UUID, where, repr(found.uuid), self.where[found.uuid])
        self.where[found.uuid] = where
        self.tables.setdefault(table, {})[found.uuid] = found
        return found


@dataclass
class Plan:
    """How an import gives identities: which it keeps and which personas it shares."""

    status: str  # KEPT, ALREADY_HERE (the map or another object is in the document), NONE (the file has none)
    shared_personas: dict[str, int] = field(default_factory=dict)  # persona uuid → its id in the document
    _given: list[tuple[str, int, Identity]] = field(default_factory=list)
    _assignments: dict[int, Identity] = field(default_factory=dict)

    @property
    def keeps(self) -> bool:
        return self.status == KEPT

    def give(self, table: str, row_id: int, found: Identity | None) -> None:
        """Row *row_id* (just inserted) is the file's object *found*: it gets that identity (when kept)."""
        if self.keeps and found is not None:
            self._given.append((table, row_id, found))

    def give_assignment(self, persona_id: int, found: Identity | None) -> None:
        if self.keeps and found is not None:
            self._assignments[persona_id] = found

    def write(self, doc: Document, map_id: int) -> None:
        """Set the identities given (quietly: revisions as in the file), in the import's transaction."""
        by_table: dict[str, list[tuple[int, Identity]]] = {}
        for table, row_id, found in self._given:
            by_table.setdefault(table, []).append((row_id, found))
        for table, rows in by_table.items():
            identity.set_identities(doc, table, rows)
        if self._assignments:
            identity.restore_assignment_identities(doc, map_id, self._assignments)


def add_personas(doc: Document, ids: Plan, personas: list[dict[str, Any]]) -> list[int]:
    """The file's personas added to *doc* (one the document already has, by uuid, is that one)."""
    out = []
    for p in personas:
        found, values = p["identity"], {k: v for k, v in p.items() if k not in ("identity", "assignment")}
        shared = ids.shared_personas.get(found.uuid) if found is not None and ids.keeps else None
        persona_id = shared if shared is not None else doc.add_persona(Persona(**values))
        if shared is None:
            ids.give("personas", persona_id, found)
        ids.give_assignment(persona_id, p["assignment"])
        out.append(persona_id)
    return out


def plan(doc: Document, found: Found) -> Plan:
    """Keep the file's identities unless the document holds any of them (a persona may be shared)."""
    if not found.where:
        return Plan(NONE)
    shared: dict[str, int] = {}
    for table, items in found.tables.items():
        present = identity.ids_of(doc, table, list(items))
        if not present:
            continue
        if table != "personas":
            return Plan(ALREADY_HERE)
        shared.update(present)
    return Plan(KEPT, shared)
