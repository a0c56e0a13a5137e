"""An event log's columns kept as integer arrays with its batch, so flows over several logs need no scan.

A map with two or more logs (CRM and web events of the same customers) has its flows counted
over all of them on reading: a journey crosses logs, so per-log results cannot be added up.
Reading a million events back from ``events`` cost ~0.9 s in SQLite alone (every row's
customer, time and outcome as text, then coded again in Python); the import already holds
them coded (``flows_count.EventColumns``), so it keeps those arrays here, ~16 bytes an event:
customer codes and outcome codes into per-batch name lists, card ids, seconds from a base.

The arrays are a cache of ``events``: a row is used only if its shape checks out and the batch's
events still span the ids they were written with (two seeks in the batch index: a count would
read it all, and the flows kept per batch trust the rows no more than this);
anything else (a log imported before this format, a document another program edited or forged)
is counted from ``events`` as before, never trusted blindly.
"""

from __future__ import annotations

import json
import sqlite3

import numpy as np

from journeymap.storage.flows_count import CodedColumns, EventColumns

TABLE = "event_columns"  # its DDL: events_schema.COLUMN_TABLES (format 10)

_LITTLE = {4: np.dtype("<i4"), 8: np.dtype("<i8")}


def _events_of(conn: sqlite3.Connection, batch_id: int) -> tuple[int | None, int | None]:
    """(first id, last id) of a batch's events: two seeks in ``idx_events_batch`` (a count would read it all)."""
    lo = conn.execute("SELECT min(id) FROM events WHERE batch_id = ?", [batch_id]).fetchone()[0]
    hi = conn.execute("SELECT max(id) FROM events WHERE batch_id = ?", [batch_id]).fetchone()[0]
    return lo, hi


def store(conn: sqlite3.Connection, batch_id: int, columns: EventColumns) -> None:
    """Keep *columns* (all of one batch's events, just written) with the batch."""
    coded = columns.coded()
    first, last = _events_of(conn, batch_id)
    if coded is None or first is None or last is None:
        return
    rows = last - first + 1  # one transaction wrote them: consecutive ids
    conn.execute(f"DELETE FROM {TABLE} WHERE batch_id = ?", [batch_id])
    conn.execute(
        f"INSERT INTO {TABLE} (batch_id, rows, first_event, last_event, first_time, last_time, base, customers, "
        "outcomes, customer_codes, touchpoint_ids, seconds, outcome_codes) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [batch_id, rows, first, last, coded.first_time, coded.last_time, coded.base,
         # JSON lists as UTF-8 blobs: 100,000 customer ids are more than a text column may hold
         *(json.dumps(names, ensure_ascii=False).encode() for names in (coded.customers, coded.outcomes)),
         *(_blob(a) for a in (coded.customer_codes, coded.touchpoint_ids, coded.seconds, coded.outcome_codes))],
    )


def _blob(values: np.ndarray) -> bytes:
    wide = values.dtype.itemsize > 4 and not (
        len(values) and -(2**31) <= int(values.min()) and int(values.max()) < 2**31)
    return values.astype(_LITTLE[8] if wide else _LITTLE[4]).tobytes()


def load(conn: sqlite3.Connection, batch_id: int) -> CodedColumns | None:
    """The batch's kept columns, or None when there are none or they do not match its events."""
    row = conn.execute(
        # as blobs: a forged row's text need not even be UTF-8
        "SELECT rows, first_event, last_event, CAST(first_time AS BLOB), CAST(last_time AS BLOB), base, "
        "CAST(customers AS BLOB), CAST(outcomes AS BLOB), CAST(customer_codes AS BLOB), "
        f"CAST(touchpoint_ids AS BLOB), CAST(seconds AS BLOB), CAST(outcome_codes AS BLOB) FROM {TABLE} "
        "WHERE batch_id = ?",
        [batch_id]).fetchone()
    if row is None:
        return None
    try:
        coded = _decode(row)
    except (TypeError, ValueError, KeyError, OverflowError):  # a forged row: count from the events instead
        return None
    if coded is None or _events_of(conn, batch_id) != (row[1], row[2]) or row[0] != row[2] - row[1] + 1:
        return None
    return coded


def _decode(row: tuple) -> CodedColumns | None:
    _rows, _first, _last, first, last, base, customers, outcomes, *blobs = row
    if not all(isinstance(b, bytes) for b in (customers, outcomes, *blobs)) or not isinstance(base, int):
        return None
    first_time, last_time = (t.decode() if isinstance(t, bytes) else None for t in (first, last))
    names, outs = json.loads(customers.decode()), json.loads(outcomes.decode())
    if not (isinstance(names, list) and isinstance(outs, list) and all(isinstance(x, str) for x in names + outs)):
        return None
    n = len(blobs[0]) // 4
    arrays = []
    for blob in blobs:
        size = len(blob) // n if n else 4
        if size not in _LITTLE or size * n != len(blob):
            return None
        arrays.append(np.frombuffer(blob, dtype=_LITTLE[size]))
    codes, cards, seconds, outcome_codes = arrays
    if codes.dtype.itemsize != 4 or outcome_codes.dtype.itemsize != 4:
        return None
    for values, bound in ((codes, len(names)), (outcome_codes, len(outs))):
        if len(values) and (int(values.min()) < 0 or int(values.max()) >= bound):
            return None
    return CodedColumns(names, outs, codes, cards, seconds, outcome_codes, base, first_time, last_time)
