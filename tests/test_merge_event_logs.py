"""Merging a copy that imported an event log (issues 18 and 22): the log, its events on MASTER's cards, its flows."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta

import pytest
from cli_helpers import cli
from events_fixtures import write_csv

from journeymap.domain.model import Touchpoint
from journeymap.services.event_import import import_events
from journeymap.services.merging import apply_merge, plan_merge
from journeymap.storage import Document, event_columns
from journeymap.storage.events_sql import compute_flows, map_flows

T0 = datetime(2026, 11, 2, 9, 0, 0)
CUSTOMERS = 40


@pytest.fixture
def master(doc_path):
    Document.open(doc_path).close()
    return doc_path


def three_cards(doc) -> tuple[int, list, tuple[int, int, int]]:
    """The map, the first three cards of the template (by id: before any card a test adds), the first's cell."""
    map_id = doc.maps()[0].id
    tps = sorted(doc.touchpoints(map_id), key=lambda t: t.id)
    return map_id, tps[:3], (map_id, tps[0].stage_id, tps[0].lane_id)


def store3(master, tmp_path):
    """store3.jmap: a copy of MASTER that added a card "Kiosk" and imported a log of 40 customers' visits
    (first card → Kiosk → third card for 30 of them, first card → second card for the other 10).
    MASTER meanwhile added a card of its own, so the copy's Kiosk has the id of another card here."""
    copy = master.with_name("store3.jmap")
    shutil.copy(master, copy)
    with Document.open(master) as doc:
        _map_id, _tps, cell = three_cards(doc)
        doc.add_touchpoint(Touchpoint(*cell, "Self-checkout"))
    with Document.open(copy) as doc:
        map_id, (a, b, c), cell = three_cards(doc)
        doc.add_touchpoint(Touchpoint(*cell, "Kiosk"))
        rows = []
        for n in range(CUSTOMERS):
            t = T0 + timedelta(minutes=n)
            path = [a.title, "Kiosk", c.title] if n < 30 else [a.title, b.title]
            for k, title in enumerate(path):
                rows.append([f"C{n:03}", (t + timedelta(hours=k)).strftime("%Y-%m-%d %H:%M:%S"), title,
                             "purchase" if k == len(path) - 1 and n % 2 else ""])
        log = write_csv(tmp_path / "web-events.csv", ["Contact ID", "Activity date", "Touchpoint", "Outcome"], rows)
        result = import_events(doc, map_id, log)
        assert result.imported == len(rows)
    return copy, len(rows)


def journeys(doc) -> dict[str, list[str]]:
    """Customer → the titles of the cards of their events, in time order (what the log says, by name)."""
    titles = {t.id: t.title for t in doc.touchpoints(doc.maps()[0].id)}
    out: dict[str, list[str]] = {}
    for who, tp in doc.execute("SELECT customer, touchpoint_id FROM events ORDER BY customer, time, id"):
        out.setdefault(who, []).append(titles.get(tp, f"?{tp}"))
    return out


def flows_by_title(doc):
    titles = {t.id: t.title for t in doc.touchpoints(doc.maps()[0].id)}
    flows = map_flows(doc, doc.maps()[0].id)
    return (
        flows.customers, flows.events, dict(flows.outcomes),
        sorted((titles[t.from_id], titles[t.to_id], t.customers, t.moves, t.median_hours) for t in flows.transitions),
        sorted((titles[t.id], t.reach, t.drop_off, t.events, tuple(sorted(t.outcomes.items())))
               for t in flows.touchpoints.values()),
        sorted((tuple(titles[s] for s in p.steps), p.customers) for p in flows.paths),
    )


def dump(path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in ("import_batches", "events", "event_logs", "event_transitions", "event_reach",
                          "event_outcomes", "event_paths", "event_columns", "touchpoints", "replica_seen")}
    finally:
        conn.close()


def test_an_event_log_comes_in_with_its_events_on_masters_cards_and_its_flows(master, tmp_path):
    copy, n_events = store3(master, tmp_path)
    with Document.open(copy) as doc:
        (batch,) = doc.batches(doc.maps()[0].id)
        expected_journeys, expected_flows = journeys(doc), flows_by_title(doc)
        uuid = doc.execute("SELECT uuid FROM import_batches").fetchone()[0]
    with Document.open(master) as doc:
        plan = plan_merge(doc, [copy])
        assert plan.added == {"touchpoint": 1, "event_log": 1}
        (incoming,) = plan.batches
        assert (incoming.name, incoming.events, incoming.is_event_log, incoming.source) == (
            "web-events.csv", n_events, True, "store3.jmap")
        result = apply_merge(doc, [copy])
        assert (result.touched.events, result.touched.dropped_events) == (n_events, 0)
        (mine,) = doc.execute("SELECT id FROM import_batches WHERE uuid = ?", [uuid]).fetchall()
        assert journeys(doc) == expected_journeys  # every event on the card of the same name, Kiosk included
        assert flows_by_title(doc) == expected_flows
        coded = event_columns.load(doc._conn, mine[0])
        assert coded is not None and len(coded.touchpoint_ids) == n_events  # the arrays kept, and they match
        assert compute_flows(doc, [mine[0]]).transitions == map_flows(doc, doc.maps()[0].id).transitions
        assert doc.batches(doc.maps()[0].id)[0].source == batch.source
    merged = dump(master)
    with Document.open(master) as doc:  # twice: nothing to merge, nothing written
        assert plan_merge(doc, [copy]).is_empty()
        apply_merge(doc, [copy])
    assert dump(master) == merged
    with Document.open(copy) as doc:  # the other way: the copy gets MASTER's card, keeps its one log
        apply_merge(doc, [master])
        assert len(doc.batches(doc.maps()[0].id)) == 1 and journeys(doc) == expected_journeys


def test_undo_and_redo_of_a_merged_event_log(master, tmp_path):
    copy, _n = store3(master, tmp_path)
    before = dump(master)
    with Document.open(master) as doc:
        result = apply_merge(doc, [copy])
        after = dump(master)
        result.undo()
        assert dump(master) == before
        result.redo()
        assert dump(master) == after
        assert flows_by_title(doc)[0] == CUSTOMERS


def test_events_on_a_card_master_deleted_are_left_out_and_counted(master, tmp_path):
    copy, n_events = store3(master, tmp_path)
    with Document.open(master) as doc:
        _map_id, (a, b, c), _cell = three_cards(doc)
        doc.delete_touchpoint(b.id)  # the 10 customers' second stop
    with Document.open(master) as doc:
        result = apply_merge(doc, [copy])
        assert (result.touched.events, result.touched.dropped_events) == (n_events - 10, 10)
        assert b.title not in {t for path in journeys(doc).values() for t in path}
        assert flows_by_title(doc)[0] == CUSTOMERS


@pytest.mark.parametrize(("lang", "line", "added"), [
    ("en", "event log web-events.csv from store3.jmap: 110 events", "added 1 event log, 1 touchpoint"),
    ("es", "registro de eventos web-events.csv de store3.jmap: 110 eventos",
     "añadido: 1 registro de eventos, 1 punto de contacto"),
])
def test_the_cli_reports_the_event_log(master, tmp_path, lang, line, added):
    copy, n_events = store3(master, tmp_path)
    assert n_events == 110
    run = cli("merge", str(master), str(copy), cwd=tmp_path, JOURNEYMAP_LANG=lang)
    assert run.returncode == 0, run.stderr
    assert line in run.stdout and added in run.stdout, run.stdout
    assert ("110 events" if lang == "en" else "110 eventos") in run.stdout.splitlines()[-1]


@pytest.mark.parametrize(("lang", "added", "logs"), [
    ("en", "Added: 1 touchpoint, 1 event log", "Event logs: web-events.csv (110 events)"),
    ("es", "Añadido: 1 punto de contacto, 1 registro de eventos",
     "Registros de eventos: web-events.csv (110 eventos)"),
])
def test_the_merge_dialog_lists_the_event_log(qapp, qtbot, master, tmp_path, lang, added, logs):
    from journeymap import i18n
    from journeymap.ui.dialogs.merge_dialog import MergeDialog

    copy, _n = store3(master, tmp_path)
    with Document.open(master) as doc:
        plan = plan_merge(doc, [copy])
    i18n.install(qapp, lang)
    try:
        dialog = MergeDialog(plan, "map.jmap")
        qtbot.addWidget(dialog)
        summary = dialog.summary_label.text().splitlines()
    finally:
        i18n.install(qapp, "en")
    assert added in summary and logs in summary, summary
