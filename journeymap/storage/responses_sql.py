"""SQL the importer and its undo commands need beyond :class:`Document`'s API.

* ``bulk_cache``: a larger page cache while millions of responses go in (the
  response indexes are updated in random order; a 2 MB cache thrashes).
* ``ResponseWriter``: the importer's bulk insert, on a background thread so
  that SQLite writes while Python parses the next rows, with multi-row
  ``INSERT ... VALUES`` statements and, for an import as large as the table
  already is, the touchpoint index rebuilt once at the end instead of updated
  row by row.
* ``stash_batch`` / ``unstash_batch``: undo and redo of a whole import batch
  without holding its rows in Python memory. The batch's responses are moved
  to a TEMP table of this connection (never part of the document file; gone
  when it closes) and moved back, with their ids, on redo.
"""

from __future__ import annotations

import itertools
import os
import queue
import sqlite3
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

from journeymap.domain.messages import QT_TRANSLATE_NOOP, message
from journeymap.domain.model import ImportBatch
from journeymap.storage import comments_index, identity, response_counts
from journeymap.storage.batch_counts import BatchCounter
from journeymap.storage.document import Document, DocumentError
from journeymap.storage.events_schema import BATCH_TABLES
from journeymap.storage.schema import COMMENT_ROW_INDEXES, INDEXES

NO_IMPORT_BATCH = message("document.no_import_batch", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: there is no import batch %2."))

BULK_CACHE_KIB = 65536
_counter = itertools.count(1)


@contextmanager
def bulk_cache(doc: Document, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """Raise SQLite's page cache to *kib* KiB for the block, then put it back."""
    old = doc.execute("PRAGMA cache_size").fetchone()[0]
    doc.execute(f"PRAGMA cache_size = {-abs(int(kib))}")
    try:
        yield
    finally:
        if doc._conn is not None:  # noqa: SLF001 - closed documents need no reset
            doc.execute(f"PRAGMA cache_size = {int(old)}")


@contextmanager
def trusted_inserts(doc: Document) -> Iterator[None]:
    """Skip foreign-key checks for a bulk insert whose keys the caller has validated.

    The importer only writes touchpoint ids it matched in this map and the
    batch id it just created, so SQLite's per-row parent lookups are wasted
    work (a third of the insert time). The pragma only takes effect outside a
    transaction; inside a caller's transaction the checks simply stay on.
    """
    if doc.in_transaction:
        yield
        return
    doc.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        if doc._conn is not None:  # noqa: SLF001
            doc.execute("PRAGMA foreign_keys = ON")


RESPONSE_COLUMNS = ("touchpoint_id", "score", "sentiment", "date", "segment", "comment", "overall_score")
ROWS_PER_STATEMENT = 500  # rows of one multi-row INSERT that SQLite sorts by touchpoint (bounded by its variable limit)
REBUILT_INDEXES = ("idx_responses_touchpoint",)
REBUILD_MIN_ROWS = 20_000  # below this, updating the index row by row is cheap enough
QUEUE_CHUNKS = 4  # chunks parsed ahead of the writer (bounds memory)
SORT_THREADS = 2  # SQLite's sorter helper threads for an index rebuild
SORT_CACHE_KIB = 16384  # page cache during that rebuild (see _parallel_sort)
SWITCH_INTERVAL = 0.0005  # s; the writer gets the GIL back quickly after each statement


class ResponseWriter:
    """Insert validated responses of one import batch from a background thread.

    Use as a context manager inside the import's transaction: ``put()`` hands
    over a chunk as a flat list (row after row of the ``columns`` given,
    ``touchpoint_id`` first) and returns at once unless the writer is
    ``QUEUE_CHUNKS`` chunks behind; ``finish()`` waits for the writer,
    re-raises its error if it had one, and recreates the touchpoint index if it
    was dropped. Leaving the block by an exception stops the writer before the
    caller rolls back (the dropped index comes back with the rollback: DDL is
    transactional in SQLite).

    The document's connection is only used by the writer thread between
    ``__enter__`` and ``finish()``; the caller must not touch it meanwhile.

    *rebuild* allows dropping ``idx_responses_touchpoint`` for the import and
    creating it again at the end (one sort instead of a b-tree insert per row:
    about 3x cheaper); it is done only when *expected_rows* is at least as
    many as the table already holds, and only when the caller owns the
    transaction (so a failure always rolls the drop back).
    """

    def __init__(self, doc: Document, batch_id: int, columns: Sequence[str], *, expected_rows: int = 0,
                 rebuild: bool = True):
        assert columns[0] == "touchpoint_id" and set(columns) <= set(RESPONSE_COLUMNS)
        self.doc = doc
        self.conn: sqlite3.Connection = doc._conn  # noqa: SLF001
        self.width = len(columns)
        limit = self.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        # Columns left out take their defaults; the batch id is the same for every row.
        head = f"INSERT INTO responses ({', '.join(columns)}, batch_id) "
        self.sql_one = head + "VALUES (" + "?, " * self.width + str(int(batch_id)) + ")"
        self.per_statement = max(1, min(ROWS_PER_STATEMENT, limit // (self.width + 1)))
        # Without the touchpoint index (dropped for a big import, below) the rows go in as they come.
        # (Not more rows a statement: sqlite3 caches each statement's program, and 4,000-row ones
        # kept ~110 MB alive during a wide import for no speed.)
        self.sql_plain = head + "VALUES " + ", ".join(
            ["(" + "?, " * self.width + str(int(batch_id)) + ")"] * self.per_statement)
        # Many rows a statement, each with its index in the statement last, put
        # in touchpoint order by SQLite (stable: the index breaks ties). Runs of
        # ordered keys make the index's sort ~40% faster (or its updates local).
        row = "(" + ", ".join(["?"] * (self.width + 1)) + ")"
        picked = ", ".join(f"column{i + 1}" for i in range(self.width))
        self.sql_many = (
            f"{head}SELECT {picked}, {int(batch_id)} FROM (VALUES {', '.join([row] * self.per_statement)}) "
            f"ORDER BY column1, column{self.width + 1}"
        )
        self.batch_id = int(batch_id)
        self.expected_rows = expected_rows
        self.rebuild = rebuild
        self.dropped = False
        self.first_id = 0  # the batch's rows are the ids above this one (ids only grow in a transaction)
        self._finished = False
        # Whether a row has a comment: without one, the batch's rows are not scanned for the comments' index.
        self._comment_at = columns.index("comment") if "comment" in columns else None
        self._commented = False
        self.counter = BatchCounter(columns)  # the batch's aggregate counts, counted as chunks come
        self.count_chunks = True  # False: the caller counts its answers in ``counter`` itself
        self.rows = 0
        self._queue: queue.Queue[tuple[list[Any], int] | None] = queue.Queue(QUEUE_CHUNKS)
        self._error: BaseException | None = None
        self._stop = False
        self._thread: threading.Thread | None = None
        self._switch = sys.getswitchinterval()

    def __enter__(self) -> ResponseWriter:
        # MAX(id) is an upper bound of the rows there (O(log n), unlike COUNT).
        top = self.first_id = self.conn.execute("SELECT MAX(id) FROM responses").fetchone()[0] or 0
        if self.rebuild and self.expected_rows >= REBUILD_MIN_ROWS:
            if top <= self.expected_rows:
                for name in REBUILT_INDEXES:
                    self.conn.execute(f"DROP INDEX {name}")
                self.dropped = True
        sys.setswitchinterval(min(self._switch, SWITCH_INTERVAL))
        self._thread = threading.Thread(target=self._run, name="jm-response-writer", daemon=True)
        self._thread.start()
        return self

    def put(self, flat: list[Any], columns: Sequence[Sequence[Any]] | None = None) -> None:
        """Queue ``len(flat) // width`` rows for insertion; *columns*, when given, are the same rows
        as columns (what the counter reads without slicing *flat* again)."""
        if self._error is not None:
            self._raise()
        if flat:
            # Counted here, on the importer's thread, while the writer inserts the previous chunk.
            if not self.count_chunks:
                pass  # the caller counts (``counter``)
            elif columns is None:
                self.counter.add(flat)
            else:
                self.counter.add_columns(columns)
            at = self._comment_at
            if at is not None and not self._commented:
                self._commented = any(columns[at] if columns is not None else flat[at :: self.width])
            self._queue.put(flat)

    def _run(self) -> None:
        conn, width, k = self.conn, self.width, self.per_statement
        while True:
            flat = self._queue.get()
            if flat is None:
                return
            if self._stop or self._error is not None:
                continue  # drain: the caller is rolling back
            try:
                n = len(flat) // width
                bulk = n - n % k
                if bulk and self.dropped:
                    conn.executemany(self.sql_plain, self._statements(flat, bulk, k, numbered=False))
                elif bulk:
                    conn.executemany(self.sql_many, self._statements(flat, bulk, k))
                if bulk < n:
                    conn.executemany(self.sql_one, self._statements(flat, n, 1, bulk, numbered=False))
                self.rows += n
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
                self._error = exc

    def _statements(self, flat: list[Any], end: int, rows: int, start: int = 0,
                    numbered: bool = True) -> Iterator[list[Any]]:
        """Parameters for *rows* rows at a time of rows ``start:end`` of *flat*, each row
        followed by its index in the statement when *numbered*; stops early when asked to."""
        width = self.width
        if not numbered:
            for i in range(start * width, end * width, rows * width):
                if self._stop:
                    return
                yield flat[i : i + rows * width]
            return
        numbers = range(rows)
        params: list[Any] = [None] * (rows * (width + 1))
        for i in range(start * width, end * width, rows * width):
            if self._stop:
                return
            for j in range(width):
                params[j :: width + 1] = flat[i + j : i + rows * width : width]
            params[width :: width + 1] = numbers
            yield params

    def _join(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None
            sys.setswitchinterval(self._switch)

    def _raise(self) -> None:
        self._stop = True
        error, self._error = self._error, None
        assert error is not None
        raise error

    def finish(self) -> int:
        """Wait until every row is in, recreate the index; the number of rows inserted."""
        self._join()
        if self._error is not None:
            self._raise()
        if self._finished:  # finish() may run twice (the caller's, then __exit__'s)
            return self.rows
        self._finished = True
        # The batch's rows by rowid range (a sequential read; ``+`` keeps SQLite off the batch index).
        batch_rows = ("id > ? AND +batch_id = ?", [self.first_id, self.batch_id])
        if self.dropped:
            with _parallel_sort(self.conn):
                for name in REBUILT_INDEXES:
                    self.conn.execute(INDEXES[name])
                if self._commented:
                    # The comments' covering indexes too: as big an import as the table, so one sort each.
                    for name in COMMENT_ROW_INDEXES:
                        self.conn.execute(f"DROP INDEX {name}")
                    comments_index.index(self.conn, *batch_rows)
                    for ddl in COMMENT_ROW_INDEXES.values():
                        self.conn.execute(ddl)
            self.dropped = False
        elif self._commented:
            comments_index.index(self.conn, *batch_rows)
        self.counter.write(self.conn, *batch_rows)
        return self.rows

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.finish()  # no-op when the caller already did
            return
        self._stop = True
        self._join()


@contextmanager
def _parallel_sort(conn: sqlite3.Connection) -> Iterator[None]:
    """Let SQLite sort an index build on helper threads.

    Its sorter hands runs to worker threads only when they exceed the page
    cache, so the cache is lowered for the build: on 2 cores, a million-row
    index is built ~10% faster (0.55 s -> 0.50 s) and the commit writes
    less at once.
    """
    threads = conn.execute("PRAGMA threads").fetchone()[0]
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA threads = {min(SORT_THREADS, os.cpu_count() or 1)}")
    conn.execute(f"PRAGMA cache_size = {-SORT_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
        conn.execute(f"PRAGMA threads = {int(threads)}")


def batch(doc: Document, batch_id: int) -> ImportBatch:
    rows = doc.execute(
        "SELECT map_id, source, imported_at, rows, rejected, id, content_hash FROM import_batches WHERE id = ?",
        [batch_id],
    ).fetchall()
    if not rows:
        raise DocumentError(NO_IMPORT_BATCH, doc.path, batch_id)
    return ImportBatch(*rows[0])


def batch_response_count(doc: Document, batch_id: int) -> int:
    return doc.execute("SELECT COUNT(*) FROM responses WHERE batch_id = ?", [batch_id]).fetchone()[0]


class Stash:
    """An import batch taken out of the document: its row and a TEMP table of its responses."""

    def __init__(self, batch: ImportBatch, table: str, responses: int, known: identity.Identity | None = None):
        self.batch = batch
        self.table = table
        self.responses = responses
        self.identity = known  # the batch's uuid and revision (format 11): put back with it


def stash_batch(doc: Document, batch_id: int) -> Stash:
    """Move a batch's responses to a TEMP table and delete the batch (in one transaction)."""
    with doc.transaction():
        saved = batch(doc, batch_id)
        known = identity.identity(doc, "import_batches", batch_id)
        table = f"jm_stash_{batch_id}_{next(_counter)}"
        doc.execute(f"CREATE TEMP TABLE {table} AS SELECT * FROM main.responses WHERE batch_id = ?", [batch_id])
        doc.execute(
            f"CREATE TEMP TABLE {table}_overall AS SELECT * FROM main.overall_responses WHERE batch_id = ?",
            [batch_id],
        )
        for other in BATCH_TABLES:  # an event log's events and flows
            doc.execute(f"CREATE TEMP TABLE {table}_{other} AS SELECT * FROM main.{other} WHERE batch_id = ?",
                        [batch_id])
        n = doc.execute(f"SELECT COUNT(*) FROM temp.{table}").fetchone()[0]
        doc.delete_batch(batch_id)  # cascades to its responses
    return Stash(saved, table, n, known)


def unstash_batch(doc: Document, stash: Stash) -> None:
    """Put a stashed batch back with the same ids, then drop the TEMP table."""
    row = asdict(stash.batch)
    if stash.identity is not None:
        row.update(stash.identity.columns())  # a given uuid: the insert trigger leaves the row as it is
    cols = list(row)
    with doc.transaction():
        doc.execute(
            f"INSERT INTO import_batches ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [row[c] for c in cols],
        )
        doc.execute(f"INSERT INTO main.responses SELECT * FROM temp.{stash.table}")
        response_counts.add(doc._conn, "r.batch_id = ?", [stash.batch.id])  # noqa: SLF001
        doc.execute(f"INSERT INTO main.overall_responses SELECT * FROM temp.{stash.table}_overall")
        for other in BATCH_TABLES:
            doc.execute(f"INSERT INTO main.{other} SELECT * FROM temp.{stash.table}_{other}")
            doc.execute(f"DROP TABLE temp.{stash.table}_{other}")
        comments_index.index(doc._conn, "batch_id = ?", [stash.batch.id])  # noqa: SLF001
        doc.execute(f"DROP TABLE temp.{stash.table}")
        doc.execute(f"DROP TABLE temp.{stash.table}_overall")


def drop_stash(doc: Document, stash: Stash) -> None:
    """Forget a stash for good (e.g. when its undo command is discarded)."""
    if doc._conn is not None:  # noqa: SLF001
        doc.execute(f"DROP TABLE IF EXISTS temp.{stash.table}")
        doc.execute(f"DROP TABLE IF EXISTS temp.{stash.table}_overall")
        for other in BATCH_TABLES:
            doc.execute(f"DROP TABLE IF EXISTS temp.{stash.table}_{other}")


def move_stashes(source: Document, target: Document) -> None:
    """Copy the stashed batches (TEMP tables of *source*'s connection) to *target*'s connection.

    Save As continues in a copy of the document; the undo steps of imports and removed
    imports keep working there.
    """
    tables = source.execute(
        "SELECT name, sql FROM temp.sqlite_master WHERE type = 'table' AND name LIKE 'jm_stash_%'"
    ).fetchall()
    for name, sql in tables:
        target.execute("CREATE TEMP TABLE" + sql[len("CREATE TABLE"):])
        cursor = source.execute(f"SELECT * FROM temp.{name}")
        width = len(cursor.description)
        marks = ", ".join("?" * width)
        while rows := cursor.fetchmany(10_000):
            target.executemany(f"INSERT INTO temp.{name} VALUES ({marks})", rows)

