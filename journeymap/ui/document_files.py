"""The window's documents: open (and what goes wrong), new, Save As, the file dialogs' folder, recent files.

A mixin of :class:`journeymap.ui.main_window.MainWindow`; its texts keep the
window's translation context. Opening builds the new session and scene before
the current document is let go, so a failure leaves the previous one open.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal

from journeymap import settings as app_settings
from journeymap.domain.messages import message
from journeymap.i18n import current_language, error_text
from journeymap.storage import Document, DocumentError, DocumentLockedError
from journeymap.ui.scene import MapScene
from journeymap.ui.session import DocumentSession

translate = QCoreApplication.translate  # in the window's context, where lupdate files these texts

# The messages this module's errors carry: an id and the English text (translated where shown).
DOCUMENT_CANNOT_SHOWN = message("document.document_cannot_shown", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: the document cannot be shown (%2)."))

DOCUMENT_FILTER = QT_TRANSLATE_NOOP("MainWindow", "JourneyMap documents (*.jmap)")
MAX_RECENT = 10


class _CheckRelay(QObject):
    """Brings a worker thread's result to the window's thread (a queued signal)."""

    done = Signal(str)


class DocumentFiles:
    """Documents of the window: ``self.session``/``self.scene`` are the open one's."""

    def open_path(self, path: str | os.PathLike[str], read_only: bool = False, interactive: bool = True) -> bool:
        """Open a document; errors are shown to the user and leave the current one open.

        With ``interactive=False`` (start-up) nothing asks or warns: a
        ``DocumentError`` (``DocumentLockedError`` when in use) is raised instead.
        """
        path = Path(path)
        try:
            doc = Document.open(path, read_only=read_only)
        except DocumentLockedError as exc:
            if not interactive:
                raise
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self,
                translate("MainWindow", "Document in use"),
                translate("MainWindow", "%1\n\nOpen it read-only?").replace("%1", error_text(exc)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            return self.open_path(path, read_only=True)
        except DocumentError as exc:
            if not interactive:
                raise
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(self, translate("MainWindow", "Cannot open the document"), error_text(exc))
            return False
        # Build the new document's session and scene before letting go of the current
        # one: if that fails, the previous document stays open and named in the title bar.
        session: DocumentSession | None = None
        scene: MapScene | None = None
        try:
            session = DocumentSession(doc, parent=self)
            session.editor.window = self
            session.editor.refused.connect(self._show_refusal)
            scene = MapScene(session, self)
            scene.set_overlays(self._overlays)
            scene.set_filter(self.filter_edit.text())
        except Exception as exc:  # noqa: BLE001 - any failure keeps the previous document
            if scene is not None:
                scene.dispose()
                scene.deleteLater()
            if session is not None:
                session.deleteLater()
            doc.close()
            if not interactive:
                raise DocumentError(DOCUMENT_CANNOT_SHOWN, path, exc) from exc
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(
                self, translate("MainWindow", "Cannot open the document"),
                translate("MainWindow", "%1 could not be shown (%2). The document that was open before stays open.")
                .replace("%1", path.name).replace("%2", error_text(exc)),
            )
            return False
        self._close_session()
        self.session, self.scene = session, scene
        self.session.writeFailed.connect(self.write_failures.show)
        self.read_only_banner.show_reason(doc.read_only_reason)
        self.view.setScene(self.scene)
        self._stack.setCurrentWidget(self.view)
        self.undo_group.addStack(self.session.undo_stack)
        self.undo_group.setActiveStack(self.session.undo_stack)
        self.session.mapsChanged.connect(self._update_title)
        self.session.currentMapChanged.connect(lambda _id: self._update_title())
        self.session.documentReplaced.connect(self._document_replaced)
        # Every relayout (cards added or moved, structure rebuilt, another map shown) updates the counts.
        self.scene.layoutChanged.connect(self._update_counts)
        self._add_recent(str(path.resolve()))
        if path.resolve().parent != app_settings.data_dir(create=False).resolve():
            app_settings.LAST_FOLDER.set(str(path.resolve().parent))
        self._update_actions()
        self._update_title()
        self._update_counts()
        self._fit_view()
        QTimer.singleShot(0, lambda: self._fit_view() if self.scene is not None else None)
        self.view.setFocus()
        self.session_opened(self.session)
        if doc.unchecked_tables:
            self._check_integrity_later(self.session)
        return True

    def _check_integrity_later(self, session: DocumentSession) -> None:
        """Check the pages open() skipped (a big file's survey responses) on a worker thread.

        Opening stays fast; if the check finds damage, the user is told while the
        document is still open, instead of only when a report fails.
        """
        import threading

        relay = _CheckRelay(self)
        relay.done.connect(lambda result: self._integrity_checked(session, result))
        relay.done.connect(relay.deleteLater)
        doc = session.document

        def check() -> None:
            result = doc.check_unchecked_tables() or "ok"
            try:
                relay.done.emit(result)
            except RuntimeError:
                pass  # the window was closed meanwhile

        threading.Thread(target=check, name="jm-integrity-check", daemon=True).start()

    def _integrity_checked(self, session: DocumentSession, result: str) -> None:
        self.integrity_result = result  # for tests and diagnostics
        if result == "ok" or session is not self.session:
            return
        from PySide6.QtWidgets import QMessageBox

        text = translate(
            "MainWindow", "The survey responses stored in %1 are damaged (%2). Reports, overlays and charts may be "
            "wrong or fail. Restore a backup of the document, or remove the imports in Data ▸ Import "
            "History and import the surveys again."
        ).replace("%1", session.document.path.name).replace("%2", result)
        self.statusBar().showMessage(text)
        title = translate("MainWindow", "Damaged document")
        self.integrity_warning = QMessageBox(QMessageBox.Icon.Warning, title, text,
                                             QMessageBox.StandardButton.Ok, self)
        self.integrity_warning.open()

    def _fit_view(self) -> None:
        """The whole map in the window, at most at 100 %."""
        self.view.fit_to_window(max_zoom=1.0)
        self._auto_zoom = self.view.zoom

    def _close_session(self) -> None:
        if self.session is None:
            return
        session, scene = self.session, self.scene
        # Docks let go of the document before it closes.
        self.sessionClosed.emit()
        self.view.setScene(None)
        if scene is not None:
            scene.dispose()
            scene.deleteLater()
        self.undo_group.removeStack(session.undo_stack)
        session.undo_stack.clear()
        self.session = None
        self.scene = None
        session.document.close()
        session.deleteLater()

    def close_document(self) -> None:
        if self.session is None:
            return
        self._close_session()
        self.read_only_banner.show_reason(None)
        self._stack.setCurrentWidget(self._empty)
        self._update_actions()
        self._update_title()
        self._update_counts()

    def new_document(self, path: str | os.PathLike[str], template: str) -> bool:
        """Create *path* from a template ("" for a blank map) and open it."""
        from PySide6.QtWidgets import QMessageBox

        from journeymap.services.templates import create_map_from_template

        try:
            doc = Document.create(path)
            try:
                if template:
                    create_map_from_template(doc, template, lang=current_language())
                else:
                    from journeymap.ui.commands.maps import create_blank_map

                    create_blank_map(doc, translate("MainWindow", "New journey map"))
            finally:
                doc.close()
        except (DocumentError, Exception) as exc:  # templates may raise their own errors
            QMessageBox.critical(self, translate("MainWindow", "Cannot create the document"), error_text(exc))
            return False
        return self.open_path(path)

    def new_from_template_dialog(self) -> None:
        from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

        from journeymap.ui.dialogs.export_dialog import safe_file_name
        from journeymap.ui.dialogs.new_map import NewMapDialog

        dialog = NewMapDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.template_name() is None:
            return
        proposed = os.path.join(self._last_folder(), f"{safe_file_name(dialog.template_title())}.jmap")
        path, _ = QFileDialog.getSaveFileName(self, translate("MainWindow", "New document"), proposed,
                                              translate("MainWindow", DOCUMENT_FILTER))
        if not path:
            return
        if not path.endswith(".jmap"):
            path += ".jmap"
        if Path(path).exists():
            QMessageBox.warning(
                self, translate("MainWindow", "New document"),
                translate("MainWindow", "%1 already exists; choose another name.").replace("%1", path),
            )
            return
        self.new_document(path, dialog.template_name())

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, translate("MainWindow", "Open document"), self._last_folder(),
                                              translate("MainWindow", DOCUMENT_FILTER))
        if path:
            self.open_path(path)

    def save_as(self, target: str | os.PathLike[str]) -> bool:
        """Write a copy of the document and continue editing the copy."""
        from PySide6.QtWidgets import QMessageBox

        if self.session is None:
            return False
        try:
            self.session.document.backup_to(target)
            copy = Document.open(target)
        except (DocumentError, OSError) as exc:
            QMessageBox.critical(self, translate("MainWindow", "Cannot save the document"), error_text(exc))
            return False
        # The same session goes on in the copy: the map shown, the selection and the undo history stay.
        self.session.replace_document(copy)
        return True

    def _document_replaced(self) -> None:
        if self.session is not None:
            path = self.session.document.path
            self._add_recent(str(path.resolve()))
            app_settings.LAST_FOLDER.set(str(path.resolve().parent))
            self._update_title()

    def save_as_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.session is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, translate("MainWindow", "Save as"), self._last_folder(),
                                              translate("MainWindow", DOCUMENT_FILTER))
        if path:
            if not path.endswith(".jmap"):
                path += ".jmap"
            self.save_as(path)

    def _last_folder(self) -> str:
        """Where file dialogs start: the folder last used for documents, never the hidden data folder."""
        from PySide6.QtCore import QStandardPaths

        hidden = app_settings.data_dir(create=False).resolve()
        candidates = [app_settings.LAST_FOLDER.get()]
        if self.session is not None:
            candidates.append(str(self.session.document.path.resolve().parent))
        candidates += [str(Path(p).parent) for p in self.recent_files()[:1]]
        candidates.append(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        for folder in candidates:
            if folder and Path(folder).is_dir() and Path(folder).resolve() != hidden:
                return folder
        return str(Path.home())

    # ================================================================ recent files
    def recent_files(self) -> list[str]:
        return app_settings.RECENT_FILES.get()

    def _add_recent(self, path: str) -> None:
        recent = self.recent_files()
        if recent[:1] == [path]:
            return  # already first: writing the settings file again costs an fsync
        files = [p for p in recent if p != path]
        files.insert(0, path)
        app_settings.RECENT_FILES.set(files[:MAX_RECENT])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        for i, path in enumerate(files):
            a = self.recent_menu.addAction(f"&{i + 1}  {Path(path).name}  —  {Path(path).parent}")
            a.setEnabled(Path(path).exists())
            a.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if files:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(translate("MainWindow", "&Clear list"),
                                       lambda: app_settings.RECENT_FILES.set([]))
        else:
            a = self.recent_menu.addAction(translate("MainWindow", "No recent documents"))
            a.setEnabled(False)
