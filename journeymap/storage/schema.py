"""Tables, indexes, identity and migrations of a ``.jmap`` document.

A document is an SQLite file (the "application file format" idea): it is
identified by ``PRAGMA application_id`` and versioned by ``user_version``.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from typing import Any

from journeymap.storage import comments_index, events_schema, identity_schema, merge_declined, response_counts

# "JMap" as a big-endian 32-bit integer.
APPLICATION_ID = int.from_bytes(b"JMap", "big")
SCHEMA_VERSION = 12
SUFFIX = ".jmap"

# Format 8 (issue 17): the same respondent's overall 0-10 likelihood to recommend on each of
# their touchpoint answers (written by the wide import), the link the drivers of the overall
# NPS need (storage.drivers_sql). NULL for answers of files without the overall question.
OVERALL_SCORE = "overall_score INTEGER CHECK (overall_score IS NULL OR overall_score BETWEEN 0 AND 10)"

TABLES: dict[str, str] = {
    "maps": """
        CREATE TABLE maps (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            persona_name TEXT NOT NULL DEFAULT '',
            persona_description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            source_map_id INTEGER REFERENCES maps(id) ON DELETE SET NULL
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
            position INTEGER NOT NULL DEFAULT 0,
            colour TEXT NOT NULL DEFAULT '',
            line_below TEXT NOT NULL DEFAULT ''
                CHECK (line_below IN ('', 'interaction', 'visibility', 'internal'))
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
            manual_detractors INTEGER CHECK (manual_detractors IS NULL OR manual_detractors >= 0),
            controllable INTEGER NOT NULL DEFAULT 1,
            expectation TEXT NOT NULL DEFAULT '',
            evidence TEXT NOT NULL DEFAULT ''
                CHECK (evidence IN ('', 'survey', 'interview', 'observation', 'crm', 'support', 'competitor', 'staff')),
            waiting_minutes REAL CHECK (waiting_minutes IS NULL OR waiting_minutes >= 0),
            origin_id INTEGER
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
            rejected INTEGER NOT NULL DEFAULT 0,
            content_hash TEXT NOT NULL DEFAULT ''
        )""",
    "personas": """
        CREATE TABLE personas (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            quote TEXT NOT NULL DEFAULT '',
            bio TEXT NOT NULL DEFAULT '',
            goals TEXT NOT NULL DEFAULT '[]',
            needs TEXT NOT NULL DEFAULT '[]',
            frustrations TEXT NOT NULL DEFAULT '[]',
            photo BLOB,
            position INTEGER NOT NULL DEFAULT 0
        )""",
    "map_personas": """
        CREATE TABLE map_personas (
            id INTEGER PRIMARY KEY,
            map_id INTEGER NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
            persona_id INTEGER NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0
        )""",
    "connections": """
        CREATE TABLE connections (
            id INTEGER PRIMARY KEY,
            map_id INTEGER NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
            source_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
            target_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
            label TEXT NOT NULL DEFAULT ''
        )""",
    "responses": """
        CREATE TABLE responses (
            id INTEGER PRIMARY KEY,
            touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
            score INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 10),
            sentiment REAL CHECK (sentiment IS NULL OR sentiment BETWEEN -1 AND 1),
            comment TEXT NOT NULL DEFAULT '',
            date TEXT,
            segment TEXT NOT NULL DEFAULT '',
            batch_id INTEGER REFERENCES import_batches(id) ON DELETE CASCADE,
            """ + OVERALL_SCORE + """
        )""",
    # The map's relationship NPS: the "how likely are you to recommend us" question of
    # a wide survey that names no touchpoint.
    "overall_responses": """
        CREATE TABLE overall_responses (
            id INTEGER PRIMARY KEY,
            map_id INTEGER NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
            score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
            date TEXT,
            segment TEXT NOT NULL DEFAULT '',
            batch_id INTEGER REFERENCES import_batches(id) ON DELETE CASCADE
        )""",
    # Column mappings remembered per header signature ("import profiles").
    "import_profiles": """
        CREATE TABLE import_profiles (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            signature TEXT NOT NULL,
            layout TEXT NOT NULL DEFAULT '',
            columns TEXT NOT NULL DEFAULT '{}',
            updated_at TEXT NOT NULL DEFAULT ''
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
        # Covering index: per-touchpoint NPS and sentiment sums, with or without a
        # segment filter, never touch the table (see Document.response_counts).
        "CREATE INDEX idx_responses_touchpoint ON responses(touchpoint_id, score, sentiment, segment)"
    ),
    "idx_responses_batch": "CREATE INDEX idx_responses_batch ON responses(batch_id)",
    "idx_overall_map": "CREATE INDEX idx_overall_map ON overall_responses(map_id, score, segment)",
    "idx_overall_batch": "CREATE INDEX idx_overall_batch ON overall_responses(batch_id)",
    "idx_profiles_name": "CREATE UNIQUE INDEX idx_profiles_name ON import_profiles(name)",
    "idx_profiles_signature": "CREATE INDEX idx_profiles_signature ON import_profiles(signature)",
    "idx_map_personas_map": "CREATE UNIQUE INDEX idx_map_personas_map ON map_personas(map_id, persona_id)",
    "idx_map_personas_persona": "CREATE INDEX idx_map_personas_persona ON map_personas(persona_id)",
    "idx_connections_map": "CREATE INDEX idx_connections_map ON connections(map_id)",
    "idx_connections_source": "CREATE INDEX idx_connections_source ON connections(source_id)",
    "idx_connections_target": "CREATE INDEX idx_connections_target ON connections(target_id)",
}


# Version 2: photos. The pixels live once per sha256 in ``attachment_blobs`` (the
# same photo on two cards is stored once); ``attachments`` says which touchpoint
# (and optionally which note) shows which blob, in which order.
ATTACHMENT_TABLES: dict[str, str] = {
    "attachment_blobs": """
        CREATE TABLE attachment_blobs (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            data BLOB NOT NULL,
            thumbnail BLOB NOT NULL
        )""",
    "attachments": """
        CREATE TABLE attachments (
            id INTEGER PRIMARY KEY,
            touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
            note_id INTEGER REFERENCES notes(id) ON DELETE SET NULL,
            position INTEGER NOT NULL DEFAULT 0,
            file_name TEXT NOT NULL,
            mime_type TEXT NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png')),
            sha256 TEXT NOT NULL REFERENCES attachment_blobs(sha256),
            width INTEGER NOT NULL CHECK (width > 0),
            height INTEGER NOT NULL CHECK (height > 0),
            bytes INTEGER NOT NULL CHECK (bytes > 0),
            created_at TEXT NOT NULL DEFAULT ''
        )""",
}
ATTACHMENT_INDEXES: dict[str, str] = {
    "idx_attachment_blobs_sha256": "CREATE UNIQUE INDEX idx_attachment_blobs_sha256 ON attachment_blobs(sha256)",
    "idx_attachments_touchpoint": "CREATE INDEX idx_attachments_touchpoint ON attachments(touchpoint_id, position)",
    "idx_attachments_blob": "CREATE INDEX idx_attachments_blob ON attachments(sha256)",
    "idx_attachments_note": "CREATE INDEX idx_attachments_note ON attachments(note_id)",
}
TABLES.update(ATTACHMENT_TABLES)
INDEXES.update(ATTACHMENT_INDEXES)


def _rebuild(table: str, indexes: tuple[str, ...], definition: str = "") -> tuple[str, ...]:
    """Statements that recreate *table* with *definition* (its current one by default), keeping its rows and ids."""
    new = f"{table}_new"
    create = (definition or TABLES[table]).replace(f"CREATE TABLE {table} (", f"CREATE TABLE {new} (", 1)
    return (
        create,
        f"INSERT INTO {new} SELECT * FROM {table}",
        f"DROP TABLE {table}",
        f"ALTER TABLE {new} RENAME TO {table}",
        *(INDEXES[name] for name in indexes),
    )

# Version 4: quotes pinned on cards (issue 17). ``response_id`` is not a foreign key:
# a pinned quote is the consultant's evidence and stays when its import is removed.
QUOTE_TABLES: dict[str, str] = {
    "quotes": """
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
            response_id INTEGER,
            text TEXT NOT NULL CHECK (length(text) > 0),
            score INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 10),
            position INTEGER NOT NULL DEFAULT 0
        )""",
}
QUOTE_INDEXES: dict[str, str] = {
    "idx_quotes_touchpoint": "CREATE INDEX idx_quotes_touchpoint ON quotes(touchpoint_id, position)",
}
TABLES.update(QUOTE_TABLES)
INDEXES.update(QUOTE_INDEXES)

# The facets of responses that carry a comment (one row per such response, same id),
# kept in step with responses by storage.comments_index like the full-text index. The
# comments panel filters, sorts and counts here, on covering indexes, and reads
# ``responses`` only for the page of comments it shows.
COMMENT_ROW_TABLES: dict[str, str] = {
    "comment_rows": """
        CREATE TABLE comment_rows (
            id INTEGER PRIMARY KEY,
            touchpoint_id INTEGER NOT NULL,
            score INTEGER,
            sentiment REAL,
            date TEXT,
            segment TEXT NOT NULL DEFAULT ''
        )""",
}
COMMENT_ROW_INDEXES: dict[str, str] = {
    "idx_comment_rows_date": (
        "CREATE INDEX idx_comment_rows_date ON comment_rows(date, touchpoint_id, score, segment, sentiment)"
    ),
    "idx_comment_rows_touchpoint": "CREATE INDEX idx_comment_rows_touchpoint ON comment_rows(touchpoint_id, date)",
}
TABLES.update(COMMENT_ROW_TABLES)
INDEXES.update(COMMENT_ROW_INDEXES)
# Event logs and their flows (issue 22), in their own module.
TABLES.update(events_schema.EVENT_TABLES)
# Format 9 (issue 21): aggregate counts of the responses, what reports read (storage.response_counts).
TABLES.update(response_counts.TABLES)
INDEXES.update(response_counts.INDEXES)
INDEXES.update(events_schema.EVENT_INDEXES)
TABLES.update(events_schema.COLUMN_TABLES)
INDEXES.update(events_schema.COLUMN_INDEXES)

# ``responses`` as format 3 made it (format 8 appends ``overall_score``).
RESPONSES_3 = TABLES["responses"].replace(",\n            " + OVERALL_SCORE, "")
assert RESPONSES_3 != TABLES["responses"]

# Migrations from version N-1 to N, applied in order by ``migrate``.
MIGRATIONS: dict[int, tuple[Any, ...]] = {
    2: (*ATTACHMENT_TABLES.values(), *ATTACHMENT_INDEXES.values()),
    # Version 3, survey exports (issue 19): a response may carry only a sentiment (a 1-5
    # or 1-7 satisfaction answer has no 0-10 score); batches remember the file's content
    # hash; the map's overall NPS; import profiles.
    3: (
        *_rebuild("responses", ("idx_responses_touchpoint", "idx_responses_batch"), RESPONSES_3),
        "ALTER TABLE import_batches ADD COLUMN content_hash TEXT NOT NULL DEFAULT ''",
        TABLES["overall_responses"],
        TABLES["import_profiles"],
        INDEXES["idx_overall_map"],
        INDEXES["idx_overall_batch"],
        INDEXES["idx_profiles_name"],
        INDEXES["idx_profiles_signature"],
    ),
    # 4: the comments panel (issue 17): full-text index of comments (and a partial index, see 5).
    4: (
        "CREATE INDEX idx_responses_comments ON responses(date, touchpoint_id, score, segment, sentiment) "
        "WHERE comment != ''",
        comments_index.DDL,
        "INSERT INTO comments_fts(rowid, comment) SELECT id, comment FROM responses WHERE comment != ''",
    ),
    # 5: quotes; the comments' facets table replaces format 4's partial index (which could not
    # cover its queries: every row it found was read again from responses for ``comment != ''``).
    5: (
        *QUOTE_TABLES.values(), *QUOTE_INDEXES.values(),
        "DROP INDEX IF EXISTS idx_responses_comments",
        *COMMENT_ROW_TABLES.values(), *COMMENT_ROW_INDEXES.values(),
        "INSERT INTO comment_rows (id, touchpoint_id, score, sentiment, date, segment) "
        "SELECT id, touchpoint_id, score, sentiment, date, segment FROM responses WHERE comment != ''",
    ),
    # 6: event logs from CRM and web analytics, and the flows aggregated from them (issue 22).
    6: events_schema.MIGRATION,
    # Format 7 (issue 14): lane blueprint lines, personas as objects, connections,
    # future-state maps and the new touchpoint fields.  The two persona text
    # fields of each map become that map's persona (the columns stay, unused).
    7: (
        "ALTER TABLE maps ADD COLUMN source_map_id INTEGER REFERENCES maps(id) ON DELETE SET NULL",
        "ALTER TABLE lanes ADD COLUMN line_below TEXT NOT NULL DEFAULT ''\n"
        "                CHECK (line_below IN ('', 'interaction', 'visibility', 'internal'))",
        "ALTER TABLE touchpoints ADD COLUMN controllable INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE touchpoints ADD COLUMN expectation TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE touchpoints ADD COLUMN evidence TEXT NOT NULL DEFAULT ''\n"
        "                CHECK (evidence IN ('', 'survey', 'interview', 'observation', 'crm', 'support', "
        "'competitor', 'staff'))",
        "ALTER TABLE touchpoints ADD COLUMN waiting_minutes REAL "
        "CHECK (waiting_minutes IS NULL OR waiting_minutes >= 0)",
        "ALTER TABLE touchpoints ADD COLUMN origin_id INTEGER",
        TABLES["personas"],
        TABLES["map_personas"],
        TABLES["connections"],
        INDEXES["idx_map_personas_map"],
        INDEXES["idx_map_personas_persona"],
        INDEXES["idx_connections_map"],
        INDEXES["idx_connections_source"],
        INDEXES["idx_connections_target"],
        "INSERT INTO personas (id, name, bio, position) SELECT id, "
        "CASE WHEN trim(persona_name) = '' THEN title ELSE persona_name END, persona_description, position "
        "FROM maps WHERE trim(persona_name) != '' OR trim(persona_description) != ''",
        "INSERT INTO map_personas (map_id, persona_id, position) SELECT id, id, 0 FROM personas",
        "UPDATE maps SET persona_name = '', persona_description = '' WHERE id IN (SELECT id FROM personas)",
    ),
    # Format 8 (issue 17): each touchpoint answer of a wide survey carries its respondent's overall score.
    8: (f"ALTER TABLE responses ADD COLUMN {OVERALL_SCORE}",),
    # Format 9 (issue 21): the responses' aggregate counts (storage.response_counts), counted once.
    9: (*response_counts.TABLES.values(), *response_counts.INDEXES.values(), response_counts.POPULATE_MONTHS,
        response_counts.POPULATE_COUNTS),
    # Format 10 (issue 22): event logs keep their events as integer arrays (storage.event_columns);
    # logs imported before have none and are counted from their rows, as before.
    10: events_schema.COLUMNS_MIGRATION,
    # Format 11 (issue 18): uuids and revisions of the edited objects, the replica, their triggers.
    11: identity_schema.MIGRATION,
    # Format 12 (issue 18): the deletions a merge's user declined, not proposed again for that copy.
    12: merge_declined.MIGRATION,
}

# Format 11: the identity columns go last in the CREATE texts, now that the migrations above
# hold their own formats' texts; an upgraded table (ALTER TABLE ... ADD COLUMN) has the same order.
for _table in identity_schema.EDITED_TABLES:
    TABLES[_table] = identity_schema.add_columns(TABLES[_table])
del _table
TABLES.update(identity_schema.TABLES)
INDEXES.update(identity_schema.INDEXES)
TABLES.update(merge_declined.TABLES)
INDEXES.update(merge_declined.INDEXES)
TRIGGERS: dict[str, str] = dict(identity_schema.TRIGGERS)


def create(conn: sqlite3.Connection) -> None:
    """Create the schema in an empty database (inside the caller's transaction)."""
    for ddl in TABLES.values():
        conn.execute(ddl)
    for ddl in INDEXES.values():
        conn.execute(ddl)
    conn.execute(comments_index.DDL)
    conn.execute(identity_schema.CREATE_REPLICA)
    for ddl in TRIGGERS.values():
        conn.execute(ddl)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    for version in range(from_version + 1, SCHEMA_VERSION + 1):
        for statement in MIGRATIONS.get(version, ()):
            if callable(statement):
                statement(conn)  # a step SQL cannot do (identity_schema.fill_legacy_uuids)
            else:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version}")


# Tables SQLite itself may add to a healthy document (``ANALYZE`` / ``PRAGMA optimize``).
_SQLITE_OWN_TABLES = frozenset({"sqlite_stat1", "sqlite_stat4"})


def unexpected_objects(conn: sqlite3.Connection) -> list[str]:
    """Schema objects that we did not create (triggers, views, foreign tables...).

    A document with planted triggers or views could run SQL on our writes, so
    anything unknown makes the document untrusted.  Names are compared exactly:
    a ``LIKE 'sqlite_%'`` filter would also hide a trigger called ``sqlite1``.
    """
    expected = {("table", name) for name in TABLES} | {("index", name) for name in INDEXES}
    expected |= {("table", name) for name in _SQLITE_OWN_TABLES}
    expected |= {("table", name) for name in comments_index.NAMES}
    found = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    return sorted(
        f"{kind} {name}"
        for kind, name, sql in found
        if (kind, name) not in expected and not _our_trigger(kind, name, sql)
    )


def _our_trigger(kind: str, name: str, sql: str | None) -> bool:
    """A trigger of ours, word for word (whitespace aside): one that does anything else is foreign."""
    return kind == "trigger" and name in TRIGGERS and sql is not None and _squash(sql) == _squash(TRIGGERS[name])


def missing_tables(conn: sqlite3.Connection) -> list[str]:
    found = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return sorted(set(TABLES) - found)


def missing_objects(conn: sqlite3.Connection) -> list[str]:
    """Our tables and indexes that the document lacks."""
    found = set(conn.execute("SELECT type, name FROM sqlite_master").fetchall())
    wanted = [("table", n) for n in (*TABLES, *comments_index.NAMES)] + [("index", n) for n in INDEXES]
    wanted += [("trigger", n) for n in TRIGGERS]
    return [f"{kind} {name}" for kind, name in wanted if (kind, name) not in found]


# --------------------------------------------------------------------- shape
def _squash(sql: str) -> str:
    """Whitespace-insensitive form of a piece of SQL (outside string literals)."""
    out: list[str] = []
    quote = ""
    for ch in sql:
        if quote:
            out.append(ch)
            if ch == quote:
                quote = ""
        elif ch in "'\"`[":
            quote = "]" if ch == "[" else ch
            out.append(ch)
        elif ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(ch.lower())
    text = "".join(out).strip()
    return re.sub(r" ?([(),]) ?", r"\1", text)


def _check_clauses(sql: str) -> list[str]:
    """The ``CHECK (...)`` clauses of a CREATE TABLE statement, normalised."""
    text = _squash(sql)
    clauses = []
    for match in re.finditer(r"\bcheck ?\(", text):
        depth, i, quote = 0, match.end() - 1, ""
        while i < len(text):
            ch = text[i]
            if quote:
                if ch == quote:
                    quote = ""
            elif ch in "'\"":
                quote = ch
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        clauses.append(text[match.end() - 1 : i + 1])
    return sorted(clauses)


def shape(conn: sqlite3.Connection) -> dict[str, Any]:
    """A structural description of our tables and indexes in *conn*.

    Two documents with the same shape have the same columns (name, type,
    nullability, default, key), foreign keys, CHECK constraints and indexes.
    It is built from pragmas rather than the CREATE text, so a table grown by
    ``ALTER TABLE ... ADD COLUMN`` in a migration compares equal to the same
    table created fresh.
    """
    result: dict[str, Any] = {}
    sql_of = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'index')"))
    for table in TABLES:
        if table not in sql_of:
            continue
        quoted = '"' + table + '"'
        columns = [tuple(r[1:]) for r in conn.execute(f"PRAGMA table_xinfo({quoted})")]
        foreign = sorted(tuple(r[2:]) for r in conn.execute(f"PRAGMA foreign_key_list({quoted})"))
        indexes = []
        for _seq, name, unique, origin, partial in conn.execute(f"PRAGMA index_list({quoted})"):
            cols = [tuple(r) for r in conn.execute(f'PRAGMA index_xinfo("{name}")')]
            index_sql = _squash(sql_of[name]) if sql_of.get(name) else None
            indexes.append((name, unique, origin, partial, tuple(cols), index_sql))
        flags = conn.execute(
            "SELECT type, wr, strict FROM pragma_table_list WHERE schema = 'main' AND name = ?", [table]
        ).fetchone()
        result[table] = {
            "columns": columns,
            "foreign_keys": foreign,
            "checks": _check_clauses(sql_of[table] or ""),
            "indexes": sorted(indexes),
            "flags": tuple(flags) if flags else None,
        }
    return result


@lru_cache(maxsize=4)
def _expected_shape_cached(key: tuple[Any, ...]) -> dict[str, Any]:
    del key  # only the cache key: tests may monkeypatch the schema
    conn = sqlite3.connect(":memory:")
    try:
        create(conn)
        return shape(conn)
    finally:
        conn.close()


def expected_shape() -> dict[str, Any]:
    """The shape of a freshly created document of the current version."""
    return _expected_shape_cached((SCHEMA_VERSION, tuple(TABLES.items()), tuple(INDEXES.items())))


def created_as_ours(conn: sqlite3.Connection) -> bool:
    """Every table and index of ours has exactly the CREATE text we write.

    Then the shapes are equal without comparing them (the common case, and a
    few milliseconds off every start-up); any difference, a migration's
    ``ALTER TABLE`` included, goes through the full comparison.
    """
    stored = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'index')"))
    if stored.get(comments_index.TABLE) != comments_index.DDL:
        return False
    return all(stored.get(name) == ddl.strip() for name, ddl in (*TABLES.items(), *INDEXES.items()))


def altered_tables(conn: sqlite3.Connection) -> list[str]:
    """Our tables whose columns, keys, checks or indexes differ from the expected shape."""
    if created_as_ours(conn):
        return []
    expected, found = expected_shape(), shape(conn)
    altered = [t for t in TABLES if t in found and found[t] != expected.get(t)]
    # The full-text index: its tokenizer and content table are in its CREATE text.
    fts_sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [comments_index.TABLE]).fetchone()
    if fts_sql is not None and fts_sql[0] != comments_index.DDL:
        altered.append(comments_index.TABLE)
    return sorted(altered)
