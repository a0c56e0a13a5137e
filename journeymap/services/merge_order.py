"""Positions after a merge (issue 18): no two cards of a cell (stages, lanes of a map) at one position.

Two copies that each added a card at the end of the same cell both carry it at
the same position, and a copy that deleted a card (a deletion MASTER declines)
renumbered the rest of that cell onto the position MASTER's card still holds.
Such a group is put in order by (position, uuid) and each tie moved up by the
least that makes the positions distinct. The order depends only on the cards a
document has, so two copies merged both ways end with the same positions.

The move keeps the object's revision: it is no edit of anybody's but the order
every document holding these cards derives alike, and a copy that does not hold
them all keeps its own, without a tie. A later merge of the same copy then finds
the revision it knows and moves nothing back (an object with no revision yet, a
never-edited one from before format 10, gets a new one of MASTER's instead).
"""

from __future__ import annotations

from journeymap.services.merge_rules import NEW_TICK, MergeState, Obj

# table → the columns that make a group whose members are ordered by ``position``
GROUPS: dict[str, tuple[str, ...]] = {
    "touchpoints": ("map_id", "stage_id", "lane_id"),
    "stages": ("map_id",),
    "lanes": ("map_id",),
}


def settle_positions(state: MergeState) -> int:
    """Make the positions distinct in every group a merged copy added to or changed; how many objects moved."""
    moved = 0
    for table, columns in GROUPS.items():
        rows = state.tables.get(table, {})
        groups: dict[tuple, list[Obj]] = {}
        for obj in rows.values():
            groups.setdefault(tuple(obj.values.get(c) for c in columns), []).append(obj)
        for members in groups.values():
            if len(members) < 2 or not any((table, o.uuid) in state.origin for o in members):
                continue  # untouched by the copies: MASTER's own order stays as it is
            members.sort(key=lambda o: (_position(o), o.uuid))
            last = None
            for obj in members:
                position = _position(obj) if last is None else max(_position(obj), last + 1)
                last = position
                if obj.values.get("position") == position:
                    continue
                changed = obj.changed if obj.changed is not None else (state.master.replica, NEW_TICK)
                rows[obj.uuid] = Obj(obj.uuid, {**obj.values, "position": position}, obj.created, changed,
                                     obj.legacy)
                moved += 1
    return moved


def _position(obj: Obj) -> int:
    value = obj.values.get("position")
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


__all__ = ["GROUPS", "settle_positions"]
