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
from contextlib import ExitStack
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPixmap
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
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journeymap.i18n import current_language, error_text
from journeymap.services.exporting import ExportError, export_data
from journeymap.ui.dialogs import export_memory
from journeymap.ui.export.render import (
    OVERLAYS,
    PX_IMAGE_TOO_LARGE_CHOOSE_SMALLER,
    ImageOptions,
    content_rect,
    copy_to_clipboard,
    export_image,
    export_rect,
    image_size,
    render_image,
    scene_overlays,
)
from journeymap.ui.export.subset import Subset, subset_scene
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
        "pptx",
        QT_TRANSLATE_NOOP("ExportDialog", "PowerPoint presentation"),
        QT_TRANSLATE_NOOP("ExportDialog", "PowerPoint presentation (*.pptx)"),
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
    "quotes": QT_TRANSLATE_NOOP("ExportDialog", "Quotes"),
    "trend": QT_TRANSLATE_NOOP("ExportDialog", "Trend"),
    "flows": QT_TRANSLATE_NOOP("ExportDialog", "Flows"),
}
PAGE_CHOICES = (
    ("fit", QT_TRANSLATE_NOOP("ExportDialog", "One page sized to the map")),
    ("a4", QT_TRANSLATE_NOOP("ExportDialog", "A4")),
    ("a3", QT_TRANSLATE_NOOP("ExportDialog", "A3")),
    ("letter", QT_TRANSLATE_NOOP("ExportDialog", "Letter")),
    ("tabloid", QT_TRANSLATE_NOOP("ExportDialog", "Tabloid")),
    ("slide", QT_TRANSLATE_NOOP("ExportDialog", "16:9 slide")),
)
PDF_LAYOUTS = (
    ("fit", QT_TRANSLATE_NOOP("ExportDialog", "The whole map on one page")),
    ("tile", QT_TRANSLATE_NOOP("ExportDialog", "Split over pages at a readable size")),
    ("report", QT_TRANSLATE_NOOP("ExportDialog", "Report: map, stages in full, charts, comments")),
)

PREVIEW_W, PREVIEW_H = 420, 200
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
        self.dpi_radio = QRadioButton(tr("Resolution"))
        group.addButton(self.dpi_radio)
        self.dpi_spin = QSpinBox()
        self.dpi_spin.setAccessibleName(tr("Resolution in dots per inch"))
        self.dpi_spin.setRange(72, 600)
        self.dpi_spin.setSingleStep(50)
        self.dpi_spin.setValue(300)
        self.dpi_spin.setSuffix(" dpi")
        self.dpi_spin.setToolTip(tr("Printed at the map's canvas size, at this many dots per inch "
                                    "(recorded in the PNG)"))
        self.dpi_spin.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.scale_radio)
        row.addWidget(self.scale_combo)
        row.addSpacing(12)
        row.addWidget(self.width_radio)
        row.addWidget(self.width_spin)
        row.addSpacing(12)
        row.addWidget(self.dpi_radio)
        row.addWidget(self.dpi_spin)
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
        self.page_combo.setAccessibleName(tr("Page size"))
        self.portrait_check = QCheckBox(tr("Portrait"))
        self.pdf_layout_combo = QComboBox()
        for key, label in PDF_LAYOUTS:
            self.pdf_layout_combo.addItem(tr(label), key)
        pdf_form.addRow(tr("Layout:"), self.pdf_layout_combo)
        page_row = QHBoxLayout()
        page_row.addWidget(self.page_combo, 1)
        page_row.addWidget(self.portrait_check)
        pdf_form.addRow(tr("Page size:"), page_row)
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
        self.title_check = QCheckBox(tr("Title block"))
        self.title_check.setChecked(True)
        self.persona_check = QCheckBox(tr("Persona"))
        self.persona_check.setChecked(True)
        toggles = QHBoxLayout()
        for box in (self.title_check, self.persona_check, self.legend_check):
            toggles.addWidget(box)
        toggles.addStretch(1)
        look.addLayout(toggles)
        look.addWidget(self.transparent_check)
        include = QHBoxLayout()
        self.stage_list = self._checklist(tr("Stages to include"), [(st.id, st.name) for st in scene.stages])
        self.lane_list = self._checklist(tr("Lanes to include"), [(ln.id, ln.name) for ln in scene.lanes])
        for title, widget in ((tr("Stages:"), self.stage_list), (tr("Lanes:"), self.lane_list)):
            column = QVBoxLayout()
            label = QLabel(title)
            label.setBuddy(widget)
            column.addWidget(label)
            column.addWidget(widget)
            include.addLayout(column)
        look.addLayout(include)
        self.preview = QLabel()
        self.preview.setObjectName("exportPreview")
        self.preview.setAccessibleName(tr("Preview"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(PREVIEW_W, PREVIEW_H)
        self.preview.setStyleSheet("QLabel#exportPreview { background: #EEF0F3; border: 1px solid #C9D0D9; }")
        look.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.look_box)
        self._stack = ExitStack()
        self._subset_key: Subset | None = None
        self._subset_scene = scene
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(150)
        self._preview_timer.timeout.connect(self._render_preview)

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
        for box in (self.title_check, self.persona_check, self.transparent_check):
            box.toggled.connect(self._update)
        self.dpi_spin.valueChanged.connect(self._update)
        for checklist in (self.stage_list, self.lane_list):
            checklist.itemChanged.connect(self._update)
        self.pdf_layout_combo.currentIndexChanged.connect(self._update)
        self.page_combo.currentIndexChanged.connect(self._update)
        self.last_path: Path | None = None
        export_memory.restore(self)
        self._update()

    # ------------------------------------------------------------ state
    @staticmethod
    def _checklist(name: str, rows: list[tuple[int, str]]) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(name)
        widget.setMaximumHeight(110)
        for object_id, text in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, object_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            widget.addItem(item)
        return widget

    @staticmethod
    def checked_ids(widget: QListWidget) -> frozenset[int] | None:
        """The ids ticked in *widget*; None when all are (the whole map)."""
        items = [widget.item(i) for i in range(widget.count())]
        ids = frozenset(int(i.data(Qt.ItemDataRole.UserRole)) for i in items
                        if i.checkState() == Qt.CheckState.Checked)
        return None if len(ids) == len(items) else ids

    def subset(self) -> Subset:
        return Subset(self.checked_ids(self.stage_list), self.checked_ids(self.lane_list),
                      self.title_check.isChecked(), self.persona_check.isChecked())

    def export_scene(self):
        """The scene exports draw: the canvas's, or one of the chosen stages and lanes (kept while unchanged)."""
        subset = self.subset()
        if subset != self._subset_key:
            self._stack.close()
            self._stack = ExitStack()
            self._subset_scene = self._stack.enter_context(subset_scene(self.scene, subset))
            self._subset_key = subset
        return self._subset_scene

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._preview_timer.start()

    def done(self, result: int) -> None:  # noqa: D102 - QDialog API: the scratch scene goes with the dialog
        self._preview_timer.stop()
        self._stack.close()
        super().done(result)

    def _render_preview(self) -> None:
        """The map as it will be exported, small (only while the dialog is on screen)."""
        if not (self.isVisible() and self.look_box.isVisible()):
            return
        options = self.image_options()
        options.width, options.scale = None, 1.0
        try:
            scene = self.export_scene()
            rect = export_rect(scene, options)
            factor = min(PREVIEW_W / max(1.0, rect.width()), PREVIEW_H / max(1.0, rect.height()))
            options.width = max(16, round(rect.width() * factor))
            image = render_image(scene, options)
        except (ExportError, OSError, ValueError) as exc:
            self.preview.setText(error_text(exc))
            return
        self.preview.setPixmap(QPixmap.fromImage(image))

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
        scale = self.dpi_spin.value() / 96.0 if self.dpi_radio.isChecked() else float(self.scale_combo.currentData())
        return ImageOptions(
            scale=scale,
            width=self.width_spin.value() if by_width else None,
            transparent=self.transparent_check.isChecked() and self.format() in ("png", "svg"),
            page=self._page(),
            portrait=self.portrait_check.isChecked(),
            tile=self.pdf_layout_combo.currentData() == "tile",
            report=self.pdf_layout_combo.currentData() == "report",
            margin_mm=self.margin_spin.value(),
            overlays=self.overlays(),
            legend=self.legend_check.isChecked(),
        )

    def _page(self) -> str:
        """The chosen page; splitting and the report need a paper size (A4 when "fit" is chosen)."""
        page = self.page_combo.currentData()
        if page == "fit" and self.pdf_layout_combo.currentData() != "fit":
            return "a4"
        return page

    def _update(self) -> None:
        fmt = self.format()
        fitted = self.pdf_layout_combo.currentData() == "fit"
        fit_item = self.page_combo.model().item(0)
        fit_item.setEnabled(fitted)
        if not fitted and self.page_combo.currentData() == "fit":
            self.page_combo.setCurrentIndex(self.page_combo.findData("a4"))
        self.portrait_check.setEnabled(self.page_combo.currentData() != "fit")
        image = fmt in ("png", "svg", "pdf", "pptx")
        self.png_box.setVisible(fmt == "png")
        self.pdf_box.setVisible(fmt == "pdf")
        self.look_box.setVisible(image)
        self.transparent_check.setVisible(fmt in ("png", "svg"))
        self.data_box.setVisible(not image)
        self.responses_check.setVisible(fmt == "json")
        self.scale_combo.setEnabled(self.scale_radio.isChecked())
        self.width_spin.setEnabled(self.width_radio.isChecked())
        self.dpi_spin.setEnabled(self.dpi_radio.isChecked())
        notes = {
            "csv": tr("One row per touchpoint with its NPS, sentiment and details (UTF-8, opens in Excel)."),
            "xlsx": tr("One row per touchpoint with its NPS, sentiment and details."),
            "json": tr("The whole map (stages, lanes, touchpoints, notes) to import into another document."),
        }
        if fmt == "pptx":
            self.data_box.setVisible(True)
            notes["pptx"] = tr("A 16:9 deck: title, the whole map, a slide per stage with editable cards, "
                               "NPS charts and what customers said.")
        self.data_note.setText(notes.get(fmt, ""))
        if self.session.segment and fmt in ("csv", "xlsx"):
            self.data_note.setText(self.data_note.text() + " " + tr("Only the segment “%1”.").replace(
                "%1", self.session.segment))
        if image and self.isVisible():
            self._preview_timer.start()
        if fmt == "png":
            options = self.image_options()
            rect = export_rect(self.export_scene(), options)
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
                export_image(self.export_scene(), path, self.image_options(), fmt)
            elif fmt == "pptx":
                from journeymap.ui.export.deck import DeckOptions, export_pptx

                export_pptx(self.export_scene(), path, DeckOptions(overlays=self.overlays(),
                                                                   legend=self.legend_check.isChecked()))
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
        export_memory.save(self)
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
            if exc.message is not PX_IMAGE_TOO_LARGE_CHOOSE_SMALLER:
                break
    views = scene.views() if hasattr(scene, "views") else []
    parent = views[0].window() if views else None
    QMessageBox.warning(parent, tr("Copy map as image"), error_text(error) if error else "")
