"""What the window tells the user about the open document itself: why it is read-only, a failed save.

Kept out of the main window: a banner above the canvas when a document asked
for editing had to open read-only (read-only medium, full disk), and one
message box for a burst of edits that could not be written.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("DocumentNotices", text)


def read_only_text(reason: str | None) -> str:
    if reason == "media":
        return tr(
            "This document is on a disk or in a folder that cannot be written to, so it is open read-only. "
            "To edit it, save a copy elsewhere with File ▸ Save As."
        )
    if reason == "full":
        return tr(
            "The disk is full, so this document is open read-only. Free some space and open it again, "
            "or save a copy on another disk with File ▸ Save As."
        )
    return ""


class ReadOnlyBanner(QLabel):
    """A strip above the canvas saying why the document cannot be edited (hidden otherwise)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet("#readOnlyBanner { background: #FFF4CE; color: #3B2F00; padding: 6px 10px; "
                           "border-bottom: 1px solid #E0C76B; }")
        self.setAccessibleName(tr("Read-only notice"))
        self.hide()

    def show_reason(self, reason: str | None) -> None:
        text = read_only_text(reason)
        self.setText(text)
        self.setVisible(bool(text))


class WriteFailureNotice:
    """One message box for a burst of failed writes (a drag of twenty cards fails once, not twenty times)."""

    def __init__(self, parent: QWidget):
        self.parent = parent
        self.box: QMessageBox | None = None
        self.shown = 0  # message boxes opened (for tests and diagnostics)

    def show(self, message: str) -> None:
        status = getattr(self.parent, "statusBar", None)
        if callable(status):
            status().showMessage(message, 15000)
        if self.box is not None and self.box.isVisible():
            return
        self.box = QMessageBox(QMessageBox.Icon.Critical, tr("The change was not saved"), message,
                               QMessageBox.StandardButton.Ok, self.parent)
        self.box.open()
        self.shown += 1
