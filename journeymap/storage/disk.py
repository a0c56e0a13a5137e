"""The document file and the files beside it, below SQLite.

The header check before SQLite reads a byte, the one descriptor (and advisory
lock) this process keeps on each open document, the ``-wal``/``-shm``/
``-journal`` files beside it, and syncing a folder after a rename.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from journeymap.domain.messages import QT_TRANSLATE_NOOP, message
from journeymap.storage.errors import DocumentError, DocumentLockedError

try:  # POSIX advisory lock that never touches SQLite's own fcntl locks.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

SQLITE_MAGIC = b"SQLite format 3\x00"

THE_FILE_IS_EMPTY_IT_IS = message("document.the_file_is_empty_it_is", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: the file is empty; it is not a JourneyMap document."))
NOT_A_JOURNEYMAP_DOCUMENT_NOT_AN = message("document.not_a_journeymap_document_not_an", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: not a JourneyMap document (not an SQLite database)."))
THE_FILE_IS_TRUNCATED_OR_DAMAGED = message("document.the_file_is_truncated_or_damaged", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: the file is truncated or damaged (%2 bytes)."))
THE_FILE_IS_TRUNCATED_OR_DAMAGED_2 = message("document.the_file_is_truncated_or_damaged_2", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: the file is truncated or damaged (size %2 bytes)."))
THE_FILE_IS_TRUNCATED_BYTES_EXPECTED = message("document.the_file_is_truncated_bytes_expected", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: the file is truncated (%2 bytes, %3 expected)."))
THE_DOCUMENT_IS_ALREADY_OPEN_IN = message("document.the_document_is_already_open_in", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: the document is already open in another window. You can open it read-only."))  # noqa: E501


def check_header(path: Path, fd: int) -> int:
    """Refuse anything that is not a whole SQLite file before SQLite touches it."""
    size = os.fstat(fd).st_size
    if size == 0:
        raise DocumentError(THE_FILE_IS_EMPTY_IT_IS, path)
    header = os.pread(fd, 100, 0)
    if not header.startswith(SQLITE_MAGIC):
        raise DocumentError(NOT_A_JOURNEYMAP_DOCUMENT_NOT_AN, path)
    if len(header) < 100:
        raise DocumentError(THE_FILE_IS_TRUNCATED_OR_DAMAGED, path, size)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1) or size % page_size:
        raise DocumentError(THE_FILE_IS_TRUNCATED_OR_DAMAGED_2, path, size)
    # The page count in the header is trustworthy when the change counter
    # matches "version-valid-for"; with no WAL beside the file, the file must
    # hold at least that many pages.
    pages = int.from_bytes(header[28:32], "big")
    if (
        pages
        and header[24:28] == header[92:96]
        and not sibling(path, "-wal").exists()
        and not sibling(path, "-journal").exists()
        and pages * page_size > size
    ):
        raise DocumentError(
            THE_FILE_IS_TRUNCATED_BYTES_EXPECTED, path, size, pages * page_size
        )
    return page_size


def sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def has_sidecars(path: Path) -> bool:
    return any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm"))


def remove_sidecars(path: Path) -> None:
    """Let SQLite delete an idle WAL: the last writable connection to close does.

    If another connection (in any process) still uses the document, SQLite
    keeps the files, which is exactly right.
    """
    try:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        pass


def roll_back(path: Path) -> None:
    """Let a write connection roll back the hot journal beside *path* (checked by ``sidecars``)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def close_quietly(conn: sqlite3.Connection, handle: FileHandle | None, write: bool) -> None:
    try:
        conn.close()
    except sqlite3.Error:  # pragma: no cover
        pass
    if handle is not None:
        # Only after the connection: see FileHandle.
        handle.release(write=write)


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class FileHandle:
    """The one descriptor this process keeps on a document file, and its lock.

    Closing *any* descriptor of a file drops every POSIX lock the process holds
    on it, SQLite's included: a WAL-mode connection would lose the shared lock
    that stops another process from deleting the WAL under it.  So a second
    window opening the same file reuses this descriptor instead of opening and
    closing its own, and it is closed only after the last connection.

    Writers also hold ``flock(LOCK_EX)`` on it, an advisory lock that is
    independent of SQLite's ``fcntl`` locks, so a second writer in another
    process is refused (``DocumentLockedError``) and can open read-only.
    """

    _open: dict[tuple[int, int], FileHandle] = {}
    _mutex = threading.Lock()

    def __init__(self, key: tuple[int, int], fd: int) -> None:
        self.key, self.fd = key, fd
        self.users = 0
        self.writer = False

    @classmethod
    def acquire(cls, path: Path, write: bool) -> FileHandle:
        with cls._mutex:
            st = os.stat(path)
            handle = cls._open.get((st.st_dev, st.st_ino))
            fresh = handle is None
            if handle is None:
                fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
                st = os.fstat(fd)
                handle = cls((st.st_dev, st.st_ino), fd)
            if write:
                try:
                    if handle.writer:
                        raise BlockingIOError
                    if fcntl is not None:
                        fcntl.flock(handle.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    if fresh:
                        os.close(handle.fd)
                    raise DocumentLockedError(
                        THE_DOCUMENT_IS_ALREADY_OPEN_IN, path
                    ) from None
                handle.writer = True
            handle.users += 1
            cls._open[handle.key] = handle
            return handle

    def release(self, write: bool) -> None:
        """Give up one use; *write* says whether that use held the write lock."""
        with self._mutex:
            if self.users <= 0:
                return
            self.users -= 1
            if write and self.writer:
                self.writer = False
                if self.users and fcntl is not None:
                    fcntl.flock(self.fd, fcntl.LOCK_UN)
            if self.users == 0:
                self._open.pop(self.key, None)
                os.close(self.fd)  # the last use: no connection of ours is left on the file
