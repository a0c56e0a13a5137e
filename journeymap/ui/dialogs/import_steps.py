"""Steps the survey and event-log import dialogs share: choosing the file, asking before a file is
imported twice, the cancellable run with its progress and messages, and the import time as the user's
locale writes it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QProgressDialog, QWidget

from journeymap.i18n import error_text
from journeymap.services.import_sources import ImportFileError
from journeymap.services.importing import ImportCancelled
from journeymap.storage import DocumentError
from journeymap.ui.session import DocumentSession

PROGRESS_STEPS = 1000
R = TypeVar("R")


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportSteps", text)


class FileImportDialog(QDialog):
    """The part of an import dialog that is the same for every kind of file: a subclass names its window
    title (``title``), its file chooser's caption and filter, and reads the chosen file in ``load``."""

    def __init__(self, session: DocumentSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.path: Path | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.message: QMessageBox | None = None

    def title(self) -> str:
        raise NotImplementedError

    def file_caption_and_filter(self) -> tuple[str, str]:
        raise NotImplementedError

    def load(self, path: str | Path) -> bool:
        raise NotImplementedError

    def browse(self) -> None:
        # Before the dialog shows, the file dialog belongs to the window (else it opens at the screen's corner).
        owner = self if self.isVisible() else (self.parentWidget() or self)
        caption, filters = self.file_caption_and_filter()
        name, _ = QFileDialog.getOpenFileName(owner, caption, str(self.path.parent if self.path else ""), filters)
        if name:
            self.load(name)

    def run_cancellable(self, run: Callable[[Callable[[int, int], None], Callable[[], bool]], R]) -> R | None:
        """``run(progress, cancel)`` under a progress dialog with Cancel; a cancel or a failure is said in a
        message (the importer rolled back, so the document is unchanged) and gives None."""
        assert self.path is not None
        progress = progress_dialog(self, self.title(), self.path.name)
        self.progress_dialog = progress

        def on_progress(done: int, total: int) -> None:
            progress.setValue(int(PROGRESS_STEPS * done / total) if total else 0)
            QApplication.processEvents()

        try:
            return run(on_progress, progress.wasCanceled)
        except ImportCancelled:
            self.tell(QMessageBox.Icon.Information, tr("Import cancelled; nothing was changed."))
        except (ImportFileError, DocumentError, OSError, ValueError) as exc:
            self.tell(QMessageBox.Icon.Warning,
                      tr("The file could not be imported; nothing was changed.") + "\n\n" + error_text(exc))
        finally:
            progress.close()
        return None

    def tell(self, icon: QMessageBox.Icon, text: str) -> None:
        """A window-modal message kept in ``self.message`` (tests and the caller can read it)."""
        self.message = QMessageBox(icon, self.title(), text, QMessageBox.StandardButton.Ok, self)
        self.message.open()


def open_import(parent: QWidget | None, session: DocumentSession, title: str,
                make: Callable[[DocumentSession, QWidget | None], FileImportDialog]) -> None:
    """Data ▸ Import… and Import Events…: ask for a file, then show the dialog (modal); a read-only
    document or one without a map is told so instead."""
    if session.read_only or session.map_id is None:
        QMessageBox.information(parent, title, tr("The document is open read-only.") if session.read_only
                                else tr("Create a map first."))
        return
    dialog = make(session, parent)
    dialog.browse()
    if dialog.path is None:
        dialog.deleteLater()
        return
    dialog.exec()
    dialog.deleteLater()


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
