"""Image exports on a full disk, killed mid-write, over a file with its own permissions, with hostile text."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from export_helpers import StandInScene
from fs_helpers import fill_up, small_tmpfs

from journeymap.services.exporting import ExportError
from journeymap.ui.export import render
from journeymap.ui.export.render import ImageOptions, export_image

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("svg", "pdf", "png")


@pytest.fixture
def scene(qapp):
    s = StandInScene()
    yield s
    s.clear()


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_disk_keeps_the_previous_export(scene, tmp_path, fmt) -> None:
    for i in range(1500):  # enough text that the file needs more than the room left
        scene.addSimpleText(f"Touchpoint number {i} with a longer label").setPos(i % 30 * 20, i // 30 * 6)
    with small_tmpfs(tmp_path / "disk", size_kb=4096) as disk:
        target = disk / f"map.{fmt}"
        export_image(scene, target, ImageOptions(), fmt)
        good = target.read_bytes()
        filler = fill_up(disk)
        for pad in disk.glob("pad*"):
            pad.unlink()
        with open(filler, "r+b") as fh:  # room for a new file, not for the whole export
            fh.truncate(filler.stat().st_size - 16 * 1024)
        before = names(disk)
        with pytest.raises(ExportError):
            export_image(scene, target, ImageOptions(), fmt)
        assert target.read_bytes() == good
        assert names(disk) == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_writer_that_silently_stops_keeps_the_previous_export(scene, tmp_path, monkeypatch, fmt) -> None:
    """The full-disk case anywhere: the writer reports success but the file is cut short."""
    target = tmp_path / f"map.{fmt}"
    export_image(scene, target, ImageOptions(), fmt)
    good = target.read_bytes()
    real = render.atomic_path

    def cut_short(path, validate=None):  # noqa: ANN001, ANN202
        def check(tmp: Path) -> None:
            with open(tmp, "r+b") as fh:
                fh.truncate(os.path.getsize(tmp) // 2)
            if validate is not None:
                validate(tmp)
        return real(path, check)

    monkeypatch.setattr(render, "atomic_path", cut_short)
    with pytest.raises(ExportError, match="could not be written completely"):
        export_image(scene, target, ImageOptions(), fmt)
    assert target.read_bytes() == good
    assert names(tmp_path) == [target.name]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_replacing_an_export_keeps_its_permissions(scene, tmp_path) -> None:
    target = tmp_path / "map.svg"
    target.write_text("old")
    os.chmod(target, 0o640)
    export_image(scene, target, ImageOptions(), "svg")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes().startswith(b"<?xml")
    fresh = tmp_path / "fresh.svg"
    export_image(scene, fresh, ImageOptions(), "svg")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~mask


KILLED_WRITER = """
import os, signal, sys
from journeymap.services.atomic_file import atomic_file
with atomic_file(sys.argv[1]) as tmp:
    with open(tmp, "wb") as fh:
        fh.write(b"half a file" * 1000)
        fh.flush()
        os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="signals")
def test_an_export_killed_mid_write_leaves_nothing_behind(tmp_path) -> None:
    target = tmp_path / "map.png"
    target.write_bytes(b"the previous export")
    proc = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(target)], cwd=ROOT, timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert names(tmp_path) == ["map.png"]
    assert target.read_bytes() == b"the previous export"


def test_control_characters_never_make_the_svg_ill_formed(qapp, tmp_path) -> None:
    scene = StandInScene(title="Bad\x01title\x08with\x1bcontrols\x0c")
    try:
        target = tmp_path / "map.svg"
        export_image(scene, target, ImageOptions(), "svg")
        root = ET.parse(target).getroot()
        text = "".join(root.itertext())
        assert "Badtitlewithcontrols" in text
    finally:
        scene.clear()
