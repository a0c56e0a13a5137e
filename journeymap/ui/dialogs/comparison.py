"""The current-vs-future comparison: a view, and its PNG and PDF export, drawn by one painter.

Added, removed and changed touchpoints are marked with a coloured pill; a
changed card lists what changed and its NPS and sentiment deltas.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journeymap import locale_format
from journeymap.domain.messages import QT_TRANSLATE_NOOP, message
from journeymap.i18n import error_text
from journeymap.services.atomic_file import CANNOT_WRITE_FILE, NO_SUCH_FOLDER
from journeymap.services.comparison import Comparison, Difference, Status
from journeymap.services.exporting import ExportError
from journeymap.ui.export.render import CANNOT_WRITE_FILE_WRITER_FAILED
from journeymap.ui.scene import style

COMPARISON_EXPORTS_AS_PNG_OR_PDF = message("export.comparison_png_or_pdf", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "%1: the comparison exports as .png or .pdf."))

WIDTH = 980.0
PDF_DPI = 96.0
ROW_H = 34.0
HEAD_H = 92.0
STATUS_COLOURS = {
    Status.ADDED: QColor("#2E7D32"),
    Status.REMOVED: QColor("#C62828"),
    Status.CHANGED: QColor("#B26A00"),
    Status.SAME: QColor("#7B8794"),
}


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Comparison", text, None, n)


class ComparisonTexts(QObject):
    """Plural texts (lupdate finds numerus forms in ``self.tr(text, "", n)`` calls)."""

    def summary(self, counts: dict[Status, int]) -> str:
        return "   ".join((
            self.tr("%n added", "", counts[Status.ADDED]),
            self.tr("%n changed", "", counts[Status.CHANGED]),
            self.tr("%n removed", "", counts[Status.REMOVED]),
            self.tr("%n unchanged", "", counts[Status.SAME]),
        ))


def status_label(status: Status) -> str:
    return {
        Status.ADDED: tr("Added"),
        Status.REMOVED: tr("Removed"),
        Status.CHANGED: tr("Changed"),
        Status.SAME: tr("Unchanged"),
    }[status]


def field_label(name: str) -> str:
    labels = {
        "title": tr("title"), "description": tr("description"), "channel": tr("channel"),
        "sensation": tr("sensation"), "moment_of_truth": tr("moment of truth"), "owner": tr("owner"),
        "impact": tr("impact"), "tags": tr("tags"), "controllable": tr("controllable"),
        "expectation": tr("expectation"), "evidence": tr("evidence"), "waiting_minutes": tr("waiting time"),
        "stage": tr("stage"), "lane": tr("lane"),
    }
    return labels.get(name, name)


def shown(comparison: Comparison) -> list[Difference]:
    """What the view lists: every difference, unchanged cards left out."""
    order = {Status.ADDED: 0, Status.CHANGED: 1, Status.REMOVED: 2}
    rows = [d for d in comparison.differences if d.status != Status.SAME]
    return sorted(rows, key=lambda d: order[d.status])


def page_height(comparison: Comparison) -> float:
    return HEAD_H + max(1, len(shown(comparison))) * ROW_H + 24


def _number(value: float | None, digits: int = 0) -> str:
    """A signed number as the UI language writes it (``+42``, ``−12,5``)."""
    if value is None:
        return "—"
    return locale_format.signed(value, digits)


def delta_text(d: Difference) -> str:
    parts = []
    if d.nps_before is not None or d.nps_after is not None:
        before = "—" if d.nps_before is None else locale_format.decimal(d.nps_before, 0)
        after = "—" if d.nps_after is None else locale_format.decimal(d.nps_after, 0)
        delta = f" ({_number(d.nps_delta)})" if d.nps_delta is not None else ""
        parts.append(tr("NPS %1 → %2").replace("%1", before).replace("%2", after) + delta)
    if d.sentiment_delta is not None and d.sentiment_delta != 0:
        parts.append(tr("sentiment %1").replace("%1", _number(d.sentiment_delta, 2)))
    return "  ·  ".join(parts)


def paint_comparison(painter: QPainter, comparison: Comparison, width: float = WIDTH) -> None:
    """Draw the whole comparison from (0, 0), *width* wide and ``page_height`` tall."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.fillRect(QRectF(0, 0, width, page_height(comparison)), QColor("white"))
    title_f = style.font(15, bold=True)
    body = style.font(9)
    small = style.font(8)
    pill_f = style.font(7.5, bold=True)
    fm = QFontMetricsF(title_f)
    painter.setFont(title_f)
    painter.setPen(style.TEXT)
    x = 20.0
    title = tr("Current vs future state")
    painter.drawText(QPointF(x, 16 + fm.ascent()), title)
    painter.setFont(body)
    bm = QFontMetricsF(body)
    pair = tr("“%1” → “%2”").replace("%1", comparison.current_title).replace("%2", comparison.future_title)
    painter.setPen(style.TEXT_MUTED)
    painter.drawText(QPointF(x, 46 + bm.ascent()), bm.elidedText(pair, Qt.TextElideMode.ElideRight, width - 40))
    counts = comparison.counts()
    summary = ComparisonTexts().summary(counts)
    painter.drawText(QPointF(x, 66 + bm.ascent()), summary)
    y = HEAD_H
    rows = shown(comparison)
    if not rows:
        painter.drawText(QPointF(x, y + bm.ascent()), tr("The future state has no changes yet."))
        return
    pm = QFontMetricsF(pill_f)
    sm = QFontMetricsF(small)
    for i, d in enumerate(rows):
        if i % 2:
            painter.fillRect(QRectF(0, y, width, ROW_H), QColor("#F5F7FA"))
        colour = STATUS_COLOURS[d.status]
        pill = QRectF(x, y + (ROW_H - 16) / 2, 78, 16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(pill, 8, 8)
        painter.setFont(pill_f)
        painter.setPen(QColor("white"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, pm.elidedText(status_label(d.status).upper(),
                                                                           Qt.TextElideMode.ElideRight, 74))
        painter.setFont(body)
        painter.setPen(style.TEXT)
        tx = pill.right() + 12
        title_w = 300.0
        painter.drawText(QPointF(tx, y + 13 + bm.ascent() - 6),
                         bm.elidedText(d.title, Qt.TextElideMode.ElideRight, title_w))
        painter.setFont(small)
        painter.setPen(style.TEXT_MUTED)
        where = " · ".join(p for p in (d.stage, d.lane) if p)
        painter.drawText(QPointF(tx, y + 27 + sm.ascent() - 8),
                         sm.elidedText(where, Qt.TextElideMode.ElideRight, title_w))
        detail_x = tx + title_w + 16
        detail_w = width - detail_x - 20
        what = ""
        if d.status == Status.CHANGED and d.fields:
            what = tr("changed: %1").replace("%1", ", ".join(field_label(f) for f in d.fields))
        painter.drawText(QPointF(detail_x, y + 13 + sm.ascent() - 6),
                         sm.elidedText(what, Qt.TextElideMode.ElideRight, detail_w))
        delta = delta_text(d)
        if delta:
            better = (d.nps_delta or 0) > 0
            worse = (d.nps_delta or 0) < 0
            painter.setPen(QColor("#2E7D32") if better else QColor("#C62828") if worse else style.TEXT)
            painter.drawText(QPointF(detail_x, y + 27 + sm.ascent() - 8),
                             sm.elidedText(delta, Qt.TextElideMode.ElideRight, detail_w))
        y += ROW_H
    painter.setPen(QPen(QColor("#D5DBE3"), 1))
    painter.drawLine(QPointF(0, HEAD_H - 6), QPointF(width, HEAD_H - 6))


def comparison_image(comparison: Comparison, scale: float = 2.0) -> QImage:
    h = page_height(comparison)
    image = QImage(int(WIDTH * scale), int(h * scale), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    paint_comparison(painter, comparison)
    painter.end()
    return image


def export_comparison(comparison: Comparison, path: str | os.PathLike[str]) -> Path:
    """Write the comparison as PNG or PDF (by suffix); written beside the target, then renamed."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".pdf"):
        raise ExportError(COMPARISON_EXPORTS_AS_PNG_OR_PDF, path)
    if not path.parent.is_dir():
        raise ExportError(NO_SUCH_FOLDER, path.parent)
    tmp = path.with_name(path.name + ".part" + suffix)
    try:
        if suffix == ".png":
            if not comparison_image(comparison).save(str(tmp), "PNG"):
                raise ExportError(CANNOT_WRITE_FILE_WRITER_FAILED, path, "PNG")
        else:
            # One unit is one pixel at 96 DPI, as on screen and in the map's PDF: the fonts' point
            # sizes then take the room the layout measured for them (QFontMetricsF at 96 DPI).
            writer = QPdfWriter(str(tmp))
            writer.setResolution(round(PDF_DPI))
            writer.setTitle(tr("Current vs future state"))
            points = 72.0 / PDF_DPI
            size = QPageSize(QSizeF(WIDTH * points, page_height(comparison) * points), QPageSize.Unit.Point, "",
                             QPageSize.SizeMatchPolicy.ExactMatch)
            writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
            painter = QPainter()
            if not painter.begin(writer):
                raise ExportError(CANNOT_WRITE_FILE_WRITER_FAILED, path, "PDF")
            paint_comparison(painter, comparison)
            painter.end()
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise ExportError(CANNOT_WRITE_FILE, path, exc.strerror or exc) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return path


class ComparisonCanvas(QWidget):
    def __init__(self, comparison: Comparison, parent: QWidget | None = None):
        super().__init__(parent)
        self.comparison = comparison
        self.setFixedSize(int(WIDTH), int(page_height(comparison)))

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        paint_comparison(painter, self.comparison)
        painter.end()


class ComparisonDialog(QDialog):
    """The comparison view, with Export PNG… and Export PDF…."""

    def __init__(self, comparison: Comparison, parent: QWidget | None = None):
        super().__init__(parent)
        self.comparison = comparison
        self.setWindowTitle(tr("Current vs future state"))
        layout = QVBoxLayout(self)
        scroll = QScrollArea()
        self.canvas = ComparisonCanvas(comparison)
        scroll.setWidget(self.canvas)
        scroll.setMinimumWidth(int(WIDTH) + 24)
        layout.addWidget(scroll)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.png_button = QPushButton(tr("Export &PNG…"))
        self.pdf_button = QPushButton(tr("Export P&DF…"))
        buttons.addButton(self.png_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.png_button.clicked.connect(lambda: self.export("png"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(int(WIDTH) + 48, 640)

    def export(self, kind: str) -> Path | None:
        name = f"{self.comparison.future_title}-comparison.{kind}"
        filters = tr("PNG image (*.png)") if kind == "png" else tr("PDF document (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(self, tr("Export comparison"), name, filters)
        if not path:
            return None
        if not path.lower().endswith("." + kind):
            path += "." + kind
        try:
            return export_comparison(self.comparison, path)
        except (ExportError, OSError) as exc:
            QMessageBox.warning(self, tr("Export comparison"), error_text(exc))
            return None
