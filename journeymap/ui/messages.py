"""Texts of the message ids the editor and the grid refuse with, translated where shown."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

MESSAGES: dict[str, str] = {
    "move.off_the_grid": QT_TRANSLATE_NOOP(
        "messages", "The selection cannot move there: some cards would leave the map. Nothing was moved."
    ),
    "document.read_only": QT_TRANSLATE_NOOP("messages", "The document is open read-only; it cannot be changed."),
}


def message_text(msg_id: str) -> str:
    text = MESSAGES.get(msg_id)
    return QCoreApplication.translate("messages", text) if text else msg_id
