"""Turn an image file into a photo fit to store in a document, or refuse it with a reason.

Store managers attach phone photos: 12 megapixels and more, turned by an EXIF
orientation tag, carrying GPS coordinates.  :func:`prepare` decodes the file
with Qt (``QImageReader``, no extra dependency) and re-encodes the pixels:

* the header is read first and the claimed size checked before anything is
  decoded, under an allocation limit, so a PNG claiming 60,000 × 60,000
  pixels allocates nothing;
* EXIF orientation is applied (``setAutoTransform``) and then dropped with all
  other metadata (EXIF, GPS, XMP, comments): only pixels are re-encoded;
* the long side is at most :data:`MAX_SIDE` pixels; photos become JPEG at
  quality :data:`JPEG_QUALITY`, PNG stays PNG (screenshots, diagrams), images
  with transparency become PNG;
* truncated JPEG and PNG files are refused, not stored half grey.

Qt is imported inside the functions: the CLI loads QtGui only when it attaches.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from journeymap.i18n import QT_TRANSLATE_NOOP, fill

MAX_SIDE = 2560
JPEG_QUALITY = 85
THUMB_SIDE = 320
THUMB_QUALITY = 80
MAX_FILE_BYTES = 100 * 1024 * 1024
# Claimed pixels refused before decoding. JPEG decodes straight to the reduced
# size (libjpeg's DCT scaling), other formats decode whole and then shrink.
MAX_JPEG_MEGAPIXELS = 120
MAX_OTHER_MEGAPIXELS = 50
SUFFIXES = (".jpg", ".jpeg", ".jfif", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff")

# The messages of PhotoError, translated where they are shown (see journeymap.i18n).
PHOTO_ERRORS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("PhotoError", "%1: no such file."),
    QT_TRANSLATE_NOOP("PhotoError", "%1: is a folder, not an image."),
    QT_TRANSLATE_NOOP("PhotoError", "%1: the file is empty."),
    QT_TRANSLATE_NOOP("PhotoError", "%1: cannot read the file (%2)."),
    QT_TRANSLATE_NOOP("PhotoError", "%1: the file is too large (%2 MB; at most %3 MB)."),
    QT_TRANSLATE_NOOP("PhotoError", "%1: not an image JourneyMap can read (use JPEG, PNG, WebP, GIF, BMP or TIFF)."),
    QT_TRANSLATE_NOOP(
        "PhotoError", "%1: HEIC/HEIF photos cannot be read; set the phone to take JPEG or export the photo as JPEG."
    ),
    QT_TRANSLATE_NOOP(
        "PhotoError", "%1: the image claims %2 × %3 pixels (at most %4 megapixels); refusing to decode it."
    ),
    QT_TRANSLATE_NOOP("PhotoError", "%1: the image is truncated (the file ends before the picture does)."),
    QT_TRANSLATE_NOOP("PhotoError", "%1: the image is damaged (%2)."),
)


class PhotoError(Exception):
    """An image file cannot be attached; the message names the file and says why.

    It carries its message id (the English template) and arguments, so it is
    translated where it is shown (``i18n.error_text``).
    """

    context = "PhotoError"

    def __init__(self, template: str, *args: object):
        super().__init__(fill(template, *args))
        self.template, self.args_ = template, args


@dataclass(frozen=True)
class PreparedPhoto:
    """A photo ready to store: metadata-free bytes, their hash and a thumbnail."""

    file_name: str
    mime_type: str
    data: bytes
    thumbnail: bytes
    width: int
    height: int
    sha256: str
    source_width: int
    source_height: int
    source_bytes: int


_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis"}


def is_heif(head: bytes) -> bool:
    return len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS


def jpeg_is_complete(data: bytes) -> bool:
    """Whether a JPEG's compressed picture ends with its EOI marker.

    The segments before the first SOS are skipped by their lengths (an EXIF
    thumbnail inside APP1 has an EOI of its own); inside entropy-coded data an
    0xFF byte is always followed by 0x00 or a restart marker, so the first
    ``FF D9`` after SOS is the end of the picture. Bytes after it (phone
    trailers) are allowed.
    """
    i = 2
    n = len(data)
    while i + 4 <= n:
        if data[i] != 0xFF:
            return False
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        if marker == 0xDA:  # start of scan
            return data.find(b"\xff\xd9", i + 2 + length) != -1
        i += 2 + length
    return False


def png_is_complete(data: bytes) -> bool:
    return data.rfind(b"IEND") != -1


def read_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of an image file, after the checks that need no decoding."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise PhotoError(PHOTO_ERRORS[0], p) from None
    except OSError as exc:
        raise PhotoError(PHOTO_ERRORS[3], p, exc.strerror) from exc
    if p.is_dir():
        raise PhotoError(PHOTO_ERRORS[1], p)
    if st.st_size == 0:
        raise PhotoError(PHOTO_ERRORS[2], p)
    if st.st_size > MAX_FILE_BYTES:
        raise PhotoError(PHOTO_ERRORS[4], p, round(st.st_size / 2**20), MAX_FILE_BYTES // 2**20)
    try:
        with open(p, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise PhotoError(PHOTO_ERRORS[3], p, exc.strerror) from exc
    if len(data) > MAX_FILE_BYTES:  # grew while we read it
        raise PhotoError(PHOTO_ERRORS[4], p, round(len(data) / 2**20), MAX_FILE_BYTES // 2**20)
    if not data:
        raise PhotoError(PHOTO_ERRORS[2], p)
    return data


def prepare_file(path: str | os.PathLike[str]) -> PreparedPhoto:
    """Read, check, orient, shrink and re-encode one image file (raises PhotoError)."""
    return prepare(read_file(path), Path(path).name, str(path))


def prepare(data: bytes, file_name: str, shown_as: str | None = None) -> PreparedPhoto:
    """Like :func:`prepare_file` for bytes already in memory (clipboard, drops of image data)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QColorSpace, QImageReader

    shown = shown_as or file_name
    if is_heif(data[:16]):
        raise PhotoError(PHOTO_ERRORS[6], shown)
    array = QByteArray(data)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setDecideFormatFromContent(True)
    fmt = bytes(reader.format().data()).decode("ascii", "replace").lower()
    if not fmt or fmt in ("svg", "svgz"):  # SVG: a document, not a photo (and it could fetch things)
        raise PhotoError(PHOTO_ERRORS[5], shown)
    size = reader.size()
    if not size.isValid() or size.width() <= 0 or size.height() <= 0:
        raise PhotoError(PHOTO_ERRORS[9], shown, reader.errorString() or "no picture size")
    w, h = size.width(), size.height()
    limit = MAX_JPEG_MEGAPIXELS if fmt in ("jpeg", "jpg") else MAX_OTHER_MEGAPIXELS
    if w * h > limit * 1_000_000 or max(w, h) > 65_000:
        raise PhotoError(PHOTO_ERRORS[7], shown, w, h, limit)
    if fmt in ("jpeg", "jpg") and not jpeg_is_complete(data):
        raise PhotoError(PHOTO_ERRORS[8], shown)
    if fmt == "png" and not png_is_complete(data):
        raise PhotoError(PHOTO_ERRORS[8], shown)

    reader.setAutoTransform(True)
    factor = min(1.0, MAX_SIDE / max(w, h))
    if factor < 1.0:
        reader.setScaledSize(QSize(max(1, round(w * factor)), max(1, round(h * factor))))
    # Room for the decoded picture at the size it is decoded at, never the claimed size.
    need_mb = (w * h * 4 if fmt not in ("jpeg", "jpg") else max(w * h * 4 * factor * factor, 1)) / 2**20
    reader.setAllocationLimit(int(need_mb) + 64)
    image = reader.read()
    if image.isNull():
        raise PhotoError(PHOTO_ERRORS[9], shown, reader.errorString())
    if max(image.width(), image.height()) > MAX_SIDE:  # a format that ignores the scaled size
        image = image.scaled(MAX_SIDE, MAX_SIDE, aspectMode=_keep_ratio(), mode=_smooth())
    space = image.colorSpace()
    if space.isValid() and space != QColorSpace(QColorSpace.NamedColorSpace.SRgb):
        image.convertToColorSpace(QColorSpace(QColorSpace.NamedColorSpace.SRgb))
    keep_png = fmt == "png" or image.hasAlphaChannel()
    pixels = _pixels_only(image, keep_png)
    if keep_png:
        mime, stored = "image/png", _encode(pixels, "PNG", -1)
    else:
        mime, stored = "image/jpeg", _encode(pixels, "JPEG", JPEG_QUALITY)
    thumb = pixels.scaled(THUMB_SIDE, THUMB_SIDE, aspectMode=_keep_ratio(), mode=_smooth()) if max(
        pixels.width(), pixels.height()) > THUMB_SIDE else pixels
    thumb_bytes = _encode(thumb, "PNG", -1) if keep_png else _encode(thumb, "JPEG", THUMB_QUALITY)
    base = os.path.splitext(os.path.basename(file_name))[0] or "photo"
    ext = ".png" if keep_png else ".jpg"
    return PreparedPhoto(
        file_name=base + ext,
        mime_type=mime,
        data=stored,
        thumbnail=thumb_bytes,
        width=pixels.width(),
        height=pixels.height(),
        sha256=hashlib.sha256(stored).hexdigest(),
        source_width=w,
        source_height=h,
        source_bytes=len(data),
    )


def _keep_ratio():
    from PySide6.QtCore import Qt

    return Qt.AspectRatioMode.KeepAspectRatio


def _smooth():
    from PySide6.QtCore import Qt

    return Qt.TransformationMode.SmoothTransformation


def _pixels_only(image, alpha: bool):
    """A copy of the pixels with nothing else: no text keys (JPEG comments), no EXIF."""
    from PySide6.QtGui import QImage

    fmt = QImage.Format.Format_ARGB32 if alpha else QImage.Format.Format_RGB32
    src = image.convertToFormat(fmt)
    # A QImage over the raw scan lines has no metadata; copy() detaches it from them.
    return QImage(src.constBits(), src.width(), src.height(), src.bytesPerLine(), fmt).copy()


def _encode(image, fmt: str, quality: int) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, fmt, quality):  # pragma: no cover - Qt always has JPEG and PNG writers
        raise RuntimeError(f"cannot encode {fmt}")
    return bytes(buffer.data())


def is_image_name(name: str) -> bool:
    return name.lower().endswith(SUFFIXES)
