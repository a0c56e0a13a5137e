"""Tables, indexes, identity and migrations of a ``.jmap`` document.

A document is an SQLite file (the "application file format" idea): it is
identified by ``PRAGMA application_id`` and versioned by ``user_version``.
"""

from __future__ import annotations

import sqlite3

# "JMap" as a big-endian 32-bit integer.
APPLICATION_ID = int.from_bytes(b"JMap", "big")
SCHEMA_VERSION = 1
SUFFIX = ".jmap"

TABLES: dict[str, str] = {
    "maps": """
        CREATE TABLE maps (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            persona_name TEXT NOT NULL DEFAULT '',
            persona_description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        )""",
    "stages": """
        CREATE TABLE stages (
            id INTEGER PRIMARY KEY,
            map_id INTEGER NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            colour TEXT NOT NULL DEFAULT '#4C72B0'
        )""",
    "lanes": """
        CREATE TABLE lanes (
            id INTEGER PRIMARY KEY,
            map_id INTEGER NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'touchpoints',
            position INTEGER NOT NULL DEFAULT 0
        )""",
    "touchpoints": """
        CREATE TABLE touchpoints (
            id INTEGER PRIMARY KEY,
            map_id INTEGER NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
            stage_id INTEGER NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
            lane_id INTEGER NOT NULL REFERENCES lanes(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            channel TEXT NOT NULL DEFAULT '',
            sensation TEXT NOT NULL DEFAULT 'neutral'
                CHECK (sensation IN ('positive', 'neutral', 'negative')),
            moment_of_truth INTEGER NOT NULL DEFAULT 0,
            owner TEXT NOT NULL DEFAULT '',
            impact INTEGER NOT NULL DEFAULT 3 CHECK (impact BETWEEN 1 AND 5),
            tags TEXT NOT NULL DEFAULT '[]',
            manual_nps REAL CHECK (manual_nps IS NULL OR manual_nps BETWEEN -100 AND 100),
            manual_sentiment REAL
                CHECK (manual_sentiment IS NULL OR manual_sentiment BETWEEN -1 AND 1),
            manual_promoters INTEGER CHECK (manual_promoters IS NULL OR manual_promoters >= 0),
            manual_passives INTEGER CHECK (manual_passives IS NULL OR manual_passives >= 0),
            manual_detractors INTEGER CHECK (manual_detractors IS NULL OR manual_detractors >= 0)
        )""",
    "notes": """
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            author TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL DEFAULT ''
        )""",
    "import_batches": """
        CREATE TABLE import_batches (
            id INTEGER PRIMARY KEY,
            map_id INTEGER NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            rows INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0
        )""",
    "responses": """
        CREATE TABLE responses (
            id INTEGER PRIMARY KEY,
            touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
            score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
            sentiment REAL CHECK (sentiment IS NULL OR sentiment BETWEEN -1 AND 1),
            comment TEXT NOT NULL DEFAULT '',
            date TEXT,
            segment TEXT NOT NULL DEFAULT '',
            batch_id INTEGER REFERENCES import_batches(id) ON DELETE CASCADE
        )""",
}

INDEXES: dict[str, str] = {
    "idx_stages_map": "CREATE INDEX idx_stages_map ON stages(map_id, position)",
    "idx_lanes_map": "CREATE INDEX idx_lanes_map ON lanes(map_id, position)",
    "idx_touchpoints_cell": (
        "CREATE INDEX idx_touchpoints_cell ON touchpoints(map_id, stage_id, lane_id, position)"
    ),
    "idx_touchpoints_stage": "CREATE INDEX idx_touchpoints_stage ON touchpoints(stage_id)",
    "idx_touchpoints_lane": "CREATE INDEX idx_touchpoints_lane ON touchpoints(lane_id)",
    "idx_notes_touchpoint": "CREATE INDEX idx_notes_touchpoint ON notes(touchpoint_id)",
    "idx_batches_map": "CREATE INDEX idx_batches_map ON import_batches(map_id)",
    "idx_responses_touchpoint": (
        "CREATE INDEX idx_responses_touchpoint ON responses(touchpoint_id, score)"
    ),
    "idx_responses_batch": "CREATE INDEX idx_responses_batch ON responses(batch_id)",
}

# Migrations from version N-1 to N, applied in order by ``migrate``.
MIGRATIONS: dict[int, tuple[str, ...]] = {}


def create(conn: sqlite3.Connection) -> None:
    """Create the schema in an empty database (inside the caller's transaction)."""
    for ddl in TABLES.values():
        conn.execute(ddl)
    for ddl in INDEXES.values():
        conn.execute(ddl)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    for version in range(from_version + 1, SCHEMA_VERSION + 1):
        for statement in MIGRATIONS.get(version, ()):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version}")


def unexpected_objects(conn: sqlite3.Connection) -> list[str]:
    """Schema objects that we did not create (triggers, views, foreign tables...).

    A document with planted triggers or views could run SQL on our writes, so
    anything unknown makes the document untrusted.
    """
    expected = {("table", name) for name in TABLES} | {("index", name) for name in INDEXES}
    found = conn.execute(
        "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return sorted(f"{kind} {name}" for kind, name in found if (kind, name) not in expected)


def missing_tables(conn: sqlite3.Connection) -> list[str]:
    found = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return sorted(set(TABLES) - found)
