"""A minimal streaming PNG writer: rows in, a valid PNG file out, in bounded memory.

``QImage.save`` needs the whole image in memory and compresses it with libpng's
defaults (adaptive filters, zlib level 6), which for a 2× export of a big map
(~13,000 px square) means over half a gigabyte of pixels and several seconds
of compression. This writer takes the image band by band:

* every row gets the PNG "Up" filter (the byte-wise difference to the row
  above), which turns the map's large flat areas and repeated rows into zeros;
* one ``zlib.compressobj`` (a fast level) compresses the filtered rows in a
  worker thread while the caller renders the next band (zlib releases the
  GIL), and the compressed stream is written out as ``IDAT`` chunks as it grows;
* a small pool of row buffers bounds memory and makes the renderer wait when
  the compressor falls behind.

Output: 8-bit RGB (colour type 2) or RGBA (colour type 6, straight alpha),
non-interlaced, with optional ``pHYs`` (print resolution) and text chunks
(``tEXt`` for Latin-1 text, ``iTXt`` otherwise), every chunk with its CRC.
"""

from __future__ import annotations

import queue
import struct
import threading
import zlib
from types import TracebackType
from typing import BinaryIO

import numpy as np

SIGNATURE = b"\x89PNG\r\n\x1a\n"
LEVEL = 3  # zlib level: 1-3 are the fast "deflate_fast" levels, equally fast here; 3 is the smallest of them
IDAT_SIZE = 1 << 20  # write the compressed stream in IDAT chunks of about this size
FILTER_UP = 2
POOL = 3  # row buffers in flight: one being filled, one queued, one being compressed


def chunk(kind: bytes, data: bytes = b"") -> bytes:
    """One PNG chunk: length, type, data and the CRC of type and data."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(data, zlib.crc32(kind)))


def text_chunk(key: str, value: str) -> bytes:
    """``tEXt`` when *value* is Latin-1 (and has no NUL), else uncompressed UTF-8 ``iTXt``."""
    keyword = key.encode("latin-1", "replace")[:79] or b"Comment"
    try:
        if "\0" in value:
            raise UnicodeEncodeError("latin-1", value, 0, 1, "NUL")
        return chunk(b"tEXt", keyword + b"\0" + value.encode("latin-1"))
    except UnicodeEncodeError:
        # keyword, NUL, compression flag 0, method 0, empty language tag, NUL, empty translated keyword, NUL
        return chunk(b"iTXt", keyword + b"\0\0\0\0\0" + value.replace("\0", " ").encode("utf-8"))


class PngWriter:
    """Write a *width* × *height* PNG to *file* from rows given top to bottom.

    Use as a context manager; ``write_rows`` takes a 2-D ``uint8`` array of
    whole rows (``width * channels`` bytes each, any number of rows per call).
    The file is complete when the ``with`` block ends without an error; on an
    error the compressor thread is stopped and nothing more is written.
    """

    def __init__(self, file: BinaryIO, width: int, height: int, *, alpha: bool = False,
                 dots_per_metre: int | None = None, text: dict[str, str] | None = None,
                 level: int = LEVEL, threaded: bool = True, band_rows: int = 256):
        if width < 1 or height < 1:
            raise ValueError(f"a PNG must be at least 1 × 1 px, got {width} × {height}")
        self.file = file
        self.width = width
        self.height = height
        self.channels = 4 if alpha else 3
        self.row_bytes = width * self.channels
        self.rows_written = 0
        self._compressor = zlib.compressobj(level, zlib.DEFLATED, 15, 9)
        self._pending = bytearray()
        self._previous = np.zeros(self.row_bytes, np.uint8)  # the row above the first row is zeros
        self._band_rows = max(1, band_rows)
        self._free: queue.Queue[np.ndarray] = queue.Queue()
        self._work: queue.Queue[tuple[np.ndarray, int] | None] = queue.Queue()
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._closed = False
        self._allocated = 0

        header = struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)
        head = [SIGNATURE, chunk(b"IHDR", header)]
        if dots_per_metre:
            head.append(chunk(b"pHYs", struct.pack(">IIB", dots_per_metre, dots_per_metre, 1)))
        for key, value in (text or {}).items():
            head.append(text_chunk(key, value))
        self.file.write(b"".join(head))
        if threaded:
            self._thread = threading.Thread(target=self._run, name="png-deflate", daemon=True)
            self._thread.start()

    # ------------------------------------------------------------ writing
    def write_rows(self, rows: np.ndarray) -> None:
        """Filter and queue *rows* (shape ``(n, width * channels)``, ``uint8``)."""
        if self._closed:
            raise ValueError("the PNG is already finished")
        rows = np.asarray(rows, dtype=np.uint8)
        if rows.ndim != 2 or rows.shape[1] != self.row_bytes:
            raise ValueError(f"rows must have {self.row_bytes} bytes each, got shape {rows.shape}")
        if self.rows_written + len(rows) > self.height:
            raise ValueError(f"more than {self.height} rows")
        start = 0
        while start < len(rows):
            self._raise_error()
            buffer = self._buffer()
            n = min(len(rows) - start, len(buffer))
            part = rows[start:start + n]
            # Up filter: each byte minus the byte above it (mod 256), after a filter-type byte.
            out = buffer[:n]
            out[:, 0] = FILTER_UP
            np.subtract(part[0], self._previous, out=out[0, 1:])
            if n > 1:
                np.subtract(part[1:], part[:-1], out=out[1:, 1:])
            self._previous[:] = part[-1]
            if self._thread is None:
                try:
                    self._deflate(buffer, n)
                finally:
                    self._free.put(buffer)
            else:
                self._work.put((buffer, n))
            start += n
            self.rows_written += n

    def close(self) -> None:
        """Flush the compressed stream and write ``IEND``; every row must have been written."""
        if self._closed:
            return
        self._stop()
        self._closed = True
        self._raise_error()
        if self.rows_written != self.height:
            raise ValueError(f"{self.rows_written} of {self.height} rows were written")
        self._pending += self._compressor.flush()
        self._emit(final=True)
        self.file.write(chunk(b"IEND"))

    def abort(self) -> None:
        """Stop the compressor thread without finishing the file."""
        self._stop()
        self._closed = True

    def __enter__(self) -> PngWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()

    # ------------------------------------------------------------ internals
    def _buffer(self) -> np.ndarray:
        """A free row buffer (filter byte + row), allocated up to POOL, then recycled."""
        if self._allocated < POOL:
            self._allocated += 1
            return np.empty((self._band_rows, self.row_bytes + 1), np.uint8)
        return self._free.get()

    def _deflate(self, buffer: np.ndarray, n: int) -> None:
        self._pending += self._compressor.compress(buffer[:n])
        if len(self._pending) >= IDAT_SIZE:
            self._emit()

    def _emit(self, final: bool = False) -> None:
        data = self._pending
        while len(data) >= IDAT_SIZE or (final and data):
            piece = bytes(data[:IDAT_SIZE])
            del data[:IDAT_SIZE]
            self.file.write(chunk(b"IDAT", piece))

    def _run(self) -> None:
        while True:
            item = self._work.get()
            if item is None:
                return
            buffer, n = item
            try:
                if self._error is None:
                    self._deflate(buffer, n)
            except BaseException as exc:  # noqa: BLE001 - handed to the writing thread
                self._error = exc
            finally:
                self._free.put(buffer)

    def _stop(self) -> None:
        if self._thread is not None:
            self._work.put(None)
            self._thread.join()
            self._thread = None

    def _raise_error(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            self._closed = True
            self._stop()
            raise error
