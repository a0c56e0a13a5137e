"""SQL the importer and its undo commands need beyond :class:`Document`'s API.

* ``bulk_cache``: a larger page cache while millions of responses go in (the
  response indexes are updated in random order; a 2 MB cache thrashes).
* ``stash_batch`` / ``unstash_batch``: undo and redo of a whole import batch
  without holding its rows in Python memory. The batch's responses are moved
  to a TEMP table of this connection (never part of the document file; gone
  when it closes) and moved back, with their ids, on redo.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict

from journeymap.domain.model import ImportBatch
from journeymap.storage.document import Document, DocumentError

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


def batch(doc: Document, batch_id: int) -> ImportBatch:
    rows = doc.execute(
        "SELECT map_id, source, imported_at, rows, rejected, id FROM import_batches WHERE id = ?", [batch_id]
    ).fetchall()
    if not rows:
        raise DocumentError(f"{doc.path}: there is no import batch {batch_id}.")
    return ImportBatch(*rows[0])


def batch_response_count(doc: Document, batch_id: int) -> int:
    return doc.execute("SELECT COUNT(*) FROM responses WHERE batch_id = ?", [batch_id]).fetchone()[0]


class Stash:
    """An import batch taken out of the document: its row and a TEMP table of its responses."""

    def __init__(self, batch: ImportBatch, table: str, responses: int):
        self.batch = batch
        self.table = table
        self.responses = responses


def stash_batch(doc: Document, batch_id: int) -> Stash:
    """Move a batch's responses to a TEMP table and delete the batch (in one transaction)."""
    with doc.transaction():
        saved = batch(doc, batch_id)
        table = f"jm_stash_{batch_id}_{next(_counter)}"
        doc.execute(f"CREATE TEMP TABLE {table} AS SELECT * FROM main.responses WHERE batch_id = ?", [batch_id])
        n = doc.execute(f"SELECT COUNT(*) FROM temp.{table}").fetchone()[0]
        doc.delete_batch(batch_id)  # cascades to its responses
    return Stash(saved, table, n)


def unstash_batch(doc: Document, stash: Stash) -> None:
    """Put a stashed batch back with the same ids, then drop the TEMP table."""
    row = asdict(stash.batch)
    cols = list(row)
    with doc.transaction():
        doc.execute(
            f"INSERT INTO import_batches ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [row[c] for c in cols],
        )
        doc.execute(f"INSERT INTO main.responses SELECT * FROM temp.{stash.table}")
        doc.execute(f"DROP TABLE temp.{stash.table}")


def drop_stash(doc: Document, stash: Stash) -> None:
    """Forget a stash for good (e.g. when its undo command is discarded)."""
    if doc._conn is not None:  # noqa: SLF001
        doc.execute(f"DROP TABLE IF EXISTS temp.{stash.table}")
