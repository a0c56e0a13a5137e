"""Image files as phones and hostile senders write them, built byte by byte in the tests."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

LATITUDE = (40, 25, 1234)  # 40° 25' 12.34" N, Madrid
SECRET_ARTIST = b"Jane Doe, store 42\x00"


def _qt_jpeg(width: int, height: int, quality: int = 90) -> bytes:
    """A JPEG whose left quarter is red and the rest blue (so a rotation shows)."""
    from PySide6.QtCore import QBuffer, QIODevice, QRect
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("blue"))
    painter = QPainter(image)
    painter.fillRect(QRect(0, 0, width // 4, height), QColor("red"))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "JPEG", quality)
    return bytes(buffer.data())


def _strip_app0(jpeg: bytes) -> bytes:
    """Remove the JFIF APP0 segment Qt writes: cameras start with APP1 Exif instead."""
    assert jpeg[:2] == b"\xff\xd8"
    if jpeg[2:4] == b"\xff\xe0":
        length = int.from_bytes(jpeg[4:6], "big")
        return jpeg[:2] + jpeg[4 + length :]
    return jpeg


def exif_app1(orientation: int) -> bytes:
    """An APP1 Exif segment (big-endian TIFF) with Orientation, Artist and a GPS IFD."""
    def entry(tag: int, kind: int, count: int, value: bytes) -> bytes:
        return struct.pack(">HHI", tag, kind, count) + value.ljust(4, b"\x00")

    ifd0_at = 8
    artist_at = ifd0_at + 2 + 3 * 12 + 4
    gps_at = artist_at + len(SECRET_ARTIST)
    lat_at = gps_at + 2 + 4 * 12 + 4
    lon_at = lat_at + 24
    ifd0 = struct.pack(">H", 3) + b"".join([
        entry(0x0112, 3, 1, struct.pack(">H", orientation)),
        entry(0x013B, 2, len(SECRET_ARTIST), struct.pack(">I", artist_at)),
        entry(0x8825, 4, 1, struct.pack(">I", gps_at)),
    ]) + struct.pack(">I", 0)
    gps = struct.pack(">H", 4) + b"".join([
        entry(0x0001, 2, 2, b"N\x00"),
        entry(0x0002, 5, 3, struct.pack(">I", lat_at)),
        entry(0x0003, 2, 2, b"W\x00"),
        entry(0x0004, 5, 3, struct.pack(">I", lon_at)),
    ]) + struct.pack(">I", 0)
    lat = struct.pack(">6I", LATITUDE[0], 1, LATITUDE[1], 1, LATITUDE[2], 100)
    lon = struct.pack(">6I", 3, 1, 42, 1, 5678, 100)
    tiff = b"MM\x00\x2a" + struct.pack(">I", ifd0_at) + ifd0 + SECRET_ARTIST + gps + lat + lon
    payload = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def phone_jpeg(path: Path, width: int = 400, height: int = 200, orientation: int = 6) -> Path:
    """A JPEG shaped like a phone's: SOI, APP1 Exif (orientation, artist, GPS), then the picture."""
    body = _strip_app0(_qt_jpeg(width, height))
    path.write_bytes(body[:2] + exif_app1(orientation) + body[2:])
    return path


def plain_png(path: Path, width: int, height: int) -> Path:
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7"))
    assert image.save(str(path), "PNG")
    return path


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def huge_png_header(path: Path, side: int = 60_000) -> Path:
    """A small, valid-looking PNG whose IHDR claims side × side RGB pixels."""
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + _chunk(b"IEND", b"")
    )
    return path


def truncated_jpeg(path: Path) -> Path:
    data = phone_jpeg(path).read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def heic(path: Path) -> Path:
    """The start of an HEIC file (ISO BMFF ``ftyp`` box, brand heic), as iPhones write them."""
    ftyp = b"ftypheic" + b"\x00\x00\x00\x00" + b"mif1heicmiaf"
    path.write_bytes(struct.pack(">I", 8 + len(ftyp)) + ftyp + b"\x00" * 64)
    return path
