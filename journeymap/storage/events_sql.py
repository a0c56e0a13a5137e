"""SQL of event logs: bulk insert, the flows counted from them, and reading the flows back.

Each customer's events are read in time order (ties at the same second by card id: an
export's own order says nothing, CRM exports list newest first as often as oldest). A step
to another touchpoint is a transition; consecutive events at the same touchpoint are one
visit, and the time of the move runs from the last of them to the next touchpoint; a
customer's last event is where they left. The flows are computed once at import and stored
with the batch (``event_*`` tables), so reading them costs a few small queries; a map with
several logs is aggregated over all of them on reading (a customer's CRM and web events make
one journey).
"""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Iterable, Sequence
from typing import Any

from journeymap.domain.flows import Flows, JourneyPath, TouchpointFlow, Transition
from journeymap.storage.document import Document

# NumPy (storage.flows_count, storage.event_columns) is imported where the events are counted, not
# here: opening a map reads its stored flows through this module, and NumPy costs 0.1-0.3 s to load.

EVENT_COLUMNS = ("customer", "time", "touchpoint_id", "channel", "outcome")
ROWS_PER_STATEMENT = 400  # rows of one multi-row INSERT (6 variables each, under SQLite's limit)
MAX_PATH_STEPS = 12  # a longer journey is counted by its first steps
KEPT_PATHS = 25  # most common paths stored per batch
FETCH_ROWS = 100_000  # events turned into arrays at a time while counting


QUEUE_BLOCKS = 8  # blocks parsed ahead of the writer thread (bounds memory)


class EventWriter:
    """Multi-row ``INSERT`` of validated events of one batch, from a background thread.

    SQLite releases the GIL while it writes, so the rows go in while Python parses the next
    block (as ``responses_sql.ResponseWriter`` does for survey answers). Use as a context
    manager inside the caller's transaction; ``finish()`` waits for the last rows and re-raises
    the writer's error if it had one; leaving by an exception stops the writer before the caller
    rolls back. The connection is only the writer's between ``__enter__`` and ``finish()``.
    """

    def __init__(self, doc: Document, batch_id: int):
        self.conn = doc._conn  # noqa: SLF001 - the storage layer's own bulk path
        self.batch_id = int(batch_id)
        row = "(" + str(self.batch_id) + ", ?, ?, ?, ?, ?)"
        head = "INSERT INTO events (batch_id, customer, time, touchpoint_id, channel, outcome) VALUES "
        self.sql_many = head + ", ".join([row] * ROWS_PER_STATEMENT)
        self.sql_one = head + row
        self.rows = 0
        from journeymap.storage.flows_count import EventColumns

        self.columns = EventColumns()
        self._queue: queue.Queue[list[Any] | None] = queue.Queue(QUEUE_BLOCKS)
        self._error: BaseException | None = None
        self._stop = False
        self._thread: threading.Thread | None = None

    def __enter__(self) -> EventWriter:
        self._thread = threading.Thread(target=self._run, name="jm-event-writer", daemon=True)
        self._thread.start()
        return self

    def put(self, flat: list[Any]) -> None:
        """Queue ``len(flat) // 5`` events given row after row in ``EVENT_COLUMNS`` order."""
        if self._error is not None:
            self._raise()
        if flat:
            self.rows += len(flat) // len(EVENT_COLUMNS)
            self._queue.put(flat)
            # customer, touchpoint, time, outcome: gathered now, so the flows need no second read
            self.columns.add(flat[0::5], flat[2::5], flat[1::5], flat[4::5])

    def keep_columns(self) -> None:
        """Keep the events' arrays with the batch (after ``finish``), for counts over several logs."""
        from journeymap.storage import event_columns

        event_columns.store(self.conn, self.batch_id, self.columns)

    def flows(self) -> Flows:
        """The flows of the events written (after ``finish``)."""
        return self.columns.count((self.batch_id,), MAX_PATH_STEPS, KEPT_PATHS)

    def _run(self) -> None:
        while True:
            flat = self._queue.get()
            try:
                if flat is None:
                    return
                if self._stop or self._error is not None:
                    continue  # drain: the caller is rolling back
                self._insert(flat)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
                self._error = exc
            finally:
                self._queue.task_done()

    def wait(self) -> None:
        """Until the rows queued so far are in: the caller may then use the connection itself
        (to add a card) before it queues more."""
        self._queue.join()
        if self._error is not None:
            self._raise()

    def _insert(self, flat: list[Any]) -> None:
        width = len(EVENT_COLUMNS)
        n = len(flat) // width
        step = ROWS_PER_STATEMENT * width
        bulk = (n - n % ROWS_PER_STATEMENT) * width
        if bulk:
            self.conn.executemany(self.sql_many, (flat[i : i + step] for i in range(0, bulk, step)))
        if bulk < len(flat):
            self.conn.executemany(self.sql_one, (flat[i : i + width] for i in range(bulk, len(flat), width)))

    def _join(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None

    def _raise(self) -> None:
        self._stop = True
        error, self._error = self._error, None
        assert error is not None
        raise error

    def finish(self) -> int:
        """Wait until every row is in; the number of rows."""
        self._join()
        if self._error is not None:
            self._raise()
        return self.rows

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.finish()
            return
        self._stop = True
        self._join()


def _where(batch_ids: Sequence[int]) -> str:
    return "batch_id IN (" + ", ".join(str(int(b)) for b in batch_ids) + ")"


def compute_flows(doc: Document, batch_ids: Sequence[int]) -> Flows:
    """The flows of the events of *batch_ids* (one or more logs of a map).

    Each log's events come as the integer arrays its import kept (``storage.event_columns``:
    1M events, ~0.1 s); a log without them (imported before format 10, or whose arrays no
    longer match its rows) is read from ``events`` (~0.9 s a million). ``flows_count`` then
    sorts them into journeys and counts with NumPy. Each ``GROUP BY`` in SQL would be one more
    sort of the million rows, as SQLite has no hash aggregation. ``tests/test_events_import.py``
    checks the count against the plain window-function SQL.
    """
    if not batch_ids:
        return Flows(batch_ids=tuple(batch_ids))
    from journeymap.storage import event_columns
    from journeymap.storage.flows_count import EventColumns

    columns = EventColumns()
    unkept = []
    for b in batch_ids:
        coded = event_columns.load(doc._conn, int(b))  # noqa: SLF001
        if coded is None:
            unkept.append(b)
        else:
            columns.add_coded(coded)
    if unkept:
        for chunk in _event_chunks(doc, unkept):
            columns.add(*chunk)
    return columns.count(batch_ids, MAX_PATH_STEPS, KEPT_PATHS)


_SEP = "\x1f"  # the unit separator: no CSV or XLSX cell of an id, a time or an outcome holds it


def _event_chunks(doc: Document, batch_ids: Sequence[int]) -> Iterable[tuple[list[str], Any, list[str], list[str]]]:
    """The events' (customers, card ids, times, outcomes), FETCH_ROWS at a time in rowid order.

    Each column comes as one ``group_concat`` string, split here: a few Python objects per chunk
    instead of four per event (fetching rows cost 1.0 s per million, this 0.5 s). A chunk whose
    text holds the separator itself is fetched again row by row.
    """
    import numpy as np

    conn = doc._conn  # noqa: SLF001
    where = _where(batch_ids).replace("batch_id", "+batch_id")  # a scan in rowid order, not the index
    concat = (
        "SELECT count(*), max(id), group_concat(customer, char(31)), group_concat(touchpoint_id), "
        "group_concat(time, char(31)), group_concat(outcome, char(31)) "
        f"FROM (SELECT * FROM events WHERE {where} AND id > ? ORDER BY id LIMIT {FETCH_ROWS})"
    )
    after = -1
    while True:
        n, last, who, tps, times, outs = conn.execute(concat, [after]).fetchone()
        if not n:
            return
        columns = who.split(_SEP), tps, times.split(_SEP), outs.split(_SEP)
        if len(columns[0]) == len(columns[2]) == len(columns[3]) == n:
            yield columns[0], np.fromstring(tps, dtype=np.int64, sep=","), columns[2], columns[3]
        else:
            rows = conn.execute(
                f"SELECT customer, touchpoint_id, time, outcome FROM events WHERE {where} AND id > ? AND id <= ? "
                "ORDER BY id", [after, last]).fetchall()
            yield tuple(map(list, zip(*rows, strict=True)))  # type: ignore[misc]
        after = last


def store_flows(doc: Document, batch_id: int, flows: Flows) -> None:
    """Keep *flows* (of this batch alone) with the batch, replacing what it had."""
    conn = doc._conn  # noqa: SLF001
    b = int(batch_id)
    for table in ("event_logs", "event_transitions", "event_reach", "event_outcomes", "event_paths"):
        conn.execute(f"DELETE FROM {table} WHERE batch_id = ?", [b])
    conn.execute(
        "INSERT INTO event_logs (batch_id, customers, events, first_time, last_time) VALUES (?, ?, ?, ?, ?)",
        [b, flows.customers, flows.events, flows.first_time, flows.last_time],
    )
    conn.executemany(
        "INSERT INTO event_transitions (batch_id, from_id, to_id, customers, moves, median_hours) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(b, t.from_id, t.to_id, t.customers, t.moves, t.median_hours) for t in flows.transitions],
    )
    conn.executemany(
        "INSERT INTO event_reach (batch_id, touchpoint_id, reach, drop_off, events) VALUES (?, ?, ?, ?, ?)",
        [(b, t.id, t.reach, t.drop_off, t.events) for t in flows.touchpoints.values()],
    )
    conn.executemany(
        "INSERT INTO event_outcomes (batch_id, touchpoint_id, outcome, customers) VALUES (?, ?, ?, ?)",
        [(b, None, o, n) for o, n in flows.outcomes.items()]
        + [(b, t.id, o, n) for t in flows.touchpoints.values() for o, n in t.outcomes.items()],
    )
    conn.executemany(
        "INSERT INTO event_paths (batch_id, path, customers) VALUES (?, ?, ?)",
        [(b, json.dumps(list(p.steps)), p.customers) for p in flows.paths],
    )


def stored_flows(doc: Document, batch_id: int) -> Flows:
    """The flows kept with one batch (as ``store_flows`` wrote them)."""
    b = int(batch_id)
    row = doc.execute(
        "SELECT customers, events, first_time, last_time FROM event_logs WHERE batch_id = ?", [b]
    ).fetchone()
    if row is None:
        return Flows(batch_ids=(b,))
    flows = Flows(row[0], row[1], first_time=row[2], last_time=row[3], batch_ids=(b,))
    flows.transitions = [
        Transition(*r) for r in doc.execute(
            "SELECT from_id, to_id, customers, moves, median_hours FROM event_transitions WHERE batch_id = ? "
            "ORDER BY customers DESC, from_id, to_id", [b])
    ]
    outcomes: dict[int, dict[str, int]] = {}
    for tp, outcome, n in doc.execute(
        "SELECT touchpoint_id, outcome, customers FROM event_outcomes WHERE batch_id = ? ORDER BY customers DESC, "
        "outcome", [b]
    ):
        if tp is None:
            flows.outcomes[outcome] = n
        else:
            outcomes.setdefault(tp, {})[outcome] = n
    flows.touchpoints = {
        tp: TouchpointFlow(tp, reach, drop, events, outcomes.get(tp, {}))
        for tp, reach, drop, events in doc.execute(
            "SELECT touchpoint_id, reach, drop_off, events FROM event_reach WHERE batch_id = ? ORDER BY touchpoint_id",
            [b])
    }
    flows.paths = [
        JourneyPath(tuple(json.loads(path)), n)
        for path, n in doc.execute("SELECT path, customers FROM event_paths WHERE batch_id = ? ORDER BY id", [b])
    ]
    return flows


def event_batches(doc: Document, map_id: int) -> list[int]:
    """The map's import batches that are event logs, oldest first."""
    return [r[0] for r in doc.execute(
        "SELECT b.id FROM import_batches AS b JOIN event_logs AS l ON l.batch_id = b.id "
        "WHERE b.map_id = ? ORDER BY b.imported_at, b.id", [map_id])]


def map_flows(doc: Document, map_id: int, batch_ids: Iterable[int] | None = None) -> Flows:
    """The flows of a map's event logs (or of the given ones): stored for one log, aggregated for several."""
    ids = event_batches(doc, map_id) if batch_ids is None else list(batch_ids)
    if len(ids) == 1:
        return stored_flows(doc, ids[0])
    return compute_flows(doc, ids)


def drawn_connections(doc: Document, map_id: int) -> list[tuple[int, int]]:
    """The connections drawn between the map's cards (source, target), for believed vs observed.

    Empty while the document format has no connections table (the richer-map issue adds it).
    """
    if doc.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'connections'").fetchone() is None:
        return []
    return [(a, b) for a, b in doc.execute(
        "SELECT source_id, target_id FROM connections WHERE map_id = ? ORDER BY id", [map_id])]
