"""Identity through the map JSON (issue 18): export carries every object's uuid, import-map keeps them unless
the document already holds the map, hostile identities never crash nor half-import, and a JSON copy merges."""

from __future__ import annotations

import copy as copy_module
import hashlib
import json
import uuid
from pathlib import Path

import pytest
from cli_helpers import cli

from journeymap.domain.model import Connection, ImportBatch, Note, Quote, Touchpoint
from journeymap.services import map_json_identity as idents
from journeymap.services.map_json import MapJsonError, dumps, export_map, import_map, import_map_identities
from journeymap.services.merging import MergeRefused, apply_merge, plan_merge
from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document, identity
from journeymap.storage.identity_schema import EDITED_TABLES
from journeymap.storage.quotes import add_quote

TABLES = [t for t in EDITED_TABLES if t != "attachments"]  # photos are not part of the map JSON


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def by_uuid(doc: Document, table: str) -> dict[str, identity.Identity]:
    return {i.uuid: i for i in identity.identities(doc, table).values()}


@pytest.fixture
def master(tmp_path: Path) -> tuple[Path, int]:
    """A document with the retail map (persona, connections) and every kind of object the JSON carries."""
    path = tmp_path / "master.jmap"
    with Document.create(path) as doc:
        map_id = create_map_from_template(doc, "retail-store")
        card = doc.touchpoints(map_id)[0]
        doc.add_note(Note(card.id, "long queue", "Ana"))
        add_quote(doc, Quote(card.id, "Too slow", None, 3))
        batch = doc.add_batch(ImportBatch(map_id, "survey.csv", "2026-12-02T10:00:00", 1))
        doc.insert_responses([(card.id, 9, 0.5, "great", None, "", batch, None)], with_overall=True)
    return path, map_id


def exported(path: Path, map_id: int) -> dict:
    with Document.open(path, read_only=True) as doc:
        return json.loads(dumps(export_map(doc, map_id, include_responses=True)))


def test_the_export_carries_every_objects_uuid_and_revision(master) -> None:
    path, map_id = master
    data = exported(path, map_id)
    with Document.open(path, read_only=True) as doc:
        expect = {t: by_uuid(doc, t) for t in TABLES}
    objects = [("maps", data["map"]), *(("personas", p) for p in data["personas"]),
               *(("map_personas", p["assignment"]) for p in data["personas"]),
               *(("stages", s) for s in data["stages"]), *(("lanes", s) for s in data["lanes"]),
               *(("touchpoints", t) for t in data["touchpoints"]),
               *(("notes", n) for t in data["touchpoints"] for n in t["notes"]),
               *(("quotes", q) for t in data["touchpoints"] for q in t["quotes"]),
               *(("connections", c) for c in data["connections"]),
               *(("import_batches", b) for b in data["import_batches"])]
    for table in TABLES:
        given = {o["uuid"]: o["revision"] for t, o in objects if t == table}
        assert set(given) == set(expect[table]), table
        for u, rev in given.items():
            known = expect[table][u]
            assert rev == {"created": [known.created_by, known.created_clock],
                           "changed": [known.changed_by, known.changed_clock]}


def test_import_map_keeps_them_and_a_second_import_makes_new_ones(master, tmp_path: Path) -> None:
    path, map_id = master
    data = exported(path, map_id)
    with Document.open(path, read_only=True) as doc:
        original = {t: by_uuid(doc, t) for t in TABLES}
    with Document.create(tmp_path / "copy.jmap") as doc:
        first, status = import_map_identities(doc, data)
        assert status == idents.KEPT
        # The same objects, revisions included (what the merge reads).
        assert {t: by_uuid(doc, t) for t in TABLES} == original
        again, status = import_map_identities(doc, data)  # the same file twice: two independent maps
        assert status == idents.ALREADY_HERE and again != first
        second = export_map(doc, again, include_responses=True)
        uuids = [o["uuid"] for o in [second["map"], *second["stages"], *second["touchpoints"], *second["personas"]]]
        assert not set(uuids) & {u for t in TABLES for u in original[t]}
        assert all(uuid.UUID(u).version == 4 for u in uuids)
        assert len(doc.touchpoints(again)) == len(doc.touchpoints(first))
    with Document.open(path) as doc:  # into the document that holds the map: a separate map too
        mine, status = import_map_identities(doc, data)
        assert status == idents.ALREADY_HERE
        assert identity.identity(doc, "maps", mine).uuid != data["map"]["uuid"]


def test_a_json_without_uuids_imports_with_new_ones(master, tmp_path: Path) -> None:
    path, map_id = master
    data = exported(path, map_id)

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("uuid", "revision", "assignment")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    with Document.create(tmp_path / "old.jmap") as doc:
        new, status = import_map_identities(doc, strip(data))
        assert status == idents.NONE
        assert len(doc.touchpoints(new)) == len(data["touchpoints"])
        cards = identity.identities(doc, "touchpoints").values()
        assert cards and all(uuid.UUID(c.uuid).version == 4 and c.created_by == identity.replica(doc)[0]
                             for c in cards)


def _hostile(data: dict, how: str) -> dict:
    bad = copy_module.deepcopy(data)
    if how == "malformed":
        bad["touchpoints"][2]["uuid"] = "not-a-uuid"
    elif how == "number":
        bad["stages"][0]["uuid"] = 12
    elif how == "duplicate":
        bad["touchpoints"][1]["notes"] = [{"text": "x", "uuid": bad["touchpoints"][0]["uuid"]}]
    elif how == "revision":
        bad["lanes"][1]["revision"] = {"created": ["nobody", 3], "changed": None}
    elif how == "clock":
        bad["map"]["revision"]["changed"] = [bad["map"]["revision"]["changed"][0], -1]
    elif how == "revision_list":
        bad["connections"][0]["revision"] = [1, 2]
    return bad


@pytest.mark.parametrize(("how", "words"), [
    ("malformed", "touchpoints[2].uuid: the text 'not-a-uuid' is not a uuid"),
    ("number", "stages[0].uuid: the number 12 is not a uuid"),
    ("duplicate", "touchpoints[1].notes[0].uuid: "),
    ("revision", "lanes[1].revision.created: expected null or [replica uuid, clock]"),
    ("clock", "map.revision.changed: expected null or [replica uuid, clock]"),
    ("revision_list", "connections[0].revision: expected an object, got a list"),
])
def test_hostile_identities_are_refused_and_change_nothing(master, tmp_path: Path, how: str, words: str) -> None:
    path, map_id = master
    bad = _hostile(exported(path, map_id), how)
    target = tmp_path / "target.jmap"
    with Document.create(target) as doc:
        create_map_from_template(doc, "generic")
    before = sha(target)
    with Document.open(target) as doc:
        with pytest.raises(MapJsonError) as err:
            import_map(doc, bad)
        assert words in str(err.value)
        if how == "duplicate":
            assert "is already the uuid of touchpoints[0]" in str(err.value)
        assert len(doc.maps()) == 1
    assert sha(target) == before


def test_a_uuid_of_another_object_of_the_document_gives_new_ones_to_all(master, tmp_path: Path) -> None:
    """A stage of the file with the uuid of a stage already in the document: nothing collides, nothing is half-done."""
    path, map_id = master
    data = exported(path, map_id)
    with Document.create(tmp_path / "t.jmap") as doc:
        other = create_map_from_template(doc, "generic")
        taken = identity.identity(doc, "stages", doc.stages(other)[0].id).uuid
        data["stages"][3]["uuid"] = taken
        new, status = import_map_identities(doc, data)
        assert status == idents.ALREADY_HERE
        assert identity.identity(doc, "maps", new).uuid != data["map"]["uuid"]
        assert len(doc.stages(new)) == len(data["stages"]) and doc.integrity_check() == "ok"


def test_two_maps_of_one_document_share_their_persona_in_the_copy(master, tmp_path: Path) -> None:
    path, map_id = master
    with Document.open(path) as doc:
        second = doc.duplicate_map(map_id, "Second visit")
        [persona] = doc.map_personas(map_id)
        assert [p.id for p in doc.map_personas(second)] == [persona.id]
    a, b = exported(path, map_id), exported(path, second)
    with Document.create(tmp_path / "c.jmap") as doc:
        assert import_map_identities(doc, a)[1] == idents.KEPT
        new, status = import_map_identities(doc, b)
        assert status == idents.KEPT
        assert len(doc.personas()) == 1 and doc.map_personas(new)[0].name == persona.name
        assert identity.identity(doc, "maps", new).uuid == b["map"]["uuid"]


# ------------------------------------------------------------- the JSON copy merges
def _json_copy(master_path: Path, map_id: int, tmp_path: Path, name: str = "store.jmap") -> Path:
    out = tmp_path / "map.json"
    out.write_text(dumps(exported(master_path, map_id)), "utf-8")
    target = tmp_path / name
    run = cli("import-map", str(target), str(out), "--new", cwd=tmp_path, JOURNEYMAP_LANG="en")
    assert run.returncode == 0 and run.stderr == "", run.stderr
    return target


def test_a_json_copy_merges_back_by_uuid(master, tmp_path: Path) -> None:
    path, map_id = master
    copy = _json_copy(path, map_id, tmp_path)
    with Document.open(copy) as doc:
        [theirs_map] = doc.maps()
        cards = doc.touchpoints(theirs_map.id)
        doc.add_note(Note(cards[1].id, "the fitting rooms were closed", "Luis"))
        doc.update_touchpoint(cards[2].id, title="Renamed in the store")
        doc.add_touchpoint(Touchpoint(theirs_map.id, cards[0].stage_id, cards[0].lane_id, "Self-checkout"))
        doc.add_connection(Connection(theirs_map.id, cards[0].id, cards[3].id, "then"))
        titles = [c.title for c in cards]
    with Document.open(path) as doc:  # MASTER moves on after the export: its own edit is no conflict
        mine = doc.touchpoints(map_id)
        doc.update_touchpoint(mine[4].id, title="Changed at the office")

    with Document.open(path) as doc:
        plan = plan_merge(doc, [copy])
        assert plan.added == {"touchpoint": 1, "note": 1, "connection": 1}
        assert plan.changed == {} and plan.deletions == []
        # The store's rename meets a card the copy has no history of: a conflict, MASTER's kept unless chosen.
        assert [(c.kind, c.field, c.mine, c.theirs) for c in plan.conflicts] == [
            ("touchpoint", "title", titles[2], "Renamed in the store")]
        apply_merge(doc, [copy], prefer_theirs=True)
        cards = doc.touchpoints(map_id)
        assert {"Renamed in the store", "Self-checkout", "Changed at the office"} <= {c.title for c in cards}
        assert "the fitting rooms were closed" in [n.text for c in cards for n in doc.notes(c.id)]
        assert len(doc.maps()) == 1
        again = plan_merge(doc, [copy])  # merging the same copy twice changes nothing
        assert (again.added, again.changed, again.conflicts, again.deletions) == ({}, {}, [], [])


def test_the_cli_round_trip_in_english_and_spanish(master, tmp_path: Path) -> None:
    path, map_id = master
    copy = _json_copy(path, map_id, tmp_path)
    with Document.open(copy) as doc:
        card = doc.touchpoints(doc.maps()[0].id)[0]
        doc.add_note(Note(card.id, "queue at noon", "Ana"))
    dry = cli("merge", str(path), str(copy), "--dry-run", cwd=tmp_path, JOURNEYMAP_LANG="en")
    assert dry.returncode == 0 and "store.jmap: added 1 note" in dry.stdout, dry.stdout + dry.stderr
    es = cli("merge", str(path), str(copy), cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert es.returncode == 0 and "añadido: 1 nota" in es.stdout, es.stdout + es.stderr
    with Document.open(path, read_only=True) as doc:
        assert "queue at noon" in [n.text for c in doc.touchpoints(map_id) for n in doc.notes(c.id)]


def test_a_json_imported_where_the_map_already_is_is_not_a_copy(master, tmp_path: Path) -> None:
    """Imported into a document that holds the map, the JSON gives a separate map: a document holding only
    that one is refused by the merge as not a copy, MASTER unchanged; the CLI says so when importing."""
    path, map_id = master
    out = tmp_path / "map.json"
    out.write_text(dumps(exported(path, map_id)), "utf-8")
    other = _json_copy(path, map_id, tmp_path, "other.jmap")
    for lang, words in (("en", "already holds this map: the imported one is a separate map"),
                        ("es", "ya contiene este mapa: el importado es un mapa aparte")):
        run = cli("import-map", str(other), str(out), cwd=tmp_path, JOURNEYMAP_LANG=lang)
        assert run.returncode == 0 and words in run.stderr and "other.jmap" in run.stderr, run.stderr
    with Document.open(other) as doc:
        first, *separate = doc.maps()
        doc.delete_map(first.id)  # only the separate maps are left
    before = sha(path)
    with Document.open(path) as doc:
        with pytest.raises(MergeRefused, match="not a copy of this map"):
            plan_merge(doc, [other])
    assert sha(path) == before


def test_import_map_new_never_overwrites_and_leaves_nothing_on_a_bad_file(master, tmp_path: Path) -> None:
    path, map_id = master
    bad = tmp_path / "bad.json"
    data = exported(path, map_id)
    data["touchpoints"][0]["uuid"] = "x"
    bad.write_text(json.dumps(data), "utf-8")
    for lang, words in (("en", "is not a uuid"), ("es", "no es un uuid")):
        run = cli("import-map", str(tmp_path / "n.jmap"), str(bad), "--new", cwd=tmp_path, JOURNEYMAP_LANG=lang)
        assert run.returncode == 1 and words in run.stderr, run.stderr
        assert not list(tmp_path.glob("n.jmap*"))
    before = sha(path)
    run = cli("import-map", str(path), str(bad), "--new", cwd=tmp_path, JOURNEYMAP_LANG="en")
    assert run.returncode == 1 and "refusing to overwrite" in run.stderr, run.stderr
    assert sha(path) == before
    with Document.open(path, read_only=True) as doc:
        assert len(doc.maps()) == 1
