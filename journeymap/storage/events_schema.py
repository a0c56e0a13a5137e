"""Tables of imported event logs (issue 22): CRM and web-analytics events and the flows they show.

An event log is an import batch like a survey file: its rows live in ``events``
(one per event: which customer, when, which touchpoint, optionally the channel
and an outcome such as "purchase"), and the flows aggregated from them at import
(``storage.events_sql.compute_flows``) are kept with the batch, so reading them
costs nothing. Every table hangs off ``import_batches`` with ``ON DELETE
CASCADE``: removing the import removes all of it.

``touchpoint_id`` is deliberately not a foreign key: deleting a card keeps its
events (the customers did go there), and undoing the deletion brings the card
back with the same id and its flows with it. Readers skip ids that are no
longer cards of the map.
"""

from __future__ import annotations

EVENT_TABLES: dict[str, str] = {
    "events": """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
            customer TEXT NOT NULL,
            time TEXT NOT NULL,
            touchpoint_id INTEGER NOT NULL,
            channel TEXT NOT NULL DEFAULT '',
            outcome TEXT NOT NULL DEFAULT ''
        )""",
    # One row per event batch: what the log holds in all.
    "event_logs": """
        CREATE TABLE event_logs (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
            customers INTEGER NOT NULL DEFAULT 0,
            events INTEGER NOT NULL DEFAULT 0,
            first_time TEXT,
            last_time TEXT
        )""",
    # Customers (distinct) and moves (all) from one touchpoint to the next, in time order per customer.
    "event_transitions": """
        CREATE TABLE event_transitions (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
            from_id INTEGER NOT NULL,
            to_id INTEGER NOT NULL,
            customers INTEGER NOT NULL,
            moves INTEGER NOT NULL,
            median_hours REAL
        )""",
    # Reach (customers who came) and drop-off (customers whose last event it was) per touchpoint.
    "event_reach": """
        CREATE TABLE event_reach (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
            touchpoint_id INTEGER NOT NULL,
            reach INTEGER NOT NULL,
            drop_off INTEGER NOT NULL,
            events INTEGER NOT NULL
        )""",
    # Customers who reached an outcome after a touchpoint (touchpoint_id NULL: of all customers).
    "event_outcomes": """
        CREATE TABLE event_outcomes (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
            touchpoint_id INTEGER,
            outcome TEXT NOT NULL,
            customers INTEGER NOT NULL
        )""",
    # The most common whole paths (touchpoint ids as a JSON list, repeats collapsed).
    "event_paths": """
        CREATE TABLE event_paths (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            customers INTEGER NOT NULL
        )""",
}

EVENT_INDEXES: dict[str, str] = {
    # A batch's events (removal, undo). Not the journeys' order: the flows are counted once, at import,
    # and one sort of the log then costs less than building and then reading a five-column index.
    "idx_events_batch": "CREATE INDEX idx_events_batch ON events(batch_id)",
    "idx_event_logs_batch": "CREATE UNIQUE INDEX idx_event_logs_batch ON event_logs(batch_id)",
    "idx_event_transitions_batch": "CREATE INDEX idx_event_transitions_batch ON event_transitions(batch_id)",
    "idx_event_reach_batch": "CREATE INDEX idx_event_reach_batch ON event_reach(batch_id)",
    "idx_event_outcomes_batch": "CREATE INDEX idx_event_outcomes_batch ON event_outcomes(batch_id)",
    "idx_event_paths_batch": "CREATE INDEX idx_event_paths_batch ON event_paths(batch_id)",
}

MIGRATION: tuple[str, ...] = (*EVENT_TABLES.values(), *EVENT_INDEXES.values())

# Format 10: each log's events as integer arrays (storage.event_columns), so flows over several
# logs are counted without reading a million rows of text back.
COLUMN_TABLES: dict[str, str] = {
    "event_columns": """
        CREATE TABLE event_columns (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
            rows INTEGER NOT NULL,
            first_event INTEGER NOT NULL,
            last_event INTEGER NOT NULL,
            first_time TEXT,
            last_time TEXT,
            base INTEGER NOT NULL,
            customers BLOB NOT NULL,
            outcomes BLOB NOT NULL,
            customer_codes BLOB NOT NULL,
            touchpoint_ids BLOB NOT NULL,
            seconds BLOB NOT NULL,
            outcome_codes BLOB NOT NULL
        )""",
}
COLUMN_INDEXES: dict[str, str] = {
    "idx_event_columns_batch": "CREATE UNIQUE INDEX idx_event_columns_batch ON event_columns(batch_id)",
}
COLUMNS_MIGRATION: tuple[str, ...] = (*COLUMN_TABLES.values(), *COLUMN_INDEXES.values())

# Tables whose rows belong to an import batch, children after parents (for undo stashes and snapshots).
BATCH_TABLES = ("events", "event_logs", "event_transitions", "event_reach", "event_outcomes", "event_paths",
                "event_columns")
