"""How the canvas applies an edit's announced Change to its cards, without re-reading what the change carries.

``card_change_steps`` is a job for :class:`~journeymap.ui.scene.catch_up.CatchUp`:
its first step brings the scene's model of the map (``scene.cards``,
``scene.cells``, the grid's counts) to the document's state at once, so that
whatever asks the scene which cards exist or are selected gets the final
answer; then it removes and creates the card items in slices (yielding between
them, each slice placed where the final layout puts it), and ends with one
relayout, the metrics of the new cards and the filter.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING

from journeymap.services.reporting import touchpoint_metrics
from journeymap.ui.changes import Change
from journeymap.ui.scene import rows
from journeymap.ui.scene.card_item import CardItem

if TYPE_CHECKING:
    from journeymap.domain.model import Touchpoint
    from journeymap.ui.scene.layout import Cell
    from journeymap.ui.scene.map_scene import MapScene

# Items removed or created between two looks at the clock (a slice is ~2-5 ms).
SLICE = 100
# Edits of fewer cards than this are shown at once; bigger ones across event-loop turns (catch_up.py).
LARGE_CHANGE = 300
# Touchpoints per metrics query (the storage layer answers up to 500 ids with one query).
METRICS_SLICE = 400


def change_steps(scene: MapScene, change: Change) -> Iterator[None]:
    """The job of showing one edit on the canvas: cards, connections, then the numbers."""
    if change.touchpoints or change.cells:
        yield from card_change_steps(scene, change)
        scene.rich.cards_changed(change.touchpoints)
    if change.connections:
        scene.rich.connections.on_connections_changed(sorted(change.connections))
    if change.metrics:
        yield from refresh_metrics_steps(scene)


def refresh_metrics_steps(scene: MapScene) -> Iterator[None]:
    """Responses, manual values or the segment changed: every card's numbers, the filter, the curve."""
    scene.metrics = {}
    # The cards hold the touchpoints as last read (touchpointsChanged keeps them current, and
    # recomputes the cards it re-reads), so no need to read 2,000 rows again.
    yield from metrics_steps(scene, [card.touchpoint for card in scene.cards.values()])
    scene._apply_filter(scene.cards.values())
    scene._refresh_overlays()
    scene._refresh_overall()


def apply_card_change(scene: MapScene, change: Change) -> None:
    """The whole of ``card_change_steps`` now (small edits, scripts)."""
    for _ in card_change_steps(scene, change):
        pass


def card_change_steps(scene: MapScene, change: Change) -> Iterator[None]:
    """Cards added, edited, moved or removed: update their items, their cells' order and the layout."""
    if scene.map_id is None:
        return
    placed = {tid: (cell, k) for cell, ids in change.cells.items() for k, tid in enumerate(ids)}
    unknown = change.touchpoints - change.removed - set(change.values) - set(placed)
    read = scene.doc.touchpoints_by_id(unknown) if unknown else {}
    gone = set(change.removed) | (unknown - set(read))
    values = {**change.values, **read}
    regroup: set[Cell] = set()  # cells whose membership changed and whose order the change does not give
    touched: set[Cell] = set(change.cells)
    changed_items: list[CardItem] = []
    doomed: list[CardItem] = []  # items of cards no longer on this map, removed in slices below
    new: list[Touchpoint] = []  # cards to create, in slices below
    cards = scene.cards
    for tid in gone:
        card = cards.pop(tid, None)
        if card is not None:
            regroup.add(card.cell)
            doomed.append(card)
    # The selection is published once: here, or (cards removed) below once they are out of the cells;
    # publishing both made a redo of "delete 10,000 cards" sort and send 10,000 doomed ids first.
    with _quiet_selection(scene):
        for tid, tp in values.items():
            card = cards.get(tid)
            if tp.map_id != scene.map_id:
                if card is not None:
                    regroup.add(card.cell)
                    doomed.append(cards.pop(tid))
                continue
            if card is None:
                new.append(tp)
                regroup.add((tp.stage_id, tp.lane_id))
            else:
                if card.cell != (tp.stage_id, tp.lane_id):
                    regroup |= {card.cell, (tp.stage_id, tp.lane_id)}
                card.set_touchpoint(tp)
                changed_items.append(card)
    if not doomed:
        scene._publish_selection()
    for tid, (cell, k) in placed.items():
        card = cards.get(tid)
        if card is not None and tid not in values:
            (regroup if card.cell not in change.cells else touched).add(card.cell)
            card.touchpoint = replace(card.touchpoint, stage_id=cell[0], lane_id=cell[1], position=k)
    for cell, ids in change.cells.items():
        if ids:
            scene.cells[cell] = list(ids)
        else:
            scene.cells.pop(cell, None)
    for cell, ids in scene.doc.cells_ids(scene.map_id, regroup - set(change.cells)).items():
        if ids:
            scene.cells[cell] = ids
        else:
            scene.cells.pop(cell, None)
    affected = touched | regroup
    rows_moved = scene.grid.set_counts({cell: len(scene.cells.get(cell, [])) for cell in affected})
    if rows_moved and (doomed or new):
        scene._sync_overlay_items()  # the final scene rect now: the view does not scroll under a press later

    # The items: removed, then created where the final layout puts them, a slice at a time.
    if doomed:
        scene._publish_selection()  # once: the cards still to remove are no longer in scene.cells
    while doomed:
        yield
        chunk = doomed[-SLICE:]
        del doomed[-SLICE:]  # the items are destroyed with this slice's last reference
        with _quiet_selection(scene):
            for card in chunk:
                scene.removeItem(card)
        del chunk, card
    if new:
        place = _places(scene, {(tp.stage_id, tp.lane_id) for tp in new})
        for start in range(0, len(new), SLICE):
            yield
            for tp in new[start:start + SLICE]:
                card = CardItem(scene, tp)
                cards[tp.id] = card
                spot = place.get(tp.id)
                if spot is None:
                    scene.addItem(card)
                else:
                    rows.place_card(scene, card, *spot)  # where the final layout puts it
                changed_items.append(card)
        yield

    if affected or rows_moved:
        # Only the affected cells' cards are re-placed; rows below a lane that grew move as one.
        scene._apply_layout(affected, rows_moved=rows_moved)
    if change.metrics:
        return  # the scene refreshes every card's metrics, filter and overlays next (apply_change)
    if any(c.touchpoint_id not in scene.metrics for c in changed_items):
        yield from metrics_steps(scene, [c.touchpoint for c in changed_items])
    scene._apply_filter(changed_items)
    scene._refresh_overlays()


@contextmanager
def _quiet_selection(scene: MapScene) -> Iterator[None]:
    """No selection published during the block (cards removed whose removal was published already)."""
    publishing, scene._publishing = scene._publishing, False
    try:
        yield
    finally:
        scene._publishing = publishing


def _places(scene: MapScene, cells: Iterable[Cell]) -> dict[int, tuple[Cell, int]]:
    return {tid: (cell, k) for cell in cells for k, tid in enumerate(scene.cells.get(cell, ()))}


def metrics_steps(scene: MapScene, touchpoints: list[Touchpoint]) -> Iterator[None]:
    """The numbers of these cards, a slice of touchpoints per query (badges, tooltips)."""
    if scene.map_id is None:
        return
    for start in range(0, len(touchpoints), METRICS_SLICE):
        if start:
            yield
        metrics = touchpoint_metrics(scene.doc, scene.map_id, scene.session.segment,
                                     touchpoints[start:start + METRICS_SLICE])
        scene.metrics.update(metrics)
        for tid, m in metrics.items():
            card = scene.cards.get(tid)
            if card is not None:
                card.set_metrics(m)
