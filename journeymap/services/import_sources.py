"""Streaming readers for survey files: CSV (any delimiter, UTF-8/cp1252) and XLSX.

A source opens a file, finds its header row and then yields the data rows one
by one, never holding the file in memory. Rows are lists (CSV, every cell a
``str``) or tuples (XLSX, native cell values: ``int``, ``float``, ``str``,
``datetime`` or ``None``).

``blocks()`` yields the same rows a few thousand at a time as :class:`Block`
objects. For a CSV file a run of lines without quotes, all with the same number
of fields, is split with ``str.split`` into its columns directly (what
``csv.reader`` would give for such lines, several times faster and without a
list per row); anything else goes through ``csv.reader``.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice, repeat
from pathlib import Path
from typing import Any

from journeymap.domain.messages import QT_TRANSLATE_NOOP, MessageError, message

SAMPLE_BYTES = 1 << 20
# csv.Sniffer's quote regex is quadratic in its input: 1 MB of ',"x' takes
# hours. It only ranks the candidates, so it sees the first few KB.
SNIFF_CHARS = 8192
# More control characters than this share of a text sample: not a text file.
MAX_CONTROL_SHARE = 0.02
# Excel's own limit; a "header" wider than this is not a survey (and guessing
# the columns of millions of headers would take minutes).
MAX_COLUMNS = 16384
DELIMITERS = (",", ";", "\t", "|")
# Zip-bomb guard for XLSX: refuse archives that inflate to more than this, or
# whose members inflate suspiciously (a real sheet compresses ~10-20x).
MAX_XLSX_UNCOMPRESSED = 4 << 30
MAX_XLSX_RATIO = 250
XLSX_MAX_ROWS = 1_048_576  # Excel's own limit
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
BLOCK_ROWS = 4096  # rows per Block
READ_CHARS = 1 << 20  # text read at a time by CsvSource.blocks()
# No survey row is this long; a file with such a line (a multi-GB line of commas) is refused
# instead of being read into memory whole.
MAX_LINE_CHARS = 4 * READ_CHARS


class ImportFileError(MessageError):
    """A survey file cannot be read; the message names the file and says why."""

# The messages this module's errors carry: an id and the English text (translated where shown).
THE_FILE_IS_NOT_VALID_TEXT = message("import.the_file_is_not_valid_text", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: the file is not valid %2 text (undecodable byte near row %3)."))
THE_HEADER_ROW_HAS_COLUMNS_AT = message("import.the_header_row_has_columns_at", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: the header row has %2 columns (at most %3); this does not look like a survey file."))  # noqa: E501
NOT_AN_EXCEL_XLSX_WORKBOOK_NO = message("import.not_an_excel_xlsx_workbook_no", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: not an Excel .xlsx workbook (no workbook inside the zip archive)."))
REFUSING_TO_OPEN_THE_WORKBOOK_WOULD = message("import.refusing_to_open_the_workbook_would", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: refusing to open: the workbook would expand to %2 MB."))
THIS_IS_AN_OLD_EXCEL_XLS = message("import.this_is_an_old_excel_xls", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: this is an old Excel .xls workbook; save it as .xlsx or CSV and import that."))  # noqa: E501
NOT_A_VALID_XLSX_FILE_IT = message("import.not_a_valid_xlsx_file_it", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: not a valid .xlsx file (it is not a zip archive)."))
NOT_A_CSV_OR_TEXT_FILE = message("import.not_a_csv_or_text_file", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: not a CSV or text file (it contains NUL bytes or other binary data); import a .csv, .txt, .tsv or .xlsx file."))  # noqa: E501
ROW_MALFORMED_CSV = message("import.row_malformed_csv", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: row %2: malformed CSV (%3)."))
NOT_A_VALID_XLSX_FILE_DAMAGED = message("import.not_a_valid_xlsx_file_damaged", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: not a valid .xlsx file (damaged zip archive: %2)."))
REFUSING_TO_OPEN_EXPANDS_FOLD_A = message("import.refusing_to_open_expands_fold_a", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: refusing to open: %2 expands %3-fold (a zip bomb?)."))
THE_WORKBOOK_HAS_NO_WORKSHEET = message("import.the_workbook_has_no_worksheet", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: the workbook has no worksheet."))
NO_SUCH_FILE = message("import.no_such_file", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: no such file."))
IS_A_FOLDER_NOT_A_FILE = message("import.is_a_folder_not_a_file", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: is a folder, not a file."))
CANNOT_READ_THE_FILE = message("import.cannot_read_the_file", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: cannot read the file (%2)."))
THE_FILE_IS_EMPTY_NO_HEADER = message("import.the_file_is_empty_no_header", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: the file is empty (no header row)."))
CANNOT_READ_THE_WORKBOOK = message("import.cannot_read_the_workbook", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: cannot read the workbook (%2)."))
THE_WORKBOOK_IS_DAMAGED = message("import.the_workbook_is_damaged", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: the workbook is damaged (%2: %3)."))
NO_SHEET_NAMED_SHEETS = message("import.no_sheet_named_sheets", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: no sheet named %2 (sheets: %3)."))
THE_SHEET_IS_DAMAGED_NEAR_ROW = message("import.the_sheet_is_damaged_near_row", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: the sheet is damaged near row %2 (%3: %4)."))
ROW_LONGER_THAN_CHARACTERS_THIS_DOES = message("import.row_longer_than_characters_this_does", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "%1: row %2 is longer than %3 characters; this does not look like a survey file."))


class Block:
    """``n`` consecutive data rows of a file.

    Either *uniform*: every row has exactly ``width`` cells, kept as one flat
    list (``column(i)`` is a slice, no per-row list exists); or a list of
    ``rows`` as the reader gave them (ragged, possibly empty rows).
    """

    __slots__ = ("flat", "n", "rows", "width")

    def __init__(self, n: int, *, flat: list[Any] | None = None, width: int = 0,
                 rows: list[Sequence[Any]] | None = None):
        self.n = n
        self.flat = flat
        self.width = width
        self.rows = rows

    @property
    def uniform(self) -> bool:
        return self.flat is not None

    def column(self, i: int) -> list[Any]:
        """Cell *i* of every row (uniform blocks only, ``i < width``)."""
        assert self.flat is not None
        return self.flat[i :: self.width]

    def row(self, k: int) -> Sequence[Any]:
        if self.flat is None:
            assert self.rows is not None
            return self.rows[k]
        return self.flat[k * self.width : (k + 1) * self.width]

    def all_rows(self) -> Iterable[Sequence[Any]]:
        if self.flat is None:
            assert self.rows is not None
            return self.rows
        return (self.row(k) for k in range(self.n))


def row_blocks(rows: Iterable[Sequence[Any]], size: int = BLOCK_ROWS) -> Iterator[Block]:
    """Any row iterator as blocks of *size* rows (never uniform)."""
    rows = iter(rows)
    while True:
        chunk = list(islice(rows, size))
        if not chunk:
            return
        yield Block(len(chunk), rows=chunk)


# ----------------------------------------------------------------------- CSV
def detect_encoding(sample: bytes) -> str:
    """``utf-8-sig`` if the sample is strict UTF-8 (with or without BOM), else cp1252, else latin-1.

    UTF-16 with a BOM (Excel's "Unicode text") or without one (mostly-ASCII
    text: every other byte NUL) and UTF-32 with a BOM are recognised too. A multi-byte
    character cut at the end of the sample does not count as an error.
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"  # before UTF-16: FF FE 00 00 also starts with the UTF-16 LE BOM
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return utf16
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(sample, final=False)
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    try:
        sample.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` for UTF-16 text without a BOM (NUL high bytes of ASCII), else None."""
    n = min(len(sample), 1 << 16) & ~1
    if n < 4:
        return None
    half = n // 2
    even, odd = sample[0:n:2].count(0), sample[1:n:2].count(0)
    # Mostly-ASCII text: nearly every high byte is NUL, from the very first character.
    if sample[1] == 0 and odd > 0.6 * half and even < 0.02 * half:
        encoding = "utf-16-le"
    elif sample[0] == 0 and even > 0.6 * half and odd < 0.02 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        codecs.getincrementaldecoder(encoding)("strict").decode(sample[:n], final=False)
    except UnicodeDecodeError:
        return None
    return encoding


# C0 controls but TAB, LF and CR; DEL and the C1 controls.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def looks_binary(text: str) -> bool:
    """Whether decoded text has NULs or too many control characters to be a CSV/TSV file."""
    if not text:
        return False
    if "\x00" in text:
        return True
    return len(_CONTROLS.findall(text)) > MAX_CONTROL_SHARE * len(text)


def _field_counts(lines: Sequence[str], delimiter: str) -> list[int]:
    counts = []
    try:
        for r in csv.reader(lines, delimiter=delimiter):
            if any(c.strip() for c in r):
                counts.append(len(r))
    except csv.Error:  # e.g. a field over csv.field_size_limit(): reading the file will say so
        pass
    return counts


def detect_delimiter(text: str) -> str:
    """The delimiter of a CSV sample: ``csv.Sniffer`` checked against field counts.

    The sniffer's guess is kept when it splits every sampled line into the
    same number (> 1) of fields; otherwise the candidate among , ; TAB | that
    does so with the most fields wins (so decimal commas in a ``;`` file do
    not fool it); failing that, the one splitting the header into most fields.
    """
    lines = text.splitlines()
    if len(lines) > 1 and not text.endswith(("\n", "\r")):
        lines = lines[:-1]  # the last line of the sample may be cut
    lines = lines[:200]
    candidates = list(DELIMITERS)
    try:
        sniffed = csv.Sniffer().sniff("\n".join(lines[:50])[:SNIFF_CHARS], delimiters="".join(DELIMITERS)).delimiter
        candidates.remove(sniffed)
        candidates.insert(0, sniffed)
    except (csv.Error, ValueError):
        pass
    consistent = []
    for d in candidates:
        counts = _field_counts(lines, d)
        if counts and counts[0] > 1 and all(c == counts[0] for c in counts):
            consistent.append((d, counts[0]))
    if consistent:
        if consistent[0][0] == candidates[0]:
            return consistent[0][0]
        return max(consistent, key=lambda dc: dc[1])[0]
    header_counts = {d: (_field_counts(lines[:1], d) or [0])[0] for d in candidates}
    best = max(candidates, key=lambda d: header_counts[d])
    return best if header_counts[best] > 1 else candidates[0]


class CsvSource:
    """Rows of a CSV file, streamed; ``position``/``total`` are bytes for progress."""

    kind = "csv"

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.name = self.path.name
        self.total = self.path.stat().st_size
        with open(self.path, "rb") as fh:
            sample = fh.read(SAMPLE_BYTES)
        self.encoding = detect_encoding(sample)
        text = sample.decode(self.encoding, errors="replace")
        if looks_binary(text[:SAMPLE_BYTES]):
            raise ImportFileError(
                NOT_A_CSV_OR_TEXT_FILE, self.name
            )
        self.delimiter = detect_delimiter(text)
        # Rows to expect (lines of the sample scaled to the file), for the importer's strategy.
        self.estimated_rows = self.total * max(1, sample.count(b"\n")) // max(1, len(sample))
        self._pushed: list[Any] = []
        self._raw = open(self.path, "rb")  # noqa: SIM115 - closed by close()
        try:
            self._text = io.TextIOWrapper(self._raw, encoding=self.encoding, newline="")
            self._reader = csv.reader(self._lines(self._text), delimiter=self.delimiter)
            self.header_row = 0
            self.headers: list[str] = []
            for row in self._iter():
                self.header_row += 1
                if any(c.strip() for c in row):
                    self.headers = [c.strip() for c in row]
                    break
            if not self.headers:
                raise ImportFileError(THE_FILE_IS_EMPTY_NO_HEADER, self.name)
            _check_width(self.name, self.headers)
        except BaseException:
            self.close()  # no descriptor left open when the file is refused
            raise

    def _lines(self, text: Iterable[str] | io.TextIOBase, done: int = 0) -> Iterator[str]:
        """The lines of *text*, none longer than ``MAX_LINE_CHARS`` (a longer one is refused)."""
        readline = getattr(text, "readline", None)
        if readline is None:  # a list or generator of lines
            lines: Iterator[str] = iter(text)
        else:
            lines = iter(lambda: readline(MAX_LINE_CHARS + 1), "")
        for n, line in enumerate(lines, start=done + 1):
            if len(line) > MAX_LINE_CHARS:
                raise self._long_line(n)
            yield line

    def _long_line(self, line: int) -> ImportFileError:
        return ImportFileError(
            ROW_LONGER_THAN_CHARACTERS_THIS_DOES, self.name, line, MAX_LINE_CHARS
        )

    def _iter(self, line_offset: int = 0) -> Iterator[list[str]]:
        try:
            yield from self._reader
        except UnicodeDecodeError as exc:
            raise self._decode_error(line_offset + self._reader.line_num + 1) from exc
        except csv.Error as exc:
            raise ImportFileError(
                ROW_MALFORMED_CSV, self.name, line_offset + self._reader.line_num, exc
            ) from exc

    def _decode_error(self, line: int) -> ImportFileError:
        return ImportFileError(
            THE_FILE_IS_NOT_VALID_TEXT, self.name, self.encoding, line
        )

    def rows(self) -> Iterator[list[str]]:
        """Data rows after the header; row k (0-based) is file row ``header_row + 1 + k``."""
        pushed, self._pushed = self._pushed, []
        return chain(pushed, self._iter()) if pushed else self._iter()

    def unread(self, rows: list[Any]) -> None:
        """Rows read ahead (to look at a sample) that ``rows()`` / ``blocks()`` yield first."""
        self._pushed = list(rows) + self._pushed

    def blocks(self, size: int = BLOCK_ROWS) -> Iterator[Block]:
        """The rows of ``rows()`` (use one or the other) as blocks of at most *size* rows.

        Text is read a megabyte at a time and cut at the last line end. Lines
        without a quote character or a bare CR cannot span lines, so a block of
        them with the same number (> 1) of fields in every line is split with
        ``str.split`` into a uniform block; a block with unequal lines goes
        through ``csv.reader`` line by line. From the first quote character on,
        the rest of the file is read by ``csv.reader`` (a quoted field may hold
        line ends).
        """
        if self._pushed:
            pushed, self._pushed = self._pushed, []
            yield from row_blocks(pushed, size)
        delim = self.delimiter
        limit = csv.field_size_limit()
        lines_done = self._reader.line_num  # file lines consumed so far (header included)
        carry = ""
        while True:
            try:
                text = self._text.read(READ_CHARS)
            except UnicodeDecodeError as exc:
                raise self._decode_error(lines_done + carry.count("\n") + 1) from exc
            at_end = not text
            text = carry + text
            carry = ""
            if not at_end:
                cut = text.rfind("\n") + 1
                if not cut and len(text) <= MAX_LINE_CHARS:
                    carry = text  # no line end yet: read on
                    continue
                if not cut:
                    raise self._long_line(lines_done + 1)
                text, carry = text[:cut], text[cut:]
            newline = "\n"
            if "\r" in text and '"' not in text:
                if text.count("\r") == text.count("\n") == text.count("\r\n"):
                    newline = "\r\n"  # Windows line ends (what Excel and csv.writer write)
                else:
                    text = text.replace("\r\n", "\n")
            if carry and not text or '"' in text or newline == "\n" and "\r" in text:
                # Quoted fields (they may hold line ends), old Mac line ends or a
                # line of megabytes: csv.reader from here on.
                head = text + carry
                if carry:  # complete its line, so that csv.reader sees whole lines
                    try:
                        head += self._text.readline()
                    except UnicodeDecodeError as exc:
                        raise self._decode_error(lines_done + head.count("\n") + 1) from exc
                self._reader = csv.reader(
                    chain(self._lines(io.StringIO(head, newline=""), lines_done),
                          self._lines(self._text, lines_done + head.count("\n"))),
                    delimiter=delim,
                )
                yield from row_blocks(self._iter(lines_done), size)
                return
            if not text:
                return
            lines = text.split(newline)
            if lines[-1] == "":
                lines.pop()
            if len(text) > MAX_LINE_CHARS:  # only when a line kept the text growing
                for k, line in enumerate(lines):
                    if len(line) > MAX_LINE_CHARS:
                        raise self._long_line(lines_done + k + 1)
            for start in range(0, len(lines), size):
                yield _line_block(lines[start : start + size], delim, limit, self, lines_done + start)
            lines_done += len(lines)
            if at_end:
                return

    @property
    def position(self) -> int:
        try:
            return self._raw.tell()
        except (ValueError, OSError):
            return self.total

    def close(self) -> None:
        text = getattr(self, "_text", None)
        if text is not None:
            text.close()
        else:
            raw = getattr(self, "_raw", None)
            if raw is not None:
                raw.close()

    def __enter__(self) -> CsvSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _line_block(lines: list[str], delim: str, limit: int, src: CsvSource, lines_done: int) -> Block:
    """Lines without quotes nor CRs as a block (uniform when every line has the same > 1 fields)."""
    counts = list(map(str.count, lines, repeat(delim)))
    first = counts[0]
    if first and counts.count(first) == len(counts) and max(map(len, lines)) <= limit:
        return Block(len(lines), flat=delim.join(lines).split(delim), width=first + 1)
    reader = csv.reader(lines, delimiter=delim)
    try:
        return Block(len(lines), rows=list(reader))
    except csv.Error as exc:
        raise ImportFileError(ROW_MALFORMED_CSV, src.name, lines_done + reader.line_num, exc) from exc


def _check_width(name: str, headers: Sequence[str]) -> None:
    if len(headers) > MAX_COLUMNS:
        raise ImportFileError(
            THE_HEADER_ROW_HAS_COLUMNS_AT, name, len(headers), MAX_COLUMNS
        )


# ---------------------------------------------------------------------- XLSX
def _check_zip(path: Path) -> None:
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, EOFError, OSError) as exc:
        # A damaged central directory can also raise ValueError/EOFError (bad offsets); a forged version
        # field NotImplementedError ('zip file version 6.4').
        raise ImportFileError(NOT_A_VALID_XLSX_FILE_DAMAGED, name, exc) from exc
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        raise ImportFileError(NOT_AN_EXCEL_XLSX_WORKBOOK_NO, name)
    total = sum(i.file_size for i in infos)
    if total > MAX_XLSX_UNCOMPRESSED:
        raise ImportFileError(
            REFUSING_TO_OPEN_THE_WORKBOOK_WOULD, name, total >> 20
        )
    for info in infos:
        if info.file_size > (16 << 20) and info.file_size > MAX_XLSX_RATIO * max(info.compress_size, 1):
            raise ImportFileError(
                REFUSING_TO_OPEN_EXPANDS_FOLD_A, name, info.filename, info.file_size // max(info.compress_size, 1)
            )


class XlsxSource:
    """Rows of one sheet of an .xlsx workbook, streamed by openpyxl's read-only mode."""

    kind = "xlsx"
    encoding = ""
    delimiter = ""

    def __init__(self, path: str | Path, sheet: str | None = None):
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        self.path = Path(path)
        self.name = self.path.name
        _check_zip(self.path)
        try:
            self._wb = load_workbook(self.path, read_only=True, data_only=True)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
            raise ImportFileError(CANNOT_READ_THE_WORKBOOK, self.name, exc) from exc
        except Exception as exc:  # openpyxl raises many things on malformed XML
            raise ImportFileError(THE_WORKBOOK_IS_DAMAGED, self.name, type(exc).__name__, exc) from exc
        self.sheet_names = list(self._wb.sheetnames)
        if sheet is None:
            self._ws = self._wb.worksheets[0] if self._wb.worksheets else None
        elif sheet in self.sheet_names:
            self._ws = self._wb[sheet]
        else:
            self.close()
            raise ImportFileError(
                NO_SHEET_NAMED_SHEETS, self.name, repr(sheet), ', '.join(self.sheet_names)
            )
        if self._ws is None or not hasattr(self._ws, "iter_rows"):
            self.close()
            raise ImportFileError(THE_WORKBOOK_HAS_NO_WORKSHEET, self.name)
        self.sheet = self._ws.title
        try:
            self.total = min(int(self._ws.max_row or 0), XLSX_MAX_ROWS)
        except Exception:  # noqa: BLE001 - a bad dimension tag only costs the progress bar
            self.total = 0
        # The <dimension> tag is only a claim: "A1:XFD1048576" in a 5 KB file would make
        # openpyxl pad every row to 16,384 cells and add empty rows up to a million.
        reset = getattr(self._ws, "reset_dimensions", None)
        if callable(reset):
            reset()
        self.position = 0
        self.estimated_rows = self.total
        self._pushed: list[Any] = []
        self._rows = self._guard(self._ws.iter_rows(values_only=True))
        self.header_row = 0
        self.headers: list[str] = []
        for row in self._rows:
            self.header_row += 1
            if any(v is not None and str(v).strip() for v in row):
                self.headers = ["" if v is None else str(v).strip() for v in row]
                while self.headers and not self.headers[-1]:
                    self.headers.pop()
                break
        try:
            _check_width(self.name, self.headers)
        except ImportFileError:
            self.close()
            raise
        # An empty sheet is not an error here: the preview still lists the
        # other sheets; importing from it fails with "empty" in the importer.

    def _guard(self, rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
        try:
            for row in rows:
                self.position += 1
                yield row
        except ImportFileError:
            raise
        except Exception as exc:
            raise ImportFileError(
                THE_SHEET_IS_DAMAGED_NEAR_ROW, self.name, self.position + 1, type(exc).__name__, exc
            ) from exc

    def rows(self) -> Iterator[tuple[Any, ...]]:
        pushed, self._pushed = self._pushed, []
        return chain(pushed, self._rows) if pushed else self._rows

    def unread(self, rows: list[Any]) -> None:
        """Rows read ahead (to look at a sample) that ``rows()`` / ``blocks()`` yield first."""
        self._pushed = list(rows) + self._pushed

    def blocks(self, size: int = BLOCK_ROWS) -> Iterator[Block]:
        return row_blocks(self.rows(), size)

    def close(self) -> None:
        wb = getattr(self, "_wb", None)
        if wb is not None:
            wb.close()
            self._wb = None

    def __enter__(self) -> XlsxSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def sniff_kind(path: str | Path) -> str:
    """``"xlsx"`` or ``"csv"`` from the file's first bytes (not its name)."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise ImportFileError(NO_SUCH_FILE, path) from None
    except IsADirectoryError:
        raise ImportFileError(IS_A_FOLDER_NOT_A_FILE, path) from None
    except OSError as exc:  # permission denied, I/O error...
        raise ImportFileError(CANNOT_READ_THE_FILE, path, exc.strerror or exc) from None
    if head.startswith(OLE_MAGIC):
        raise ImportFileError(
            THIS_IS_AN_OLD_EXCEL_XLS, path.name
        )
    if head.startswith(ZIP_MAGIC):
        return "xlsx"
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise ImportFileError(NOT_A_VALID_XLSX_FILE_IT, path.name)
    return "csv"


def open_source(path: str | Path, sheet: str | None = None) -> CsvSource | XlsxSource:
    if sniff_kind(path) == "xlsx":
        return XlsxSource(path, sheet)
    return CsvSource(path)


def preview_rows(path: str | Path, limit: int = 20, sheet: str | None = None) -> tuple[list[str], list[list[Any]]]:
    """Header and the first *limit* data rows (as read), for the import dialog."""
    with open_source(path, sheet) as src:
        return list(src.headers), [list(r) for r in islice(src.rows(), limit)]
