"""Taking a photo with the camera (walk mode and inspector gallery).

The test machine has no camera: the no-camera path is driven through the real
message box, and the capture path by handing the dialog a frame as the camera would.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from journeymap.storage import attachments as store
from journeymap.ui import photo_actions
from journeymap.ui.dialogs import camera_capture
from journeymap.ui.dialogs.camera_capture import CameraDialog
from journeymap.ui.docks.photo_gallery import PhotoGallery


def frame(width: int = 1280, height: int = 720) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7bd5"))
    return image


def answer_message_box(button_text: str, seen: list[str]) -> None:
    """Click *button_text* in the next modal message box (and note its text)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return
        box.reject()

    QTimer.singleShot(0, click)


def gallery_on_first_card(qtbot, session) -> tuple[PhotoGallery, int]:
    tid = session.document.touchpoints(session.map_id)[0].id
    gallery = PhotoGallery()
    qtbot.addWidget(gallery)
    gallery.set_touchpoint(session, tid, True)
    return gallery, tid


def test_without_a_camera_the_user_is_told_and_can_attach_a_file_instead(qtbot, session, tmp_path, monkeypatch):
    from photo_fixtures import phone_jpeg

    assert camera_capture.cameras() == []  # no camera on the test machine
    gallery, tid = gallery_on_first_card(qtbot, session)
    assert gallery.camera_button.isEnabled()
    photo = phone_jpeg(tmp_path / "shop-window.jpg", orientation=1)
    monkeypatch.setattr(photo_actions, "pick_files", lambda parent: [str(photo)])
    seen: list[str] = []
    answer_message_box("Attach a file…", seen)
    gallery.camera_button.click()
    assert seen and "camera" in seen[0]
    assert [a.file_name for a in store.attachments(session.document, tid)] == ["shop-window.jpg"]
    seen.clear()
    answer_message_box("Cancel", seen)
    gallery.camera_button.click()
    assert seen and len(store.attachments(session.document, tid)) == 1


def test_a_captured_frame_is_shown_then_attached_as_one_undoable_jpeg(qtbot, session):
    dialog = CameraDialog([])
    qtbot.addWidget(dialog)
    assert not dialog.attach_button.isEnabled() and dialog.image().isNull()
    assert dialog.take_button.shortcut().toString() == "Space"  # the shutter key
    dialog.show_captured(frame())
    assert dialog.stack.currentWidget() is dialog.preview and dialog.attach_button.isEnabled()
    assert dialog.retake_button.isVisibleTo(dialog) and not dialog.take_button.isVisibleTo(dialog)
    dialog.retake()
    assert dialog.image().isNull() and dialog.stack.currentWidget() is dialog.viewfinder
    dialog.show_captured(frame())
    image = dialog.image()

    gallery, tid = gallery_on_first_card(qtbot, session)
    gallery.attach_image(image)
    [att] = store.attachments(session.document, tid)
    assert att.mime_type == "image/jpeg" and (att.width, att.height) == (1280, 720)
    assert att.file_name.startswith("Photo ") and att.file_name.endswith(".jpg")
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert store.attachments(session.document, tid) == []


def test_the_camera_button_follows_the_gallery_being_editable(qtbot, session):
    gallery, tid = gallery_on_first_card(qtbot, session)
    gallery.set_touchpoint(session, tid, False)
    assert not gallery.camera_button.isEnabled()
    gallery.set_touchpoint(session, None, True)
    assert not gallery.camera_button.isEnabled()


def test_walk_mode_offers_the_camera_with_a_finger_sized_button(qtbot, session):
    from journeymap.ui.walk_mode import WalkMode

    walk = WalkMode(session)
    qtbot.addWidget(walk)
    button = walk.gallery.camera_button
    assert button.text() == "Take photo…" and button.minimumHeight() >= 40
