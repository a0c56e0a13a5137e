"""Small widgets shared by the docks."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


def on_screen(widget: QWidget) -> bool:
    """Whether the user can see *widget*: shown and not a dock tab behind another.

    Qt 6 leaves the docks of a tab group ``isVisible()`` when another tab is in
    front (their visible region is empty), so "visible" alone made hidden
    panels redraw charts and re-run queries after every edit.
    """
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


class FocusOutPlainTextEdit(QPlainTextEdit):
    """A plain-text editor that reports when it loses focus (to commit); Tab moves on."""

    focusLost = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self.focusLost.emit()
