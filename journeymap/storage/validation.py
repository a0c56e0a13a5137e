"""What ``PRAGMA quick_check`` does not see: rows that break the schema's own rules.

SQLite enforces CHECK, NOT NULL and column types only when a row is written,
so a document written by another program can hold a card whose sensation is
``'evil'``, a BLOB where a title belongs or an infinite score, and still pass
every page check; then every command on that card fails and reports count it
wrong. This module checks those rules against the rows, generically from the
stored schema (so a migration that adds a table or a CHECK needs nothing here),
plus two things the schema comparison cannot: collations that are not ours and
indexes whose contents disagree with their tables.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

from journeymap.domain.model import MAX_TEXT_CHARS
from journeymap.storage import schema


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def row_problem(conn: sqlite3.Connection, table: str) -> str | None:
    """The first row of *table* that breaks a CHECK, NOT NULL or type rule, described; or None."""
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone()
    if sql is None:
        return None
    rules: list[tuple[str, str]] = []
    # What finds a bad row: the rules' disjunction, with each column's rules folded into one or two tests
    # (a NULL is a type, an infinity a real): a quarter less work per row; the CASE still says which rule.
    tests: list[str] = []
    for _cid, name, declared, notnull, _default, pk in conn.execute(f"PRAGMA table_info({_quote(table)})"):
        col, kind = _quote(name), (declared or "").upper()
        required = bool(notnull and not pk)
        if required:
            rules.append((f"{col} IS NULL", f"{name} is empty"))
        if "INT" in kind:
            types = ("integer",)
        elif "REAL" in kind or "FLOA" in kind or "DOUB" in kind:
            types = ("integer", "real")
        elif "TEXT" in kind or "CHAR" in kind or "CLOB" in kind:
            types = ("text",)
        else:
            tests += [f"{col} IS NULL"] if required else []
            continue
        allowed = "(" + ", ".join(f"'{t}'" for t in (*types, "null")) + ")"
        ok = "(" + ", ".join(f"'{t}'" for t in (types if required else (*types, "null"))) + ")"
        rules.append((f"typeof({col}) NOT IN {allowed}", f"{name} is not {kind.lower()}"))
        tests.append(f"typeof({col}) NOT IN {ok}")
        if allowed != "('text', 'null')":
            rules.append((f"{col} IN (9e999, -9e999)", f"{name} is infinite"))
            if "real" in types:  # an infinite value in an integer column is a real: already found
                tests.append(f"{col} IN (9e999, -9e999)")
        else:
            # A 100 MB title takes minutes and gigabytes to draw and export.
            rules.append((f"length({col}) > {MAX_TEXT_CHARS}", f"{name} is longer than {MAX_TEXT_CHARS} characters"))
            tests.append(f"length({col}) > {MAX_TEXT_CHARS}")
    # After the type rules, so a row is described by its most basic fault.
    for clause in schema._check_clauses(sql[0] or ""):
        rules.append((f"NOT {clause}", f"CHECK {clause}"))
        tests.append(f"NOT {clause}")
    if not rules:
        return None
    cases = " ".join(f"WHEN {cond} THEN ?" for cond, _ in rules)
    where = " OR ".join(f"({cond})" for cond in tests)
    query = f"SELECT rowid, CASE {cases} END FROM {_quote(table)} WHERE {where} LIMIT 1"
    found = conn.execute(query, [why for _, why in rules]).fetchone()
    if found is None:
        return None
    return f"row {found[0]} of {table}: {found[1]}"


def rows_problem(conn: sqlite3.Connection, tables: Iterable[str]) -> str | None:
    for table in tables:
        problem = row_problem(conn, table)
        if problem:
            return problem
    return None


_COLLATE = re.compile(r"\bcollate ?(\"[^\"]*\"|'[^']*'|`[^`]*`|\[[^\]]*\]|\w+)")


def _collations(sql: str) -> list[str]:
    return sorted(m.group(1).strip("\"'`[]").lower() for m in _COLLATE.finditer(schema._squash(sql)))


def collation_problem(conn: sqlite3.Connection) -> str | None:
    """A table of ours whose columns name collations our schema does not (the shape pragmas omit them)."""
    stored = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
    for table, ddl in schema.TABLES.items():
        if table in stored and _collations(stored[table] or "") != _collations(ddl):
            extra = sorted(set(_collations(stored[table] or "")) - set(_collations(ddl)))
            return f"table {table} uses collations JourneyMap does not ({', '.join(extra) or 'changed'})"
    return None
