"""Writing a merge into MASTER (issue 18): one transaction, revisions copied as they are, and its undo.

The engine (``services.merging``) decides; this module writes what it decided:
rows added (with the uuid and revisions they have in the other copy, references
translated to MASTER's ids), rows changed, the deletions the user accepted, the
import batches with their responses (copied SQL to SQL from the other copy,
attached to MASTER's connection, with the aggregate counts and the comments
index kept in step) and the photos' blobs. Everything runs with the revision
triggers quiet, so the merge itself is no edit of MASTER's and merging the same
copy again finds nothing to do. :class:`MergeUndo` puts MASTER back as it was
and writes the merge again, each in one quiet transaction too.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journeymap.storage import comments_index, merge_answers, merge_declined, merge_events, response_counts
from journeymap.storage import merge_identity as identity
from journeymap.storage.events_schema import BATCH_TABLES
from journeymap.storage.responses_sql import trusted_inserts
from journeymap.storage.rows import chunks, sql_value

if TYPE_CHECKING:
    from journeymap.storage.document import Document

Rev = tuple[str, int] | None
NEW_TICK = -1  # a revision to be replaced by the next tick of MASTER's clock
ORDER = ("maps", "personas", "stages", "lanes", "import_batches", "touchpoints", "notes", "attachments", "quotes",
         "map_personas", "connections")
STRUCTURE = frozenset({"maps", "personas", "stages", "lanes", "map_personas"})


@dataclass
class Insert:
    table: str
    uuid: str
    values: dict[str, Any]  # references as uuids
    created: Rev
    changed: Rev
    source: int  # index of the other copy it comes from


@dataclass
class Update:
    table: str
    uuid: str
    values: dict[str, Any]
    changed: Rev


@dataclass
class WriteSet:
    """What to write: the sources are the private copies of the other files, in the order merged."""

    sources: Sequence[Path]
    source_ids: Sequence[Mapping[str, Mapping[str, int]]]  # per source: table → uuid → id there
    refs: Mapping[str, Mapping[str, str]]  # table → column → referenced table
    inserts: list[Insert] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    deletes: list[tuple[str, str]] = field(default_factory=list)
    vector: dict[str, int] = field(default_factory=dict)
    declined: list[tuple[str, str, str]] = field(default_factory=list)  # (copy's replica, table, uuid)
    undeclined: list[tuple[str, str]] = field(default_factory=list)  # (copy's replica, uuid)


@dataclass
class Touched:
    """Ids in MASTER that the merge added, changed or removed (what a view must redraw)."""

    touchpoints: set[int] = field(default_factory=set)
    notes: set[int] = field(default_factory=set)
    structure: bool = False
    connections: bool = False
    metrics: bool = False
    responses: int = 0  # responses copied in
    dropped_responses: int = 0  # responses of cards MASTER does not have
    events: int = 0  # events of incoming event logs copied in
    dropped_events: int = 0  # their events on cards MASTER does not have


def _raw(doc: Document, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Rows with every column, the identity ones included (what undo must put back)."""
    cur = doc.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur]


def _rows(doc: Document, table: str, column: str, ids: Sequence[int]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for chunk in chunks(list(ids), 500):
        out += _raw(doc, f"SELECT * FROM {table} WHERE {column} IN ({','.join('?' * len(chunk))})", chunk)
    return out


def _insert_raw(doc: Document, table: str, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    cols = list(rows[0])
    doc.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    [[sql_value(r[c]) for c in cols] for r in rows])


def _put_rows(doc: Document, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Rows back as they were, by id (an upsert: REPLACE would cascade)."""
    if not rows:
        return
    cols = list(rows[0])
    updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
    doc.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
                    f"ON CONFLICT(id) DO UPDATE SET {updates}", [[sql_value(r[c]) for c in cols] for r in rows])


# Each copy is attached to MASTER's connection while its answers are copied; SQLite allows 10 (SQLITE_MAX_ATTACHED).
MAX_COPIES = 10


@contextmanager
def attached(doc: Document, sources: Sequence[Path]) -> Iterator[list[str]]:
    """The private copies attached to MASTER's connection (outside any transaction) as merge_src0, …."""
    names: list[str] = []
    try:
        for i, path in enumerate(sources):
            name = f"merge_src{i}"
            doc.execute(f"ATTACH DATABASE ? AS {name}", [str(path)])
            names.append(name)
        yield names
    finally:
        for name in names:
            try:
                doc.execute(f"DETACH DATABASE {name}")
            except Exception:  # noqa: BLE001 - detaching a private copy cannot hurt MASTER
                pass


class MergeUndo:
    """Undo and redo of a written merge: MASTER before, the merge after, each in one quiet transaction."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.inserted: list[tuple[str, int]] = []  # in insertion order
        self.before: dict[str, list[dict[str, Any]]] = {t: [] for t in ORDER}  # rows changed or deleted
        self.updated: list[tuple[str, int]] = []
        self.deleted: list[tuple[str, int]] = []
        self.after: dict[str, list[dict[str, Any]]] | None = None
        self.replica_before: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([], [])
        self.replica_after: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([], [])
        self.stash: list[tuple[int, str]] = []  # (batch id, temp table prefix) while undone
        self.touched = Touched()

    def _replica_state(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """What MASTER knows of the copies: its vector and the deletions it declined."""
        return (_raw(self.doc, "SELECT * FROM replica_seen"), _raw(self.doc, f"SELECT * FROM {merge_declined.TABLE}"))

    def _set_replica(self, state: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
        """The vector and the declined deletions as they were; the clock never goes back (a tick once handed
        out stays used: another copy may already know this one up to it)."""
        self.doc.execute("DELETE FROM replica_seen")
        _insert_raw(self.doc, "replica_seen", state[0])
        self.doc.execute(f"DELETE FROM {merge_declined.TABLE}")
        _insert_raw(self.doc, merge_declined.TABLE, state[1])

    def undo(self) -> None:
        doc = self.doc
        with doc.transaction(), identity.quiet(doc):
            if self.after is None:
                self.after = {t: [] for t in ORDER}
                by_table: dict[str, list[int]] = {}
                for table, row_id in [*self.inserted, *self.updated]:
                    if table != "import_batches":
                        by_table.setdefault(table, []).append(row_id)
                for table, ids in by_table.items():
                    self.after[table] = _rows(doc, table, "id", ids)
            self.stash = []
            for table, row_id in self.inserted:
                if table == "import_batches":
                    self.stash.append((row_id, _stash_batch(doc, row_id)))
            for table in reversed(ORDER):
                ids = [i for t, i in self.inserted if t == table and t != "import_batches"]
                if table == "touchpoints" and ids:
                    for chunk in chunks(ids, 500):
                        comments_index.forget(doc._conn, f"touchpoint_id IN ({','.join('?' * len(chunk))})", chunk)  # noqa: SLF001
                for chunk in chunks(ids, 500):
                    doc.execute(f"DELETE FROM {table} WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            doc.restore(self.before)
            self._set_replica(self.replica_before)

    def redo(self) -> None:
        doc = self.doc
        assert self.after is not None
        with doc.transaction(), identity.quiet(doc):
            inserted = {(t, i) for t, i in self.inserted}
            for table in ORDER:
                if table == "import_batches":
                    continue
                _insert_raw(doc, table, [r for r in self.after[table] if (table, r["id"]) in inserted])
                _put_rows(doc, table, [r for r in self.after[table] if (table, r["id"]) not in inserted])
            for batch_id, prefix in self.stash:  # after the cards their answers are on
                _unstash_batch(doc, batch_id, prefix)
            self.stash = []
            _delete(doc, self.deleted)
            self._set_replica(self.replica_after)


STASHED = ("import_batches", "responses", "overall_responses", *BATCH_TABLES)  # parents first


def _stash_batch(doc: Document, batch_id: int) -> str:
    """A batch and its answers (or events and flows) into TEMP tables (all columns, identity too), then out
    of MASTER."""
    prefix = f"merge_stash_{batch_id}"
    for table in STASHED:
        column = "id" if table == "import_batches" else "batch_id"
        doc.execute(f"DROP TABLE IF EXISTS temp.{prefix}_{table}")
        doc.execute(f"CREATE TEMP TABLE {prefix}_{table} AS SELECT * FROM main.{table} WHERE {column} = ?",
                    [batch_id])
    doc.delete_batch(batch_id)
    return prefix


def _unstash_batch(doc: Document, batch_id: int, prefix: str) -> None:
    for table in STASHED:
        doc.execute(f"INSERT INTO main.{table} SELECT * FROM temp.{prefix}_{table}")
        doc.execute(f"DROP TABLE temp.{prefix}_{table}")
    response_counts.add(doc._conn, "r.batch_id = ?", [batch_id])  # noqa: SLF001
    comments_index.index(doc._conn, "batch_id = ?", [batch_id])  # noqa: SLF001


def _delete(doc: Document, deleted: Sequence[tuple[str, int]]) -> None:
    """The accepted deletions, through the document's own deletes (comments index, counts, cell order)."""
    cards = [i for t, i in deleted if t == "touchpoints"]
    if cards:
        doc.delete_touchpoints([i for i in cards if doc.execute(
            "SELECT 1 FROM touchpoints WHERE id = ?", [i]).fetchone()])
    for table, row_id in deleted:
        if not doc.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]).fetchone():
            continue  # gone with its parent
        if table == "maps":
            doc.delete_map(row_id)
        elif table == "stages":
            doc.delete_stage(row_id)
        elif table == "lanes":
            doc.delete_lane(row_id)
        elif table == "import_batches":
            doc.delete_batch(row_id)
        elif table != "touchpoints":
            doc.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])


def write(doc: Document, ws: WriteSet) -> MergeUndo:
    """Write *ws* into MASTER in one transaction (the caller attached nothing; this attaches the sources)."""
    undo = MergeUndo(doc)
    touched = undo.touched
    # Without deletions nothing cascades and every id written is MASTER's own: the per-row parent lookups
    # of the answers (a third of their insert) are skipped, as the importer does.
    trusted = trusted_inserts(doc) if not ws.deletes else nullcontext()
    with attached(doc, ws.sources) as names, trusted, doc.transaction(), identity.quiet(doc):
        undo.replica_before = undo._replica_state()  # noqa: SLF001
        ids: dict[str, dict[str, int]] = {t: dict(doc.execute(f"SELECT uuid, id FROM {t}").fetchall()) for t in ORDER}

        def tick(rev: Rev) -> tuple[Any, Any]:
            if rev is None:
                return None, None
            if rev[1] == NEW_TICK:
                return rev[0], identity.tick(doc)
            return rev

        # Deletions first: snapshot of everything they remove, cascades included.
        dels = [(t, ids[t][u]) for t, u in ws.deletes if u in ids.get(t, {})]
        snap = doc.snapshot(
            map_ids=[i for t, i in dels if t == "maps"], stage_ids=[i for t, i in dels if t == "stages"],
            lane_ids=[i for t, i in dels if t == "lanes"], touchpoint_ids=[i for t, i in dels if t == "touchpoints"],
            batch_ids=[i for t, i in dels if t == "import_batches"],
            persona_ids=[i for t, i in dels if t == "personas"],
            connection_ids=[i for t, i in dels if t == "connections"])
        for table in ("notes", "attachments", "quotes", "map_personas"):
            own = [i for t, i in dels if t == table]
            snap[table] = list({r["id"]: r for r in [*snap.get(table, []), *_rows(doc, table, "id", own)]}.values())
        # Deleting cards renumbers their cells: the other cards of those cells as they were, too.
        cells = {(r["map_id"], r["stage_id"], r["lane_id"]) for r in snap.get("touchpoints", [])}
        known = {r["id"] for r in snap.get("touchpoints", [])}
        for m, st, la in cells:
            snap["touchpoints"] += [r for r in _raw(doc, "SELECT * FROM touchpoints WHERE map_id = ? AND stage_id = ? "
                                                    "AND lane_id = ?", [m, st, la]) if r["id"] not in known]
        note_ids = [r["id"] for r in snap["notes"]]
        snap["attachments"] += [r for r in _rows(doc, "attachments", "note_id", note_ids)
                                if r["id"] not in {a["id"] for a in snap["attachments"]}]
        undo.before = {t: list(snap.get(t, [])) for t in ORDER}
        undo.before.update({t: rows for t, rows in snap.items() if t not in undo.before})
        undo.deleted = dels
        touched.touchpoints |= {r["id"] for r in snap.get("touchpoints", [])}
        touched.structure |= any(t in STRUCTURE for t, _ in dels)
        touched.connections |= bool(snap.get("connections"))
        touched.metrics |= bool(snap.get("import_batches")) or bool(snap.get("touchpoints"))
        _delete(doc, dels)
        ids = {t: dict(doc.execute(f"SELECT uuid, id FROM {t}").fetchall()) for t in ORDER}

        # Updates: the rows as they were, then their new values.
        for up in ws.updates:
            row_id = ids.get(up.table, {}).get(up.uuid)
            if row_id is None:
                continue
            undo.before[up.table] += _rows(doc, up.table, "id", [row_id])
            values = _local(up.values, ws.refs.get(up.table, {}), ids)
            changed_by, changed_clock = tick(up.changed)
            assign = {**values, "changed_by": changed_by, "changed_clock": changed_clock}
            doc.execute(f"UPDATE {up.table} SET {', '.join(f'{k} = ?' for k in assign)} WHERE id = ?",
                        [*(sql_value(v) for v in assign.values()), row_id])
            undo.updated.append((up.table, row_id))
            _touch(touched, up.table, row_id, up.values, ids)

        # Inserts, parents first (the list is in table order); references to rows of the same table after.
        later: list[tuple[str, int, str, str]] = []
        batches: list[tuple[Insert, int]] = []
        for ins in ws.inserts:
            refs = ws.refs.get(ins.table, {})
            values = dict(ins.values)
            own_refs = [(c, values[c]) for c, p in refs.items() if p == ins.table and values.get(c) is not None]
            for column, _ref in own_refs:
                values[column] = None
            values = _local(values, refs, ids)
            if ins.table == "quotes":
                values["response_id"] = None  # an id of the other copy's responses
            if ins.table == "attachments":
                doc.execute(
                    f"INSERT INTO attachment_blobs (sha256, data, thumbnail) SELECT sha256, data, thumbnail "
                    f"FROM {names[ins.source]}.attachment_blobs b WHERE b.sha256 = ? AND NOT EXISTS "
                    "(SELECT 1 FROM main.attachment_blobs m WHERE m.sha256 = b.sha256)", [values["sha256"]])
            if ins.table == "map_personas" and doc.execute(
                    "SELECT 1 FROM map_personas WHERE map_id = ? AND persona_id = ?",
                    [values.get("map_id"), values.get("persona_id")]).fetchone():
                continue  # both copies put the same persona on the same map
            created_by, created_clock = tick(ins.created)
            changed_by, changed_clock = (created_by, created_clock) if ins.changed == ins.created else tick(ins.changed)
            row = {**values, "uuid": ins.uuid, "created_by": created_by, "created_clock": created_clock,
                   "changed_by": changed_by, "changed_clock": changed_clock}
            cur = doc.execute(f"INSERT INTO {ins.table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                              [sql_value(v) for v in row.values()])
            new_id = int(cur.lastrowid)
            ids.setdefault(ins.table, {})[ins.uuid] = new_id
            undo.inserted.append((ins.table, new_id))
            later += [(ins.table, new_id, column, ref) for column, ref in own_refs]
            _touch(touched, ins.table, new_id, ins.values, ids)
            if ins.table == "import_batches":
                batches.append((ins, new_id))
        for table, row_id, column, ref_uuid in later:
            target = ids.get(ws.refs[table][column], {}).get(ref_uuid)
            if target is not None:
                doc.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", [target, row_id])
        # Their answers or events, once the cards they are on are in.
        logs = [(ins, i) for ins, i in batches if merge_events.is_event_log(
            doc, names[ins.source], ws.source_ids[ins.source]["import_batches"][ins.uuid])]
        surveys = [b for b in batches if b not in logs]
        if surveys:
            merge_answers.copy_answers(doc, ws, surveys, names, ids, touched)
        if logs:
            merge_events.copy_event_logs(doc, ws, logs, names, ids, touched)

        # The other copies' vectors, absorbed: merging them again finds everything known.
        own = doc.execute("SELECT uuid FROM replica").fetchone()[0]
        for replica, clock in ws.vector.items():
            if replica != own:
                identity.see(doc, replica, clock)
        merge_declined.forget(doc, ws.undeclined)
        merge_declined.record(doc, ws.declined)
        undo.replica_after = undo._replica_state()  # noqa: SLF001
    return undo


def _local(values: Mapping[str, Any], refs: Mapping[str, str], ids: Mapping[str, Mapping[str, int]]) -> dict[str, Any]:
    """Values with references as MASTER's ids."""
    out = dict(values)
    for column, parent in refs.items():
        if out.get(column) is not None:
            out[column] = ids.get(parent, {}).get(out[column])
    return out


def _touch(touched: Touched, table: str, row_id: int, values: Mapping[str, Any],
           ids: Mapping[str, Mapping[str, int]]) -> None:
    if table == "touchpoints":
        touched.touchpoints.add(row_id)
        touched.metrics = True
    elif table in ("notes", "attachments", "quotes"):
        card = ids.get("touchpoints", {}).get(values.get("touchpoint_id") or "")
        if card is not None:
            touched.touchpoints.add(card)
        if table == "notes":
            touched.notes.add(row_id)
    elif table == "connections":
        touched.connections = True
    elif table == "import_batches":
        touched.metrics = True
    if table in STRUCTURE:
        touched.structure = True


__all__ = ["Insert", "MergeUndo", "Touched", "Update", "WriteSet", "attached", "write"]
