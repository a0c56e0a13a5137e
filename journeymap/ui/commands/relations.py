"""Undoable edits of personas, connections and future-state maps.

Personas belong to the document and are assigned to maps; connections join two
cards of one map. Deleting either snapshots what goes with it, so undo puts
back the same ids (commands further up the stack keep pointing at them).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from journeymap.domain.model import Connection, Persona
from journeymap.storage import identity
from journeymap.storage.snapshots import Snapshot
from journeymap.ui.changes import Change
from journeymap.ui.commands.base import DocumentCommand
from journeymap.ui.commands.maps import DuplicateMapCommand
from journeymap.ui.session import DocumentSession


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class RelationTexts(QObject):
    """Plural texts (lupdate finds numerus forms in ``self.tr(text, "", n)`` calls)."""

    def delete_connections(self, n: int) -> str:
        return self.tr("Delete %n connection(s)", "", n)


# ------------------------------------------------------------------ personas
class _PersonaCommand(DocumentCommand):
    def change(self) -> Change:
        return Change(self.map_id, personas=True)

    def assign(self, map_id: int, persona_ids: list[int]) -> None:
        """Set the map's personas; an assignment undo or redo puts back is the same object (its uuid)."""
        known: dict[int, identity.Identity] = self.__dict__.setdefault("_assignments", {})
        for persona_id, found in identity.assignment_identities(self.doc, map_id).items():
            known.setdefault(persona_id, found)
        self.doc.set_map_personas(map_id, persona_ids)
        identity.restore_assignment_identities(self.doc, map_id, known)
        for persona_id, found in identity.assignment_identities(self.doc, map_id).items():
            known.setdefault(persona_id, found)  # first run: remember the new ones for redo


class AddPersonaCommand(_PersonaCommand):
    """Create a persona and (optionally) assign it to a map, after the map's others."""

    def __init__(self, session: DocumentSession, persona: Persona, map_id: int | None = None, text: str = ""):
        super().__init__(session, text or tr("Add persona “%1”").replace("%1", persona.name))
        self.persona = replace(persona, id=None)
        self.map_id = map_id
        self.persona_id: int | None = None

    def apply(self) -> None:
        self.persona.position = 1 + max((p.position for p in self.doc.personas()), default=-1)
        self.persona.id = self.persona_id
        self.persona_id = self.doc.add_persona(self.persona)
        self.same_identity("personas", self.persona_id)
        if self.map_id is not None:
            ids = [p.id for p in self.doc.map_personas(self.map_id)]
            self.assign(self.map_id, [*ids, self.persona_id])

    def revert(self) -> None:
        self.doc.delete_persona(self.persona_id)


class UpdatePersonaCommand(_PersonaCommand):
    """Change some fields of a persona (name, quote, bio, goals, needs, frustrations, photo)."""

    def __init__(self, session: DocumentSession, persona_id: int, values: dict[str, Any], text: str = ""):
        super().__init__(session, text or tr("Edit persona"))
        self.persona_id = persona_id
        current = session.document.persona(persona_id)
        self.old = {k: getattr(current, k) for k in values}
        self.new = dict(values)

    def apply(self) -> None:
        self.doc.update_persona(self.persona_id, **self.new)

    def revert(self) -> None:
        self.doc.update_persona(self.persona_id, **self.old)

    def id(self) -> int:  # noqa: A003 - Qt API
        return 0x5E50

    def mergeWith(self, other) -> bool:  # noqa: N802 - Qt API
        """Typing in one field of one persona is one undo step."""
        if not isinstance(other, UpdatePersonaCommand) or other.persona_id != self.persona_id:
            return False
        if set(other.new) != set(self.new) or set(self.new) & {"photo"}:
            return False
        self.new = dict(other.new)
        return True


class DeletePersonaCommand(_PersonaCommand):
    """Delete a persona from the document (and from every map it was assigned to)."""

    def __init__(self, session: DocumentSession, persona_id: int, text: str = ""):
        super().__init__(session, text or tr("Delete persona"))
        self.persona_id = persona_id
        self.snapshot: Snapshot | None = None

    def apply(self) -> None:
        self.snapshot = self.doc.snapshot(persona_ids=[self.persona_id])
        self.doc.delete_persona(self.persona_id)

    def revert(self) -> None:
        assert self.snapshot is not None
        self.doc.restore(self.snapshot)


class AssignPersonasCommand(_PersonaCommand):
    """Set which personas a map is about, in order."""

    def __init__(self, session: DocumentSession, map_id: int, persona_ids: list[int], text: str = ""):
        super().__init__(session, text or tr("Change the map's personas"))
        self.map_id = map_id
        self.old = [p.id for p in session.document.map_personas(map_id)]
        self.new = list(persona_ids)

    def apply(self) -> None:
        self.assign(self.map_id, self.new)

    def revert(self) -> None:
        self.assign(self.map_id, self.old)


# --------------------------------------------------------------- connections
class _ConnectionCommand(DocumentCommand):
    def connection_ids(self) -> list[int]:
        raise NotImplementedError

    def change(self) -> Change:
        return Change.of(self.map_id, connections=self.connection_ids())


class AddConnectionCommand(_ConnectionCommand):
    def __init__(self, session: DocumentSession, connection: Connection, text: str = ""):
        super().__init__(session, text or tr("Connect cards"))
        self.connection = replace(connection, id=None)
        self.connection_id: int | None = None

    def apply(self) -> None:
        self.connection.id = self.connection_id
        self.connection_id = self.doc.add_connection(self.connection)
        self.same_identity("connections", self.connection_id)

    def revert(self) -> None:
        self.doc.delete_connection(self.connection_id)

    def connection_ids(self) -> list[int]:
        return [self.connection_id] if self.connection_id is not None else []


class UpdateConnectionCommand(_ConnectionCommand):
    def __init__(self, session: DocumentSession, connection_id: int, values: dict[str, Any], text: str = ""):
        super().__init__(session, text or tr("Edit connection label"))
        self.connection_id = connection_id
        current = session.document.connection(connection_id)
        self.old = {k: getattr(current, k) for k in values}
        self.new = dict(values)

    def apply(self) -> None:
        self.doc.update_connection(self.connection_id, **self.new)

    def revert(self) -> None:
        self.doc.update_connection(self.connection_id, **self.old)

    def connection_ids(self) -> list[int]:
        return [self.connection_id] if self.connection_id is not None else []


class DeleteConnectionsCommand(_ConnectionCommand):
    def __init__(self, session: DocumentSession, connection_ids: list[int], text: str = ""):
        n = len(connection_ids)
        super().__init__(
            session,
            text or RelationTexts().delete_connections(n),
        )
        self.ids = list(connection_ids)
        self.rows: list[Connection] = []

    def apply(self) -> None:
        self.rows = [self.doc.connection(cid) for cid in self.ids]
        for cid in self.ids:
            self.remember_identity("connections", cid)
            self.doc.delete_connection(cid)

    def revert(self) -> None:
        for c in self.rows:
            self.doc.add_connection(c)
            self.same_identity("connections", c.id)

    def connection_ids(self) -> list[int]:
        return list(self.ids)


# -------------------------------------------------------------- future state
class DuplicateAsFutureStateCommand(DuplicateMapCommand):
    """Copy a map as its future state: the copy names the map and each card its original."""

    def __init__(self, session: DocumentSession, map_id: int, title: str | None = None):
        super().__init__(session, map_id, title)
        self.setText(tr("Duplicate as future state"))

    def create(self) -> int:
        title = self.title
        if title is None:
            title = tr("%1 (future state)").replace("%1", self.doc.get_map(self.source_id).title)
        return self.doc.duplicate_map(self.source_id, title, future_state=True)
