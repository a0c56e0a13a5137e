"""File ▸ New: choose the template of a new document."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeymap.i18n import current_language


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """With *n*: a numerus form ("%n cards"), the language's plural chosen and %n filled."""
    return QCoreApplication.translate("MainWindow", text, disambiguation, n)


class NewMapDialog(QDialog):
    """Choose the template of a new document (or a blank map, first)."""

    def __init__(self, parent: QWidget | None = None):
        from journeymap.services.templates import describe, template_names

        super().__init__(parent)
        self.setWindowTitle(tr("New map from template"))
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Templates"))
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        blank = QListWidgetItem(tr("Blank map") + "\n" + tr("Five stages and five lanes, no touchpoints yet."))
        blank.setData(Qt.ItemDataRole.UserRole, "")
        blank.setData(Qt.ItemDataRole.UserRole + 1, tr("New journey map"))
        self.list.addItem(blank)
        for name in template_names():
            try:
                info = describe(name, current_language())
            except Exception:  # a broken template must not break the dialog
                continue
            count = tr("%n touchpoints", "", info.touchpoints)
            text = f"{info.title}\n{info.description}  ({count})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setData(Qt.ItemDataRole.UserRole + 1, info.title)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Start from:")))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(520, 380)

    def template_name(self) -> str | None:
        """The chosen template; "" for a blank map, None when nothing is chosen."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def template_title(self) -> str:
        """The title of the chosen map, for the proposed file name."""
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole + 1) or "") if item else ""
