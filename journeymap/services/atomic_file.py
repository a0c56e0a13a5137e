"""Write a file so that the target is either the old file or the complete new one.

The new content is written to a file with no name (Linux ``O_TMPFILE``) in
the target's folder, checked by the caller's validator, synced to disk, given
the target's permissions and only then linked into place. A process killed
half-way leaves nothing behind; a full disk or a writer that silently stopped
(Qt's SVG and PDF writers do not report write errors) fails validation and
leaves the previous file untouched. Where ``O_TMPFILE`` is not available a
hidden ``.part`` file beside the target is used, and stale ones from a killed
export are removed the next time.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from journeymap.domain.messages import QT_TRANSLATE_NOOP, MessageError, message
from journeymap.storage.disk import fsync_dir

# The messages this module's errors carry: an id and the English text (translated where shown).
NO_SUCH_FOLDER = message("file.no_such_folder", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "%1: no such folder."))
IS_A_FOLDER = message("file.is_a_folder", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "%1: is a folder."))
NOTHING_WAS_WRITTEN = message("file.nothing_was_written", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "%1: nothing was written."))
FILE_COULD_NOT_WRITTEN_COMPLETELY_PREVIOUS = message("file.file_could_not_written_completely_previous", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "%1: the file could not be written completely (%2); the previous file is unchanged."))  # noqa: E501
CANNOT_WRITE_FILE = message("file.cannot_write_file", "ExportError",
    QT_TRANSLATE_NOOP("ExportError", "%1: cannot write the file (%2)."))


class AtomicWriteError(MessageError):
    """The file could not be written; the target is unchanged. The message is for the user."""


class InvalidOutput(MessageError):
    """Raised by a validator: what is wrong with the written content (no path)."""


def _unnamed(folder: Path) -> int | None:
    """A descriptor of a new, nameless file in *folder*, or None where the system cannot."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag:
        return None
    try:
        return os.open(folder, flag | os.O_RDWR | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return None
        raise


def _mode_for(target: Path) -> tuple[int, int | None, int | None]:
    """(permissions, uid, gid) the new file should have: the target's, or the umask's default."""
    try:
        st = target.stat()
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask, None, None
    return stat.S_IMODE(st.st_mode), st.st_uid, st.st_gid


def _stale_parts(target: Path) -> None:
    for old in target.parent.glob(f".{target.name}.*.part"):
        with suppress(OSError):
            old.unlink()


@contextmanager
def atomic_file(target: str | os.PathLike[str], validate: Callable[[Path], None] | None = None) -> Iterator[Path]:
    """Yield a path to write the new content to; on success it becomes *target*.

    *validate* gets that path once the ``with`` block is done and raises to
    refuse the content. Any error leaves *target* as it was and nothing else
    behind; ``OSError`` becomes ``AtomicWriteError``.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise AtomicWriteError(NO_SUCH_FOLDER, folder)
    if target.is_dir():
        raise AtomicWriteError(IS_A_FOLDER, target)
    fd = named = None
    try:
        fd = _unnamed(folder)
        if fd is not None:
            path = Path(f"/proc/self/fd/{fd}")
        else:
            _stale_parts(target)
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
            named = path = Path(name)
        yield path
        if os.fstat(fd).st_size == 0:
            raise AtomicWriteError(NOTHING_WAS_WRITTEN, target)
        if validate is not None:
            validate(path)
        os.fsync(fd)
        mode, uid, gid = _mode_for(target)
        os.fchmod(fd, mode)
        if uid is not None:
            with suppress(OSError):
                os.fchown(fd, uid, gid)
        if named is None:
            _link_into_place(fd, target)
        else:
            os.replace(named, target)
            named = None
        fsync_dir(folder)
    except InvalidOutput as exc:
        raise AtomicWriteError(FILE_COULD_NOT_WRITTEN_COMPLETELY_PREVIOUS, target, exc) from exc
    except OSError as exc:
        raise AtomicWriteError(CANNOT_WRITE_FILE, target, exc.strerror or exc) from exc
    finally:
        if fd is not None:
            os.close(fd)
        if named is not None:
            with suppress(OSError):
                named.unlink()


def _link_into_place(fd: int, target: Path) -> None:
    """Give the nameless file *fd* the name *target* (replacing it)."""
    source = f"/proc/self/fd/{fd}"
    folder = os.open(target.parent if str(target.parent) else ".", os.O_RDONLY)
    try:
        # A destination folder descriptor makes Python call linkat(AT_SYMLINK_FOLLOW),
        # which links the file behind /proc/self/fd/N (plain link() would not).
        try:
            os.link(source, target.name, dst_dir_fd=folder, follow_symlinks=True)
            return
        except FileExistsError:
            pass
        # linkat cannot replace: link under a fresh hidden name, then rename over the target.
        for attempt in range(100):
            temporary = f".{target.name}.{os.getpid()}.{attempt}.part"
            try:
                os.link(source, temporary, dst_dir_fd=folder, follow_symlinks=True)
            except FileExistsError:
                continue
            try:
                os.replace(temporary, target.name, src_dir_fd=folder, dst_dir_fd=folder)
            except BaseException:
                with suppress(OSError):
                    os.unlink(temporary, dir_fd=folder)
                raise
            return
        raise OSError(errno.EEXIST, "no free temporary name")
    finally:
        os.close(folder)
