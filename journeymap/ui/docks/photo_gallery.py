"""The inspector's photo gallery: thumbnails of a touchpoint's photos, in order.

Add (file picker), paste, drop image files, view full size (double-click or
Enter), remove (Delete) and reorder (drag, or the arrow buttons / Ctrl+Left and
Ctrl+Right); every change is an undoable command.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journeymap.domain.model import Attachment
from journeymap.storage import attachments as store
from journeymap.ui import photo_actions
from journeymap.ui.changes import Source
from journeymap.ui.commands.attachments import MovePhotoCommand, RemovePhotoCommand
from journeymap.ui.session import DocumentSession

ICON = 84
ID_ROLE = Qt.ItemDataRole.UserRole


class _Thumbnails(QListWidget):
    """Thumbnails that accept image files dropped on them and report internal moves."""

    filesDropped = Signal(object)  # QMimeData
    moved = Signal(int, int)  # attachment id, new index

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setViewMode(QListWidget.ViewMode.ListMode)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setIconSize(QSize(ICON, ICON))
        self.setGridSize(QSize(ICON + 12, ICON + 12))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAcceptDrops(True)
        self.setMinimumHeight(ICON + 16)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.source() is not self and photo_actions.has_photos(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if event.source() is not self and photo_actions.has_photos(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        if event.source() is not self:
            if photo_actions.has_photos(event.mimeData()):
                event.acceptProposedAction()
                self.filesDropped.emit(event.mimeData())
            return
        item = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the command reorders; the list is rebuilt
        event.accept()
        if item is None:
            return
        index = self.row(target) if target is not None else self.count() - 1
        if index != self.row(item):
            self.moved.emit(int(item.data(ID_ROLE)), index)


class PhotoGallery(QWidget):
    """The photos of one touchpoint."""

    viewRequested = Signal(int, int)  # touchpoint id, attachment id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.session: DocumentSession | None = None
        self.touchpoint_id: int | None = None
        self.editable = False
        self._photos: list[Attachment] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.list = _Thumbnails(self)
        self.list.setAccessibleName(self.tr("Photos"))
        self.list.itemActivated.connect(self._view_item)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.filesDropped.connect(self._attach_mime)
        self.list.moved.connect(self._move)
        self.empty = QLabel(self.tr("No photos yet. Drop image files here, paste one, or click Add."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        row, row2 = QHBoxLayout(), QHBoxLayout()  # two rows: the inspector stays narrow in Spanish too
        row.setSpacing(4)
        row2.setSpacing(4)
        self.add_button = self._button(self.tr("Add…"), self.tr("Attach image files to this touchpoint"), self.add)
        self.paste_button = self._button(self.tr("Paste"), self.tr("Attach the image on the clipboard"), self.paste)
        self.camera_button = self._button(self.tr("Take photo…"), self.tr("Take a photo with the camera and attach it"),
                                          self.take_photo)
        self.view_button = self._button(self.tr("View"), self.tr("Show the photo full size (Enter)"), self.view)
        self.earlier_button = self._button("◀", self.tr("Move the photo earlier (Ctrl+Left)"), lambda: self.shift(-1))
        self.later_button = self._button("▶", self.tr("Move the photo later (Ctrl+Right)"), lambda: self.shift(1))
        self.remove_button = self._button(self.tr("Remove"), self.tr("Remove the photo (Delete)"), self.remove)
        for b in (self.add_button, self.camera_button, self.paste_button):
            row.addWidget(b)
        row.addStretch(1)
        for b in (self.view_button, self.earlier_button, self.later_button):
            row2.addWidget(b)
        row2.addStretch(1)
        row2.addWidget(self.remove_button)
        layout.addLayout(row)
        layout.addLayout(row2)
        self.note = QLabel(photo_actions.privacy_note())
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text); font-size: small;")
        layout.addWidget(self.note)
        for key, slot in (
            (QKeySequence.StandardKey.Delete, self.remove),
            (QKeySequence(Qt.KeyboardModifier.ControlModifier | Qt.Key.Key_Left), lambda: self.shift(-1)),
            (QKeySequence(Qt.KeyboardModifier.ControlModifier | Qt.Key.Key_Right), lambda: self.shift(1)),
        ):
            shortcut = QShortcut(key, self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.setAcceptDrops(True)
        self._refresh()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------------ state
    def set_touchpoint(self, session: DocumentSession | None, touchpoint_id: int | None, editable: bool) -> None:
        self.session, self.touchpoint_id, self.editable = session, touchpoint_id, editable
        self._refresh()

    def photos(self) -> list[Attachment]:
        return list(self._photos)

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(ID_ROLE)) if item is not None and item.isSelected() else None

    def _refresh(self) -> None:
        selected = self.selected_id()
        self.list.clear()
        doc = self.session.document if self.session is not None else None
        self._photos = store.attachments(doc, self.touchpoint_id) if doc and self.touchpoint_id is not None else []
        for att in self._photos:
            item = QListWidgetItem(self._icon(att), "")
            item.setData(ID_ROLE, att.id)
            item.setToolTip(self.tr("%1 — %2 × %3 px, %4 KB").replace("%1", att.file_name)
                            .replace("%2", str(att.width)).replace("%3", str(att.height))
                            .replace("%4", str(round(att.bytes / 1024))))
            item.setSizeHint(QSize(ICON + 8, ICON + 8))
            self.list.addItem(item)
            if att.id == selected:
                item.setSelected(True)
                self.list.setCurrentItem(item)
        self.list.setVisible(bool(self._photos))
        self.empty.setVisible(not self._photos)
        self.empty.setText(self.tr("No photos yet. Drop image files here, paste one, or click Add.")
                           if self.editable else self.tr("No photos."))
        self._update_buttons()

    def _icon(self, att: Attachment) -> QIcon:
        data = store.thumbnail(self.session.document, att.sha256) if self.session else None
        image = QImage()
        if data:
            image.loadFromData(data)
        return QIcon(QPixmap.fromImage(image)) if not image.isNull() else QIcon()

    def _update_buttons(self) -> None:
        has_target = self.touchpoint_id is not None
        selected = self.selected_id() is not None
        row = self.list.currentRow() if selected else -1
        self.add_button.setEnabled(self.editable and has_target)
        self.paste_button.setEnabled(self.editable and has_target)
        self.camera_button.setEnabled(self.editable and has_target)
        self.view_button.setEnabled(selected)
        self.remove_button.setEnabled(self.editable and selected)
        self.earlier_button.setEnabled(self.editable and selected and row > 0)
        self.later_button.setEnabled(self.editable and selected and 0 <= row < len(self._photos) - 1)
        self.list.setDragEnabled(self.editable)

    def refresh(self) -> None:
        self._refresh()

    # ---------------------------------------------------------------- actions
    def add(self) -> None:
        if not (self.editable and self.session and self.touchpoint_id is not None):
            return
        paths = photo_actions.pick_files(self)
        if paths:
            photo_actions.attach_paths(self, self.session, self.touchpoint_id, paths)

    def take_photo(self) -> None:
        """The camera dialog; without a camera, say so and offer the file picker."""
        if not (self.editable and self.session and self.touchpoint_id is not None):
            return
        from journeymap.ui.dialogs import camera_capture

        if not camera_capture.cameras():
            if camera_capture.no_camera_message(self):
                self.add()
            return
        image = camera_capture.take_photo(self)
        if image is not None:
            self.attach_image(image)

    def attach_image(self, image: QImage) -> None:
        """Attach a photo taken with the camera, named after the time it was taken."""
        from PySide6.QtCore import QDateTime

        from journeymap.ui.dialogs.camera_capture import image_bytes

        stamp = QDateTime.currentDateTime().toString("yyyy-MM-dd HH.mm.ss")
        name = self.tr("Photo %1").replace("%1", stamp) + ".jpg"
        if self.session is not None and self.touchpoint_id is not None:
            photo_actions.attach(self, self.session, self.touchpoint_id, [(name, image_bytes(image))])

    def paste(self) -> None:
        if self.editable and self.session and self.touchpoint_id is not None:
            photo_actions.paste(self, self.session, self.touchpoint_id)

    def _attach_mime(self, mime) -> None:
        if self.editable and self.session and self.touchpoint_id is not None:
            photo_actions.attach_mime(self, self.session, self.touchpoint_id, mime)

    def remove(self) -> None:
        att_id = self.selected_id()
        if self.editable and self.session and att_id is not None:
            self.session.editor.push(RemovePhotoCommand(self.session, att_id), Source.INSPECTOR)

    def shift(self, step: int) -> None:
        att_id = self.selected_id()
        if not (self.editable and self.session and att_id is not None):
            return
        index = self.list.currentRow() + step
        if 0 <= index < len(self._photos):
            self._move(att_id, index)

    def _move(self, att_id: int, index: int) -> None:
        if self.editable and self.session:
            self.session.editor.push(MovePhotoCommand(self.session, att_id, index), Source.INSPECTOR)
            for i in range(self.list.count()):
                item = self.list.item(i)
                if int(item.data(ID_ROLE)) == att_id:
                    self.list.setCurrentItem(item)
                    item.setSelected(True)

    def view(self) -> None:
        att_id = self.selected_id()
        if att_id is not None and self.touchpoint_id is not None:
            self.viewRequested.emit(self.touchpoint_id, att_id)

    def _view_item(self, item: QListWidgetItem) -> None:
        if self.touchpoint_id is not None:
            self.viewRequested.emit(self.touchpoint_id, int(item.data(ID_ROLE)))

    # ------------------------------------------------------------ drops on the whole gallery
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self.editable and photo_actions.has_photos(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        if self.editable and photo_actions.has_photos(event.mimeData()):
            event.acceptProposedAction()
            self._attach_mime(event.mimeData())


class PhotosGroup(QGroupBox):
    """The inspector's "Photos" box: the gallery of the edited touchpoint; the viewer opens from it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Photos"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.gallery = PhotoGallery(self)
        self.gallery.viewRequested.connect(self._view)
        layout.addWidget(self.gallery)
        self.setAcceptDrops(True)

    def show_touchpoint(self, session: DocumentSession | None, touchpoint_id: int | None, editable: bool) -> None:
        self.setVisible(touchpoint_id is not None)
        self.gallery.set_touchpoint(session, touchpoint_id, editable)

    def _view(self, touchpoint_id: int, attachment_id: int) -> None:
        from journeymap.ui.dialogs.photo_viewer import PhotoViewer

        if self.gallery.session is not None:
            PhotoViewer(self.gallery.session, touchpoint_id, attachment_id, self.window()).exec()

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        self.gallery.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        self.gallery.dropEvent(event)
