"""Steps the survey and event-log import dialogs share: asking before a file is imported twice,
the cancellable progress dialog, and the import time as the user's locale writes it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

PROGRESS_STEPS = 1000




def when_text(iso: str) -> str:
    """An import's time in the UI locale's short form (``15/03/24 14:05`` in Spanish); unreadable ones as stored."""
    when = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not when.isValid():
        return iso
    return QLocale().toString(when, QLocale.FormatType.ShortFormat)


def confirm_again(parent: QWidget, title: str, imported_at: str) -> bool:
    """Ask whether a file already imported into this map (at *imported_at*) goes in again; No is the default."""
    question = QCoreApplication.translate(
        "ImportSteps", "This file was already imported into this map (%1). Import it again?")
    answer = QMessageBox.question(
        parent, title, question.replace("%1", when_text(imported_at)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def progress_dialog(parent: QWidget, title: str, file_name: str) -> QProgressDialog:
    """A window-modal progress dialog with Cancel, shown only when the import takes over 300 ms."""
    progress = QProgressDialog(QCoreApplication.translate("ImportSteps", "Importing %1…").replace("%1", file_name),
                               QCoreApplication.translate("ImportSteps", "Cancel"), 0, PROGRESS_STEPS, parent)
    progress.setWindowTitle(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    return progress
