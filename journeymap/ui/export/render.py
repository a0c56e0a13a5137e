"""Render a map scene to PNG, SVG, PDF or the clipboard.

There is no second drawing code here: every format paints the canvas's own
``QGraphicsScene`` with ``scene.render``. For the time of an export the scene
is put in export mode (no selection, hover or drop feedback), the requested
overlays are switched on and, when overlays are shown and the scene has no
legend of its own, a small legend item is added to the scene (and removed
afterwards), so even the legend goes through the scene renderer.

PNG files are streamed: the scene is rendered in horizontal bands of rows into
one reused band image and the rows go to ``png_writer.PngWriter`` (Up filter,
fast zlib level, compressed in a worker thread while the next band renders),
so a 2× export of a big map never holds the whole image in memory. Raster
exports let the cards draw their repeated shapes from pixmap stamps wherever
those land exactly where the vector drawing would (``stamps.exact``); SVG and
PDF always get vectors.

Works with any ``QGraphicsScene``: the map scene's ``set_export_mode``,
``set_overlays``, ``overlays`` and ``content_rect`` are used when present.
"""

from __future__ import annotations

import io
import math
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsScene

from journeymap import i18n
from journeymap.domain.messages import QT_TRANSLATE_NOOP, message
from journeymap.services.atomic_file import InvalidOutput
from journeymap.services.exporting import CANNOT_WRITE_PDF_FILE, NOTHING_TO_EXPORT, ExportError, atomic_path
from journeymap.ui.export import svg_parts
from journeymap.ui.export.svg_file import check_svg, stitch
from journeymap.ui.scene import stamps
from journeymap.ui.scene.legend import LegendItem as SceneLegend

# The messages this module's errors carry: an id and the English text (translated where shown).
NOT_IMAGE_FORMAT_PNG_SVG_OR = message("export.not_image_format_png_svg_or", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "%1: '%2' is not an image format (png, svg or pdf)."))
PX_IMAGE_TOO_LARGE_CHOOSE_SMALLER = message("export.px_image_too_large_choose_smaller", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "a %1 × %2 px image is too large; choose a smaller scale or width."))
CANNOT_WRITE_FILE_WRITER_FAILED = message("export.cannot_write_file_writer_failed", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "%1: cannot write the %2 file (the writer failed)."))
PAGE_SIZE_NOT_SUPPORTED = message("export.page_size_not_supported", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "%1: the page size is not supported."))
PAGE_MARGIN_MUST_BETWEEN_AND_MM = message("export.page_margin_must_between_and_mm", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "the page margin must be between 0 and 50 mm, got %1."))
IMAGE_WIDTH_MUST_AT_LEAST_PX = message("export.image_width_must_at_least_px", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "the image width must be at least 1 px, got %1."))
SCALE_MUST_POSITIVE_NUMBER_GOT = message("export.scale_must_positive_number_got", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "the scale must be a positive number, got %1."))
NOT_ENOUGH_MEMORY_PX_IMAGE = message("export.not_enough_memory_px_image", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "not enough memory for a %1 × %2 px image."))
NOT_ENOUGH_MEMORY_PX_BAND = message("export.not_enough_memory_px_band", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "not enough memory for a %1 × %2 px band."))
CANNOT_WRITE_SVG_FILE = message("export.cannot_write_svg_file", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "%1: cannot write the SVG file."))
UNKNOWN_PAGE_USE_ONE = message("export.unknown_page_use_one", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "unknown page '%1' (use one of: %2)."))
CANNOT_WRITE_PNG_FILE = message("export.cannot_write_png_file", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "%1: cannot write the PNG file (%2)."))
PNG_FILE_INCOMPLETE = message("export.png_file_incomplete", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "the PNG file is incomplete"))
PDF_FILE_INCOMPLETE = message("export.pdf_file_incomplete", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "the PDF file is incomplete"))

OVERLAYS = ("nps", "sentiment", "emotion", "photos", "quotes", "trend")
PAGES = ("fit", "a4", "a3", "letter", "tabloid", "slide")
PAGE_IDS = {
    "a4": QPageSize.PageSizeId.A4,
    "a3": QPageSize.PageSizeId.A3,
    "letter": QPageSize.PageSizeId.Letter,
    "tabloid": QPageSize.PageSizeId.Tabloid,
}
SLIDE_POINTS = (540.0, 960.0)  # a 16:9 slide (13.33 × 7.5 in, PowerPoint's "Widescreen"), defined upright like paper
SCALES = (1, 2, 3, 4)
SCREEN_DPI = 96.0  # one scene unit is one pixel at 100 % zoom
POINTS_PER_UNIT = 72.0 / SCREEN_DPI
PDF_MAX_POINTS = 14400.0  # the largest page a PDF viewer must support (200 inches)
MAX_SIDE_PX = 32000
MAX_PIXELS = 300_000_000  # ~1.2 GB of ARGB: beyond that, ask for a smaller scale
# The PDF's device units are screen pixels: fonts sized in points then keep their
# size relative to the cards (coordinates are still written as exact decimals).
PDF_RESOLUTION = round(SCREEN_DPI)
LEGEND_Z = 10_000.0
# Streamed PNG: rows per band (about 4 Mpx, ~16 MB of RGB32; at most BAND_MAX_ROWS rows).
BAND_PIXELS = 4_000_000
BAND_MAX_ROWS = 512


@dataclass
class ImageOptions:
    """How to render: PNG scale or width, background, PDF page, overlays."""

    scale: float = 1.0
    width: int | None = None  # PNG: target width in pixels (wins over scale)
    transparent: bool = False
    page: str = "fit"  # PDF: fit (one page sized to the map) or one of PAGE_IDS / "slide"
    portrait: bool = False  # PDF pages other than "fit": landscape unless asked
    tile: bool = False  # PDF: split the map over as many pages as it needs, at tile_scale
    tile_scale: float = 1.0  # device units per scene unit: 1.0 prints the canvas at 100 %
    report: bool = False  # PDF: the multi-page report (map, stages in full, charts, comments)
    margin_mm: float = 10.0
    overlays: set[str] | None = None  # None: keep what the scene shows
    legend: bool = True
    title: str | None = None  # document title metadata; default: the map's title
    extra: dict[str, object] = field(default_factory=dict)


# ----------------------------------------------------------- application
def ensure_app() -> QApplication:
    """The running QApplication, or a new one; headless when there is no display.

    On X11/Wayland systems with neither ``DISPLAY`` nor ``WAYLAND_DISPLAY`` and
    no explicit ``QT_QPA_PLATFORM``, Qt would abort; we choose ``offscreen``.
    """
    app = QApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    if (
        sys.platform not in ("win32", "darwin")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication([sys.argv[0] if sys.argv else "journeymap"])
    i18n.attach(app)  # the CLI loaded its catalogues before there was an application
    return app


# ----------------------------------------------------------------- legend
class LegendItem(SceneLegend):
    """The canvas's legend, for scenes that draw none of their own: added for the time of an export.

    The map scene places its own legend (``draws_legend``); a plain scene gets
    this one under its content, painted by ``scene.render`` like every item.
    """

    def __init__(self, overlays: Iterable[str]):
        super().__init__(overlays)
        self.setZValue(LEGEND_Z)
        self.setData(0, "export-legend")


# ------------------------------------------------------------ scene state
def scene_overlays(scene: QGraphicsScene) -> set[str] | None:
    """The overlays the scene shows, if it can tell."""
    value = getattr(scene, "overlays", None)
    if callable(value):
        value = value()
    if value is None:
        return None
    return {str(v) for v in value}


def content_rect(scene: QGraphicsScene) -> QRectF:
    getter = getattr(scene, "content_rect", None)
    rect = QRectF(getter()) if callable(getter) else QRectF()
    if rect.isEmpty():
        rect = scene.itemsBoundingRect()
    return rect


def _has_own_legend(scene: QGraphicsScene) -> bool:
    return bool(getattr(scene, "draws_legend", False))


def map_title(scene: QGraphicsScene) -> str:
    session = getattr(scene, "session", None)
    try:
        return session.document.get_map(session.map_id).title  # type: ignore[union-attr]
    except Exception:  # noqa: BLE001 - a plain scene has no map
        return "Journey map"


@contextmanager
def export_state(scene: QGraphicsScene, overlays: set[str] | None = None, legend: bool = True,
                 background: QColor | None = None) -> Iterator[QRectF]:
    """Put *scene* in export mode for the duration; yields the source rectangle to render.

    Restores the scene exactly afterwards (overlays, export mode, background),
    even when rendering fails.
    """
    previous_overlays = scene_overlays(scene)
    set_overlays = getattr(scene, "set_overlays", None)
    set_export_mode = getattr(scene, "set_export_mode", None)
    previous_brush = scene.backgroundBrush()
    legend_item: LegendItem | None = None
    own_legend = _has_own_legend(scene)
    previous_legend = getattr(scene, "legend_visible", True)
    cleared: list[QGraphicsItem] = []
    try:
        if callable(set_export_mode):
            set_export_mode(True)
        else:  # a scene without export mode: at least drop the selection
            cleared = list(scene.selectedItems())
            for item in cleared:
                item.setSelected(False)
        if overlays is not None and callable(set_overlays):
            set_overlays(set(overlays))
        if own_legend:  # the scene places its legend (and grows its content rect) itself
            scene.set_legend_visible(bool(legend))  # type: ignore[attr-defined]
        scene.setBackgroundBrush(QBrush(background) if background is not None else QBrush(Qt.BrushStyle.NoBrush))
        rect = content_rect(scene)
        shown = overlays if overlays is not None else (previous_overlays or set())
        if legend and shown and not own_legend:
            legend_item = LegendItem(shown)
            if legend_item.overlays:
                gap = 12.0
                inset = _margin(scene)
                legend_item.setPos(rect.left() + inset, rect.bottom() + gap - inset / 2)
                scene.addItem(legend_item)
                below = legend_item.sceneBoundingRect()
                rect = rect.united(below.adjusted(-inset, 0, inset, inset))
            else:
                legend_item = None
        yield rect
    finally:
        if legend_item is not None and legend_item.scene() is scene:
            scene.removeItem(legend_item)
        if own_legend:
            scene.set_legend_visible(previous_legend)  # type: ignore[attr-defined]
        scene.setBackgroundBrush(previous_brush)
        if overlays is not None and callable(set_overlays) and previous_overlays is not None:
            set_overlays(previous_overlays)
        if callable(set_export_mode):
            set_export_mode(False)
        for item in cleared:
            with suppress(RuntimeError):
                item.setSelected(True)


def export_rect(scene: QGraphicsScene, options: ImageOptions | None = None) -> QRectF:
    """The source rectangle an export with *options* renders (overlays, emotion lane and legend included).

    ``content_rect`` is what the scene shows now; with other overlays or no
    legend an export covers a different area (the export dialog's size hint).
    """
    options = options or ImageOptions()
    with export_state(scene, options.overlays, options.legend) as rect:
        return QRectF(rect)


def _margin(scene: QGraphicsScene) -> float:
    try:
        from journeymap.ui.scene import style

        return float(style.MARGIN)
    except Exception:  # noqa: BLE001
        return 16.0


def _paint(painter: QPainter, scene: QGraphicsScene, target: QRectF, source: QRectF) -> None:
    """``scene.render`` with antialiasing. On raster devices (PNG, clipboard) the cards may
    draw their repeated shapes from pixmap stamps where those are pixel-exact; SVG and PDF
    get vectors (``stamps.device_scale`` is None for them)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    with stamps.exact():
        scene.render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)


# -------------------------------------------------------------------- PNG
def image_size(rect: QRectF, scale: float = 1.0, width: int | None = None) -> tuple[int, int, float]:
    """(width, height, effective scale) of a raster export of *rect*."""
    if rect.isEmpty():
        raise ExportError(NOTHING_TO_EXPORT)
    if width is not None:
        if width < 1:
            raise ExportError(IMAGE_WIDTH_MUST_AT_LEAST_PX, width)
        scale = width / rect.width()
    elif not (scale > 0 and math.isfinite(scale)):
        raise ExportError(SCALE_MUST_POSITIVE_NUMBER_GOT, scale)
    w = width if width is not None else max(1, round(rect.width() * scale))
    h = max(1, round(rect.height() * scale))
    if w > MAX_SIDE_PX or h > MAX_SIDE_PX or w * h > MAX_PIXELS:
        raise ExportError(PX_IMAGE_TOO_LARGE_CHOOSE_SMALLER, w, h)
    return w, h, scale


def render_image(scene: QGraphicsScene, options: ImageOptions | None = None) -> QImage:
    """The scene as a QImage (content rect × scale, or the requested width).

    For files prefer ``export_png``/``write_png``: they render in bands and never
    hold the whole image in memory.
    """
    options = options or ImageOptions()
    background = None if options.transparent else QColor(Qt.GlobalColor.white)
    with export_state(scene, options.overlays, options.legend, background) as rect:
        w, h, scale = image_size(rect, options.scale, options.width)
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        if image.isNull():
            raise ExportError(NOT_ENOUGH_MEMORY_PX_IMAGE, w, h)
        image.fill(Qt.GlobalColor.transparent if options.transparent else Qt.GlobalColor.white)
        _set_screen_resolution(image)
        painter = QPainter(image)
        try:
            _paint(painter, scene, QRectF(0, 0, w, h), rect)
        finally:
            painter.end()
    # Then record the print resolution, so that the image prints at the map's size.
    dots_per_metre = _print_dots_per_metre(scale)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    for key, value in _png_text(scene, options).items():
        image.setText(key, value)
    return image


def _set_screen_resolution(image: QImage) -> None:
    """Paint at screen resolution: items size their fonts in points, and a device
    with more dots per inch would enlarge the text but not the cards."""
    screen = round(SCREEN_DPI / 0.0254)
    image.setDotsPerMeterX(screen)
    image.setDotsPerMeterY(screen)


def _print_dots_per_metre(scale: float) -> int:
    return round(SCREEN_DPI * scale / 0.0254)


def _png_text(scene: QGraphicsScene, options: ImageOptions) -> dict[str, str]:
    return {"Title": options.title or map_title(scene), "Software": "JourneyMap"}


def band_rows(width: int, height: int) -> int:
    """Rows per band of a streamed PNG: about BAND_PIXELS pixels, at least 16 and at most BAND_MAX_ROWS."""
    return max(1, min(height, BAND_MAX_ROWS, max(16, BAND_PIXELS // max(1, width))))


def write_png(scene: QGraphicsScene, file: BinaryIO, options: ImageOptions | None = None) -> tuple[int, int]:
    """Render the scene band by band straight into a PNG stream; returns (width, height).

    Each band of rows is painted by ``scene.render`` (only the items that
    cross it) into one reused band image, converted to RGB (RGBA when
    transparent) and handed to ``PngWriter``, which compresses it in a
    worker thread while the next band is painted. Memory stays at a few
    bands whatever the image size; the pixels are those of ``render_image``.
    """
    from journeymap.ui.export.png_writer import PngWriter

    options = options or ImageOptions()
    transparent = options.transparent
    background = None if transparent else QColor(Qt.GlobalColor.white)
    with export_state(scene, options.overlays, options.legend, background) as rect:
        w, h, scale = image_size(rect, options.scale, options.width)
        rows = band_rows(w, h)
        band_format = QImage.Format.Format_ARGB32_Premultiplied if transparent else QImage.Format.Format_RGB32
        out_format = QImage.Format.Format_RGBA8888 if transparent else QImage.Format.Format_RGB888
        channels = 4 if transparent else 3
        band = QImage(w, rows, band_format)
        if band.isNull():
            raise ExportError(NOT_ENOUGH_MEMORY_PX_BAND, w, rows)
        _set_screen_resolution(band)
        fill = Qt.GlobalColor.transparent if transparent else Qt.GlobalColor.white
        unit = rect.height() / h  # scene units per image row (the full render's vertical scale)
        with PngWriter(file, w, h, alpha=transparent, dots_per_metre=_print_dots_per_metre(scale),
                       text=_png_text(scene, options), band_rows=rows) as png:
            for top in range(0, h, rows):
                n = min(rows, h - top)
                band.fill(fill)
                painter = QPainter(band)
                try:
                    _paint(painter, scene, QRectF(0, 0, w, n),
                           QRectF(rect.left(), rect.top() + top * unit, rect.width(), n * unit))
                finally:
                    painter.end()
                converted = band.convertToFormat(out_format)
                if converted.isNull():
                    raise ExportError(NOT_ENOUGH_MEMORY_PX_BAND, w, rows)
                png.write_rows(_rows(converted, n, w * channels))
    return w, h


def _rows(image: QImage, n: int, row_bytes: int):
    """The first *n* rows of *image* as a (n, row_bytes) uint8 array (no copy)."""
    import numpy as np

    stride = image.bytesPerLine()
    data = np.frombuffer(image.constBits(), np.uint8, count=stride * image.height())
    return data.reshape(image.height(), stride)[:n, :row_bytes]


def export_png(scene: QGraphicsScene, path: str | os.PathLike[str], options: ImageOptions | None = None) -> Path:
    """Stream a PNG of the scene to *path* (written beside it, then moved into place)."""
    with atomic_path(path, check_png) as tmp:
        try:
            with open(tmp, "wb") as file:
                write_png(scene, file, options)
        except OSError as exc:
            raise ExportError(CANNOT_WRITE_PNG_FILE, path, exc.strerror or exc) from exc
    return Path(path)


# ------------------------------------------------------------ validation
def check_png(path: Path) -> None:
    """A PNG that starts with the signature and ends with its IEND chunk."""
    from journeymap.ui.export.png_writer import SIGNATURE, chunk

    with open(path, "rb") as fh:
        head = fh.read(8)
        fh.seek(0, os.SEEK_END)
        fh.seek(max(0, fh.tell() - 12))
        tail = fh.read(12)
    if head != SIGNATURE or tail != chunk(b"IEND"):
        raise InvalidOutput(PNG_FILE_INCOMPLETE)


def check_pdf(path: Path) -> None:
    with open(path, "rb") as fh:
        head = fh.read(5)
        fh.seek(0, os.SEEK_END)
        fh.seek(max(0, fh.tell() - 64))
        tail = fh.read()
    if head != b"%PDF-" or b"%%EOF" not in tail:
        raise InvalidOutput(PDF_FILE_INCOMPLETE)


def _end(painter: QPainter, path: str | os.PathLike[str], what: str) -> None:
    if not painter.end():
        raise ExportError(CANNOT_WRITE_FILE_WRITER_FAILED, path, what)


def png_bytes(scene: QGraphicsScene, options: ImageOptions | None = None) -> bytes:
    buffer = io.BytesIO()
    write_png(scene, buffer, options)
    return buffer.getvalue()


# -------------------------------------------------------------------- SVG
def export_svg(scene: QGraphicsScene, path: str | os.PathLike[str], options: ImageOptions | None = None) -> Path:
    """Vector SVG with text kept as text (QSvgGenerator escapes it).

    A big map is painted in parts of a few thousand items (``svg_parts``), each by its own
    generator into a scratch file beside *path*, and the parts are stitched into one file
    (``svg_file.stitch``): one generator holds its whole document in memory until it ends.
    """
    options = options or ImageOptions()
    background = None if options.transparent else QColor(Qt.GlobalColor.white)
    with atomic_path(path, check_svg) as tmp, export_state(scene, options.overlays, options.legend,
                                                          background) as rect:
        if rect.isEmpty():
            raise ExportError(NOTHING_TO_EXPORT)
        scratch: list[str] = []
        try:
            with svg_parts.parts(scene) as turns:
                for k, _ in enumerate(turns):
                    fd, name = tempfile.mkstemp(prefix=f".{Path(path).name}.{k}.", suffix=".part",
                                                dir=Path(path).parent)
                    os.close(fd)
                    scratch.append(name)
                    _svg_part(scene, rect, name, path, options, first=k == 0)
            stitch(scratch, tmp)  # Qt's files, then the portable copy into *tmp* (which may have no name)
        finally:
            for name in scratch:
                Path(name).unlink(missing_ok=True)
    return Path(path)


def _svg_part(scene: QGraphicsScene, rect: QRectF, scratch: str, path: str | os.PathLike[str],
              options: ImageOptions, first: bool) -> None:
    """Paint the scene (its painted part) into one QSvgGenerator file; the first part gets the white page."""
    from PySide6.QtSvg import QSvgGenerator

    w, h = rect.width(), rect.height()
    generator = QSvgGenerator()
    generator.setFileName(scratch)
    generator.setSize(QSize(math.ceil(w), math.ceil(h)))
    generator.setViewBox(QRectF(0, 0, w, h))
    generator.setResolution(round(SCREEN_DPI))
    generator.setTitle(options.title or map_title(scene))
    generator.setDescription("Customer journey map exported by JourneyMap")
    painter = QPainter()
    if not painter.begin(generator):
        raise ExportError(CANNOT_WRITE_SVG_FILE, path)
    try:
        if first and not options.transparent:
            painter.fillRect(QRectF(0, 0, w, h), Qt.GlobalColor.white)
        _paint(painter, scene, QRectF(0, 0, w, h), rect)
    except BaseException:
        painter.end()
        raise
    _end(painter, path, "SVG")
    del painter, generator  # closes the file before it is read


# -------------------------------------------------------------------- PDF
def page_size(page: str) -> QPageSize:
    """The QPageSize of a named page (not "fit")."""
    if page == "slide":
        return QPageSize(QSizeF(*SLIDE_POINTS), QPageSize.Unit.Point, "16:9 slide",
                         QPageSize.SizeMatchPolicy.ExactMatch)
    try:
        return QPageSize(PAGE_IDS[page])
    except KeyError:
        raise ExportError(UNKNOWN_PAGE_USE_ONE, page, ', '.join(PAGES)) from None


def page_layout(page: str, rect: QRectF, margin_mm: float, portrait: bool = False) -> QPageLayout:
    margins = QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm)
    if page == "fit":
        mm_per_point = 25.4 / 72.0
        w_pt = rect.width() * POINTS_PER_UNIT + 2 * margin_mm / mm_per_point
        h_pt = rect.height() * POINTS_PER_UNIT + 2 * margin_mm / mm_per_point
        shrink = min(1.0, PDF_MAX_POINTS / max(w_pt, h_pt))
        size = QPageSize(QSizeF(w_pt * shrink, h_pt * shrink), QPageSize.Unit.Point, "Journey map",
                         QPageSize.SizeMatchPolicy.ExactMatch)
        orientation = QPageLayout.Orientation.Portrait
    else:
        size = page_size(page)
        orientation = QPageLayout.Orientation.Portrait if portrait else QPageLayout.Orientation.Landscape
    return QPageLayout(size, orientation, margins, QPageLayout.Unit.Millimeter)


def paint_area(layout: QPageLayout) -> QRectF:
    """The printable area in the PDF's device units, unrounded (writer.width() is an int)."""
    area = layout.paintRect(QPageLayout.Unit.Point)
    return QRectF(0, 0, area.width() * PDF_RESOLUTION / 72.0, area.height() * PDF_RESOLUTION / 72.0)


def paint_fitted(painter: QPainter, scene: QGraphicsScene, area: QRectF, rect: QRectF) -> None:
    """The scene's *rect* scaled to fit *area*, centred."""
    factor = min(area.width() / rect.width(), area.height() / rect.height())
    target = QRectF(0, 0, rect.width() * factor, rect.height() * factor)
    target.moveCenter(area.center())
    _paint(painter, scene, target, rect)


def pdf_writer(path: str | os.PathLike[str], title: str, layout: QPageLayout) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setCreator("JourneyMap")
    writer.setTitle(title)
    if not writer.setPageLayout(layout):
        raise ExportError(PAGE_SIZE_NOT_SUPPORTED, path)
    return writer


def export_pdf(scene: QGraphicsScene, path: str | os.PathLike[str], options: ImageOptions | None = None) -> Path:
    """A vector PDF: one page sized to the map ("fit"), the map fitted to a paper or slide page,
    the map tiled over pages at a readable size (``tile``), or the report (``report``)."""
    options = options or ImageOptions()
    if not (0 <= options.margin_mm <= 50):
        raise ExportError(PAGE_MARGIN_MUST_BETWEEN_AND_MM, format(options.margin_mm, 'g'))
    if options.report:
        from journeymap.ui.export.pdf_report import export_report

        return export_report(scene, path, options)
    tile = options.tile and options.page != "fit" and hasattr(scene, "grid")
    background = None if options.transparent else QColor(Qt.GlobalColor.white)
    legend = options.legend  # tiles repeat it on every page (pdf_tiles)
    with atomic_path(path, check_pdf) as tmp, export_state(scene, options.overlays, legend, background) as rect:
        if rect.isEmpty():
            raise ExportError(NOTHING_TO_EXPORT)
        layout = page_layout(options.page, rect, options.margin_mm, options.portrait)
        writer = pdf_writer(tmp, options.title or map_title(scene), layout)
        painter = QPainter()
        if not painter.begin(writer):
            raise ExportError(CANNOT_WRITE_PDF_FILE, path)
        try:
            if tile:
                from journeymap.ui.export.pdf_tiles import write_tiles

                write_tiles(scene, writer, painter, layout, rect, options.title or map_title(scene),
                            options.tile_scale, _paint)
            else:
                paint_fitted(painter, scene, paint_area(layout), rect)
        except BaseException:
            painter.end()
            raise
        _end(painter, path, "PDF")
        del painter, writer  # closes the file before it is checked
    return Path(path)


# --------------------------------------------------------------- dispatch
def export_image(scene: QGraphicsScene, path: str | os.PathLike[str], options: ImageOptions | None = None,
                 fmt: str | None = None) -> Path:
    """Write PNG, SVG or PDF, chosen by *fmt* or the file extension."""
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt == "png":
        return export_png(scene, path, options)
    if fmt == "svg":
        return export_svg(scene, path, options)
    if fmt == "pdf":
        return export_pdf(scene, path, options)
    raise ExportError(NOT_IMAGE_FORMAT_PNG_SVG_OR, path, fmt)


def copy_to_clipboard(scene: QGraphicsScene, options: ImageOptions | None = None) -> QImage:
    """Put a PNG-quality image of the map on the clipboard (2× for crisp pasting, white background)."""
    options = options or ImageOptions(scale=2.0)
    image = render_image(scene, options)
    QGuiApplication.clipboard().setImage(image)
    return image
