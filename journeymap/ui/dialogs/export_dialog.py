"""File ▸ Export: the map as PNG, SVG or PDF (through the canvas's own scene) or its data as CSV, XLSX, JSON.

The main window wires two entry points:

- ``open_export_dialog(parent, session, scene)``: choose a format and its
  options, then a file; the export runs on the live scene, which is put back
  exactly as it was (selection, overlays, background).
- ``copy_image_to_clipboard(scene)``: Edit ▸ Copy map as image.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journeymap.i18n import current_language, error_text
from journeymap.services.exporting import ExportError, export_data
from journeymap.ui.export.render import (
    OVERLAYS,
    ImageOptions,
    content_rect,
    copy_to_clipboard,
    export_image,
    export_rect,
    image_size,
    scene_overlays,
)
from journeymap.ui.session import DocumentSession


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


# (key, label, file filter)
FORMAT_CHOICES = (
    (
        "png",
        QT_TRANSLATE_NOOP("ExportDialog", "PNG image"),
        QT_TRANSLATE_NOOP("ExportDialog", "PNG image (*.png)"),
    ),
    (
        "svg",
        QT_TRANSLATE_NOOP("ExportDialog", "SVG vector image"),
        QT_TRANSLATE_NOOP("ExportDialog", "SVG image (*.svg)"),
    ),
    (
        "pdf",
        QT_TRANSLATE_NOOP("ExportDialog", "PDF document"),
        QT_TRANSLATE_NOOP("ExportDialog", "PDF document (*.pdf)"),
    ),
    (
        "csv",
        QT_TRANSLATE_NOOP("ExportDialog", "CSV: touchpoints and metrics"),
        QT_TRANSLATE_NOOP("ExportDialog", "CSV file (*.csv)"),
    ),
    (
        "xlsx",
        QT_TRANSLATE_NOOP("ExportDialog", "Excel workbook: touchpoints and metrics"),
        QT_TRANSLATE_NOOP("ExportDialog", "Excel workbook (*.xlsx)"),
    ),
    (
        "json",
        QT_TRANSLATE_NOOP("ExportDialog", "JSON: the whole map"),
        QT_TRANSLATE_NOOP("ExportDialog", "JSON file (*.json)"),
    ),
)
OVERLAY_LABELS = {
    "nps": QT_TRANSLATE_NOOP("ExportDialog", "NPS"),
    "sentiment": QT_TRANSLATE_NOOP("ExportDialog", "Sentiment"),
    "emotion": QT_TRANSLATE_NOOP("ExportDialog", "Emotion curve"),
    "photos": QT_TRANSLATE_NOOP("ExportDialog", "Photos"),
}
PAGE_CHOICES = (
    ("fit", QT_TRANSLATE_NOOP("ExportDialog", "One page sized to the map")),
    ("a4", QT_TRANSLATE_NOOP("ExportDialog", "A4 landscape")),
    ("a3", QT_TRANSLATE_NOOP("ExportDialog", "A3 landscape")),
)

_last_folder: str | None = None


def safe_file_name(title: str) -> str:
    """A file name from a map title: no path separators or characters file systems refuse."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title).strip(" .")
    name = re.sub(r"\s+", " ", name)
    return name[:80] or "journey map"


class ExportDialog(QDialog):
    def __init__(self, session: DocumentSession, scene, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.scene = scene
        self.setWindowTitle(tr("Export map"))
        self.setObjectName("ExportDialog")

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.format_combo = QComboBox()
        for key, label, _filter in FORMAT_CHOICES:
            self.format_combo.addItem(tr(label), key)
        form.addRow(tr("Format:"), self.format_combo)
        layout.addLayout(form)

        # ---- PNG
        self.png_box = QGroupBox(tr("Image size"))
        grid = QFormLayout(self.png_box)
        self.scale_radio = QRadioButton(tr("Scale"))
        self.width_radio = QRadioButton(tr("Width"))
        self.scale_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.scale_radio)
        group.addButton(self.width_radio)
        self.scale_combo = QComboBox()
        self.scale_combo.setAccessibleName(tr("Scale"))
        for n in (1, 2, 3, 4):
            self.scale_combo.addItem(f"{n}×", n)
        self.scale_combo.setCurrentIndex(1)
        self.width_spin = QSpinBox()
        self.width_spin.setAccessibleName(tr("Width in pixels"))
        self.width_spin.setRange(16, 32000)
        self.width_spin.setSuffix(" px")
        self.width_spin.setSingleStep(100)
        self.width_spin.setValue(max(16, min(32000, round(self._rect_width() * 2))))
        self.width_spin.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.scale_radio)
        row.addWidget(self.scale_combo)
        row.addSpacing(12)
        row.addWidget(self.width_radio)
        row.addWidget(self.width_spin)
        row.addStretch(1)
        grid.addRow(row)
        self.size_label = QLabel()
        self.size_label.setObjectName("sizeLabel")
        grid.addRow(tr("Result:"), self.size_label)
        layout.addWidget(self.png_box)

        # ---- PDF
        self.pdf_box = QGroupBox(tr("Page"))
        pdf_form = QFormLayout(self.pdf_box)
        self.page_combo = QComboBox()
        for key, label in PAGE_CHOICES:
            self.page_combo.addItem(tr(label), key)
        self.margin_spin = QDoubleSpinBox()
        self.margin_spin.setRange(0, 50)
        self.margin_spin.setDecimals(0)
        self.margin_spin.setValue(10)
        self.margin_spin.setSuffix(" mm")
        pdf_form.addRow(tr("Page size:"), self.page_combo)
        pdf_form.addRow(tr("Margins:"), self.margin_spin)
        layout.addWidget(self.pdf_box)

        # ---- appearance (images)
        self.look_box = QGroupBox(tr("Content"))
        look = QVBoxLayout(self.look_box)
        shown = scene_overlays(scene) or set()
        self.overlay_checks: dict[str, QCheckBox] = {}
        overlay_row = QHBoxLayout()
        overlay_row.addWidget(QLabel(tr("Overlays:")))
        for name in OVERLAYS:
            box = QCheckBox(tr(OVERLAY_LABELS[name]))
            box.setChecked(name in shown)
            self.overlay_checks[name] = box
            overlay_row.addWidget(box)
        overlay_row.addStretch(1)
        look.addLayout(overlay_row)
        self.legend_check = QCheckBox(tr("Legend (when overlays are shown)"))
        self.legend_check.setChecked(True)
        self.transparent_check = QCheckBox(tr("Transparent background"))
        look.addWidget(self.legend_check)
        look.addWidget(self.transparent_check)
        layout.addWidget(self.look_box)

        # ---- data
        self.data_box = QGroupBox(tr("Data"))
        data = QVBoxLayout(self.data_box)
        self.responses_check = QCheckBox(tr("Include survey responses"))
        data.addWidget(self.responses_check)
        self.data_note = QLabel()
        self.data_note.setWordWrap(True)
        data.addWidget(self.data_note)
        layout.addWidget(self.data_box)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._choose_and_export)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.format_combo.currentIndexChanged.connect(self._update)
        self.scale_radio.toggled.connect(self._update)
        self.scale_combo.currentIndexChanged.connect(self._update)
        self.width_spin.valueChanged.connect(self._update)
        for box in self.overlay_checks.values():
            box.toggled.connect(self._update)
        self.legend_check.toggled.connect(self._update)
        self.last_path: Path | None = None
        self._update()

    # ------------------------------------------------------------ state
    def _rect_width(self) -> float:
        rect = content_rect(self.scene)
        return rect.width() if not rect.isEmpty() else 1000.0

    def format(self) -> str:
        return self.format_combo.currentData()

    def set_format(self, fmt: str) -> None:
        index = self.format_combo.findData(fmt)
        if index < 0:
            raise ValueError(f"unknown format {fmt!r}")
        self.format_combo.setCurrentIndex(index)

    def overlays(self) -> set[str]:
        return {name for name, box in self.overlay_checks.items() if box.isChecked()}

    def image_options(self) -> ImageOptions:
        by_width = self.width_radio.isChecked()
        return ImageOptions(
            scale=float(self.scale_combo.currentData()),
            width=self.width_spin.value() if by_width else None,
            transparent=self.transparent_check.isChecked() and self.format() in ("png", "svg"),
            page=self.page_combo.currentData(),
            margin_mm=self.margin_spin.value(),
            overlays=self.overlays(),
            legend=self.legend_check.isChecked(),
        )

    def _update(self) -> None:
        fmt = self.format()
        image = fmt in ("png", "svg", "pdf")
        self.png_box.setVisible(fmt == "png")
        self.pdf_box.setVisible(fmt == "pdf")
        self.look_box.setVisible(image)
        self.transparent_check.setVisible(fmt in ("png", "svg"))
        self.data_box.setVisible(not image)
        self.responses_check.setVisible(fmt == "json")
        self.scale_combo.setEnabled(self.scale_radio.isChecked())
        self.width_spin.setEnabled(self.width_radio.isChecked())
        notes = {
            "csv": tr("One row per touchpoint with its NPS, sentiment and details (UTF-8, opens in Excel)."),
            "xlsx": tr("One row per touchpoint with its NPS, sentiment and details."),
            "json": tr("The whole map (stages, lanes, touchpoints, notes) to import into another document."),
        }
        self.data_note.setText(notes.get(fmt, ""))
        if self.session.segment and fmt in ("csv", "xlsx"):
            self.data_note.setText(self.data_note.text() + " " + tr("Only the segment “%1”.").replace(
                "%1", self.session.segment))
        if fmt == "png":
            options = self.image_options()
            rect = export_rect(self.scene, options)
            try:
                w, h, _scale = image_size(rect, options.scale, options.width)
                self.size_label.setText(f"{w} × {h} px")
                self.export_button.setEnabled(True)
            except ExportError as exc:
                self.size_label.setText(error_text(exc))
                self.export_button.setEnabled(False)
        else:
            self.export_button.setEnabled(True)
        self.adjustSize()

    # ------------------------------------------------------------ export
    def suggested_path(self) -> str:
        title = "journey map"
        try:
            title = self.session.document.get_map(self.session.map_id).title
        except Exception:  # noqa: BLE001 - no map: keep the generic name
            pass
        folder = _last_folder or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return os.path.join(folder or os.getcwd(), f"{safe_file_name(title)}.{self.format()}")

    def _choose_and_export(self) -> None:
        global _last_folder
        fmt = self.format()
        file_filter = next(f for key, _label, f in FORMAT_CHOICES if key == fmt)
        path, _ = QFileDialog.getSaveFileName(self, tr("Export map"), self.suggested_path(), tr(file_filter))
        if not path:
            return
        if not path.lower().endswith("." + fmt):
            path += "." + fmt
        _last_folder = str(Path(path).parent)
        if self.export_to(path):
            self.accept()

    def export_to(self, path: str | os.PathLike[str]) -> bool:
        """Write the chosen format to *path*; shows a message and returns False on failure."""
        fmt = self.format()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if fmt in ("png", "svg", "pdf"):
                export_image(self.scene, path, self.image_options(), fmt)
            else:
                export_data(
                    self.session.document, self.session.map_id, path,
                    segment=self.session.segment, include_responses=self.responses_check.isChecked(),
                    lang=current_language(),  # a Spanish UI writes what a Spanish Excel opens right
                )
        except (ExportError, OSError, ValueError) as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self, tr("Export failed"), tr("The map could not be exported:\n%1").replace(
                "%1", error_text(exc)))
            return False
        QGuiApplication.restoreOverrideCursor()
        self.last_path = Path(path)
        return True


def open_export_dialog(parent: QWidget | None, session: DocumentSession, scene) -> None:
    """File ▸ Export…: modal dialog, then a save-file dialog; the scene is left as it was."""
    if session.map_id is None:
        QMessageBox.information(parent, tr("Export map"), tr("There is no map to export."))
        return
    dialog = ExportDialog(session, scene, parent)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def copy_image_to_clipboard(scene) -> None:
    """Edit ▸ Copy map as image: a 2× image with white background and the overlays on screen."""
    error: ExportError | None = None
    for scale in (2.0, 1.0, 0.5):  # a very large map falls back to a smaller image
        try:
            copy_to_clipboard(scene, ImageOptions(scale=scale))
            return
        except ExportError as exc:
            error = exc
            if "too large" not in str(exc):
                break
    views = scene.views() if hasattr(scene, "views") else []
    parent = views[0].window() if views else None
    QMessageBox.warning(parent, tr("Copy map as image"), str(error))
