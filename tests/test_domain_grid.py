"""Grid arithmetic of journeymap.domain.grid (the algorithm the canvas and the editor run), by property."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeymap.domain.grid import (
    Grid,
    MoveRefused,
    adjacent,
    drop,
    first_card,
    gather,
    paste_target,
    shift,
)


@st.composite
def grids(draw, min_cards: int = 1):
    n_stages = draw(st.integers(1, 4))
    n_lanes = draw(st.integers(1, 4))
    stages = tuple(range(100, 100 + n_stages))
    lanes = tuple(range(200, 200 + n_lanes))
    n_cards = draw(st.integers(min_cards, 12))
    cells: dict = {}
    for tid in range(1, n_cards + 1):
        cell = (draw(st.sampled_from(stages)), draw(st.sampled_from(lanes)))
        ids = cells.setdefault(cell, [])
        ids.insert(draw(st.integers(0, len(ids))), tid)
    return Grid.of(stages, lanes, cells)


@st.composite
def grid_and_selection(draw):
    grid = draw(grids())
    every = sorted(grid.locate())
    ids = draw(st.lists(st.sampled_from(every), min_size=1, max_size=len(every), unique=True))
    return grid, ids


def apply(grid: Grid, after: dict) -> Grid:
    cells = {c: list(v) for c, v in grid.cells.items()}
    cells.update({c: list(v) for c, v in after.items()})
    return Grid.of(grid.stage_ids, grid.lane_ids, cells)


def every_card(grid: Grid) -> Counter:
    return Counter(t for ids in grid.cells.values() for t in ids)


def index_of(grid: Grid, ids):
    return {t: grid.stage_ids.index(c[0]) for t, (c, _k) in grid.locate().items() if t in ids}, {
        t: grid.lane_ids.index(c[1]) for t, (c, _k) in grid.locate().items() if t in ids
    }


@settings(max_examples=150, deadline=None)
@given(grid_and_selection(), st.sampled_from([(-1, 0), (1, 0)]))
def test_shift_sideways_keeps_every_card_in_its_lane(data, direction):
    grid, ids = data
    dx, dy = direction
    try:
        after = apply(grid, shift(grid, ids, dx, dy))
    except MoveRefused:
        stages, _lanes = index_of(grid, ids)
        assert any(not 0 <= s + dx < len(grid.stage_ids) for s in stages.values())
        return
    assert every_card(after) == every_card(grid)  # nothing lost, nothing doubled
    s0, l0 = index_of(grid, ids)
    s1, l1 = index_of(after, ids)
    assert l1 == l0  # a pain point stays a pain point
    assert all(s1[t] == s0[t] + dx for t in ids)
    # Cards that were not selected keep their cell and their order.
    rest = set(grid.locate()) - set(ids)
    for cell in set(grid.cells) | set(after.cells):
        assert [t for t in after.ids(cell) if t in rest] == [t for t in grid.ids(cell) if t in rest]


@settings(max_examples=150, deadline=None)
@given(grid_and_selection(), st.sampled_from([-1, 1]))
def test_shift_up_down_moves_a_slot_or_refuses(data, dy):
    grid, ids = data
    try:
        after = apply(grid, shift(grid, ids, 0, dy))
    except MoveRefused:
        return
    assert every_card(after) == every_card(grid)
    _s0, l0 = index_of(grid, ids)
    _s1, l1 = index_of(after, ids)
    cells0 = {grid.locate()[t][0] for t in ids}
    if len(cells0) > 1:
        assert l1 == l0  # several cells: each group stays in its own cell
    else:
        assert all(abs(l1[t] - l0[t]) <= 1 for t in ids)


@settings(max_examples=150, deadline=None)
@given(grid_and_selection(), st.data())
def test_drop_moves_the_anchor_where_shown_and_the_rest_by_the_same_offset(data, draw):
    grid, ids = data
    anchor = draw.draw(st.sampled_from(ids))
    target = (draw.draw(st.sampled_from(grid.stage_ids)), draw.draw(st.sampled_from(grid.lane_ids)))
    index = draw.draw(st.integers(0, len(grid.ids(target))))
    try:
        after = apply(grid, drop(grid, ids, anchor, target, index))
    except MoveRefused:
        return
    assert every_card(after) == every_card(grid)
    assert after.locate()[anchor][0] == target
    s0, l0 = index_of(grid, ids)
    s1, l1 = index_of(after, ids)
    ds, dl = s1[anchor] - s0[anchor], l1[anchor] - l0[anchor]
    assert all(s1[t] - s0[t] == ds and l1[t] - l0[t] == dl for t in ids)


@settings(max_examples=100, deadline=None)
@given(grids(), st.data())
def test_drop_of_one_card_puts_it_at_the_index_shown(grid, draw):
    tid = draw.draw(st.sampled_from(sorted(grid.locate())))
    target = (draw.draw(st.sampled_from(grid.stage_ids)), draw.draw(st.sampled_from(grid.lane_ids)))
    shown = list(grid.ids(target))
    index = draw.draw(st.integers(0, len(shown)))
    after = apply(grid, drop(grid, [tid], tid, target, index))
    expected = [t for t in shown[:index] if t != tid] + [tid] + [t for t in shown[index:] if t != tid]
    assert list(after.ids(target)) == expected


@settings(max_examples=100, deadline=None)
@given(grids(), st.data())
def test_adjacent_stays_on_the_grid_and_moves_in_the_asked_direction(grid, draw):
    tid = draw.draw(st.sampled_from(sorted(grid.locate())))
    dx, dy = draw.draw(st.sampled_from([(-1, 0), (1, 0), (0, -1), (0, 1)]))
    other = adjacent(grid, tid, dx, dy)
    order = grid.order()
    if other is None:
        return
    (s0, l0, k0), (s1, l1, k1) = order[tid], order[other]
    if dx:
        assert l1 == l0 and (s1 - s0) * dx > 0
    else:
        assert s1 == s0 and ((l1, k1) > (l0, k0)) == (dy > 0)


def test_paste_target_and_first_card():
    grid = Grid.of((1, 2), (10, 20), {(1, 10): [5, 6], (2, 20): [7]})
    assert first_card(grid) == 5
    assert paste_target(grid, [6, 5], None) == ((1, 10), 2)
    assert paste_target(grid, [], (2, 10)) == ((2, 10), None)
    assert paste_target(grid, [], (9, 9)) == ((1, 10), None)
    assert paste_target(Grid.of((), (), {}), [], None) is None


def test_multi_selection_in_two_lanes_moves_each_in_its_own_lane():
    """The defect: Alt+Right on a touchpoint and a pain point put both in the touchpoints lane."""
    touchpoints, pains = 10, 40
    grid = Grid.of((1, 2), (touchpoints, pains), {(1, touchpoints): [5], (1, pains): [6], (2, touchpoints): [7]})
    after = apply(grid, shift(grid, [5, 6], 1, 0))
    assert after.locate()[6][0] == (2, pains) and after.locate()[5][0] == (2, touchpoints)
    with pytest.raises(MoveRefused):
        shift(grid, [5, 6], -1, 0)
    assert apply(grid, gather(grid, [5, 6], (2, touchpoints), 0)).ids((2, touchpoints)) == (5, 6, 7)
