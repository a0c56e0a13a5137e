"""Event logs (issue 22): hand-built CRM and web-analytics logs, imported and aggregated into flows."""

from __future__ import annotations

from datetime import datetime, timedelta

import openpyxl
import pytest
from events_fixtures import T0, abc_log, by_pair, make_map, write_csv

from journeymap.domain.flows import compare
from journeymap.services.event_import import AlreadyImported, ImportFileError, import_events, preview_events
from journeymap.storage import Document
from journeymap.storage.events_sql import compute_flows, map_flows
from journeymap.storage.responses_sql import stash_batch, unstash_batch


def test_exact_counts_reach_and_drop_off(tmp_path):
    doc, map_id, ids = make_map(tmp_path)
    result = import_events(doc, map_id, abc_log(tmp_path / "log.csv"))
    assert (result.imported, result.rejected, result.customers) == (420, 0, 170)
    flows = map_flows(doc, map_id)
    pairs = by_pair(flows, ids)
    assert set(pairs) == {("Web", "Tienda"), ("Tienda", "Caja")}
    assert pairs["Web", "Tienda"].customers == 150 and pairs["Tienda", "Caja"].customers == 100
    assert pairs["Web", "Tienda"].median_hours == pytest.approx(2.0)
    assert pairs["Tienda", "Caja"].median_hours == pytest.approx(3.0)
    tp = flows.touchpoints
    assert (tp[ids["Web"]].reach, tp[ids["Tienda"]].reach, tp[ids["Caja"]].reach) == (170, 150, 100)
    assert (tp[ids["Web"]].drop_off, tp[ids["Tienda"]].drop_off, tp[ids["Caja"]].drop_off) == (20, 50, 100)
    # Stored with the batch, identical to a fresh aggregation.
    assert compute_flows(doc, [result.batch_id]).transitions == flows.transitions
    paths = {tuple(p.steps): p.customers for p in flows.paths}
    assert paths[(ids["Web"], ids["Tienda"], ids["Caja"])] == 100
    assert paths[(ids["Web"], ids["Tienda"])] == 50 and paths[(ids["Web"],)] == 20


def test_out_of_order_and_repeated_touchpoints(tmp_path):
    doc, map_id, ids = make_map(tmp_path)
    rows = [
        ["u1", "2024-03-05 12:00", "Caja"],
        ["u1", "2024-03-05 10:00", "Web"],
        ["u1", "2024-03-05 10:30", "Web"],  # a repeat: one visit, the move counts from its last event
        ["u1", "2024-03-05 11:30", "Tienda"],
        ["u2", "05/03/2024 09:00", "Tienda"],  # day first: 5 March
        ["u2", "2024-03-05 10:00", "Web"],
        ["u2", "2024-03-05 11:00", "Tienda"],  # back again: Web->Tienda, Tienda->Web
        ["u3", "2024-03-05T10:00:00Z", "Web"],
        ["u3", "2024-03-05T12:00:00+02:00", "Tienda"],  # 10:00 UTC, same second: the file order decides
        ["u3", "25/03/2024 09:00", "Tienda"],
    ]
    write_csv(tmp_path / "log.csv", ["customer", "timestamp", "touchpoint"], rows)
    result = import_events(doc, map_id, tmp_path / "log.csv")
    assert result.imported == 10 and result.date_order == "dmy"
    pairs = by_pair(map_flows(doc, map_id), ids)
    assert pairs["Web", "Tienda"].customers == 3 and pairs["Web", "Tienda"].moves == 3
    # u1: 1 h (from 10:30, not 10:00); u2: 1 h; u3: 0 h.
    assert pairs["Web", "Tienda"].median_hours == pytest.approx(1.0)
    assert pairs["Tienda", "Caja"].customers == 1 and pairs["Tienda", "Caja"].median_hours == pytest.approx(0.5)
    assert pairs["Tienda", "Web"].customers == 1
    assert ("Web", "Web") not in pairs and ("Tienda", "Tienda") not in pairs
    tp = map_flows(doc, map_id).touchpoints
    assert tp[ids["Tienda"]].drop_off == 2 and tp[ids["Caja"]].drop_off == 1
    assert tp[ids["Web"]].events == 4


def test_unknown_touchpoints_rejected_or_new_cards(tmp_path):
    doc, map_id, ids = make_map(tmp_path)
    rows = [["a", "2024-03-05 10:00", "Web"], ["a", "2024-03-05 11:00", "Chat"],
            ["b", "2024-03-05 10:00", "Chat"], ["b", "2024-03-05 12:00", str(ids["Caja"])],
            ["c", "", "Web"], ["", "2024-03-05 10:00", "Web"], ["d", "2024-02-30 10:00", "Web"],
            ["e", "2024-03-05 25:00", "Web"]]
    path = write_csv(tmp_path / "log.csv", ["Customer", "Time", "Page"], rows)
    assert preview_events(doc, map_id, path).unknown_names == ["Chat"]
    result = import_events(doc, map_id, path)
    reasons = {r.row_number: r.reason for r in result.rejected_rows}
    assert reasons[3] == "no touchpoint 'Chat' in this map" and reasons[4] == reasons[3]
    assert reasons[6] == "missing timestamp" and reasons[7] == "missing customer"
    assert reasons[8] == "date '2024-02-30 10:00' does not exist" and "no valid time" in reasons[9]
    assert result.unknown_names == {"Chat": 2} and result.imported == 2
    doc.delete_batch(result.batch_id)

    result = import_events(doc, map_id, path, new_cards=True, again=True)
    assert result.imported == 4 and len(result.new_touchpoints) == 1
    chat = result.new_touchpoints[0]
    assert doc.touchpoint(chat).title == "Chat"
    pairs = {(t.from_id, t.to_id): t.customers for t in map_flows(doc, map_id).transitions}
    assert pairs == {(ids["Web"], chat): 1, (chat, ids["Caja"]): 1}


def test_outcome_share_and_channel(tmp_path):
    doc, map_id, ids = make_map(tmp_path)
    rows = []
    for c in range(10):
        rows.append([f"k{c}", f"2024-03-0{1 + c % 9} 10:00", "Web", "email", ""])
        rows.append([f"k{c}", f"2024-03-0{1 + c % 9} 11:00", "Tienda", "tienda", "compra" if c < 4 else "n/a"])
    rows.append(["k0", "2024-04-01 10:00", "Caja", "tienda", "baja"])
    path = write_csv(tmp_path / "crm.csv", ["Id de cliente", "Fecha y hora", "Punto de contacto", "Canal",
                                            "Resultado"], rows, ";")
    import_events(doc, map_id, path)
    flows = map_flows(doc, map_id)
    assert flows.outcomes == {"compra": 4, "baja": 1}
    assert flows.outcome_share(ids["Web"], "compra") == pytest.approx(0.4)
    assert flows.outcome_share(ids["Caja"], "compra") == 0  # k0 bought before going to the till
    assert flows.outcome_share(ids["Caja"], "baja") == 1
    assert doc.execute("SELECT COUNT(DISTINCT channel) FROM events").fetchone()[0] == 2


def test_spanish_xlsx_export(tmp_path):
    """A Salesforce report exported in Spanish to Excel: date cells, 'Id. de contacto', 'Asunto'."""
    doc, map_id, ids = make_map(tmp_path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Informe"
    ws.append(["Asunto", "Id. de contacto", "Fecha de creación", "Canal", "Propietario"])
    for c in range(30):
        t = datetime(2024, 5, 2, 9, 15) + timedelta(days=c)
        ws.append(["web", f"003A{c:05}", t, "Web", "Ana"])
        ws.append(["TIENDA", f"003A{c:05}", t + timedelta(hours=26), "Presencial", "Ana"])
    ws.append(["Caja", "003A00000", "31/05/2024 18:30", "Presencial", "Ana"])  # a text date, day first
    ws.append([None, None, None, None, None])
    path = tmp_path / "informe.xlsx"
    wb.save(path)
    preview = preview_events(doc, map_id, path)
    assert preview.mapping == {"customer": 1, "time": 2, "touchpoint": 0, "channel": 3, "outcome": None}
    result = import_events(doc, map_id, path)
    assert (result.imported, result.rejected, result.customers) == (61, 0, 30)
    pairs = by_pair(map_flows(doc, map_id), ids)
    assert pairs["Web", "Tienda"].customers == 30 and pairs["Web", "Tienda"].median_hours == pytest.approx(26)
    assert pairs["Tienda", "Caja"].customers == 1
    assert doc.execute("SELECT time FROM events WHERE touchpoint_id = ?", [ids["Caja"]]).fetchone()[0] == (
        "2024-05-31 18:30:00")


def test_ga4_export_shape(tmp_path):
    """GA4's BigQuery export flattened to CSV: event_date, event_timestamp (µs, UTC), event_name, user_pseudo_id."""
    doc, map_id, ids = make_map(tmp_path, ("page_view", "add_to_cart", "purchase"))
    base = int(datetime(2024, 3, 5, 8, 0).timestamp()) * 1_000_000
    rows = []
    for u in range(5):
        for k, name in enumerate(("page_view", "add_to_cart", "purchase")[: 2 + u % 2]):
            rows.append(["20240305", base + (u * 60 + k * 1800) * 1_000_000, name, f"{1000 + u}.{1709625600}",
                         "organic"])
    path = write_csv(tmp_path / "bq.csv", ["event_date", "event_timestamp", "event_name", "user_pseudo_id",
                                           "traffic_source_medium"], rows)
    result = import_events(doc, map_id, path)
    assert result.mapping["time"] == 1 and result.mapping["customer"] == 3
    pairs = by_pair(map_flows(doc, map_id), ids)
    assert pairs["page_view", "add_to_cart"].customers == 5
    assert pairs["page_view", "add_to_cart"].median_hours == pytest.approx(0.5)
    assert pairs["add_to_cart", "purchase"].customers == 2


def test_one_batch_undone_and_removed(tmp_path):
    doc, map_id, ids = make_map(tmp_path)
    path = abc_log(tmp_path / "log.csv")
    result = import_events(doc, map_id, path)
    with pytest.raises(AlreadyImported):
        import_events(doc, map_id, path)
    stash = stash_batch(doc, result.batch_id)
    assert map_flows(doc, map_id).empty and not doc.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    unstash_batch(doc, stash)
    assert len(map_flows(doc, map_id).transitions) == 2
    doc.delete_batch(result.batch_id)
    for table in ("events", "event_logs", "event_transitions", "event_reach", "event_paths"):
        assert doc.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0


def test_deleted_card_keeps_its_events(tmp_path):
    doc, map_id, ids = make_map(tmp_path)
    import_events(doc, map_id, abc_log(tmp_path / "log.csv"))
    snap = doc.snapshot(touchpoint_ids=[ids["Caja"]])
    doc.delete_touchpoint(ids["Caja"])
    flows = map_flows(doc, map_id).restricted(t.id for t in doc.touchpoints(map_id))
    assert [(t.from_id, t.to_id) for t in flows.transitions] == [(ids["Web"], ids["Tienda"])]
    doc.restore(snap)
    assert len(map_flows(doc, map_id).restricted(t.id for t in doc.touchpoints(map_id)).transitions) == 2


def test_two_logs_make_one_journey(tmp_path):
    doc, map_id, ids = make_map(tmp_path)
    write_csv(tmp_path / "web.csv", ["user id", "timestamp", "page"], [["m1", "2024-03-05 10:00", "Web"]])
    write_csv(tmp_path / "crm.csv", ["contact id", "created date", "subject"], [["m1", "2024-03-06 10:00", "Caja"]])
    import_events(doc, map_id, tmp_path / "web.csv")
    import_events(doc, map_id, tmp_path / "crm.csv")
    flows = map_flows(doc, map_id)
    assert [(t.from_id, t.to_id, t.median_hours) for t in flows.transitions] == [(ids["Web"], ids["Caja"], 24.0)]


def test_bad_files_leave_the_document_unchanged(tmp_path):
    doc, map_id, _ids = make_map(tmp_path)
    write_csv(tmp_path / "x.csv", ["customer", "touchpoint"], [["a", "Web"]])
    with pytest.raises(ImportFileError, match="no timestamp column"):
        import_events(doc, map_id, tmp_path / "x.csv")
    write_csv(tmp_path / "y.csv", ["customer", "time", "touchpoint"], [["a", "2024-03-05", "Nada"]])
    result = import_events(doc, map_id, tmp_path / "y.csv")
    assert result.batch_id is None and result.rejected == 1
    assert doc.execute("SELECT COUNT(*) FROM import_batches").fetchone()[0] == 0
    with pytest.raises(ImportFileError, match="no touchpoint column"):
        import_events(doc, map_id, tmp_path / "y.csv", columns={"touchpoint": None})


def test_believed_vs_observed(tmp_path):
    doc, map_id, ids = make_map(tmp_path)
    import_events(doc, map_id, abc_log(tmp_path / "log.csv"))
    flows = map_flows(doc, map_id)
    drawn = [(ids["Web"], ids["Caja"]), (ids["Web"], ids["Tienda"])]
    result = compare(flows, drawn)
    assert result.confirmed == [(ids["Web"], ids["Tienda"])]
    assert result.rarely_taken == [(ids["Web"], ids["Caja"])]
    assert [(t.from_id, t.to_id) for t in result.missing] == [(ids["Tienda"], ids["Caja"])]


# The flows as plain SQL would count them with window functions: an oracle for the one-pass counter.
ORACLE = """
WITH steps AS (
    SELECT customer, touchpoint_id AS tp, time,
           LEAD(touchpoint_id) OVER journey AS next_tp, LEAD(time) OVER journey AS next_time
    FROM events WINDOW journey AS (PARTITION BY customer ORDER BY time, touchpoint_id)),
moves AS (SELECT customer, tp, next_tp, (julianday(next_time) - julianday(time)) * 24 AS hours
          FROM steps WHERE next_tp != tp),
ranked AS (SELECT *, ROW_NUMBER() OVER (pair ORDER BY hours) AS k, COUNT(*) OVER pair AS n
           FROM moves WINDOW pair AS (PARTITION BY tp, next_tp))
SELECT tp, next_tp, COUNT(DISTINCT customer), COUNT(*),
       ROUND(AVG(CASE WHEN k IN ((n + 1) / 2, (n + 2) / 2) THEN hours END), 3)
FROM ranked GROUP BY tp, next_tp ORDER BY 3 DESC, 1, 2
"""


def test_counts_match_window_function_sql(tmp_path):
    import random

    doc, map_id, ids = make_map(tmp_path, tuple(f"T{i}" for i in range(6)))
    rng = random.Random(5)
    rows = []
    for c in range(300):
        t = T0 + timedelta(hours=rng.randint(0, 100))
        for _ in range(rng.randint(1, 9)):
            t += timedelta(minutes=rng.randint(0, 600))
            rows.append([f"c{c}", t.strftime("%Y-%m-%d %H:%M:%S"), f"T{rng.randint(0, 5)}"])
    rng.shuffle(rows)
    import_events(doc, map_id, write_csv(tmp_path / "r.csv", ["customer", "time", "touchpoint"], rows))
    flows = map_flows(doc, map_id)
    got = [(t.from_id, t.to_id, t.customers, t.moves, round(t.median_hours, 3)) for t in flows.transitions]
    assert got == [tuple(r) for r in doc.execute(ORACLE)]
    drops = dict(doc.execute(
        "SELECT touchpoint_id, COUNT(*) FROM (SELECT touchpoint_id, LEAD(id) OVER (PARTITION BY customer "
        "ORDER BY time, touchpoint_id) AS nxt FROM events) WHERE nxt IS NULL GROUP BY touchpoint_id"))
    assert {k: v.drop_off for k, v in flows.touchpoints.items() if v.drop_off} == drops


def test_a_document_without_event_tables_is_upgraded(tmp_path):
    from helpers_formats import downgrade

    from journeymap.storage import schema

    doc, map_id, ids = make_map(tmp_path)
    path = doc.path
    doc.close()
    version = next(v for v, steps in schema.MIGRATIONS.items() if any("CREATE TABLE events" in s for s in steps))
    downgrade(path, version - 1)
    with Document.open(path) as again:
        assert again.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert import_events(again, map_id, abc_log(tmp_path / "log.csv")).imported == 420
        assert map_flows(again, map_id).transitions[0].customers == 150


def test_cancel_rolls_back_events_and_new_cards(tmp_path):
    from journeymap.services.event_import import ImportCancelled

    doc, map_id, _ids = make_map(tmp_path)
    rows = [[f"c{i}", f"2024-03-05 10:{i % 60:02}:00", "Web" if i % 3 else f"Nuevo {i % 7}"] for i in range(12_000)]
    path = write_csv(tmp_path / "big.csv", ["customer", "time", "touchpoint"], rows)
    calls = []
    with pytest.raises(ImportCancelled):
        import_events(doc, map_id, path, new_cards=True, cancel=lambda: bool(calls.append(1)) or len(calls) > 1)
    assert doc.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0
    assert len(doc.touchpoints(map_id)) == 3 and doc.batches(map_id) == []
    result = import_events(doc, map_id, path, new_cards=True)
    assert result.imported == 12_000 and len(result.new_touchpoints) == 7
