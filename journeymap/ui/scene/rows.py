"""The cards of each cell in one container item: a row that grows moves the cells below, not every card.

A cell's cards are children of its :class:`CellItem` at their slot in the cell;
the container sits at the cell's corner. When a move changes a lane's height,
the lanes below move by one ``setPos`` per cell (a move in a 30,000-card map
re-placed every card below it: ~150 ms of Python). Containers are per cell,
not per lane, because Qt's ``render`` (exports, and the bench's frames) draws
every child of a container it touches: a cell is small, a lane of 100 stages
is not. Cards not on the grid (their stage or lane unknown) stay top-level.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from journeymap.ui.scene import style
from journeymap.ui.scene.card_item import _BOUNDS, CARD_Z, CardItem

if TYPE_CHECKING:
    from journeymap.ui.scene.layout import Cell
    from journeymap.ui.scene.map_scene import MapScene


class CellItem(QGraphicsRectItem):
    """Holds the cards of one cell and draws nothing itself; its rect is its cards' extent, so Qt
    skips the whole cell when it is outside what is painted or hit (``ItemContainsChildrenInShape``).

    A plain rect item with no pen and no brush: its bounds, shape and (empty) painting stay in
    C++, as Qt asks every cell for them at every paint and hit test.
    """

    def __init__(self, cell: Cell):
        super().__init__()
        self.cell = cell
        self.count = 0
        self.setPen(Qt.PenStyle.NoPen)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(CARD_Z)

    def set_count(self, count: int) -> None:
        """The extent of *count* stacked cards (with their shadows and marker pills)."""
        self.count = count
        rect = QRectF(_BOUNDS.left() + style.CELL_PAD, _BOUNDS.top() + style.CELL_PAD, _BOUNDS.width(),
                      _BOUNDS.height() + max(0, count - 1) * (style.CARD_H + style.CARD_GAP)) if count else QRectF()
        if rect != self.rect():
            self.setRect(rect)


def container(scene: MapScene, cell: Cell, add: bool = True) -> CellItem | None:
    """The container of *cell* (made, placed and, with *add*, put in the scene when first needed);
    None when the cell is not on the grid."""
    sid, lid = cell
    g = scene.grid
    if sid not in g.col_x or lid not in g.row_y:
        return None
    lane = scene.rows.setdefault(lid, {})
    item = lane.get(sid)
    if item is None:
        item = lane[sid] = CellItem(cell)
        item.setPos(g.col_x[sid], g.row_y[lid])
        if add:
            scene.addItem(item)
    return item


def place_rows(scene: MapScene) -> None:
    """Each cell's container at its lane's top: the cells of the lanes whose top changed move."""
    g = scene.grid
    row_y, col_x = g.row_y, g.col_x
    for lid, lane in scene.rows.items():
        y = row_y.get(lid)
        if y is None or not lane:
            continue
        if next(iter(lane.values())).y() == y:  # the cells of a lane share their top
            continue
        for sid, item in lane.items():
            item.setPos(col_x.get(sid, item.x()), y)


def place_card(scene: MapScene, card: CardItem, cell: Cell, index: int) -> None:
    """Put *card* at slot *index* of *cell*; a card that is not in the scene yet is added there."""
    holder = container(scene, cell)
    if holder is None:
        if card.scene() is not scene:
            scene.addItem(card)
        return
    pos = scene.grid.card_offset(index)
    if index >= holder.count:
        holder.set_count(index + 1)  # never a card outside its cell's extent (Qt would not draw it)
    if card.parentItem() is not holder:
        card.setPos(pos)
        card.setParentItem(holder)  # adds it to the scene with its cell
        return
    if card.pos() != pos:
        card.setPos(pos)


def place_cell(scene: MapScene, cell: Cell) -> None:
    """Stack the cards of *cell* in their order."""
    cards = scene.cards
    ids = scene.cells.get(cell, ())
    for i, tid in enumerate(ids):
        card = cards.get(tid)
        if card is not None:
            place_card(scene, card, cell, i)
    holder = scene.rows.get(cell[1], {}).get(cell[0])
    if holder is not None:
        holder.set_count(len(ids))


def lift(card: CardItem) -> None:
    """Take a card out of its cell, where it is, above everything (a drag: it floats over other cells)."""
    if card.parentItem() is not None:
        pos = card.scenePos()
        card.setParentItem(None)
        card.setPos(pos)


def all_containers(scene: MapScene) -> list[CellItem]:
    return [item for lane in scene.rows.values() for item in lane.values()]

