"""Format 11 (issue 18): stable identity and revisions of the edited objects.

Copies of one document are merged by uuid (docs/design/merge.md). Every edited
table gets five columns, appended last so a new and an upgraded document have
the same column order: ``uuid`` (a v4 uuid made when the row is inserted, or a
deterministic uuid5 for rows upgraded from an older format), ``created_by`` /
``created_clock`` (the replica and the tick of its clock that made the row) and
``changed_by`` / ``changed_clock`` (the last change). Triggers keep them, so no
write path can forget: a writer that copies revisions on purpose (snapshot
restore, merge) sets ``replica.quiet`` through :func:`storage.identity.quiet`.

``replica`` holds the one row that says which copy this file is (its uuid, its
clock, the ``file_key`` it was last opened for writing under, the quiet flag);
``replica_seen`` the other replicas whose changes this copy knows, each at the
clock it knows them to.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable

EDITED_TABLES: tuple[str, ...] = (
    "maps", "personas", "stages", "lanes", "touchpoints", "notes", "attachments", "quotes",
    "map_personas", "connections", "import_batches",
)
IDENTITY_COLUMNS: tuple[str, ...] = ("uuid", "created_by", "created_clock", "changed_by", "changed_clock")
REVISION_COLUMNS: tuple[str, ...] = IDENTITY_COLUMNS[1:]
COLUMN_DEFINITIONS: tuple[str, ...] = (
    "uuid TEXT", "created_by TEXT", "created_clock INTEGER", "changed_by TEXT", "changed_clock INTEGER",
)

TABLES: dict[str, str] = {
    "replica": """
        CREATE TABLE replica (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            uuid TEXT NOT NULL CHECK (length(uuid) = 36),
            clock INTEGER NOT NULL DEFAULT 0 CHECK (clock >= 0),
            file_key TEXT NOT NULL DEFAULT '',
            quiet INTEGER NOT NULL DEFAULT 0 CHECK (quiet IN (0, 1))
        )""",
    "replica_seen": """
        CREATE TABLE replica_seen (
            id INTEGER PRIMARY KEY,
            replica TEXT NOT NULL CHECK (length(replica) = 36),
            clock INTEGER NOT NULL CHECK (clock >= 0)
        )""",
}

INDEXES: dict[str, str] = {
    "idx_replica_seen_replica": "CREATE UNIQUE INDEX idx_replica_seen_replica ON replica_seen(replica)",
    **{f"idx_{t}_uuid": f"CREATE UNIQUE INDEX idx_{t}_uuid ON {t}(uuid)" for t in EDITED_TABLES},
}

# A version-4 uuid made in SQL (randomblob is allowed under trusted_schema = OFF).
V4_SQL = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))"
)


def _insert_trigger(table: str) -> str:
    return f"""
        CREATE TRIGGER trg_{table}_insert AFTER INSERT ON {table} WHEN NEW.uuid IS NULL
        BEGIN
            UPDATE replica SET clock = clock + 1;
            UPDATE {table} SET uuid = ({V4_SQL}),
                created_by = (SELECT uuid FROM replica), created_clock = (SELECT clock FROM replica),
                changed_by = (SELECT uuid FROM replica), changed_clock = (SELECT clock FROM replica)
            WHERE rowid = NEW.rowid;
        END"""


def _update_trigger(table: str) -> str:
    return f"""
        CREATE TRIGGER trg_{table}_update AFTER UPDATE ON {table}
        WHEN NEW.uuid IS OLD.uuid AND (SELECT quiet FROM replica) = 0
        BEGIN
            UPDATE replica SET clock = clock + 1;
            UPDATE {table} SET changed_by = (SELECT uuid FROM replica), changed_clock = (SELECT clock FROM replica)
            WHERE rowid = NEW.rowid;
        END"""


TRIGGERS: dict[str, str] = {}
for _table in EDITED_TABLES:
    TRIGGERS[f"trg_{_table}_insert"] = _insert_trigger(_table)
    TRIGGERS[f"trg_{_table}_update"] = _update_trigger(_table)
del _table


def add_columns(create_sql: str) -> str:
    """*create_sql* (a CREATE TABLE text of ours) with the identity columns appended last."""
    body = create_sql.rstrip()
    assert body.endswith(")"), create_sql
    extra = "".join(f",\n            {c}" for c in COLUMN_DEFINITIONS)
    return body[:-1].rstrip() + extra + "\n        )"


# The upgrade from format 10: columns, tables, indexes; then the legacy uuids (storage.identity,
# a Python step: uuid5 needs SHA-1) and the replica row; the triggers last, so filling the
# columns of the old rows ticks no clock.
ALTERS: tuple[str, ...] = tuple(
    f"ALTER TABLE {t} ADD COLUMN {c}" for t in EDITED_TABLES for c in COLUMN_DEFINITIONS
)

# Rows upgraded from an older format get uuid5(JM_LEGACY_NAMESPACE, "table:id"): copies of one
# old file that were edited apart before each was upgraded then still match by id, with no
# revisions (no shared history: merge compares their values). Never change this constant.
JM_LEGACY_NAMESPACE = uuid.UUID("6d1c8a3e-5b0f-4c2a-9e77-1f4b2d3c8a90")


def legacy_uuid(table: str, row_id: int) -> str:
    """The uuid an upgrade gives row *row_id* of *table* (the same in every copy)."""
    return str(uuid.uuid5(JM_LEGACY_NAMESPACE, f"{table}:{row_id}"))


def is_legacy(value: str | None, table: str | None = None, row_id: int | None = None) -> bool:
    """*value* is a uuid an upgrade made (a version-5 uuid; of that table and row when they are given).

    New objects get version-4 uuids, so the version digit tells them apart; with
    *table* and *row_id* the uuid is also checked to be the one that row got.
    """
    if not value or len(value) != 36 or value[14] != "5":
        return False
    if table is not None and row_id is not None:
        return value == legacy_uuid(table, row_id)
    return True


def fill_legacy_uuids(conn: sqlite3.Connection) -> None:
    """Give every row of the edited tables its legacy uuid (revision columns stay NULL)."""
    for table in EDITED_TABLES:
        ids = [r[0] for r in conn.execute(f"SELECT id FROM {table} WHERE uuid IS NULL")]
        conn.executemany(f"UPDATE {table} SET uuid = ? WHERE id = ?", [(legacy_uuid(table, i), i) for i in ids])


CREATE_REPLICA = f"INSERT INTO replica (id, uuid, clock) VALUES (1, {V4_SQL}, 0)"

MIGRATION: tuple[str | Callable[[sqlite3.Connection], None], ...] = (
    *ALTERS,
    *TABLES.values(),
    fill_legacy_uuids,
    *INDEXES.values(),
    CREATE_REPLICA,
    *TRIGGERS.values(),
)
