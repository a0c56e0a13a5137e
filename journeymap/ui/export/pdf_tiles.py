"""A big map over as many printed pages as it needs, at a readable size.

Each page shows a block of whole stage columns and a band of lane rows, with
the stage headers of those columns repeated along its top, the lane headers
of those rows down its left (a lane continued from the page before says so),
and a footer with the map title, the page's place in the poster and its
number. With overlays on, the scene's legend is repeated above the footer of
every page (each page is read on its own, pinned to a wall). Every part of a page is the canvas's own scene, painted by
``scene.render`` from a source rectangle, so tiles look exactly like the
canvas. Pages break between stages, and between lanes or between cards
inside a lane, never through a card.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPageLayout, QPainter, QPdfWriter

from journeymap.ui.scene import style

FOOTER_H = 22.0  # device units (1/96 in) under the body for the page footer
HEADER_GAP = 4.0
LEGEND_GAP = 6.0  # device units between the body and the legend strip
LEGEND_MAX_SHARE = 0.25  # of the page's height: a bigger legend is printed smaller
EDGE = 3.0  # scene units left out along each edge of a painted part


def tr(text: str) -> str:
    return QCoreApplication.translate("PdfExport", text)


@dataclass(frozen=True)
class Tile:
    row: int
    column: int
    x0: float  # scene x range of the stage columns on this page
    x1: float
    y0: float  # scene y range of the lane rows on this page
    y1: float
    stage_ids: tuple[int, ...]


def column_spans(grid, body_w: float) -> list[tuple[float, float, tuple[int, ...]]]:
    """Consecutive whole stages that fit *body_w* scene units, as (x0, x1, stage ids)."""
    spans: list[tuple[float, float, tuple[int, ...]]] = []
    current: list[int] = []
    for sid in grid.stage_ids:
        x = grid.col_x[sid]
        if current and x + style.COL_W - grid.col_x[current[0]] > body_w + 1e-6:
            spans.append((grid.col_x[current[0]], grid.col_x[current[-1]] + style.COL_W, tuple(current)))
            current = []
        current.append(sid)
    if current:
        spans.append((grid.col_x[current[0]], grid.col_x[current[-1]] + style.COL_W, tuple(current)))
    return spans


def break_points(grid, bottom: float) -> list[float]:
    """Scene y values where a page may end: lane boundaries and the gaps between stacked cards."""
    points = set()
    pitch = style.CARD_H + style.CARD_GAP
    for lid in grid.lane_ids:
        top, height = grid.row_y[lid], grid.row_h[lid]
        points.add(top)
        y = top + style.CELL_PAD + pitch - style.CARD_GAP / 2
        while y < top + height - style.CELL_PAD:
            points.add(y)
            y += pitch
    points.add(grid.grid_bottom)
    points.add(bottom)
    return sorted(p for p in points if grid.rows_top < p <= bottom)


def row_spans(grid, bottom: float, body_h: float) -> list[tuple[float, float]]:
    """Bands of the rows area (rows_top … bottom) no taller than *body_h*, broken at ``break_points``."""
    points = break_points(grid, bottom)
    spans = []
    top = grid.rows_top
    while top < bottom - 1e-6:
        fitting = [p for p in points if top < p <= top + body_h + 1e-6]
        end = fitting[-1] if fitting else min(bottom, top + body_h)
        spans.append((top, end))
        top = end
    return spans


def plan(grid, bottom: float, body_w: float, body_h: float) -> list[Tile]:
    """The pages, row by row of the poster (left to right, then down)."""
    tiles = []
    columns = column_spans(grid, body_w)
    for r, (y0, y1) in enumerate(row_spans(grid, bottom, body_h)):
        for c, (x0, x1, ids) in enumerate(columns):
            tiles.append(Tile(r, c, x0, x1, y0, y1, ids))
    return tiles


def _lane_continuations(scene, y0: float) -> Iterator[tuple[str, float, float]]:
    """Lanes that began on the page above: (name, top on this page, bottom) in scene units."""
    grid = scene.grid
    for lane in scene.lanes:
        top, height = grid.row_y.get(lane.id), grid.row_h.get(lane.id)
        if top is not None and top < y0 - 1e-6 < top + height - 1e-6:
            yield lane.name, y0, top + height


def write_tiles(scene, writer: QPdfWriter, painter: QPainter, layout: QPageLayout, rect: QRectF, title: str,
                scale: float, paint) -> int:
    """Paint the tiled pages of *scene* (already in export state, *rect* its content) with *painter*.

    *scale* is device units per scene unit (1.0: the canvas at 100 %, its
    9 pt text printed at 9 pt). Returns the number of pages.
    """
    grid = scene.grid
    res = writer.resolution()
    area = layout.paintRect(QPageLayout.Unit.Point)
    page_w, page_h = area.width() * res / 72.0, area.height() * res / 72.0
    lane_w, head_h = style.LANE_HEADER_W, style.STAGE_HEADER_H
    legend = _legend_rect(scene)
    legend_scale = legend_h = 0.0
    if legend is not None:
        legend_scale = min(scale, page_w / legend.width(), page_h * LEGEND_MAX_SHARE / legend.height())
        legend_h = legend.height() * legend_scale + LEGEND_GAP
        page_h -= legend_h  # the body's page: the strip and the footer stay below it
    # A page always holds at least one stage column and one card.
    scale = min(scale, page_w / (lane_w + style.COL_W),
                (page_h - FOOTER_H - HEADER_GAP) / (head_h + style.MIN_ROW_H))
    body_w = page_w / scale - lane_w
    body_h = (page_h - FOOTER_H) / scale - head_h - HEADER_GAP
    bottom = max(grid.grid_bottom, rect.bottom() - style.MARGIN)
    if legend is not None:  # the rows end above the legend (the emotion lane stays with them)
        bottom = max(grid.grid_bottom, legend.top() - style.LEGEND_GAP)
    tiles = plan(grid, bottom, body_w, body_h)
    rows = max(t.row for t in tiles) + 1 if tiles else 0
    columns = max(t.column for t in tiles) + 1 if tiles else 0
    for n, tile in enumerate(tiles, start=1):
        if n > 1:
            writer.newPage()
        w, h = tile.x1 - tile.x0, tile.y1 - tile.y0
        body_top = (head_h + HEADER_GAP) * scale
        # stage headers, lane headers, body
        part = _inset_painter(painter, scene, paint, scale)
        part(QPointF(lane_w * scale, 0), QRectF(tile.x0, grid.grid_top, w, head_h))
        part(QPointF(0, body_top), QRectF(grid.origin.x(), tile.y0, lane_w, h))
        part(QPointF(lane_w * scale, body_top), QRectF(tile.x0, tile.y0, w, h))
        _continued_lanes(painter, scene, tile, scale, body_top)
        if legend is not None:
            # Under the body (which ends FOOTER_H above page_h), ending where the footer begins.
            at = QRectF(0, page_h - FOOTER_H + LEGEND_GAP, legend.width() * legend_scale,
                        legend.height() * legend_scale)
            paint(painter, scene, at, legend)
        _footer(painter, page_w, page_h + legend_h, title, n, len(tiles), tile, rows, columns)
    return len(tiles)


def _legend_rect(scene) -> QRectF | None:
    """Where the scene's legend is (shown while overlays are on and the export keeps it), or None."""
    item = getattr(scene, "legend_item", None)
    if item is None or not item.isVisible():
        return None
    rect = item.sceneBoundingRect()
    return rect if rect.width() > 0 and rect.height() > 0 else None


def _inset_painter(painter: QPainter, scene, paint, scale: float):
    """Paint a source rectangle at a point, a hair inside its edges: items that only touch the
    edge (the neighbouring stage's header, the lane headers left of the grid) are not drawn,
    clipped away but still in the file and in its text."""

    def part(at: QPointF, source: QRectF) -> None:
        inner = source.adjusted(EDGE, EDGE, -EDGE, -EDGE)
        target = QRectF(at.x() + EDGE * scale, at.y() + EDGE * scale, inner.width() * scale, inner.height() * scale)
        paint(painter, scene, target, inner)

    return part


def _continued_lanes(painter: QPainter, scene, tile: Tile, scale: float, body_top: float) -> None:
    """A lane split by the page break keeps its name at the top of this page."""
    font = style.lane_font()
    font.setPointSizeF(font.pointSizeF() * scale)
    fm = QFontMetricsF(font)
    painter.save()
    painter.setFont(font)
    for name, _top, end in _lane_continuations(scene, tile.y0):
        band = QRectF(6 * scale, body_top + 4 * scale, (style.LANE_HEADER_W - 12) * scale, fm.height() * 2.4)
        band.setHeight(min(band.height(), (min(end, tile.y1) - tile.y0) * scale - 6 * scale))
        if band.height() <= fm.height():
            continue
        painter.setPen(style.TEXT)
        painter.drawText(band.adjusted(10 * scale, 0, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                         tr("%1 (continued)").replace("%1", name))
    painter.restore()


def _footer(painter: QPainter, page_w: float, page_h: float, title: str, n: int, total: int, tile: Tile,
            rows: int, columns: int) -> None:
    painter.save()
    font = style.font(8.0)
    painter.setFont(font)
    painter.setPen(QColor(style.TEXT_MUTED))
    fm = QFontMetricsF(font)
    y = page_h - (FOOTER_H - fm.ascent()) / 2
    number = tr("Page %1 of %2").replace("%1", str(n)).replace("%2", str(total))
    place = tr("row %1 of %2, column %3 of %4").replace("%1", str(tile.row + 1)).replace(
        "%2", str(rows)).replace("%3", str(tile.column + 1)).replace("%4", str(columns))
    painter.drawText(QPointF(0, y), fm.elidedText(f"{title}  ·  {place}", Qt.TextElideMode.ElideRight,
                                                 page_w * 0.7))
    painter.drawText(QPointF(page_w - fm.horizontalAdvance(number), y), number)
    painter.restore()
