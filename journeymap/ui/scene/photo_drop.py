"""Image files dropped on a card attach to that touchpoint (one undoable command)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGraphicsSceneDragDropEvent

from journeymap.ui import photo_actions
from journeymap.ui.scene.card_item import CardItem

if TYPE_CHECKING:
    from journeymap.ui.scene.map_scene import MapScene


class PhotoDrop:
    """Decides whether a drag carries photos, highlights the card under it, attaches on drop."""

    def __init__(self, scene: MapScene):
        self.scene = scene
        self.target: CardItem | None = None

    def card_at(self, event: QGraphicsSceneDragDropEvent) -> CardItem | None:
        for item in self.scene.items(event.scenePos()):
            if isinstance(item, CardItem):
                return item
        return None

    def accepts(self, event: QGraphicsSceneDragDropEvent) -> bool:
        return not self.scene.read_only and photo_actions.has_photos(event.mimeData())

    def _highlight(self, card: CardItem | None) -> None:
        if card is self.target:
            return
        if self.target is not None and self.target.scene() is self.scene:
            self.target.hovered = False
            self.target.update()
        self.target = card
        if card is not None:
            card.hovered = True
            card.update()

    def move(self, event: QGraphicsSceneDragDropEvent) -> bool:
        """Handle a drag enter/move; False when the drag is not ours."""
        if not self.accepts(event):
            return False
        card = self.card_at(event)
        self._highlight(card)
        self.scene.drop_indicator.hide()
        if card is None:
            event.ignore()
        else:
            event.acceptProposedAction()
        return True

    def leave(self) -> None:
        self._highlight(None)

    def drop(self, event: QGraphicsSceneDragDropEvent) -> bool:
        if not self.accepts(event):
            return False
        card = self.card_at(event)
        self._highlight(None)
        if card is None:
            event.ignore()
            return True
        views = self.scene.views()
        parent = views[0].window() if views else None
        event.acceptProposedAction()
        photo_actions.attach_mime(parent, self.scene.session, card.touchpoint_id, event.mimeData())
        return True
