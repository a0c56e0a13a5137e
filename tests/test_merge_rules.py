"""The merge rules over rows keyed by uuid (services.merge_rules), without any file."""

from __future__ import annotations

from journeymap.services.merge_plan import BOTH, THEIRS
from journeymap.services.merge_rules import (
    NEW_TICK,
    MergeState,
    Obj,
    Replica,
    merge_one,
    related_by_values,
    shared_uuids,
    shares_history,
)

BASE = "base-replica"


def card(uuid: str, title: str, created=(BASE, 1), changed=(BASE, 1), **values) -> Obj:
    return Obj(uuid, {"map_id": "m", "stage_id": "s", "lane_id": "l", "title": title, **values}, created, changed)


def doc(name: str, replica: str, vector: dict[str, int], cards: list[Obj], notes: list[Obj] = ()) -> Replica:
    structure = {
        "maps": {"m": Obj("m", {"title": "Map", "source_map_id": None}, (BASE, 1), (BASE, 1))},
        "stages": {"s": Obj("s", {"map_id": "m", "name": "Visit"}, (BASE, 1), (BASE, 1))},
        "lanes": {"l": Obj("l", {"map_id": "m", "name": "Touchpoints"}, (BASE, 1), (BASE, 1))},
    }
    return Replica(name, replica, {BASE: 5, **vector}, {
        **structure, "touchpoints": {c.uuid: c for c in cards}, "notes": {n.uuid: n for n in notes},
    })


def test_the_newer_side_wins_when_one_knows_the_other():
    master = doc("master.jmap", "M", {"M": 3}, [card("a", "Till"), card("b", "Door")])
    other = doc("anna.jmap", "A", {"A": 4}, [card("a", "Till (fast)", changed=("A", 4)), card("b", "Door")])
    state = MergeState(master)
    out = merge_one(state, other, 0)
    assert out.changed == {"touchpoint": 1} and not out.conflicts
    assert state.tables["touchpoints"]["a"].values["title"] == "Till (fast)"
    assert state.tables["touchpoints"]["a"].changed == ("A", 4)
    # Twice: nothing more.
    again = merge_one(state, other, 0)
    assert not again.changed and not again.added and not again.conflicts and not again.deletions


def test_master_newer_keeps_mine():
    master = doc("master.jmap", "M", {"M": 9, "A": 4}, [card("a", "Mine", changed=("M", 9))])
    other = doc("anna.jmap", "A", {"A": 4}, [card("a", "Theirs", changed=("A", 4))])
    state = MergeState(master)
    out = merge_one(state, other, 0)
    assert not out.changed and not out.conflicts
    assert state.tables["touchpoints"]["a"].values["title"] == "Mine"


def test_concurrent_edits_are_field_conflicts_kept_mine_or_taken():
    master = doc("master.jmap", "M", {"M": 9}, [card("a", "Mine", changed=("M", 9), sensation="neutral")])
    other = doc("anna.jmap", "A", {"A": 4}, [card("a", "Theirs", changed=("A", 4), sensation="negative")])
    out = merge_one(MergeState(master), other, 0)
    assert [(c.field, c.mine, c.theirs, c.source) for c in out.conflicts] == [
        ("sensation", "neutral", "negative", "anna.jmap"), ("title", "Mine", "Theirs", "anna.jmap")]
    state = MergeState(master)
    merge_one(state, other, 0, choices={out.conflicts[1].key: THEIRS})
    got = state.tables["touchpoints"]["a"]
    assert got.values["title"] == "Theirs" and got.values["sensation"] == "neutral"
    assert got.changed == ("M", NEW_TICK)  # a value neither side had: MASTER's new revision
    state = MergeState(master)
    merge_one(state, other, 0, prefer_theirs=True)
    assert state.tables["touchpoints"]["a"].values["title"] == "Theirs"
    assert state.tables["touchpoints"]["a"].changed == ("A", 4)


def test_added_deleted_and_proposed_deletions():
    # MASTER deleted "gone" (it had seen it); the other copy added "new" and deleted "b".
    master = doc("master.jmap", "M", {"M": 9}, [card("a", "Till"), card("b", "Door")])
    other = doc("anna.jmap", "A", {"A": 8}, [card("a", "Till"), card("gone", "Old"),
                                             card("new", "Kiosk", created=("A", 8), changed=("A", 8))])
    state = MergeState(master)
    out = merge_one(state, other, 0)
    assert out.added == {"touchpoint": 1} and "new" in state.tables["touchpoints"]
    assert "gone" not in state.tables["touchpoints"]
    assert [(d.kind, d.label) for d in out.deletions] == [("touchpoint", "Door")]
    assert "b" in state.tables["touchpoints"]  # proposed only
    state = MergeState(master)
    merge_one(state, other, 0, delete={out.deletions[0].key})
    assert "b" not in state.tables["touchpoints"]


def test_notes_keep_both():
    note = lambda text, rev: Obj("n", {"touchpoint_id": "a", "text": text, "author": "Ana"}, (BASE, 1), rev)  # noqa
    master = doc("master.jmap", "M", {"M": 9}, [card("a", "Till")], [note("queue long", ("M", 9))])
    other = doc("anna.jmap", "A", {"A": 4}, [card("a", "Till")], [note("queue very long", ("A", 4))])
    out = merge_one(MergeState(master), other, 0)
    (c,) = out.conflicts
    assert c.is_note and c.label == "Till"
    state = MergeState(master)
    merge_one(state, other, 0, choices={c.key: BOTH})
    assert sorted(n.values["text"] for n in state.tables["notes"].values()) == ["queue long", "queue very long"]


def test_cascade_of_an_accepted_stage_deletion():
    master = doc("master.jmap", "M", {"M": 9}, [card("a", "Till")])
    other = doc("anna.jmap", "A", {"A": 4}, [])
    other.tables["stages"].clear()
    state = MergeState(master)
    out = merge_one(state, other, 0)
    keys = {d.kind: d.key for d in out.deletions}
    state = MergeState(master)
    merge_one(state, other, 0, delete={keys["stage"]})
    assert not state.tables["stages"] and not state.tables["touchpoints"]


def test_copies_without_shared_history_compare_by_value():
    legacy = lambda uuid, title: Obj(uuid, {"title": title, "map_id": "m", "stage_id": "s", "lane_id": "l"},  # noqa
                                     None, None, legacy=True)
    master = Replica("master.jmap", "M", {"M": 1}, {"touchpoints": {"a": legacy("a", "Till"), "b": legacy("b", "X")}})
    other = Replica("old.jmap", "O", {"O": 1}, {"touchpoints": {"a": legacy("a", "Till"), "b": legacy("b", "Y")}})
    assert not shares_history(master, other)
    assert shared_uuids(master, other) == (2, 2)
    out = merge_one(MergeState(master), other, 0)
    assert [(c.mine, c.theirs) for c in out.conflicts] == [("X", "Y")]
    assert not out.deletions
    stranger = Replica("x.jmap", "X", {"X": 1}, {"touchpoints": {"a": legacy("a", "Other")}})
    assert related_by_values(master, other) and not related_by_values(master, stranger)
