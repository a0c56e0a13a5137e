"""Where the cards of one stage go on 16:9 slides: lanes as rows, cards flowing in each row.

Pure arithmetic in inches, no Qt and no python-pptx, so it is cheap to test.
A stage's cards are laid out at the largest card scale (1.4 down to
``MIN_SCALE``) at which they fit on one slide; a stage too big even then
continues on further slides, a lane's rows split between them where needed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

SLIDE_W = 40 / 3  # inches (12,192,000 EMU): PowerPoint's 16:9 "Widescreen", 13.33 × 7.5 in
SLIDE_H = 7.5
MARGIN_X = 0.45
BODY_TOP = 1.42  # below the stage title and its summary line
BODY_BOTTOM = SLIDE_H - 0.38
LANE_LABEL_W = 1.85
LABEL_GAP = 0.16
CARD_W = 2.42
CARD_H = 1.22
GAP = 0.14  # between cards, and between lanes
LANE_PAD = 0.08  # above and below a lane's cards
SCALES = (1.4, 1.2, 1.0, 0.85, 0.72, 0.62)
MIN_SCALE = SCALES[-1]


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float


@dataclass
class LaneBlock:
    lane_index: int  # index into the stage's rows
    label: Box
    cards: list[tuple[int, Box]]  # (card index within the lane, where it goes)


@dataclass
class StagePage:
    scale: float
    lanes: list[LaneBlock]


def cards_area_width() -> float:
    return SLIDE_W - 2 * MARGIN_X - LANE_LABEL_W - LABEL_GAP


def columns(scale: float) -> int:
    w, g = CARD_W * scale, GAP * scale
    return max(1, int((cards_area_width() + g + 1e-9) // (w + g)))


def _lane_height(rows: int, scale: float) -> float:
    return 2 * LANE_PAD + rows * CARD_H * scale + (rows - 1) * GAP * scale


def _needed_height(counts: Sequence[int], scale: float) -> float:
    cols = columns(scale)
    rows = [math.ceil(n / cols) for n in counts]
    return sum(_lane_height(r, scale) for r in rows) + GAP * max(0, len(rows) - 1)


def choose_scale(counts: Sequence[int]) -> float:
    """The largest card scale at which lanes holding *counts* cards fit one slide (else MIN_SCALE)."""
    available = BODY_BOTTOM - BODY_TOP
    for scale in SCALES:
        if _needed_height(counts, scale) <= available + 1e-9:
            return scale
    return MIN_SCALE


def layout_stage(counts: Sequence[int]) -> list[StagePage]:
    """Pages of one stage whose lanes hold *counts* cards each (lanes without cards are left out by the caller).

    Returns at least one page (an empty one when there are no cards).
    """
    scale = choose_scale(counts)
    cols = columns(scale)
    cw, ch, g = CARD_W * scale, CARD_H * scale, GAP * scale
    x0 = MARGIN_X + LANE_LABEL_W + LABEL_GAP
    pages: list[StagePage] = []
    page = StagePage(scale, [])
    y = BODY_TOP

    def new_page() -> None:
        nonlocal page, y
        pages.append(page)
        page = StagePage(scale, [])
        y = BODY_TOP

    for lane_index, count in enumerate(counts):
        rows = math.ceil(count / cols)
        row = 0
        while row < rows:
            room = BODY_BOTTOM - y - 2 * LANE_PAD
            fit = int((room + g + 1e-9) // (ch + g))
            if fit < 1:
                if not page.lanes:  # a slide too short for one row cannot happen, but never loop
                    fit = 1
                else:
                    new_page()
                    continue
            take = min(fit, rows - row)
            height = _lane_height(take, scale)
            block = LaneBlock(lane_index, Box(MARGIN_X, y, LANE_LABEL_W, height), [])
            first = row * cols
            for i in range(first, min(count, (row + take) * cols)):
                r, c = divmod(i - first, cols)
                block.cards.append((i, Box(x0 + c * (cw + g), y + LANE_PAD + r * (ch + g), cw, ch)))
            page.lanes.append(block)
            row += take
            y += height + GAP
            if row < rows:
                new_page()
    pages.append(page)
    return [p for p in pages if p.lanes] or [StagePage(scale, [])]
