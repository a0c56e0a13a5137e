"""What a merge reads of a document (issue 18): every edited object by uuid, and the version vector.

References between objects (a card's stage, a note's card) are given as the
referenced object's uuid, so two copies compare without their row ids, which
differ as soon as both copies added something.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journeymap.storage import merge_declined, schema

IDENTITY = ("uuid", "created_by", "created_clock", "changed_by", "changed_clock")
Rev = tuple[str, int] | None


@dataclass
class Row:
    id: int
    uuid: str
    values: dict[str, Any]
    created: Rev
    changed: Rev


@dataclass
class DocumentRows:
    """A document's objects per table (only the tables that carry uuids), its replica and vector."""

    replica: str
    vector: dict[str, int]
    tables: dict[str, list[Row]] = field(default_factory=dict)
    ids: dict[str, dict[str, int]] = field(default_factory=dict)  # table → uuid → id
    batch_responses: dict[str, int] = field(default_factory=dict)
    event_batches: dict[str, int] = field(default_factory=dict)  # event-log imports: batch uuid → events
    declined: set[tuple[str, str]] = field(default_factory=set)  # (copy's replica, object uuid): not proposed


def copy_validated(path: str | os.PathLike[str], folder: Path) -> Path:
    """Validate another document as ``Document.open`` does and copy it through SQLite into *folder*.

    The checks are ``Document._validate``'s (identity, version, schema and
    triggers, pages, rows); the copy includes its WAL. The file itself is never
    written. Safe to run in a worker thread (its own connections only).
    """
    from journeymap.storage.document import _real_path

    source = _real_path(Path(path))
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (source.stem + ".jmap")
    backup_read_only(source, target)
    return target


def backup_read_only(source: Path, target: Path) -> None:
    """*source* opened read-only exactly as the editor opens a document (validated), copied into *target*.

    Through ``Document.open`` rather than a bare read-only connection: a WAL-mode
    file read that way would leave ``-wal`` and ``-shm`` files beside the copy the
    user named, and could not be read at all from a read-only folder (a write-protected
    USB stick, a mail client's attachments) because SQLite cannot create them there.
    """
    from journeymap.storage.document import Document

    doc = Document.open(source, read_only=True)  # the usual errors: no such file, damaged, newer…
    try:
        out = sqlite3.connect(target)
        try:
            doc._conn.backup(out)  # noqa: SLF001 - the validated connection itself
        finally:
            out.close()
    finally:
        doc.close()


@contextmanager
def reader(copy: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection on a validated private copy (upgraded first, in place, if of an older format)."""
    from journeymap.storage.document import Document, _connect_read_only

    conn = _connect_read_only(copy)
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] < schema.SCHEMA_VERSION:
            conn.close()
            Document.open(copy, private=True).close()  # the upgrade, in the copy only (validated again)
            conn = _connect_read_only(copy)
        yield conn
    finally:
        conn.close()


@contextmanager
def private_copy(path: str | os.PathLike[str]) -> Iterator[tuple[Path, sqlite3.Connection]]:
    """Another document validated once and read from a private copy: (copy, read-only connection).

    Like ``storage.identity.open_private_copy`` without validating the copy a
    second time (the checks of a 10 MB file are most of a merge's time).
    """
    folder = Path(tempfile.mkdtemp(prefix="jm-merge-"))
    try:
        copy = copy_validated(path, folder)
        with reader(copy) as conn:
            yield copy, conn
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def has_identity(conn: sqlite3.Connection) -> bool:
    """Whether the document records uuids and revisions (format 10 and later)."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return "replica" in tables and "uuid" in _columns(conn, "touchpoints")


def vector(conn: sqlite3.Connection) -> tuple[str, dict[str, int]]:
    """(own replica uuid, replica → highest clock seen, its own clock included)."""
    own, clock = conn.execute("SELECT uuid, clock FROM replica").fetchone()
    seen = {r: c for r, c in conn.execute("SELECT replica, clock FROM replica_seen")}
    seen[own] = max(clock, seen.get(own, -1))
    return own, seen


def _rev(replica: Any, clock: Any) -> Rev:
    return None if replica is None or clock is None else (str(replica), int(clock))


def read(conn: sqlite3.Connection, specs: Iterable[tuple[str, dict[str, str], tuple[str, ...]]]) -> DocumentRows:
    """Every object of the tables in *specs* ((table, column → referenced table, ignored columns))."""
    own, seen = vector(conn)
    out = DocumentRows(own, seen)
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                    [merge_declined.TABLE]).fetchone():
        out.declined = merge_declined.declined(conn)
    specs = [s for s in specs if "uuid" in _columns(conn, s[0])]
    uuid_of: dict[str, dict[int, str]] = {}
    for table, _refs, _ignored in specs:
        pairs = conn.execute(f"SELECT id, uuid FROM {table}").fetchall()
        uuid_of[table] = dict(pairs)
        out.ids[table] = {u: i for i, u in pairs}
    for table, refs, ignored in specs:
        # A required reference to a row that is not there (a note of no card: a damaged or hostile file,
        # which foreign keys off let through) leaves the row out, as ON DELETE CASCADE would have.
        required = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")') if r[3]}
        cur = conn.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cur.description]
        rows: list[Row] = []
        skip = {"id", *IDENTITY, *ignored}
        for raw in cur:
            rec = dict(zip(names, raw))
            values = {k: v for k, v in rec.items() if k not in skip}
            dangling = False
            for column, parent in refs.items():
                if column in values and rec[column] is not None:
                    values[column] = uuid_of.get(parent, {}).get(rec[column])
                    dangling = dangling or (values[column] is None and column in required)
            if dangling:
                continue
            rows.append(Row(rec["id"], rec["uuid"], values, _rev(rec["created_by"], rec["created_clock"]),
                            _rev(rec["changed_by"], rec["changed_clock"])))
        out.tables[table] = rows
    if "import_batches" in out.ids:
        counts = dict(conn.execute("SELECT batch_id, COUNT(*) FROM responses WHERE batch_id IS NOT NULL "
                                   "GROUP BY batch_id").fetchall())
        out.batch_responses = {u: counts.get(i, 0) for u, i in out.ids["import_batches"].items()}
        logs = {r[0] for r in conn.execute("SELECT DISTINCT batch_id FROM event_logs")}
        events = dict(conn.execute("SELECT batch_id, COUNT(*) FROM events GROUP BY batch_id").fetchall())
        out.event_batches = {u: events.get(i, 0) for u, i in out.ids["import_batches"].items() if i in logs}
    return out


__all__ = [
    "IDENTITY", "DocumentRows", "Row", "backup_read_only", "copy_validated", "has_identity", "private_copy", "read",
    "reader", "vector",
]
