"""Whether a ``-wal`` or ``-journal`` beside a document is its own, before SQLite replays it.

SQLite replays whatever write-ahead log or hot rollback journal it finds next
to a database. One left by another file of the same name, or by an older copy
of this document (restored from a backup, synced over it), would be written
into the document: silently different data, or a damaged file. So before a
document is opened, a leftover sidecar that no live connection is using is

* checked against the file: magic numbers, page size, salts, the application
  id and change counter of the page 1 it carries (a journal's records carry
  their own checksums, which are verified here);
* and, unless everything it holds is already in the file, replayed into a
  *copy* of the document in a temporary folder, which must then pass the same
  validation as the document itself.

Only then is it left for SQLite to replay (a WAL) or rolled back by a write
connection (a hot journal). Otherwise the document is refused and both files
are left exactly as they were.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from journeymap.domain.messages import QT_TRANSLATE_NOOP, MessageError, Subjectless, message

# The messages this module's errors carry: an id and the English text (translated where shown).
ITS_FIRST_PAGE_NOT_SQLITE_HEADER = message("sidecar.its_first_page_not_sqlite_header", "SidecarError",
    QT_TRANSLATE_NOOP("SidecarError", "its first page is not an SQLite header"))
BELONGS_TO_ANOTHER_DATABASE = message("sidecar.belongs_to_another_database", "SidecarError",
    QT_TRANSLATE_NOOP("SidecarError", "it belongs to another database (different application id)"))
TOO_SHORT_WRITE_AHEAD_LOG = message("sidecar.too_short_write_ahead_log", "SidecarError",
    QT_TRANSLATE_NOOP("SidecarError", "it is too short to be a write-ahead log"))
NOT_SQLITE_WRITE_AHEAD_LOG = message("sidecar.not_sqlite_write_ahead_log", "SidecarError",
    QT_TRANSLATE_NOOP("SidecarError", "it is not an SQLite write-ahead log"))
ITS_PAGES_ARE_BYTES_DOCUMENT = message("sidecar.its_pages_are_bytes_document", "SidecarError",
    QT_TRANSLATE_NOOP("SidecarError", "its pages are %1 bytes, the document's %2"))
CONTINUES_ANOTHER_VERSION = message("sidecar.continues_another_version", "SidecarError",
    QT_TRANSLATE_NOOP("SidecarError", "it continues another version of the file (change counter %1, the file's %2)"))
WAS_STARTED_ON_FILE_PAGES_THIS = message("sidecar.was_started_on_file_pages_this", "SidecarError",
    QT_TRANSLATE_NOOP("SidecarError", "it was started on a file of %1 pages, this one has %2"))
NOT_SQLITE_ROLLBACK_JOURNAL = message("sidecar.not_sqlite_rollback_journal", "SidecarError",
    QT_TRANSLATE_NOOP("SidecarError", "it is not an SQLite rollback journal"))
ITS_HEADER_DAMAGED = message("sidecar.its_header_damaged", "SidecarError",
    QT_TRANSLATE_NOOP("SidecarError", "its header is damaged"))
WAS_WRITTEN_ANOTHER_VERSION_FILE_CHANGE = message("sidecar.was_written_another_version_file_change", "SidecarError",
    QT_TRANSLATE_NOOP("SidecarError", "it was written for another version of the file (change counter %1, the file's %2)"))  # noqa: E501
ITS_RECORDS_ARE_DAMAGED_CHECKSUM = message("sidecar.its_records_are_damaged_checksum", "SidecarError",
    QT_TRANSLATE_NOOP("SidecarError", "its records are damaged (checksum)"))
COULD_NOT_CHECKED = message("sidecar.could_not_checked", "SidecarError",
    QT_TRANSLATE_NOOP("SidecarError", "it could not be checked (%1)"))
REPLAYING_FAILS = message("sidecar.replaying_fails", "SidecarError",
    QT_TRANSLATE_NOOP("SidecarError", "replaying it fails (%1)"))
WITH_REPLAYED = message("sidecar.with_replayed", "SidecarError",
    QT_TRANSLATE_NOOP("SidecarError", "with it replayed, %1"))
HOLDS_PAGES_BEYOND_SIZE_DECLARES = message("sidecar.holds_pages_beyond_size_declares", "SidecarError",
    QT_TRANSLATE_NOOP("SidecarError", "it holds pages beyond the size it declares"))

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_HEADER = 32
WAL_FRAME_HEADER = 24
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
# SQLite's unix VFS: every connection using a WAL holds a shared lock on this byte of the -shm.
SHM_DMS_BYTE = 128
# Rollback-journal locks on the database file (os_unix.c): a writer holds RESERVED.
RESERVED_BYTE = 0x40000001
APPLICATION_ID_OFFSET = 68


class SidecarError(MessageError):
    """The sidecar does not belong to the document; the message says why (no path)."""


def sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


# ------------------------------------------------------------------ liveness
def _locked_by_other(file: Path, offset: int) -> bool:
    """Whether another process holds an fcntl lock on byte *offset* of *file*."""
    if fcntl is None or sys.platform != "linux":  # pragma: no cover - struct flock layout
        return True  # cannot tell: treat as live (the old behaviour)
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False
    try:
        query = struct.pack("hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, offset, 1, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
        return struct.unpack("hhqqi4x", answer)[0] != fcntl.F_UNLCK
    except OSError:
        return True
    finally:
        os.close(fd)


def wal_in_use(path: Path) -> bool:
    """Another connection (any process) has the document's WAL open right now."""
    shm = sibling(path, "-shm")
    return shm.exists() and _locked_by_other(shm, SHM_DMS_BYTE)


def journal_in_use(path: Path) -> bool:
    """Another process is in the middle of a write transaction on the document."""
    return _locked_by_other(path, RESERVED_BYTE)


# ----------------------------------------------------------------------- WAL
def wal_pending(path: Path, page_size: int) -> bool:
    """Check the WAL beside *path*: True if it holds pages that the file does not.

    Raises ``SidecarError`` when its header or frames cannot come from this file:

    * its page size is not the file's, or its page 1 carries another application id;
    * SQLite stamps page 1 with the file's change counter + 1 whenever it logs it,
      so the counters of the page-1 frames must continue the file's counter;
    * a log whose first transaction did not touch page 1 was started on a file of
      exactly the size that transaction declares (while nothing was copied back).
    """
    wal = sibling(path, "-wal")
    size = wal.stat().st_size
    if size == 0:
        return False
    file_pages = path.stat().st_size // page_size
    with open(wal, "rb") as fh, open(path, "rb") as db:
        header = fh.read(WAL_HEADER)
        if len(header) < WAL_HEADER:
            raise SidecarError(TOO_SHORT_WRITE_AHEAD_LOG)
        magic, version, wal_page, _seq, salt1, salt2 = struct.unpack(">IIIIII", header[:24])
        if magic not in WAL_MAGIC or version != 3007000:
            raise SidecarError(NOT_SQLITE_WRITE_AHEAD_LOG)
        if wal_page != page_size:
            raise SidecarError(ITS_PAGES_ARE_BYTES_DOCUMENT, wal_page, page_size)
        db_header = db.read(100)
        # The last committed version of each page (frames after the last commit are ignored by SQLite).
        latest: dict[int, int] = {}
        pending: dict[int, int] = {}
        counters: list[int] = []
        first_commit: tuple[int, bool] | None = None  # (declared size, page 1 logged)
        offset = WAL_HEADER
        while True:
            frame = fh.read(WAL_FRAME_HEADER)
            if len(frame) < WAL_FRAME_HEADER:
                break
            page, commit_size, f_salt1, f_salt2 = struct.unpack(">IIII", frame[:16])
            if (f_salt1, f_salt2) != (salt1, salt2) or page == 0:
                break  # a frame of an earlier generation of the log: SQLite stops here too
            pending[page] = offset + WAL_FRAME_HEADER
            if page == 1:
                data = fh.read(page_size)
                _check_page_one(db_header, data)
                counters.append(int.from_bytes(data[24:28], "big"))
            else:
                fh.seek(page_size, os.SEEK_CUR)
            offset += WAL_FRAME_HEADER + page_size
            if commit_size:
                if any(p > commit_size for p in pending):
                    raise SidecarError(HOLDS_PAGES_BEYOND_SIZE_DECLARES)
                if first_commit is None:
                    first_commit = (commit_size, 1 in pending)
                latest.update(pending)
                pending.clear()
        if not latest:
            return False  # nothing SQLite would replay
        ours = int.from_bytes(db_header[24:28], "big")
        if counters and not counters[0] - 1 <= ours <= counters[-1]:
            raise SidecarError(
                CONTINUES_ANOTHER_VERSION, counters[0] - 1, ours
            )
        assert first_commit is not None
        if not first_commit[1] and _backfilled(path) == 0 and first_commit[0] != file_pages:
            raise SidecarError(
                WAS_STARTED_ON_FILE_PAGES_THIS, first_commit[0], file_pages
            )
        for page, at in sorted(latest.items()):
            fh.seek(at)
            data = fh.read(page_size)
            db.seek((page - 1) * page_size)
            if db.read(page_size) != data:
                return True
    return False


def _backfilled(path: Path) -> int:
    """Frames the -shm says were copied into the file (0 when there is no usable -shm)."""
    try:
        with open(sibling(path, "-shm"), "rb") as fh:
            index = fh.read(136)
    except OSError:
        return 0
    if len(index) < 100 or index[:48] != index[48:96]:
        return 0
    return int.from_bytes(index[96:100], sys.byteorder)


def wal_fully_checkpointed(path: Path) -> bool:
    """The -shm says every frame of this WAL was already copied into the file.

    Then a WAL whose pages differ from the file was not written on top of it:
    the file was replaced (restored, synced) after that checkpoint.
    """
    shm, wal = sibling(path, "-shm"), sibling(path, "-wal")
    try:
        with open(shm, "rb") as fh:
            index = fh.read(136)
        with open(wal, "rb") as fh:
            salts = fh.read(WAL_HEADER)[16:24]
    except OSError:
        return False
    if len(index) < 100 or index[:48] != index[48:96] or index[32:40] != salts:
        return False
    max_frame = int.from_bytes(index[16:20], sys.byteorder)
    backfilled = int.from_bytes(index[96:100], sys.byteorder)
    return max_frame > 0 and backfilled >= max_frame


def _check_page_one(ours: bytes, data: bytes) -> None:
    if not data.startswith(b"SQLite format 3\x00"):
        raise SidecarError(ITS_FIRST_PAGE_NOT_SQLITE_HEADER)
    if data[APPLICATION_ID_OFFSET:APPLICATION_ID_OFFSET + 4] != ours[APPLICATION_ID_OFFSET:APPLICATION_ID_OFFSET + 4]:
        raise SidecarError(BELONGS_TO_ANOTHER_DATABASE)


# ------------------------------------------------------------------- journal
def journal_hot(path: Path) -> bool:
    """A rollback journal that SQLite would roll back (not empty, header not zeroed)."""
    journal = sibling(path, "-journal")
    try:
        with open(journal, "rb") as fh:
            first = fh.read(1)
    except OSError:
        return False
    return first not in (b"", b"\x00")


def check_journal(path: Path, page_size: int) -> None:
    """Raise ``SidecarError`` unless the hot journal was written by a transaction on this file.

    Every write transaction journals page 1 (it changes the change counter),
    so the original page 1 in the journal has the file's application id, and
    its change counter is the file's or one less (the file's page 1 may or
    may not have been written before the crash).
    """
    journal = sibling(path, "-journal")
    with open(journal, "rb") as fh, open(path, "rb") as db:
        header = fh.read(28)
        if len(header) < 28 or header[:8] != JOURNAL_MAGIC:
            raise SidecarError(NOT_SQLITE_ROLLBACK_JOURNAL)
        records, nonce, _orig_pages, sector, j_page = struct.unpack(">IIIII", header[8:28])
        if j_page != page_size:
            raise SidecarError(ITS_PAGES_ARE_BYTES_DOCUMENT, j_page, page_size)
        if sector < 512 or sector > 65536 or sector & (sector - 1):
            raise SidecarError(ITS_HEADER_DAMAGED)
        db_header = db.read(100)
        record = 4 + page_size + 4
        if records in (0, 0xFFFFFFFF):
            records = max(0, (journal.stat().st_size - sector) // record)
        fh.seek(sector)
        data = None
        for _ in range(records):
            raw = fh.read(record)
            if len(raw) < record:
                break
            page = int.from_bytes(raw[:4], "big")
            content = raw[4:4 + page_size]
            checksum = nonce
            i = page_size - 200
            while i > 0:
                checksum += content[i]
                i -= 200
            if checksum & 0xFFFFFFFF != int.from_bytes(raw[4 + page_size:], "big"):
                raise SidecarError(ITS_RECORDS_ARE_DAMAGED_CHECKSUM)
            if page == 1:
                data = content
                break
        if data is None:
            return  # page 1 not journaled: the copy's validation decides
        _check_page_one(db_header, data)
        theirs = int.from_bytes(data[24:28], "big")
        ours = int.from_bytes(db_header[24:28], "big")
        if ours not in (theirs, (theirs + 1) & 0xFFFFFFFF):
            raise SidecarError(
                WAS_WRITTEN_ANOTHER_VERSION_FILE_CHANGE, theirs, ours
            )


# ----------------------------------------------------------------- rehearsal
def rehearse(path: Path, suffix: str, validate: Callable[[Path], object]) -> None:
    """Let SQLite recover a copy of *path* with its sidecar, then validate the copy.

    Raises ``SidecarError`` with the reason when recovery fails or the result
    is not a valid document; nothing beside *path* is touched.
    """
    folder = Path(tempfile.mkdtemp(prefix="jmap-recover-"))
    try:
        copy = folder / "document.jmap"
        try:
            shutil.copyfile(path, copy)
            shutil.copyfile(sibling(path, suffix), sibling(copy, suffix))
        except OSError as exc:
            raise SidecarError(COULD_NOT_CHECKED, exc.strerror) from exc
        try:
            conn = sqlite3.connect(copy, isolation_level=None)
            try:
                conn.execute("PRAGMA trusted_schema = OFF")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                if suffix == "-wal":
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                conn.execute("PRAGMA journal_mode = DELETE").fetchone()
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise SidecarError(REPLAYING_FAILS, exc) from exc
        try:
            validate(copy)
        except Exception as exc:  # noqa: BLE001 - any verdict on the copy is a refusal
            subject = isinstance(exc, MessageError) and exc.message is not None and exc.message.text.startswith("%1: ")
            reason = Subjectless(exc) if subject else str(exc).replace(f"{copy}: ", "").rstrip(".")
            raise SidecarError(WITH_REPLAYED, reason) from exc
    finally:
        shutil.rmtree(folder, ignore_errors=True)
