"""A touchpoint's photos full size, one at a time (arrow keys or swipe for the next)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from journeymap.storage import attachments as store
from journeymap.ui.session import DocumentSession


class PhotoViewer(QDialog):
    """Shows the photo scaled to fit the window; Left/Right (or a swipe) steps through the gallery."""

    def __init__(self, session: DocumentSession, touchpoint_id: int, attachment_id: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.touchpoint_id = touchpoint_id
        self.photos = store.attachments(session.document, touchpoint_id)
        ids = [a.id for a in self.photos]
        self.index = ids.index(attachment_id) if attachment_id in ids else 0
        self._pixmap = QPixmap()
        self.setWindowTitle(self.tr("Photo"))
        layout = QVBoxLayout(self)
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setMinimumSize(200, 150)
        self.picture.setStyleSheet("background: #1E2630;")
        layout.addWidget(self.picture, 1)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        row = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("◀ Previous"), self)
        self.next_button = QPushButton(self.tr("Next ▶"), self)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        row.addWidget(self.prev_button)
        row.addWidget(self.next_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        for key, step in ((Qt.Key.Key_Left, -1), (Qt.Key.Key_Right, 1)):
            QShortcut(QKeySequence(key), self, activated=lambda s=step: self.step(s))
        self.grabGesture(Qt.GestureType.SwipeGesture)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(min(1100, int(screen.width() * 0.9)), min(800, int(screen.height() * 0.9)))
        self._show()

    def current(self):
        return self.photos[self.index] if self.photos else None

    def step(self, delta: int) -> None:
        if self.photos:
            self.index = max(0, min(len(self.photos) - 1, self.index + delta))
            self._show()

    def _show(self) -> None:
        att = self.current()
        self.prev_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.photos) - 1)
        if att is None:
            self._pixmap = QPixmap()
            self.caption.setText(self.tr("No photo."))
            self.picture.clear()
            return
        image = QImage()
        data = store.blob(self.session.document, att.sha256)
        if data:
            image.loadFromData(data)
        self._pixmap = QPixmap.fromImage(image)
        self.caption.setText(
            self.tr("%1 of %2: %3 — %4 × %5 px, %6 KB, added %7")
            .replace("%1", str(self.index + 1)).replace("%2", str(len(self.photos)))
            .replace("%3", att.file_name).replace("%4", str(att.width)).replace("%5", str(att.height))
            .replace("%6", str(round(att.bytes / 1024))).replace("%7", att.created_at[:16].replace("T", " "))
        )
        self._fit()

    def _fit(self) -> None:
        if self._pixmap.isNull():
            return
        self.picture.setPixmap(self._pixmap.scaled(self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                   Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture:
            swipe = event.gesture(Qt.GestureType.SwipeGesture)
            if swipe is not None and swipe.state() == Qt.GestureState.GestureFinished:
                from PySide6.QtWidgets import QSwipeGesture

                if swipe.horizontalDirection() == QSwipeGesture.SwipeDirection.Left:
                    self.step(1)
                elif swipe.horizontalDirection() == QSwipeGesture.SwipeDirection.Right:
                    self.step(-1)
                return True
        return super().event(event)
