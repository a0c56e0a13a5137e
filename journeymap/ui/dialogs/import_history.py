"""Data ▸ Import history: the import batches of the current map, and removing one (undoable)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journeymap.i18n import error_text
from journeymap.storage.events_sql import event_batches
from journeymap.ui.dialogs.import_steps import when_text
from journeymap.ui.session import DocumentSession

BATCH_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SOURCE, KIND, WHEN, ROWS, REJECTED = range(5)


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportHistoryDialog", text)


class ImportHistoryDialog(QDialog):
    """One row per import batch (source, survey or event log, date, rows, rejected) with a Remove button.

    A survey's rows are its responses, an event log's its events: the Type column says which, so
    a million-event CRM log is not read as a million survey answers.
    """

    def __init__(self, session: DocumentSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Import history"))
        self.resize(640, 360)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Source"), self.tr("Type"), self.tr("Imported"), self.tr("Rows"), self.tr("Rejected")]
        )
        self.model.horizontalHeaderItem(ROWS).setToolTip(
            self.tr("Responses of a survey, events of an event log"))
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Imports into this map"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(self.tr("No survey data or event log has been imported into this map."))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove this import and all its rows (undoable)"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        session.metricsChanged.connect(self.refresh)
        session.currentMapChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected_batch()
        self.model.removeRows(0, self.model.rowCount())
        map_id = self.session.map_id
        doc = self.session.document
        batches = [] if map_id is None else doc.batches(map_id)
        logs = set() if map_id is None else set(event_batches(doc, map_id))
        for batch in reversed(batches):  # newest first
            source = QStandardItem(batch.source)
            source.setData(batch.id, BATCH_ID_ROLE)
            log = batch.id in logs
            kind = QStandardItem(self.tr("Event log") if log else self.tr("Survey"))
            when = QStandardItem(when_text(batch.imported_at))
            rows = QStandardItem()
            rows.setData(batch.rows, Qt.ItemDataRole.DisplayRole)
            count = self.tr("%n event(s)", "", batch.rows) if log else self.tr("%n response(s)", "", batch.rows)
            rows.setToolTip(count)
            rejected = QStandardItem()
            rejected.setData(batch.rejected, Qt.ItemDataRole.DisplayRole)
            self.model.appendRow([source, kind, when, rows, rejected])
            if batch.id == selected:
                self.table.selectRow(self.model.rowCount() - 1)
        self.table.resizeColumnsToContents()
        self.empty_label.setVisible(not batches)
        self._update_buttons()

    def batch_ids(self) -> list[int]:
        return [self.model.item(r, 0).data(BATCH_ID_ROLE) for r in range(self.model.rowCount())]

    def selected_batch(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.item(rows[0].row(), 0).data(BATCH_ID_ROLE) if rows else None

    def select_batch(self, batch_id: int) -> None:
        if batch_id in self.batch_ids():
            self.table.selectRow(self.batch_ids().index(batch_id))

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected_batch() is not None and not self.session.read_only)

    def remove_selected(self) -> None:
        batch_id = self.selected_batch()
        if batch_id is None:
            return
        try:
            self.session.editor.remove_import(batch_id)
        except Exception as exc:  # noqa: BLE001 - shown to the user; the transaction rolled back
            QMessageBox.warning(self, self.tr("Import history"), error_text(exc))


def open_import_history(parent: QWidget | None, session: DocumentSession) -> None:
    """Data ▸ Import history (modal)."""
    dialog = ImportHistoryDialog(session, parent)
    dialog.exec()
    dialog.deleteLater()


__all__ = ["ImportHistoryDialog", "open_import_history", "tr"]
