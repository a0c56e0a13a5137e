"""Data ▸ Import…: a survey export, its detected layout, what every column becomes, a live preview.

The dialog never writes itself: ``ui.commands.survey_imports.run_survey_import``
runs the headless importer (one transaction; cancel rolls back) and pushes the
import, with any touchpoints created for its columns, as one undo step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journeymap.i18n import error_text, note_text, reason_text
from journeymap.services.import_mapping import guess_mapping
from journeymap.services.importing import (
    MAX_REJECTED_KEPT,
    ImportFileError,
    ImportResult,
    is_aggregated,
)
from journeymap.services.survey_import import Options, SurveyPreview, preview_survey
from journeymap.services.survey_layout import IGNORED, LONG, OVERALL, SCORE, TOUCHPOINT, UNKNOWN, WIDE
from journeymap.ui.commands.survey_imports import run_survey_import
from journeymap.ui.dialogs.import_columns import ColumnTable, touchpoint_name
from journeymap.ui.dialogs.import_steps import FileImportDialog, confirm_again, open_import
from journeymap.ui.session import DocumentSession

PREVIEW_ROWS = 20


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _nps(value: float | None) -> str:
    return "–" if value is None else f"{value:+.0f}"


class ImportDialog(FileImportDialog):
    """Choose a file, check the detected layout, the columns and the preview, import."""

    def __init__(self, session: DocumentSession, parent: QWidget | None = None, path: str | Path | None = None):
        super().__init__(session, parent)
        self.preview: SurveyPreview | None = None
        self.result: ImportResult | None = None
        self.summary: ImportSummaryDialog | None = None
        self.chosen: dict[int, str] = {}  # column -> what the user picked in the table
        self.setWindowTitle(self.tr("Import survey responses"))
        self.resize(980, 720)

        self.file_edit = QLineEdit(readOnly=True)
        self.file_edit.setAccessibleName(self.tr("Survey file"))
        self.file_edit.setPlaceholderText(self.tr("Choose a CSV or Excel (.xlsx) file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        self.sheet_combo = QComboBox()
        self.sheet_combo.currentTextChanged.connect(self._sheet_changed)
        self.sheet_label = QLabel(self.tr("Sheet:"))
        self.sheet_label.setBuddy(self.sheet_combo)
        self.layout_combo = QComboBox()
        self.layout_combo.addItem(self.tr("Wide: one row per respondent, one column per touchpoint"), WIDE)
        self.layout_combo.addItem(self.tr("Long: one row per answer, with a touchpoint column"), LONG)
        self.layout_combo.setAccessibleName(self.tr("Layout of the file"))
        self.layout_combo.currentIndexChanged.connect(self._layout_changed)
        top = QHBoxLayout()
        top.addWidget(self.file_edit, 1)
        top.addWidget(browse)
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet_combo)

        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #B9770E;")
        layout_row = QHBoxLayout()
        layout_label = QLabel(self.tr("&Layout:"))
        layout_label.setBuddy(self.layout_combo)
        layout_row.addWidget(layout_label)
        layout_row.addWidget(self.layout_combo, 1)

        self.columns = ColumnTable()
        self.columns.changed.connect(self._columns_changed)
        self.model = QStandardItemModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("First rows of the file"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.nps_model = QStandardItemModel(0, 3, self)
        self.nps_table = QTableView()
        self.nps_table.setAccessibleName(self.tr("NPS per touchpoint of the first rows"))
        self.nps_table.setModel(self.nps_model)
        self.nps_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.nps_table.verticalHeader().hide()
        self.nps_table.horizontalHeader().setStretchLastSection(True)
        self.nps_label = QLabel()
        self.nps_label.setWordWrap(True)
        preview_box = QWidget()
        pv = QVBoxLayout(preview_box)
        pv.setContentsMargins(0, 0, 0, 0)
        pv.addWidget(QLabel(self.tr("NPS per touchpoint from the first rows (what the import will add):")))
        pv.addWidget(self.nps_table, 1)
        pv.addWidget(self.nps_label)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.table)
        lower.addWidget(preview_box)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.columns)
        split.addWidget(lower)

        self.profile_check = QCheckBox(self.tr("&Remember this mapping for files like this one, as:"))
        self.profile_check.setChecked(True)
        self.profile_edit = QLineEdit()
        self.profile_edit.setAccessibleName(self.tr("Import profile name"))
        profile_row = QHBoxLayout()
        profile_row.addWidget(self.profile_check)
        profile_row.addWidget(self.profile_edit, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info_label)
        layout.addLayout(layout_row)
        layout.addWidget(self.warning_label)
        layout.addWidget(split, 1)
        layout.addLayout(profile_row)
        layout.addWidget(self.buttons)
        self._show_sheets([])
        if path is not None:
            self.load(path)

    # ----------------------------------------------------------------- file
    def title(self) -> str:
        return self.tr("Import")

    def file_caption_and_filter(self) -> tuple[str, str]:
        return (self.tr("Import survey responses"),
                self.tr("Survey files (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)"))

    def options(self) -> Options:
        layout = self.layout_combo.currentData() if self.preview is not None else None
        columns: dict[str | int, str] = {}
        for column, key in self.chosen.items():
            if key.startswith("tp:"):
                columns[column] = key[3:]
            elif key.startswith("new:") or key == UNKNOWN:
                columns[column] = IGNORED  # the new touchpoint's id is only known at import
            else:
                columns[column] = key
        return Options(layout=layout, columns=columns)

    def load(self, path: str | Path, sheet: str | None = None) -> bool:
        """Read the file's plan and preview; False (and a message) if the file is unusable."""
        self.path = Path(path)
        self.file_edit.setText(str(self.path))
        self.chosen = {}
        self.profile_edit.setText(self.path.stem)
        return self._refresh(sheet, first=True)

    def _refresh(self, sheet: str | None = None, first: bool = False) -> bool:
        assert self.path is not None
        if sheet is None and self.preview is not None and not first:
            sheet = self.preview.sheet or None
        opts = Options() if first else self.options()
        try:
            doc, map_id = self.session.document, self.session.map_id
            self.preview = preview_survey(doc, map_id, self.path, options=opts, sheet=sheet)  # type: ignore[arg-type]
        except (ImportFileError, OSError) as exc:
            self.preview = None
            self.model.clear()
            self.columns.setRowCount(0)
            self.nps_model.removeRows(0, self.nps_model.rowCount())
            self._show_sheets([])
            self.info_label.setText(error_text(exc))
            self.info_label.setStyleSheet("color: #C0392B;")
            self.import_button.setEnabled(False)
            return False
        p = self.preview
        self.info_label.setStyleSheet("")
        self.info_label.setText(self._describe(p))
        self.layout_combo.blockSignals(True)
        self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData(p.plan.layout)))
        self.layout_combo.blockSignals(False)
        self.layout_combo.setEnabled(not self.aggregated())
        self._show_sheets(p.sheet_names, p.sheet)
        self._fill_preview(p)
        doc = self.session.document
        self.columns.show_plan(p.plan, p.header, doc.touchpoints(self.session.map_id),  # type: ignore[arg-type]
                               doc.stages(self.session.map_id), self.chosen)  # type: ignore[arg-type]
        self._fill_nps(p)
        self._check()
        return True

    def _describe(self, p: SurveyPreview) -> str:
        if p.kind == "csv":
            delim = {"\t": self.tr("tab"), " ": self.tr("space")}.get(p.delimiter, p.delimiter)
            text = self.tr("CSV file, encoding %1, separator “%2”.").replace("%1", p.encoding).replace("%2", delim)
        else:
            text = self.tr("Excel workbook, sheet “%1”.").replace("%1", p.sheet)
        tool = {"qualtrics": self.tr("Qualtrics export"), "surveymonkey": self.tr("SurveyMonkey export")}
        if p.plan.tool:
            text += " " + tool[p.plan.tool] + "."
        if self.aggregated():
            text += " " + self.tr(
                "Aggregated file: each row adds that many promoters (10), passives (8) and detractors (0).")
        elif p.plan.layout == WIDE:
            text += " " + self.tr("Detected layout: wide (one row per respondent, one column per touchpoint).")
        else:
            text += " " + self.tr("Detected layout: long (one row per answer).")
        notes = [note_text(n) for n in p.plan.notes]
        return text + ("\n" + "\n".join(notes) if notes else "")

    def aggregated(self) -> bool:
        return self.preview is not None and is_aggregated(guess_mapping(self.preview.header.codes))

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
            self.chosen = {}
            self._refresh(name, first=True)

    def _layout_changed(self) -> None:
        if self.preview is not None:
            self.chosen = {}
            self._refresh()

    def _columns_changed(self) -> None:
        if self.preview is None:
            return
        keys = self.columns.keys()
        plan = self.preview.plan
        for col in plan.columns:
            key = keys.get(col.index)
            if key is not None and key != ColumnTable.key_of(col.role, col.touchpoint_id):
                self.chosen[col.index] = key
        self._refresh()

    def set_column(self, column: int, key: str) -> bool:
        """Choose what *column* (0-based) becomes: a role, ``tp:<id>`` or ``new:<stage id>``."""
        return self.columns.set_key(column, key)

    def _fill_preview(self, p: SurveyPreview) -> None:
        self.model.clear()
        rows = p.header.sample[:PREVIEW_ROWS]
        labels = [c.shown for c in p.plan.columns]
        width = max([len(labels), *(len(r) for r in rows)]) if rows else len(labels)
        labels += [self.tr("Column %1").replace("%1", str(i + 1)) for i in range(len(labels), width)]
        self.model.setColumnCount(width)
        self.model.setHorizontalHeaderLabels([h or self.tr("Column %1").replace("%1", str(i + 1))
                                              for i, h in enumerate(labels)])
        for i, row in enumerate(rows):
            items = [QStandardItem(_cell(v)) for v in row]
            self.model.appendRow(items)
            self.model.setVerticalHeaderItem(i, QStandardItem(str(p.header_row + 1 + i)))
        self.table.resizeColumnsToContents()

    def _fill_nps(self, p: SurveyPreview) -> None:
        self.nps_model.clear()
        self.nps_model.setHorizontalHeaderLabels([self.tr("Touchpoint"), self.tr("Answers"), self.tr("NPS")])
        titles = {tp.id: tp.title for tp in self.session.document.touchpoints(self.session.map_id)}  # type: ignore[arg-type]
        for tp, summary in sorted(p.nps.items(), key=lambda kv: titles.get(kv[0], "")):
            n = QStandardItem()
            n.setData(summary.n, Qt.ItemDataRole.DisplayRole)
            self.nps_model.appendRow([QStandardItem(titles.get(tp, str(tp))), n, QStandardItem(_nps(summary.nps))])
        self.nps_table.resizeColumnsToContents()
        sampled = len(p.header.sample)
        text = self.tr("From the first %Ln rows.", "", sampled)
        if p.overall.n:
            text += " " + self.tr("Overall NPS: %1 (%Ln answers).", "", p.overall.n).replace("%1", _nps(p.overall.nps))
        unknown = [c.shown for c in p.plan.columns if c.role == UNKNOWN and c.index not in self.chosen]
        if unknown:
            text += "\n" + self.tr("Not imported, they name no touchpoint (map them above): %1").replace(
                "%1", "; ".join(unknown))
        self.nps_label.setText(text)

    def _check(self) -> None:
        p = self.preview
        problem = ""
        warning = ""
        if p is None:
            problem = " "
        elif not self.aggregated():
            plan = p.plan
            new = any(k.startswith("new:") for k in self.chosen.values())
            if plan.layout == LONG and plan.first(TOUCHPOINT) is None:
                problem = self.tr("Choose the column that names the touchpoint.")
            elif plan.layout == LONG and plan.first(SCORE) is None and not plan.by_role("sentiment"):
                problem = self.tr("Choose the score column.")
            elif plan.layout == WIDE and not new and plan.first(OVERALL) is None and not any(
                    c.touchpoint_id is not None for c in plan.columns):
                problem = self.tr("No column names a touchpoint of this map: choose what the columns are about.")
        if p is not None and p.already is not None:
            warning = self.tr("This file was already imported into this map (%1). Importing it again adds "
                              "its answers twice.").replace("%1", p.already.imported_at)
        self.warning_label.setText(problem.strip() or warning)
        self.warning_label.setVisible(bool(problem.strip() or warning))
        self.import_button.setEnabled(not problem and not self.session.read_only)

    # --------------------------------------------------------------- import
    def start_import(self, again: bool | None = None) -> ImportResult | None:
        """Import with a cancellable progress dialog, then show the summary."""
        if self.path is None or self.preview is None:
            return None
        if again is None:
            again = False
            if self.preview.already is not None:
                if not confirm_again(self, self.tr("Import"), self.preview.already.imported_at):
                    return None
                again = True
        options = self.options()
        if self.profile_check.isChecked() and self.profile_edit.text().strip():
            options.save_profile = self.profile_edit.text().strip()
        new = {}
        for column, key in self.chosen.items():
            if key.startswith("new:"):
                col = self.preview.plan.columns[column]
                new[column] = (touchpoint_name(col.label or col.code), int(key[4:]))
        result = self.run_cancellable(lambda progress, cancel: run_survey_import(
            self.session, self.path, options=options, new_touchpoints=new, sheet=self.preview.sheet or None,
            again=again, progress=progress, cancel=cancel,
        ))
        if result is None:
            return None
        self.result = result
        self.summary = ImportSummaryDialog(result, self.parentWidget())
        self.summary.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary.open()
        self.accept()
        return result


class ImportSummaryDialog(QDialog):
    """What an import did: counts, what it decided, the rejected rows (savable as CSV to fix in Excel)."""

    def __init__(self, result: ImportResult, parent: QWidget | None = None):
        super().__init__(parent)
        self.result = result
        self.setWindowTitle(self.tr("Import finished"))
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        rejected = self.tr("%Ln rows rejected", "", result.rejected)
        if result.imported or result.overall:
            text = self.tr("Imported %Ln responses from %1", "", result.imported).replace("%1", result.source)
            text = f"{text}; {rejected}."
        else:
            text = self.tr("Nothing was imported from %1 (%2); the document is unchanged.")
            text = text.replace("%1", result.source).replace("%2", rejected)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.notes_label = QLabel("\n".join(note_text(n) for n in result.notes))
        self.notes_label.setWordWrap(True)
        self.notes_label.setVisible(bool(result.notes))
        layout.addWidget(self.notes_label)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Reason"), self.tr("Values")])
        for row in result.rejected_rows:
            number = QStandardItem()
            number.setData(row.row_number, Qt.ItemDataRole.DisplayRole)
            values = " | ".join(_cell(v) for v in row.values)
            self.model.appendRow([number, QStandardItem(reason_text(row)), QStandardItem(values)])
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
        self.save_button = buttons.addButton(self.tr("&Save Rejected Rows…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setVisible(bool(result.rejected_rows))
        self.save_button.clicked.connect(self.save_rejected)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def save_rejected(self, path: str | Path | None = None) -> bool:
        """Save the rejected rows as CSV with a reason column (asks for a file when *path* is None)."""
        from journeymap.services.import_rejects import write_rejected

        if not path:
            stem = Path(self.result.source.split(" (")[0]).stem
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Rejected Rows"), f"{stem}-rejected.csv",
                                                  self.tr("CSV files (*.csv)"))
            if not path:
                return False
        try:
            write_rejected(self.result, path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save Rejected Rows"),
                                self.tr("The rejected rows could not be saved: %1").replace("%1", str(exc)))
            return False
        return True


def open_import_dialog(parent: QWidget | None, session: DocumentSession) -> None:
    """Data ▸ Import…: ask for a file, then show the import dialog (modal)."""
    open_import(parent, session, tr("Import"), ImportDialog)


__all__ = ["ImportDialog", "ImportSummaryDialog", "open_import_dialog"]
