"""The canvas's in-place editing (card titles, stage and lane names, the map title; F2) and its keys.

A mixin of :class:`journeymap.ui.scene.map_scene.MapScene`: the editors are
``InlineEdit`` interactions (``interactions.py``) and the keys are handled in
``keys.py``; these methods are what menus, the view and tests call.
"""

from __future__ import annotations

from PySide6.QtGui import QKeyEvent

from journeymap.ui.scene import interactions, keys
from journeymap.ui.scene.header_items import InlineEditor
from journeymap.ui.scene.interactions import InlineEdit


class KeyboardEditing:
    """In-place editors and keys of the scene (``self`` is the MapScene)."""

    def edit_card_title(self, touchpoint_id: int) -> InlineEditor | None:
        return interactions.edit_card_title(self, touchpoint_id)

    def rename_header(self, kind: str, object_id: int) -> InlineEditor | None:
        """Open the in-place editor on a stage or lane header."""
        return interactions.rename_header(self, kind, object_id)

    def edit_map_title(self) -> InlineEditor | None:
        return interactions.edit_map_title(self)

    def rename_current(self) -> InlineEditor | None:
        """F2: the first selected card's title, else the current header."""
        ids = self.selected_ids()
        if ids:
            return self.edit_card_title(ids[0])
        if self.current_header is not None:
            return self.rename_header(self.current_header.kind, self.current_header.object_id)
        return None

    def cancel_editing(self) -> None:
        if isinstance(self.interaction, InlineEdit):
            self.cancel_interaction()

    def commit_editing(self) -> None:
        if isinstance(self.interaction, InlineEdit):
            self.interaction.commit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not keys.handle_key(self, event):
            super().keyPressEvent(event)  # QGraphicsScene's (next in the scene's bases)

    def select_adjacent(self, dx: int, dy: int) -> int | None:
        return keys.select_adjacent(self, dx, dy)

    def move_selection(self, dx: int, dy: int) -> bool:
        return keys.move_selection(self, dx, dy)
