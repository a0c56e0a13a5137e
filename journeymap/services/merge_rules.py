"""The merge rules of issue 18 over plain rows keyed by uuid: no SQL, no Qt.

A document is read into a :class:`Replica` (per table: uuid → :class:`Obj`, with
references to other objects given as *their* uuids, plus the document's version
vector). :func:`merge_one` merges one other copy into MASTER's state *in memory*
and says what it did (a :class:`SourceOutcome`); several copies are merged one
after the other into the same state, so the second copy is compared with MASTER
as the first one left it. The storage writer then writes the difference between
MASTER's state before and after (``storage.merge_write``), in one transaction.

Why vectors: each object carries the revision of its creation and of its last
change (replica uuid, clock tick); a document's vector says up to which tick it
has seen each replica. "The other copy knows my revision" is then a lookup, and
after a merge MASTER absorbs the other's vector, so merging the same copy again
finds every object either equal or known and changes nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from journeymap.services.merge_plan import BOTH, MINE, THEIRS, Conflict, Deletion, IncomingBatch

EVENT_LOG = "event_log"  # the kind an import batch of events is counted as (a survey's is "batch")
Rev = tuple[str, int] | None  # (replica uuid, clock); None: no history (a legacy object never changed since)
# A revision MASTER gives an object whose merged value is new (a conflict resolved field by field, a note
# kept twice): the writer replaces it with the next tick of MASTER's clock.
NEW_TICK = -1


@dataclass(frozen=True)
class TableSpec:
    """How one table takes part in a merge."""

    table: str
    kind: str  # the Conflict/Deletion kind shown to the user
    label: str  # the column that names an object
    # column → referenced table; the parent's deletion removes the child when *cascade*
    refs: Mapping[str, str] = field(default_factory=dict)
    cascade: Collection[str] = ()
    ignored: Collection[str] = ()  # columns neither compared nor copied (ids of another document's rows)
    immutable: bool = False  # import batches: never edited, only added or removed


# Parents before children: the order objects are added in and compared in.
SPECS: tuple[TableSpec, ...] = (
    TableSpec("maps", "map", "title", {"source_map_id": "maps"}),
    TableSpec("personas", "persona", "name"),
    TableSpec("stages", "stage", "name", {"map_id": "maps"}, ("map_id",)),
    TableSpec("lanes", "lane", "name", {"map_id": "maps"}, ("map_id",)),
    TableSpec("import_batches", "batch", "source", {"map_id": "maps"}, ("map_id",), immutable=True),
    TableSpec("touchpoints", "touchpoint", "title",
              {"map_id": "maps", "stage_id": "stages", "lane_id": "lanes", "origin_id": "touchpoints"},
              ("map_id", "stage_id", "lane_id")),
    TableSpec("notes", "note", "text", {"touchpoint_id": "touchpoints"}, ("touchpoint_id",)),
    TableSpec("attachments", "attachment", "file_name", {"touchpoint_id": "touchpoints", "note_id": "notes"},
              ("touchpoint_id",)),
    TableSpec("quotes", "quote", "text", {"touchpoint_id": "touchpoints"}, ("touchpoint_id",),
              ignored=("response_id",)),
    TableSpec("map_personas", "map_persona", "position", {"map_id": "maps", "persona_id": "personas"},
              ("map_id", "persona_id")),
    TableSpec("connections", "connection", "label",
              {"map_id": "maps", "source_id": "touchpoints", "target_id": "touchpoints"},
              ("map_id", "source_id", "target_id")),
)
SPEC_OF = {s.table: s for s in SPECS}


@dataclass
class Obj:
    """One object of a document: its column values (references as uuids) and its two revisions."""

    uuid: str
    values: dict[str, Any]
    created: Rev
    changed: Rev
    legacy: bool = False  # a uuid the 9 → 10 upgrade derived from (table, id): equal in unrelated files


@dataclass
class Replica:
    """A document as the merge sees it."""

    name: str  # the file name shown in reports
    replica: str  # its own replica uuid
    vector: dict[str, int]  # replica → highest clock seen (its own clock included)
    tables: dict[str, dict[str, Obj]]
    batch_responses: dict[str, int] = field(default_factory=dict)  # batch uuid → responses
    event_batches: dict[str, int] = field(default_factory=dict)  # event-log imports: batch uuid → events
    # (a copy's replica uuid, object uuid): deletions by that copy the user declined in an earlier merge
    declined: set[tuple[str, str]] = field(default_factory=set)

    def knows(self, rev: Rev, shared_history: bool) -> bool:
        """Whether this document has seen revision *rev* (None: the common base, if there is one)."""
        if rev is None:
            return shared_history
        replica, clock = rev
        return clock != NEW_TICK and self.vector.get(replica, -1) >= clock


def shares_history(a: Replica, b: Replica) -> bool:
    """Copies of one file: one knows the other's replica, or both know a third (the file they came from)."""
    return a.replica in b.vector or b.replica in a.vector or bool(set(a.vector) & set(b.vector))


def shared_uuids(a: Replica, b: Replica) -> tuple[int, int]:
    """(shared uuids, of which legacy ones) over the structure: maps, stages, lanes, touchpoints."""
    shared = legacy = 0
    for table in ("maps", "stages", "lanes", "touchpoints"):
        mine, theirs = a.tables.get(table, {}), b.tables.get(table, {})
        for uuid in mine.keys() & theirs.keys():
            shared += 1
            legacy += mine[uuid].legacy
    return shared, legacy


def related_by_values(a: Replica, b: Replica) -> bool:
    """For copies whose only shared uuids are legacy ones: at least one matched stage, lane or card
    has the same name in both (two unrelated old documents share uuids of equal ids only)."""
    for table, column in (("stages", "name"), ("lanes", "name"), ("touchpoints", "title")):
        mine, theirs = a.tables.get(table, {}), b.tables.get(table, {})
        for uuid in mine.keys() & theirs.keys():
            if mine[uuid].values.get(column) == theirs[uuid].values.get(column):
                return True
    return False


@dataclass
class SourceOutcome:
    """What merging one other copy did to MASTER's state (counts per kind, conflicts, proposals)."""

    source: str
    added: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    deletions: list[Deletion] = field(default_factory=list)
    batches: list[IncomingBatch] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    skipped: int = 0  # objects not merged: the orphans below
    orphans: int = 0  # objects added in the copy to a card, stage or lane MASTER no longer has (reported)


def conflict_key(index: int, table: str, uuid: str, column: str) -> str:
    return f"{index}:{table}:{uuid}:{column}"


def deletion_key(index: int, table: str, uuid: str) -> str:
    return f"{index}:{table}:{uuid}"


def text_of(value: Any) -> str:
    """A value as the conflict list shows it."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return str(value)


class MergeState:
    """MASTER's objects while copies are merged into it (in memory), and where each change came from."""

    def __init__(self, master: Replica):
        self.master = master
        self.tables = {t: dict(rows) for t, rows in master.tables.items()}
        self.vector = dict(master.vector)
        self.origin: dict[tuple[str, str], int] = {}  # (table, uuid) → index of the copy an added/taken row came from
        self.deleted: set[tuple[str, str]] = set()
        self.extra_notes: list[tuple[str, int]] = []  # (uuid of a note kept twice, copy index)
        self.declined: list[tuple[str, str, str]] = []  # deletions declined now: (copy's replica, table, uuid)
        self.undeclined: list[tuple[str, str]] = []  # declined before, but the copy has the object again

    def label(self, table: str, obj: Obj) -> str:
        """The object's title as MASTER shows it (a note: its card's title)."""
        spec = SPEC_OF[table]
        if table in ("notes", "attachments", "quotes"):
            card = self.tables.get("touchpoints", {}).get(obj.values.get("touchpoint_id") or "")
            if card is not None:
                return text_of(card.values.get("title"))
        if table == "connections":
            cards = self.tables.get("touchpoints", {})
            ends = [cards.get(obj.values.get(c) or "") for c in ("source_id", "target_id")]
            if all(ends):
                return f"{text_of(ends[0].values.get('title'))} → {text_of(ends[1].values.get('title'))}"
        if table == "map_personas":
            persona = self.tables.get("personas", {}).get(obj.values.get("persona_id") or "")
            if persona is not None:
                return text_of(persona.values.get("name"))
        return text_of(obj.values.get(spec.label))

    def has(self, table: str, uuid: Any) -> bool:
        return uuid is None or uuid in self.tables.get(table, {})

    def remove(self, table: str, uuid: str) -> None:
        """Delete an object and, like the schema's ON DELETE CASCADE, its children."""
        if self.tables.get(table, {}).pop(uuid, None) is None:
            return
        self.deleted.add((table, uuid))
        for spec in SPECS:
            for column, parent in spec.refs.items():
                if parent != table:
                    continue
                rows = self.tables.get(spec.table, {})
                for child_uuid, child in list(rows.items()):
                    if child.values.get(column) != uuid:
                        continue
                    if column in spec.cascade:
                        self.remove(spec.table, child_uuid)
                    else:  # SET NULL (attachments.note_id, maps.source_map_id) or a plain id (origin_id)
                        rows[child_uuid] = Obj(child.uuid, {**child.values, column: None}, child.created,
                                               child.changed, child.legacy)


def _count(counts: dict[str, int], kind: str) -> None:
    counts[kind] = counts.get(kind, 0) + 1


def merge_one(
    state: MergeState, other: Replica, index: int, *, choices: Mapping[str, str] = {},
    delete: Collection[str] = (), prefer_theirs: bool = False, declined: Collection[str] = (),
) -> SourceOutcome:
    """Merge one other copy into *state*; conflicts resolved by *choices* (default mine, or theirs).

    *delete*: keys of proposed deletions to carry out; *declined*: keys of those the user said no to
    (recorded, so this copy's deletion of them is not proposed again)."""
    out = SourceOutcome(other.name)
    master_view = Replica(state.master.name, state.master.replica, state.vector, state.tables)
    shared = shares_history(master_view, other)
    default = THEIRS if prefer_theirs else MINE
    for spec in SPECS:
        table = spec.table
        mine_rows = state.tables.setdefault(table, {})
        theirs_rows = other.tables.get(table, {})
        for uuid, theirs in theirs_rows.items():
            mine = mine_rows.get(uuid)
            if (other.replica, uuid) in state.master.declined:
                state.undeclined.append((other.replica, uuid))  # the copy has it again
            if mine is None:
                if (table, uuid) in state.deleted or master_view.knows(theirs.created, shared):
                    continue  # MASTER deleted it (after it had seen it)
                if not all(state.has(spec.refs[c], theirs.values.get(c)) for c in spec.cascade):
                    out.skipped += 1  # its stage, lane or card is gone from MASTER
                    out.orphans += 1
                    continue
                values = {c: (None if c in spec.refs and not state.has(spec.refs[c], v) else v)
                          for c, v in theirs.values.items()}
                mine_rows[uuid] = Obj(uuid, values, theirs.created, theirs.changed, theirs.legacy)
                state.origin[(table, uuid)] = index
                log = table == "import_batches" and uuid in other.event_batches
                _count(out.added, EVENT_LOG if log else spec.kind)
                if table == "import_batches":
                    out.batches.append(IncomingBatch(text_of(theirs.values.get("source")),
                                                     other.batch_responses.get(uuid, 0), other.name,
                                                     other.event_batches.get(uuid, 0), log))
                if table == "notes" and theirs.values.get("author"):
                    out.authors.append(str(theirs.values["author"]))
                continue
            if spec.immutable or mine.values == theirs.values or (
                mine.changed is not None and mine.changed == theirs.changed
            ):
                continue
            if other.knows(mine.changed, shared):
                taken = _take(state, spec, mine, theirs.values)
                mine_rows[uuid] = Obj(uuid, taken, mine.created, theirs.changed, mine.legacy)
                state.origin[(table, uuid)] = index
                _count(out.changed, spec.kind)
                if table == "notes" and theirs.values.get("author"):
                    out.authors.append(str(theirs.values["author"]))
                continue
            if master_view.knows(theirs.changed, shared):
                continue  # MASTER has seen their revision and changed it since
            _conflict(state, spec, mine, theirs, index, other.name, choices, default, out)
        for uuid, mine in list(mine_rows.items()):
            if uuid in theirs_rows or not other.knows(mine.created, shared) or state.origin.get((table, uuid)) == index:
                continue
            if mine.legacy and not shared:
                continue
            if any(mine.values.get(c) is not None and mine.values.get(c) not in other.tables.get(spec.refs[c], {})
                   for c in spec.cascade):
                continue  # its card, stage or map is gone there too: that deletion takes it along
            if (other.replica, uuid) in state.master.declined:
                continue  # the user kept it when this copy's deletion was proposed before
            key = deletion_key(index, table, uuid)
            out.deletions.append(Deletion(key, spec.kind, state.label(table, mine), other.name))
            if key in declined and key not in delete:
                state.declined.append((other.replica, table, uuid))
            if key in delete and uuid in mine_rows:
                state.remove(table, uuid)
    for replica, clock in other.vector.items():
        state.vector[replica] = max(clock, state.vector.get(replica, -1))
    out.authors = list(dict.fromkeys(out.authors))
    return out


def _take(state: MergeState, spec: TableSpec, mine: Obj, values: Mapping[str, Any]) -> dict[str, Any]:
    """Their values, except references to objects MASTER does not have (those stay MASTER's)."""
    return {c: (mine.values.get(c) if c in spec.refs and not state.has(spec.refs[c], v) else v)
            for c, v in values.items()}


def _conflict(
    state: MergeState, spec: TableSpec, mine: Obj, theirs: Obj, index: int, source: str,
    choices: Mapping[str, str], default: str, out: SourceOutcome,
) -> None:
    table = spec.table
    label = state.label(table, mine)
    merged = dict(mine.values)
    took = kept = 0
    for column in sorted(set(mine.values) | set(theirs.values)):
        a, b = mine.values.get(column), theirs.values.get(column)
        if a == b:
            continue
        key = conflict_key(index, table, mine.uuid, column)
        is_note = table == "notes" and column == "text"
        shown, a_text, b_text = column, text_of(a), text_of(b)
        if column in spec.refs:  # a card moved to another stage: the stages' names, not their uuids
            parent = spec.refs[column]
            shown = column.removesuffix("_id")
            a_text, b_text = (_ref_label(state, parent, v) for v in (a, b))
        out.conflicts.append(Conflict(key, spec.kind, label, shown, a_text, b_text, source, is_note,
                                      f"{table}:{mine.uuid}:{column}"))
        choice = choices.get(key, default)
        if choice == BOTH and is_note:
            _keep_both(state, mine, theirs, index)
            kept += 1
        elif choice == THEIRS and not (column in spec.refs and not state.has(spec.refs[column], b)):
            merged[column] = b
            took += 1
        else:
            kept += 1
    if not took:
        return
    revision = theirs.changed if not kept else (state.master.replica, NEW_TICK)
    state.tables[table][mine.uuid] = Obj(mine.uuid, merged, mine.created, revision, mine.legacy)
    state.origin[(table, mine.uuid)] = index


def _ref_label(state: MergeState, table: str, uuid: Any) -> str:
    obj = state.tables.get(table, {}).get(uuid) if uuid is not None else None
    return state.label(table, obj) if obj is not None else text_of(uuid)


def _keep_both(state: MergeState, mine: Obj, theirs: Obj, index: int) -> None:
    """A note edited in both copies: MASTER's stays, theirs comes in beside it as a new note of MASTER's."""
    import uuid as uuid_module

    new = str(uuid_module.uuid4())
    tick = (state.master.replica, NEW_TICK)
    state.tables["notes"][new] = Obj(new, {**theirs.values, "touchpoint_id": mine.values.get("touchpoint_id")},
                                     tick, tick)
    state.origin[("notes", new)] = index
    state.extra_notes.append((new, index))


__all__ = [
    "EVENT_LOG", "NEW_TICK", "SPECS", "SPEC_OF", "MergeState", "Obj", "Replica", "Rev", "SourceOutcome", "TableSpec",
    "conflict_key", "deletion_key", "merge_one", "related_by_values", "shared_uuids", "shares_history", "text_of",
]
