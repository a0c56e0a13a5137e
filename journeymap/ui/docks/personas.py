"""The personas dock: every persona of the document, which ones the current map is about, and their details.

A persona belongs to the document and can be assigned to several maps (the
check box in the list); its fields are edited here, each edit an undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journeymap.domain.model import Persona
from journeymap.ui.changes import Source
from journeymap.ui.docks import SessionConnections
from journeymap.ui.docks.widgets import FocusOutPlainTextEdit
from journeymap.ui.session import DocumentSession

PERSONA_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_PHOTO_SIDE = 512
LIST_FIELDS = ("goals", "needs", "frustrations")


def photo_bytes(path: str) -> bytes | None:
    """The image at *path* as PNG bytes, at most 512 px a side (None if it is not an image)."""
    image = QImage(path)
    if image.isNull():
        return None
    return _png(image)


def _png(image: QImage) -> bytes:
    if max(image.width(), image.height()) > MAX_PHOTO_SIDE:
        image = image.scaled(MAX_PHOTO_SIDE, MAX_PHOTO_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class PersonaDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Personas"), parent)
        self.setObjectName("PersonaDock")
        self.session: DocumentSession | None = None
        self._connections = SessionConnections()
        self._loading = False
        self._persona_id: int | None = None

        body = QWidget()
        layout = QVBoxLayout(body)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Personas of the document"))
        self.list.setToolTip(self.tr("Check the personas this map is about"))
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.list.itemChanged.connect(self._on_item_changed)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add persona"))
        self.add_button.clicked.connect(self.add_persona)
        self.delete_button = QPushButton(self.tr("De&lete"))
        self.delete_button.clicked.connect(self.delete_current)
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        layout.addLayout(row)

        self.details = QWidget()
        form = QFormLayout(self.details)
        # Labels go above their fields when the dock is narrow (it shares a 1366 px screen with the map).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.photo_label = QLabel()
        self.photo_label.setFixedSize(72, 72)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("border: 1px solid #ccd; border-radius: 36px;")
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_label)
        self.photo_button = QPushButton(self.tr("Choose &photo…"))
        self.photo_button.clicked.connect(self.choose_photo)
        self.remove_photo_button = QPushButton(self.tr("Remove photo"))
        self.remove_photo_button.clicked.connect(lambda: self._commit_value("photo", None))
        self.card_photo_button = QPushButton(self.tr("From the selected &card"))
        self.card_photo_button.setToolTip(self.tr("Use the first photo of the card selected on the map"))
        self.card_photo_button.clicked.connect(self.photo_from_selected_card)
        buttons = QVBoxLayout()  # stacked: the dock stays narrow
        for button in (self.photo_button, self.card_photo_button, self.remove_photo_button):
            buttons.addWidget(button)
        photo_row.addLayout(buttons)
        photo_row.addStretch(1)
        form.addRow(self.tr("Photo:"), photo_row)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Persona name"))
        self.name_edit.editingFinished.connect(lambda: self._commit("name"))
        form.addRow(self.tr("&Name:"), self.name_edit)
        self.quote_edit = QLineEdit()
        self.quote_edit.setAccessibleName(self.tr("Quote"))
        self.quote_edit.setPlaceholderText(self.tr("In the persona's own words"))
        self.quote_edit.editingFinished.connect(lambda: self._commit("quote"))
        form.addRow(self.tr("&Quote:"), self.quote_edit)
        self.edits: dict[str, FocusOutPlainTextEdit] = {}
        for name, label, hint in (
            ("bio", self.tr("&Bio:"), self.tr("A short biography")),
            ("goals", self.tr("&Goals:"), self.tr("One per line")),
            ("needs", self.tr("N&eeds:"), self.tr("One per line")),
            ("frustrations", self.tr("&Frustrations:"), self.tr("One per line")),
        ):
            edit = FocusOutPlainTextEdit()
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(label.replace("&", "").rstrip(":"))
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            edit.focusLost.connect(lambda n=name: self._commit(n))
            form.addRow(label, edit)
            self.edits[name] = edit
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.setWidget(body)
        self._refresh()

    # ---------------------------------------------------------------- session
    def set_session(self, session: DocumentSession | None) -> None:
        self.commit_pending()
        self._connections.clear()
        self.session = session
        if session is not None:
            self._connections.connect(session.personasChanged, self._refresh)
            self._connections.connect(session.currentMapChanged, lambda *_: self._refresh())
            self._connections.connect(session.mapsChanged, self._refresh)
        self._refresh()

    def _editable(self) -> bool:
        return self.session is not None and not self.session.read_only and self.session.map_id is not None

    @property
    def editor(self):
        assert self.session is not None
        return self.session.editor

    # ---------------------------------------------------------------- display
    def _refresh(self) -> None:
        self._loading = True
        try:
            current = self._persona_id
            self.list.clear()
            personas, assigned = [], set()
            if self.session is not None:
                doc = self.session.document
                personas = doc.personas()
                if self.session.map_id is not None:
                    assigned = {p.id for p in doc.map_personas(self.session.map_id)}
            editable = self._editable()
            for p in personas:
                item = QListWidgetItem(p.name)
                item.setData(PERSONA_ID_ROLE, p.id)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if editable:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                item.setFlags(flags)
                item.setCheckState(Qt.CheckState.Checked if p.id in assigned else Qt.CheckState.Unchecked)
                self.list.addItem(item)
                if p.id == current:
                    self.list.setCurrentItem(item)
            if self.list.currentItem() is None and self.list.count():
                self.list.setCurrentRow(0)
            self.add_button.setEnabled(editable)
        finally:
            self._loading = False
        self._show_current()

    def current_persona(self) -> Persona | None:
        item = self.list.currentItem()
        if item is None or self.session is None:
            return None
        try:
            return self.session.document.persona(item.data(PERSONA_ID_ROLE))
        except Exception:  # noqa: BLE001 - gone meanwhile
            return None

    def _show_current(self) -> None:
        if self._loading and self.list.currentItem() is None:
            return
        p = self.current_persona()
        self._persona_id = p.id if p is not None else None
        editable = self._editable() and p is not None
        self.details.setEnabled(p is not None)
        self.delete_button.setEnabled(editable)
        was = self._loading
        self._loading = True
        try:
            self.name_edit.setText(p.name if p else "")
            self.quote_edit.setText(p.quote if p else "")
            for name, edit in self.edits.items():
                value = getattr(p, name) if p else ""
                edit.setPlainText("\n".join(value) if isinstance(value, list) else value)
                edit.setReadOnly(not editable)
            for w in (self.name_edit, self.quote_edit):
                w.setReadOnly(not editable)
            for b in (self.photo_button, self.card_photo_button, self.remove_photo_button):
                b.setEnabled(editable)
            pix = QPixmap()
            if p is not None and p.photo:
                pix.loadFromData(p.photo)
            if pix.isNull():
                self.photo_label.setPixmap(QPixmap())
                self.photo_label.setText((p.name[:1].upper() if p else "") or "?")
            else:
                self.photo_label.setPixmap(pix.scaled(70, 70, Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation))
        finally:
            self._loading = was

    # ------------------------------------------------------------------ edits
    def _value(self, name: str):
        if name == "name":
            return self.name_edit.text().strip()
        if name == "quote":
            return self.quote_edit.text().strip()
        text = self.edits[name].toPlainText()
        if name in LIST_FIELDS:
            return [line.strip() for line in text.splitlines() if line.strip()]
        return text.strip()

    def _commit(self, name: str) -> None:
        if self._loading:
            return
        value = self._value(name)
        if name == "name" and not value:
            self._show_current()
            return
        self._commit_value(name, value)

    def _commit_value(self, name: str, value) -> None:
        p = self.current_persona()
        if p is None or not self._editable() or getattr(p, name) == value:
            return
        self.editor.update_persona(p.id, {name: value}, Source.PERSONAS)  # type: ignore[arg-type]

    def commit_pending(self) -> None:
        if self.session is None or self._loading:
            return
        for name in ("name", "quote", *self.edits):
            self._commit(name)

    def add_persona(self) -> int | None:
        if not self._editable():
            return None
        assert self.session is not None
        persona_id = self.editor.add_persona(Persona(self.tr("New persona")), self.session.map_id, Source.PERSONAS)
        self._persona_id = persona_id
        self._refresh()
        self.name_edit.setFocus()
        self.name_edit.selectAll()
        return persona_id

    def delete_current(self) -> bool:
        p = self.current_persona()
        if p is None or not self._editable():
            return False
        return self.editor.delete_persona(p.id, source=Source.PERSONAS)  # the editor asks when maps share it

    def choose_photo(self) -> None:
        p = self.current_persona()
        if p is None or not self._editable():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a photo"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg *.webp *.bmp)"))
        if path:
            self.set_photo_from_file(path)

    def photo_from_selected_card(self) -> bool:
        """The persona's photo from the first photo of the card selected on the map (field-kit photos)."""
        if self.session is None or not self.session.selected_ids or not self._editable():
            QMessageBox.information(
                self, self.tr("Choose a photo"), self.tr("Select a card with a photo on the map first.")
            )
            return False
        from journeymap.storage import attachments

        doc = self.session.document
        photos = attachments.attachments(doc, self.session.selected_ids[0])
        data = attachments.blob(doc, photos[0].sha256) if photos else None
        image = QImage.fromData(data) if data else QImage()
        if image.isNull():
            QMessageBox.information(self, self.tr("Choose a photo"), self.tr("The selected card has no photo."))
            return False
        self._commit_value("photo", _png(image))
        return True

    def set_photo_from_file(self, path: str) -> bool:
        data = photo_bytes(path)
        if data is None:
            QMessageBox.warning(self, self.tr("Choose a photo"),
                                self.tr("%1 is not an image JourneyMap can read.").replace("%1", path))
            return False
        self._commit_value("photo", data)
        return True

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._loading or self.session is None or self.session.map_id is None or not self._editable():
            return
        ids = [
            self.list.item(i).data(PERSONA_ID_ROLE)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
        current = [p.id for p in self.session.document.map_personas(self.session.map_id)]
        # Keep the map's order; a newly checked persona goes last.
        ordered = [pid for pid in current if pid in ids] + [pid for pid in ids if pid not in current]
        if ordered != current:
            self.editor.assign_personas(self.session.map_id, ordered, Source.PERSONAS)
