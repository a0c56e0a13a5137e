"""Domain objects to SQLite values and back: the conversions every table module of the document shares."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import fields
from typing import Any

from journeymap.domain.model import Evidence, LaneKind, Sensation, Touchpoint

TOUCHPOINT_FIELDS = fields(Touchpoint)


def chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def check_fields(cls: type, values: dict[str, Any]) -> dict[str, Any]:
    allowed = {f.name for f in fields(cls)} - {"id"}
    unknown = set(values) - allowed
    if unknown:
        raise TypeError(f"{cls.__name__} has no field(s) {', '.join(sorted(unknown))}")
    return values


def db_values(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    if "tags" in out:
        out["tags"] = json.dumps(list(out["tags"]), ensure_ascii=False)
    for key in ("moment_of_truth", "controllable"):
        if key in out:
            out[key] = int(bool(out[key]))
    for key in ("sensation", "kind", "evidence", "line_below"):
        if key in out and out[key] is not None:
            out[key] = str(out[key])
    return out


def lane_kind(value: str) -> LaneKind | str:
    try:
        return LaneKind(value)
    except ValueError:
        return LaneKind.NOTES


def touchpoint_from_row(row: dict[str, Any]) -> Touchpoint:
    row = dict(row)
    try:
        row["tags"] = list(json.loads(row["tags"] or "[]"))
    except (ValueError, TypeError):
        row["tags"] = []
    row["moment_of_truth"] = bool(row["moment_of_truth"])
    row["controllable"] = bool(row["controllable"])
    row["sensation"] = Sensation(row["sensation"])
    row["evidence"] = Evidence(row["evidence"])
    return Touchpoint(**row)


def sql_value(value: Any) -> Any:
    return sqlite3.Binary(value) if isinstance(value, bytes) else value
