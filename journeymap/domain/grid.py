"""Where cards go on the grid: keyboard navigation, paste targets and moves, without Qt or SQL.

A map's grid is its stage order, its lane order and the card ids of each cell
in display order. The canvas asks these functions where the selection goes and
the editor turns their answer (the new order of every affected cell) into one
undoable command, so the one cell-order algorithm the app runs is the one the
tests exercise.

Moves keep every card in its own lane relationship: moving a multi-selection
shifts each card relative to its own cell (a pain point stays a pain point), and
a move that would push a card off the grid is refused (``MoveRefused``) instead
of piling every card into one cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

Cell = tuple[int, int]  # (stage_id, lane_id)
CellOrders = dict[Cell, list[int]]


class MoveRefused(ValueError):
    """The selection cannot move that way; ``msg_id`` names the reason (translated where shown)."""

    def __init__(self, msg_id: str) -> None:
        super().__init__(msg_id)
        self.msg_id = msg_id


# Message ids of MoveRefused (translated by journeymap.ui.messages).
OFF_THE_GRID = "move.off_the_grid"


@dataclass(frozen=True)
class Grid:
    """Stages, lanes and the cards of each cell, in display order (cells without cards may be absent)."""

    stage_ids: tuple[int, ...]
    lane_ids: tuple[int, ...]
    cells: Mapping[Cell, Sequence[int]] = field(default_factory=dict)
    # The cell a card is in, when the caller knows it (the canvas does): then finding a few
    # cards looks in their cells only instead of indexing all 30,000 cards of a big map.
    cell_of: Callable[[int], Cell | None] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, stage_ids: Iterable[int], lane_ids: Iterable[int], cells: Mapping[Cell, Sequence[int]]) -> Grid:
        return cls(tuple(stage_ids), tuple(lane_ids), {c: tuple(ids) for c, ids in cells.items() if ids})

    def ids(self, cell: Cell) -> Sequence[int]:
        return self.cells.get(cell, ())

    def has_cell(self, cell: Cell) -> bool:
        return cell[0] in self.stage_ids and cell[1] in self.lane_ids

    def locate(self) -> dict[int, tuple[Cell, int]]:
        """Every card's cell and index in it."""
        return {tid: (cell, k) for cell, ids in self.cells.items() for k, tid in enumerate(ids)}

    def where(self, ids: Iterable[int]) -> dict[int, tuple[Cell, int]]:
        """The cell and index of each of *ids* that is on the grid (the others left out).

        With ``cell_of`` only the cards' own cells are searched; a card not found
        where ``cell_of`` says is looked for in every cell, so a stale hint is slow, never wrong.
        """
        ids = list(ids)
        cell_of = self.cell_of
        if cell_of is None:
            located = self.locate()
            return {t: located[t] for t in ids if t in located}
        found: dict[int, tuple[Cell, int]] = {}
        missed = []
        for tid in ids:
            cell = cell_of(tid)
            cards = self.cells.get(cell, ()) if cell is not None else ()
            try:
                found[tid] = (cell, cards.index(tid))  # type: ignore[assignment]
            except ValueError:
                missed.append(tid)
        if missed:
            located = self.locate()
            found.update((t, located[t]) for t in missed if t in located)
        return found

    def order(self) -> dict[int, tuple[int, int, int]]:
        """Every card's (stage index, lane index, index in the cell): reading order, stage by stage."""
        s_index = {sid: i for i, sid in enumerate(self.stage_ids)}
        l_index = {lid: i for i, lid in enumerate(self.lane_ids)}
        return {
            tid: (s_index.get(cell[0], 0), l_index.get(cell[1], 0), k)
            for cell, ids in self.cells.items()
            for k, tid in enumerate(ids)
        }

    def sorted(self, ids: Iterable[int]) -> list[int]:
        """*ids* (cards of this grid) in reading order."""
        s_index = {sid: i for i, sid in enumerate(self.stage_ids)}
        l_index = {lid: i for i, lid in enumerate(self.lane_ids)}
        where = self.where(dict.fromkeys(ids))
        return sorted(where, key=lambda t: (s_index.get(where[t][0][0], 0), l_index.get(where[t][0][1], 0),
                                            where[t][1]))


# ---------------------------------------------------------------------------------- navigation
def first_card(grid: Grid) -> int | None:
    """The card the arrow keys select when nothing is selected: the first in reading order."""
    order = grid.order()
    return min(order, key=order.__getitem__) if order else None


def adjacent(grid: Grid, anchor: int, dx: int, dy: int) -> int | None:
    """The card an arrow key selects from *anchor*: up/down in the cell then into the next
    non-empty lane of the stage, left/right into the next non-empty stage of the lane
    (at the same index, or the last card there). None at the edge of the grid."""
    where = grid.where([anchor]).get(anchor)
    if where is None:
        return None
    (sid, lid), idx = where
    if dy:
        ids = grid.ids((sid, lid))
        if 0 <= idx + dy < len(ids):
            return ids[idx + dy]
        li = grid.lane_ids.index(lid) + dy
        while 0 <= li < len(grid.lane_ids):
            other = grid.ids((sid, grid.lane_ids[li]))
            if other:
                return other[-1] if dy < 0 else other[0]
            li += dy
        return None
    si = grid.stage_ids.index(sid) + dx
    while 0 <= si < len(grid.stage_ids):
        other = grid.ids((grid.stage_ids[si], lid))
        if other:
            return other[min(idx, len(other) - 1)]
        si += dx
    return None


def paste_target(grid: Grid, selected: Sequence[int], last_cell: Cell | None) -> tuple[Cell, int | None] | None:
    """Where pasted (or library) cards go: after the first selected card's cell's last selected card,
    else the last cell clicked, else the first cell; index None means "at the end"."""
    anchor = next((t for t in grid.sorted(selected)), None)
    if anchor is not None:
        cell = grid.where([anchor])[anchor][0]
        ids = grid.ids(cell)
        last = max(ids.index(t) for t in selected if t in ids)
        return cell, last + 1
    if last_cell is not None and grid.has_cell(last_cell):
        return last_cell, None
    if grid.stage_ids and grid.lane_ids:
        return (grid.stage_ids[0], grid.lane_ids[0]), None
    return None


# ------------------------------------------------------------------------------------- moves
def _groups(grid: Grid, ids: Iterable[int]) -> dict[Cell, list[int]]:
    """The moving cards of each source cell, in display order."""
    located = grid.where(set(ids))
    groups: dict[Cell, list[int]] = {}
    for tid in grid.sorted(located):
        groups.setdefault(located[tid][0], []).append(tid)
    return groups


def _place(grid: Grid, moving: set[int], placements: list[tuple[Cell, int, list[int]]]) -> CellOrders:
    """The new order of every cell the move touches.

    *placements* are (target cell, index among the cards that stay there, cards);
    the moving cards first leave every cell, then each group is inserted.
    """
    touched = {cell for cell, _k in grid.where(moving).values()}
    touched |= {cell for cell, _i, _ids in placements}
    after = {cell: [t for t in grid.ids(cell) if t not in moving] for cell in touched}
    # Insert from the highest index down so that earlier insertions do not shift later ones.
    for cell, index, cards in sorted(placements, key=lambda p: -p[1]):
        rest = after[cell]
        rest[max(0, min(index, len(rest))) : max(0, min(index, len(rest)))] = cards
    return after


def gather(grid: Grid, ids: Sequence[int], target: Cell, index: int) -> CellOrders:
    """Every card of *ids* into *target* at *index* as shown (moving cards included), in reading order."""
    if not grid.has_cell(target):
        raise MoveRefused(OFF_THE_GRID)
    moving = set(grid.sorted(ids))
    at = sum(1 for t in grid.ids(target)[: max(0, index)] if t not in moving)
    return _place(grid, moving, [(target, at, grid.sorted(moving))])


def drop(grid: Grid, ids: Sequence[int], anchor: int, target: Cell, index: int) -> CellOrders:
    """Drag and drop: *anchor* (the card under the mouse) goes to *index* of *target* as the
    drop indicator showed it (moving cards included); every other selected card moves by the
    same number of stages and lanes from its own cell, to its own index there.

    Raises ``MoveRefused`` when a card would leave the grid.
    """
    groups = _groups(grid, ids)
    located = grid.where([anchor])
    if anchor not in located or not grid.has_cell(target):
        raise MoveRefused(OFF_THE_GRID)
    a_cell = located[anchor][0]
    dsi = grid.stage_ids.index(target[0]) - grid.stage_ids.index(a_cell[0])
    dli = grid.lane_ids.index(target[1]) - grid.lane_ids.index(a_cell[1])
    moving = {t for cards in groups.values() for t in cards}
    placements = []
    for cell, cards in groups.items():
        si = grid.stage_ids.index(cell[0]) + dsi
        li = grid.lane_ids.index(cell[1]) + dli
        if not (0 <= si < len(grid.stage_ids) and 0 <= li < len(grid.lane_ids)):
            raise MoveRefused(OFF_THE_GRID)
        dest = (grid.stage_ids[si], grid.lane_ids[li])
        if cell == a_cell:
            shown = grid.ids(dest)
            at = sum(1 for t in shown[: max(0, index)] if t not in moving)
        else:
            at = grid.ids(cell).index(cards[0])  # its own place, counted among the cards that stay
            at = sum(1 for t in grid.ids(dest)[:at] if t not in moving) if dest == cell else at
        placements.append((dest, at, cards))
    return _place(grid, moving, placements)


def shift(grid: Grid, ids: Sequence[int], dx: int, dy: int) -> CellOrders:
    """Alt+arrows: each selected card one stage left/right in its own lane (at its own index),
    or one slot up/down in its own cell.

    Cards of one cell that are already at its top (bottom) go to the end (start) of the
    lane above (below), like a single card. When the selection spans several cells and a
    group is at the edge of its cell, or a card would leave the grid, ``MoveRefused``.
    """
    groups = _groups(grid, ids)
    if not groups:
        return {}
    moving = {t for cards in groups.values() for t in cards}
    placements = []
    for cell, cards in groups.items():
        cell_ids = list(grid.ids(cell))
        first, last = cell_ids.index(cards[0]), cell_ids.index(cards[-1])
        if dx:
            si = grid.stage_ids.index(cell[0]) + dx
            if not 0 <= si < len(grid.stage_ids):
                raise MoveRefused(OFF_THE_GRID)
            placements.append(((grid.stage_ids[si], cell[1]), first, cards))
            continue
        if dy < 0 and first > 0:
            before = sum(1 for t in cell_ids[: first - 1] if t not in moving)
            placements.append((cell, before, cards))
        elif dy > 0 and last < len(cell_ids) - 1:
            before = sum(1 for t in cell_ids[: last + 2] if t not in moving)
            placements.append((cell, before, cards))
        else:
            li = grid.lane_ids.index(cell[1]) + dy
            if len(groups) > 1 or not 0 <= li < len(grid.lane_ids):
                raise MoveRefused(OFF_THE_GRID)
            dest = (cell[0], grid.lane_ids[li])
            placements.append((dest, len(grid.ids(dest)) if dy < 0 else 0, cards))
    return _place(grid, moving, placements)


def changed_cells(grid: Grid, after: Mapping[Cell, Sequence[int]]) -> CellOrders:
    """Only the cells of *after* whose order differs from *grid*'s."""
    return {cell: list(ids) for cell, ids in after.items() if tuple(ids) != tuple(grid.ids(cell))}
