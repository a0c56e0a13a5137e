"""Pure grid geometry: where stages, lanes, cells and cards go. No painting.

Stages are columns of equal width, lanes are rows whose height is the tallest
cell of the lane; the cards of a cell stack vertically, so cards never overlap
and always sit inside their cell. Recomputing is cheap (arithmetic over the
counts of the cards per cell), and the scene only moves items whose rect
changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF

from journeymap.ui.scene import style

Cell = tuple[int, int]  # (stage_id, lane_id)


def cell_height(count: int) -> float:
    if count <= 0:
        return style.MIN_ROW_H
    return max(style.MIN_ROW_H, 2 * style.CELL_PAD + count * style.CARD_H + (count - 1) * style.CARD_GAP)


@dataclass
class GridLayout:
    stage_ids: list[int]
    lane_ids: list[int]
    counts: dict[Cell, int]
    origin: QPointF = field(default_factory=lambda: QPointF(0.0, 0.0))
    col_x: dict[int, float] = field(default_factory=dict)
    row_y: dict[int, float] = field(default_factory=dict)
    row_h: dict[int, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.recompute()

    # ----------------------------------------------------------- computation
    def recompute(self) -> None:
        ox, oy = self.origin.x(), self.origin.y()
        self.grid_top = oy + style.TITLE_H + style.TITLE_GAP
        self.rows_top = self.grid_top + style.STAGE_HEADER_H + style.HEADER_GAP
        x = ox + style.LANE_HEADER_W
        self.col_x = {}
        for sid in self.stage_ids:
            self.col_x[sid] = x
            x += style.COL_W
        self.grid_right = x
        self.row_h = {lid: self._row_height(lid) for lid in self.lane_ids}
        self._stack_rows()

    def _row_height(self, lane_id: int) -> float:
        counts = self.counts
        return max((cell_height(counts.get((sid, lane_id), 0)) for sid in self.stage_ids), default=style.MIN_ROW_H)

    def _stack_rows(self) -> None:
        """Each row's top from the heights above it (one pass over the lanes, no cell measured)."""
        y = self.rows_top
        self.row_y = {}
        for lid in self.lane_ids:
            self.row_y[lid] = y
            y += self.row_h[lid]
        self.grid_bottom = y

    def set_count(self, cell: Cell, count: int) -> bool:
        """Change one cell's card count; True if a row height changed (rows below move)."""
        return self.set_counts({cell: count})

    def set_counts(self, counts: Mapping[Cell, int]) -> bool:
        """Change cells' card counts, measuring only their lanes' rows (a move in a 30,000-card map
        otherwise measured all 3,600 cells); True if a row height changed (the rows below moved)."""
        lanes = set()
        for cell, count in counts.items():
            if count:
                self.counts[cell] = count
            else:
                self.counts.pop(cell, None)
            lanes.add(cell[1])
        moved = False
        for lid in lanes & self.row_h.keys():
            h = self._row_height(lid)
            if h != self.row_h[lid]:
                self.row_h[lid] = h
                moved = True
        if moved:
            self._stack_rows()
        return moved

    # --------------------------------------------------------------- queries
    @property
    def title_rect(self) -> QRectF:
        width = max(self.grid_right - self.origin.x(), 600.0)
        return QRectF(self.origin.x(), self.origin.y(), width, style.TITLE_H)

    @property
    def grid_rect(self) -> QRectF:
        return QRectF(
            self.origin.x(), self.grid_top, self.grid_right - self.origin.x(), self.grid_bottom - self.grid_top
        )

    @property
    def rows_rect(self) -> QRectF:
        """The lane rows, headers excluded."""
        return QRectF(
            self.origin.x(), self.rows_top, self.grid_right - self.origin.x(), self.grid_bottom - self.rows_top
        )

    def content_rect(self) -> QRectF:
        return self.title_rect.united(self.grid_rect).adjusted(-style.MARGIN, -style.MARGIN, style.MARGIN, style.MARGIN)

    def stage_header_rect(self, stage_id: int) -> QRectF:
        return QRectF(self.col_x[stage_id], self.grid_top, style.COL_W, style.STAGE_HEADER_H)

    def lane_header_rect(self, lane_id: int) -> QRectF:
        return QRectF(self.origin.x(), self.row_y[lane_id], style.LANE_HEADER_W, self.row_h[lane_id])

    def row_rect(self, lane_id: int) -> QRectF:
        return QRectF(self.origin.x(), self.row_y[lane_id], self.grid_right - self.origin.x(), self.row_h[lane_id])

    def column_rect(self, stage_id: int) -> QRectF:
        return QRectF(self.col_x[stage_id], self.rows_top, style.COL_W, self.grid_bottom - self.rows_top)

    def cell_rect(self, cell: Cell) -> QRectF:
        sid, lid = cell
        return QRectF(self.col_x[sid], self.row_y[lid], style.COL_W, self.row_h[lid])

    def card_rect(self, cell: Cell, index: int) -> QRectF:
        """Scene rect of the *index*-th card of *cell*."""
        sid, lid = cell
        x = self.col_x[sid] + style.CELL_PAD
        y = self.row_y[lid] + style.CELL_PAD + index * (style.CARD_H + style.CARD_GAP)
        return QRectF(x, y, style.CARD_W, style.CARD_H)

    def card_offset(self, index: int) -> QPointF:
        """Where the *index*-th card of a cell sits in the cell's container (``rows.CellItem``, at its corner)."""
        return QPointF(style.CELL_PAD, style.CELL_PAD + index * (style.CARD_H + style.CARD_GAP))

    def insertion_y(self, cell: Cell, index: int) -> float:
        """Y of the drop indicator line before card *index* (index == count: after the last)."""
        sid, lid = cell
        top = self.row_y[lid] + style.CELL_PAD
        if index <= 0:
            return top - style.CARD_GAP / 2 - 1
        return top + index * (style.CARD_H + style.CARD_GAP) - style.CARD_GAP / 2

    def stage_at(self, x: float) -> int | None:
        for sid in self.stage_ids:
            if self.col_x[sid] <= x < self.col_x[sid] + style.COL_W:
                return sid
        return None

    def lane_at(self, y: float) -> int | None:
        for lid in self.lane_ids:
            if self.row_y[lid] <= y < self.row_y[lid] + self.row_h[lid]:
                return lid
        return None

    def cell_at(self, pos: QPointF) -> Cell | None:
        sid, lid = self.stage_at(pos.x()), self.lane_at(pos.y())
        if sid is None or lid is None:
            return None
        return (sid, lid)

    def index_at(self, cell: Cell, y: float, count: int) -> int:
        """Insertion index for a drop at *y* in a cell holding *count* cards."""
        top = self.row_y[cell[1]] + style.CELL_PAD
        pitch = style.CARD_H + style.CARD_GAP
        index = int((y - top + pitch / 2) // pitch)
        return max(0, min(count, index))

    def stage_insertion_index(self, x: float) -> int:
        """Where a dragged stage header dropped at *x* goes (0..len)."""
        for i, sid in enumerate(self.stage_ids):
            if x < self.col_x[sid] + style.COL_W / 2:
                return i
        return len(self.stage_ids)

    def lane_insertion_index(self, y: float) -> int:
        for i, lid in enumerate(self.lane_ids):
            if y < self.row_y[lid] + self.row_h[lid] / 2:
                return i
        return len(self.lane_ids)

    def stage_boundary_x(self, index: int) -> float:
        if index < len(self.stage_ids):
            return self.col_x[self.stage_ids[index]]
        return self.grid_right

    def lane_boundary_y(self, index: int) -> float:
        if index < len(self.lane_ids):
            return self.row_y[self.lane_ids[index]]
        return self.grid_bottom


def compute_layout(
    stage_ids: Sequence[int], lane_ids: Sequence[int], cells: Mapping[Cell, Sequence[int]]
) -> GridLayout:
    return GridLayout(list(stage_ids), list(lane_ids), {c: len(ids) for c, ids in cells.items() if ids})
