"""Open, create and validate a ``.jmap`` document; read and write domain objects.

Every public write runs in its own transaction unless the caller already holds
one (``with doc.transaction():``), so one user edit is one atomic commit and a
crash never leaves half an edit behind.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, fields
from functools import cached_property
from pathlib import Path
from typing import Any

from journeymap.domain.messages import QT_TRANSLATE_NOOP, MessageError, message
from journeymap.domain.model import (
    BlueprintLine,
    Evidence,
    ImportBatch,
    JourneyMap,
    Lane,
    LaneKind,
    Note,
    Response,
    Sensation,
    Stage,
    Touchpoint,
)
from journeymap.storage import comments_index, events_schema, schema, sidecars, validation
from journeymap.storage.relations import RelationsMixin

try:  # POSIX advisory lock that never touches SQLite's own fcntl locks.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

SQLITE_MAGIC = b"SQLite format 3\x00"
# At most one checkpoint per this many seconds of commits: a single edit is copied into
# the file at once, a burst (2,000 undo/redo steps a second) costs a few checkpoints.
CHECKPOINT_INTERVAL_S = 0.2
# Opening checks the whole file up to this size; larger, cleanly closed files skip
# the tables below (see _quick_check).
QUICK_CHECK_WHOLE_BYTES = 16 * 1024 * 1024
QUICK_CHECK_SKIPPED_TABLES = frozenset({"responses", *comments_index.BIG_TABLES})

Snapshot = dict[str, list[dict[str, Any]]]
# Parents before children, so that restoring satisfies foreign keys.
# (Photo blobs are not in snapshots: deleting a touchpoint leaves them, see storage.attachments.)
TABLE_ORDER = (
    "maps", "personas", "stages", "lanes", "import_batches", "touchpoints", "notes", "attachments", "quotes",
    "responses", "overall_responses", "map_personas", "connections", *events_schema.BATCH_TABLES,
)


class DocumentError(MessageError):
    """A document cannot be opened or written; the message (an id and arguments) is for the user."""


class DocumentLockedError(DocumentError):
    """The document is open for writing in another window or process."""

# Every message a DocumentError carries: an id and its English text (translated where shown).
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
ALREADY_EXISTS_REFUSING_TO_OVERWRITE_IT = message("document.already_exists_refusing_to_overwrite_it", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: already exists; refusing to overwrite it."))
NO_SUCH_FOLDER = message("document.no_such_folder", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: no such folder."))
NO_SUCH_FILE = message("document.no_such_file", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: no such file."))
NOT_A_FILE = message("document.not_a_file", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: not a file."))
CANNOT_SAVE_A_DOCUMENT_OVER_ITSELF = message("document.cannot_save_a_document_over_itself", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: cannot save a document over itself."))
THE_DOCUMENT_IS_OPEN_READ_ONLY = message("document.the_document_is_open_read_only", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: the document is open read-only."))
THE_DOCUMENT_IS_CLOSED = message("document.the_document_is_closed", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: the document is closed."))
THERE_IS_NO_MAP_WITH_ID = message("document.there_is_no_map_with_id", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: there is no map with id %2."))
THERE_IS_NO_TOUCHPOINT_WITH_ID = message("document.there_is_no_touchpoint_with_id", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: there is no touchpoint with id %2."))
CANNOT_CREATE_THE_FILE = message("document.cannot_create_the_file", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: cannot create the file (%2)."))
CANNOT_READ_THE_FILE = message("document.cannot_read_the_file", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: cannot read the file (%2)."))
THE_DOCUMENT_CHANGED_WHILE_IT_WAS = message("document.the_document_changed_while_it_was", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: the document changed while it was being opened."))
CANNOT_OPEN_THE_FILE = message("document.cannot_open_the_file", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: cannot open the file (%2)."))
NOT_A_JOURNEYMAP_DOCUMENT_IT_IS = message("document.not_a_journeymap_document_it_is", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: not a JourneyMap document (it is an SQLite database of another application)."))  # noqa: E501
THIS_DOCUMENT_WAS_MADE_BY_A = message("document.this_document_was_made_by_a", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: this document was made by a newer JourneyMap (format %2; this version reads up to %3). Please update JourneyMap."))  # noqa: E501
PROBLEM = message("document.problem", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: %2."))
# What is wrong with a schema (the %2 of PROBLEM, translated with it).
MISSING_OBJECTS = message("document.missing_objects", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "the document is damaged (missing %1)"))
FOREIGN_OBJECTS = message("document.foreign_objects", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "the document contains objects JourneyMap did not create (%1); refusing to open it"))  # noqa: E501
ALTERED_TABLES = message("document.altered_tables", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "the document's tables were altered outside JourneyMap (%1)"))
THE_DOCUMENT_IS_DAMAGED = message("document.the_document_is_damaged", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: the document is damaged (%2)."))
THE_FILE_IS_DAMAGED_OR_NOT = message("document.the_file_is_damaged_or_not", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: the file is damaged or not a JourneyMap document (%2)."))
AFTER_UPGRADING_FROM_FORMAT = message("document.after_upgrading_from_format", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: after upgrading from format %2, %3."))
CANNOT_WRITE_THE_COPY = message("document.cannot_write_the_copy", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: cannot write the copy (%2)."))
THE_CHANGE_COULD_NOT_BE_SAVED = message("document.the_change_could_not_be_saved", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: the change could not be saved (%2)."))
ROW_DOES_NOT_EXIST = message("document.row_does_not_exist", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1 row %2 does not exist."))
THERE_IS_NO_WITH_ID = message("document.there_is_no_with_id", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: there is no %2 with id %3."))
CANNOT_CREATE_THE_DOCUMENT = message("document.cannot_create_the_document", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: cannot create the document (%2)."))
CANNOT_OPEN_THE_DOCUMENT = message("document.cannot_open_the_document", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: cannot open the document (%2)."))
THE_DOCUMENT_CANNOT_BE_UPGRADED_FROM = message("document.the_document_cannot_be_upgraded_from", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: the document cannot be upgraded from format %2 (%3)."))
CANNOT_REPLACE_THE_FILE = message("document.cannot_replace_the_file", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: cannot replace the file (%2)."))
STAGE_LANE_IS_NOT_A_CELL = message("document.stage_lane_is_not_a_cell", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: stage %2 / lane %3 is not a cell of map %4."))
THE_DOCUMENT_IS_ALREADY_OPEN_IN = message("document.the_document_is_already_open_in", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: the document is already open in another window. You can open it read-only."))  # noqa: E501
ANOTHER_PROGRAM_IS_WRITING = message("document.another_program_is_writing", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: another program is writing to the document; the change was not saved. Close that program (or finish its transaction) and try again."))  # noqa: E501
DISK_FULL_CHANGE_WAS_NOT_SAVED = message("document.disk_full_change_was_not_saved", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: the disk is full; the change was not saved."))
FILE_BESIDE_DOES_NOT_BELONG_THIS = message("document.file_beside_does_not_belong_this", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: the file %2 beside it does not belong to this document (%3); nothing was changed. Move that file elsewhere to open the document as it is."))  # noqa: E501
CANNOT_READ_FILES_BESIDE = message("document.cannot_read_files_beside", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: cannot read the files beside it (%2)."))
DOCUMENT_WAS_NOT_CLOSED_CLEANLY_OPEN = message("document.document_was_not_closed_cleanly_open", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: the document was not closed cleanly; open it for editing once so that the unfinished change is rolled back."))  # noqa: E501
DOCUMENT_WAS_REPLACED_AFTER_THAT_LOG = message("sidecar.document_was_replaced_after_that_log", "SidecarError",
    QT_TRANSLATE_NOOP("SidecarError", "the document was replaced after that log was copied into it"))


def _check_header(path: Path, fd: int) -> int:
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
        and not _sibling(path, "-wal").exists()
        and not _sibling(path, "-journal").exists()
        and pages * page_size > size
    ):
        raise DocumentError(
            THE_FILE_IS_TRUNCATED_BYTES_EXPECTED, path, size, pages * page_size
        )
    return page_size


def _quick_check(conn: sqlite3.Connection, whole: bool) -> str:
    """``PRAGMA quick_check`` of the whole file, or of every table but the survey responses.

    quick_check reads every page, so it takes time in proportion to the file
    (about 0.2 s for a million responses). :meth:`Document._validate` checks
    the whole file when it is small or was not closed cleanly (a ``-wal`` or
    ``-journal`` is beside it); a large, cleanly closed document gets every
    table and index checked except ``responses`` and its indexes (the bulk of
    the file), whose damage SQLite still reports when they are read.
    """
    if whole:
        # integrity_check, not quick_check: it also finds an index whose entries
        # disagree with its table (reports would count from the index).
        return conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return _quick_check_tables(conn, ["sqlite_master", *(t for t in tables if t not in QUICK_CHECK_SKIPPED_TABLES)])


def _quick_check_tables(conn: sqlite3.Connection, tables: Iterable[str]) -> str:
    """``PRAGMA quick_check`` of each table (and its indexes): "ok", or the first problem."""
    for table in tables:
        quoted = '"' + table.replace('"', '""') + '"'
        result = conn.execute(f"PRAGMA integrity_check({quoted})").fetchone()[0]
        if result != "ok":
            return str(result)
        if table != "sqlite_master":
            problem = validation.row_problem(conn, table)
            if problem:
                return problem
    return "ok"


def _connect_read_only(path: Path, *, immutable: bool = False, check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection that can neither write nor run functions the file's schema names.

    *immutable* (only for a file with no ``-wal`` or ``-journal`` beside it):
    no lock, no ``-shm``, nothing created or changed.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=check_same_thread)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA query_only = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _schema_problem(conn: sqlite3.Connection) -> MessageError | None:
    """What is wrong with the schema in *conn*, or None if it is exactly ours."""
    missing = schema.missing_objects(conn)
    if missing:
        return MessageError(MISSING_OBJECTS, ", ".join(missing))
    extra = schema.unexpected_objects(conn)
    if extra:
        return MessageError(FOREIGN_OBJECTS, ", ".join(extra))
    altered = schema.altered_tables(conn)
    if altered:
        return MessageError(ALTERED_TABLES, ", ".join(altered))
    return None


class Document(RelationsMixin):
    """One open ``.jmap`` file."""

    def __init__(
        self, path: Path, conn: sqlite3.Connection, read_only: bool, lock_fd: _FileHandle | None
    ):
        self.path = path
        self.read_only = read_only
        self._conn = conn
        self._handle = lock_fd
        self._depth = 0
        # A read-only connection cannot remove the -wal/-shm files it had to
        # create; open() records whether they were there so close() can tidy up.
        self._had_sidecars = True
        # Tables whose pages open() did not check (the survey responses of a big,
        # cleanly closed file): ``check_unchecked_tables`` does it later.
        self.unchecked_tables: tuple[str, ...] = ()
        # Why a document asked for editing was opened read-only: "media" (read-only
        # medium or folder), "full" (no space left on the disk), or None.
        self.read_only_reason: str | None = None
        # The last commit is still only in the WAL (a reader held the checkpoint back,
        # or it came within CHECKPOINT_INTERVAL_S of the previous checkpoint).
        self.checkpoint_pending = False
        self._last_checkpoint = 0.0
        # A document dropped without close() still closes its connection and
        # gives back its lock, or the file stays "open in another window"
        # until the process ends.
        self._finalizer = weakref.finalize(self, _close_quietly, conn, lock_fd, not read_only)

    # ----------------------------------------------------------------- lifecycle
    @classmethod
    def create(cls, path: str | os.PathLike[str]) -> Document:
        """Create a new, empty document; refuses to overwrite an existing file."""
        path = Path(path)
        if path.exists():
            raise DocumentError(ALREADY_EXISTS_REFUSING_TO_OVERWRITE_IT, path)
        if not path.parent.is_dir():
            raise DocumentError(NO_SUCH_FOLDER, path.parent)
        for suffix in ("-wal", "-shm", "-journal"):
            # Leftovers of another file with this name would be replayed into ours.
            _sibling(path, suffix).unlink(missing_ok=True)
        try:
            # O_EXCL: never truncate a file another process created meanwhile.
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            raise DocumentError(ALREADY_EXISTS_REFUSING_TO_OVERWRITE_IT, path) from None
        except OSError as exc:
            raise DocumentError(CANNOT_CREATE_THE_FILE, path, exc.strerror) from exc
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            try:
                # Rollback journal while the schema is written, so the identity in
                # the file header is on disk before any WAL exists.
                conn.execute("PRAGMA trusted_schema = OFF")
                conn.execute("BEGIN")
                schema.create(conn)
                conn.execute("COMMIT")
            finally:
                conn.close()
        except Exception as exc:
            path.unlink(missing_ok=True)
            _sibling(path, "-journal").unlink(missing_ok=True)
            if isinstance(exc, sqlite3.Error):
                raise DocumentError(CANNOT_CREATE_THE_DOCUMENT, path, exc) from exc
            raise
        return cls.open(path)

    @classmethod
    def open(cls, path: str | os.PathLike[str], read_only: bool = False) -> Document:
        """Open and validate a document; nothing is written unless it is ours.

        The advisory lock is taken first (so no other JourneyMap window writes
        meanwhile), then the file header is read without SQLite, then identity,
        version and schema are checked through a read-only connection.  Only a
        document that passes is opened for writing.
        """
        path = _real_path(Path(path))
        if not path.exists():
            raise DocumentError(NO_SUCH_FILE, path)
        if not path.is_file():
            raise DocumentError(NOT_A_FILE, path)
        blocked = _cannot_write(path)
        reason = None if read_only else blocked
        if reason is not None:
            read_only = True
        had_sidecars = _sidecars(path)
        try:
            handle = _FileHandle.acquire(path, write=not read_only)
        except OSError as exc:
            raise DocumentError(CANNOT_READ_THE_FILE, path, exc.strerror) from exc
        conn: sqlite3.Connection | None = None
        doc: Document | None = None
        try:
            page_size = _check_header(path, handle.fd)
            cls._check_sidecars(path, page_size, handle, can_write=blocked is None)
            unchecked = cls._validate(path)
            if read_only:
                # Nothing beside the file and nobody can write it: read it as it is.
                frozen = blocked is not None and not _sidecars(path) and not _sibling(path, "-journal").exists()
                conn = _connect_read_only(path, immutable=frozen, check_same_thread=False)
            else:
                conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
                conn.execute("PRAGMA trusted_schema = OFF")
            conn.execute("PRAGMA foreign_keys = ON")
            # What we validated is what we opened (cheap; before any write).
            extra = schema.unexpected_objects(conn)
            if extra:
                raise DocumentError(THE_DOCUMENT_CHANGED_WHILE_IT_WAS, path)
            if not read_only:
                conn.execute("PRAGMA journal_mode = WAL")
                # FULL: a committed edit survives power loss, not only a crash.
                conn.execute("PRAGMA synchronous = FULL")
            doc = cls(path, conn, read_only, handle)
            doc._had_sidecars = had_sidecars
            doc.read_only_reason = reason
            doc.unchecked_tables = unchecked
            if not read_only:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version < schema.SCHEMA_VERSION:
                    with doc.transaction():
                        schema.migrate(conn, version)
            return doc
        except BaseException as exc:
            if doc is not None:
                doc._finalizer()
            else:
                if conn is not None:
                    conn.close()
                handle.release(write=not read_only)
            if not read_only and _is_full_or_read_only(exc):
                # The disk filled up or the medium turned read-only while opening.
                return cls.open(path, read_only=True)._because("full" if "full" in str(exc) else "media")
            if isinstance(exc, sqlite3.Error):
                raise DocumentError(CANNOT_OPEN_THE_DOCUMENT, path, exc) from exc
            raise

    def _because(self, reason: str) -> Document:
        self.read_only_reason = reason
        return self

    @classmethod
    def _check_sidecars(cls, path: Path, page_size: int, handle: _FileHandle, can_write: bool) -> None:
        """Refuse a leftover ``-wal``/``-journal`` that is not this file's; roll back a hot journal that is.

        A sidecar that a live connection is using (another window of ours,
        another process) is that connection's business and left alone. A hot
        journal is rolled back even for a read-only open (as any SQLite reader
        would), unless the file cannot be written at all.
        """
        ours_open = handle.users > 1
        wal, journal = _sibling(path, "-wal"), _sibling(path, "-journal")
        try:
            if wal.exists() and not ours_open and not sidecars.wal_in_use(path):
                what = wal
                if sidecars.wal_pending(path, page_size):
                    if sidecars.wal_fully_checkpointed(path):
                        raise sidecars.SidecarError(
                            DOCUMENT_WAS_REPLACED_AFTER_THAT_LOG
                        )
                    sidecars.rehearse(path, "-wal", cls._validate)
            if sidecars.journal_hot(path) and not ours_open and not sidecars.journal_in_use(path):
                what = journal
                sidecars.check_journal(path, page_size)
                sidecars.rehearse(path, "-journal", cls._validate)
                if not can_write:
                    raise DocumentError(
                        DOCUMENT_WAS_NOT_CLOSED_CLEANLY_OPEN, path
                    )
                _roll_back(path)
        except sidecars.SidecarError as exc:
            raise DocumentError(
                FILE_BESIDE_DOES_NOT_BELONG_THIS, path, what.name, exc
            ) from None
        except OSError as exc:
            raise DocumentError(CANNOT_READ_FILES_BESIDE, path, exc.strerror) from exc

    @staticmethod
    def _validate(path: Path) -> tuple[str, ...]:
        """Check identity, version and schema through a read-only connection.

        Returns the tables whose pages were not checked (see :func:`_quick_check`).

        With nothing beside the file that SQLite would replay (``-wal``,
        ``-journal``) the file is opened ``immutable``: no lock, no ``-shm``,
        nothing created or changed, even for a WAL-mode file.  Otherwise the
        read-only connection sees the same pages a writer would.
        """
        closed_cleanly = not any(_sibling(path, s).exists() for s in ("-wal", "-journal"))
        try:
            conn = _connect_read_only(path, immutable=closed_cleanly)
        except sqlite3.Error as exc:
            raise DocumentError(CANNOT_OPEN_THE_FILE, path, exc) from exc
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if app_id != schema.APPLICATION_ID:
                raise DocumentError(
                    NOT_A_JOURNEYMAP_DOCUMENT_IT_IS, path
                )
            if version > schema.SCHEMA_VERSION:
                raise DocumentError(
                    THIS_DOCUMENT_WAS_MADE_BY_A, path, version, schema.SCHEMA_VERSION
                )
            if version == schema.SCHEMA_VERSION:
                problem = _schema_problem(conn)
            else:
                # Older formats have other tables; but no format has triggers or views.
                foreign = [o for o in schema.unexpected_objects(conn) if not o.startswith(("table ", "index "))]
                problem = MessageError(FOREIGN_OBJECTS, ", ".join(foreign)) if foreign else None
            if problem:
                raise DocumentError(PROBLEM, path, problem)
            whole = not closed_cleanly or path.stat().st_size <= QUICK_CHECK_WHOLE_BYTES
            result = _quick_check(conn, whole=whole)
            if result != "ok":
                raise DocumentError(THE_DOCUMENT_IS_DAMAGED, path, result)
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            problem = validation.rows_problem(
                conn, [t for t in tables if whole or t not in QUICK_CHECK_SKIPPED_TABLES]
            ) or (validation.collation_problem(conn) if version == schema.SCHEMA_VERSION else None)
            if problem:
                raise DocumentError(THE_DOCUMENT_IS_DAMAGED, path, problem)
            if version < schema.SCHEMA_VERSION:
                # Rehearse the migration on a copy in memory: the real file is
                # only migrated if the result has exactly our schema.
                Document._rehearse_migration(path, conn, version)
            return () if whole else tuple(sorted(QUICK_CHECK_SKIPPED_TABLES))
        except sqlite3.DatabaseError as exc:
            raise DocumentError(THE_FILE_IS_DAMAGED_OR_NOT, path, exc) from exc
        finally:
            conn.close()

    def check_unchecked_tables(self) -> str | None:
        """``PRAGMA quick_check`` of the tables open() skipped: "ok", or the first problem found.

        Runs on a connection of its own, so it may run on another thread while the
        document is in use; None when that connection cannot be opened (nothing
        could be checked, which is not damage).
        """
        if not self.unchecked_tables:
            return "ok"
        try:
            conn = _connect_read_only(self.path)
        except sqlite3.Error:
            return None
        try:
            return _quick_check_tables(conn, self.unchecked_tables)
        except sqlite3.OperationalError:
            return None  # locked, unreadable: not a verdict on the pages
        except sqlite3.DatabaseError as exc:
            return str(exc)
        finally:
            conn.close()

    @staticmethod
    def _rehearse_migration(path: Path, conn: sqlite3.Connection, version: int) -> None:
        mem = sqlite3.connect(":memory:", isolation_level=None)
        try:
            conn.backup(mem)
            mem.execute("PRAGMA trusted_schema = OFF")
            mem.execute("BEGIN")
            try:
                schema.migrate(mem, version)
            except sqlite3.Error as exc:
                raise DocumentError(
                    THE_DOCUMENT_CANNOT_BE_UPGRADED_FROM, path, version, exc
                ) from exc
            mem.execute("COMMIT")
            problem = _schema_problem(mem)
            if problem:
                raise DocumentError(AFTER_UPGRADING_FROM_FORMAT, path, version, problem)
        finally:
            mem.close()

    def close(self) -> None:
        """Checkpoint, close the connection and release the lock (idempotent)."""
        if self._conn is not None:
            if not self.read_only:
                try:
                    if not self._depth:
                        self._purge_orphan_blobs()
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                except sqlite3.Error:
                    pass
            self._conn = None  # type: ignore[assignment]
        self._handle = None
        self._finalizer()  # closes the connection, then releases the lock (once)
        if self.read_only and not self._had_sidecars and _sidecars(self.path):
            _remove_sidecars(self.path)

    def _purge_orphan_blobs(self) -> None:
        """Photos no attachment uses any more leave with the undo history that could bring them back."""
        from journeymap.storage import attachments

        if self._conn.execute(
            "SELECT EXISTS (SELECT 1 FROM attachment_blobs b WHERE NOT EXISTS "
            "(SELECT 1 FROM attachments a WHERE a.sha256 = b.sha256))"
        ).fetchone()[0]:
            attachments.purge_orphan_blobs(self)

    def __enter__(self) -> Document:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def backup_to(self, target: str | os.PathLike[str]) -> None:
        """Write a consistent copy of the document (Save As) with SQLite's backup API.

        The copy includes every committed change, also those still in the WAL,
        is a single self-contained file (rollback journal mode), is written
        beside the target and renamed over it only once complete and synced.
        A target open in another window is refused.
        """
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise DocumentError(CANNOT_SAVE_A_DOCUMENT_OVER_ITSELF, target)
        if not target.parent.is_dir():
            raise DocumentError(NO_SUCH_FOLDER, target.parent)
        guard = None
        if target.exists():
            try:
                guard = _FileHandle.acquire(target, write=True)
            except OSError as exc:
                raise DocumentError(CANNOT_REPLACE_THE_FILE, target, exc.strerror) from exc
        tmp = target.with_name(target.name + ".part")
        try:
            for p in (tmp, _sibling(tmp, "-journal")):
                p.unlink(missing_ok=True)
            dest = sqlite3.connect(tmp, isolation_level=None)
            try:
                self._conn.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, target)
            # A WAL or journal left by the file we replaced would be replayed into the copy.
            for suffix in ("-wal", "-shm", "-journal"):
                _sibling(target, suffix).unlink(missing_ok=True)
            _fsync_dir(target.parent)
        except sqlite3.Error as exc:
            raise DocumentError(CANNOT_WRITE_THE_COPY, target, exc) from exc
        except OSError as exc:
            raise DocumentError(CANNOT_WRITE_THE_COPY, target, exc.strerror) from exc
        finally:
            tmp.unlink(missing_ok=True)
            _sibling(tmp, "-journal").unlink(missing_ok=True)
            if guard is not None:
                guard.release(write=True)

    # --------------------------------------------------------------- transactions
    @property
    def in_transaction(self) -> bool:
        return bool(self._depth)

    @cached_property
    def db(self) -> Any:
        """The document as a ``sqlite_utils.Database`` (for tools and introspection).

        Imported on first use: sqlite-utils pulls in pandas/numpy when they are
        installed, which would double the editor's start-up time.
        """
        import sqlite_utils

        return sqlite_utils.Database(self._conn)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work; nested calls join the outer transaction."""
        if self.read_only:
            raise DocumentError(THE_DOCUMENT_IS_OPEN_READ_ONLY, self.path)
        if self._conn is None:
            raise DocumentError(THE_DOCUMENT_IS_CLOSED, self.path)
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _write_error(self.path, exc) from exc
        self._depth = 1
        try:
            yield
        except BaseException as exc:
            self._depth = 0
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            # Disk full, locked, I/O: the user's business. Constraint errors stay SQLite's
            # (a caller's bug, or an importer that reports them row by row).
            if isinstance(exc, sqlite3.OperationalError):
                raise _write_error(self.path, exc) from exc
            raise
        self._depth = 0
        try:
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            # A failed COMMIT (disk full, I/O error) may leave the transaction
            # open; roll it back so the next edit does not join a dead one.
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise _write_error(self.path, exc) from exc
        if time.monotonic() - self._last_checkpoint >= CHECKPOINT_INTERVAL_S:
            self.checkpoint()
        else:
            # A burst of edits (undo/redo held down, a script): one checkpoint per
            # interval; the editor's idle timer (or the next commit, or close) does the rest.
            self.checkpoint_pending = True

    def set_busy_timeout(self, seconds: float) -> None:
        """How long a write waits for another program's lock before it fails (SQLite's default: 5 s).

        The editor uses a short wait, so a lock held by the ``sqlite3`` shell or
        Datasette never freezes the window; the command line waits longer.
        """
        if self._conn is not None:
            self._conn.execute(f"PRAGMA busy_timeout = {max(0, int(seconds * 1000))}")

    def checkpoint(self) -> bool:
        """Copy every committed page from the WAL into the document file; True when it holds them all.

        Run after each commit, so the ``.jmap`` alone is a complete, current
        document (a copy taken by a file manager, a sync tool or an email client
        while the editor is open misses nothing). PASSIVE: it never waits for
        or blocks a reader; when one holds it back, ``checkpoint_pending`` stays
        set and the editor tries again when idle.
        """
        if self.read_only or self._conn is None or self._depth:
            return not self.checkpoint_pending
        try:
            busy, log, done = self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error:
            busy, log, done = 1, 1, 0
        self._last_checkpoint = time.monotonic()
        self.checkpoint_pending = bool(busy) or (log > 0 and done < log)
        return not self.checkpoint_pending

    def execute(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        try:
            return self._conn.execute(sql, params)
        except sqlite3.OperationalError as exc:
            self._raise_if_read_only(exc)
            raise

    def executemany(self, sql: str, rows: Iterable[Any]) -> sqlite3.Cursor:
        try:
            return self._conn.executemany(sql, rows)
        except sqlite3.OperationalError as exc:
            self._raise_if_read_only(exc)
            raise

    def _raise_if_read_only(self, exc: sqlite3.Error) -> None:
        if self.read_only and "readonly" in str(exc).replace("read-only", "readonly").replace(" ", ""):
            raise DocumentError(THE_DOCUMENT_IS_OPEN_READ_ONLY, self.path) from exc

    # ---------------------------------------------------------- generic row I/O
    def _insert(self, table: str, row: dict[str, Any]) -> int:
        if row.get("id") is None:
            row = {k: v for k, v in row.items() if k != "id"}
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        with self.transaction():
            cur = self._conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(row.values()))
        return int(cur.lastrowid)

    def _update(self, table: str, row_id: int, values: dict[str, Any]) -> None:
        if not values:
            return
        assign = ", ".join(f"{k} = ?" for k in values)
        with self.transaction():
            cur = self._conn.execute(
                f"UPDATE {table} SET {assign} WHERE id = ?", [*values.values(), row_id]
            )
            if cur.rowcount != 1:
                raise DocumentError(ROW_DOES_NOT_EXIST, table, row_id)

    def _delete(self, table: str, row_id: int) -> None:
        with self.transaction():
            self._conn.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cur = self._conn.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur]

    # ----------------------------------------------------------------------- maps
    def maps(self) -> list[JourneyMap]:
        return [JourneyMap(**r) for r in self._rows("SELECT * FROM maps ORDER BY position, id")]

    def get_map(self, map_id: int) -> JourneyMap:
        rows = self._rows("SELECT * FROM maps WHERE id = ?", [map_id])
        if not rows:
            raise DocumentError(THERE_IS_NO_MAP_WITH_ID, self.path, map_id)
        return JourneyMap(**rows[0])

    def add_map(self, journey_map: JourneyMap) -> int:
        return self._insert("maps", asdict(journey_map))

    def update_map(self, map_id: int, **values: Any) -> None:
        self._update("maps", map_id, _check_fields(JourneyMap, values))

    def delete_map(self, map_id: int) -> None:
        with self.transaction():
            comments_index.forget(
                self._conn, "touchpoint_id IN (SELECT id FROM touchpoints WHERE map_id = ?) "
                "OR batch_id IN (SELECT id FROM import_batches WHERE map_id = ?)", [map_id, map_id])
            self._delete("maps", map_id)

    # --------------------------------------------------------------------- stages
    def stages(self, map_id: int) -> list[Stage]:
        return [
            Stage(**r)
            for r in self._rows("SELECT * FROM stages WHERE map_id = ? ORDER BY position, id", [map_id])
        ]

    def add_stage(self, stage: Stage) -> int:
        return self._insert("stages", asdict(stage))

    def update_stage(self, stage_id: int, **values: Any) -> None:
        self._update("stages", stage_id, _check_fields(Stage, values))

    def delete_stage(self, stage_id: int) -> None:
        with self.transaction():
            comments_index.forget(self._conn, "touchpoint_id IN (SELECT id FROM touchpoints WHERE stage_id = ?)",
                                  [stage_id])
            self._delete("stages", stage_id)

    def move_stage(self, stage_id: int, index: int) -> int:
        """Move a stage to *index* among its map's stages; returns its old index."""
        return self._reorder("stages", stage_id, index)

    # ---------------------------------------------------------------------- lanes
    def lanes(self, map_id: int) -> list[Lane]:
        return [
            Lane(**{**r, "kind": _lane_kind(r["kind"]), "line_below": BlueprintLine(r["line_below"])})
            for r in self._rows("SELECT * FROM lanes WHERE map_id = ? ORDER BY position, id", [map_id])
        ]

    def add_lane(self, lane: Lane) -> int:
        return self._insert("lanes", _db_values(asdict(lane)))

    def update_lane(self, lane_id: int, **values: Any) -> None:
        self._update("lanes", lane_id, _db_values(_check_fields(Lane, values)))

    def delete_lane(self, lane_id: int) -> None:
        with self.transaction():
            comments_index.forget(self._conn, "touchpoint_id IN (SELECT id FROM touchpoints WHERE lane_id = ?)",
                                  [lane_id])
            self._delete("lanes", lane_id)

    def move_lane(self, lane_id: int, index: int) -> int:
        return self._reorder("lanes", lane_id, index)

    def positions(self, table: str, row_id: int) -> dict[int, int]:
        """id -> stored position of every stage (or lane) in the map of *row_id*.

        Moving or inserting renumbers all of them 0..n-1, so undo saves and
        restores the exact numbers, not just the order of what is left.
        """
        if table not in ("stages", "lanes"):
            raise ValueError(f"positions of {table!r}")
        return {
            r[0]: r[1]
            for r in self._conn.execute(
                f"SELECT id, position FROM {table} WHERE map_id = (SELECT map_id FROM {table} WHERE id = ?)",
                [row_id],
            )
        }

    def set_positions(self, table: str, positions: dict[int, int]) -> None:
        """Put back positions saved by :meth:`positions`."""
        if table not in ("stages", "lanes"):
            raise ValueError(f"positions of {table!r}")
        with self.transaction():
            self._conn.executemany(
                f"UPDATE {table} SET position = ? WHERE id = ? AND position != ?",
                [(pos, row_id, pos) for row_id, pos in positions.items()],
            )

    def _reorder(self, table: str, row_id: int, index: int) -> int:
        with self.transaction():
            row = self._conn.execute(f"SELECT map_id FROM {table} WHERE id = ?", [row_id]).fetchone()
            if row is None:
                raise DocumentError(THERE_IS_NO_WITH_ID, self.path, table[:-1], row_id)
            map_id = row[0]
            ids = [
                r[0]
                for r in self._conn.execute(
                    f"SELECT id FROM {table} WHERE map_id = ? ORDER BY position, id", [map_id]
                )
            ]
            old = ids.index(row_id)
            ids.remove(row_id)
            ids.insert(max(0, min(index, len(ids))), row_id)
            self._conn.executemany(
                f"UPDATE {table} SET position = ? WHERE id = ?", list(enumerate(ids))
            )
        return old

    # ---------------------------------------------------------------- touchpoints
    def touchpoints(self, map_id: int) -> list[Touchpoint]:
        rows = self._conn.execute(
            "SELECT t.* FROM touchpoints t "
            "JOIN stages s ON s.id = t.stage_id JOIN lanes l ON l.id = t.lane_id "
            "WHERE t.map_id = ? ORDER BY s.position, l.position, t.position, t.id",
            [map_id],
        )
        names = [d[0] for d in rows.description]
        return [_touchpoint(dict(zip(names, r))) for r in rows]

    def touchpoint(self, touchpoint_id: int) -> Touchpoint:
        rows = self._rows("SELECT * FROM touchpoints WHERE id = ?", [touchpoint_id])
        if not rows:
            raise DocumentError(THERE_IS_NO_TOUCHPOINT_WITH_ID, self.path, touchpoint_id)
        return _touchpoint(rows[0])

    def add_touchpoint(self, touchpoint: Touchpoint, index: int | None = None) -> int:
        """Insert a touchpoint in its cell at *index* (default: last)."""
        with self.transaction():
            row = _db_values(asdict(touchpoint))
            ids = self._cell_ids(touchpoint.map_id, touchpoint.stage_id, touchpoint.lane_id)
            row["position"] = len(ids)
            new_id = self._insert("touchpoints", row)
            if index is not None and index < len(ids):
                ids.insert(max(0, index), new_id)
                self._renumber(ids)
        return new_id

    def append_touchpoint(self, touchpoint: Touchpoint) -> int:
        """Insert a touchpoint at the position it carries, without renumbering its cell.

        For bulk loads that number each cell themselves (import-map): reading the
        cell back for every card made them quadratic.
        """
        row = {f.name: getattr(touchpoint, f.name) for f in _TOUCHPOINT_FIELDS}  # asdict deep-copies
        return self._insert("touchpoints", _db_values(row))

    def update_touchpoint(self, touchpoint_id: int, **values: Any) -> None:
        self._update("touchpoints", touchpoint_id, _db_values(_check_fields(Touchpoint, values)))

    def delete_touchpoint(self, touchpoint_id: int) -> None:
        with self.transaction():
            tp = self.touchpoint(touchpoint_id)
            comments_index.forget(self._conn, "touchpoint_id = ?", [touchpoint_id])
            self._delete("touchpoints", touchpoint_id)
            self._renumber(self._cell_ids(tp.map_id, tp.stage_id, tp.lane_id))

    def touchpoints_by_id(self, ids: Iterable[int]) -> dict[int, Touchpoint]:
        """The touchpoints with these ids (missing ones left out), in one query per 500 ids."""
        out: dict[int, Touchpoint] = {}
        for chunk in _chunks(list(dict.fromkeys(ids)), 500):
            marks = ", ".join("?" for _ in chunk)
            for row in self._rows(f"SELECT * FROM touchpoints WHERE id IN ({marks})", chunk):
                out[row["id"]] = _touchpoint(row)
        return out

    def places(self, ids: Iterable[int]) -> dict[int, tuple[int, int, int]]:
        """(stage_id, lane_id, position) of these touchpoints, in one query per 500 ids."""
        out: dict[int, tuple[int, int, int]] = {}
        for chunk in _chunks(list(dict.fromkeys(ids)), 500):
            marks = ", ".join("?" for _ in chunk)
            for tid, sid, lid, pos in self._conn.execute(
                f"SELECT id, stage_id, lane_id, position FROM touchpoints WHERE id IN ({marks})", chunk
            ):
                out[tid] = (sid, lid, pos)
        return out

    def set_places(self, places: dict[int, tuple[int, int, int]]) -> None:
        """Put each touchpoint at its (stage_id, lane_id, position): one UPDATE for all of them.

        The caller writes only the rows whose place changes (a drag writes a few rows,
        not whole cells); the stages and lanes must belong to the touchpoints' map.
        """
        if not places:
            return
        with self.transaction():
            for chunk in _chunks(list(places), 300):
                cases = " ".join("WHEN ? THEN ?" for _ in chunk)
                params: list[Any] = []
                for column in range(3):
                    for tid in chunk:
                        params += [tid, places[tid][column]]
                params += chunk
                cur = self._conn.execute(
                    f"UPDATE touchpoints SET stage_id = CASE id {cases} END, lane_id = CASE id {cases} END, "
                    f"position = CASE id {cases} END WHERE id IN ({', '.join('?' for _ in chunk)})",
                    params,
                )
                if cur.rowcount != len(chunk):
                    raise DocumentError(THERE_IS_NO_TOUCHPOINT_WITH_ID, self.path, chunk)
                marks = ", ".join("?" for _ in chunk)
                strays = self._conn.execute(
                    "SELECT t.id, t.stage_id, t.lane_id, t.map_id FROM touchpoints t "
                    "LEFT JOIN stages s ON s.id = t.stage_id LEFT JOIN lanes l ON l.id = t.lane_id "
                    f"WHERE t.id IN ({marks}) AND (s.map_id IS NOT t.map_id OR l.map_id IS NOT t.map_id) LIMIT 1",
                    chunk,
                ).fetchone()
                if strays:  # raising rolls the whole edit back
                    _tid, sid, lid, mid = strays
                    raise DocumentError(STAGE_LANE_IS_NOT_A_CELL, self.path, sid, lid, mid)

    def cell_ids(self, map_id: int, stage_id: int, lane_id: int) -> list[int]:
        """Touchpoint ids of one cell, in display order."""
        return self._cell_ids(map_id, stage_id, lane_id)

    def _cell_ids(self, map_id: int, stage_id: int, lane_id: int) -> list[int]:
        return [
            r[0]
            for r in self._conn.execute(
                "SELECT id FROM touchpoints WHERE map_id = ? AND stage_id = ? AND lane_id = ? "
                "ORDER BY position, id",
                [map_id, stage_id, lane_id],
            )
        ]

    def _renumber(self, ids: list[int]) -> None:
        self._conn.executemany(
            "UPDATE touchpoints SET position = ? WHERE id = ? AND position != ?",
            [(i, tid, i) for i, tid in enumerate(ids)],
        )

    # ---------------------------------------------------------------------- notes
    def notes(self, touchpoint_id: int) -> list[Note]:
        return [
            Note(**r)
            for r in self._rows(
                "SELECT * FROM notes WHERE touchpoint_id = ? ORDER BY created_at, id", [touchpoint_id]
            )
        ]

    def add_note(self, note: Note) -> int:
        return self._insert("notes", asdict(note))

    def update_note(self, note_id: int, **values: Any) -> None:
        self._update("notes", note_id, _check_fields(Note, values))

    def delete_note(self, note_id: int) -> None:
        self._delete("notes", note_id)

    # ------------------------------------------------------ responses and batches
    def add_batch(self, batch: ImportBatch) -> int:
        return self._insert("import_batches", asdict(batch))

    def update_batch(self, batch_id: int, **values: Any) -> None:
        self._update("import_batches", batch_id, _check_fields(ImportBatch, values))

    def batches(self, map_id: int) -> list[ImportBatch]:
        return [
            ImportBatch(**r)
            for r in self._rows(
                "SELECT * FROM import_batches WHERE map_id = ? ORDER BY imported_at, id", [map_id]
            )
        ]

    def delete_batch(self, batch_id: int) -> None:
        with self.transaction():
            comments_index.forget(self._conn, "batch_id = ?", [batch_id])
            self._delete("import_batches", batch_id)

    def add_response(self, response: Response) -> int:
        with self.transaction():
            new_id = self._insert("responses", asdict(response))
            comments_index.index_ids(self._conn, [new_id])
        return new_id

    def insert_responses(self, rows: Iterable[tuple[Any, ...]]) -> int:
        """Bulk insert of (touchpoint_id, score, sentiment, comment, date, segment, batch_id) tuples.

        Runs inside the caller's transaction when there is one, so an importer
        can stream millions of rows and still commit or roll back as a unit.
        """
        with self.transaction():
            top = self._conn.execute("SELECT MAX(id) FROM responses").fetchone()[0] or 0
            cur = self._conn.executemany(
                "INSERT INTO responses (touchpoint_id, score, sentiment, comment, date, segment, batch_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            comments_index.index(self._conn, "id > ?", [top])
        return cur.rowcount

    def responses(self, touchpoint_id: int) -> list[Response]:
        return [
            Response(**r)
            for r in self._rows(
                "SELECT * FROM responses WHERE touchpoint_id = ? ORDER BY date, id", [touchpoint_id]
            )
        ]

    def response_counts(
        self, map_id: int, segment: str | None = None, touchpoint_ids: Iterable[int] | None = None
    ) -> dict[int, tuple[int, int, int, float, int]]:
        """Per touchpoint: (promoters, passives, detractors, sentiment sum, sentiment count).

        Grouped by (touchpoint, score) so SQLite walks the covering index
        ``idx_responses_touchpoint`` in order without evaluating per-row
        expressions; the 11 score groups per touchpoint are folded here.
        With *touchpoint_ids*, only those touchpoints are counted (a card
        edit must not rescan a million responses).
        """
        if touchpoint_ids is None:
            scope, params = "SELECT id FROM touchpoints WHERE map_id = ?", [map_id]
        else:
            ids = list(touchpoint_ids)
            if len(ids) > 500:
                wanted = set(ids)
                return {k: v for k, v in self.response_counts(map_id, segment).items() if k in wanted}
            scope, params = ",".join("?" * len(ids)), ids
        sql = (
            "SELECT r.touchpoint_id, r.score, COUNT(*), TOTAL(r.sentiment), COUNT(r.sentiment) "
            f"FROM responses r WHERE r.touchpoint_id IN ({scope})"
        )
        params = list(params)
        if segment:
            sql += " AND r.segment = ?"
            params.append(segment)
        sql += " GROUP BY r.touchpoint_id, r.score"
        out: dict[int, tuple[int, int, int, float, int]] = {}
        for tid, score, n, total, counted in self._conn.execute(sql, params):
            p, q, d, s, c = out.get(tid, (0, 0, 0, 0.0, 0))
            if score is None:  # sentiment-only answers
                pass
            elif score >= 9:
                p += n
            elif score >= 7:
                q += n
            else:
                d += n
            out[tid] = (p, q, d, s + total, c + counted)
        return out

    def overall_counts(self, map_id: int, segment: str | None = None) -> tuple[int, int, int]:
        """(promoters, passives, detractors) of the map's overall (relationship) NPS answers."""
        sql = "SELECT score, COUNT(*) FROM overall_responses WHERE map_id = ?"
        params: list[Any] = [map_id]
        if segment:
            sql += " AND segment = ?"
            params.append(segment)
        p = q = d = 0
        for score, n in self._conn.execute(sql + " GROUP BY score", params):
            if score >= 9:
                p += n
            elif score >= 7:
                q += n
            else:
                d += n
        return p, q, d

    def insert_overall(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """Bulk insert of (map_id, score, date, segment, batch_id) overall NPS answers."""
        with self.transaction():
            self._conn.executemany(
                "INSERT INTO overall_responses (map_id, score, date, segment, batch_id) VALUES (?, ?, ?, ?, ?)", rows
            )

    def segments(self, map_id: int) -> list[str]:
        return [
            r[0]
            for r in self._conn.execute(
                "SELECT DISTINCT segment FROM responses WHERE segment != '' AND touchpoint_id IN "
                "(SELECT id FROM touchpoints WHERE map_id = ?) ORDER BY segment",
                [map_id],
            )
        ]

    def score_history(self, touchpoint_id: int) -> list[tuple[str, int]]:
        """(date, score) of dated responses, oldest first, for trend charts."""
        return [
            (r[0], r[1])
            for r in self._conn.execute(
                "SELECT date, score FROM responses WHERE touchpoint_id = ? AND date IS NOT NULL "
                "AND score IS NOT NULL ORDER BY date",
                [touchpoint_id],
            )
        ]

    # -------------------------------------------------------- snapshots for undo
    def snapshot(
        self,
        *,
        map_ids: Iterable[int] = (),
        stage_ids: Iterable[int] = (),
        lane_ids: Iterable[int] = (),
        touchpoint_ids: Iterable[int] = (),
        batch_ids: Iterable[int] = (),
        persona_ids: Iterable[int] = (),
        connection_ids: Iterable[int] = (),
    ) -> Snapshot:
        """Every row that deleting these objects would remove (cascades included).

        ``restore`` puts them back with their ids, which is how deletions undo.
        """
        map_ids, stage_ids, lane_ids = list(map_ids), list(stage_ids), list(lane_ids)
        touchpoint_ids, batch_ids = list(touchpoint_ids), list(batch_ids)
        snap: Snapshot = {t: [] for t in TABLE_ORDER}

        def grab(table: str, column: str, ids: list[int]) -> list[dict[str, Any]]:
            rows: list[dict[str, Any]] = []
            for chunk in _chunks(ids, 500):
                marks = ",".join("?" * len(chunk))
                rows += self._rows(f"SELECT * FROM {table} WHERE {column} IN ({marks})", chunk)
            return rows

        # The maps first, then the future states that name them as their source
        # (deleting a source clears source_map_id; restoring puts it back).
        maps = grab("maps", "id", map_ids)
        snap["maps"] = maps + [r for r in grab("maps", "source_map_id", map_ids) if r["id"] not in set(map_ids)]
        persona_ids = list(persona_ids)
        snap["personas"] = grab("personas", "id", persona_ids)
        assigned = grab("map_personas", "map_id", map_ids) + grab("map_personas", "persona_id", persona_ids)
        snap["map_personas"] = list({r["id"]: r for r in assigned}.values())
        snap["stages"] = grab("stages", "id", stage_ids) + grab("stages", "map_id", map_ids)
        snap["lanes"] = grab("lanes", "id", lane_ids) + grab("lanes", "map_id", map_ids)
        snap["import_batches"] = grab("import_batches", "id", batch_ids) + grab(
            "import_batches", "map_id", map_ids
        )
        tps = {
            r["id"]: r
            for r in grab("touchpoints", "id", touchpoint_ids)
            + grab("touchpoints", "stage_id", stage_ids)
            + grab("touchpoints", "lane_id", lane_ids)
            + grab("touchpoints", "map_id", map_ids)
        }
        snap["touchpoints"] = list(tps.values())
        tp_ids = list(tps)
        snap["notes"] = grab("notes", "touchpoint_id", tp_ids)
        snap["attachments"] = grab("attachments", "touchpoint_id", tp_ids)
        snap["quotes"] = grab("quotes", "touchpoint_id", tp_ids)
        responses = {r["id"]: r for r in grab("responses", "touchpoint_id", tp_ids)}
        all_batches = [b["id"] for b in snap["import_batches"]]
        responses.update({r["id"]: r for r in grab("responses", "batch_id", all_batches)})
        snap["responses"] = list(responses.values())
        overall = {r["id"]: r for r in grab("overall_responses", "map_id", map_ids)}
        overall.update({r["id"]: r for r in grab("overall_responses", "batch_id", all_batches)})
        snap["overall_responses"] = list(overall.values())
        for table in events_schema.BATCH_TABLES:  # event logs (their touchpoint ids are no foreign keys)
            snap[table] = grab(table, "batch_id", all_batches)
        snap["connections"] = list(
            {
                r["id"]: r
                for r in grab("connections", "id", list(connection_ids))
                + grab("connections", "map_id", map_ids)
                + grab("connections", "source_id", tp_ids)
                + grab("connections", "target_id", tp_ids)
            }.values()
        )
        return snap

    def restore(self, snap: Snapshot) -> None:
        with self.transaction():
            for table in TABLE_ORDER:
                rows = snap.get(table) or []
                if not rows:
                    continue
                cols = list(rows[0])
                # An upsert, not INSERT OR REPLACE: REPLACE deletes the old row
                # first, and with foreign keys on that cascades to its children.
                updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id") or "id = id"
                sql = (
                    f"INSERT INTO {table} ({', '.join(cols)}) "
                    f"VALUES ({', '.join('?' * len(cols))}) "
                    f"ON CONFLICT(id) DO UPDATE SET {updates}"
                )
                if table == "responses":  # rows still there are re-indexed with their restored text
                    comments_index.forget_ids(self._conn, [r["id"] for r in rows])
                self._conn.executemany(sql, [[_sql_value(r[c]) for c in cols] for r in rows])
                if table == "responses":
                    comments_index.index_ids(self._conn, [r["id"] for r in rows])

    def duplicate_map(self, map_id: int, title: str | None = None, future_state: bool = False) -> int:
        """Copy a map with its stages, lanes, touchpoints, notes, photos, connections and personas
        (not responses).

        A *future_state* copy names the map as its source and each card the
        card it was copied from, so the two can be compared later.
        """
        with self.transaction():
            src = self.get_map(map_id)
            position = 1 + max((m.position for m in self.maps()), default=0)
            new_map = self.add_map(
                JourneyMap(
                    title=title or f"{src.title} (copy)",
                    description=src.description,
                    persona_name=src.persona_name,
                    persona_description=src.persona_description,
                    position=position,
                    source_map_id=map_id if future_state else None,
                )
            )
            stage_ids = {
                s.id: self.add_stage(Stage(new_map, s.name, s.position, s.colour)) for s in self.stages(map_id)
            }
            lane_ids = {
                l.id: self.add_lane(Lane(new_map, l.name, l.kind, l.position, l.colour, l.line_below))
                for l in self.lanes(map_id)
            }
            card_ids: dict[int, int] = {}
            for tp in self.touchpoints(map_id):
                old_id = tp.id
                tp.id, tp.map_id = None, new_map
                tp.stage_id, tp.lane_id = stage_ids[tp.stage_id], lane_ids[tp.lane_id]
                tp.origin_id = old_id if future_state else None
                new_tp = self._insert("touchpoints", _db_values(asdict(tp)))
                card_ids[old_id] = new_tp
                note_ids = {}
                for note in self.notes(old_id):
                    old_note, note.id, note.touchpoint_id = note.id, None, new_tp
                    note_ids[old_note] = self.add_note(note)
                self._conn.execute(
                    "INSERT INTO attachments (touchpoint_id, note_id, position, file_name, mime_type, sha256, "
                    "width, height, bytes, created_at) SELECT ?, NULL, position, file_name, mime_type, sha256, "
                    "width, height, bytes, created_at FROM attachments WHERE touchpoint_id = ? ORDER BY id",
                    [new_tp, old_id],
                )
                for old_note, new_note in note_ids.items():
                    self._conn.execute(
                        "UPDATE attachments SET note_id = ? WHERE touchpoint_id = ? AND sha256 IN "
                        "(SELECT sha256 FROM attachments WHERE touchpoint_id = ? AND note_id = ?)",
                        [new_note, new_tp, old_id, old_note],
                    )
            self._conn.executemany(
                "INSERT INTO connections (map_id, source_id, target_id, label) VALUES (?, ?, ?, ?)",
                [(new_map, card_ids[c.source_id], card_ids[c.target_id], c.label) for c in self.connections(map_id)],
            )
            self.set_map_personas(new_map, [p.id for p in self.map_personas(map_id)])
        return new_map

    def counts(self, map_id: int) -> tuple[int, int, int]:
        """(stages, lanes, touchpoints) of a map."""
        row = self._conn.execute(
            "SELECT (SELECT COUNT(*) FROM stages WHERE map_id = :m), "
            "(SELECT COUNT(*) FROM lanes WHERE map_id = :m), "
            "(SELECT COUNT(*) FROM touchpoints WHERE map_id = :m)",
            {"m": map_id},
        ).fetchone()
        return row[0], row[1], row[2]

    def integrity_check(self) -> str:
        return self._conn.execute("PRAGMA integrity_check").fetchone()[0]


# ------------------------------------------------------------------- helpers
_TOUCHPOINT_FIELDS = fields(Touchpoint)


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _check_fields(cls: type, values: dict[str, Any]) -> dict[str, Any]:
    allowed = {f.name for f in fields(cls)} - {"id"}
    unknown = set(values) - allowed
    if unknown:
        raise TypeError(f"{cls.__name__} has no field(s) {', '.join(sorted(unknown))}")
    return values


def _db_values(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    if "tags" in out:
        out["tags"] = json.dumps(list(out["tags"]), ensure_ascii=False)
    for key in ("moment_of_truth", "controllable"):
        if key in out:
            out[key] = int(bool(out[key]))
    for key in ("sensation", "kind", "evidence", "line_below"):
        if key in out and out[key] is not None:
            out[key] = str(out[key])
    return out


def _lane_kind(value: str) -> LaneKind | str:
    try:
        return LaneKind(value)
    except ValueError:
        return LaneKind.NOTES


def _touchpoint(row: dict[str, Any]) -> Touchpoint:
    row = dict(row)
    try:
        row["tags"] = list(json.loads(row["tags"] or "[]"))
    except (ValueError, TypeError):
        row["tags"] = []
    row["moment_of_truth"] = bool(row["moment_of_truth"])
    row["controllable"] = bool(row["controllable"])
    row["sensation"] = Sensation(row["sensation"])
    row["evidence"] = Evidence(row["evidence"])
    return Touchpoint(**row)


def _real_path(path: Path) -> Path:
    """The file a symlinked path names: the one validated, locked and written, with its sidecars."""
    real = Path(os.path.realpath(path))
    return path if real == Path(os.path.abspath(path)) else real


# Below this much free space an edit cannot be committed (journal pages, WAL frames).
MIN_FREE_BYTES = 256 * 1024


def _cannot_write(path: Path) -> str | None:
    """Why the document cannot be edited where it is: "media", "full", or None."""
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return "media"
    try:
        st = os.statvfs(path.parent)
    except (OSError, AttributeError):  # pragma: no cover - Windows
        return None
    if st.f_bavail * st.f_frsize < MIN_FREE_BYTES:
        return "full"
    return None


def _write_error(path: Path, exc: sqlite3.Error) -> DocumentError:
    """A failed write as the user should read it; the edit was rolled back."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return DocumentLockedError(
            ANOTHER_PROGRAM_IS_WRITING, path
        )
    if "full" in text:
        return DocumentError(DISK_FULL_CHANGE_WAS_NOT_SAVED, path)
    return DocumentError(THE_CHANGE_COULD_NOT_BE_SAVED, path, text)


def _is_full_or_read_only(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and (
        "disk is full" in text or "readonly" in text.replace("read-only", "readonly").replace(" ", "")
    )


def _roll_back(path: Path) -> None:
    """Let a write connection roll back the hot journal beside *path* (checked by ``sidecars``)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def _sql_value(value: Any) -> Any:
    return sqlite3.Binary(value) if isinstance(value, bytes) else value


def _sidecars(path: Path) -> bool:
    return any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm"))


def _remove_sidecars(path: Path) -> None:
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


def _close_quietly(conn: sqlite3.Connection, handle: _FileHandle | None, write: bool) -> None:
    try:
        conn.close()
    except sqlite3.Error:  # pragma: no cover
        pass
    if handle is not None:
        # Only after the connection: see _FileHandle.
        handle.release(write=write)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class _FileHandle:
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

    _open: dict[tuple[int, int], _FileHandle] = {}
    _mutex = threading.Lock()

    def __init__(self, key: tuple[int, int], fd: int) -> None:
        self.key, self.fd = key, fd
        self.users = 0
        self.writer = False

    @classmethod
    def acquire(cls, path: Path, write: bool) -> _FileHandle:
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
