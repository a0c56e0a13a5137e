"""Small widgets shared by the docks."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class FocusOutPlainTextEdit(QPlainTextEdit):
    """A plain-text editor that reports when it loses focus (to commit); Tab moves on."""

    focusLost = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self.focusLost.emit()
