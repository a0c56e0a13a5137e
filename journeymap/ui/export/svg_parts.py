"""Paint a scene in parts of a few thousand items: one ``QSvgGenerator`` per part keeps its memory small.

``scene.render`` draws the top-level items in stacking order, each with its
children. A part is a run of consecutive top-level items of that order: while it
is painted every other top-level item has opacity 0, which ``scene.render``
skips (with its children) without painting. Opacity, unlike visibility, leaves
the selection, focus and mouse grab alone. Painted one after the other, the
parts draw exactly what one pass draws, in the same order. Banding by region
would not: the SVG tiny profile ignores clipping, so a card across a band's
edge would be drawn twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

PART_ITEMS = 3000  # top-level items a part: ~12 MB of SVG, ~30 MB of Qt's strings


def top_levels(scene: QGraphicsScene) -> list[QGraphicsItem]:
    """The scene's top-level items in the order ``scene.render`` paints them."""
    seen: set[QGraphicsItem] = set()
    tops = []
    # The list scene.render walks: the items meeting the rect, nearest first, walked from the back.
    found = scene.items(scene.itemsBoundingRect(), Qt.ItemSelectionMode.IntersectsItemBoundingRect,
                        Qt.SortOrder.DescendingOrder)
    for item in reversed(found):
        top = item.topLevelItem()
        if top not in seen:
            seen.add(top)
            tops.append(top)
    return tops


def paints_only_items(scene: QGraphicsScene) -> bool:
    """True when the scene's background and foreground are its brushes (or nothing in export mode),
    so painting it in parts can give the background to the first part and the foreground to the last."""
    from journeymap.ui.scene.map_scene import MapScene

    kind = type(scene)
    if kind.drawBackground is not QGraphicsScene.drawBackground:
        return False
    own = kind.drawForeground
    return own is QGraphicsScene.drawForeground or (
        own is MapScene.drawForeground and bool(getattr(scene, "export_mode", False)))


@contextmanager
def parts(scene: QGraphicsScene, size: int | None = None) -> Iterator[Iterator[None]]:
    """Yield an iterator that makes each part in turn the only painted one (a single part, the whole
    scene untouched, when it has no more than *size* top-level items or draws more than items).
    Every item's opacity and the scene's brushes are restored afterwards, even on failure."""
    size = size or PART_ITEMS
    catch_up = getattr(scene, "catch_up", None)
    if catch_up is not None:  # the map scene's pending edits add and remove cards: not between parts
        catch_up.flush()
    tops = top_levels(scene) if len(scene.items()) > size and paints_only_items(scene) else []
    if not tops:
        yield iter([None])
        return
    opacities = [item.opacity() for item in tops]
    background, foreground = scene.backgroundBrush(), scene.foregroundBrush()

    # A part holds about *size* items with their children (the map scene's cells hold its cards).
    starts, weight = [0], 0
    for i, item in enumerate(tops):
        w = 1 + len(item.childItems())
        if weight and weight + w > size:
            starts.append(i)
            weight = 0
        weight += w
    bounds = list(zip(starts, [*starts[1:], len(tops)]))

    def turns() -> Iterator[None]:
        for start, end in bounds:
            if start:
                scene.setBackgroundBrush(QBrush(Qt.BrushStyle.NoBrush))
            last = end == len(tops)
            scene.setForegroundBrush(foreground if last else QBrush(Qt.BrushStyle.NoBrush))
            chunk = range(start, end)
            for i in chunk:
                tops[i].setOpacity(opacities[i])
            yield None
            for i in chunk:
                tops[i].setOpacity(0.0)

    try:
        for item in tops:
            item.setOpacity(0.0)
        yield turns()
    finally:
        for item, opacity in zip(tops, opacities):
            with suppress(RuntimeError):  # an item deleted meanwhile (a failure, not to be hidden by this)
                item.setOpacity(opacity)
        scene.setBackgroundBrush(background)
        scene.setForegroundBrush(foreground)
