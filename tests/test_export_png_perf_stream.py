"""Streamed PNG export: valid chunks, the in-memory render's pixels, bounded bands, stamps only where exact."""

from __future__ import annotations

import io
import struct
import xml.etree.ElementTree as ET
import zlib

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from journeymap.services.exporting import ExportError
from journeymap.ui.export import png_writer, render
from journeymap.ui.export.png_writer import PngWriter
from journeymap.ui.export.render import ImageOptions, export_png, export_svg, png_bytes, render_image
from journeymap.ui.scene import stamps


# ------------------------------------------------------------------ helpers
def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """(type, data) of every chunk; asserts the signature, the lengths and every CRC."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    out, i = [], 8
    while i < len(data):
        (length,) = struct.unpack(">I", data[i : i + 4])
        kind, body = data[i + 4 : i + 8], data[i + 8 : i + 8 + length]
        (crc,) = struct.unpack(">I", data[i + 8 + length : i + 12 + length])
        assert len(body) == length
        assert crc == zlib.crc32(kind + body), kind
        out.append((kind, body))
        i += 12 + length
    assert i == len(data)
    return out


def check_structure(data: bytes, alpha: bool) -> tuple[int, int, list[tuple[bytes, bytes]]]:
    parts = chunks(data)
    kinds = [k for k, _ in parts]
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND" and parts[-1][1] == b""
    idat = [i for i, k in enumerate(kinds) if k == b"IDAT"]
    assert idat and idat == list(range(idat[0], idat[-1] + 1)), "IDAT chunks must be consecutive"
    w, h, depth, colour, comp, filt, interlace = struct.unpack(">IIBBBBB", parts[0][1])
    assert (depth, colour, comp, filt, interlace) == (8, 6 if alpha else 2, 0, 0, 0)
    raw = zlib.decompress(b"".join(body for k, body in parts if k == b"IDAT"))
    stride = 1 + w * (4 if alpha else 3)
    assert len(raw) == h * stride
    assert set(raw[::stride]) <= {0, 1, 2, 3, 4}  # a valid filter type on every row
    return w, h, parts


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    data = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].astype(np.int16)


def decode(data: bytes) -> QImage:
    image = QImage.fromData(data, "PNG")
    assert not image.isNull()
    return image


@pytest.fixture
def scene(scored_scene):
    return scored_scene


@pytest.fixture
def small_bands(monkeypatch):
    """Bands of a few dozen rows, so that even a small map is streamed in many bands."""
    monkeypatch.setattr(render, "BAND_PIXELS", 20_000)


# ------------------------------------------------------------ the writer
@pytest.mark.parametrize("alpha", [False, True])
@pytest.mark.parametrize("threaded", [True, False])
def test_writer_round_trips_random_rows(qapp, monkeypatch, alpha, threaded):
    monkeypatch.setattr(png_writer, "IDAT_SIZE", 4096)  # several IDAT chunks
    rng = np.random.default_rng(7)
    w, h, c = 97, 61, 4 if alpha else 3
    rows = rng.integers(0, 256, (h, w * c), dtype=np.uint8)
    rows[10:30] = rows[9]  # repeated rows, as in flat areas
    if alpha:
        rows[:, 3::4] = 255  # QImage premultiplies translucent pixels: keep the comparison exact
    out = io.BytesIO()
    with PngWriter(out, w, h, alpha=alpha, dots_per_metre=7559, text={"Title": "Été", "Software": "JourneyMap"},
                   threaded=threaded, band_rows=8) as png:
        png.write_rows(rows[:5])  # any number of rows per call, more than a band too
        png.write_rows(rows[5:40])
        png.write_rows(rows[40:])
    w2, h2, parts = check_structure(out.getvalue(), alpha)
    assert (w2, h2) == (w, h)
    assert sum(k == b"IDAT" for k, _ in parts) > 1
    assert (b"pHYs", struct.pack(">IIB", 7559, 7559, 1)) in parts
    image = decode(out.getvalue())
    assert image.text("Title") == "Été" and image.text("Software") == "JourneyMap"
    assert image.dotsPerMeterX() == 7559
    fmt = QImage.Format.Format_RGBA8888 if alpha else QImage.Format.Format_RGB888
    got = image.convertToFormat(fmt)
    decoded = np.frombuffer(got.constBits(), np.uint8, count=got.sizeInBytes()).reshape(h, got.bytesPerLine())
    assert np.array_equal(decoded[:, : w * c], rows)


def test_writer_text_chunks_latin1_and_unicode(qapp):
    out = io.BytesIO()
    with PngWriter(out, 2, 2, text={"Title": "Café", "Comment": "旅程 map"}) as png:
        png.write_rows(np.zeros((2, 6), np.uint8))
    parts = dict(check_structure(out.getvalue(), False)[2][1:-1])
    assert parts[b"tEXt"] == b"Title\0Caf\xe9"
    assert parts[b"iTXt"] == b"Comment\0\0\0\0\0" + "旅程 map".encode()
    image = decode(out.getvalue())
    assert image.text("Title") == "Café" and image.text("Comment") == "旅程 map"


def test_writer_rejects_bad_rows_and_short_images(qapp):
    out = io.BytesIO()
    png = PngWriter(out, 4, 3)
    with pytest.raises(ValueError, match="12 bytes"):
        png.write_rows(np.zeros((1, 11), np.uint8))
    png.write_rows(np.zeros((2, 12), np.uint8))
    with pytest.raises(ValueError, match="more than 3 rows"):
        png.write_rows(np.zeros((2, 12), np.uint8))
    with pytest.raises(ValueError, match="2 of 3 rows"):
        png.close()


class FailingFile(io.BytesIO):
    def __init__(self, fail_after: int):
        super().__init__()
        self.fail_after = fail_after

    def write(self, data):
        if self.tell() + len(data) > self.fail_after:
            raise OSError(28, "No space left on device")
        return super().write(data)


def test_writer_error_in_the_compressor_thread_reaches_the_caller(qapp, monkeypatch):
    monkeypatch.setattr(png_writer, "IDAT_SIZE", 256)
    rng = np.random.default_rng(1)
    with pytest.raises(OSError, match="No space"):
        with PngWriter(FailingFile(2000), 64, 400, band_rows=16) as png:
            for _ in range(0, 400, 16):
                png.write_rows(rng.integers(0, 256, (16, 192), dtype=np.uint8))
    assert png._thread is None  # the compressor thread was stopped


# ----------------------------------------------------------- the export
@pytest.mark.parametrize("scale", [1, 2])
@pytest.mark.parametrize("transparent", [False, True])
def test_streamed_png_is_the_in_memory_render(scene, small_bands, scale, transparent):
    options = ImageOptions(scale=scale, transparent=transparent, overlays={"nps", "sentiment", "emotion"})
    data = png_bytes(scene, options)
    w, h, _ = check_structure(data, transparent)
    reference = render_image(scene, options)
    assert (w, h) == (reference.width(), reference.height())
    assert render.band_rows(w, h) < h / 4  # really streamed in bands
    image = decode(data)
    assert image.text("Title") == reference.text("Title")
    assert image.dotsPerMeterX() == reference.dotsPerMeterX()
    diff = np.abs(pixels(image) - pixels(reference))
    # Antialiased curves (faces, the emotion line) cut by a band's edge may differ by a few levels
    # in a handful of pixels there; everything else is identical.
    assert diff.max() <= 4
    assert (diff > 0).mean() < 1e-4


@pytest.mark.parametrize("scale", [1, 2, 3])
def test_stamped_png_looks_like_the_vector_rendering(scene, monkeypatch, tmp_path, scale):
    """Raster exports use the cards' pixmap stamps where exact; the result is the vector drawing's."""
    options = ImageOptions(scale=scale, overlays={"nps", "sentiment"})
    stamps.clear()
    out = tmp_path / "m.png"
    export_png(scene, out, options)
    stamped = pixels(QImage(str(out)))
    assert any(len(key) == 4 for key in stamps._CACHE), "the export used no stamp"
    with monkeypatch.context() as m:
        m.setattr(stamps, "exact_mode", lambda: False)  # export mode without exact stamps: all vectors
        vector = pixels(render_image(scene, options))
    assert stamped.shape == vector.shape
    diff = np.abs(stamped - vector)
    assert diff.max() <= 8
    assert (diff > 1).mean() < 1e-3


def test_stamps_on_half_pixels_are_exact_and_elsewhere_vector(qapp):
    def draw(p):
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#2C7BB6"))
        p.drawRoundedRect(QRectF(0, 0, 10, 6), 3, 3)

    def paint(offset: float, use_stamp: bool) -> np.ndarray:
        image = QImage(40, 30, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.white)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.translate(offset, offset)
        p.scale(2, 2)
        if use_stamp:
            with stamps.exact():
                stamps.draw_stamp(p, ("test-shape",), QRectF(0, 0, 10, 6), draw, stamps.device_scale(p))
        else:
            draw(p)
        p.end()
        return pixels(image)

    stamps.clear()
    for offset in (3.0, 3.5, 3.25):
        assert np.abs(paint(offset, True) - paint(offset, False)).max() <= 2, offset
    phases = sorted(key[3] for key in stamps._CACHE if key[0] == ("test-shape",))
    assert phases == [(0, 0), (1, 1)]  # whole and half pixel; a quarter pixel was drawn as vectors


def test_svg_keeps_vectors(scene, tmp_path):
    out = tmp_path / "m.svg"
    export_svg(scene, out, ImageOptions(overlays={"nps", "sentiment"}))
    root = ET.parse(out).getroot()
    assert not list(root.iter("{http://www.w3.org/2000/svg}image")), "no bitmap stamps in an SVG"


def test_export_png_never_makes_the_whole_image(scene, tmp_path, monkeypatch, small_bands):
    made = []

    class TrackingImage(QImage):
        def __init__(self, *args):
            super().__init__(*args)
            made.append((self.width(), self.height()))

    monkeypatch.setattr(render, "QImage", TrackingImage)
    monkeypatch.setattr(render, "render_image", lambda *a, **k: pytest.fail("render_image used"))
    out = tmp_path / "m.png"
    export_png(scene, out, ImageOptions(scale=2))
    w, h, _ = check_structure(out.read_bytes(), False)
    assert made and all(mh < h / 4 for _, mh in made)


def test_export_png_write_error_is_an_export_error_and_leaves_nothing(scene, tmp_path, monkeypatch):
    def failing_open(path, mode):
        return FailingFile(100)

    monkeypatch.setattr(render, "open", failing_open, raising=False)
    with pytest.raises(ExportError, match="cannot write the PNG"):
        export_png(scene, tmp_path / "m.png", ImageOptions())
    assert not list(tmp_path.glob("m.png*")) and not list(tmp_path.glob(".m.png*"))
