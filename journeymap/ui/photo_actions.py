"""Attaching photos from the GUI: files (picker, drops) and clipboard images.

Each photo is prepared (checked, turned upright, shrunk, stripped of GPS and
camera data) with a progress dialog when there are several, then attached in
one undoable command; files that cannot be attached are listed with their
reason, and the others are still attached.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QCoreApplication, QIODevice, QMimeData, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from journeymap.i18n import error_text
from journeymap.services.photos import SUFFIXES, PhotoError, PreparedPhoto, is_image_name, prepare, prepare_file
from journeymap.settings import PHOTO_FOLDER
from journeymap.ui.changes import Source
from journeymap.ui.commands.attachments import AttachPhotosCommand
from journeymap.ui.session import DocumentSession


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Photos", text, None, n)


def image_paths(mime: QMimeData) -> list[str]:
    """Local image files among the URLs of a drag or the clipboard."""
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and is_image_name(u.toLocalFile())]


def has_photos(mime: QMimeData) -> bool:
    return bool(image_paths(mime)) or mime.hasImage()


def _image_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def prepare_mime(mime: QMimeData) -> tuple[list[tuple[str, object]], str]:
    """(what to prepare, its name) pairs of a drop or paste: files first, else the image data."""
    paths = image_paths(mime)
    if paths:
        return [(p, p) for p in paths], ""
    if mime.hasImage():
        image = mime.imageData()
        if isinstance(image, QImage) and not image.isNull():
            return [(tr("Pasted image") + ".png", _image_bytes(image))], ""
    return [], tr("The clipboard holds no image and no image file.")


def prepare_all(parent: QWidget | None, sources: Sequence[tuple[str, object]]) -> tuple[list[PreparedPhoto], list[str]]:
    """Prepare each (name, path or bytes); returns the photos and the messages of refused ones."""
    photos: list[PreparedPhoto] = []
    errors: list[str] = []
    progress = None
    if len(sources) > 1 and parent is not None:
        progress = QProgressDialog(tr("Preparing photos…"), tr("Cancel"), 0, len(sources), parent)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
    cursor = isinstance(QApplication.instance(), QApplication)
    if cursor:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        for i, (name, source) in enumerate(sources):
            if progress is not None:
                progress.setValue(i)
                if progress.wasCanceled():
                    break
            try:
                if isinstance(source, bytes):
                    photos.append(prepare(source, name))
                else:
                    photos.append(prepare_file(str(source)))
            except PhotoError as exc:
                errors.append(error_text(exc))
    finally:
        if cursor:
            QApplication.restoreOverrideCursor()
        if progress is not None:
            progress.setValue(len(sources))
    return photos, errors


def attach(
    parent: QWidget | None, session: DocumentSession, touchpoint_id: int, sources: Sequence[tuple[str, object]],
    note_id: int | None = None, index: int | None = None,
) -> AttachPhotosCommand | None:
    """Prepare and attach; tells the user about refused files. Returns the pushed command, if any."""
    if session.read_only or not sources:
        return None
    photos, errors = prepare_all(parent, sources)
    command = None
    if photos:
        command = AttachPhotosCommand(session, touchpoint_id, photos, note_id, index)
        session.editor.push(command, Source.CANVAS)
    if errors and parent is not None:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Photos not attached"),
                          tr("This file could not be attached:") if len(errors) == 1 else
                          tr("%n files could not be attached:").replace("%n", str(len(errors))),
                          QMessageBox.StandardButton.Ok, parent)
        box.setInformativeText("\n".join(errors))
        box.exec()
    return command


def attach_paths(parent: QWidget | None, session: DocumentSession, touchpoint_id: int, paths: Iterable[str],
                 note_id: int | None = None, index: int | None = None) -> AttachPhotosCommand | None:
    return attach(parent, session, touchpoint_id, [(p, p) for p in paths], note_id, index)


def attach_mime(parent: QWidget | None, session: DocumentSession, touchpoint_id: int, mime: QMimeData,
                note_id: int | None = None) -> AttachPhotosCommand | None:
    sources, problem = prepare_mime(mime)
    if not sources:
        if parent is not None and problem:
            QMessageBox.information(parent, tr("Paste photo"), problem)
        return None
    return attach(parent, session, touchpoint_id, sources, note_id)


def paste(parent: QWidget | None, session: DocumentSession, touchpoint_id: int) -> AttachPhotosCommand | None:
    return attach_mime(parent, session, touchpoint_id, QGuiApplication.clipboard().mimeData(), None)


def pick_files(parent: QWidget | None) -> list[str]:
    """Ask for image files (the folder is remembered)."""
    folder = PHOTO_FOLDER.get()
    patterns = " ".join("*" + s for s in SUFFIXES)
    paths, _ = QFileDialog.getOpenFileNames(parent, tr("Attach photos"), folder,
                                            tr("Images (%1)").replace("%1", patterns))
    if paths:
        PHOTO_FOLDER.set(os.path.dirname(paths[0]))
    return paths


def file_urls(paths: Iterable[str]) -> QMimeData:
    """A drag's data carrying these files (tests and the walk mode's camera roll)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


PRIVACY_NOTE = QT_TRANSLATE_NOOP(
    "Photos",
    "Photos are stored inside the document, shrunk to at most 2560 pixels, "
    "without their location (GPS), camera or other metadata.",
)


def privacy_note() -> str:
    return QCoreApplication.translate("Photos", PRIVACY_NOTE)
