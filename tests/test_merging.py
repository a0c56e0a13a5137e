"""Merging annotated copies into MASTER (issue 18) through real files: storage API edits, merge, undo, refusals."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

import pytest

from journeymap.domain.model import ImportBatch, Note, Touchpoint
from journeymap.services.merge_plan import BOTH, THEIRS
from journeymap.services.merging import MergeRefused, apply_merge, plan_merge
from journeymap.storage import Document, response_counts

TABLES = ("maps", "personas", "stages", "lanes", "import_batches", "touchpoints", "notes", "attachments", "quotes",
          "map_personas", "connections", "responses", "overall_responses", "comment_rows", "response_counts",
          "response_months", "replica_seen")


def dump(path) -> dict[str, list[tuple]]:
    """Every row of the tables a merge writes (ids, uuids and revisions included)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def master(doc_path):
    """The retail-store map, opened once for editing (it has its replica), closed."""
    Document.open(doc_path).close()
    return doc_path


def copy_of(master_path, name: str):
    path = master_path.with_name(name)
    shutil.copy(master_path, path)
    return path


def cards(doc) -> list[Touchpoint]:
    return doc.touchpoints(doc.maps()[0].id)


def one_per_cell(doc) -> list[Touchpoint]:
    """A card of each cell: edits of one never renumber another's cell."""
    seen: dict[tuple[int, int], Touchpoint] = {}
    for tp in cards(doc):
        seen.setdefault((tp.stage_id, tp.lane_id), tp)
    return list(seen.values())


def nothing_new(plan) -> bool:
    """Nothing to add, change or decide (a declined deletion is proposed again: it is still the copy's)."""
    return not (any(plan.added.values()) or any(plan.changed.values()) or plan.conflicts or plan.batches)


def by_title(doc, title: str) -> Touchpoint:
    (tp,) = [t for t in cards(doc) if t.title == title]
    return tp


def test_two_copies_merged_both_ways_and_twice(master):
    anna = copy_of(master, "anna.jmap")
    with Document.open(master) as doc:
        first, second, third, fourth, fifth = one_per_cell(doc)[:5]
        doc.update_touchpoint(first.id, title="Entrance (master)")
    with Document.open(anna) as doc:
        doc.update_touchpoint(second.id, sensation="negative", manual_nps=-20.0)
        doc.add_note(Note(third.id, "The queue was long at noon", "Ana"))
        map_id = doc.maps()[0].id
        new_card = doc.add_touchpoint(Touchpoint(map_id, fifth.stage_id, fifth.lane_id, "Kiosk"))
        doc.delete_touchpoint(fourth.id)
        batch = doc.add_batch(ImportBatch(map_id, "survey.csv", "2026-11-30T10:00:00", rows=3))
        doc.insert_responses([(second.id, 9, None, "bien", "2026-11-01", "", batch),
                              (second.id, 3, None, "cola", "2026-11-02", "", batch),
                              (new_card, 10, None, "", "2026-11-03", "", batch)])

    with Document.open(master) as doc:
        plan = plan_merge(doc, [anna])
        assert plan.sources == ["anna.jmap"]
        assert plan.added == {"touchpoint": 1, "note": 1, "batch": 1}
        assert plan.changed.get("touchpoint", 0) >= 1 and not plan.conflicts  # + the renumbered cell
        assert [(d.kind, d.label) for d in plan.deletions] == [("touchpoint", fourth.title)]
        assert [(b.name, b.responses) for b in plan.batches] == [("survey.csv", 3)]
        assert plan.authors == ["Ana"]
    before = dump(master)
    with Document.open(master) as doc:
        plan_merge(doc, [anna])
        assert dump(master) == before  # planning writes nothing
        result = apply_merge(doc, [anna])
        assert result.touched.responses == 3
        assert by_title(doc, "Entrance (master)")
        got = doc.touchpoint(second.id)
        assert (str(got.sensation), got.manual_nps) == ("negative", -20.0)
        assert [n.text for n in doc.notes(third.id)] == ["The queue was long at noon"]
        kiosk = by_title(doc, "Kiosk")
        assert doc.touchpoint(fourth.id).title == fourth.title  # the deletion is only proposed
        assert sorted(r.score for r in doc.responses(second.id)) == [3, 9]
        assert [r.score for r in doc.responses(kiosk.id)] == [10]
        assert not response_counts.check(doc._conn)
        assert result.report[0].authors == ["Ana"]
    merged = dump(master)
    # Twice: nothing to merge, nothing written.
    with Document.open(master) as doc:
        again = plan_merge(doc, [anna])
        assert nothing_new(again) and [d.label for d in again.deletions] == [fourth.title]
        apply_merge(doc, [anna])
    assert dump(master) == merged
    # The other direction: anna gets master's title, and nothing comes back twice.
    with Document.open(anna) as doc:
        plan = plan_merge(doc, [master])
        assert plan.changed == {"touchpoint": 1} and not plan.conflicts
        apply_merge(doc, [master])
        assert by_title(doc, "Entrance (master)").id == first.id
        assert [n.text for n in doc.notes(third.id)] == ["The queue was long at noon"]
        assert plan_merge(doc, [master]).is_empty()  # the card anna deleted: she knows it, not proposed


def test_conflicts_keep_mine_take_theirs_or_keep_both_notes(master):
    anna = copy_of(master, "anna.jmap")
    with Document.open(master) as doc:
        card = cards(doc)[0]
        note = doc.add_note(Note(card.id, "base note", "Luis"))
    shutil.copy(master, anna)
    Document.open(anna).close()
    with Document.open(master) as doc:
        doc.update_touchpoint(card.id, title="Mine")
        doc.update_note(note, text="master's note")
    with Document.open(anna) as doc:
        doc.update_touchpoint(card.id, title="Theirs")
        doc.update_note(note, text="anna's note")
    keep, theirs = copy_of(master, "keep.jmap"), copy_of(master, "theirs.jmap")
    with Document.open(master) as doc:
        plan = plan_merge(doc, [anna])
        got = {(c.kind, c.field): c for c in plan.conflicts}
        assert set(got) == {("touchpoint", "title"), ("note", "text")}
        title, text = got[("touchpoint", "title")], got[("note", "text")]
        assert (title.mine, title.theirs, title.source, title.label) == ("Mine", "Theirs", "anna.jmap", "Mine")
        assert text.is_note and not title.is_note
    with Document.open(keep) as doc:
        apply_merge(doc, [anna])
        assert doc.touchpoint(card.id).title == "Mine"
        assert [n.text for n in doc.notes(card.id)] == ["master's note"]
        assert plan_merge(doc, [anna]).is_empty()  # the conflict was decided: not asked again
    with Document.open(master) as doc:
        apply_merge(doc, [anna], choices={title.key: THEIRS, text.key: BOTH})
        assert doc.touchpoint(card.id).title == "Theirs"
        assert sorted(n.text for n in doc.notes(card.id)) == ["anna's note", "master's note"]
        assert plan_merge(doc, [anna]).is_empty()
    with Document.open(theirs) as doc:
        apply_merge(doc, [anna], prefer_theirs=True)
        assert doc.touchpoint(card.id).title == "Theirs"


def test_five_copies_each_annotated(master):
    copies = [copy_of(master, f"store-{i}.jmap") for i in range(5)]
    with Document.open(master) as doc:
        ids = [tp.id for tp in one_per_cell(doc)[:5]]
    for i, path in enumerate(copies):
        with Document.open(path) as doc:
            doc.update_touchpoint(ids[i], owner=f"store {i}")
            doc.add_note(Note(ids[0], f"note from store {i}", f"Manager {i}"))
    with Document.open(master) as doc:
        result = apply_merge(doc, copies)
        assert [doc.touchpoint(t).owner for t in ids] == [f"store {i}" for i in range(5)]
        assert sorted(n.author for n in doc.notes(ids[0])) == [f"Manager {i}" for i in range(5)]
        assert [s.source for s in result.report] == [p.name for p in copies]
        assert result.plan.authors == [f"Manager {i}" for i in range(5)]
    merged = dump(master)
    with Document.open(master) as doc:
        assert plan_merge(doc, list(reversed(copies))).is_empty()
    assert dump(master) == merged


def test_undo_and_redo_of_a_merge(master):
    anna = copy_of(master, "anna.jmap")
    with Document.open(anna) as doc:
        card = cards(doc)[0]
        doc.update_touchpoint(card.id, title="Renamed")
        doc.add_note(Note(card.id, "a note", "Ana"))
        batch = doc.add_batch(ImportBatch(doc.maps()[0].id, "s.csv", "2026-11-30T10:00:00", rows=1))
        doc.insert_responses([(card.id, 8, None, "meh", "2026-11-01", "", batch)])
    before = dump(master)
    with Document.open(master) as doc:
        plan = plan_merge(doc, [anna])
        result = apply_merge(doc, [anna], delete=[d.key for d in plan.deletions])
        after = dump(master)
        assert after != before
        result.undo()
        assert not response_counts.check(doc._conn)
        assert dump(master) == before
        result.redo()
        assert dump(master) == after
        result.undo()
        result.redo()
        assert dump(master) == after


def test_accepted_deletion_is_applied(master):
    anna = copy_of(master, "anna.jmap")
    with Document.open(anna) as doc:
        gone = cards(doc)[1]
        doc.delete_touchpoint(gone.id)
    with Document.open(master) as doc:
        plan = plan_merge(doc, [anna])
        (deletion,) = plan.deletions
        apply_merge(doc, [anna], delete=[deletion.key])
        assert gone.id not in {t.id for t in cards(doc)}
        assert plan_merge(doc, [anna]).is_empty()


def test_unrelated_file_is_refused_and_master_unchanged(master, tmp_path):
    from journeymap.services.templates import create_map_from_template

    stranger = tmp_path / "stranger.jmap"
    with Document.create(stranger) as doc:
        create_map_from_template(doc, "retail-store")
    digest = sha(master)
    with Document.open(master) as doc:
        with pytest.raises(MergeRefused) as info:
            plan_merge(doc, [stranger])
        assert "stranger.jmap" in str(info.value) and "not a copy" in str(info.value)
        with pytest.raises(MergeRefused):
            apply_merge(doc, [stranger])
    assert sha(master) == digest


@pytest.mark.parametrize("damage", ["garbage", "truncated", "trigger", "bad row"])
def test_damaged_or_hostile_other_never_changes_master(master, damage):
    other = copy_of(master, "other.jmap")
    if damage == "garbage":
        other.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    elif damage == "truncated":
        other.write_bytes(other.read_bytes()[:3000])
    else:
        conn = sqlite3.connect(other)
        if damage == "trigger":
            conn.execute("CREATE TRIGGER evil AFTER INSERT ON notes BEGIN DELETE FROM touchpoints; END")
        else:
            conn.execute("PRAGMA ignore_check_constraints = ON")
            conn.execute("UPDATE touchpoints SET sensation = 'evil' WHERE id = (SELECT MIN(id) FROM touchpoints)")
        conn.commit()
        conn.close()
    original = other.read_bytes()
    digest = sha(master)
    with Document.open(master) as doc:
        with pytest.raises(MergeRefused) as info:
            apply_merge(doc, [other])
        assert "other.jmap" in str(info.value)
    assert sha(master) == digest
    assert other.read_bytes() == original  # the file named is never touched


def test_undo_of_an_accepted_stage_deletion_brings_back_cards_and_answers(master):
    with Document.open(master) as doc:
        map_id = doc.maps()[0].id
        stage = doc.stages(map_id)[0]
        card = [t for t in cards(doc) if t.stage_id == stage.id][0]
        batch = doc.add_batch(ImportBatch(map_id, "s.csv", "2026-11-30T10:00:00", rows=2))
        doc.insert_responses([(card.id, 9, None, "great", "2026-11-01", "", batch),
                              (card.id, 2, None, "slow", "2026-11-02", "", batch)])
    anna = copy_of(master, "anna.jmap")
    with Document.open(anna) as doc:
        doc.delete_stage(stage.id)
    before = dump(master)
    with Document.open(master) as doc:
        plan = plan_merge(doc, [anna])
        assert [(d.kind, d.label) for d in plan.deletions] == [("stage", stage.name)]  # its cards go with it
        result = apply_merge(doc, [anna], delete=[plan.deletions[0].key])
        assert stage.id not in {s.id for s in doc.stages(map_id)} and not doc.responses(card.id)
        assert not response_counts.check(doc._conn)
        after = dump(master)
        result.undo()
        assert dump(master) == before
        assert sorted(r.score for r in doc.responses(card.id)) == [2, 9]
        assert not response_counts.check(doc._conn)
        result.redo()
        assert dump(master) == after
