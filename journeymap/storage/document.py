"""Open, create and validate a ``.jmap`` document; its transactions and the core of :class:`Document`.

Every public write runs in its own transaction unless the caller already holds
one (``with doc.transaction():``), so one user edit is one atomic commit and a
crash never leaves half an edit behind. The reads and writes of each group of
tables are mixins in modules of their own: :mod:`~journeymap.storage.structure_sql`
(maps, stages, lanes), :mod:`~journeymap.storage.touchpoints_sql` (cards, cells,
notes), :mod:`~journeymap.storage.answers_sql` (import batches, responses),
:mod:`~journeymap.storage.snapshots` (undo snapshots),
:mod:`~journeymap.storage.relations` (personas, connections); the file below
SQLite (header, lock, sidecars) is :mod:`~journeymap.storage.disk`.
"""

from __future__ import annotations

import os
import sqlite3
import time
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

from journeymap.domain.messages import QT_TRANSLATE_NOOP, MessageError, message
from journeymap.storage import comments_index, disk, identity, schema, sidecars, validation
from journeymap.storage.answers_sql import AnswersMixin
from journeymap.storage.disk import FileHandle
from journeymap.storage.errors import DocumentError, DocumentLockedError
from journeymap.storage.relations import RelationsMixin
from journeymap.storage.snapshots import SnapshotsMixin
from journeymap.storage.structure_sql import StructureMixin
from journeymap.storage.touchpoints_sql import TouchpointsMixin

__all__ = ["Document", "DocumentError", "DocumentLockedError"]

# At most one checkpoint per this many seconds of commits: a single edit is copied into
# the file at once, a burst (2,000 undo/redo steps a second) costs a few checkpoints.
CHECKPOINT_INTERVAL_S = 0.2
# Opening checks the whole file up to this size; larger, cleanly closed files skip
# the tables below (see _quick_check).
QUICK_CHECK_WHOLE_BYTES = 16 * 1024 * 1024
QUICK_CHECK_SKIPPED_TABLES = frozenset({"responses", "response_counts", "response_months", *comments_index.BIG_TABLES})


# Every message a DocumentError carries: an id and its English text (translated where shown).
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
CANNOT_CREATE_THE_DOCUMENT = message("document.cannot_create_the_document", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: cannot create the document (%2)."))
CANNOT_OPEN_THE_DOCUMENT = message("document.cannot_open_the_document", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: cannot open the document (%2)."))
THE_DOCUMENT_CANNOT_BE_UPGRADED_FROM = message("document.the_document_cannot_be_upgraded_from", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: the document cannot be upgraded from format %2 (%3)."))
CANNOT_REPLACE_THE_FILE = message("document.cannot_replace_the_file", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: cannot replace the file (%2)."))
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


def _nothing_to_replay(path: Path) -> bool:
    """Whether SQLite would find nothing beside *path* to apply: the file was closed cleanly.

    An empty ``-wal`` counts as none: a read-only connection (the sqlite3 shell's
    ``-readonly``, Datasette) leaves one behind, with its ``-shm``, and treating it
    as a crash made opening a 10M-response document check every page (5.4 s instead
    of 2.9 s for ``report``). Any ``-journal``, even an empty one, still counts.
    """
    wal = disk.sibling(path, "-wal")
    try:
        wal_frames = wal.stat().st_size > 0
    except FileNotFoundError:
        wal_frames = False
    return not wal_frames and not disk.sibling(path, "-journal").exists()


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
    if conn.execute("SELECT count(*) FROM replica WHERE id = 1").fetchone()[0] != 1:
        return MessageError(MISSING_OBJECTS, "replica 1")  # which copy this is (storage.identity)
    return None


class Document(StructureMixin, TouchpointsMixin, AnswersMixin, SnapshotsMixin, RelationsMixin):
    """One open ``.jmap`` file."""

    def __init__(
        self, path: Path, conn: sqlite3.Connection, read_only: bool, lock_fd: FileHandle | None
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
        # Opened ``immutable`` (read-only medium, no sidecars): readers open it the same way.
        self._frozen = False
        # The last commit is still only in the WAL (a reader held the checkpoint back,
        # or it came within CHECKPOINT_INTERVAL_S of the previous checkpoint).
        self.checkpoint_pending = False
        self._last_checkpoint = 0.0
        # A document dropped without close() still closes its connection and
        # gives back its lock, or the file stays "open in another window"
        # until the process ends.
        self._finalizer = weakref.finalize(self, disk.close_quietly, conn, lock_fd, not read_only)

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
            disk.sibling(path, suffix).unlink(missing_ok=True)
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
            disk.sibling(path, "-journal").unlink(missing_ok=True)
            if isinstance(exc, sqlite3.Error):
                raise DocumentError(CANNOT_CREATE_THE_DOCUMENT, path, exc) from exc
            raise
        return cls.open(path)

    @classmethod
    def open(cls, path: str | os.PathLike[str], read_only: bool = False, *, private: bool = False) -> Document:
        """Open and validate a document; nothing is written unless it is ours.

        The advisory lock is taken first (so no other JourneyMap window writes
        meanwhile), then the file header is read without SQLite, then identity,
        version and schema are checked through a read-only connection.  Only a
        document that passes is opened for writing. *private*: a copy made by
        ``identity.open_private_copy``, which keeps the replica id of its original.
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
        had_sidecars = disk.has_sidecars(path)
        try:
            handle = FileHandle.acquire(path, write=not read_only)
        except OSError as exc:
            raise DocumentError(CANNOT_READ_THE_FILE, path, exc.strerror) from exc
        conn: sqlite3.Connection | None = None
        doc: Document | None = None
        frozen_doc = False
        try:
            page_size = disk.check_header(path, handle.fd)
            cls._check_sidecars(path, page_size, handle, can_write=blocked is None)
            unchecked = cls._validate(path)
            if read_only:
                # Nothing beside the file and nobody can write it: read it as it is.
                frozen = (blocked is not None and not disk.has_sidecars(path)
                          and not disk.sibling(path, "-journal").exists())
                conn = _connect_read_only(path, immutable=frozen, check_same_thread=False)
                frozen_doc = frozen
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
            doc._frozen = frozen_doc
            doc.read_only_reason = reason
            doc.unchecked_tables = unchecked
            if not read_only:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version < schema.SCHEMA_VERSION:
                    with doc.transaction():
                        schema.migrate(conn, version)
                if not private:
                    identity.note_copy(doc)
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

    @property
    def closed(self) -> bool:
        return self._conn is None

    def check_open(self) -> None:
        """Raise the "document is closed" error (views that outlive the document show it)."""
        if self._conn is None:
            raise DocumentError(THE_DOCUMENT_IS_CLOSED, self.path)

    def reader(self) -> Document:
        """A second, read-only connection to this open document, for another thread (the charts).

        SQLite connections must not cross threads, so a worker reads through its
        own. It takes no lock and validates nothing: this document already did,
        and holds the lock. It sees what is committed; close it when done.
        """
        self.check_open()
        try:
            conn = _connect_read_only(self.path, immutable=self._frozen)
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            raise DocumentError(CANNOT_OPEN_THE_DOCUMENT, self.path, exc) from exc
        return type(self)(self.path, conn, True, None)

    def _because(self, reason: str) -> Document:
        self.read_only_reason = reason
        return self

    @classmethod
    def _check_sidecars(cls, path: Path, page_size: int, handle: FileHandle, can_write: bool) -> None:
        """Refuse a leftover ``-wal``/``-journal`` that is not this file's; roll back a hot journal that is.

        A sidecar that a live connection is using (another window of ours,
        another process) is that connection's business and left alone. A hot
        journal is rolled back even for a read-only open (as any SQLite reader
        would), unless the file cannot be written at all.
        """
        ours_open = handle.users > 1
        wal, journal = disk.sibling(path, "-wal"), disk.sibling(path, "-journal")
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
                disk.roll_back(path)
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
        # immutable only with nothing beside the file: another program may be writing through
        # an empty -wal right now, and then the locks matter.
        no_sidecars = not any(disk.sibling(path, s).exists() for s in ("-wal", "-journal"))
        closed_cleanly = _nothing_to_replay(path)
        try:
            conn = _connect_read_only(path, immutable=no_sidecars)
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
        if self.read_only and not self._had_sidecars and disk.has_sidecars(self.path):
            disk.remove_sidecars(self.path)

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
                guard = FileHandle.acquire(target, write=True)
            except OSError as exc:
                raise DocumentError(CANNOT_REPLACE_THE_FILE, target, exc.strerror) from exc
        tmp = target.with_name(target.name + ".part")
        try:
            for p in (tmp, disk.sibling(tmp, "-journal")):
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
                disk.sibling(target, suffix).unlink(missing_ok=True)
            disk.fsync_dir(target.parent)
        except sqlite3.Error as exc:
            raise DocumentError(CANNOT_WRITE_THE_COPY, target, exc) from exc
        except OSError as exc:
            raise DocumentError(CANNOT_WRITE_THE_COPY, target, exc.strerror) from exc
        finally:
            tmp.unlink(missing_ok=True)
            disk.sibling(tmp, "-journal").unlink(missing_ok=True)
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
        """Rows as dicts for the domain's dataclasses: without the identity columns (storage.identity)."""
        cur = self._conn.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        keep = [i for i, n in enumerate(names) if n not in identity.IDENTITY_COLUMNS]
        if len(keep) == len(names):
            return [dict(zip(names, row)) for row in cur]
        kept = [names[i] for i in keep]
        return [dict(zip(kept, [row[i] for i in keep])) for row in cur]

    def _raw_rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """Rows as they are, identity included (snapshots: an undone deletion is the same object)."""
        cur = self._conn.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur]

    def integrity_check(self) -> str:
        return self._conn.execute("PRAGMA integrity_check").fetchone()[0]


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
