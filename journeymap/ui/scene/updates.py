"""How the canvas applies an edit's announced Change to its cards, without re-reading what the change carries."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from journeymap.ui.changes import Change
from journeymap.ui.scene.card_item import CardItem

if TYPE_CHECKING:
    from journeymap.ui.scene.layout import Cell
    from journeymap.ui.scene.map_scene import MapScene


def apply_card_change(scene: MapScene, change: Change) -> None:
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
    for tid in gone:
        card = scene.cards.pop(tid, None)
        if card is not None:
            regroup.add(card.cell)
            scene.removeItem(card)
    for tid, tp in values.items():
        card = scene.cards.get(tid)
        if tp.map_id != scene.map_id:
            if card is not None:
                regroup.add(card.cell)
                scene.removeItem(scene.cards.pop(tid))
            continue
        if card is None:
            card = CardItem(scene, tp)
            scene.cards[tid] = card
            scene.addItem(card)
            regroup.add((tp.stage_id, tp.lane_id))
        else:
            if card.cell != (tp.stage_id, tp.lane_id):
                regroup |= {card.cell, (tp.stage_id, tp.lane_id)}
            card.set_touchpoint(tp)
        changed_items.append(card)
    for tid, (cell, k) in placed.items():
        card = scene.cards.get(tid)
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
    rows_moved = False
    for cell in affected:
        rows_moved |= scene.grid.set_count(cell, len(scene.cells.get(cell, [])))
    if rows_moved:
        scene._apply_layout()
    elif affected:
        scene._apply_layout(affected)
        for sid in {c[0] for c in affected}:
            header = scene.stage_headers.get(sid)
            if header is not None:
                header.set_stage(header.stage, scene.stage_card_count(sid))
    if change.metrics:
        return  # the scene refreshes every card's metrics, filter and overlays next (apply_change)
    if any(tid not in scene.metrics for tid in values):
        scene._compute_metrics([c.touchpoint for c in changed_items])
    scene._apply_filter(changed_items)
    scene._refresh_overlays()
