"""Full-text index of survey comments (SQLite FTS5), kept in step with ``responses``.

``comments_fts`` is an *external-content* FTS5 table: it stores only the
index, and reads the text from ``responses.comment`` by rowid (the response
id), so comments are not stored twice. The ``unicode61 remove_diacritics 2``
tokenizer folds case and accents, so "atencion" finds "atención" and "COLA"
finds "cola".

External content means SQLite does not follow ``responses`` by itself (and a
document never carries triggers: see ``schema.unexpected_objects``), so every
write that adds or removes responses calls :func:`index` or :func:`forget`
here, in the same transaction: imports, batch removals and their undo, and
the deletion (and undo) of maps, stages, lanes and touchpoints, whose
responses go by ``ON DELETE CASCADE``. :func:`forget` must run *before* the
rows go: FTS5 removes an entry by re-reading its text.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence

TABLE = "comments_fts"
DDL = (
    "CREATE VIRTUAL TABLE comments_fts USING fts5(comment, content='responses', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')"
)
# What FTS5 creates beside the virtual table (no ``_content``: the text lives in responses).
SHADOW_TABLES = ("comments_fts_data", "comments_fts_idx", "comments_fts_docsize", "comments_fts_config")
NAMES = (TABLE, *SHADOW_TABLES)
# The ones that grow with the comments (checked after opening a big file, like responses).
BIG_TABLES = ("comments_fts_data", "comments_fts_docsize")

_CHUNK = 500


def index(conn: sqlite3.Connection, where: str, params: Sequence[object] = ()) -> None:
    """Add the non-empty comments of the responses matching *where* (an SQL condition on ``responses``)."""
    conn.execute(
        f"INSERT INTO {TABLE}(rowid, comment) SELECT id, comment FROM responses "
        f"WHERE comment != '' AND ({where})",
        list(params),
    )
    conn.execute(
        "INSERT OR REPLACE INTO comment_rows (id, touchpoint_id, score, sentiment, date, segment) "
        f"SELECT id, touchpoint_id, score, sentiment, date, segment FROM responses WHERE comment != '' AND ({where})",
        list(params),
    )


def forget(conn: sqlite3.Connection, where: str, params: Sequence[object] = ()) -> None:
    """Remove the comments of the responses matching *where* from the index (before deleting them)."""
    conn.execute(
        f"INSERT INTO {TABLE}({TABLE}, rowid, comment) SELECT 'delete', id, comment FROM responses "
        f"WHERE comment != '' AND ({where})",
        list(params),
    )
    conn.execute(f"DELETE FROM comment_rows WHERE id IN (SELECT id FROM responses WHERE comment != '' AND ({where}))",
                 list(params))


def index_ids(conn: sqlite3.Connection, ids: Iterable[int]) -> None:
    for chunk in _chunks(list(ids)):
        index(conn, f"id IN ({','.join('?' * len(chunk))})", chunk)


def forget_ids(conn: sqlite3.Connection, ids: Iterable[int]) -> None:
    for chunk in _chunks(list(ids)):
        forget(conn, f"id IN ({','.join('?' * len(chunk))})", chunk)


def rebuild(conn: sqlite3.Connection) -> None:
    """Index every comment afresh (a migration, or repair)."""
    conn.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('delete-all')")
    conn.execute("DELETE FROM comment_rows")
    index(conn, "1")


def _chunks(items: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


_WORD = re.compile(r"\w+", re.UNICODE)


def match_query(text: str) -> str | None:
    """An FTS5 query for what a user typed: every word must appear, each as a prefix.

    Words are quoted, so FTS5 operators and punctuation in the text (``AND``,
    ``"``, ``*``, ``-``) are searched for as words, never parsed; None when the
    text has no word at all.
    """
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)
