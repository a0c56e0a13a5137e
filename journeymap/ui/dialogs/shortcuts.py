"""Help ▸ Keyboard shortcuts: every key and gesture of the editor in one table, made from the actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the main window's strings


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


def action_rows(window: QWidget) -> list[tuple[str, str]]:
    """(keys, "Menu ▸ Action") of every menu action with a shortcut, read from the window's menus.

    Generated from the actions themselves, so a shortcut added to a menu is listed and
    the keys shown are the ones that work (on this platform, in this language).
    """
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} ▸ {_plain(action.menu().title())}")
            elif action.shortcuts() and not action.isSeparator() and id(action) not in seen:
                seen.add(id(action))
                keys = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                rows.append((keys, f"{path} ▸ {_plain(action.text())}"))

    bar = window.menuBar() if isinstance(window, QMainWindow) else None
    if bar is not None:
        for top in bar.actions():
            if top.menu() is not None:
                walk(top.menu(), _plain(top.menu().title()))
    return rows


def gesture_rows() -> list[tuple[str, str]]:
    """The canvas's keys and mouse gestures that are not menu actions."""
    return [
        (tr("F2 / Enter / double-click"), tr("Edit the title of the selected card, stage or lane in place")),
        (tr("Double-click an empty cell"), tr("Add a card there")),
        (tr("Arrow keys"), tr("Select the next card: Up/Down in the cell and across lanes, Left/Right across stages")),
        (tr("Alt+Arrow keys"), tr("Move the selected cards: Up/Down one place (or lane), Left/Right one stage")),
        (tr("Ctrl+click / drag on empty canvas"), tr("Add to the selection / rubber-band selection")),
        (tr("Drag cards"), tr("Move them to another cell or reorder them (one undo step)")),
        (tr("Drag a stage or lane header"), tr("Reorder stages or lanes")),
        (tr("Escape"), tr("Cancel the edit or the drag; clear the selection")),
        (tr("Ctrl+wheel"), tr("Zoom under the mouse")),
        (tr("Space+drag / middle button drag"), tr("Pan")),
        (tr("Tab / Shift+Tab"), tr("Move the keyboard focus between the canvas, the toolbar and the panels")),
        (tr("Pinch / two fingers"), tr("Zoom / pan the map on a touch screen")),
        (tr("One finger on empty canvas / hold"), tr("Pan / open the context menu")),
        (tr("Drop image files on a card"), tr("Attach them as photos of that touchpoint")),
    ]


def shortcut_rows(window: QWidget | None = None) -> list[tuple[str, str]]:
    """(keys, what they do) for Help ▸ Keyboard shortcuts: the menus' shortcuts, then the canvas gestures."""
    return (action_rows(window) if window is not None else []) + gesture_rows()


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        rows = shortcut_rows(parent)
        table = QTableWidget(len(rows), 2)
        table.setAccessibleName(tr("Keyboard shortcuts"))
        table.setHorizontalHeaderLabels([tr("Keys"), tr("Action")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for i, (keys, text) in enumerate(rows):
            table.setItem(i, 0, QTableWidgetItem(keys))
            table.setItem(i, 1, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(760, 560)
