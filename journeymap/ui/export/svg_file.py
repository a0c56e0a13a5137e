"""The SVG file around what ``QSvgGenerator`` writes: parts stitched into one, made portable, checked.

``QSvgGenerator`` keeps its whole document as UTF-16 strings until ``end()``
(~700 MB for the 30,000-card map), so a big map is painted in parts, a few
thousand items each, every part by its own generator into its own scratch file
(``svg_parts``). Each part is a whole SVG: the header, ``<defs>``, one outer
``<g>`` and the body, a ``<g>`` per painter state that carries the whole state.
The bodies in painting order therefore draw what one generator would have drawn;
``stitch`` writes the first part's header, every part's definitions (gradient
ids renamed per part: each generator numbers its own from 1) and the bodies,
streaming, with the font families made portable, the control characters XML
cannot hold dropped and the empty groups Qt leaves at every state change
(a fifth of the file) left out.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtGui import QFont, QFontInfo

from journeymap.domain.messages import QT_TRANSLATE_NOOP, message
from journeymap.services.atomic_file import InvalidOutput

SVG_FILE_NOT_WELL_FORMED = message("export.svg_file_not_well_formed", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "the SVG file is not well-formed: %1"))
SVG_PART_NOT_QT = message("export.svg_part_not_qt", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "the SVG writer wrote an unexpected file"))

BLOCK = 1 << 20
DEFS_OPEN = b"<defs>\n"
DEFS_CLOSE = b"</defs>\n"
TAIL = b"</g>\n</svg>\n"

# XML 1.0 cannot hold these characters, not even as character references.
_XML_ILLEGAL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XML_ILLEGAL_REFS = re.compile(rb"&#(?:x0*(?:[0-8bcefBCEF]|1[0-9a-fA-F])|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]));")
_FONT_FAMILY = re.compile(rb'font-family="([^"]*)"')
# A state group with nothing drawn in it (Qt opens one at every state change).
_EMPTY_GROUP = re.compile(rb"\n<g [^<>]*>\n</g>\n")
# Gradient ids are per generator: "gradient1"... in every part (patterns are named by image key).
_GRADIENT_ID = re.compile(rb'id="gradient(\d+)"')
_GRADIENT_USE = re.compile(rb'(fill|stroke)="url\(#gradient(\d+)\)"')
_PATTERN_ID = re.compile(rb'<pattern id="([^"]*)"')
GENERIC_FAMILIES = ("serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui")


def css_font_family(family: str) -> str:
    """A CSS font-family list: the font Qt really used, then a generic family.

    Qt writes the family as asked ("Sans Serif", an alias fontconfig knows but
    browsers and PowerPoint do not); the font it resolved to, followed by the
    matching generic family, renders the same lines everywhere that font exists
    and a close match where it does not.
    """
    font = QFont(family)
    resolved = QFontInfo(font).family() or family
    generic = "monospace" if QFontInfo(font).fixedPitch() else (
        "serif" if "serif" in family.lower().replace("sans serif", "").replace("sans-serif", "") else "sans-serif")
    names = [resolved] + ([family] if family != resolved and family.lower() not in ("sans serif", "sans") else [])
    quoted = ", ".join("'" + n.replace("'", "") + "'" for n in names if n.lower() not in GENERIC_FAMILIES)
    return f"{quoted}, {generic}" if quoted else generic


class Portable:
    """The byte fixes every piece of the output goes through (font families resolved once each)."""

    def __init__(self) -> None:
        self._families: dict[bytes, bytes] = {}

    def _family(self, match: re.Match[bytes]) -> bytes:
        family = match.group(1)
        if family not in self._families:
            css = css_font_family(family.decode("utf-8", "replace")).replace("&", "&amp;").replace('"', "&quot;")
            self._families[family] = b'font-family="' + css.encode("utf-8") + b'"'
        return self._families[family]

    def __call__(self, data: bytes) -> bytes:
        data = _XML_ILLEGAL_REFS.sub(b"", _XML_ILLEGAL_BYTES.sub(b"", data))
        return _FONT_FAMILY.sub(self._family, data)


def _blocks(fh, start: int, end: int, cut: bytes) -> Iterator[bytes]:
    """Bytes *start*..*end* of *fh* in blocks of about BLOCK, each cut just after the first byte of
    its last *cut*: ``b"\\n"`` keeps lines whole (no token QSvgGenerator writes spans one), ``b"\\n\\n"``
    keeps state groups whole (each starts on the line after a blank one)."""
    fh.seek(start)
    left, carry = end - start, b""
    while left > 0:
        data = fh.read(min(BLOCK, left))
        if not data:
            break
        left -= len(data)
        data = carry + data
        at = data.rfind(cut) + 1
        if at and left > 0:
            yield data[:at]
            data = data[at:]
        carry = data
    if carry:
        yield carry


class Part:
    """Where a generator's file keeps its header, definitions and body (byte offsets)."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        with open(self.path, "rb") as fh:
            header = b""
            while not header.endswith(DEFS_OPEN):
                line = fh.readline()
                if not line:
                    raise InvalidOutput(SVG_PART_NOT_QT)
                header += line
            self.header = header
            self.defs_start = fh.tell()
            while (line := fh.readline()) != DEFS_CLOSE:
                if not line:
                    raise InvalidOutput(SVG_PART_NOT_QT)
            self.defs_end = fh.tell() - len(DEFS_CLOSE)
            self.outer = fh.readline()  # the generator's outer <g>: its default pen and fill
            self.body_start = fh.tell()
            size = fh.seek(0, os.SEEK_END)
            fh.seek(size - len(TAIL))
            if not self.outer.startswith(b"<g ") or fh.read() != TAIL:
                raise InvalidOutput(SVG_PART_NOT_QT)
            self.body_end = size - len(TAIL)


def stitch(parts: list[str | os.PathLike[str]], target: str | os.PathLike[str]) -> None:
    """Write one SVG of *parts* (whole files of QSvgGenerator, in painting order) to *target*."""
    portable = Portable()
    read = [Part(p) for p in parts]
    patterns: set[bytes] = set()
    with open(target, "wb") as out:
        out.write(portable(read[0].header))
        for k, part in enumerate(read):
            with open(part.path, "rb") as fh:  # a few gradients and patterns: Qt held them in memory too
                fh.seek(part.defs_start)
                data = fh.read(part.defs_end - part.defs_start)
            if k:
                data = _GRADIENT_ID.sub(lambda m, k=k: b'id="gradient%d_%s"' % (k, m.group(1)), data)
            out.write(portable(_unique_patterns(data, patterns)))
        out.write(DEFS_CLOSE + read[0].outer)
        for k, part in enumerate(read):
            with open(part.path, "rb") as fh:
                for data in _blocks(fh, part.body_start, part.body_end, b"\n\n"):
                    if k and b"url(#gradient" in data:
                        data = _GRADIENT_USE.sub(
                            lambda m, k=k: b'%s="url(#gradient%d_%s)"' % (m.group(1), k, m.group(2)), data)
                    out.write(portable(_EMPTY_GROUP.sub(b"", data)))
        out.write(TAIL)


def _unique_patterns(defs: bytes, seen: set[bytes]) -> bytes:
    """*defs* without the image patterns an earlier part defined already (named by the image's key)."""
    if b"<pattern " not in defs:
        return defs
    kept, at = [], 0
    for match in _PATTERN_ID.finditer(defs):
        end = defs.index(b"</pattern>\n", match.end()) + len(b"</pattern>\n")
        if match.group(1) in seen:
            kept.append(defs[at:match.start()])
            at = end
        seen.add(match.group(1))
    kept.append(defs[at:])
    return b"".join(kept)


def check_svg(path: Path) -> None:
    """The SVG parses: in one streaming pass with expat, no tree (the SVG of 30,000 cards is
    ~100 MB, and ElementTree held ~1 GB of elements just to say it was well formed)."""
    from xml.parsers import expat

    parser = expat.ParserCreate()
    try:
        with open(path, "rb") as fh:
            while block := fh.read(BLOCK):
                parser.Parse(block, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise InvalidOutput(SVG_FILE_NOT_WELL_FORMED, exc) from exc
