"""Merging photos, personas, connections, stages and lanes; copies of an old-format file; the CLI in EN and ES."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from cli_helpers import cli
from photo_fixtures import plain_png

from journeymap.domain.model import Connection, Note, Persona
from journeymap.services.attaching import prepare_files, store_photos
from journeymap.services.merging import MergeRefused, apply_merge, plan_merge
from journeymap.storage import Document, attachments

FORMAT9 = Path(__file__).parent / "data" / "format9_map.jmap"


@pytest.fixture
def master(doc_path):
    Document.open(doc_path).close()
    return doc_path


def copy_of(path: Path, name: str) -> Path:
    out = path.with_name(name)
    shutil.copy(path, out)
    return out


def test_photos_personas_and_connections_come_in(master, tmp_path):
    anna = copy_of(master, "anna.jmap")
    photo = plain_png(tmp_path / "shelf.png", 64, 48)
    with Document.open(anna) as doc:
        map_id = doc.maps()[0].id
        a, b = doc.touchpoints(map_id)[:2]
        note = doc.add_note(Note(a.id, "see the photo", "Ana"))
        store_photos(doc, a.id, prepare_files([photo]), note)
        persona = doc.add_persona(Persona("Marta, 34", quote="I want it fast"))
        doc.set_map_personas(map_id, [persona])
        doc.add_connection(Connection(map_id, a.id, b.id, "then"))
    with Document.open(master) as doc:
        plan = plan_merge(doc, [anna])
        assert plan.added == {"persona": 1, "note": 1, "attachment": 1, "map_persona": 1, "connection": 1}
        apply_merge(doc, [anna])
        (att,) = attachments.attachments(doc, a.id)
        assert att.file_name == "shelf.png" and att.note_id == doc.notes(a.id)[0].id
        assert attachments.blob(doc, att.sha256)  # the pixels came with it
        # anna's map shows only Marta: Laura's assignment there is a deletion, proposed only
        assert [p.name for p in doc.map_personas(map_id)][-1] == "Marta, 34"
        assert [(d.kind, d.label) for d in plan.deletions] == [("map_persona", "Laura, 34, weekend shopper")]
        assert [(c.source_id, c.target_id, c.label) for c in doc.connections(map_id)
                if c.label == "then"] == [(a.id, b.id, "then")]
        assert not plan_merge(doc, [anna]).added


def _old_copy(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    shutil.copy(FORMAT9, path)
    return path


def test_copies_upgraded_apart_compare_by_value(tmp_path):
    mine, theirs = _old_copy(tmp_path, "mine.jmap"), _old_copy(tmp_path, "theirs.jmap")
    with Document.open(mine) as doc:  # upgraded here: legacy uuids, its own replica
        doc.update_touchpoint(2, title="Caja rápida")
    with Document.open(theirs) as doc:
        doc.update_touchpoint(3, sensation="negative")
    with Document.open(mine) as doc:
        plan = plan_merge(doc, [theirs])
        fields = {(c.label, c.field): (c.mine, c.theirs) for c in plan.conflicts}
        assert fields[("Caja rápida", "title")] == ("Caja rápida", "Caja")
        assert fields[("Recibo", "sensation")][1] == "negative"
        assert not plan.deletions
        apply_merge(doc, [theirs], prefer_theirs=True)
        assert str(doc.touchpoint(3).sensation) == "negative"


def test_old_unrelated_file_is_refused_by_values(tmp_path):
    mine, stranger = _old_copy(tmp_path, "mine.jmap"), _old_copy(tmp_path, "stranger.jmap")
    conn = sqlite3.connect(stranger)
    for table, column in (("stages", "name"), ("lanes", "name"), ("touchpoints", "title")):
        conn.execute(f"UPDATE {table} SET {column} = 'other ' || id")
    conn.commit()
    conn.close()
    Document.open(mine).close()
    digest = hashlib.sha256(mine.read_bytes()).hexdigest()
    with Document.open(mine) as doc, pytest.raises(MergeRefused) as info:
        apply_merge(doc, [stranger])
    assert "stranger.jmap" in str(info.value) and "same name" in str(info.value)
    assert hashlib.sha256(mine.read_bytes()).hexdigest() == digest


def test_cli_merge_in_english_and_spanish(master, tmp_path):
    anna = copy_of(master, "anna.jmap")
    with Document.open(master) as doc:
        card = doc.touchpoints(doc.maps()[0].id)[0]
        doc.update_touchpoint(card.id, title="Mine")
    with Document.open(anna) as doc:
        doc.update_touchpoint(card.id, title="Theirs")
        doc.add_note(Note(card.id, "long queue", "Ana"))
    before = hashlib.sha256(master.read_bytes()).hexdigest()
    dry = cli("merge", str(master), str(anna), "--dry-run", cwd=tmp_path, JOURNEYMAP_LANG="en")
    assert dry.returncode == 0, dry.stderr
    assert "anna.jmap: added 1 note; 1 conflict" in dry.stdout
    assert "Mine" in dry.stdout and "Theirs" in dry.stdout and "Dry run: nothing was written." in dry.stdout
    assert hashlib.sha256(master.read_bytes()).hexdigest() == before
    es = cli("merge", str(master), str(anna), "--format", "table", cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert es.returncode == 0, es.stderr
    assert "añadido: 1 nota; 1 conflicto" in es.stdout and "notas de Ana" in es.stdout
    assert "Combinado en map.jmap" in es.stdout
    again = cli("merge", str(master), str(anna), "--format", "json", cwd=tmp_path, JOURNEYMAP_LANG="en")
    assert again.returncode == 0, again.stderr
    out = json.loads(again.stdout)
    assert out["added"] == {} and out["conflicts"] == [] and out["sources"] == ["anna.jmap"]
    with Document.open(master) as doc:
        assert doc.touchpoint(card.id).title == "Mine"
    theirs = cli("merge", str(anna), str(master), "--theirs", cwd=tmp_path, JOURNEYMAP_LANG="en")
    assert theirs.returncode == 0, theirs.stderr
    with Document.open(anna) as doc:
        assert doc.touchpoint(card.id).title == "Mine"  # anna takes master's value


def test_cli_refuses_an_unrelated_file(master, tmp_path):
    from journeymap.services.templates import create_map_from_template

    stranger = tmp_path / "stranger.jmap"
    with Document.create(stranger) as doc:
        create_map_from_template(doc, "retail-store")
    before = hashlib.sha256(master.read_bytes()).hexdigest()
    for lang, words in (("en", "not a copy of this map"), ("es", "no es una copia de este mapa")):
        run = cli("merge", str(master), str(stranger), cwd=tmp_path, JOURNEYMAP_LANG=lang)
        assert run.returncode == 1 and words in run.stderr and "stranger.jmap" in run.stderr, run.stderr
    assert hashlib.sha256(master.read_bytes()).hexdigest() == before


def test_stages_lanes_and_every_card_field_come_in(master):
    from journeymap.domain.model import Lane, Stage, Touchpoint

    anna = copy_of(master, "anna.jmap")
    with Document.open(anna) as doc:
        map_id = doc.maps()[0].id
        lane = doc.lanes(map_id)[0]
        doc.update_lane(lane.id, name="Touchpoints (store 7)")
        stage = doc.add_stage(Stage(map_id, "Return", position=99))
        new_lane = doc.add_lane(Lane(map_id, "Staff", position=99))
        card = doc.add_touchpoint(Touchpoint(map_id, stage, new_lane, "Refund desk"))
        doc.update_touchpoint(card, sensation="negative", manual_promoters=3, manual_passives=1,
                              manual_detractors=6, moment_of_truth=True, impact=5, tags=["refund", "queue"],
                              expectation="money back in 5 minutes", waiting_minutes=12.5, evidence="observation")
    with Document.open(master) as doc:
        plan = plan_merge(doc, [anna])
        assert plan.added == {"stage": 1, "lane": 1, "touchpoint": 1} and plan.changed == {"lane": 1}
        apply_merge(doc, [anna])
        assert doc.lanes(map_id)[0].name == "Touchpoints (store 7)"
        (got,) = [t for t in doc.touchpoints(map_id) if t.title == "Refund desk"]
        assert doc.stages(map_id)[-1].name == "Return" and got.stage_id == doc.stages(map_id)[-1].id
        assert (str(got.sensation), got.manual_promoters, got.manual_passives, got.manual_detractors) == (
            "negative", 3, 1, 6)
        assert (got.moment_of_truth, got.impact, got.tags, got.waiting_minutes, str(got.evidence)) == (
            True, 5, ["refund", "queue"], 12.5, "observation")


def test_the_same_persona_put_on_the_map_in_both_copies(master):
    with Document.open(master) as doc:
        persona = doc.add_persona(Persona("Marta, 34"))
        map_id = doc.maps()[0].id
        others = [p.id for p in doc.map_personas(map_id)]
    anna = copy_of(master, "anna.jmap")
    for path in (master, anna):
        with Document.open(path) as doc:
            doc.set_map_personas(map_id, [*others, persona])
    with Document.open(master) as doc:
        apply_merge(doc, [anna])  # two links of one persona to one map: MASTER's stays, nothing fails
        assert [p.name for p in doc.map_personas(map_id)].count("Marta, 34") == 1


def test_a_read_only_master_is_refused(master):
    anna = copy_of(master, "anna.jmap")
    with Document.open(master, read_only=True) as doc, pytest.raises(Exception, match="read-only"):
        apply_merge(doc, [anna])


def test_an_event_log_import_is_merged_with_its_flows(tmp_path):
    from events_fixtures import abc_log, make_map

    from journeymap.services.event_import import import_events
    from journeymap.storage.events_sql import map_flows

    doc, map_id, _ids = make_map(tmp_path)
    doc.close()
    master = tmp_path / "map.jmap"
    anna = copy_of(master, "anna.jmap")
    with Document.open(anna) as doc:
        import_events(doc, map_id, abc_log(tmp_path / "log.csv"))
        doc.add_note(Note(doc.touchpoints(map_id)[0].id, "busy", "Ana"))
        flows = map_flows(doc, map_id)
    with Document.open(master) as doc:
        plan = plan_merge(doc, [anna])
        assert plan.added == {"event_log": 1, "note": 1}
        assert [(b.name, b.events, b.is_event_log) for b in plan.batches] == [("log.csv", 420, True)]
        apply_merge(doc, [anna])
        assert [b.source for b in doc.batches(map_id)] == ["log.csv"]
        got = map_flows(doc, map_id)  # the same cards' ids in both files: the flows compare as they are
        assert (got.customers, got.events, got.transitions, got.touchpoints, got.paths) == (
            flows.customers, flows.events, flows.transitions, flows.touchpoints, flows.paths)
