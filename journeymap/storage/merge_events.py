"""The event logs a merge brings in (issue 18 with issue 22): events on MASTER's cards, their flows counted again.

An event log is an import batch like a survey file, but its events name cards by
the copy's row ids, and so do its stored flows and kept arrays. The events are
copied SQL to SQL from the attached private copy with each card id translated to
MASTER's (through the cards' uuids); an event on a card MASTER does not have is
left out and counted. The flows and the integer arrays (``storage.event_columns``)
are then made from the copied rows exactly as the import makes them, so MASTER
never holds a figure it could not count again from its own events.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeymap.storage.document import Document
    from journeymap.storage.merge_write import Insert, Touched, WriteSet


def is_event_log(doc: Document, src: str, old_batch: int) -> bool:
    """Whether the attached copy *src* holds batch *old_batch* as an event log."""
    return doc.execute(f"SELECT 1 FROM {src}.event_logs WHERE batch_id = ? LIMIT 1", [old_batch]).fetchone() is not None


def copy_event_logs(doc: Document, ws: WriteSet, logs: Sequence[tuple[Insert, int]], names: Sequence[str],
                    ids: Mapping[str, Mapping[str, int]], touched: Touched) -> None:
    """Each incoming log's events on MASTER's cards, then its flows and arrays counted from them."""
    mine = ids.get("touchpoints", {})
    doc.execute("CREATE TEMP TABLE merge_event_cards (other INTEGER PRIMARY KEY, mine INTEGER NOT NULL)")
    try:
        by_source: dict[int, list[tuple[Insert, int]]] = {}
        for ins, new_id in logs:
            by_source.setdefault(ins.source, []).append((ins, new_id))
        for source, batches in by_source.items():
            doc.execute("DELETE FROM temp.merge_event_cards")
            doc.executemany("INSERT INTO temp.merge_event_cards VALUES (?, ?)",
                            [(oid, mine[u]) for u, oid in ws.source_ids[source]["touchpoints"].items() if u in mine])
            src = names[source]
            for ins, new_id in batches:
                old = ws.source_ids[source]["import_batches"][ins.uuid]
                total = doc.execute(f"SELECT COUNT(*) FROM {src}.events WHERE batch_id = ?", [old]).fetchone()[0]
                cur = doc.execute(
                    "INSERT INTO main.events (batch_id, customer, time, touchpoint_id, channel, outcome) "
                    f"SELECT ?, e.customer, e.time, m.mine, e.channel, e.outcome FROM {src}.events e "
                    "JOIN temp.merge_event_cards m ON m.other = e.touchpoint_id WHERE e.batch_id = ? ORDER BY e.id",
                    [new_id, old])
                touched.events += cur.rowcount
                touched.dropped_events += total - cur.rowcount
                recount(doc, new_id)
    finally:
        doc.execute("DROP TABLE temp.merge_event_cards")


def recount(doc: Document, batch_id: int) -> None:
    """The log's flows and kept arrays from its events in MASTER (as ``services.event_import`` stores them)."""
    from journeymap.storage import event_columns, events_sql
    from journeymap.storage.flows_count import EventColumns

    columns = EventColumns()
    for chunk in events_sql._event_chunks(doc, [batch_id]):  # noqa: SLF001 - the storage layer's own reader
        columns.add(*chunk)
    event_columns.store(doc._conn, batch_id, columns)  # noqa: SLF001
    events_sql.store_flows(doc, batch_id, columns.count((batch_id,), events_sql.MAX_PATH_STEPS,
                                                         events_sql.KEPT_PATHS))


__all__ = ["copy_event_logs", "is_event_log", "recount"]
