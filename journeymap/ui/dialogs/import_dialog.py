"""File ▸ Import…: preview a survey file, map its columns, import with a cancellable progress.

The dialog never writes itself: ``ui.commands.imports.run_import`` runs the
headless importer (one transaction; cancel rolls back) and pushes the batch
as one undo step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journeymap.i18n import error_text, reason_text
from journeymap.services.import_mapping import COUNT_FIELDS
from journeymap.services.importing import (
    MAX_REJECTED_KEPT,
    FilePreview,
    ImportCancelled,
    ImportFileError,
    ImportResult,
    preview_file,
)
from journeymap.storage import DocumentError
from journeymap.ui.commands.imports import run_import
from journeymap.ui.session import DocumentSession

PREVIEW_ROWS = 20
PROGRESS_STEPS = 1000


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def field_labels() -> dict[str, str]:
    return {
        "touchpoint": tr("Touchpoint (id or title)"),
        "score": tr("Score (0–10)"),
        "sentiment": tr("Sentiment"),
        "comment": tr("Comment"),
        "date": tr("Date"),
        "segment": tr("Segment"),
        "promoters": tr("Promoters (count)"),
        "passives": tr("Passives (count)"),
        "detractors": tr("Detractors (count)"),
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


class ImportDialog(QDialog):
    """Choose a file, check the preview and the column mapping, import."""

    def __init__(self, session: DocumentSession, parent: QWidget | None = None, path: str | Path | None = None):
        super().__init__(parent)
        self.session = session
        self.path: Path | None = None
        self.preview: FilePreview | None = None
        self.result: ImportResult | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.summary: ImportSummaryDialog | None = None
        self.message: QMessageBox | None = None
        self.setWindowTitle(self.tr("Import survey responses"))
        self.resize(820, 640)

        self.file_edit = QLineEdit(readOnly=True)
        self.file_edit.setAccessibleName(self.tr("Survey file"))
        self.file_edit.setPlaceholderText(self.tr("Choose a CSV or Excel (.xlsx) file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        self.sheet_combo = QComboBox()
        self.sheet_combo.currentTextChanged.connect(self._sheet_changed)
        self.sheet_label = QLabel(self.tr("Sheet:"))
        self.sheet_label.setBuddy(self.sheet_combo)
        top = QHBoxLayout()
        top.addWidget(self.file_edit, 1)
        top.addWidget(browse)
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet_combo)

        self.info_label = QLabel()
        self.info_label.setWordWrap(True)

        self.model = QStandardItemModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("First rows of the file"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        mapping_box = QGroupBox(self.tr("Columns"))
        form = QFormLayout(mapping_box)
        self.combos: dict[str, QComboBox] = {}
        for name, label in field_labels().items():
            combo = QComboBox()
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[name] = combo
            form.addRow(label, combo)
        self.mode_label = QLabel()
        self.mode_label.setWordWrap(True)
        form.addRow(self.mode_label)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(mapping_box)
        layout.addWidget(self.buttons)
        self._show_sheets([])
        if path is not None:
            self.load(path)

    # ----------------------------------------------------------------- file
    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import survey responses"), str(self.path.parent if self.path else ""),
            self.tr("Survey files (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)"),
        )
        if name:
            self.load(name)

    def load(self, path: str | Path, sheet: str | None = None) -> bool:
        """Read the preview and the guessed mapping; False (and a message) if the file is unusable."""
        self.path = Path(path)
        self.file_edit.setText(str(self.path))
        try:
            self.preview = preview_file(self.path, sheet=sheet, limit=PREVIEW_ROWS)
        except (ImportFileError, OSError) as exc:
            self.preview = None
            self.model.clear()
            self._fill_combos([], {})
            self._show_sheets([])
            self.info_label.setText(error_text(exc))
            self.info_label.setStyleSheet("color: #C0392B;")
            self.import_button.setEnabled(False)
            return False
        p = self.preview
        self.info_label.setStyleSheet("")
        if p.kind == "csv":
            delim = {"\t": self.tr("tab"), " ": self.tr("space")}.get(p.delimiter, p.delimiter)
            self.info_label.setText(
                self.tr("CSV file, encoding %1, separator “%2”. First %Ln rows:", "", len(p.rows))
                .replace("%1", p.encoding).replace("%2", delim)
            )
        else:
            self.info_label.setText(
                self.tr("Excel workbook, sheet “%1”. First %Ln rows:", "", len(p.rows))
                .replace("%1", p.sheet)
            )
        self._show_sheets(p.sheet_names, p.sheet)
        self._fill_preview(p)
        self._fill_combos(p.headers, p.mapping)
        return True

    def _show_sheets(self, names: list[str], current: str = "") -> None:
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(names)
        if current:
            self.sheet_combo.setCurrentText(current)
        self.sheet_combo.blockSignals(False)
        visible = len(names) > 1
        self.sheet_combo.setVisible(visible)
        self.sheet_label.setVisible(visible)

    def _sheet_changed(self, name: str) -> None:
        if self.path is not None and name and self.preview and name != self.preview.sheet:
            self.load(self.path, name)

    def _fill_preview(self, p: FilePreview) -> None:
        self.model.clear()
        width = max([len(p.headers), *(len(r) for r in p.rows)]) if p.rows else len(p.headers)
        headers = [h or self.tr("Column %1").replace("%1", str(i + 1)) for i, h in enumerate(p.headers)]
        headers += [self.tr("Column %1").replace("%1", str(i + 1)) for i in range(len(headers), width)]
        self.model.setColumnCount(width)
        self.model.setHorizontalHeaderLabels(headers)
        for i, row in enumerate(p.rows):
            items = []
            for value in row:
                item = QStandardItem(_cell(value))
                item.setEditable(False)
                items.append(item)
            self.model.appendRow(items)
            self.model.setVerticalHeaderItem(i, QStandardItem(str(p.header_row + 1 + i)))
        self.table.resizeColumnsToContents()

    def _fill_combos(self, headers: list[str], mapping: dict[str, int | None]) -> None:
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(none)"), None)
            for i, h in enumerate(headers):
                combo.addItem(f"{i + 1}: {h}" if h else self.tr("Column %1").replace("%1", str(i + 1)), i)
            col = mapping.get(name)
            combo.setCurrentIndex(0 if col is None else col + 1)
            combo.blockSignals(False)
        self._mapping_changed()

    # -------------------------------------------------------------- mapping
    def mapping(self) -> dict[str, int | None]:
        """0-based column per field, as chosen in the form."""
        return {name: combo.currentData() for name, combo in self.combos.items()}

    def set_column(self, field: str, index: int | None) -> None:
        """Choose a column (0-based) for *field*; None unmaps it (for tests and scripting)."""
        combo = self.combos[field]
        combo.setCurrentIndex(0 if index is None else index + 1)

    def columns(self) -> dict[str, int | None]:
        """The mapping as ``import_file(columns=...)`` wants it: 1-based indexes, None for none."""
        return {f: (None if c is None else c + 1) for f, c in self.mapping().items()}

    def aggregated(self) -> bool:
        m = self.mapping()
        return m["score"] is None and any(m[f] is not None for f in COUNT_FIELDS)

    def _mapping_changed(self) -> None:
        m = self.mapping()
        problem = ""
        if self.preview is None:
            problem = " "
        elif m["touchpoint"] is None:
            problem = self.tr("Choose the column that names the touchpoint.")
        elif m["score"] is None and not self.aggregated():
            problem = self.tr("Choose the score column, or the promoters/passives/detractors counts.")
        else:
            used = [c for c in m.values() if c is not None]
            if len(used) != len(set(used)):
                problem = self.tr("Each column can be used for one field only.")
        if problem.strip():
            self.mode_label.setText(problem)
        elif self.aggregated():
            self.mode_label.setText(self.tr(
                "Aggregated file: each row adds that many promoters (10), passives (8) and detractors (0)."
            ))
        elif self.preview is not None and any(m[f] is not None for f in COUNT_FIELDS):
            self.mode_label.setText(self.tr("One response per row; the count columns are ignored."))
        else:
            self.mode_label.setText(self.tr("One response per row."))
        self.import_button.setEnabled(not problem and not self.session.read_only)

    # --------------------------------------------------------------- import
    def start_import(self) -> ImportResult | None:
        """Import with a cancellable progress dialog, then show the summary."""
        if self.path is None or self.preview is None:
            return None
        progress = QProgressDialog(self.tr("Importing %1…").replace("%1", self.path.name),
                                   self.tr("Cancel"), 0, PROGRESS_STEPS, self)
        progress.setWindowTitle(self.tr("Import"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self.progress_dialog = progress

        def on_progress(done: int, total: int) -> None:
            progress.setValue(int(PROGRESS_STEPS * done / total) if total else 0)
            QApplication.processEvents()

        columns = self.columns()
        if self.aggregated():
            columns["score"] = None
        sheet = self.preview.sheet or None
        try:
            result = run_import(
                self.session, self.path, columns=columns, sheet=sheet,
                progress=on_progress, cancel=progress.wasCanceled,
            )
        except ImportCancelled:
            self._tell(QMessageBox.Icon.Information, self.tr("Import cancelled; nothing was changed."))
            return None
        except (ImportFileError, DocumentError, OSError) as exc:
            self._tell(QMessageBox.Icon.Warning,
                       self.tr("The file could not be imported; nothing was changed.") + "\n\n" + error_text(exc))
            return None
        finally:
            progress.close()
        self.result = result
        self.summary = ImportSummaryDialog(result, self.parentWidget())
        self.summary.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary.open()
        self.accept()
        return result

    def _tell(self, icon: QMessageBox.Icon, text: str) -> None:
        self.message = QMessageBox(icon, self.tr("Import"), text, QMessageBox.StandardButton.Ok, self)
        self.message.open()


class ImportSummaryDialog(QDialog):
    """What an import did: counts, and the rejected rows with their file row number and reason."""

    def __init__(self, result: ImportResult, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import finished"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        rejected = self.tr("%Ln rows rejected", "", result.rejected)
        if result.imported:
            text = self.tr("Imported %Ln responses from %1", "", result.imported).replace("%1", result.source)
            text = f"{text}; {rejected}."
        else:
            text = self.tr("Nothing was imported from %1 (%2); the document is unchanged.")
            text = text.replace("%1", result.source).replace("%2", rejected)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Reason"), self.tr("Values")])
        for row in result.rejected_rows:
            number = QStandardItem()
            number.setData(row.row_number, Qt.ItemDataRole.DisplayRole)
            values = " | ".join(_cell(v) for v in row.values)
            self.model.appendRow([number, QStandardItem(reason_text(row.reason)), QStandardItem(values)])
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Rejected rows"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.table.setVisible(bool(result.rejected_rows))
        layout.addWidget(self.table, 1)
        if result.rejected > len(result.rejected_rows):
            more = QLabel(self.tr("Only the first %1 rejected rows are listed.").replace(
                "%1", f"{MAX_REJECTED_KEPT:,}"))
            layout.addWidget(more)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


def open_import_dialog(parent: QWidget | None, session: DocumentSession) -> None:
    """File ▸ Import…: ask for a file, then show the import dialog (modal)."""
    if session.read_only:
        QMessageBox.information(parent, tr("Import"), tr("The document is open read-only."))
        return
    if session.map_id is None:
        QMessageBox.information(parent, tr("Import"), tr("Create a map first."))
        return
    dialog = ImportDialog(session, parent)
    dialog.browse()
    if dialog.path is None:
        dialog.deleteLater()
        return
    dialog.exec()
    dialog.deleteLater()


__all__ = ["ImportDialog", "ImportSummaryDialog", "open_import_dialog"]
