"""Document storage on real files: lifecycle, CRUD, ordering, undo snapshots, identity."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from helpers_process import held

from journeymap.domain.model import (
    ImportBatch,
    JourneyMap,
    Lane,
    LaneKind,
    Note,
    Response,
    Sensation,
    Stage,
    Touchpoint,
)
from journeymap.storage import Document, DocumentError, DocumentLockedError, schema
from journeymap.storage.snapshots import TABLE_ORDER


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of a closed document, in id order."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLE_ORDER}
    finally:
        conn.close()


def doc_dump(doc: Document) -> dict[str, list[tuple]]:
    return {t: doc.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLE_ORDER}


def build(doc: Document, title: str = "Journey") -> dict[str, list[int]]:
    """A 3x2 map with touchpoints, notes, two batches and responses."""
    m = doc.add_map(JourneyMap(title, persona_name="Ana"))
    stages = [doc.add_stage(Stage(m, f"S{i}", i)) for i in range(3)]
    lanes = [doc.add_lane(Lane(m, f"L{i}", LaneKind.TOUCHPOINTS, i)) for i in range(2)]
    tps = []
    for s in stages:
        for l in lanes:
            for k in range(2):
                tps.append(
                    doc.add_touchpoint(
                        Touchpoint(m, s, l, f"T{s}-{l}-{k}", tags=["a", "ñ"], sensation=Sensation.NEGATIVE)
                    )
                )
    notes = [doc.add_note(Note(t, f"note {t}", "me", "2024-01-01")) for t in tps[:4]]
    batches = [doc.add_batch(ImportBatch(m, f"b{i}.csv", "2024-02-01", 3)) for i in range(2)]
    rows = [(t, (t * 7 + j) % 11, 0.5, "c", "2024-03-01", "seg", batches[j % 2]) for t in tps for j in range(3)]
    doc.insert_responses(rows)
    doc.add_response(Response(tps[0], 10, -0.5, "manual"))
    return {"map": [m], "stages": stages, "lanes": lanes, "tps": tps, "notes": notes, "batches": batches}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "doc.jmap"


@pytest.fixture
def doc(path: Path):
    d = Document.create(path)
    yield d
    d.close()


# ------------------------------------------------------------------ lifecycle
def test_create_open_close_round_trip(path: Path) -> None:
    with Document.create(path) as doc:
        ids = build(doc)
    assert path.is_file()
    with Document.open(path) as doc:
        assert [m.title for m in doc.maps()] == ["Journey"]
        assert doc.counts(ids["map"][0]) == (3, 2, 12)
        tp = doc.touchpoint(ids["tps"][0])
        assert tp.tags == ["a", "ñ"] and tp.sensation is Sensation.NEGATIVE
    # A clean close leaves a single self-contained file.
    assert sorted(p.name for p in path.parent.iterdir()) == ["doc.jmap"]


def test_create_refuses_to_overwrite(path: Path) -> None:
    path.write_bytes(b"precious")
    with pytest.raises(DocumentError, match="already exists"):
        Document.create(path)
    assert path.read_bytes() == b"precious"


def test_create_in_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such folder"):
        Document.create(tmp_path / "nope" / "doc.jmap")


def test_create_removes_stale_wal_of_a_previous_file(tmp_path: Path) -> None:
    # A WAL left by another, crashed file of the same name must not be replayed into the new one.
    other = tmp_path / "other.jmap"
    with Document.create(other) as d:
        d.add_map(JourneyMap("other"))
    path = tmp_path / "doc.jmap"
    (tmp_path / "doc.jmap-wal").write_bytes(b"\0" * 4096)
    with Document.create(path) as doc:
        assert doc.maps() == []
        assert doc.integrity_check() == "ok"


def test_open_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        Document.open(tmp_path / "missing.jmap")
    with pytest.raises(DocumentError, match="not a file"):
        Document.open(tmp_path)


def test_identity_and_pragmas(doc: Document) -> None:
    assert doc.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert schema.APPLICATION_ID == int.from_bytes(b"JMap", "big")
    assert doc.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert doc.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert doc.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert doc.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    assert doc.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    header = doc.path.read_bytes()[:100]
    assert header[68:72] == b"JMap"
    assert int.from_bytes(header[60:64], "big") == schema.SCHEMA_VERSION


def test_close_is_idempotent_and_releases_the_lock(path: Path) -> None:
    doc = Document.create(path)
    with pytest.raises(DocumentLockedError):
        Document.open(path)
    doc.close()
    doc.close()
    again = Document.open(path)
    again.close()
    assert not held(path)


def test_read_only_and_writer_in_one_process(path: Path) -> None:
    writer = Document.create(path)
    ids = build(writer)
    reader = Document.open(path, read_only=True)
    assert reader.counts(ids["map"][0]) == (3, 2, 12)
    # Closing the reader keeps the writer's lock; closing the writer releases it.
    reader.close()
    with pytest.raises(DocumentLockedError):
        Document.open(path)
    reader = Document.open(path, read_only=True)
    writer.close()
    Document.open(path).close()
    reader.close()
    assert not held(path)


def test_closed_document_refuses_writes(doc: Document) -> None:
    doc.close()
    with pytest.raises(DocumentError, match="closed"):
        doc.add_map(JourneyMap("x"))


# ------------------------------------------------------------------------ CRUD
def test_map_crud(doc: Document) -> None:
    a = doc.add_map(JourneyMap("A", position=1))
    b = doc.add_map(JourneyMap("B", position=0))
    assert [m.title for m in doc.maps()] == ["B", "A"]
    doc.update_map(a, title="A2", persona_name="P")
    assert doc.get_map(a).title == "A2" and doc.get_map(a).persona_name == "P"
    with pytest.raises(TypeError):
        doc.update_map(a, nonsense=1)
    with pytest.raises(DocumentError):
        doc.update_map(999, title="x")
    doc.delete_map(b)
    assert [m.id for m in doc.maps()] == [a]
    with pytest.raises(DocumentError, match="no map"):
        doc.get_map(b)


def test_stage_lane_crud(doc: Document) -> None:
    m = doc.add_map(JourneyMap("M"))
    s = doc.add_stage(Stage(m, "Aware", 0, "#123456"))
    l = doc.add_lane(Lane(m, "Thinking", LaneKind.THOUGHTS, 0))
    doc.update_stage(s, name="Awareness", colour="#abcdef")
    doc.update_lane(l, name="Thoughts", kind=LaneKind.EMOTIONS)
    assert doc.stages(m) == [Stage(m, "Awareness", 0, "#abcdef", s)]
    assert doc.lanes(m) == [Lane(m, "Thoughts", LaneKind.EMOTIONS, 0, id=l)]
    doc.delete_stage(s)
    doc.delete_lane(l)
    assert doc.stages(m) == [] and doc.lanes(m) == []


def test_touchpoint_note_crud(doc: Document) -> None:
    ids = build(doc)
    t = ids["tps"][0]
    doc.update_touchpoint(t, title="New", impact=5, tags=["x"], moment_of_truth=True, manual_nps=-20.0)
    tp = doc.touchpoint(t)
    assert (tp.title, tp.impact, tp.tags, tp.moment_of_truth, tp.manual_nps) == ("New", 5, ["x"], True, -20.0)
    n = ids["notes"][0]
    doc.update_note(n, text="edited")
    assert [x.text for x in doc.notes(t)] == ["edited"]
    doc.delete_note(n)
    assert doc.notes(t) == []
    doc.delete_touchpoint(t)
    with pytest.raises(DocumentError, match="no touchpoint"):
        doc.touchpoint(t)
    # Cascade: its responses are gone too.
    assert doc.responses(t) == []


def test_batches_and_responses(doc: Document) -> None:
    ids = build(doc)
    m, t = ids["map"][0], ids["tps"][0]
    assert [b.source for b in doc.batches(m)] == ["b0.csv", "b1.csv"]
    doc.update_batch(ids["batches"][0], rejected=2)
    assert doc.batches(m)[0].rejected == 2
    assert len(doc.responses(t)) == 4
    counts = doc.response_counts(m)
    assert set(counts) == set(ids["tps"])
    total = sum(p + q + d for p, q, d, _, _ in counts.values())
    assert total == 12 * 3 + 1
    assert doc.segments(m) == ["seg"]
    assert doc.response_counts(m, segment="seg")[t][4] == 3
    assert doc.score_history(t)[0][0] == "2024-03-01"
    doc.delete_batch(ids["batches"][0])
    assert sum(len(doc.responses(x)) for x in ids["tps"]) == 12 + 1  # batch 1's rows and the manual one
    remaining = doc.execute("SELECT COUNT(*) FROM responses WHERE batch_id = ?", [ids["batches"][0]]).fetchone()
    assert remaining[0] == 0


def test_insert_responses_rolls_back_as_a_unit(doc: Document) -> None:
    ids = build(doc)
    before = doc_dump(doc)
    t = ids["tps"][0]
    with pytest.raises(sqlite3.IntegrityError):
        with doc.transaction():
            doc.insert_responses([(t, 5, None, "", None, "", None)] * 100)
            doc.insert_responses([(t, 11, None, "", None, "", None)])
    assert doc_dump(doc) == before


# --------------------------------------------------------------- constraints
def test_foreign_keys_enforced(doc: Document) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        doc.add_stage(Stage(12345, "orphan"))
    m = doc.add_map(JourneyMap("M"))
    with pytest.raises(sqlite3.IntegrityError):
        doc.add_touchpoint(Touchpoint(m, 777, 888, "orphan"))


@pytest.mark.parametrize("score", [-1, 11])
def test_score_check(doc: Document, score: int) -> None:
    ids = build(doc)
    with pytest.raises(sqlite3.IntegrityError):
        doc.add_response(Response(ids["tps"][0], score))


@pytest.mark.parametrize("impact", [0, 6])
def test_impact_check(doc: Document, impact: int) -> None:
    ids = build(doc)
    with pytest.raises(sqlite3.IntegrityError):
        doc.update_touchpoint(ids["tps"][0], impact=impact)
    with pytest.raises(sqlite3.IntegrityError):
        doc.add_touchpoint(Touchpoint(ids["map"][0], ids["stages"][0], ids["lanes"][0], "x", impact=impact))
    # Nothing half-written: the failed add left no row.
    assert doc.execute("SELECT COUNT(*) FROM touchpoints WHERE title = 'x'").fetchone()[0] == 0


def test_scores_at_the_bounds_are_accepted(doc: Document) -> None:
    ids = build(doc)
    tid = ids["tps"][0]
    before = [r.score for r in doc.responses(tid)]
    for score in (0, 10):
        doc.add_response(Response(tid, score))
    assert sorted(r.score for r in doc.responses(tid)) == sorted([*before, 0, 10])
    for impact in (1, 5):
        doc.update_touchpoint(tid, impact=impact)
        assert doc.touchpoint(tid).impact == impact


# ------------------------------------------------------------------ ordering
def titles(doc: Document, m: int, s: int, l: int) -> list[str]:
    return [doc.touchpoint(t).title for t in doc.cell_ids(m, s, l)]


def positions_are_dense(doc: Document) -> bool:
    rows = doc.execute(
        "SELECT map_id, stage_id, lane_id, group_concat(position) FROM "
        "(SELECT * FROM touchpoints ORDER BY position) GROUP BY map_id, stage_id, lane_id"
    ).fetchall()
    return all(sorted(int(p) for p in r[3].split(",")) == list(range(len(r[3].split(",")))) for r in rows)


def test_add_touchpoint_at_index(doc: Document) -> None:
    m = doc.add_map(JourneyMap("M"))
    s, l = doc.add_stage(Stage(m, "S")), doc.add_lane(Lane(m, "L"))
    for name in "abc":
        doc.add_touchpoint(Touchpoint(m, s, l, name))
    doc.add_touchpoint(Touchpoint(m, s, l, "first"), index=0)
    doc.add_touchpoint(Touchpoint(m, s, l, "mid"), index=2)
    doc.add_touchpoint(Touchpoint(m, s, l, "end"), index=99)
    assert titles(doc, m, s, l) == ["first", "a", "mid", "b", "c", "end"]
    assert positions_are_dense(doc)


def move(doc: Document, m: int, tid: int, s: int, l: int, index: int) -> dict:
    """The app's one cell-order algorithm (journeymap.domain.grid) written with set_places, as the editor does."""
    from journeymap.domain.grid import Grid, gather

    cells: dict = {}
    for tp in doc.touchpoints(m):
        cells.setdefault((tp.stage_id, tp.lane_id), []).append(tp.id)
    grid = Grid.of([x.id for x in doc.stages(m)], [x.id for x in doc.lanes(m)], cells)
    after = gather(grid, [tid], (s, l), index)
    old = doc.places([t for ids in after.values() for t in ids])
    new = {t: (cell[0], cell[1], i) for cell, ids in after.items() for i, t in enumerate(ids)}
    with doc.transaction():
        doc.set_places({t: p for t, p in new.items() if old[t] != p})
    return old


def test_move_touchpoint_within_a_cell(doc: Document) -> None:
    m = doc.add_map(JourneyMap("M"))
    s, l = doc.add_stage(Stage(m, "S")), doc.add_lane(Lane(m, "L"))
    ids = [doc.add_touchpoint(Touchpoint(m, s, l, n)) for n in "abcd"]
    move(doc, m, ids[0], s, l, 3)  # the gap after "c", as the drop indicator shows it
    assert titles(doc, m, s, l) == ["b", "c", "a", "d"]
    move(doc, m, ids[3], s, l, 0)
    assert titles(doc, m, s, l) == ["d", "b", "c", "a"]
    move(doc, m, ids[1], s, l, 100)
    assert titles(doc, m, s, l) == ["d", "c", "a", "b"]
    assert positions_are_dense(doc)


def test_move_touchpoint_across_cells_and_undo(doc: Document) -> None:
    m = doc.add_map(JourneyMap("M"))
    s1, s2 = doc.add_stage(Stage(m, "S1", 0)), doc.add_stage(Stage(m, "S2", 1))
    l1, l2 = doc.add_lane(Lane(m, "L1", position=0)), doc.add_lane(Lane(m, "L2", position=1))
    a = [doc.add_touchpoint(Touchpoint(m, s1, l1, n)) for n in "abc"]
    for n in "xy":
        doc.add_touchpoint(Touchpoint(m, s2, l2, n))
    old = move(doc, m, a[1], s2, l2, 1)
    assert titles(doc, m, s1, l1) == ["a", "c"]
    assert titles(doc, m, s2, l2) == ["x", "b", "y"]
    tp = doc.touchpoint(a[1])
    assert (tp.stage_id, tp.lane_id) == (s2, l2)
    assert positions_are_dense(doc)
    with doc.transaction():
        doc.set_places(old)  # undo writes back what was there
    assert titles(doc, m, s1, l1) == ["a", "b", "c"]
    assert titles(doc, m, s2, l2) == ["x", "y"]
    # Into an empty cell.
    move(doc, m, a[2], s1, l2, 5)
    assert titles(doc, m, s1, l2) == ["c"]
    assert positions_are_dense(doc)


def test_move_touchpoint_refuses_a_cell_of_another_map(doc: Document) -> None:
    ids, other = build(doc, "one"), build(doc, "two")
    before = doc_dump(doc)
    with pytest.raises(DocumentError, match="not a cell"):
        with doc.transaction():
            doc.set_places({ids["tps"][0]: (other["stages"][0], other["lanes"][0], 0)})
    assert doc_dump(doc) == before


def test_delete_touchpoint_renumbers(doc: Document) -> None:
    m = doc.add_map(JourneyMap("M"))
    s, l = doc.add_stage(Stage(m, "S")), doc.add_lane(Lane(m, "L"))
    ids = [doc.add_touchpoint(Touchpoint(m, s, l, n)) for n in "abc"]
    doc.delete_touchpoint(ids[1])
    assert titles(doc, m, s, l) == ["a", "c"]
    assert positions_are_dense(doc)


def test_move_stage_and_lane(doc: Document) -> None:
    ids = build(doc)
    m = ids["map"][0]
    s0, s1, s2 = ids["stages"]
    assert doc.move_stage(s0, 2) == 0
    assert [s.id for s in doc.stages(m)] == [s1, s2, s0]
    assert [s.position for s in doc.stages(m)] == [0, 1, 2]
    assert doc.move_stage(s0, 0) == 2
    assert [s.id for s in doc.stages(m)] == [s0, s1, s2]
    l0, l1 = ids["lanes"]
    assert doc.move_lane(l1, -5) == 1
    assert [l.id for l in doc.lanes(m)] == [l1, l0]
    # Touchpoints follow their stage and lane in display order.
    first = doc.touchpoints(m)[0]
    assert (first.stage_id, first.lane_id) == (s0, l1)
    with pytest.raises(DocumentError, match="no stage"):
        doc.move_stage(9999, 0)


# ------------------------------------------------------- snapshot and restore
@pytest.mark.parametrize("kind", ["stage", "lane", "map", "batch", "touchpoint"])
def test_snapshot_restore_round_trip(path: Path, kind: str) -> None:
    with Document.create(path) as doc:
        ids = build(doc)
        build(doc, "Other map")  # untouched bystander
    before = dump(path)
    with Document.open(path) as doc:
        if kind == "stage":
            snap = doc.snapshot(stage_ids=[ids["stages"][1]])
            doc.delete_stage(ids["stages"][1])
        elif kind == "lane":
            snap = doc.snapshot(lane_ids=[ids["lanes"][0]])
            doc.delete_lane(ids["lanes"][0])
        elif kind == "map":
            snap = doc.snapshot(map_ids=ids["map"])
            doc.delete_map(ids["map"][0])
        elif kind == "batch":
            snap = doc.snapshot(batch_ids=[ids["batches"][1]])
            doc.delete_batch(ids["batches"][1])
        else:
            snap = doc.snapshot(touchpoint_ids=ids["tps"][:3])
            with doc.transaction():
                for t in ids["tps"][:3]:
                    doc.execute("DELETE FROM touchpoints WHERE id = ?", [t])
        assert doc_dump(doc) != before
        doc.restore(snap)
        assert doc.execute("PRAGMA foreign_key_check").fetchall() == []
    assert dump(path) == before


def test_restore_over_existing_rows_does_not_cascade(doc: Document) -> None:
    ids = build(doc)
    before = doc_dump(doc)
    snap = doc.snapshot(map_ids=ids["map"])
    doc.restore(snap)  # rows still exist: an upsert, not delete+insert
    assert doc_dump(doc) == before


def test_duplicate_map(doc: Document) -> None:
    ids = build(doc)
    m = ids["map"][0]
    copy = doc.duplicate_map(m)
    assert doc.get_map(copy).title == "Journey (copy)"
    assert doc.counts(copy) == doc.counts(m)
    src, dst = doc.touchpoints(m), doc.touchpoints(copy)
    strip = lambda t: (t.title, t.position, t.tags, t.sensation, t.impact)  # noqa: E731
    assert [strip(t) for t in src] == [strip(t) for t in dst]
    assert {t.stage_id for t in dst}.isdisjoint({t.stage_id for t in src})
    assert sum(len(doc.notes(t.id)) for t in dst) == 4
    assert doc.response_counts(copy) == {}
    # The copy is independent of the original.
    doc.delete_map(m)
    assert doc.counts(copy) == (3, 2, 12)
    assert doc.duplicate_map(copy, "Named") and doc.maps()[-1].title == "Named"


# --------------------------------------------------------------- save as
def test_backup_to_while_wal_holds_changes(tmp_path: Path) -> None:
    path, copy = tmp_path / "doc.jmap", tmp_path / "copy.jmap"
    doc = Document.create(path)
    doc.execute("PRAGMA wal_autocheckpoint = 0")  # keep every change in the WAL
    ids = build(doc)
    wal = tmp_path / "doc.jmap-wal"
    assert wal.stat().st_size > 0
    doc.backup_to(copy)
    expected = doc_dump(doc)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == ["copy.jmap"]
    with Document.open(copy) as c:
        assert doc_dump(c) == expected
        assert c.integrity_check() == "ok"
        assert c.counts(ids["map"][0]) == (3, 2, 12)
    # Save As again over the existing copy (replaced atomically), then keep editing the original.
    doc.add_map(JourneyMap("later"))
    doc.backup_to(copy)
    assert [m[1] for m in dump(copy)["maps"]] == ["Journey", "later"]
    with pytest.raises(DocumentError, match="over itself"):
        doc.backup_to(path)
    doc.close()


def test_backup_to_refuses_a_target_open_elsewhere(tmp_path: Path) -> None:
    a, b = Document.create(tmp_path / "a.jmap"), Document.create(tmp_path / "b.jmap")
    b.add_map(JourneyMap("keep me"))
    with pytest.raises(DocumentLockedError):
        a.backup_to(tmp_path / "b.jmap")
    assert [m.title for m in b.maps()] == ["keep me"]
    a.close()
    b.close()
    assert not held(tmp_path / "a.jmap") and not held(tmp_path / "b.jmap")


def test_a_document_dropped_without_close_gives_back_its_lock(path: Path) -> None:
    import gc

    doc = Document.create(path)
    doc.add_map(JourneyMap("x"))
    del doc
    gc.collect()
    assert not held(path)
    with Document.open(path) as again:
        assert [m.title for m in again.maps()] == ["x"]


def test_read_only_can_backup(path: Path, tmp_path: Path) -> None:
    with Document.create(path) as doc:
        build(doc)
    with Document.open(path, read_only=True) as ro:
        ro.backup_to(tmp_path / "copy.jmap")
    assert dump(tmp_path / "copy.jmap") == dump(path)


def test_response_counts_match_a_plain_count(doc: Document) -> None:
    ids = build(doc)
    m = ids["map"][0]
    rows = doc.execute("SELECT touchpoint_id, score, sentiment, segment FROM responses").fetchall()
    for segment in (None, "seg", "nobody"):
        expected: dict[int, list] = {}
        for tid, score, sentiment, seg in rows:
            if segment and seg != segment:
                continue
            e = expected.setdefault(tid, [0, 0, 0, 0.0, 0])
            e[0 if score >= 9 else 1 if score >= 7 else 2] += 1
            if sentiment is not None:
                e[3] += sentiment
                e[4] += 1
        got = doc.response_counts(m, segment=segment)
        assert {k: (p, q, d, pytest.approx(s), c) for k, (p, q, d, s, c) in expected.items()} == got
