"""Starter maps and the touchpoint library, loaded from ``resources/templates``.

Templates are bilingual JSON: every visible string is ``{"en": ..., "es": ...}``
so a new map follows the user's language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

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


class TemplateError(Exception):
    pass


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
        known = ", ".join(template_names())
        raise TemplateError(f"unknown template '{name}' (known: {known})")
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


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
