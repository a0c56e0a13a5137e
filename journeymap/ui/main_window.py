"""The editor's main window (placeholder until the canvas lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from journeymap.storage import Document, DocumentError
from journeymap.ui.session import DocumentSession


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.session: DocumentSession | None = None
        self.setWindowTitle("JourneyMap")
        self.resize(1280, 800)
        self.setCentralWidget(QLabel("Open a document"))

    def open_path(self, path: str) -> bool:
        try:
            doc = Document.open(path)
        except DocumentError as exc:
            QMessageBox.critical(self, "JourneyMap", str(exc))
            return False
        self.session = DocumentSession(doc, parent=self)
        maps = doc.maps()
        self.setWindowTitle(f"{maps[0].title if maps else path} — JourneyMap")
        return True
