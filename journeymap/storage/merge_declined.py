"""Deletions the user declined in a merge (format 12, issue 18): not proposed again for the same copy.

A copy that deleted a card keeps not having it, so every merge of that copy
would propose the deletion again, however often the user said no. When the
user leaves a proposed deletion unticked in File ▸ Merge Changes From…, MASTER
records (the copy's replica uuid, the object's uuid); the next merge of that
copy skips the proposal. The record goes when that copy has the object again
(its deletion undone there), so a later deletion of it there is proposed anew.
A deletion by another copy (another replica) is proposed as before. The command
line never declines anything: it only lists deletions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

from journeymap.storage.identity_schema import EDITED_TABLES

if TYPE_CHECKING:
    from journeymap.storage.document import Document

TABLE = "merge_declined"
TABLES: dict[str, str] = {
    TABLE: f"""
        CREATE TABLE {TABLE} (
            id INTEGER PRIMARY KEY,
            replica TEXT NOT NULL CHECK (length(replica) = 36),
            object TEXT NOT NULL CHECK (length(object) = 36),
            kind TEXT NOT NULL CHECK (kind IN ({", ".join(f"'{t}'" for t in EDITED_TABLES)}))
        )""",
}
INDEXES: dict[str, str] = {
    "idx_merge_declined_object": f"CREATE UNIQUE INDEX idx_merge_declined_object ON {TABLE}(replica, object)",
}
MIGRATION: tuple[str, ...] = (*TABLES.values(), *INDEXES.values())


def declined(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """(copy's replica uuid, object uuid) of every deletion declined so far."""
    return {(str(r), str(o)) for r, o in conn.execute(f"SELECT replica, object FROM {TABLE}")}


def record(doc: Document, rows: Iterable[tuple[str, str, str]]) -> None:
    """Remember declined deletions: (copy's replica uuid, table, object uuid)."""
    doc.executemany(f"INSERT OR IGNORE INTO {TABLE} (replica, object, kind) VALUES (?, ?, ?)",
                    [(replica, uuid, table) for replica, table, uuid in rows])


def forget(doc: Document, pairs: Iterable[tuple[str, str]]) -> None:
    """Drop the records of (copy's replica uuid, object uuid): the copy has the object again."""
    doc.executemany(f"DELETE FROM {TABLE} WHERE replica = ? AND object = ?", list(pairs))


__all__ = ["INDEXES", "MIGRATION", "TABLE", "TABLES", "declined", "forget", "record"]
