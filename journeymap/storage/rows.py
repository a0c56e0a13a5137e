"""Domain objects to SQLite values and back: the conversions every table module of the document shares."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import fields
from operator import itemgetter
from typing import Any

from journeymap.domain.model import Evidence, LaneKind, Sensation, Touchpoint
from journeymap.storage.identity_schema import IDENTITY_COLUMNS

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


# Enum members by value: calling the enum for each of 30,000 rows was a third of reading them.
_SENSATIONS: dict[Any, Sensation] = {s.value: s for s in Sensation}
_EVIDENCE: dict[Any, Evidence] = {e.value: e for e in Evidence}


def touchpoint_from_row(row: dict[str, Any]) -> Touchpoint:
    row = dict(row)
    for column in IDENTITY_COLUMNS:  # format 11's uuid and revision are not the card's fields
        row.pop(column, None)
    tags = row["tags"]
    if not tags or tags == "[]":
        row["tags"] = []
    else:
        try:
            row["tags"] = list(json.loads(tags))
        except (ValueError, TypeError):
            row["tags"] = []
    row["moment_of_truth"] = bool(row["moment_of_truth"])
    row["controllable"] = bool(row["controllable"])
    sensation, evidence = row["sensation"], row["evidence"]
    row["sensation"] = _SENSATIONS[sensation] if sensation in _SENSATIONS else Sensation(sensation)
    row["evidence"] = _EVIDENCE[evidence] if evidence in _EVIDENCE else Evidence(evidence)
    return Touchpoint(**row)


def touchpoints_from_rows(names: list[str], rows: Iterable[tuple]) -> list[Touchpoint]:
    """``touchpoint_from_row`` for a whole query (columns *names*): positional, without a dict per row,
    as a 30,000-card map is read on every open."""
    order = [f.name for f in TOUCHPOINT_FIELDS]
    if sorted(order) != sorted(names):  # not the table's own columns: the general path
        return [touchpoint_from_row(dict(zip(names, r))) for r in rows]
    pick = itemgetter(*(names.index(name) for name in order))
    tags_i, mot_i, ctl_i = order.index("tags"), order.index("moment_of_truth"), order.index("controllable")
    sen_i, evi_i = order.index("sensation"), order.index("evidence")
    out = []
    for r in rows:
        v = list(pick(r))
        tags = v[tags_i]
        if not tags or tags == "[]":
            v[tags_i] = []
        else:
            try:
                v[tags_i] = list(json.loads(tags))
            except (ValueError, TypeError):
                v[tags_i] = []
        v[mot_i] = bool(v[mot_i])
        v[ctl_i] = bool(v[ctl_i])
        sensation, evidence = v[sen_i], v[evi_i]
        v[sen_i] = _SENSATIONS[sensation] if sensation in _SENSATIONS else Sensation(sensation)
        v[evi_i] = _EVIDENCE[evidence] if evidence in _EVIDENCE else Evidence(evidence)
        out.append(Touchpoint(*v))
    return out


def sql_value(value: Any) -> Any:
    return sqlite3.Binary(value) if isinstance(value, bytes) else value
