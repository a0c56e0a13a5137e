"""Checks the shipped starter templates and touchpoint library (pure data, no Qt)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

TEMPLATES_DIR = Path(__file__).parents[1] / "resources" / "templates"
LIBRARY = "library"
EXPECTED_TEMPLATES = {"generic", "insurance", "retail-store", "hotel", "b2b-saas", "buyer-journey", "gourmet-shop"}

LANGS = ("en", "es")
LANE_KINDS = {
    "touchpoints", "channels", "actions", "thoughts", "emotions",
    "pain_points", "opportunities", "backstage", "photos", "notes",
}
CHANNELS = {
    "web", "email", "social", "store", "phone", "app", "chat", "ads", "print",
    "mail", "event", "in_person", "partner", "sms", "video",
}
SENSATIONS = {"positive", "neutral", "negative"}
PALETTE = [
    "#4E79A7", "#59A14F", "#EDC948", "#F28E2B", "#E15759",
    "#B07AA1", "#76B7B2", "#9C755F", "#BAB0AC", "#FF9DA7",
]
MAX_TITLE = 32
TAG_RE = re.compile(r"^[a-z0-9áéíóúüñ][a-z0-9áéíóúüñ -]*$")


def _load(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


TEMPLATE_PATHS = sorted(p for p in TEMPLATES_DIR.glob("*.json") if p.stem != LIBRARY)


def _assert_localized(value, where: str, max_len: int | None = None) -> None:
    assert isinstance(value, dict), f"{where}: expected a {{en, es}} object, got {value!r}"
    assert set(value) == set(LANGS), f"{where}: languages {sorted(value)} != {list(LANGS)}"
    for lang in LANGS:
        text = value[lang]
        assert isinstance(text, str) and text.strip(), f"{where}[{lang}] is empty"
        assert text == text.strip(), f"{where}[{lang}] has surrounding whitespace"
        if max_len is not None:
            assert len(text) <= max_len, f"{where}[{lang}] is {len(text)} chars (max {max_len}): {text!r}"


# -- the set of files -------------------------------------------------------


def test_templates_directory_has_expected_files():
    names = {p.stem for p in TEMPLATE_PATHS}
    assert names == EXPECTED_TEMPLATES
    assert (TEMPLATES_DIR / f"{LIBRARY}.json").is_file()


def test_domain_vocabulary_matches():
    """The constants above are the ones the application understands."""
    from journeymap.domain.channels import CHANNELS as APP_CHANNELS
    from journeymap.domain.model import LaneKind, Sensation

    assert {c.key for c in APP_CHANNELS} == CHANNELS
    assert {k.value for k in LaneKind} == LANE_KINDS
    assert {s.value for s in Sensation} == SENSATIONS


# -- templates --------------------------------------------------------------


@pytest.fixture(params=TEMPLATE_PATHS, ids=lambda p: p.stem)
def template(request) -> tuple[str, dict]:
    return request.param.stem, _load(request.param)


def test_template_header(template):
    stem, data = template
    assert data["name"] == stem
    _assert_localized(data["title"], f"{stem}.title")
    _assert_localized(data["description"], f"{stem}.description")
    persona = data["persona"]
    _assert_localized(persona["name"], f"{stem}.persona.name")
    _assert_localized(persona["description"], f"{stem}.persona.description")
    _assert_localized(persona["quote"], f"{stem}.persona.quote")
    for key in ("goals", "frustrations", "needs"):
        assert persona[key], f"{stem}: the persona has no {key}"
        for i, item in enumerate(persona[key]):
            _assert_localized(item, f"{stem}.persona.{key}[{i}]")


@pytest.mark.parametrize("stem", ["retail-store", "insurance"])
def test_main_flow_connects_cards(stem):
    data = _load(TEMPLATES_DIR / f"{stem}.json")
    flow = data["connections"]
    assert len(flow) >= 8, f"{stem}: the main flow has {len(flow)} connections"
    for i, c in enumerate(flow):
        assert 0 <= c["from"] < len(data["touchpoints"]) and 0 <= c["to"] < len(data["touchpoints"])
        assert c["from"] != c["to"], f"{stem}.connections[{i}] connects a card to itself"
        if "label" in c:
            _assert_localized(c["label"], f"{stem}.connections[{i}].label")


def test_template_stages(template):
    stem, data = template
    stages = data["stages"]
    assert 1 <= len(stages) <= len(PALETTE)
    ids = [s["id"] for s in stages]
    assert len(ids) == len(set(ids)), f"{stem}: duplicate stage ids"
    for i, stage in enumerate(stages):
        assert isinstance(stage["id"], str) and stage["id"]
        _assert_localized(stage["name"], f"{stem}.stages[{stage['id']}].name", MAX_TITLE)
        assert stage["colour"] == PALETTE[i], f"{stem}: stage {stage['id']} colour out of palette order"


def test_template_lanes(template):
    stem, data = template
    lanes = data["lanes"]
    assert 4 <= len(lanes) <= 6, f"{stem}: {len(lanes)} lanes"
    ids = [l["id"] for l in lanes]
    assert len(ids) == len(set(ids)), f"{stem}: duplicate lane ids"
    for lane in lanes:
        assert isinstance(lane["id"], str) and lane["id"]
        assert lane["kind"] in LANE_KINDS, f"{stem}: lane {lane['id']} kind {lane['kind']!r}"
        _assert_localized(lane["name"], f"{stem}.lanes[{lane['id']}].name", MAX_TITLE)
    assert any(l["kind"] == "touchpoints" for l in lanes), f"{stem}: no touchpoints lane"


def test_template_touchpoints(template):
    stem, data = template
    tps = data["touchpoints"]
    # A hotel has more than 70 moments; the other starters stay small enough to adapt.
    assert (70 <= len(tps) <= 90) if stem == "hotel" else (15 <= len(tps) <= 30), f"{stem}: {len(tps)} touchpoints"
    stage_ids = {s["id"] for s in data["stages"]}
    lane_kinds = {l["id"]: l["kind"] for l in data["lanes"]}
    for n, tp in enumerate(tps):
        where = f"{stem}.touchpoints[{n}]"
        assert tp["stage"] in stage_ids, f"{where}: unknown stage {tp['stage']!r}"
        assert tp["lane"] in lane_kinds, f"{where}: unknown lane {tp['lane']!r}"
        _assert_localized(tp["title"], f"{where}.title", MAX_TITLE)
        _assert_localized(tp["description"], f"{where}.description")
        assert tp["channel"] in CHANNELS, f"{where}: channel {tp['channel']!r}"
        assert tp["sensation"] in SENSATIONS, f"{where}: sensation {tp['sensation']!r}"
        assert isinstance(tp["moment_of_truth"], bool), f"{where}: moment_of_truth not a bool"
        impact = tp["impact"]
        assert isinstance(impact, int) and not isinstance(impact, bool) and 1 <= impact <= 5, \
            f"{where}: impact {impact!r}"
        # Owners and tags are content too: a Spanish map shows them in Spanish.
        if tp["owner"]:
            _assert_localized(tp["owner"], f"{where}.owner")
        tags = tp["tags"]
        if tags:
            assert set(tags) == set(LANGS), f"{where}: tags must be {{en: [...], es: [...]}}"
            assert len(tags["en"]) == len(tags["es"]), f"{where}: the two languages list different tags"
            for tag in (*tags["en"], *tags["es"]):
                assert isinstance(tag, str) and TAG_RE.match(tag) and len(tag) <= 24, f"{where}: bad tag {tag!r}"

    # Most cards sit in a touchpoints lane.
    in_touchpoints = sum(1 for tp in tps if lane_kinds[tp["lane"]] == "touchpoints")
    assert in_touchpoints > len(tps) / 2, f"{stem}: only {in_touchpoints} cards in touchpoints lanes"


def test_every_stage_has_two_touchpoints(template):
    stem, data = template
    counts = {s["id"]: 0 for s in data["stages"]}
    for tp in data["touchpoints"]:
        counts[tp["stage"]] += 1
    thin = {sid: c for sid, c in counts.items() if c < 2}
    assert not thin, f"{stem}: stages with fewer than 2 touchpoints: {thin}"


def test_moments_of_truth(template):
    stem, data = template
    mot = sum(1 for tp in data["touchpoints"] if tp["moment_of_truth"])
    assert 2 <= mot <= 4, f"{stem}: {mot} moments of truth"


def test_titles_unique_within_template(template):
    stem, data = template
    for lang in LANGS:
        titles = [tp["title"][lang] for tp in data["touchpoints"]]
        dupes = {t for t in titles if titles.count(t) > 1}
        assert not dupes, f"{stem}: duplicate {lang} titles {dupes}"


# -- library ----------------------------------------------------------------


def test_library_structure():
    data = _load(TEMPLATES_DIR / f"{LIBRARY}.json")
    groups = data["groups"]
    assert 4 <= len(groups) <= 5, f"{len(groups)} library groups"
    ids = [g["id"] for g in groups]
    assert len(ids) == len(set(ids)), "duplicate library group ids"
    total = 0
    for group in groups:
        gid = group["id"]
        assert isinstance(gid, str) and gid
        _assert_localized(group["name"], f"library.{gid}.name", MAX_TITLE)
        items = group["items"]
        assert len(items) >= 3, f"library.{gid}: only {len(items)} items"
        for n, item in enumerate(items):
            where = f"library.{gid}.items[{n}]"
            _assert_localized(item["title"], f"{where}.title", MAX_TITLE)
            _assert_localized(item["description"], f"{where}.description")
            assert item["channel"] in CHANNELS, f"{where}: channel {item['channel']!r}"
        total += len(items)
    assert 20 <= total <= 45, f"library has {total} items"
    for lang in LANGS:
        titles = [i["title"][lang] for g in groups for i in g["items"]]
        assert len(titles) == len(set(titles)), f"duplicate {lang} library titles"


def test_buyer_journey_has_the_seven_steps_and_think_feel_rows():
    data = _load(TEMPLATES_DIR / "buyer-journey.json")
    assert [s["name"]["es"] for s in data["stages"]] == [
        "Conciencia", "Conocimiento", "Consideración", "Compra", "Satisfacción", "Lealtad", "Promoción"]
    kinds = {lane["kind"] for lane in data["lanes"]}
    assert {"thoughts", "emotions"} <= kinds
    used = {tp["lane"] for tp in data["touchpoints"]}
    assert {"thinks", "feels"} <= used


def test_hotel_covers_the_moments_hotels_really_have():
    data = _load(TEMPLATES_DIR / "hotel.json")
    text = " ".join(tp["title"]["en"].lower() for tp in data["touchpoints"])
    for moment in ("arrival", "room", "breakfast", "spa", "check-out", "review", "restaurant", "pool"):
        assert moment in text, moment
    order = [s["id"] for s in data["stages"]]
    positions = [order.index(tp["stage"]) for tp in data["touchpoints"]]
    assert positions == sorted(positions), "grouped by stage, in journey order"


def test_gourmet_shop_has_the_senses_and_the_loyalty_card():
    data = _load(TEMPLATES_DIR / "gourmet-shop.json")
    tags = {t for tp in data["touchpoints"] if tp["tags"] for t in tp["tags"]["en"]}
    assert {"sight", "touch", "smell", "taste", "wait", "loyalty", "complaints", "farewell", "payment"} <= tags


def test_library_has_the_crm_and_core_experience_touchpoints():
    data = _load(TEMPLATES_DIR / f"{LIBRARY}.json")
    titles = {i["title"]["en"] for g in data["groups"] for i in g["items"]}
    assert {"First contact", "Sales interactions", "Website interactions", "Follow-up email", "Onboarding",
            "Product or service quality", "Upgrades", "Performance measurement", "Billing and pricing",
            "Customer support", "Renewals", "Subscriptions", "Post-service validation"} <= titles
