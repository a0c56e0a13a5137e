"""Take a photo with the laptop's or tablet's camera and attach it (walk mode, inspector).

Store managers stand in the shop: taking the picture where they annotate saves
a round trip through the phone. Qt Multimedia (PySide6-Addons) drives the
camera; where it is missing or no camera is connected the user is told and
offered the file picker instead, so the feature never fails silently.

The captured frame goes through the same preparation as any attached file
(shrunk, metadata-free, JPEG) and one undoable command (``photo_actions.attach``).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journeymap import settings
from journeymap.ui import photo_actions

CAPTURE_QUALITY = 95  # the preparation re-encodes at the stored quality; keep the capture close to lossless


def multimedia_available() -> bool:
    """Whether Qt Multimedia can be loaded (PySide6-Addons installed)."""
    try:
        import PySide6.QtMultimedia  # noqa: F401
        import PySide6.QtMultimediaWidgets  # noqa: F401
    except ImportError:
        return False
    return True


def cameras() -> list:
    """The connected cameras (QCameraDevice), the default one first; [] without Qt Multimedia."""
    if not multimedia_available():
        return []
    from PySide6.QtMultimedia import QMediaDevices

    devices = list(QMediaDevices.videoInputs())
    devices.sort(key=lambda d: not d.isDefault())
    return devices


def image_bytes(image: QImage) -> bytes:
    """A captured frame as JPEG bytes for ``photos.prepare``."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", CAPTURE_QUALITY)
    return bytes(buffer.data())


class CameraDialog(QDialog):
    """A viewfinder, Take photo (Space), then Retake or Attach.

    ``image()`` is the accepted frame. Tests (and cameras that deliver frames
    some other way) hand a frame to :meth:`show_captured`.
    """

    captured = Signal(QImage)

    def __init__(self, devices: list, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Take a photo"))
        self._devices = devices
        self._image = QImage()
        self._camera = None
        self._capture = None
        self._session = None
        self._video = None
        layout = QVBoxLayout(self)
        self.chooser = QComboBox(self)
        self.chooser.setAccessibleName(self.tr("Camera"))
        for device in devices:
            self.chooser.addItem(device.description())
        self.chooser.setVisible(len(devices) > 1)
        self.chooser.currentIndexChanged.connect(self._start)
        layout.addWidget(self.chooser)
        self.stack = QStackedWidget(self)
        self.stack.setMinimumSize(480, 360)
        self.viewfinder = self._viewfinder()
        self.stack.addWidget(self.viewfinder)
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName(self.tr("Photo taken"))
        self.stack.addWidget(self.preview)
        layout.addWidget(self.stack, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        note = QLabel(photo_actions.privacy_note(), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text); font-size: small;")
        layout.addWidget(note)
        row = QHBoxLayout()
        self.take_button = QPushButton(self.tr("Take photo"), self)
        self.take_button.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.take_button.setToolTip(self.tr("Take the photo (Space)"))
        self.take_button.setMinimumHeight(48)  # a finger's target on a tablet
        self.take_button.clicked.connect(self.take)
        self.retake_button = QPushButton(self.tr("Retake"), self)
        self.retake_button.setMinimumHeight(48)
        self.retake_button.clicked.connect(self.retake)
        row.addWidget(self.take_button, 1)
        row.addWidget(self.retake_button)
        layout.addLayout(row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.attach_button = self.buttons.addButton(self.tr("Attach photo"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        remembered = settings.CAMERA.get()
        for i, device in enumerate(devices):
            if bytes(device.id().data()).decode("utf-8", "replace") == remembered:
                self.chooser.setCurrentIndex(i)
        self._show_viewfinder()
        if devices:
            self._start(self.chooser.currentIndex())

    def _viewfinder(self) -> QWidget:
        if not multimedia_available():
            return QLabel(self)
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self._video = QVideoWidget(self)
        return self._video

    # ---------------------------------------------------------------- camera
    def _start(self, index: int) -> None:
        self._stop()
        if not (0 <= index < len(self._devices)) or not multimedia_available():
            return
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession

        device = self._devices[index]
        self._camera = QCamera(device, self)
        self._capture = QImageCapture(self)
        self._session = QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        self._session.setImageCapture(self._capture)
        if self._video is not None:
            self._session.setVideoOutput(self._video)
        self._camera.errorOccurred.connect(lambda _e, text: self._problem(text))
        self._capture.errorOccurred.connect(lambda _id, _e, text: self._problem(text))
        self._capture.imageCaptured.connect(lambda _id, image: self.show_captured(image))
        self._capture.readyForCaptureChanged.connect(lambda _ready: self._update_buttons())
        self._camera.start()
        settings.CAMERA.set(bytes(device.id().data()).decode("utf-8", "replace"))
        self._update_buttons()

    def _stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
            self._camera.deleteLater()
        self._camera = None

    def _problem(self, text: str) -> None:
        self.status.setText(self.tr("The camera reports a problem: %1").replace("%1", text))

    def done(self, result: int) -> None:  # accept and reject: the camera light goes off
        self._stop()
        super().done(result)

    # ---------------------------------------------------------------- steps
    def take(self) -> None:
        if self._capture is not None and self._capture.isReadyForCapture():
            self.status.setText(self.tr("Taking the photo…"))
            self._capture.capture()

    def retake(self) -> None:
        self._image = QImage()
        self._show_viewfinder()

    def show_captured(self, image: QImage) -> None:
        """A frame arrived: show it, and let the user attach it or take another."""
        if image.isNull():
            self._problem(self.tr("the photo is empty"))
            return
        self._image = image
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            self.stack.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.stack.setCurrentWidget(self.preview)
        self.status.setText(self.tr("Attach this photo, or retake it."))
        self._update_buttons()
        self.captured.emit(image)

    def _show_viewfinder(self) -> None:
        self.stack.setCurrentWidget(self.viewfinder)
        self.status.setText(self.tr("Point the camera and press Take photo (Space)."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_image = not self._image.isNull()
        ready = self._capture is not None and self._capture.isReadyForCapture()
        self.take_button.setVisible(not has_image)
        self.take_button.setEnabled(ready)
        self.retake_button.setVisible(has_image)
        self.attach_button.setEnabled(has_image)
        if has_image:
            self.attach_button.setDefault(True)

    def image(self) -> QImage:
        return QImage(self._image)


def no_camera_message(parent: QWidget | None) -> bool:
    """Tell the user no camera can be used; True if they chose to attach a file instead."""
    if multimedia_available():
        text = CameraDialog.tr("No camera is connected.")
        detail = CameraDialog.tr("Connect a camera, or attach a photo taken with another device.")
    else:
        text = CameraDialog.tr("This installation of JourneyMap cannot use a camera.")
        detail = CameraDialog.tr("Install the Qt Multimedia module (pip install PySide6-Addons), "
                                 "or attach a photo taken with another device.")
    box = QMessageBox(QMessageBox.Icon.Information, CameraDialog.tr("Take a photo"), text,
                      QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(detail)
    attach = box.addButton(CameraDialog.tr("Attach a file…"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    return box.clickedButton() is attach


def take_photo(parent: QWidget | None) -> QImage | None:
    """Run the camera dialog; the photo taken, or None (cancelled, or no camera: then the caller may
    offer the file picker, see ``no_camera_message``)."""
    devices = cameras()
    if not devices:
        return None
    dialog = CameraDialog(devices, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    image = dialog.image()
    return None if image.isNull() else image
