"""A whole map as JSON: export it, or import it as a new map.

The JSON carries the map, its stages, lanes and touchpoints with every field
(manual scores included), each touchpoint's notes, the map's personas (photo
as base64) and the connections between its cards; responses and the import
batches they came from are optional (``include_responses``). Objects keep
their document ids so that touchpoints can name their stage and lane and
connections their cards; importing gives everything new ids. Each object also
carries its uuid and revision (issue 18), which import keeps when it can: see
:mod:`services.map_json_identity`.

Version 2 added personas, connections, blueprint lines and the touchpoint
fields controllable, expectation, evidence and waiting_minutes; a version 1
file still imports (its two persona fields become a persona).

Import validates the whole file before it writes anything, names what is
wrong (``touchpoints[3].impact: ...``) and adds the map in one transaction.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import os
import stat
from pathlib import Path
from typing import Any

from journeymap.domain.messages import QT_TRANSLATE_NOOP, Message, MessageError, Phrase, message
from journeymap.domain.model import (
    IMPACT_RANGE,
    MAX_COUNT,
    MAX_LANES,
    MAX_NAME_CHARS,
    MAX_STAGES,
    MAX_TEXT_CHARS,
    MAX_TOUCHPOINTS,
    BlueprintLine,
    Connection,
    Evidence,
    ImportBatch,
    JourneyMap,
    Lane,
    LaneKind,
    Note,
    Persona,
    Quote,
    Sensation,
    Stage,
    Touchpoint,
)
from journeymap.services import map_json_identity as idents
from journeymap.storage import Document
from journeymap.storage.quotes import add_quote, quotes

# The messages this module's errors carry: an id and the English text (translated where shown).
NOT_VALID_JSON_NUMBER = message("map_json.not_valid_json_number", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1 is not a valid JSON number."))
NOT_REGULAR_FILE = message("map_json.not_regular_file", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1: not a regular file."))
FILE_TOO_LARGE_MAP_BYTES = message("map_json.file_too_large_map_bytes", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1: the file is too large for a map (%2 bytes)."))
MUST_GOT = message("map_json.must_got", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.%2: must be %3, got %4."))
NOT_JOURNEYMAP_MAP_FILE_FORMAT_EXPECTED = message("map_json.not_journeymap_map_file_format_expected", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", 'not a JourneyMap map file ("format" is %1, expected %2).'))
MAP_FILE_WAS_WRITTEN_BY_NEWER = message("map_json.map_file_was_written_by_newer", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "the map file was written by a newer JourneyMap (version %1; this one reads up to %2). Please update JourneyMap."))  # noqa: E501
STAGES_MAP_NEEDS_AT_LEAST_ONE = message("map_json.stages_map_needs_at_least_one", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "stages: a map needs at least one stage."))
LANES_MAP_NEEDS_AT_LEAST_ONE = message("map_json.lanes_map_needs_at_least_one", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "lanes: a map needs at least one lane."))
FILE_MAP_HOLDS_AT_MOST = message("map_json.file_map_holds_at_most", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1: %2 in the file; a map holds at most %3."))
CANNOT_READ_FILE = message("map_json.cannot_read_file", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1: cannot read the file (%2)."))
NOT_UTF_TEXT_AT_BYTE = message("map_json.not_utf_text_at_byte", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1: not UTF-8 text (%2 at byte %3)."))
NOT_VALID_JSON_AT_LINE_COLUMN = message("map_json.not_valid_json_at_line_column", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1: not valid JSON (%2 at line %3, column %4)."))
JSON_NESTED_TOO_DEEPLY = message("map_json.json_nested_too_deeply", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1: the JSON is nested too deeply."))
IN_FILE = message("map_json.in_file", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1: %2"))
NOT_VALID_JSON = message("map_json.not_valid_json", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1: not valid JSON (%2)."))
# The parts of those messages that came from Python in English: the reasons of json and of
# the UTF-8 decoder (English as Python says them, translated where shown), the top of the file.
TOO_MANY_DIGITS = message("map_json.too_many_digits", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "a number with too many digits"))
WHERE_MAP_FILE = message("map_json.where_map_file", "MapJsonError", QT_TRANSLATE_NOOP("MapJsonError", "map file"))
JSON_REASONS = {m.text: m for m in (
    message("map_json.json_expecting_value", "MapJsonError", QT_TRANSLATE_NOOP("MapJsonError", "Expecting value")),
    message("map_json.json_expecting_comma", "MapJsonError",
        QT_TRANSLATE_NOOP("MapJsonError", "Expecting ',' delimiter")),
    message("map_json.json_expecting_colon", "MapJsonError",
        QT_TRANSLATE_NOOP("MapJsonError", "Expecting ':' delimiter")),
    message("map_json.json_expecting_name", "MapJsonError",
        QT_TRANSLATE_NOOP("MapJsonError", "Expecting property name enclosed in double quotes")),
    message("map_json.json_unterminated_string", "MapJsonError",
        QT_TRANSLATE_NOOP("MapJsonError", "Unterminated string starting at")),
    message("map_json.json_control_character", "MapJsonError",
        QT_TRANSLATE_NOOP("MapJsonError", "Invalid control character at")),
    message("map_json.json_invalid_escape", "MapJsonError", QT_TRANSLATE_NOOP("MapJsonError", "Invalid \\escape")),
    message("map_json.json_invalid_u_escape", "MapJsonError",
        QT_TRANSLATE_NOOP("MapJsonError", "Invalid \\uXXXX escape")),
    message("map_json.json_extra_data", "MapJsonError", QT_TRANSLATE_NOOP("MapJsonError", "Extra data")),
    message("map_json.utf8_invalid_start_byte", "MapJsonError",
        QT_TRANSLATE_NOOP("MapJsonError", "invalid start byte")),
    message("map_json.utf8_invalid_continuation_byte", "MapJsonError",
        QT_TRANSLATE_NOOP("MapJsonError", "invalid continuation byte")),
    message("map_json.utf8_unexpected_end", "MapJsonError",
        QT_TRANSLATE_NOOP("MapJsonError", "unexpected end of data")),
)}
EXPECTED_OBJECT_GOT = message("map_json.expected_object_got", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1: expected an object, got %2."))
EXPECTED_TEXT_GOT = message("map_json.expected_text_got", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.%2: expected text, got %3."))
TOO_LONG_CHARACTERS_AT_MOST = message("map_json.too_long_characters_at_most", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.%2: too long (%3 characters; at most %4)."))
MUST_NOT_EMPTY = message("map_json.must_not_empty", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.%2: must not be empty."))
EXPECTED_TEXT_OR_NULL_GOT = message("map_json.expected_text_or_null_got", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.%2: expected text or null, got %3."))
EXPECTED_WHOLE_NUMBER_GOT = message("map_json.expected_whole_number_got", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.%2: expected a whole number, got %3."))
EXPECTED_NUMBER_OR_NULL_GOT = message("map_json.expected_number_or_null_got", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.%2: expected a number or null, got %3."))
EXPECTED_TRUE_OR_FALSE_GOT = message("map_json.expected_true_or_false_got", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.%2: expected true or false, got %3."))
EXPECTED_LIST_GOT = message("map_json.expected_list_got", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.%2: expected a list, got %3."))
NOT_ONE = message("map_json.not_one", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.%2: '%3' is not one of %4."))
MISSING = message("map_json.missing", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.%2: missing."))
EXPECTED_NUMBER_OR_TEXT_ID_GOT = message("map_json.expected_number_or_text_id_got", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.%2: expected a number or text id, got %3."))
ID_DUPLICATE_ID = message("map_json.id_duplicate_id", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1[%2].id: duplicate id %3."))
STAGES_COLOUR_NOT_COLOUR_LIKE_C = message("map_json.stages_colour_not_colour_like_c", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "stages[%1].colour: %2 is not a colour like '#4C72B0'."))
LANES_COLOUR_NOT_COLOUR_LIKE_B = message("map_json.lanes_colour_not_colour_like_b", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "lanes[%1].colour: %2 is not a colour like '#5B6B7F'."))
STAGE_ID_NO_STAGE_HAS_ID = message("map_json.stage_id_no_stage_has_id", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.stage_id: no stage has id %2."))
LANE_ID_NO_LANE_HAS_ID = message("map_json.lane_id_no_lane_has_id", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.lane_id: no lane has id %2."))
CARD_ID_DUPLICATE = message("map_json.card_id_duplicate", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.id: duplicate id %2."))
PHOTO_NOT_BASE64 = message("map_json.photo_not_base64", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.photo: not base64 image data."))
CONNECTION_NO_TOUCHPOINT = message("map_json.connection_no_touchpoint", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "connections[%1].%2: no touchpoint has id %3."))
TAGS_EXPECTED_TEXT_AT_MOST_CHARACTERS = message("map_json.tags_expected_text_at_most_characters", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.tags[%2]: expected text of at most %3 characters, got %4."))
RESPONSES_BATCH_ID_NO_IMPORT_BATCH = message("map_json.responses_batch_id_no_import_batch", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "%1.responses[%2].batch_id: no import batch has id %3."))

FORMAT = "journeymap-map"
VERSION = 2
MAX_FILE_BYTES = 512 * 1024 * 1024

# Parts of those messages: what a value is, and the bounds it must keep.
KIND_NULL = message("map_json.kind_null", "MapJsonError", QT_TRANSLATE_NOOP("MapJsonError", "null"))
KIND_TRUE = message("map_json.kind_true", "MapJsonError", QT_TRANSLATE_NOOP("MapJsonError", "true"))
KIND_FALSE = message("map_json.kind_false", "MapJsonError", QT_TRANSLATE_NOOP("MapJsonError", "false"))
KIND_NUMBER = message("map_json.kind_number", "MapJsonError", QT_TRANSLATE_NOOP("MapJsonError", "the number %1"))
KIND_TEXT = message("map_json.kind_text", "MapJsonError", QT_TRANSLATE_NOOP("MapJsonError", "the text %1"))
KIND_LIST = message("map_json.kind_list", "MapJsonError", QT_TRANSLATE_NOOP("MapJsonError", "a list"))
KIND_OBJECT = message("map_json.kind_object", "MapJsonError", QT_TRANSLATE_NOOP("MapJsonError", "an object"))
AT_LEAST = message("map_json.at_least", "MapJsonError", QT_TRANSLATE_NOOP("MapJsonError", "at least %1"))
AT_MOST = message("map_json.at_most", "MapJsonError", QT_TRANSLATE_NOOP("MapJsonError", "at most %1"))
BETWEEN = message("map_json.between", "MapJsonError", QT_TRANSLATE_NOOP("MapJsonError", "between %1 and %2"))
DIGIT_NUMBER = message("map_json.digit_number", "MapJsonError",
    QT_TRANSLATE_NOOP("MapJsonError", "a %1-digit number"))

class MapJsonError(MessageError, ValueError):
    """The JSON is not a valid map; the message names the offending field."""


# ------------------------------------------------------------------- export
def export_map(doc: Document, map_id: int, include_responses: bool = False) -> dict[str, Any]:
    """The map *map_id* as JSON-ready data."""
    m = doc.get_map(map_id)
    touchpoints = doc.touchpoints(map_id)
    ids = idents.Identities(doc, map_id)
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "map": {
            "id": m.id,
            "title": m.title,
            "description": m.description,
            **ids.of("maps", m.id),
        },
        "personas": [{**_persona_json(p), **ids.of("personas", p.id), **ids.assignment(p.id)}
                     for p in doc.map_personas(map_id)],
        "stages": [{"id": s.id, "name": s.name, "colour": s.colour, **ids.of("stages", s.id)}
                   for s in doc.stages(map_id)],
        "lanes": [
            {"id": l.id, "name": l.name, "kind": str(l.kind), "colour": l.colour, "line_below": str(l.line_below),
             **ids.of("lanes", l.id)}
            for l in doc.lanes(map_id)
        ],
        "touchpoints": [],
        "connections": [
            {"source_id": c.source_id, "target_id": c.target_id, "label": c.label, **ids.of("connections", c.id)}
            for c in doc.connections(map_id)
        ],
    }
    pinned = quotes(doc, map_id)
    for tp in touchpoints:
        data["touchpoints"].append(
            {
                "id": tp.id,
                "stage_id": tp.stage_id,
                "lane_id": tp.lane_id,
                "title": tp.title,
                "description": tp.description,
                "channel": tp.channel,
                "sensation": str(tp.sensation),
                "moment_of_truth": bool(tp.moment_of_truth),
                "owner": tp.owner,
                "impact": tp.impact,
                "tags": list(tp.tags),
                "manual_nps": tp.manual_nps,
                "manual_sentiment": tp.manual_sentiment,
                "manual_promoters": tp.manual_promoters,
                "manual_passives": tp.manual_passives,
                "manual_detractors": tp.manual_detractors,
                "controllable": bool(tp.controllable),
                "expectation": tp.expectation,
                "evidence": str(tp.evidence),
                "waiting_minutes": tp.waiting_minutes,
                "notes": [
                    {"text": n.text, "author": n.author, "created_at": n.created_at, **ids.of("notes", n.id)}
                    for n in doc.notes(tp.id)
                ],
                # Customer comments pinned on the card (the Quotes overlay), in pinned order.
                "quotes": [{"text": q.text, "score": q.score, **ids.of("quotes", q.id)} for q in pinned.get(tp.id, [])],
                **ids.of("touchpoints", tp.id),
            }
        )
    if include_responses:
        data["import_batches"] = [
            {"id": b.id, "source": b.source, "imported_at": b.imported_at, "rows": b.rows, "rejected": b.rejected,
             **ids.of("import_batches", b.id)}
            for b in doc.batches(map_id)
        ]
        for item in data["touchpoints"]:
            item["responses"] = [
                {
                    "score": r.score,
                    "sentiment": r.sentiment,
                    "comment": r.comment,
                    "date": r.date,
                    "segment": r.segment,
                    "batch_id": r.batch_id,
                    "overall_score": r.overall_score,
                }
                for r in doc.responses(item["id"])
            ]
    return data


def _persona_json(p: Persona) -> dict[str, Any]:
    return {
        "name": p.name,
        "quote": p.quote,
        "bio": p.bio,
        "goals": list(p.goals),
        "needs": list(p.needs),
        "frustrations": list(p.frustrations),
        "photo": base64.b64encode(p.photo).decode("ascii") if p.photo else None,
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


# ------------------------------------------------------------------- import
def load_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read a map JSON file, with a clear error for anything that is not JSON."""
    path = Path(path)
    try:
        st = path.stat()
    except OSError as exc:
        raise MapJsonError(CANNOT_READ_FILE, path, exc.strerror or exc) from exc
    if not stat.S_ISREG(st.st_mode):
        # /dev/zero never ends, a FIFO blocks until someone writes (holding the document's write lock).
        raise MapJsonError(NOT_REGULAR_FILE, path)
    if st.st_size > MAX_FILE_BYTES:
        raise MapJsonError(FILE_TOO_LARGE_MAP_BYTES, path, st.st_size)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise MapJsonError(FILE_TOO_LARGE_MAP_BYTES, path, len(raw))
        return json.loads(raw.decode("utf-8-sig"), parse_constant=_reject_constant)
    except OSError as exc:
        raise MapJsonError(CANNOT_READ_FILE, path, exc.strerror or exc) from exc
    except UnicodeDecodeError as exc:
        raise MapJsonError(NOT_UTF_TEXT_AT_BYTE, path, _reason(exc.reason), exc.start) from exc
    except json.JSONDecodeError as exc:
        raise MapJsonError(NOT_VALID_JSON_AT_LINE_COLUMN, path, _reason(exc.msg), exc.lineno, exc.colno) from exc
    except RecursionError as exc:
        raise MapJsonError(JSON_NESTED_TOO_DEEPLY, path) from exc
    except MapJsonError as exc:
        raise MapJsonError(IN_FILE, path, exc) from exc
    except ValueError as exc:  # an integer of more digits than Python converts (4,300 by default)
        raise MapJsonError(NOT_VALID_JSON, path, TOO_MANY_DIGITS) from exc


def _reason(text: str) -> object:
    """json's or the decoder's English reason as a declared message (translated where shown), if it is one."""
    return JSON_REASONS.get(text, text)


def _reject_constant(name: str) -> Any:
    raise MapJsonError(NOT_VALID_JSON_NUMBER, name)


def import_map(doc: Document, data: Any, title: str | None = None) -> int:
    """Add the map described by *data* to *doc* in one transaction; returns the new map id."""
    return import_map_identities(doc, data, title)[0]


def import_map_identities(doc: Document, data: Any, title: str | None = None) -> tuple[int, str]:
    """:func:`import_map`, and whether it kept the file's identities (``map_json_identity.KEPT``...)."""
    plan = _validate(data)
    with doc.transaction():
        ids = idents.plan(doc, plan["found"])
        position = 1 + max((m.position for m in doc.maps()), default=-1)
        m = plan["map"]
        map_id = doc.add_map(
            JourneyMap(
                title=title or m["title"],
                description=m["description"],
                position=position,
            )
        )
        ids.give("maps", map_id, m["identity"])
        doc.set_map_personas(map_id, idents.add_personas(doc, ids, plan["personas"]))
        stage_ids = {
            s["id"]: doc.add_stage(Stage(map_id, s["name"], i, s["colour"])) for i, s in enumerate(plan["stages"])
        }
        lane_ids = {
            l["id"]: doc.add_lane(
                Lane(map_id, l["name"], LaneKind(l["kind"]), i, l["colour"], BlueprintLine(l["line_below"]))
            )
            for i, l in enumerate(plan["lanes"])
        }
        batch_ids = {
            b["id"]: doc.add_batch(ImportBatch(map_id, b["source"], b["imported_at"], b["rows"], b["rejected"]))
            for b in plan["import_batches"]
        }
        for table, items, new_ids in (("stages", plan["stages"], stage_ids), ("lanes", plan["lanes"], lane_ids),
                                      ("import_batches", plan["import_batches"], batch_ids)):
            for item in items:
                ids.give(table, new_ids[item["id"]], item["identity"])
        # In file order, appended per cell: that keeps each cell's card order. Positions
        # are counted here (reading each cell back per card was quadratic).
        next_position: dict[tuple[int, int], int] = {}
        card_ids: dict[Any, int] = {}
        for tp in plan["touchpoints"]:
            cell = (stage_ids[tp["stage_id"]], lane_ids[tp["lane_id"]])
            position = next_position.get(cell, 0)
            next_position[cell] = position + 1
            new_id = doc.append_touchpoint(
                Touchpoint(
                    map_id=map_id,
                    stage_id=stage_ids[tp["stage_id"]],
                    lane_id=lane_ids[tp["lane_id"]],
                    title=tp["title"],
                    description=tp["description"],
                    channel=tp["channel"],
                    sensation=Sensation(tp["sensation"]),
                    moment_of_truth=tp["moment_of_truth"],
                    owner=tp["owner"],
                    impact=tp["impact"],
                    tags=tp["tags"],
                    manual_nps=tp["manual_nps"],
                    manual_sentiment=tp["manual_sentiment"],
                    manual_promoters=tp["manual_promoters"],
                    manual_passives=tp["manual_passives"],
                    manual_detractors=tp["manual_detractors"],
                    position=position,
                    controllable=tp["controllable"],
                    expectation=tp["expectation"],
                    evidence=Evidence(tp["evidence"]),
                    waiting_minutes=tp["waiting_minutes"],
                )
            )
            ids.give("touchpoints", new_id, tp["identity"])
            if tp["id"] is not None:
                card_ids[tp["id"]] = new_id
            for note in tp["notes"]:
                ids.give("notes", doc.add_note(Note(new_id, note["text"], note["author"], note["created_at"])),
                         note["identity"])
            for q in tp["quotes"]:
                ids.give("quotes", add_quote(doc, Quote(new_id, q["text"], None, q["score"])), q["identity"])
            if tp["responses"]:
                rows = [
                    (
                        new_id, r["score"], r["sentiment"], r["comment"], r["date"], r["segment"],
                        None if r["batch_id"] is None else batch_ids[r["batch_id"]], r["overall_score"],
                    )
                    for r in tp["responses"]
                ]
                doc.insert_responses(rows, with_overall=True)
        for c in plan["connections"]:
            ids.give("connections", doc.add_connection(
                Connection(map_id, card_ids[c["source_id"]], card_ids[c["target_id"]], c["label"])), c["identity"])
        ids.write(doc, map_id)
    return map_id, ids.status


def import_file(doc: Document, path: str | os.PathLike[str], title: str | None = None) -> int:
    data = load_file(path)
    try:
        return import_map(doc, data, title)
    except MapJsonError as exc:
        raise MapJsonError(IN_FILE, path, exc) from exc


# --------------------------------------------------------------- validation
_MISSING = object()


class _Reader:
    """Typed access to one JSON object, with errors that name the field."""

    def __init__(self, obj: Any, where: str | Message):
        if not isinstance(obj, dict):
            raise MapJsonError(EXPECTED_OBJECT_GOT, where, _kind(obj))
        self.obj = obj
        self.where = where

    def _get(self, key: str, default: Any = _MISSING) -> Any:
        """The value of *key*; a missing key or null gives *default* (or an error without one)."""
        value = self.obj.get(key)
        if value is None:
            if default is _MISSING:
                raise MapJsonError(MISSING, self.where, key)
            return default
        return value

    def text(self, key: str, default: str = "", required: bool = False, nonempty: bool = False,
             limit: int = MAX_TEXT_CHARS) -> str:
        value = self._get(key, _MISSING if required else default)
        if not isinstance(value, str):
            raise MapJsonError(EXPECTED_TEXT_GOT, self.where, key, _kind(value))
        if len(value) > limit:
            raise MapJsonError(TOO_LONG_CHARACTERS_AT_MOST, self.where, key, len(value), limit)
        if nonempty and not value.strip():
            raise MapJsonError(MUST_NOT_EMPTY, self.where, key)
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.obj.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise MapJsonError(EXPECTED_TEXT_OR_NULL_GOT, self.where, key, _kind(value))
        if len(value) > MAX_NAME_CHARS:
            raise MapJsonError(TOO_LONG_CHARACTERS_AT_MOST, self.where, key, len(value), MAX_NAME_CHARS)
        return value

    def integer(self, key: str, default: Any = _MISSING, lo: int | None = None, hi: int | None = None,
                nullable: bool = False) -> int | None:
        value = self.obj.get(key, _MISSING)
        if value is _MISSING:
            if default is _MISSING:
                raise MapJsonError(MISSING, self.where, key)
            return default
        if value is None and nullable:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise MapJsonError(EXPECTED_WHOLE_NUMBER_GOT, self.where, key, _kind(value))
        _check_range(self.where, key, value, lo, hi)
        return value

    def number(self, key: str, lo: float, hi: float) -> float | None:
        value = self.obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise MapJsonError(EXPECTED_NUMBER_OR_NULL_GOT, self.where, key, _kind(value))
        _check_range(self.where, key, value, lo, hi)
        return float(value)

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.obj.get(key, default)
        if not isinstance(value, bool):
            raise MapJsonError(EXPECTED_TRUE_OR_FALSE_GOT, self.where, key, _kind(value))
        return value

    def array(self, key: str, required: bool = False) -> list[Any]:
        value = self.obj.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required:
                raise MapJsonError(MISSING, self.where, key)
            return []
        if not isinstance(value, list):
            raise MapJsonError(EXPECTED_LIST_GOT, self.where, key, _kind(value))
        return value

    def choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        value = self.text(key, default)
        if value not in choices:
            raise MapJsonError(NOT_ONE, self.where, key, value, ', '.join(choices))
        return value

    def ident(self, key: str = "id") -> Any:
        value = self.obj.get(key, _MISSING)
        if value is _MISSING or value is None:
            raise MapJsonError(MISSING, self.where, key)
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise MapJsonError(EXPECTED_NUMBER_OR_TEXT_ID_GOT, self.where, key, _kind(value))
        if isinstance(value, str) and len(value) > MAX_NAME_CHARS:
            raise MapJsonError(TOO_LONG_CHARACTERS_AT_MOST, self.where, key, len(value), MAX_NAME_CHARS)
        return value


def _check_range(where: str | Message, key: str, value: float, lo: float | None, hi: float | None) -> None:
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        if hi is None or (hi >= MAX_COUNT and value < (lo or 0)):
            bounds = AT_LEAST(_num(lo))
        elif lo is None or (hi >= MAX_COUNT and value > hi):
            bounds = AT_MOST(_num(hi))
        else:
            bounds = BETWEEN(_num(lo), _num(hi))
        raise MapJsonError(MUST_GOT, where, key, bounds, _num(value))


def _num(value: float | None) -> Phrase | str:
    if isinstance(value, int) and abs(value) >= 10**16:
        return DIGIT_NUMBER(len(str(abs(value))))
    return str(value) if isinstance(value, int) else f"{value:g}"


def _kind(value: Any) -> Phrase | Any:
    """What a JSON value is, for "expected ..., got %3"."""
    if value is None:
        return KIND_NULL()
    if isinstance(value, bool):
        return KIND_TRUE() if value else KIND_FALSE()
    if isinstance(value, int | float):
        return KIND_NUMBER(repr(value))
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return KIND_TEXT(repr(shown))
    if isinstance(value, list):
        return KIND_LIST()
    if isinstance(value, dict):
        return KIND_OBJECT()
    return type(value).__name__


def _ids(items: list[dict[str, Any]], where: str) -> set[Any]:
    seen: set[Any] = set()
    for i, item in enumerate(items):
        if item["id"] in seen:
            raise MapJsonError(ID_DUPLICATE_ID, where, i, repr(item['id']))
        seen.add(item["id"])
    return seen


def _validate(data: Any) -> dict[str, Any]:
    """Check everything and return normalised data; raise MapJsonError on the first problem."""
    top = _Reader(data, WHERE_MAP_FILE)
    fmt = data.get("format")
    if fmt != FORMAT:
        raise MapJsonError(
            NOT_JOURNEYMAP_MAP_FILE_FORMAT_EXPECTED, _kind(fmt), repr(FORMAT)
        )
    version = top.integer("version", lo=1)
    if version > VERSION:
        raise MapJsonError(
            MAP_FILE_WAS_WRITTEN_BY_NEWER, version, VERSION
        )
    m = _Reader(top._get("map"), "map")
    found = idents.Found()  # the objects' uuids and revisions (map_json_identity)
    plan: dict[str, Any] = {
        "map": {
            "title": m.text("title", required=True, nonempty=True, limit=MAX_NAME_CHARS),
            "description": m.text("description"),
            "identity": found.add("maps", idents.read(m.obj, "map"), "map"),
        },
        "personas": [_read_persona(raw, f"personas[{i}]", found) for i, raw in enumerate(top.array("personas"))],
        "found": found,
    }
    # Version 1 had a persona as two text fields of the map.
    old_name, old_description = m.text("persona_name"), m.text("persona_description")
    if (old_name.strip() or old_description.strip()) and not plan["personas"]:
        plan["personas"].append(_persona_values(old_name.strip() or plan["map"]["title"], bio=old_description,
                                                identity=None, assignment=None))

    _at_most(top, "stages", MAX_STAGES)
    _at_most(top, "lanes", MAX_LANES)
    _at_most(top, "touchpoints", MAX_TOUCHPOINTS)
    stages = []
    for i, raw in enumerate(top.array("stages", required=True)):
        s = _Reader(raw, f"stages[{i}]")
        colour = s.text("colour", "#4C72B0")
        if not _is_colour(colour):
            raise MapJsonError(STAGES_COLOUR_NOT_COLOUR_LIKE_C, i, repr(colour))
        stages.append({"id": s.ident(), "name": s.text("name", required=True, limit=MAX_NAME_CHARS),
                       "colour": colour, "identity": found.add("stages", idents.read(raw, s.where), s.where)})
    if not stages:
        raise MapJsonError(STAGES_MAP_NEEDS_AT_LEAST_ONE)
    stage_ids = _ids(stages, "stages")

    kinds = tuple(k.value for k in LaneKind)
    lanes = []
    for i, raw in enumerate(top.array("lanes", required=True)):
        l = _Reader(raw, f"lanes[{i}]")
        colour = l.text("colour", "")
        if colour and not _is_colour(colour):
            raise MapJsonError(LANES_COLOUR_NOT_COLOUR_LIKE_B, i, repr(colour))
        lanes.append({"id": l.ident(), "name": l.text("name", required=True, limit=MAX_NAME_CHARS),
                      "kind": l.choice("kind", kinds, LaneKind.TOUCHPOINTS.value), "colour": colour,
                      "line_below": l.choice("line_below", tuple(b.value for b in BlueprintLine), ""),
                      "identity": found.add("lanes", idents.read(raw, l.where), l.where)})
    if not lanes:
        raise MapJsonError(LANES_MAP_NEEDS_AT_LEAST_ONE)
    lane_ids = _ids(lanes, "lanes")

    batches = []
    for i, raw in enumerate(top.array("import_batches")):
        b = _Reader(raw, f"import_batches[{i}]")
        batches.append({
            "id": b.ident(), "source": b.text("source", required=True),
            "imported_at": b.text("imported_at", required=True),
            "rows": b.integer("rows", 0, lo=0, hi=MAX_COUNT), "rejected": b.integer("rejected", 0, lo=0, hi=MAX_COUNT),
            "identity": found.add("import_batches", idents.read(raw, b.where), b.where),
        })
    batch_ids = _ids(batches, "import_batches")

    sensations = tuple(s.value for s in Sensation)
    evidences = tuple(e.value for e in Evidence)
    touchpoints = []
    card_ids: set[Any] = set()
    for i, raw in enumerate(top.array("touchpoints", required=True)):
        where = f"touchpoints[{i}]"
        t = _Reader(raw, where)
        stage_id = t.ident("stage_id")
        if stage_id not in stage_ids:
            raise MapJsonError(STAGE_ID_NO_STAGE_HAS_ID, where, repr(stage_id))
        lane_id = t.ident("lane_id")
        if lane_id not in lane_ids:
            raise MapJsonError(LANE_ID_NO_LANE_HAS_ID, where, repr(lane_id))
        tags = t.array("tags")
        for j, tag in enumerate(tags):
            if not isinstance(tag, str) or len(tag) > MAX_NAME_CHARS:
                raise MapJsonError(TAGS_EXPECTED_TEXT_AT_MOST_CHARACTERS, where, j, MAX_NAME_CHARS, _kind(tag))
        notes = []
        for j, raw_note in enumerate(t.array("notes")):
            n = _Reader(raw_note, f"{where}.notes[{j}]")
            notes.append({"text": n.text("text", required=True), "author": n.text("author"),
                          "created_at": n.text("created_at"),
                          "identity": found.add("notes", idents.read(raw_note, n.where), n.where)})
        pinned = []
        for j, raw_quote in enumerate(t.array("quotes")):
            q = _Reader(raw_quote, f"{where}.quotes[{j}]")
            pinned.append({"text": q.text("text", required=True, nonempty=True),
                           "score": q.integer("score", None, lo=0, hi=10, nullable=True),
                           "identity": found.add("quotes", idents.read(raw_quote, q.where), q.where)})
        responses = []
        for j, raw_response in enumerate(t.array("responses")):
            r = _Reader(raw_response, f"{where}.responses[{j}]")
            batch = raw_response.get("batch_id")
            if batch is not None and (isinstance(batch, bool) or not isinstance(batch, int | str)
                                      or batch not in batch_ids):
                raise MapJsonError(RESPONSES_BATCH_ID_NO_IMPORT_BATCH, where, j, repr(batch))
            responses.append({
                "score": r.integer("score", lo=0, hi=10),
                "sentiment": r.number("sentiment", -1, 1),
                "comment": r.text("comment"),
                "date": r.optional_text("date"),
                "segment": r.text("segment"),
                "batch_id": batch,
                "overall_score": r.integer("overall_score", None, lo=0, hi=10, nullable=True),
            })
        card_id = raw.get("id")
        if card_id is not None:
            card_id = t.ident("id")
            if card_id in card_ids:
                raise MapJsonError(CARD_ID_DUPLICATE, where, repr(card_id))
            card_ids.add(card_id)
        touchpoints.append({
            "id": card_id,
            "stage_id": stage_id,
            "lane_id": lane_id,
            "title": t.text("title", required=True, limit=MAX_NAME_CHARS),
            "description": t.text("description"),
            "channel": t.text("channel", limit=MAX_NAME_CHARS),
            "sensation": t.choice("sensation", sensations, Sensation.NEUTRAL.value),
            "moment_of_truth": t.boolean("moment_of_truth"),
            "owner": t.text("owner", limit=MAX_NAME_CHARS),
            "impact": t.integer("impact", 3, lo=IMPACT_RANGE.start, hi=IMPACT_RANGE.stop - 1),
            "tags": list(tags),
            "manual_nps": t.number("manual_nps", -100, 100),
            "manual_sentiment": t.number("manual_sentiment", -1, 1),
            "manual_promoters": t.integer("manual_promoters", None, lo=0, hi=MAX_COUNT, nullable=True),
            "manual_passives": t.integer("manual_passives", None, lo=0, hi=MAX_COUNT, nullable=True),
            "manual_detractors": t.integer("manual_detractors", None, lo=0, hi=MAX_COUNT, nullable=True),
            "controllable": t.boolean("controllable", True),
            "expectation": t.text("expectation"),
            "evidence": t.choice("evidence", evidences, ""),
            "waiting_minutes": t.number("waiting_minutes", 0, 100_000),
            "notes": notes,
            "quotes": pinned,
            "responses": responses,
            "identity": found.add("touchpoints", idents.read(raw, where), where),
        })

    connections = []
    for i, raw in enumerate(top.array("connections")):
        c = _Reader(raw, f"connections[{i}]")
        ends = {}
        for key in ("source_id", "target_id"):
            ends[key] = c.ident(key)
            if ends[key] not in card_ids:
                raise MapJsonError(CONNECTION_NO_TOUCHPOINT, i, key, repr(ends[key]))
        connections.append({**ends, "label": c.text("label"),
                            "identity": found.add("connections", idents.read(raw, c.where), c.where)})

    plan.update(stages=stages, lanes=lanes, import_batches=batches, touchpoints=touchpoints, connections=connections)
    return plan


def _at_most(top: _Reader, key: str, limit: int) -> None:
    items = top.array(key)
    if len(items) > limit:
        raise MapJsonError(FILE_MAP_HOLDS_AT_MOST, key, len(items), limit)


def _persona_values(name: str, **values: Any) -> dict[str, Any]:
    return {"name": name, "quote": "", "bio": "", "goals": [], "needs": [], "frustrations": [], "photo": None,
            **values}


def _read_persona(raw: Any, where: str, found: idents.Found) -> dict[str, Any]:
    p, at = _Reader(raw, where), f"{where}.assignment"
    values = _persona_values(p.text("name", required=True, nonempty=True), quote=p.text("quote"), bio=p.text("bio"),
                             identity=found.add("personas", idents.read(raw, where), where),
                             assignment=found.add("map_personas", idents.read(raw.get("assignment"), at), at))
    for key in ("goals", "needs", "frustrations"):
        items = p.array(key)
        for j, item in enumerate(items):
            if not isinstance(item, str):
                raise MapJsonError(EXPECTED_TEXT_GOT, where, f"{key}[{j}]", _kind(item))
        values[key] = list(items)
    photo = p.optional_text("photo")
    if photo:
        try:
            values["photo"] = base64.b64decode(photo, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise MapJsonError(PHOTO_NOT_BASE64, where) from exc
    return values


def _is_colour(value: str) -> bool:
    if not value.startswith("#") or len(value) not in (4, 7, 9):
        return False
    try:
        int(value[1:], 16)
    except ValueError:
        return False
    return True
