"""Starter maps and the touchpoint library, loaded from ``resources/templates``.

Templates are bilingual JSON: every visible string is ``{"en": ..., "es": ...}``
so a new map follows the user's language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from journeymap.domain.messages import QT_TRANSLATE_NOOP, MessageError, message
from journeymap.domain.model import (
    BlueprintLine,
    Connection,
    Evidence,
    JourneyMap,
    Lane,
    LaneKind,
    Persona,
    Sensation,
    Stage,
    Touchpoint,
)
from journeymap.resources import resource
from journeymap.storage import Document

DEFAULT_TEMPLATE = "generic"
LIBRARY = "library"


class TemplateError(MessageError):
    """A template cannot be used; the message (an id and arguments) is for the user."""


# The messages a TemplateError carries: an id and the English text (translated where shown).
UNKNOWN_TEMPLATE = message("template.unknown", "TemplateError",
    QT_TRANSLATE_NOOP("TemplateError", "unknown template '%1' (known: %2)."))
CANNOT_READ_TEMPLATE = message("template.cannot_read", "TemplateError",
    QT_TRANSLATE_NOOP("TemplateError", "cannot read the template '%1' (%2)."))
TEMPLATE_NOT_TEXT = message("template.not_text", "TemplateError",
    QT_TRANSLATE_NOOP("TemplateError", "the template '%1' is damaged: it is not UTF-8 text."))
TEMPLATE_NOT_JSON = message("template.not_json", "TemplateError",
    QT_TRANSLATE_NOOP("TemplateError", "the template '%1' is damaged: it is not valid JSON (line %2, column %3)."))
TEMPLATE_NOT_AN_OBJECT = message("template.not_an_object", "TemplateError",
    QT_TRANSLATE_NOOP("TemplateError", "the template '%1' is damaged: it is not a JSON object."))
TEMPLATE_ENTRY_UNUSABLE = message("template.entry_unusable", "TemplateError",
    QT_TRANSLATE_NOOP("TemplateError", "the template '%1' is damaged: %2 is missing or not usable."))
TEMPLATE_NAMES_UNDEFINED = message("template.names_undefined", "TemplateError",
    QT_TRANSLATE_NOOP("TemplateError", "the template '%1' is damaged: %2 names %3, which it does not define."))


def _check(name: str, data: Any) -> dict[str, Any]:
    """*data* if it is a template :func:`create_map_from_template` can use; else the first problem."""

    def unusable(where: str) -> TemplateError:
        return TemplateError(TEMPLATE_ENTRY_UNUSABLE, name, where)

    def items(key: str, *, required: bool = True) -> list[dict[str, Any]]:
        value = data.get(key, None if required else [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value) or (required and not value):
            raise unusable(key)
        return value

    def one_of(where: str, value: Any, kinds: type[StrEnum]) -> None:
        if value not in {k.value for k in kinds}:
            raise unusable(where)

    if not isinstance(data, dict):
        raise TemplateError(TEMPLATE_NOT_AN_OBJECT, name)
    ids: dict[str, set[Any]] = {}
    for key in ("stages", "lanes"):
        ids[key] = set()
        for i, part in enumerate(items(key)):
            if not isinstance(part.get("id"), str | int) or part.get("name") is None:
                raise unusable(f"{key}[{i}]")
            ids[key].add(part["id"])
    for i, lane in enumerate(data["lanes"]):
        one_of(f"lanes[{i}].kind", lane.get("kind", "touchpoints"), LaneKind)
        one_of(f"lanes[{i}].line_below", lane.get("line_below", ""), BlueprintLine)
    cards = items("touchpoints", required=False)
    for i, tp in enumerate(cards):
        where = f"touchpoints[{i}]"
        for key, kinds in (("stage", "stages"), ("lane", "lanes")):
            if not isinstance(tp.get(key), str | int) or tp[key] not in ids[kinds]:
                raise TemplateError(TEMPLATE_NAMES_UNDEFINED, name, f"{where}.{key}", repr(tp.get(key)))
        if tp.get("title") is None:
            raise unusable(f"{where}.title")
        one_of(f"{where}.sensation", tp.get("sensation", "neutral"), Sensation)
        one_of(f"{where}.evidence", tp.get("evidence", ""), Evidence)
        impact, waiting = tp.get("impact", 3), tp.get("waiting_minutes")
        if not isinstance(impact, int) or isinstance(impact, bool):
            raise unusable(f"{where}.impact")
        if waiting is not None and (not isinstance(waiting, int | float) or isinstance(waiting, bool)):
            raise unusable(f"{where}.waiting_minutes")
    for i, c in enumerate(items("connections", required=False)):
        for end in ("from", "to"):
            if not isinstance(c.get(end), int) or not 0 <= c[end] < len(cards):
                raise TemplateError(TEMPLATE_NAMES_UNDEFINED, name, f"connections[{i}].{end}", repr(c.get(end)))
    if not isinstance(data.get("persona", {}), dict):
        raise unusable("persona")
    return data


def localized(value: Any, lang: str) -> str:
    """The *lang* text of a bilingual value, falling back to English."""
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("en") or next(iter(value.values()), ""))
    return "" if value is None else str(value)


def localized_list(value: Any, lang: str) -> list[str]:
    """A bilingual list (``{"en": [...], "es": [...]}``) or a plain one, in *lang*."""
    if isinstance(value, dict):
        value = value.get(lang) or value.get("en") or []
    return [str(v) for v in value]


def template_names() -> list[str]:
    names = sorted(p.stem for p in resource("templates").glob("*.json") if p.stem != LIBRARY)
    # The generic map first: it is what most users start from.
    return sorted(names, key=lambda n: (n != DEFAULT_TEMPLATE, n))


@cache
def load_template(name: str) -> dict[str, Any]:
    path = resource("templates", f"{name}.json")
    if name == LIBRARY or not path.is_file():
        raise TemplateError(UNKNOWN_TEMPLATE, name, ", ".join(template_names()))
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise TemplateError(CANNOT_READ_TEMPLATE, name, exc.strerror or exc) from exc
    except UnicodeDecodeError as exc:
        raise TemplateError(TEMPLATE_NOT_TEXT, name) from exc
    except json.JSONDecodeError as exc:
        raise TemplateError(TEMPLATE_NOT_JSON, name, exc.lineno, exc.colno) from exc
    return _check(name, data)


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    title: str
    description: str
    touchpoints: int


def describe(name: str, lang: str = "en") -> TemplateInfo:
    data = load_template(name)
    return TemplateInfo(
        name, localized(data.get("title"), lang), localized(data.get("description"), lang),
        len(data.get("touchpoints", [])),
    )


def create_map_from_template(doc: Document, name: str, title: str | None = None, lang: str = "en") -> int:
    """Add a complete starter map to *doc* in one transaction; returns its id."""
    data = load_template(name)
    persona = data.get("persona", {})
    with doc.transaction():
        position = 1 + max((m.position for m in doc.maps()), default=-1)
        map_id = doc.add_map(
            JourneyMap(
                title=title or localized(data.get("title"), lang),
                description=localized(data.get("description"), lang),
                position=position,
            )
        )
        if persona:
            persona_id = doc.add_persona(
                Persona(
                    name=localized(persona.get("name"), lang),
                    quote=localized(persona.get("quote"), lang),
                    bio=localized(persona.get("description"), lang),
                    goals=[localized(g, lang) for g in persona.get("goals", [])],
                    needs=[localized(g, lang) for g in persona.get("needs", [])],
                    frustrations=[localized(g, lang) for g in persona.get("frustrations", [])],
                    position=len(doc.personas()),
                )
            )
            doc.set_map_personas(map_id, [persona_id])
        stages = {
            s["id"]: doc.add_stage(Stage(map_id, localized(s["name"], lang), i, s.get("colour", "#4E79A7")))
            for i, s in enumerate(data["stages"])
        }
        lanes = {
            l["id"]: doc.add_lane(
                Lane(
                    map_id, localized(l["name"], lang), LaneKind(l.get("kind", "touchpoints")), i,
                    line_below=BlueprintLine(l.get("line_below", "")),
                )
            )
            for i, l in enumerate(data["lanes"])
        }
        cards: list[int] = []
        for tp in data["touchpoints"]:
            waiting = tp.get("waiting_minutes")
            cards.append(doc.add_touchpoint(
                Touchpoint(
                    map_id=map_id,
                    stage_id=stages[tp["stage"]],
                    lane_id=lanes[tp["lane"]],
                    title=localized(tp["title"], lang),
                    description=localized(tp.get("description"), lang),
                    channel=tp.get("channel", ""),
                    sensation=Sensation(tp.get("sensation", "neutral")),
                    moment_of_truth=bool(tp.get("moment_of_truth", False)),
                    owner=localized(tp.get("owner", ""), lang),
                    impact=int(tp.get("impact", 3)),
                    tags=localized_list(tp.get("tags", []), lang),
                    controllable=bool(tp.get("controllable", True)),
                    expectation=localized(tp.get("expectation"), lang),
                    evidence=Evidence(tp.get("evidence", "")),
                    waiting_minutes=None if waiting is None else float(waiting),
                )
            ))
        # The main flow: connections name cards by their index in the template.
        for c in data.get("connections", []):
            doc.add_connection(Connection(map_id, cards[c["from"]], cards[c["to"]], localized(c.get("label"), lang)))
    return map_id


@dataclass(frozen=True)
class LibraryItem:
    title: str
    channel: str
    description: str


@dataclass(frozen=True)
class LibraryGroup:
    name: str
    items: tuple[LibraryItem, ...]


def library(lang: str = "en") -> list[LibraryGroup]:
    """The palette's catalogue of common touchpoints, grouped by phase."""
    path = resource("templates", f"{LIBRARY}.json")
    if not path.is_file():
        return []
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return [
        LibraryGroup(
            localized(g["name"], lang),
            tuple(
                LibraryItem(localized(i["title"], lang), i.get("channel", ""), localized(i.get("description"), lang))
                for i in g["items"]
            ),
        )
        for g in data.get("groups", [])
    ]
