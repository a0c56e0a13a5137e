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

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from journeymap.ui.scene import style
from journeymap.ui.scene.card_item import _BOUNDS, CARD_Z, CardItem

if TYPE_CHECKING:
    from journeymap.domain.model import Touchpoint
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



def build_cards(scene: MapScene, touchpoints: list[Touchpoint]) -> None:
    """A card item per touchpoint, each in its cell's container, filled before the container is
    added to the scene (one ``addItem`` a cell instead of one a card)."""
    places = dict.fromkeys(scene.cells, 0)
    offset = scene.grid.card_offset
    for tp in touchpoints:
        card = CardItem(scene, tp)
        cell = (tp.stage_id, tp.lane_id)
        k = places[cell]
        places[cell] = k + 1
        holder = container(scene, cell, add=False)
        if holder is None:
            scene.addItem(card)
        else:
            card.setPos(offset(k))
            card.setParentItem(holder)
        scene.cards[tp.id] = card  # type: ignore[index]
    for holder in all_containers(scene):
        holder.set_count(len(scene.cells.get(holder.cell, ())))
        scene.addItem(holder)


def apply_layout(scene: MapScene, cells: Iterable[Cell] | None = None, cards_placed: bool = False,
                 rows_moved: bool = True) -> None:
    """Position the scene's items from its grid.

    With *cells*: only their cards and their stages' counts, plus, when *rows_moved*
    (a lane's height changed), the cells below, lane headers and grid: one move per cell,
    never one per card. None: everything, except the cards with *cards_placed* (``rebuild``
    placed them as it made them). ``scene.layout_cells`` tells the listeners of
    ``layoutChanged`` which cells' cards were re-placed (None: all) and
    ``scene.layout_rows_moved`` whether rows moved.
    """
    g = scene.grid
    full = cells is None
    if full or rows_moved:
        scene.title_item.relayout()
        scene.grid_item.relayout()
        for sid, header in scene.stage_headers.items():
            header.set_rect(g.stage_header_rect(sid))
        for lid, lane_header in scene.lane_headers.items():
            lane_header.set_rect(g.lane_header_rect(lid))
        place_rows(scene)
    if cells is None:
        stages: Iterable[int] = list(scene.stage_headers)
        cells = [] if cards_placed else list(scene.cells)
    else:
        cells = list(cells)
        stages = {c[0] for c in cells}
    for sid in stages:
        stage_header = scene.stage_headers.get(sid)
        if stage_header is not None:
            stage_header.set_stage(stage_header.stage, scene.stage_card_count(sid))
    for cell in cells:
        place_cell(scene, cell)
    scene.layout_cells = None if full else frozenset(cells)
    scene.layout_rows_moved = full or rows_moved
