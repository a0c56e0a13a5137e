"""Which overlays and legend the canvas draws, its export mode, and what an export contains.

A mixin of :class:`journeymap.ui.scene.map_scene.MapScene` (``self`` is the
scene): the emotion lane and the legend are placed under the grid and grow the
scene rect with them; exports switch on ``export_mode`` and take ``content_rect``.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, QTimer
from PySide6.QtGui import QBrush, QColor

from journeymap.ui.scene import style
from journeymap.ui.scene.overlays import OVERLAY_NAMES

# Milliseconds without a relayout before a scene rect left too big by card edits is tightened.
SHRINK_DELAY_MS = 700
# Scene units (at least) added right and below when card edits grow the content past the scene rect.
GROW_SLACK = 600.0


class OverlayState:
    """Overlays, legend and export mode of the scene."""

    @property
    def overlays(self) -> frozenset[str]:
        """Overlay names to draw ("nps", "sentiment", "emotion"...)."""
        return frozenset(self._overlays)

    def set_overlays(self, names: Iterable[str]) -> None:
        """Show these overlays ("nps", "sentiment", "emotion"); the legend follows."""
        names = set(names)
        if names == self._overlays:
            return
        on_cards = {"nps", "sentiment", "photos", "quotes", "compare", "trend"}
        if names & on_cards != self._overlays & on_cards:
            for card in self.cards.values():
                card.update()
        self._overlays = names
        self._sync_overlay_items()
        self.overlaysChanged.emit()

    @property
    def legend_visible(self) -> bool:
        """Whether the legend shows while overlays are on (exports may switch it off)."""
        return self._legend_visible

    def set_legend_visible(self, on: bool) -> None:
        if bool(on) != self._legend_visible:
            self._legend_visible = bool(on)
            self._sync_overlay_items()

    def _sync_overlay_items(self, shrink_later: bool = False) -> None:
        """Show, place and size the emotion lane and the legend; grow the scene rect with them.

        *shrink_later* (relayouts after card edits): the scene rect grows with some slack
        (``GROW_SLACK``) and is made exact once the edits pause (``SHRINK_DELAY_MS``). Every new
        scene rect makes Qt rebuild its whole item index (30-40 ms at 30,000 cards): moving
        cards one after another changed it at every move that made a row taller.
        """
        shown = self._overlays & set(OVERLAY_NAMES)
        emotion = "emotion" in shown and bool(self.grid.stage_ids)
        if emotion:
            self.emotion_item.relayout()
        self.emotion_item.setVisible(emotion)
        legend = bool(shown) and self._legend_visible
        if legend:
            self.legend_item.set_overlays(shown)
            self.legend_item.setPos(self._legend_pos())
        self.legend_item.setVisible(legend)
        rect = self.content_rect()
        current = self.sceneRect()
        if rect == current:
            return
        if shrink_later:
            self._shrink_timer().start()
            if current.contains(rect):
                return
            slack = max(GROW_SLACK, rect.height() * 0.05)
            rect = rect.united(current).adjusted(0, 0, slack, slack)
        self.setSceneRect(rect)

    def _shrink_timer(self) -> QTimer:
        timer = getattr(self, "_shrink", None)
        if timer is None:
            timer = self._shrink = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(SHRINK_DELAY_MS)
            timer.timeout.connect(self.fit_scene_rect)
        return timer

    def stop_fitting_scene_rect(self) -> None:
        """No tightening later (the scene is being disposed: its items are about to go)."""
        timer = getattr(self, "_shrink", None)
        if timer is not None:
            timer.stop()

    def fit_scene_rect(self) -> None:
        """The scene rect exactly the content's now (exports and tests need not wait for the timer)."""
        rect = self.content_rect()
        if rect != self.sceneRect():
            self.setSceneRect(rect)

    def _legend_pos(self) -> QPointF:
        g = self.grid
        bottom = g.grid_bottom + (style.EMOTION_H if self.emotion_item.isVisible() else 0.0)
        return QPointF(g.origin.x(), bottom + style.LEGEND_GAP)

    def _refresh_overlays(self) -> None:
        """Metrics, layout or filter changed: the emotion curve recomputes on its next paint."""
        if self.emotion_item.isVisible():
            self.emotion_item.relayout()

    def set_export_mode(self, on: bool) -> None:
        """Hide selection, hover, focus and drop feedback (and the grey desk) for exports."""
        self.export_mode = bool(on)
        self.drop_indicator.hide()
        if on:
            self.cancel_interaction()
        self.setBackgroundBrush(QBrush(QColor("#FFFFFF")) if on else style.BACKGROUND)
        coarse = getattr(self, "coarse", None)
        if coarse is not None:
            coarse.refresh()  # exports draw every card in full; the canvas goes back to its image after
        self.update()

    def content_rect(self) -> QRectF:
        """Everything to export: title block, headers, grid, emotion lane and legend, with a margin."""
        rect = self.grid.content_rect()
        m = style.MARGIN
        for item in (self.emotion_item, self.legend_item):
            if item.isVisible():
                rect = rect.united(item.sceneBoundingRect().adjusted(-m, -m, m, m))
        flows = getattr(self, "flows", None)
        if flows is not None and flows.item.isVisible():  # its panel of paths, right of the grid
            rect = rect.united(flows.item.panel_rect().adjusted(-m, -m, m, m))
        return rect
