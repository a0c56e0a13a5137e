"""Edit ▸ Preferences: the interface language and the author name of notes.

Both are stored in the application's settings. Menus and panels are built once,
so a new language needs a new start: the dialog offers "Restart now", which
closes the window (everything is already on disk) and starts the editor again on
the same document. The author applies at once.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from journeymap import i18n
from journeymap.ui.commands.notes import AUTHOR_KEY, default_author


class PreferencesDialog(QDialog):
    def __init__(self, settings, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings
        self.setObjectName("PreferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.setAccessibleName(self.tr("Interface language"))
        self.language_combo.addItem(self.tr("System language"), "")
        # Each language is named in its own language, so it can be found whatever the current one.
        self.language_combo.addItem("English", "en")
        self.language_combo.addItem("Español", "es")
        stored = i18n.stored_language(settings)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(stored)))

        self.author_edit = QLineEdit()
        self.author_edit.setObjectName("authorEdit")
        self.author_edit.setAccessibleName(self.tr("Author name for notes"))
        self.author_edit.setText(str(settings.value(AUTHOR_KEY, "") or ""))
        self.author_edit.setPlaceholderText(default_author() or self.tr("Your name"))

        form = QFormLayout()
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language_combo)
        form.addRow(language_label, self.language_combo)
        author_label = QLabel(self.tr("&Author of notes:"))
        author_label.setBuddy(self.author_edit)
        form.addRow(author_label, self.author_edit)

        note = QLabel(self.tr("A new language applies when JourneyMap starts again; you can restart it now."))
        note.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def language(self) -> str:
        return str(self.language_combo.currentData() or "")

    def author(self) -> str:
        return self.author_edit.text().strip()

    def save(self) -> bool:
        """Store the choices; True when the language changed (a restart is needed)."""
        old = i18n.stored_language(self._settings)
        self._settings.setValue(i18n.LANGUAGE_KEY, self.language())
        if self.author():
            self._settings.setValue(AUTHOR_KEY, self.author())
        else:
            self._settings.remove(AUTHOR_KEY)
        self._settings.sync()
        return old != self.language()

    def accept(self) -> None:
        changed = self.save()
        super().accept()
        if changed:
            self.offer_restart()

    def offer_restart(self) -> None:
        parent = self.parentWidget() or self
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Preferences"),
                          self.tr("JourneyMap speaks the new language after a restart. Your work is saved."),
                          parent=parent)
        restart = box.addButton(self.tr("Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restart)
        box.exec()
        if box.clickedButton() is restart:
            restart_editor(parent.window())


def restart_editor(window: QWidget) -> bool:
    """Close *window* (it saves its view state; every edit is already on disk) and start the editor again.

    The new process opens the document that was open. Nothing happens if the window refuses to close.
    """
    session = getattr(window, "session", None)
    path = str(session.document.path) if session is not None else ""
    if not window.close():
        return False
    code = "import sys; from journeymap.app import run; sys.exit(run(sys.argv[1:]))"
    QProcess.startDetached(sys.executable, ["-c", code, *([path] if path else [])])
    from PySide6.QtWidgets import QApplication

    QApplication.quit()
    return True


def open_preferences(parent: QWidget | None = None) -> PreferencesDialog:
    from journeymap.settings import store as settings

    dialog = PreferencesDialog(settings(), parent)
    dialog.exec()
    return dialog
