"""No file outside the chosen path is ever written.

Every command that writes (``new``, ``import``, ``export`` in all six formats,
``import-map``, Save As, New from template in the window) is run in a temporary
tree with the working folder inside it; after each one the set of files in the
tree must be exactly the one before plus what was asked for: no ``.part`` left
by atomic writes, no ``-journal``/``-wal``/``-shm`` beside a document that is
closed, nothing in the working folder. Failures (a missing folder, junk input)
create nothing at all.

(SVG escaping of document text is covered by test_export_scene.py and
test_export_render.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymap.cli import main
from journeymap.storage import Document

FORMATS = ("png", "svg", "pdf", "csv", "xlsx", "json")
SIDECARS = ("-wal", "-shm", "-journal")


def files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


class Tree:
    """A temporary tree: ``work/`` is the working folder, ``docs/``, ``out/`` and ``in/`` the rest."""

    def __init__(self, root: Path):
        self.root = root
        for name in ("work", "docs", "out", "in"):
            (root / name).mkdir()
        self.seen = files(root)

    def created(self, ignore_sidecars_of: Path | None = None) -> set[str]:
        """Files that appeared since the last call (optionally not counting a document's sidecars)."""
        now = files(self.root)
        new, self.seen = now - self.seen, now
        if ignore_sidecars_of is not None:
            rel = str(ignore_sidecars_of.relative_to(self.root))
            new -= {rel + s for s in SIDECARS}
            self.seen -= {rel + s for s in SIDECARS}
        return new


def cli(capsys, *argv) -> int:
    code = main([str(a) for a in argv])
    capsys.readouterr()
    return code


@pytest.fixture
def tree(tmp_path, monkeypatch) -> Tree:
    t = Tree(tmp_path)
    monkeypatch.chdir(tmp_path / "work")
    return t


def test_cli_writes_only_what_it_is_asked_to(tree, capsys) -> None:
    root = tree.root
    doc = root / "docs" / "doc.jmap"
    assert cli(capsys, "new", doc, "--template", "retail-store") == 0
    assert tree.created() == {"docs/doc.jmap"}

    with Document.open(doc, read_only=True) as d:
        title = d.touchpoints(d.maps()[0].id)[0].title
    tree.created(ignore_sidecars_of=doc)
    survey = root / "in" / "survey.csv"
    survey.write_text(f"touchpoint,score\n{title},9\n{title},3\n", encoding="utf-8")
    junk = root / "in" / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 20)
    tree.created()
    assert cli(capsys, "import", doc, survey) == 0
    assert tree.created() == set()
    assert cli(capsys, "import", doc, junk) == 1
    assert tree.created() == set()

    for fmt in FORMATS:
        out = root / "out" / f"map.{fmt}"
        assert cli(capsys, "export", doc, out) == 0, fmt
        assert tree.created(ignore_sidecars_of=doc) == {f"out/map.{fmt}"}, fmt
        assert cli(capsys, "export", doc, out) == 0, fmt  # replacing it leaves nothing beside it
        assert tree.created(ignore_sidecars_of=doc) == set(), fmt

    assert cli(capsys, "import-map", doc, root / "out" / "map.json") == 0
    assert cli(capsys, "report", doc, "--format", "csv") == 0
    assert tree.created(ignore_sidecars_of=doc) == set()

    # Failures create nothing, not even an empty or partial file.
    assert cli(capsys, "export", doc, root / "missing" / "map.png") == 1
    assert cli(capsys, "export", doc, root / "out" / "map.bmp") != 0
    assert cli(capsys, "new", root / "missing" / "x.jmap") == 1
    assert cli(capsys, "new", doc) == 1  # exists: refused, not overwritten
    assert tree.created(ignore_sidecars_of=doc) == set()
    assert not list((root / "work").iterdir()), "something was written in the working folder"


def test_save_as_writes_only_the_copy(tree) -> None:
    root = tree.root
    src = root / "docs" / "doc.jmap"
    with Document.create(src) as doc:
        from journeymap.services.templates import create_map_from_template

        create_map_from_template(doc, "hotel")
        tree.created(ignore_sidecars_of=src)
        doc.backup_to(root / "out" / "copy.jmap")
        assert tree.created(ignore_sidecars_of=src) == {"out/copy.jmap"}
        doc.backup_to(root / "out" / "copy.jmap")  # over an existing copy: replaced in place
        assert tree.created(ignore_sidecars_of=src) == set()
        with pytest.raises(Exception):  # noqa: B017 - DocumentError: no such folder
            doc.backup_to(root / "missing" / "copy.jmap")
        assert tree.created(ignore_sidecars_of=src) == set()
    # Closed: nothing beside either document.
    assert files(root) == {"docs/doc.jmap", "out/copy.jmap"}
    with Document.open(root / "out" / "copy.jmap") as copy:
        assert copy.integrity_check() == "ok"
    assert files(root) == {"docs/doc.jmap", "out/copy.jmap"}


def test_window_new_and_save_as_write_only_the_chosen_files(qtbot, tree, monkeypatch) -> None:
    from PySide6.QtCore import QSettings

    from journeymap import settings as app_settings
    from journeymap.ui import main_window as mw

    settings_file = tree.root.parent / f"{tree.root.name}-settings.ini"  # outside the tree
    monkeypatch.setattr(app_settings, "store", lambda: QSettings(str(settings_file), QSettings.Format.IniFormat))
    window = mw.MainWindow()
    qtbot.addWidget(window)
    new = tree.root / "docs" / "new.jmap"
    assert window.new_document(new, "insurance")
    assert window.save_as(tree.root / "out" / "saved.jmap")
    assert window.session.document.path == tree.root / "out" / "saved.jmap"
    window.close_document()
    assert tree.created() == {"docs/new.jmap", "out/saved.jmap"}


def test_read_only_commands_leave_nothing_beside_the_document(tree, capsys) -> None:
    doc = tree.root / "docs" / "doc.jmap"
    assert cli(capsys, "new", doc) == 0
    tree.created()
    assert cli(capsys, "export", doc, tree.root / "out" / "map.csv") == 0
    assert tree.created() == {"out/map.csv"}
