"""The NumPy flow count (storage.flows_count) against the reference count, on logs built to be awkward.

The import gathers its events' columns while it reads the file and counts from them; a map's
flows over several logs are counted again, from the integer arrays each import kept
(storage.event_columns) or, for a log without them, from its rows in SQL. Both must give exactly what the one-pass
reference count (``python_flows``) gives: same transitions, medians, reach, drop-off, outcome
shares and most common paths, including ties at the same second, a customer's repeated visits,
several outcomes and journeys longer than the paths keep.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from events_fixtures import T0, assert_same, make_map, write_csv
from flows_reference import python_flows

from journeymap.services.event_import import import_events
from journeymap.storage.events_sql import compute_flows, event_batches


def test_the_import_counts_what_the_reference_counts(two_logs):
    doc, _map_id, results = two_logs
    for result in results:
        assert result.flows.outcomes and result.flows.paths
        assert_same(result.flows, python_flows(doc, [result.batch_id]))


def forget_kept_columns(doc) -> None:
    """As a log imported before format 10 is: no arrays kept, counted from its rows."""
    with doc.transaction():
        doc.execute("DELETE FROM event_columns")


@pytest.mark.parametrize("source", ["kept arrays", "rows", "one of each"])
def test_several_logs_recounted_equal_the_reference(two_logs, source):
    doc, map_id, _results = two_logs
    batches = event_batches(doc, map_id)
    assert len(batches) == 2
    assert doc.execute("SELECT count(*) FROM event_columns").fetchone()[0] == 2
    if source == "rows":
        forget_kept_columns(doc)
    elif source == "one of each":
        with doc.transaction():
            doc.execute("DELETE FROM event_columns WHERE batch_id = ?", [batches[0]])
    merged = compute_flows(doc, batches)
    # a customer of both logs is one journey: more moves than either log alone
    assert merged.events == sum(compute_flows(doc, [b]).events for b in batches)
    assert_same(merged, python_flows(doc, batches))


@pytest.mark.parametrize("bad", ["yesterday", "42", 2024, "2024-13-45 99:00:00"])  # NumPy alone reads "42" as a year
def test_an_unreadable_time_leaves_out_that_event_only(two_logs, bad):
    doc, map_id, _results = two_logs
    batches = event_batches(doc, map_id)
    forget_kept_columns(doc)  # (kept arrays are the import's, as a single log's stored flows are)
    before = compute_flows(doc, batches)
    with doc.transaction():  # a document another program wrote (no CHECK guards events.time)
        doc.execute("UPDATE events SET time = ? WHERE id = (SELECT MIN(id) FROM events)", [bad])
    got = compute_flows(doc, batches)
    assert got.events == before.events - 1
    assert_same(got, python_flows(doc, batches))


def test_a_customer_id_holding_the_separator_is_fetched_row_by_row(two_logs):
    doc, map_id, _results = two_logs
    batches = event_batches(doc, map_id)
    forget_kept_columns(doc)
    with doc.transaction():
        doc.execute("UPDATE events SET customer = 'a' || char(31) || 'b' WHERE id % 7 = 0")
    got = compute_flows(doc, batches)
    assert_same(got, python_flows(doc, batches))
    assert got.customers > 250  # the odd id is a customer of its own, not split into two


def test_card_ids_far_apart_are_counted_by_their_own_ids(tmp_path):
    doc, map_id, ids = make_map(tmp_path, ("Web", "Tienda"))
    with doc.transaction():
        doc.execute("UPDATE touchpoints SET id = 9000000000 WHERE id = ?", [ids["Tienda"]])
    rows = [[f"c{c}", (T0 + timedelta(hours=h)).strftime("%Y-%m-%d %H:%M:%S"), title]
            for c in range(3) for h, title in ((0, "Web"), (1, "Tienda"))]
    result = import_events(doc, map_id, write_csv(tmp_path / "log.csv", ["customer", "time", "touchpoint"], rows))
    assert [(t.from_id, t.to_id, t.customers) for t in result.flows.transitions] == [(ids["Web"], 9000000000, 3)]
    assert_same(result.flows, python_flows(doc, [result.batch_id]))
    doc.close()
