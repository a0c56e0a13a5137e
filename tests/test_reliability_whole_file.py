"""The .jmap alone is always whole: copies taken while open, sidecars that are not its own, symlinks,
read-only media and full disks."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from fs_helpers import fill_up, remount_read_only, small_tmpfs
from helpers_process import held

from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
from journeymap.storage import Document, DocumentError

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_doc(path: Path, cards: int = 30, title: str = "M") -> int:
    with Document.create(path) as doc:
        m = doc.add_map(JourneyMap(title))
        s, l = doc.add_stage(Stage(m, "S")), doc.add_lane(Lane(m, "L"))
        for k in range(cards):
            doc.add_touchpoint(Touchpoint(m, s, l, f"card {k}"))
    return m


def copy_alone(path: Path, folder: Path) -> Path:
    """What a file manager, sync tool or mail client takes: the .jmap file, nothing beside it."""
    folder.mkdir(exist_ok=True)
    target = folder / path.name
    for p in folder.iterdir():
        p.unlink()
    shutil.copyfile(path, target)
    return target


def titles(path: Path) -> list[str]:
    with Document.open(path, read_only=True) as doc:
        return [t.title for t in doc.touchpoints(doc.maps()[0].id)]


# ----------------------------------------------------------- copy while open
def copied(path: Path, folder: Path, landed) -> bool:  # noqa: ANN001
    with Document.open(copy_alone(path, folder), read_only=True) as copied_doc:
        return bool(landed(copied_doc))


def test_a_copy_taken_while_a_session_is_open_has_every_edit(qtbot, tmp_path: Path) -> None:
    from journeymap.ui.commands.structure import AddStageCommand
    from journeymap.ui.commands.touchpoints import AddTouchpointCommand, UpdateTouchpointCommand
    from journeymap.ui.session import DocumentSession

    path = tmp_path / "doc.jmap"
    m = make_doc(path)
    doc = Document.open(path)
    try:
        session = DocumentSession(doc, m)
        first = doc.touchpoints(m)[0]
        edits = [
            (UpdateTouchpointCommand(session, first.id, {"title": "renamed"}),
             lambda d: d.touchpoint(first.id).title == "renamed"),
            (AddTouchpointCommand(session, Touchpoint(m, first.stage_id, first.lane_id, "added")),
             lambda d: "added" in [t.title for t in d.touchpoints(m)]),
            (AddStageCommand(session, Stage(m, "New stage")), lambda d: "New stage" in [s.name for s in d.stages(m)]),
            (UpdateTouchpointCommand(session, first.id, {"manual_nps": 37.0}),
             lambda d: d.touchpoint(first.id).manual_nps == 37.0),
        ]
        # The first edit is in the file at once; edits in quick succession within a second.
        session.undo_stack.push(edits[0][0])
        assert copied(path, tmp_path / "first", edits[0][1])
        for n, (command, landed) in enumerate(edits[1:], start=1):
            session.undo_stack.push(command)
            qtbot.waitUntil(lambda landed=landed, n=n: copied(path, tmp_path / f"copy{n}", landed), timeout=1500)
        session.undo_stack.undo()
        qtbot.waitUntil(lambda: copied(path, tmp_path / "undone", lambda d: d.touchpoint(first.id).manual_nps is None),
                        timeout=1500)
        session.undo_stack.clear()
    finally:
        doc.close()


def test_a_reader_that_holds_the_checkpoint_back_only_delays_it(tmp_path: Path) -> None:
    path = tmp_path / "doc.jmap"
    m = make_doc(path)
    with Document.open(path) as doc:
        tp = doc.touchpoints(m)[0]
        reader = sqlite3.connect(path, isolation_level=None)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM touchpoints").fetchone()  # a snapshot before the edit
        doc.update_touchpoint(tp.id, title="while read")
        assert doc.checkpoint_pending
        reader.execute("COMMIT")
        reader.close()
        assert doc.checkpoint()
        assert not doc.checkpoint_pending
        assert "while read" in titles(copy_alone(path, tmp_path / "copy"))


# ---------------------------------------------------- sidecars not its own
def crash_state(path: Path, *statements: str, checkpointed: bool = False) -> tuple[bytes, dict[str, bytes]]:
    """Run *statements* through another writer and capture the files a kill would leave.

    Returns (the document's bytes, {suffix: bytes} of its -wal and -shm); the
    document is left as it was before (the statements are only in the sidecars).
    """
    before = path.read_bytes()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    for sql in statements:
        conn.execute(sql)
    if checkpointed:
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    after = path.read_bytes()
    sidecars = {s: Path(f"{path}{s}").read_bytes() for s in ("-wal", "-shm")}
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(before)
    return after, sidecars


def place(path: Path, sidecars: dict[str, bytes]) -> None:
    for suffix, data in sidecars.items():
        Path(f"{path}{suffix}").write_bytes(data)


def assert_refused_untouched(path: Path, sidecar: str) -> None:
    state = {p.name: sha(p) for p in path.parent.iterdir() if p.is_file()}
    for read_only in (False, True):
        with pytest.raises(DocumentError) as info:
            Document.open(path, read_only=read_only)
        message = str(info.value)
        assert f"{path.name}{sidecar}" in message and "does not belong" in message, message
        assert {p.name: sha(p) for p in path.parent.iterdir() if p.is_file()} == state
    assert not held(path)


def test_a_crashed_editors_own_wal_is_replayed(tmp_path: Path) -> None:
    path = tmp_path / "doc.jmap"
    make_doc(path)
    _, sidecars = crash_state(path, "UPDATE touchpoints SET title = 'from the log' WHERE id = 1")
    place(path, sidecars)
    assert titles(path)[0] == "from the log"
    with Document.open(path) as doc:
        assert doc.touchpoint(1).title == "from the log"


def test_a_wal_of_another_document_is_refused(tmp_path: Path) -> None:
    path, other = tmp_path / "doc.jmap", tmp_path / "other" / "doc.jmap"
    other.parent.mkdir()
    make_doc(path, cards=30)
    make_doc(other, cards=400, title="Other")
    _, sidecars = crash_state(other, "UPDATE maps SET title = 'theirs'",
                              "INSERT INTO stages (map_id, name) SELECT map_id, name || ' 2' FROM stages")
    place(path, {"-wal": sidecars["-wal"]})  # a sync tool brought the -wal, not the -shm
    assert_refused_untouched(path, "-wal")


def test_a_stale_wal_left_when_the_file_was_restored_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "doc.jmap"
    make_doc(path)
    older = path.read_bytes()
    _, sidecars = crash_state(path, "UPDATE touchpoints SET title = 'newer' WHERE id < 5", checkpointed=True)
    # The editor checkpointed, then died; the user then restored last week's copy over the file.
    with Document.open(path) as doc:
        doc.update_touchpoint(7, title="last week")
    assert not Path(f"{path}-wal").exists()
    place(path, sidecars)
    assert path.read_bytes() != older
    assert_refused_untouched(path, "-wal")


def test_a_wal_with_another_page_size_is_refused(tmp_path: Path) -> None:
    path, other = tmp_path / "doc.jmap", tmp_path / "other.db"
    make_doc(path)
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute("PRAGMA page_size = 1024")
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    _, sidecars = crash_state(other, "INSERT INTO t VALUES (1)")
    place(path, {"-wal": sidecars["-wal"]})
    assert_refused_untouched(path, "-wal")


def hot_journal(path: Path, statements: list[str]) -> bytes:
    """Leave a hot rollback journal as a writer killed mid-transaction would (a forked child).

    Returns the document's bytes from before the transaction.
    """
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = path.read_bytes()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            child = sqlite3.connect(path, isolation_level=None)
            child.execute("PRAGMA cache_size = 1")  # spill changed pages into the file
            child.execute("BEGIN")
            for sql in statements:
                child.execute(sql)
        finally:
            os._exit(0)  # no rollback, no cleanup: like a kill
    os.waitpid(pid, 0)
    assert Path(f"{path}-journal").stat().st_size > 0
    return before


BIG_UPDATE = ["UPDATE touchpoints SET description = hex(randomblob(400))"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork")
def test_a_hot_journal_that_belongs_is_rolled_back_not_called_damage(tmp_path: Path) -> None:
    path = tmp_path / "doc.jmap"
    make_doc(path, cards=200)
    for read_only in (True, False):  # a report after the crash works as well as the editor
        hot_journal(path, BIG_UPDATE)
        with Document.open(path, read_only=read_only) as doc:
            assert doc.integrity_check() == "ok"
            assert all(t.description == "" for t in doc.touchpoints(doc.maps()[0].id))
        assert not Path(f"{path}-journal").exists()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork")
def test_a_hot_journal_of_another_file_or_an_older_transaction_is_refused(tmp_path: Path) -> None:
    path, other = tmp_path / "doc.jmap", tmp_path / "other" / "doc.jmap"
    other.parent.mkdir()
    make_doc(path, cards=200)
    make_doc(other, cards=200, title="Other")
    hot_journal(other, BIG_UPDATE)
    foreign = Path(f"{other}-journal").read_bytes()
    Path(f"{path}-journal").write_bytes(foreign)
    assert_refused_untouched(path, "-journal")

    # A journal of this very file, from a transaction before later commits (a stale leftover).
    Path(f"{path}-journal").unlink()
    stale_source = tmp_path / "stale" / "doc.jmap"
    stale_source.parent.mkdir()
    shutil.copyfile(path, stale_source)
    hot_journal(stale_source, BIG_UPDATE)
    with Document.open(path) as doc:
        for k in range(3):
            doc.update_touchpoint(1, title=f"later {k}")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    for k in range(3):
        conn.execute(f"UPDATE maps SET title = 'later still {k}'")
    conn.close()
    Path(f"{path}-journal").write_bytes(Path(f"{stale_source}-journal").read_bytes())
    assert_refused_untouched(path, "-journal")


# ------------------------------------------------------------------ symlinks
def test_a_symlinked_document_is_validated_and_written_where_it_really_is(tmp_path: Path) -> None:
    real = tmp_path / "real" / "doc.jmap"
    real.parent.mkdir()
    other = tmp_path / "other" / "doc.jmap"
    other.parent.mkdir()
    make_doc(real)
    make_doc(other, cards=400, title="Other")
    link = tmp_path / "link.jmap"
    link.symlink_to(real)
    with Document.open(link) as doc:
        doc.update_map(doc.maps()[0].id, title="through the link")
        assert not any(Path(f"{link}{s}").exists() for s in ("-wal", "-shm", "-journal"))
    assert titles(real) == titles(link)
    with Document.open(real, read_only=True) as doc:
        assert doc.maps()[0].title == "through the link"
    # A foreign WAL beside the real file is seen through the link too.
    _, sidecars = crash_state(other, "UPDATE maps SET title = 'theirs'",
                              "INSERT INTO stages (map_id, name) SELECT map_id, name || ' 2' FROM stages")
    place(real, {"-wal": sidecars["-wal"]})
    with pytest.raises(DocumentError, match="does not belong"):
        Document.open(link)


# ------------------------------------------------- read-only media, full disk
def test_a_document_on_read_only_media_opens_read_only(tmp_path: Path) -> None:
    with small_tmpfs(tmp_path / "media", size_kb=2048) as media:
        path = media / "doc.jmap"
        make_doc(path)
        before = sha(path)
        remount_read_only(media)
        with Document.open(path) as doc:
            assert doc.read_only and doc.read_only_reason == "media"
            assert len(doc.touchpoints(doc.maps()[0].id)) == 30
            with pytest.raises(DocumentError, match="read-only"):
                doc.update_map(doc.maps()[0].id, title="x")
        assert sha(path) == before


def test_a_document_on_a_full_disk_opens_read_only(tmp_path: Path) -> None:
    with small_tmpfs(tmp_path / "disk", size_kb=2048) as disk:
        path = disk / "doc.jmap"
        make_doc(path)
        fill_up(disk)
        with Document.open(path) as doc:
            assert doc.read_only and doc.read_only_reason == "full"
            assert len(doc.touchpoints(doc.maps()[0].id)) == 30


def test_read_only_folder_or_full_disk_simulated(tmp_path: Path, monkeypatch) -> None:
    """The same two cases where no tmpfs can be mounted: the checks they rely on, patched."""
    from journeymap.storage import document

    path = tmp_path / "doc.jmap"
    make_doc(path)
    real_access = os.access
    monkeypatch.setattr(document.os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    with Document.open(path) as doc:
        assert doc.read_only and doc.read_only_reason == "media"
    monkeypatch.setattr(document.os, "access", real_access)
    monkeypatch.setattr(document, "MIN_FREE_BYTES", 1 << 62)
    with Document.open(path) as doc:
        assert doc.read_only and doc.read_only_reason == "full"
    monkeypatch.setattr(document, "MIN_FREE_BYTES", 0)
    with Document.open(path) as doc:
        assert not doc.read_only and doc.read_only_reason is None
