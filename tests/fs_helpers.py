"""Small real file systems for tests: a tmpfs that can fill up or turn read-only.

Mounting needs root (CAP_SYS_ADMIN); where it is impossible, ``small_tmpfs``
skips, and every such test has a twin that simulates the same failure with a
patched writer, so the behaviour is covered on any machine.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*args: str) -> bool:
    if sys.platform != "linux" or shutil.which("mount") is None:
        return False
    try:
        return subprocess.run(["mount", *args], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@contextlib.contextmanager
def small_tmpfs(folder: Path, size_kb: int = 1024) -> Iterator[Path]:
    """A tmpfs of *size_kb* KiB mounted on *folder* (skips the test where that cannot be done)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not _mount("-t", "tmpfs", "-o", f"size={size_kb}k,mode=0777", "tmpfs", str(folder)):
        pytest.skip("cannot mount a tmpfs here (not root?); the patched-writer twin covers this")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=10)


def remount_read_only(folder: Path) -> None:
    assert _mount("-o", "remount,ro", str(folder)), "remount read-only failed"


def fill_up(folder: Path) -> Path:
    """Write zeros into *folder* until the file system is full; returns the filler file."""
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as fh:
        block = b"\0" * 4096
        try:
            while True:
                fh.write(block)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC, exc
    for n in range(1000):  # the last few bytes and inodes too
        try:
            (folder / f"pad{n}").write_bytes(b"\0")
        except OSError:
            break
    return filler


def no_space(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN201 - a drop-in for any writer
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
