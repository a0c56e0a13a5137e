"""The canvas's keys: arrows select, Alt+arrows move, Delete, F2/Enter rename, Escape.

Where the keys go is decided Qt-free in ``journeymap.domain.grid``; moves are
asked of the editor (which refuses, with a message, a move off the grid).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from journeymap.domain import grid as gridlib
from journeymap.ui.scene.interactions import CardDrag, ConnectDrag, HeaderDrag

if TYPE_CHECKING:
    from journeymap.ui.scene.map_scene import MapScene

ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}


def handle_key(scene: MapScene, event: QKeyEvent) -> bool:
    """True when the key was the canvas's (the event is accepted)."""
    editing = scene.inline_editor
    if editing is not None and scene.focusItem() is editing:
        return False
    key, mods = event.key(), event.modifiers()
    if key in ARROWS:
        dx, dy = ARROWS[key]
        if mods & Qt.KeyboardModifier.AltModifier:
            move_selection(scene, dx, dy)
        else:
            select_adjacent(scene, dx, dy)
    elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        scene.delete_selected()
    elif key == Qt.Key.Key_F2 or (key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and scene.selected_ids()):
        scene.rename_current()
    elif key == Qt.Key.Key_Escape:
        if isinstance(scene.interaction, (CardDrag, HeaderDrag, ConnectDrag)):
            scene.cancel_interaction()  # the cards or the header go back, a connection being drawn goes
        else:
            scene.clearSelection()
            scene.set_current_header(None)
    else:
        return False
    event.accept()
    return True


def select_adjacent(scene: MapScene, dx: int, dy: int) -> int | None:
    """Arrow keys: the next card up/down in the cell (or lane), left/right in the stage row."""
    grid = scene.model_grid()
    ids = scene.selected_ids()
    target = gridlib.adjacent(grid, ids[0], dx, dy) if ids else gridlib.first_card(grid)
    if target is not None:
        scene.select_ids([target])
    return target


def move_selection(scene: MapScene, dx: int, dy: int) -> bool:
    """Alt+arrows: each selected card one stage left/right in its lane, or one slot up/down."""
    return scene.editor.shift_touchpoints(scene.selected_ids(), dx, dy, scene.model_grid())
