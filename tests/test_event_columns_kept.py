"""The event arrays an import keeps with its batch (storage.event_columns, format 10).

They are a cache of the ``events`` rows: used when they still describe them, ignored (the rows are
counted instead, same result) when a log has none, when another program forged or damaged them,
or when the batch's events are no longer the ones they were made from. Undo of an import and
removal of a batch carry them along.
"""

from __future__ import annotations

import shutil

import pytest
from events_fixtures import assert_same
from flows_reference import python_flows
from helpers_formats import downgrade

from journeymap.storage import Document
from journeymap.storage.event_columns import load
from journeymap.storage.events_sql import compute_flows, event_batches, map_flows
from journeymap.storage.responses_sql import stash_batch, unstash_batch


def kept_batches(doc) -> list[int]:
    return [b for (b,) in doc.execute("SELECT batch_id FROM event_columns ORDER BY batch_id")]


def test_each_import_keeps_arrays_that_describe_its_events(two_logs):
    doc, map_id, results = two_logs
    assert kept_batches(doc) == [r.batch_id for r in results]
    for result in results:
        coded = load(doc._conn, result.batch_id)
        assert coded is not None
        assert len(coded.customer_codes) == result.imported == len(coded.touchpoint_ids)
        assert sorted(set(coded.customers)) == sorted(
            c for (c,) in doc.execute("SELECT DISTINCT customer FROM events WHERE batch_id = ?", [result.batch_id]))
        assert compute_flows(doc, [result.batch_id]).paths == result.flows.paths


FORGERIES = {
    "odd blob length": "UPDATE event_columns SET customer_codes = x'0102030405'",
    "text instead of a blob": "UPDATE event_columns SET seconds = 'abc'",
    "customer code out of range": "UPDATE event_columns SET customer_codes = x'ffffff7f' || substr(customer_codes, 5)",
    "negative outcome code": "UPDATE event_columns SET outcome_codes = x'ffffffff' || substr(outcome_codes, 5)",
    "names not JSON": "UPDATE event_columns SET customers = 'cli-1, cli-2'",
    "names not a list": "UPDATE event_columns SET customers = '{\"a\": 1}'",
    "names not text": "UPDATE event_columns SET outcomes = '[1, 2, 3]'",
    "base not a number": "UPDATE event_columns SET base = 'hoy'",
    "arrays of different lengths": "UPDATE event_columns SET touchpoint_ids = substr(touchpoint_ids, 1, 8)",
    "an event deleted by another program": "DELETE FROM events WHERE id = (SELECT MAX(id) FROM events)",
    "an event added by another program": "INSERT INTO events (batch_id, customer, time, touchpoint_id) "
                                         "SELECT batch_id, 'nuevo', time, touchpoint_id FROM events WHERE id = 1",
}


@pytest.mark.parametrize("forgery", list(FORGERIES), ids=list(FORGERIES))
def test_forged_or_stale_arrays_are_ignored_and_the_rows_counted(two_logs, forgery):
    doc, map_id, _results = two_logs
    batches = event_batches(doc, map_id)
    with doc.transaction():
        doc.execute(FORGERIES[forgery])
    ignored = [load(doc._conn, b) is None for b in batches]
    assert any(ignored) if forgery.startswith("an event") else all(ignored)  # those change one log
    assert_same(compute_flows(doc, batches), python_flows(doc, batches))


def test_undo_and_redo_of_an_import_bring_its_arrays_back(two_logs):
    doc, map_id, results = two_logs
    second = results[1].batch_id
    with doc.transaction():
        stash = stash_batch(doc, second)
    assert kept_batches(doc) == [results[0].batch_id]
    with doc.transaction():
        unstash_batch(doc, stash)
    assert load(doc._conn, second) is not None
    batches = event_batches(doc, map_id)
    assert_same(compute_flows(doc, batches), python_flows(doc, batches))


def test_removing_a_log_removes_its_arrays(two_logs):
    doc, _map_id, results = two_logs
    with doc.transaction():
        doc.delete_batch(results[0].batch_id)
    assert kept_batches(doc) == [results[1].batch_id]


def test_a_format_9_document_upgrades_and_counts_its_logs_from_their_rows(two_logs, tmp_path):
    doc, map_id, results = two_logs
    batches = event_batches(doc, map_id)
    want = compute_flows(doc, batches)
    path = tmp_path / "copy.jmap"
    doc.close()
    shutil.copy(tmp_path / "map.jmap", path)
    downgrade(path, 9)
    with Document.open(path) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] >= 10
        assert kept_batches(old) == []  # nothing to trust: the rows are counted
        assert_same(compute_flows(old, batches), want)
        assert map_flows(old, map_id, [batches[0]]).paths == results[0].flows.paths
