"""Documents of older formats, made from a current one by dropping what later migrations create."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from journeymap.storage import schema

_CREATED = re.compile(r"^\s*CREATE\s+(?:UNIQUE\s+|VIRTUAL\s+)?(TABLE|INDEX|TRIGGER)\s+(\w+)", re.IGNORECASE)
_ADDED = re.compile(r"^\s*ALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+(.*?)\s*;?\s*$", re.IGNORECASE | re.DOTALL)


def _drop_added_columns(path: Path, added: list[tuple[str, str]]) -> None:
    """Undo ``ALTER TABLE t ADD COLUMN def``: take ", def" out of the table's CREATE statement (a new
    document has it in the statement, an upgraded one had it appended), then VACUUM rewrites every
    row without the column (DROP COLUMN refuses columns with a foreign key)."""
    if not added:
        return
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA writable_schema = ON")
        for table, definition in added:
            found_sql = conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
            ).fetchone()
            if found_sql is None:
                continue  # the table itself came later and is gone already
            (sql,) = found_sql
            piece = re.compile(r",\s*" + r"\s+".join(re.escape(token) for token in definition.split()))
            trimmed, found = piece.subn("", sql, count=1)
            assert found, (table, definition)
            conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", [trimmed, table])
        conn.execute("PRAGMA writable_schema = OFF")
    finally:
        conn.close()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("VACUUM")
    finally:
        conn.close()


def downgrade(path: Path, version: int) -> None:
    """Turn a current document at *path* into one of format *version* (objects of later formats dropped)."""
    added: list[tuple[str, str]] = []
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for v in sorted(schema.MIGRATIONS, reverse=True):
            if v <= version:
                continue
            for statement in schema.MIGRATIONS[v]:
                if not isinstance(statement, str):
                    continue  # a Python step (format 11's legacy uuids): nothing to undo
                match = _CREATED.match(statement)
                if match:
                    kind, name = match.group(1).upper(), match.group(2)
                    conn.execute(f"DROP {kind} IF EXISTS {name}")
                elif column := _ADDED.match(statement):
                    added.append((column.group(1), column.group(2)))
        conn.execute(f"PRAGMA user_version = {version}")
    finally:
        conn.close()
    _drop_added_columns(path, added)


FORMAT_1 = Path(__file__).parent / "data" / "format1.sql"


def format_1_document(path: Path) -> Path:
    """A real format-1 file (the frozen schema of tests/data/format1.sql) with two maps, one with a persona."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(FORMAT_1.read_text(encoding="utf-8"))
    conn.executescript(
        """
        INSERT INTO maps (id, title, persona_name, persona_description) VALUES
            (1, 'Store', 'Laura, 34', 'Shops on Saturdays'), (2, 'Web', '', '');
        INSERT INTO stages (id, map_id, name) VALUES (1, 1, 'Visit'), (2, 2, 'Visit');
        INSERT INTO lanes (id, map_id, name, kind) VALUES (1, 1, 'Touchpoints', 'touchpoints'), (2, 2, 'L', 'notes');
        INSERT INTO touchpoints (id, map_id, stage_id, lane_id, title)
            VALUES (1, 1, 1, 1, 'Door'), (2, 1, 1, 1, 'Till');
        """
    )
    conn.close()
    return path
