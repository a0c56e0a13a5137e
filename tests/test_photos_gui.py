"""Photos in the editor: drop on a card, the inspector's gallery, the Photos overlay and its exports."""

from __future__ import annotations

from canvas_helpers import card_centre
from photo_fixtures import huge_png_header, phone_jpeg, plain_png
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from journeymap.cli import main as cli
from journeymap.storage import Document
from journeymap.storage import attachments as store
from journeymap.ui import photo_actions
from journeymap.ui.docks.photo_gallery import PhotoGallery
from journeymap.ui.scene.photo_overlay import RESERVE, thumb_rect


def drop(view, mime: QMimeData, pos: QPoint) -> bool:
    actions = Qt.DropAction.CopyAction
    for cls in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(view.viewport(), cls(pos, actions, mime, Qt.MouseButton.LeftButton,
                                                    Qt.KeyboardModifier.NoModifier))
    event = QDropEvent(QPointF(pos), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)
    return event.isAccepted()


def stored(path, tid):
    with Document.open(path, read_only=True) as doc:
        return [(a.file_name, a.width, a.height) for a in store.attachments(doc, tid)]


def test_dropping_a_photo_on_a_card_attaches_it_undoably(canvas, doc_path, tmp_path):
    scene, view = canvas
    tid = next(iter(scene.cards))
    view.ensureVisible(scene.card_item(tid).sceneBoundingRect())
    photo = phone_jpeg(tmp_path / "shop window.jpg")
    assert drop(view, photo_actions.file_urls([photo]), view.mapFromScene(card_centre(scene, tid)))
    assert stored(doc_path, tid) == [("shop window.jpg", 200, 400)]  # on disk at once, upright
    stack = scene.session.undo_stack
    assert stack.undoText() == "Attach photo"
    stack.undo()
    assert stored(doc_path, tid) == []
    stack.redo()
    assert stored(doc_path, tid) == [("shop window.jpg", 200, 400)]
    # Not an image: the drag is refused, nothing changes.
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert not drop(view, photo_actions.file_urls([text]), view.mapFromScene(card_centre(scene, tid)))


def test_hostile_file_dropped_is_refused_with_its_reason(canvas, doc_path, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.informativeText()) or 0)
    scene, view = canvas
    tid = next(iter(scene.cards))
    bad = huge_png_header(tmp_path / "bomb.png")
    drop(view, photo_actions.file_urls([bad]), view.mapFromScene(card_centre(scene, tid)))
    assert stored(doc_path, tid) == []
    assert shown and "bomb.png" in shown[0] and "60000 × 60000" in shown[0]
    assert scene.session.undo_stack.count() == 0


def test_gallery_removes_and_reorders_photos_with_undo(qtbot, session, tmp_path):
    tid = session.document.touchpoints(session.map_id)[0].id
    gallery = PhotoGallery()
    qtbot.addWidget(gallery)
    gallery.set_touchpoint(session, tid, True)
    session.touchpointsChanged.connect(lambda ids: gallery.refresh())
    paths = [phone_jpeg(tmp_path / "a.jpg", orientation=1), plain_png(tmp_path / "b.png", 300, 200),
             phone_jpeg(tmp_path / "c.jpg", width=300, height=300, orientation=3)]
    photo_actions.attach_paths(None, session, tid, paths)
    names = lambda: [a.file_name for a in store.attachments(session.document, tid)]  # noqa: E731
    assert names() == ["a.jpg", "b.png", "c.jpg"] and gallery.list.count() == 3
    gallery.list.setCurrentRow(2)
    gallery.earlier_button.click()
    assert names() == ["a.jpg", "c.jpg", "b.png"]
    gallery.list.setCurrentRow(0)
    gallery.remove_button.click()
    assert names() == ["c.jpg", "b.png"]
    stack = session.undo_stack
    assert stack.undoText() == "Remove photo"
    stack.undo()
    assert names() == ["a.jpg", "c.jpg", "b.png"]
    stack.undo()
    assert names() == ["a.jpg", "b.png", "c.jpg"]
    stack.undo()
    assert names() == [] and gallery.list.count() == 0 and not gallery.empty.isHidden()


def test_photos_overlay_draws_the_thumbnail_on_the_card_and_in_exports(qapp, session, tmp_path):
    from journeymap.ui.export.render import ImageOptions, export_image
    from journeymap.ui.scene import MapScene

    tid = session.document.touchpoints(session.map_id)[0].id
    red = QImage(400, 400, QImage.Format.Format_RGB32)
    red.fill(Qt.GlobalColor.red)
    red.save(str(tmp_path / "red.png"))
    photo_actions.attach_paths(None, session, tid, [tmp_path / "red.png"])
    scene = MapScene(session)
    try:
        card = scene.card_item(tid)
        assert card.reserved_right == 0
        scene.set_overlays({"photos"})
        assert card.reserved_right == RESERVE  # the title wraps beside the thumbnail
        # PNG: the thumbnail's pixels are red where the card would be white.
        out = tmp_path / "map.png"
        export_image(scene, out, ImageOptions(overlays={"photos"}), "png")
        image = QImage(str(out))
        rect = thumb_rect(card).translated(card.scenePos())
        origin = scene.content_rect().topLeft()
        centre = rect.center() - origin
        pixel = image.pixelColor(int(centre.x()), int(centre.y()))
        assert pixel.red() > 200 and pixel.green() < 60, pixel.name()
        # SVG embeds the thumbnail as an image.
        svg = tmp_path / "map.svg"
        export_image(scene, svg, ImageOptions(overlays={"photos"}), "svg")
        assert svg.read_text().count("<image") == 1
        export_image(scene, svg, ImageOptions(overlays=set()), "svg")
        assert "<image" not in svg.read_text()
    finally:
        scene.dispose()


def test_export_cli_overlay_photos_embeds_thumbnails(qapp, doc_path, tmp_path, capsys):
    with Document.open(doc_path, read_only=True) as doc:
        tids = [tp.id for tp in doc.touchpoints(doc.maps()[0].id)[:2]]
    for tid, name in zip(tids, ("a.jpg", "b.jpg")):
        photo = phone_jpeg(tmp_path / name, orientation=1 + len(name))
        assert cli(["attach", str(doc_path), str(tid), str(photo)]) == 0
    out = tmp_path / "out.svg"
    assert cli(["export", str(doc_path), str(out), "--overlay", "photos"]) == 0
    assert out.read_text().count("<image") == 2
    pdf = tmp_path / "out.pdf"
    assert cli(["export", str(doc_path), str(pdf), "--overlay", "photos,nps"]) == 0
    assert b"/Subtype /Image" in pdf.read_bytes() or b"/Image" in pdf.read_bytes()


def test_deleting_a_note_keeps_its_photos_and_undo_puts_them_back_beside_it(qapp, session, tmp_path):
    from journeymap.ui.commands.notes import AddNoteCommand, DeleteNoteCommand

    tid = session.document.touchpoints(session.map_id)[0].id
    add = AddNoteCommand(session, tid, "Broken shelf")
    session.undo_stack.push(add)
    photo_actions.attach_paths(None, session, tid, [phone_jpeg(tmp_path / "shelf.jpg")], note_id=add.note_id)
    session.undo_stack.push(DeleteNoteCommand(session, tid, add.note_id))
    assert [a.note_id for a in store.attachments(session.document, tid)] == [None]  # the photo stays on the card
    session.undo_stack.undo()
    assert [a.note_id for a in store.attachments(session.document, tid)] == [add.note_id]


def test_paste_attaches_the_clipboard_image_as_png(qtbot, session):
    from PySide6.QtGui import QGuiApplication

    tid = session.document.touchpoints(session.map_id)[0].id
    gallery = PhotoGallery()
    qtbot.addWidget(gallery)
    gallery.set_touchpoint(session, tid, True)
    screenshot = QImage(640, 360, QImage.Format.Format_RGB32)
    screenshot.fill(Qt.GlobalColor.darkCyan)
    QGuiApplication.clipboard().setImage(screenshot)
    gallery.paste_button.click()
    [att] = store.attachments(session.document, tid)
    assert (att.file_name, att.mime_type, att.width, att.height) == ("Pasted image.png", "image/png", 640, 360)
