"""Undoable edits of the maps of a document: add, rename/update, duplicate, delete.

A map that a command creates keeps its ids across undo/redo: the first redo
creates it and takes a snapshot; undo deletes it; later redos restore the
snapshot, so commands further up the stack that refer to its stages, lanes or
touchpoints stay valid.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from journeymap.domain.model import JourneyMap, Lane, LaneKind, Stage
from journeymap.storage import Document
from journeymap.storage.snapshots import Snapshot
from journeymap.ui.changes import Change
from journeymap.ui.commands.base import DocumentCommand
from journeymap.ui.session import DocumentSession

MAP_FIELDS = ("title", "description", "persona_name", "persona_description")

# (name, colour) of the stages of a blank map.
_BLANK_STAGES = (
    (QT_TRANSLATE_NOOP("blankmap", "Awareness"), "#4E79A7"),
    (QT_TRANSLATE_NOOP("blankmap", "Consideration"), "#59A14F"),
    (QT_TRANSLATE_NOOP("blankmap", "Purchase"), "#EDC948"),
    (QT_TRANSLATE_NOOP("blankmap", "Experience"), "#F28E2B"),
    (QT_TRANSLATE_NOOP("blankmap", "Loyalty"), "#B07AA1"),
)
_BLANK_LANES = (
    (QT_TRANSLATE_NOOP("blankmap", "Touchpoints"), LaneKind.TOUCHPOINTS),
    (QT_TRANSLATE_NOOP("blankmap", "Customer actions"), LaneKind.ACTIONS),
    (QT_TRANSLATE_NOOP("blankmap", "Thoughts and feelings"), LaneKind.THOUGHTS),
    (QT_TRANSLATE_NOOP("blankmap", "Pain points"), LaneKind.PAIN_POINTS),
    (QT_TRANSLATE_NOOP("blankmap", "Opportunities"), LaneKind.OPPORTUNITIES),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


def create_blank_map(doc: Document, title: str) -> int:
    """A new map with a default set of stages and lanes and no touchpoints; returns its id."""
    with doc.transaction():
        position = 1 + max((m.position for m in doc.maps()), default=-1)
        map_id = doc.add_map(JourneyMap(title=title, position=position))
        for i, (name, colour) in enumerate(_BLANK_STAGES):
            doc.add_stage(Stage(map_id, QCoreApplication.translate("blankmap", name), i, colour))
        for i, (name, kind) in enumerate(_BLANK_LANES):
            doc.add_lane(Lane(map_id, QCoreApplication.translate("blankmap", name), kind, i))
    return map_id


def _fallback_map(doc: Document, excluded: int) -> int | None:
    """The map to show when *excluded* goes away: the one after it, else the one before."""
    ids = [m.id for m in doc.maps()]
    if excluded in ids:
        i = ids.index(excluded)
        others = ids[i + 1 :] + list(reversed(ids[:i]))
    else:
        others = ids
    others = [m for m in others if m != excluded]
    return others[0] if others else None


class _CreatedMapCommand(DocumentCommand):
    """Base of the commands that create one map (add, duplicate)."""

    def __init__(self, session: DocumentSession, text: str):
        super().__init__(session, text)
        self.map_id: int | None = None
        self.previous_map_id = session.map_id
        self._snapshot: Snapshot | None = None
        self._applied = False

    def show_map(self) -> None:
        """The map appears or goes: ``announce`` chooses what to show."""

    def create(self) -> int:
        raise NotImplementedError

    def apply(self) -> None:
        if self._snapshot is None:
            self.map_id = self.create()
            self._snapshot = self.doc.snapshot(map_ids=[self.map_id])
        else:
            self.doc.restore(self._snapshot)
        self._applied = True

    def revert(self) -> None:
        assert self.map_id is not None
        self.doc.delete_map(self.map_id)
        self._applied = False

    def change(self) -> Change:
        return Change(self.map_id, maps=True)

    def announce(self) -> None:
        if self._applied:
            super().announce()
            self.session.set_selection([])
            self.session.set_map(self.map_id)
        else:
            if self.session.map_id == self.map_id:
                self.session.set_selection([])
                existing = {m.id for m in self.doc.maps()}
                target = self.previous_map_id if self.previous_map_id in existing else None
                self.session.set_map(target if target is not None else _fallback_map(self.doc, self.map_id))
            super().announce()


class AddMapCommand(_CreatedMapCommand):
    """Add a map: blank (default stages and lanes) or from a starter template."""

    def __init__(
        self,
        session: DocumentSession,
        template: str | None = None,
        title: str | None = None,
        lang: str = "en",
    ):
        super().__init__(session, tr("Add map"))
        self.template = template
        self.title = title
        self.lang = lang

    def create(self) -> int:
        if self.template:
            from journeymap.services.templates import create_map_from_template  # only when used

            return create_map_from_template(self.doc, self.template, self.title, self.lang)
        return create_blank_map(self.doc, self.title or tr("New journey map"))


class DuplicateMapCommand(_CreatedMapCommand):
    """Copy a map with its stages, lanes, touchpoints and notes (survey responses stay behind)."""

    def __init__(self, session: DocumentSession, map_id: int, title: str | None = None):
        super().__init__(session, tr("Duplicate map"))
        self.source_id = map_id
        self.title = title

    def create(self) -> int:
        title = self.title
        if title is None:
            title = tr("%1 (copy)").replace("%1", self.doc.get_map(self.source_id).title)
        return self.doc.duplicate_map(self.source_id, title)


class UpdateMapCommand(DocumentCommand):
    """Change the title, description or persona of a map.

    Consecutive edits of the same fields of the same map merge into one step.
    """

    ID = 1101

    def __init__(self, session: DocumentSession, map_id: int, values: dict[str, Any], text: str = ""):
        super().__init__(session, text or tr("Edit map"))
        unknown = set(values) - set(MAP_FIELDS)
        if unknown:
            raise TypeError(f"UpdateMapCommand cannot change {', '.join(sorted(unknown))}")
        self.map_id = map_id
        current = session.document.get_map(map_id)
        self.old = {k: getattr(current, k) for k in values}
        self.new = dict(values)

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: DocumentCommand) -> bool:  # noqa: N802 - Qt API
        if other.isObsolete() or not isinstance(other, UpdateMapCommand) or type(other) is not type(self):
            return False
        if other.map_id != self.map_id or set(other.new) != set(self.new):
            return False
        self.new = other.new
        return True

    def apply(self) -> None:
        self.doc.update_map(self.map_id, **self.new)

    def revert(self) -> None:
        self.doc.update_map(self.map_id, **self.old)

    def change(self) -> Change:
        return Change(self.map_id, maps=True)


class RenameMapCommand(UpdateMapCommand):
    """Give a map a new title."""

    def __init__(self, session: DocumentSession, map_id: int, title: str):
        super().__init__(session, map_id, {"title": title}, tr("Rename map"))


class LastMapError(ValueError):
    """A document keeps at least one map."""


class DeleteMapCommand(DocumentCommand):
    """Delete a map and everything in it; undo restores it with the same ids.

    The last map of a document cannot be deleted (``LastMapError``), so the
    canvas always has a map to show.
    """

    def __init__(self, session: DocumentSession, map_id: int):
        super().__init__(session, tr("Delete map"))
        if len(session.document.maps()) <= 1:
            raise LastMapError(tr("A document needs at least one map."))
        session.document.get_map(map_id)  # raises if there is no such map
        self.map_id = map_id
        self._snapshot: Snapshot | None = None
        self._was_current = False
        self._applied = False

    def apply(self) -> None:
        self._was_current = self.session.map_id == self.map_id
        self._snapshot = self.doc.snapshot(map_ids=[self.map_id])
        self._fallback = _fallback_map(self.doc, self.map_id)
        self.doc.delete_map(self.map_id)
        self._applied = True

    def revert(self) -> None:
        assert self._snapshot is not None
        self.doc.restore(self._snapshot)
        self._applied = False

    def show_map(self) -> None:
        """The map goes or comes back: ``announce`` chooses what to show."""

    def change(self) -> Change:
        return Change(self.map_id, maps=True)

    def announce(self) -> None:
        if self._applied:
            if self._was_current:
                self.session.set_selection([])
                self.session.set_map(self._fallback)
            super().announce()
        else:
            super().announce()
            if self._was_current or self._history:
                self.session.set_selection([])
                self.session.set_map(self.map_id)
