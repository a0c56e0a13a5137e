"""Data ▸ Import Events…: a CRM or web-analytics log, which column is what, the first rows, unknown touchpoints.

Like the survey import dialog (whose progress handling and summary it shares),
it never writes itself: ``ui.commands.event_imports.run_event_import`` runs the
headless importer (one transaction; cancel rolls back) and pushes one undo step.
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
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journeymap.i18n import QT_TRANSLATE_NOOP, error_text
from journeymap.services.event_import import (
    EVENT_FIELDS,
    EventImportResult,
    EventPreview,
    ImportFileError,
    preview_events,
)
from journeymap.storage import DocumentError
from journeymap.ui.commands.event_imports import run_event_import
from journeymap.ui.dialogs.import_dialog import ImportSummaryDialog, _cell
from journeymap.ui.dialogs.import_steps import FileImportDialog, confirm_again, open_import
from journeymap.ui.session import DocumentSession

PREVIEW_ROWS = 20
SHOWN_NAMES = 8


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """With *n*: a numerus form, the language's plural chosen."""
    return QCoreApplication.translate("EventImportDialog", text, disambiguation, n)


# What each field is, as the column choosers name it.
FIELD_LABELS = {
    "customer": QT_TRANSLATE_NOOP("EventImportDialog", "&Customer or session:"),
    "time": QT_TRANSLATE_NOOP("EventImportDialog", "&Date and time:"),
    "touchpoint": QT_TRANSLATE_NOOP("EventImportDialog", "&Touchpoint:"),
    "channel": QT_TRANSLATE_NOOP("EventImportDialog", "C&hannel:"),
    "outcome": QT_TRANSLATE_NOOP("EventImportDialog", "&Outcome:"),
}
REQUIRED = ("customer", "time", "touchpoint")


class EventImportDialog(FileImportDialog):
    """Choose a log, check what each column is and the first rows, import."""

    def __init__(self, session: DocumentSession, parent: QWidget | None = None, path: str | Path | None = None):
        super().__init__(session, parent)
        self.preview: EventPreview | None = None
        self.result: EventImportResult | None = None
        self.summary: ImportSummaryDialog | None = None
        self.setWindowTitle(self.tr("Import events"))
        self.resize(900, 620)

        self.file_edit = QLineEdit(readOnly=True)
        self.file_edit.setAccessibleName(self.tr("Event log file"))
        self.file_edit.setPlaceholderText(self.tr("Choose a CSV or Excel (.xlsx) export of a CRM or web analytics"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setAccessibleName(self.tr("Sheet"))
        self.sheet_combo.currentTextChanged.connect(self._sheet_changed)
        top = QHBoxLayout()
        top.addWidget(self.file_edit, 1)
        top.addWidget(browse)
        top.addWidget(self.sheet_combo)

        self.info_label = QLabel(self.tr(
            "One row per event: who (a customer or session id), when, and which touchpoint (a card's title or "
            "id). A channel and an outcome (purchase, churn…) are optional."))
        self.info_label.setWordWrap(True)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for name in EVENT_FIELDS:
            combo = QComboBox()
            combo.currentIndexChanged.connect(self._columns_changed)
            label = QLabel(self.tr(FIELD_LABELS[name]))
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.combos[name] = combo
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #B9770E;")

        self.model = QStandardItemModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("First rows of the file"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.new_cards_check = QCheckBox(self.tr("Add the touchpoints the map does not have as &new cards"))
        self.unknown_label = QLabel()
        self.unknown_label.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info_label)
        layout.addLayout(form)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.unknown_label)
        layout.addWidget(self.new_cards_check)
        layout.addWidget(self.buttons)
        self.sheet_combo.hide()
        if path is not None:
            self.load(path)

    # ----------------------------------------------------------------- file
    def title(self) -> str:
        return self.tr("Import events")

    def file_caption_and_filter(self) -> tuple[str, str]:
        return self.tr("Import events"), self.tr("Event logs (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)")

    def load(self, path: str | Path, sheet: str | None = None) -> bool:
        """Read the file's header and first rows; False (and a message) when it cannot be read."""
        try:
            preview = preview_events(self.session.document, self.session.map_id, path, sheet=sheet,  # type: ignore[arg-type]
                                     limit=PREVIEW_ROWS)
        except (ImportFileError, DocumentError, OSError) as exc:
            self.tell(QMessageBox.Icon.Warning, self.tr("The file cannot be read.") + "\n\n" + error_text(exc))
            return False
        self.path = Path(path)
        self.preview = preview
        self.file_edit.setText(str(self.path))
        self._show_sheets(preview.sheet_names, preview.sheet)
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(none)"), None)
            for i, header in enumerate(preview.headers):
                combo.addItem(header or self.tr("Column %1").replace("%1", str(i + 1)), i)
            at = preview.mapping.get(name)
            combo.setCurrentIndex(0 if at is None else at + 1)
            combo.blockSignals(False)
        self._fill_rows()
        self._columns_changed()
        return True

    def _show_sheets(self, names: list[str], current: str) -> None:
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(names)
        if current:
            self.sheet_combo.setCurrentText(current)
        self.sheet_combo.setVisible(len(names) > 1)
        self.sheet_combo.blockSignals(False)

    def _sheet_changed(self, name: str) -> None:
        if self.path is not None and name:
            self.load(self.path, name)

    def _fill_rows(self) -> None:
        p = self.preview
        assert p is not None
        self.model.clear()
        self.model.setColumnCount(len(p.headers))
        self.model.setHorizontalHeaderLabels(list(p.headers))
        for row in p.rows:
            self.model.appendRow([QStandardItem(_cell(v)) for v in row])
        self.table.resizeColumnsToContents()

    # -------------------------------------------------------------- columns
    def columns(self) -> dict[str, int | None]:
        """The chosen 0-based column of every field (None: not in the file)."""
        return {name: combo.currentData() for name, combo in self.combos.items()}

    def _columns_changed(self) -> None:
        if self.preview is None:
            return
        chosen = self.columns()
        missing = [n for n in REQUIRED if chosen[n] is None]
        used = [c for c in chosen.values() if c is not None]
        problems = []
        if missing:
            problems.append(self.tr("Choose the columns of: %1.").replace(
                "%1", ", ".join(self.tr(FIELD_LABELS[n]).replace("&", "").rstrip(":") for n in missing)))
        if len(used) != len(set(used)):
            problems.append(self.tr("The same column is chosen twice."))
        self.warning_label.setText(" ".join(problems))
        self.warning_label.setVisible(bool(problems))
        self.import_button.setEnabled(not problems)
        self._show_unknown()

    def _show_unknown(self) -> None:
        assert self.preview is not None
        names = self.preview.unknown_names if self.columns()["touchpoint"] == self.preview.mapping["touchpoint"] \
            else []
        if names:
            shown = ", ".join(names[:SHOWN_NAMES]) + ("…" if len(names) > SHOWN_NAMES else "")
            self.unknown_label.setText(self.tr(
                "The first rows name touchpoints the map does not have: %1. Their events are rejected unless "
                "you add them as new cards.").replace("%1", shown))
        self.unknown_label.setVisible(bool(names))
        self.new_cards_check.setChecked(bool(names) and self.new_cards_check.isChecked())

    # --------------------------------------------------------------- import
    def start_import(self, again: bool | None = None) -> EventImportResult | None:
        if self.path is None or self.preview is None:
            return None
        if again is None:
            again = False
            if self.preview.already is not None:
                if not confirm_again(self, self.tr("Import events"), self.preview.already.imported_at):
                    return None
                again = True
        columns: dict[str, Any] = {n: (None if c is None else c + 1) for n, c in self.columns().items()}
        result = self.run_cancellable(lambda progress, cancel: run_event_import(
            self.session, self.path, columns=columns, sheet=self.preview.sheet or None,  # type: ignore[arg-type]
            new_cards=self.new_cards_check.isChecked(), again=again, progress=progress, cancel=cancel,
        ))
        if result is None:
            return None
        self.result = result
        self.summary = ImportSummaryDialog(result, self.parentWidget())
        self.summary.setWindowTitle(self.tr("Import finished"))
        self.summary.label.setText(summary_text(result))
        self.summary.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary.open()
        self.accept()
        return result


def summary_text(result: EventImportResult) -> str:
    """What the import did, with real plurals."""
    rejected = tr("%n rows rejected", "", result.rejected)
    if not result.imported:
        return tr("Nothing was imported from %1 (%2); the document is unchanged.").replace(
            "%1", result.source).replace("%2", rejected)
    events = tr("Imported %n events", "", result.imported)
    customers = tr("of %n customers", "", result.customers)
    parts = [f"{events} {customers} " + tr("from %1").replace("%1", result.source), rejected]
    if result.new_touchpoints:
        parts.append(tr("%n new cards", "", len(result.new_touchpoints)))
    if result.unknown_names:
        names = ", ".join(list(result.unknown_names)[:SHOWN_NAMES])
        parts.append(tr("touchpoints not on the map: %1").replace("%1", names))
    return "; ".join(parts) + "."


def open_event_import_dialog(parent: QWidget | None, session: DocumentSession) -> None:
    """Data ▸ Import Events…: ask for a file, then show the dialog (modal)."""
    open_import(parent, session, tr("Import events"), EventImportDialog)


__all__ = ["EventImportDialog", "open_event_import_dialog", "summary_text"]
