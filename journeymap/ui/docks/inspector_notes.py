"""The inspector's Notes section: the touchpoint's notes, newest last, with add, edit and delete.

A mixin of :class:`journeymap.ui.docks.inspector.InspectorDock` (which calls
``_build_notes_group`` and ``_show_notes``); every edit goes through the
session's editor. Its texts keep the inspector's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from journeymap import settings as app_settings
from journeymap.domain.model import Note, Touchpoint
from journeymap.ui.changes import Source
from journeymap.ui.commands.notes import default_author

NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
translate = QCoreApplication.translate  # in the inspector's context, where lupdate files these texts


class _NotesList(QListWidget):
    """Delete/Backspace delete the selected note (taken before the window's card shortcuts)."""

    deletePressed = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem():
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem():
            self.deletePressed.emit()
            return
        super().keyPressEvent(event)


class InspectorNotes:
    """Notes of the one selected touchpoint (``self.touchpoint_id``), when ``self._editable()``."""

    def _build_notes_group(self) -> QGroupBox:
        group = QGroupBox(translate("InspectorDock", "Notes"))
        layout = QVBoxLayout(group)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)

        self.notes_list = _NotesList()
        self.notes_list.setAccessibleName(translate("InspectorDock", "Notes"))
        self.notes_list.setWordWrap(True)
        self.notes_list.setAlternatingRowColors(True)
        self.notes_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.notes_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.notes_list.itemSelectionChanged.connect(self._update_note_buttons)
        self.notes_list.itemDoubleClicked.connect(self._edit_note_dialog)
        self.notes_list.deletePressed.connect(self.delete_selected_note)
        self.notes_empty = QLabel(translate("InspectorDock", "No notes yet."))
        self.notes_empty.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.notes_list)
        layout.addWidget(self.notes_empty)

        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setAccessibleName(translate("InspectorDock", "New note"))
        self.note_edit.setPlaceholderText(translate("InspectorDock", "Write a note…"))
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 3 + 12)
        self.note_edit.textChanged.connect(self._update_note_buttons)
        layout.addWidget(self.note_edit)

        row = QHBoxLayout()
        row.setSpacing(6)
        self.author_edit = QLineEdit()
        self.author_edit.setAccessibleName(translate("InspectorDock", "Note author"))
        self.author_edit.setPlaceholderText(translate("InspectorDock", "Author"))
        self.author_edit.setText(default_author())
        self.add_note_button = QPushButton(translate("InspectorDock", "Add note"))
        self.add_note_button.setAccessibleName(translate("InspectorDock", "Add note"))
        self.add_note_button.clicked.connect(self._add_note_clicked)
        self.delete_note_button = QPushButton(translate("InspectorDock", "Delete"))
        self.delete_note_button.setAccessibleName(translate("InspectorDock", "Delete the selected note"))
        self.delete_note_button.clicked.connect(self.delete_selected_note)
        row.addWidget(self.author_edit, 1)
        row.addWidget(self.add_note_button)
        row.addWidget(self.delete_note_button)
        layout.addLayout(row)
        return group

    def _show_notes(self, tp: Touchpoint) -> None:
        assert self.session is not None and tp.id is not None
        selected = self.notes_list.currentItem().data(NOTE_ID_ROLE) if self.notes_list.currentItem() else None
        self.notes_list.clear()
        for note in self.session.document.notes(tp.id):
            item = QListWidgetItem(self._note_text(note))
            item.setData(NOTE_ID_ROLE, note.id)
            item.setToolTip(note.text)
            self.notes_list.addItem(item)
            if note.id == selected:
                self.notes_list.setCurrentItem(item)
        has_notes = self.notes_list.count() > 0
        self._fit_notes_height()
        self.notes_list.setVisible(has_notes)
        self.notes_empty.setVisible(not has_notes)
        self._update_note_buttons()

    def _fit_notes_height(self) -> None:
        """As tall as the notes (up to a limit), so a short list leaves no empty box."""
        rows = sum(self.notes_list.sizeHintForRow(i) for i in range(self.notes_list.count()))
        frame = 2 * self.notes_list.frameWidth() + 4
        self.notes_list.setFixedHeight(max(40, min(rows + frame, 220)))

    def _note_text(self, note: Note) -> str:
        when = QDateTime.fromString(note.created_at, Qt.DateFormat.ISODate)
        stamp = QLocale().toString(when.toLocalTime(), QLocale.FormatType.ShortFormat) if when.isValid() else ""
        by = " · ".join(p for p in (note.author, stamp) if p)
        return f"{note.text}\n— {by}" if by else note.text

    def _update_note_buttons(self) -> None:
        editable = self._editable() and self.touchpoint_id is not None
        self.add_note_button.setEnabled(editable and bool(self.note_edit.toPlainText().strip()))
        self.delete_note_button.setEnabled(editable and self.notes_list.currentItem() is not None)

    def _add_note_clicked(self) -> None:
        if self.add_note(self.note_edit.toPlainText(), self.author_edit.text().strip()) is not None:
            self.note_edit.clear()

    def add_note(self, text: str, author: str | None = None) -> int | None:
        """Attach a note to the edited touchpoint; returns its id (None if nothing was added)."""
        text = text.strip()
        if not text or not self._editable() or self.touchpoint_id is None:
            return None
        assert self.session is not None
        if author is None:
            author = self.author_edit.text().strip() or default_author()
        if author and app_settings.AUTHOR.get() != author:
            app_settings.AUTHOR.set(author)
        return self.session.editor.add_note(self.touchpoint_id, text, author, Source.INSPECTOR)

    def delete_selected_note(self) -> None:
        item = self.notes_list.currentItem()
        if item is None or not self._editable() or self.touchpoint_id is None:
            return
        assert self.session is not None
        self.session.editor.delete_note(self.touchpoint_id, int(item.data(NOTE_ID_ROLE)), Source.INSPECTOR)

    def _edit_note_dialog(self, item: QListWidgetItem) -> None:
        if not self._editable() or self.touchpoint_id is None:
            return
        assert self.session is not None
        note_id = int(item.data(NOTE_ID_ROLE))
        current = item.toolTip()
        text, ok = QInputDialog.getMultiLineText(self, translate("InspectorDock", "Edit note"),
                                                 translate("InspectorDock", "Note:"), current)
        if ok and text.strip() and text != current:
            self.session.editor.edit_note(self.touchpoint_id, note_id, text, Source.INSPECTOR)
