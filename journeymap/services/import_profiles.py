"""Import profiles: the column mapping of a survey, remembered by its header signature.

Next month's export of the same survey has the same header row, so the mapping
chosen once (in the dialog, or ``--save-profile`` on the CLI) applies again by
itself; ``--profile NAME`` picks one explicitly. Profiles live in the document
(table ``import_profiles``), so they travel with the maps they point at.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from journeymap.services.survey_layout import Plan, signature
from journeymap.storage import Document


@dataclass
class Profile:
    name: str
    signature: str
    layout: str
    columns: dict[int, tuple[str, int | None]]  # 0-based column -> (role, touchpoint id)
    updated_at: str = ""


def _profile(row: tuple[Any, ...]) -> Profile:
    name, sig, layout, columns, updated = row
    try:
        raw = json.loads(columns)
        cols = {int(k): (str(v[0]), None if v[1] is None else int(v[1])) for k, v in raw.items()}
    except (ValueError, TypeError, KeyError, IndexError):
        cols = {}  # a damaged profile maps nothing: the guesses apply
    return Profile(name, sig, layout, cols, updated)


_SELECT = "SELECT name, signature, layout, columns, updated_at FROM import_profiles"


def all_profiles(doc: Document) -> list[Profile]:
    return [_profile(r) for r in doc.execute(_SELECT + " ORDER BY name").fetchall()]


def get(doc: Document, name: str) -> Profile | None:
    row = doc.execute(_SELECT + " WHERE name = ?", [name]).fetchone()
    return None if row is None else _profile(row)


def find(doc: Document, codes: list[str]) -> Profile | None:
    """The most recently saved profile for a header like *codes*."""
    row = doc.execute(
        _SELECT + " WHERE signature = ? ORDER BY updated_at DESC, id DESC LIMIT 1", [signature(codes)]
    ).fetchone()
    return None if row is None else _profile(row)


def save(doc: Document, name: str, codes: list[str], plan: Plan) -> None:
    """Remember *plan*'s mapping under *name* (replacing a profile of that name)."""
    columns = {str(c.index): [c.role, c.touchpoint_id] for c in plan.columns}
    now = datetime.now().astimezone().isoformat(timespec="seconds")
    with doc.transaction():
        doc.execute("DELETE FROM import_profiles WHERE name = ?", [name])
        doc.execute(
            "INSERT INTO import_profiles (name, signature, layout, columns, updated_at) VALUES (?, ?, ?, ?, ?)",
            [name, signature(codes), plan.layout, json.dumps(columns), now],
        )


def delete(doc: Document, name: str) -> None:
    with doc.transaction():
        doc.execute("DELETE FROM import_profiles WHERE name = ?", [name])
