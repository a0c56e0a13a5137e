"""Whole-map JSON: export, import into another document, export again; validation errors."""

import copy
import json

import pytest

from journeymap.domain.model import Connection, Evidence, ImportBatch, Note, Persona, Response
from journeymap.services.map_json import FORMAT, MapJsonError, export_map, import_file, import_map, load_file
from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document


@pytest.fixture
def doc(tmp_path):
    with Document.create(tmp_path / "a.jmap") as d:
        yield d


@pytest.fixture
def other(tmp_path):
    with Document.create(tmp_path / "b.jmap") as d:
        yield d


@pytest.fixture
def map_id(doc):
    map_id = create_map_from_template(doc, "retail-store")
    tps = doc.touchpoints(map_id)
    doc.update_touchpoint(tps[0].id, manual_nps=-12.5, manual_sentiment=0.25, tags=["a", "ñ"])
    doc.update_touchpoint(tps[1].id, manual_promoters=4, manual_passives=1, manual_detractors=0)
    doc.add_note(Note(tps[0].id, "Watch the queue", "Ana", "2024-05-01T10:00:00"))
    doc.add_note(Note(tps[0].id, "Second note <b>", "", "2024-05-02T10:00:00"))
    batch = doc.add_batch(ImportBatch(map_id, "survey.csv", "2024-05-03T09:00:00", rows=2))
    doc.add_response(Response(tps[2].id, 9, 0.5, "great", "2024-04-01", "web", batch))
    doc.add_response(Response(tps[2].id, 3, None, "", None, "", None))
    doc.update_touchpoint(tps[3].id, controllable=False, expectation="Fast", evidence=Evidence.CRM, waiting_minutes=7.5)
    doc.add_connection(Connection(map_id, tps[3].id, tps[3].id, "loop"))
    photo = b"\x89PNG\r\n\x1a\nfake"
    second = doc.add_persona(Persona("Pablo", "«Rápido»", "Bio", ["g1"], ["n1", "n2"], ["f1"], photo))
    doc.set_map_personas(map_id, [p.id for p in doc.map_personas(map_id)] + [second])
    return map_id


def strip_ids(data):
    """Replace ids by positions so that two exports can be compared."""
    data = copy.deepcopy(data)
    stages = {s["id"]: i for i, s in enumerate(data["stages"])}
    lanes = {l["id"]: i for i, l in enumerate(data["lanes"])}
    batches = {b["id"]: i for i, b in enumerate(data.get("import_batches", []))}
    data["map"].pop("id")
    for s in data["stages"]:
        s["id"] = stages[s["id"]]
    for l in data["lanes"]:
        l["id"] = lanes[l["id"]]
    for b in data.get("import_batches", []):
        b["id"] = batches[b["id"]]
    cards = {tp["id"]: i for i, tp in enumerate(data["touchpoints"])}
    for c in data.get("connections", []):
        c["source_id"], c["target_id"] = cards[c["source_id"]], cards[c["target_id"]]
    for tp in data["touchpoints"]:
        tp.pop("id")
        tp["stage_id"], tp["lane_id"] = stages[tp["stage_id"]], lanes[tp["lane_id"]]
        for r in tp.get("responses", []):
            r["batch_id"] = None if r["batch_id"] is None else batches[r["batch_id"]]
    return data


@pytest.mark.parametrize("responses", [False, True])
def test_round_trip_identical_except_ids(doc, other, map_id, tmp_path, responses):
    first = export_map(doc, map_id, include_responses=responses)
    path = tmp_path / "map.json"
    path.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
    create_map_from_template(other, "hotel")  # so the new ids differ
    new_id = import_file(other, path)
    second = export_map(other, new_id, include_responses=responses)
    assert second["map"]["id"] != first["map"]["id"]
    assert strip_ids(second) == strip_ids(first)
    # Personas and connections came through exactly (the template's main flow, a loop, two personas).
    assert [p["name"] for p in second["personas"]] == ["Laura, 34, weekend shopper", "Pablo"]
    assert second["personas"][1] == first["personas"][1]
    assert second["personas"][0]["goals"] and second["personas"][0]["frustrations"]
    assert len(second["connections"]) == len(first["connections"]) == len(doc.connections(map_id)) >= 10
    assert second["connections"][-1]["label"] == "loop"
    assert ("responses" in second["touchpoints"][0]) is responses
    if responses:
        assert len(other.batches(new_id)) == 1


def test_export_contains_every_field(doc, map_id):
    data = export_map(doc, map_id)
    assert data["format"] == FORMAT and data["version"] == 2
    tp = data["touchpoints"][0]
    assert tp["manual_nps"] == -12.5 and tp["tags"] == ["a", "ñ"]
    assert [n["text"] for n in tp["notes"]] == ["Watch the queue", "Second note <b>"]
    assert {"description", "channel", "sensation", "moment_of_truth", "owner", "impact", "manual_sentiment",
            "manual_promoters", "manual_passives", "manual_detractors", "controllable", "expectation",
            "evidence", "waiting_minutes"} <= set(tp)
    assert data["touchpoints"][3]["evidence"] == "crm" and data["touchpoints"][3]["waiting_minutes"] == 7.5
    assert data["personas"][0]["name"] and data["personas"][1]["photo"]
    assert {l["line_below"] for l in data["lanes"]} == {"", "interaction", "visibility"}
    assert "responses" not in tp and "import_batches" not in data
    json.dumps(data, allow_nan=False)


def test_import_is_one_transaction(doc, other, map_id):
    data = export_map(doc, map_id)
    data["touchpoints"][-1]["impact"] = 9
    with pytest.raises(MapJsonError, match=r"touchpoints\[27\]\.impact: must be between 1 and 5, got 9"):
        import_map(other, data)
    assert other.maps() == []


def test_import_appends_after_existing_maps_with_optional_title(doc, map_id):
    data = export_map(doc, map_id)
    new_id = import_map(doc, data, title="Copy")
    maps = doc.maps()
    assert [m.id for m in maps] == [map_id, new_id]
    assert maps[1].title == "Copy"
    assert doc.counts(new_id) == doc.counts(map_id)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(format="other"), "not a JourneyMap map file"),
        (lambda d: d.update(version=99), "newer JourneyMap"),
        (lambda d: d.pop("map"), r"map file\.map: missing"),
        (lambda d: d["map"].update(title=""), r"map\.title: must not be empty"),
        (lambda d: d["map"].update(title=5), r"map\.title: expected text, got the number 5"),
        (lambda d: d.update(stages=[]), "at least one stage"),
        (lambda d: d.update(lanes="x"), r"lanes: expected a list"),
        (lambda d: d["stages"][1].update(colour="red"), r"stages\[1\]\.colour"),
        (lambda d: d["stages"][1].update(id=d["stages"][0]["id"]), r"stages\[1\]\.id: duplicate"),
        (lambda d: d["lanes"][0].update(kind="weird"), r"lanes\[0\]\.kind: 'weird' is not one of"),
        (lambda d: d["touchpoints"][2].update(stage_id=999), r"touchpoints\[2\]\.stage_id: no stage has id 999"),
        (lambda d: d["touchpoints"][2].update(lane_id=None), r"touchpoints\[2\]\.lane_id: missing"),
        (lambda d: d["touchpoints"][0].update(sensation="meh"), r"touchpoints\[0\]\.sensation"),
        (lambda d: d["touchpoints"][0].update(manual_nps=101), r"manual_nps: must be between -100 and 100"),
        (lambda d: d["touchpoints"][0].update(manual_sentiment="high"), r"manual_sentiment: expected a number"),
        (lambda d: d["touchpoints"][0].update(manual_promoters=-1), r"manual_promoters: must be at least 0"),
        (lambda d: d["touchpoints"][0].update(moment_of_truth="yes"), r"moment_of_truth: expected true or false"),
        (lambda d: d["touchpoints"][0].update(impact=True), r"impact: expected a whole number"),
        (lambda d: d["touchpoints"][0].update(tags=[1]), r"touchpoints\[0\]\.tags\[0\]: expected text"),
        (lambda d: d["touchpoints"][0].update(notes=[{"author": "x"}]), r"notes\[0\]\.text: missing"),
        (lambda d: d["touchpoints"][0].update(responses=[{"score": 11}]), r"responses\[0\]\.score: must be"),
        (lambda d: d["touchpoints"][0].update(responses=[{"score": 5, "batch_id": 7}]), r"no import batch"),
        (lambda d: d["touchpoints"].append("x"), r"touchpoints\[28\]: expected an object, got the text 'x'"),
        (lambda d: d["touchpoints"][0].update(evidence="gossip"), r"touchpoints\[0\]\.evidence: 'gossip' is not one"),
        (lambda d: d["touchpoints"][0].update(waiting_minutes=-3), r"waiting_minutes: must be between 0"),
        (lambda d: d["lanes"][0].update(line_below="wall"), r"lanes\[0\]\.line_below"),
        (lambda d: d["connections"][0].update(target_id=999), r"connections\[0\]\.target_id: no touchpoint has id 999"),
        (lambda d: d["personas"][0].update(name=""), r"personas\[0\]\.name: must not be empty"),
        (lambda d: d["personas"][0].update(goals=[3]), r"personas\[0\]\.goals\[0\]: expected text"),
        (lambda d: d["personas"][0].update(photo="***"), r"personas\[0\]\.photo: not base64"),
    ],
)
def test_validation_names_what_is_wrong(doc, other, map_id, mutate, message):
    data = export_map(doc, map_id)
    mutate(data)
    with pytest.raises(MapJsonError, match=message):
        import_map(other, data)
    assert other.maps() == []


def test_not_an_object():
    with pytest.raises(MapJsonError, match="expected an object, got a list"):
        import_map(None, [])  # type: ignore[arg-type]


def test_load_file_errors(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{ nope", encoding="utf-8")
    with pytest.raises(MapJsonError, match=r"not valid JSON .* line 1"):
        load_file(bad)
    bad.write_bytes(b"\xff\xfe{}")
    with pytest.raises(MapJsonError, match="not UTF-8"):
        load_file(bad)
    bad.write_text('{"x": NaN}', encoding="utf-8")
    with pytest.raises(MapJsonError, match="NaN"):
        load_file(bad)
    with pytest.raises(MapJsonError, match="cannot read"):
        load_file(tmp_path / "missing.json")


def test_import_file_prefixes_the_path(doc, other, map_id, tmp_path):
    data = export_map(doc, map_id)
    data["stages"][0]["name"] = None
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(MapJsonError, match=r"m\.json: stages\[0\]\.name: missing"):
        import_file(other, path)


def test_version_1_file_still_imports(doc):
    """A file written before personas and connections: its persona fields become a persona."""
    data = {
        "format": FORMAT, "version": 1,
        "map": {"id": 1, "title": "Old", "persona_name": "Laura", "persona_description": "Likes shops"},
        "stages": [{"id": 1, "name": "S", "colour": "#4C72B0"}],
        "lanes": [{"id": 1, "name": "L", "kind": "touchpoints", "colour": ""}],
        "touchpoints": [{"id": 5, "stage_id": 1, "lane_id": 1, "title": "Card", "impact": 3}],
    }
    new_id = import_map(doc, data)
    [persona] = doc.map_personas(new_id)
    assert (persona.name, persona.bio) == ("Laura", "Likes shops")
    [tp] = doc.touchpoints(new_id)
    assert (tp.controllable, tp.evidence, tp.waiting_minutes) == (True, Evidence.NONE, None)
    assert doc.connections(new_id) == []
