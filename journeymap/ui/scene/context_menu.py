"""The canvas's context menus: on a card, a stage or lane header, or an empty cell."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QTimer
from PySide6.QtWidgets import QMenu, QWidget

from journeymap.domain.model import Sensation
from journeymap.ui.scene import clipboard
from journeymap.ui.scene.header_items import LaneHeaderItem, StageHeaderItem, _HeaderBase

if TYPE_CHECKING:
    from journeymap.ui.scene.map_scene import MapScene


def tr(text: str) -> str:
    return QCoreApplication.translate("MapScene", text)


def build_context_menu(scene: MapScene, pos: QPointF, parent: QWidget | None = None) -> QMenu:
    menu = QMenu(parent)
    ro = scene.read_only
    editor = scene.editor

    def act(text: str, slot, enabled: bool = True) -> None:
        a = menu.addAction(text)
        a.triggered.connect(slot)
        a.setEnabled(enabled and not ro)

    card = scene.card_at(pos)
    item = next((i for i in scene.items(pos) if isinstance(i, _HeaderBase)), None)
    if card is not None:
        if not card.isSelected():
            scene.select_ids([card.touchpoint_id], ensure_visible=False)
        ids = scene.selected_ids()
        act(tr("Edit title"), lambda: scene.edit_card_title(card.touchpoint_id))
        sub = menu.addMenu(tr("Sensation"))
        for value, label in (
            (Sensation.POSITIVE, tr("Positive")),
            (Sensation.NEUTRAL, tr("Neutral")),
            (Sensation.NEGATIVE, tr("Negative")),
        ):
            a = sub.addAction(label)
            a.setCheckable(True)
            a.setChecked(card.touchpoint.sensation == value)
            a.setEnabled(not ro)
            a.triggered.connect(lambda _=False, v=value: editor.set_sensation(ids, v))
        a = menu.addAction(tr("Moment of truth"))
        a.setCheckable(True)
        a.setChecked(card.touchpoint.moment_of_truth)
        a.setEnabled(not ro)
        a.triggered.connect(lambda: editor.toggle_moment_of_truth(ids))
        menu.addSeparator()
        for hook in scene.card_menu_hooks:  # extra entries (quotes of the survey comments...)
            hook(menu, ids)
        menu.addSeparator()
        act(tr("Copy"), scene.copy_selection, True)
        act(tr("Duplicate"), scene.duplicate_selection)
        menu.addSeparator()
        act(tr("Delete"), scene.delete_selected)
    elif isinstance(item, StageHeaderItem):
        sid = item.object_id
        i = scene.grid.stage_ids.index(sid)
        scene.set_current_header(item)
        act(tr("Rename stage"), lambda: scene.rename_header("stage", sid))
        act(tr("Change colour…"), lambda: editor.recolour_stage(sid))
        menu.addSeparator()
        act(tr("Insert stage before"), lambda: scene.add_stage(i))
        act(tr("Insert stage after"), lambda: scene.add_stage(i + 1))
        menu.addSeparator()
        act(tr("Delete stage…"), lambda: editor.delete_stage(sid))
    elif isinstance(item, LaneHeaderItem):
        lid = item.object_id
        i = scene.grid.lane_ids.index(lid)
        scene.set_current_header(item)
        act(tr("Rename lane"), lambda: scene.rename_header("lane", lid))
        act(tr("Change colour…"), lambda: editor.recolour_lane(lid))
        menu.addSeparator()
        act(tr("Insert lane above"), lambda: scene.add_lane(i))
        act(tr("Insert lane below"), lambda: scene.add_lane(i + 1))
        menu.addSeparator()
        act(tr("Delete lane…"), lambda: editor.delete_lane(lid))
    else:
        cell = scene.grid.cell_at(pos)
        if cell is not None:
            scene.last_cell = cell
            scene.clearSelection()
            act(tr("Add touchpoint here"), lambda: _add_and_edit(scene, cell))
            act(tr("Paste here"), scene.paste, clipboard.can_paste())
            menu.addSeparator()
        act(tr("Add stage"), lambda: scene.add_stage())
        act(tr("Add lane"), lambda: scene.add_lane())
    return menu


def _add_and_edit(scene: MapScene, cell: tuple[int, int]) -> None:
    new_id = scene.add_touchpoint(cell[0], cell[1], tr("New touchpoint"))
    if new_id is not None:
        QTimer.singleShot(0, lambda: scene.edit_card_title(new_id))
