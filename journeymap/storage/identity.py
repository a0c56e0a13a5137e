"""Stable identity of a document's objects and of the copy itself (issue 18, format 11).

The columns and triggers are in :mod:`storage.identity_schema`; this module is
what the rest of the code calls: which replica a file is (and noticing that a
file is a copy of another), the version vector merge compares, quiet writes
that copy revisions instead of making new ones, and reading rows' identities.
See docs/design/merge.md.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid as uuid_module
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journeymap.storage.identity_schema import (
    EDITED_TABLES,
    IDENTITY_COLUMNS,
    JM_LEGACY_NAMESPACE,
    REVISION_COLUMNS,
    is_legacy,
    legacy_uuid,
)

if TYPE_CHECKING:
    from journeymap.storage.document import Document

__all__ = [
    "EDITED_TABLES", "IDENTITY_COLUMNS", "JM_LEGACY_NAMESPACE", "REVISION_COLUMNS", "Identity",
    "assignment_identities", "file_key", "ids_of", "restore_assignment_identities", "set_identities",
    "identities", "identity", "is_legacy", "legacy_uuid", "note_copy", "open_private_copy", "quiet", "replica",
    "replica_seen", "set_identity", "strip", "version_vector",
]


@dataclass(frozen=True)
class Identity:
    """A row's uuid and revision: who made it at which tick, who changed it last at which tick."""

    uuid: str
    created_by: str | None = None
    created_clock: int | None = None
    changed_by: str | None = None
    changed_clock: int | None = None

    def columns(self) -> dict[str, Any]:
        """The five column values, to pass on to an INSERT that gives the row back its identity."""
        return {c: getattr(self, c) for c in IDENTITY_COLUMNS}


def strip(row: dict[str, Any]) -> dict[str, Any]:
    """*row* without the identity columns (dataclasses of the domain do not have them)."""
    if "uuid" not in row:
        return row
    return {k: v for k, v in row.items() if k not in IDENTITY_COLUMNS}


def identity(doc: Document, table: str, row_id: int) -> Identity | None:
    """The identity of one row, or None when there is no such row."""
    _check_table(table)
    row = doc.execute(f"SELECT {', '.join(IDENTITY_COLUMNS)} FROM {table} WHERE id = ?", [row_id]).fetchone()
    return Identity(*row) if row and row[0] is not None else None


def identities(doc: Document, table: str, ids: Iterable[int] | None = None) -> dict[int, Identity]:
    """id → identity of the rows of *table* (all of them, or those of *ids*)."""
    _check_table(table)
    cols = ", ".join(IDENTITY_COLUMNS)
    if ids is None:
        rows = doc.execute(f"SELECT id, {cols} FROM {table} WHERE uuid IS NOT NULL").fetchall()
    else:
        wanted, rows = list(ids), []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows += doc.execute(f"SELECT id, {cols} FROM {table} WHERE id IN ({marks}) AND uuid IS NOT NULL",
                                chunk).fetchall()
    return {r[0]: Identity(*r[1:]) for r in rows}


def ids_of(doc: Document, table: str, uuids: Iterable[str]) -> dict[str, int]:
    """uuid → id of the rows of *table* that have one of *uuids*."""
    _check_table(table)
    wanted, out = list(uuids), {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        out.update(doc.execute(f"SELECT uuid, id FROM {table} WHERE uuid IN ({marks})", chunk).fetchall())
    return out


def set_identity(doc: Document, table: str, row_id: int, known: Identity) -> None:
    """Give row *row_id* the identity it had before (re-inserted by undo or redo), quietly."""
    _check_table(table)
    with quiet(doc):
        doc.execute(
            f"UPDATE {table} SET uuid = ?, created_by = ?, created_clock = ?, changed_by = ?, changed_clock = ? "
            "WHERE id = ?",
            [*known.columns().values(), row_id],
        )


def assignment_identities(doc: Document, map_id: int) -> dict[int, Identity]:
    """persona id → identity of the map's persona assignments (their row ids change when re-inserted)."""
    rows = doc.execute(
        f"SELECT persona_id, {', '.join(IDENTITY_COLUMNS)} FROM map_personas WHERE map_id = ? AND uuid IS NOT NULL",
        [map_id],
    ).fetchall()
    return {r[0]: Identity(*r[1:]) for r in rows}


def restore_assignment_identities(doc: Document, map_id: int, known: dict[int, Identity]) -> None:
    """Give the map's assignments of the personas in *known* back the identity they had (undo, redo)."""
    for persona_id, row_id, uuid in doc.execute(
        "SELECT persona_id, id, uuid FROM map_personas WHERE map_id = ?", [map_id]
    ).fetchall():
        was = known.get(persona_id)
        if was is not None and was.uuid != uuid:
            set_identity(doc, "map_personas", row_id, was)


def set_identities(doc: Document, table: str, rows: Iterable[tuple[int, Identity]]) -> None:
    """:func:`set_identity` for many rows at once (an imported map's), in one quiet statement."""
    _check_table(table)
    with quiet(doc):
        doc.executemany(
            f"UPDATE {table} SET uuid = ?, created_by = ?, created_clock = ?, changed_by = ?, changed_clock = ? "
            "WHERE id = ?",
            [(*known.columns().values(), row_id) for row_id, known in rows],
        )


def _check_table(table: str) -> None:
    if table not in EDITED_TABLES:
        raise ValueError(f"{table} has no identity columns")


# ---------------------------------------------------------------- the replica
def replica(doc: Document) -> tuple[str, int]:
    """(uuid, clock) of this copy: the clock ticks once per inserted or changed row."""
    row = doc.execute("SELECT uuid, clock FROM replica WHERE id = 1").fetchone()
    return str(row[0]), int(row[1])


def replica_seen(doc: Document) -> dict[str, int]:
    """The other replicas this copy knows, each at the clock it knows it to."""
    return {str(r): int(c) for r, c in doc.execute("SELECT replica, clock FROM replica_seen")}


def version_vector(doc: Document) -> dict[str, int]:
    """{replica_uuid: clock}: everything this copy has seen, its own clock included.

    A revision (by, clock) is known to a copy when ``vector.get(by, 0) >= clock``.
    """
    vector = replica_seen(doc)
    own, clock = replica(doc)
    vector[own] = max(clock, vector.get(own, 0))
    return vector


def absorb(doc: Document, vector: dict[str, int]) -> None:
    """Record that this copy now knows everything of *vector* (after a merge); own uuid excluded."""
    own, _clock = replica(doc)
    rows = [(r, c) for r, c in vector.items() if r != own]
    with doc.transaction():
        doc.executemany(
            "INSERT INTO replica_seen (replica, clock) VALUES (?, ?) "
            "ON CONFLICT(replica) DO UPDATE SET clock = max(clock, excluded.clock)",
            rows,
        )


@contextmanager
def quiet(doc: Document) -> Iterator[None]:
    """Writes that copy revisions (snapshot restore, merge): updates inside tick no clock.

    Runs in one transaction (the caller's, when there is one), so a crash never
    leaves the flag set; inserts with a uuid keep the revision columns they are given.
    """
    with doc.transaction():
        was = doc.execute("SELECT quiet FROM replica WHERE id = 1").fetchone()[0]
        doc.execute("UPDATE replica SET quiet = 1 WHERE id = 1")
        try:
            yield
        finally:
            if not was:
                doc.execute("UPDATE replica SET quiet = 0 WHERE id = 1")


# ------------------------------------------------------------- copy detection
def file_key(path: Path) -> str:
    """Device, inode and resolved path of *path*: a copy (``cp``, Save As) or a moved file has another."""
    st = os.stat(path)
    return f"{st.st_dev}:{st.st_ino}:{os.path.realpath(path)}"


def note_copy(doc: Document) -> bool:
    """On opening *doc* for writing: if it is a copy of another file, make it a new replica.

    The old replica id is recorded in ``replica_seen`` at its clock (this copy
    knows all it did). A new or upgraded document (no key yet) just records its
    key. Returns True when a new replica id was taken.
    """
    key = file_key(doc.path)
    own, clock, recorded, quiet_flag = doc.execute(
        "SELECT uuid, clock, file_key, quiet FROM replica WHERE id = 1"
    ).fetchone()
    if recorded == key and not quiet_flag:
        return False
    copied = bool(recorded) and recorded != key
    with doc.transaction():
        if copied:
            doc.execute(
                "INSERT INTO replica_seen (replica, clock) VALUES (?, ?) "
                "ON CONFLICT(replica) DO UPDATE SET clock = max(clock, excluded.clock)",
                [own, clock],
            )
            doc.execute("UPDATE replica SET uuid = ? WHERE id = 1", [str(uuid_module.uuid4())])
        doc.execute("UPDATE replica SET file_key = ?, quiet = 0 WHERE id = 1", [key])
    return copied


# ------------------------------------------------------------ private copies
@contextmanager
def open_private_copy(path: str | os.PathLike[str]) -> Iterator[Document]:
    """Another document, validated exactly like an opened one, as a private writable copy.

    The file itself is never written: it is validated and copied (through SQLite,
    its WAL included) into a temporary folder, and the copy is upgraded to the
    current format. The copy keeps the original's replica id and clock (no copy
    detection), so merge sees the other replica as it is. Removed on exit.
    """
    from journeymap.storage.document import Document, _real_path
    from journeymap.storage.merge_read import backup_read_only

    source = _real_path(Path(path))
    folder = Path(tempfile.mkdtemp(prefix="jm-private-"))
    target = folder / (source.stem + ".jmap")
    try:
        backup_read_only(source, target)
        doc = Document.open(target, private=True)
        try:
            yield doc
        finally:
            doc.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
