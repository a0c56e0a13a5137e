"""The canvas's context menus: on a card, a connection, a stage or lane header, or an empty cell.

Every entry asks the session's editor for an undoable edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QTimer
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from journeymap.domain.model import BlueprintLine, Lane, LaneKind, Sensation
from journeymap.ui.changes import Source
from journeymap.ui.scene import clipboard, lane_kinds
from journeymap.ui.scene.header_items import LaneHeaderItem, StageHeaderItem, _HeaderBase

if TYPE_CHECKING:
    from journeymap.ui.scene.connections import ConnectionItem
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
    arrow = scene.rich.connections.item_at(pos)
    if arrow is not None:
        connection_menu(menu, scene, arrow)
    elif card is not None:
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
        if len(ids) == 2:  # the keyboard's way to draw an arrow: select two cards, connect them
            first, second = (scene.cards[t].touchpoint.title for t in ids)
            for a_id, b_id, a_title, b_title in ((*ids, first, second), (*reversed(ids), second, first)):
                act(tr("Connect “%1” → “%2”").replace("%1", _short(a_title)).replace("%2", _short(b_title)),
                    lambda _=False, a=a_id, b=b_id: editor.connect_cards(a, b, source=Source.CANVAS))
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
        lane_kind_menu(menu, scene, item.lane)
        menu.addSeparator()
        add_lane_menu(menu, scene, tr("Insert lane above"), i)
        add_lane_menu(menu, scene, tr("Insert lane below"), i + 1)
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
        add_lane_menu(menu, scene, tr("Add lane"), None)
    return menu


def _short(title: str, limit: int = 28) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def _add_and_edit(scene: MapScene, cell: tuple[int, int]) -> None:
    new_id = scene.add_touchpoint(cell[0], cell[1], tr("New touchpoint"))
    if new_id is not None:
        QTimer.singleShot(0, lambda: scene.edit_card_title(new_id))


# ------------------------------------------------------------------ lane kinds, blueprint lines, connections
def add_mnemonics(menu: QMenu) -> QMenu:
    """Give every entry of *menu* a keyboard accelerator (&) on a letter no sibling uses yet."""
    used: set[str] = set()
    for action in menu.actions():
        label = action.text().replace("&&", "")
        i = label.find("&")
        if 0 <= i < len(label) - 1:
            used.add(label[i + 1].casefold())
    for action in menu.actions():
        text = action.text()
        if "&" in text or not text:
            continue
        pos = next((i for i, ch in enumerate(text) if ch.isalnum() and ch.casefold() not in used), None)
        if pos is not None:
            used.add(text[pos].casefold())
            action.setText(text[:pos] + "&" + text[pos:])
    return menu


def add_lane_menu(menu: QMenu, scene: MapScene, title: str, index: int | None) -> QMenu:
    """A submenu "Insert lane …" with one entry per kind: the kind is chosen as the lane is added."""
    sub = menu.addMenu(title)
    sub.setEnabled(not scene.read_only)
    for kind in lane_kinds.kinds():
        action = sub.addAction(lane_kinds.kind_label(kind))
        action.setToolTip(lane_kinds.kind_meaning(kind))
        action.triggered.connect(lambda _=False, k=kind: add_lane_of_kind(scene, k, index))
    sub.setToolTipsVisible(True)
    return add_mnemonics(sub)


def add_lane_of_kind(scene: MapScene, kind: LaneKind, index: int | None = None) -> int | None:
    """Add a lane of *kind* named after it, then rename it in place."""
    return scene.add_lane(index, lane_kinds.kind_label(kind), kind=kind)


def lane_kind_menu(menu: QMenu, scene: MapScene, lane: Lane) -> None:
    """"Lane kind" and "Blueprint line below" submenus of a lane header."""
    editor = scene.editor
    sub = menu.addMenu(tr("Lane kind"))
    sub.setToolTipsVisible(True)
    kinds = QActionGroup(sub)  # one kind at a time: radio marks
    for kind in lane_kinds.kinds():
        action = sub.addAction(lane_kinds.kind_label(kind))
        kinds.addAction(action)
        action.setCheckable(True)
        action.setChecked(lane.kind == kind)
        action.setToolTip(lane_kinds.kind_meaning(kind))
        action.setEnabled(not scene.read_only)
        action.triggered.connect(lambda _=False, k=kind: editor.set_lane_kind(lane.id, k, Source.CANVAS))
    add_mnemonics(sub)
    line = menu.addMenu(tr("Blueprint line below"))
    lines = QActionGroup(line)
    for value, label in (
        (BlueprintLine.NONE, tr("None")),
        (BlueprintLine.INTERACTION, lane_kinds.blueprint_label("interaction")),
        (BlueprintLine.VISIBILITY, lane_kinds.blueprint_label("visibility")),
        (BlueprintLine.INTERNAL, lane_kinds.blueprint_label("internal")),
    ):
        action = line.addAction(label)
        lines.addAction(action)
        action.setCheckable(True)
        action.setChecked(lane.line_below == value)
        action.setEnabled(not scene.read_only)
        action.triggered.connect(lambda _=False, v=value: editor.set_blueprint_line(lane.id, v, Source.CANVAS))
    add_mnemonics(line)


def connection_menu(menu: QMenu, scene: MapScene, item: ConnectionItem) -> None:
    layer = scene.rich.connections
    if not item.isSelected():
        scene.clearSelection()
        item.setSelected(True)
    edit = menu.addAction(tr("Edit label…"))
    edit.setEnabled(not scene.read_only)
    edit.triggered.connect(lambda: layer.edit_label(item.connection_id))
    menu.addSeparator()
    from journeymap.ui.commands.relations import RelationTexts

    ids = layer.selected_ids()
    delete = menu.addAction(RelationTexts().delete_connections(len(ids)))
    delete.setEnabled(not scene.read_only)
    delete.triggered.connect(lambda: scene.editor.delete_connections(ids, Source.CANVAS))
