"""Help ▸ Keyboard shortcuts: every key and gesture of the editor in one table."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the main window's strings


def shortcut_rows() -> list[tuple[str, str]]:
    """(keys, what they do) for Help ▸ Keyboard shortcuts."""

    def keys(std: QKeySequence.StandardKey) -> str:
        return QKeySequence(std).toString(QKeySequence.SequenceFormat.NativeText)

    return [
        (keys(QKeySequence.StandardKey.New), tr("New map from a template")),
        (keys(QKeySequence.StandardKey.Open), tr("Open a document")),
        (keys(QKeySequence.StandardKey.SaveAs), tr("Save a copy and continue in it")),
        (keys(QKeySequence.StandardKey.Undo), tr("Undo")),
        (keys(QKeySequence.StandardKey.Redo), tr("Redo")),
        (
            keys(QKeySequence.StandardKey.Cut) + " / " + keys(QKeySequence.StandardKey.Copy),
            tr("Cut / copy the selected cards"),
        ),
        (keys(QKeySequence.StandardKey.Paste), tr("Paste after the selected card, or in the last clicked cell")),
        ("Ctrl+D", tr("Duplicate the selected cards")),
        (tr("Delete / Backspace"), tr("Delete the selected cards")),
        (keys(QKeySequence.StandardKey.SelectAll), tr("Select every card")),
        (tr("F2 / Enter / double-click"), tr("Edit the title of the selected card, stage or lane in place")),
        (tr("Double-click an empty cell"), tr("Add a card there")),
        (tr("Arrow keys"), tr("Select the next card: Up/Down in the cell and across lanes, Left/Right across stages")),
        (tr("Alt+Arrow keys"), tr("Move the selected cards: Up/Down one place (or lane), Left/Right one stage")),
        (tr("Ctrl+click / drag on empty canvas"), tr("Add to the selection / rubber-band selection")),
        (tr("Drag cards"), tr("Move them to another cell or reorder them (one undo step)")),
        (tr("Drag a stage or lane header"), tr("Reorder stages or lanes")),
        (tr("Escape"), tr("Cancel the edit or the drag; clear the selection")),
        (keys(QKeySequence.StandardKey.ZoomIn) + " / " + keys(QKeySequence.StandardKey.ZoomOut), tr("Zoom in / out")),
        (tr("Ctrl+wheel"), tr("Zoom under the mouse")),
        ("Ctrl+0", tr("Fit the map to the window")),
        ("Ctrl+1", tr("Actual size")),
        (tr("Space+drag / middle button drag"), tr("Pan")),
        (keys(QKeySequence.StandardKey.Find), tr("Filter cards (text, channel, sensation, NPS band)")),
        ("Ctrl+Shift+1 … 4", tr("Go to the Maps, Library, Inspector or Analytics panel")),
        ("F9", tr("Walk the journey: one touchpoint at a time (Esc leaves, arrow keys or a swipe move on)")),
        ("Ctrl+Shift+F", tr("Focus: hide the panels and the toolbar (again to bring them back)")),
        (tr("Pinch / two fingers"), tr("Zoom / pan the map on a touch screen")),
        (tr("One finger on empty canvas / hold"), tr("Pan / open the context menu")),
        (tr("Drop image files on a card"), tr("Attach them as photos of that touchpoint")),
        (tr("Tab / Shift+Tab"), tr("Move the keyboard focus between the canvas, the toolbar and the panels")),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        rows = shortcut_rows()
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
