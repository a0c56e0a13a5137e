"""In the window, an edit that cannot be written never looks done; the .jmap file is always current."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
from journeymap.storage import Document
from journeymap.ui.commands.maps import AddMapCommand
from journeymap.ui.commands.touchpoints import UpdateTouchpointCommand
from journeymap.ui.docks.inspector import InspectorDock
from journeymap.ui.session import DocumentSession


def make_doc(path: Path, **manual) -> list[int]:
    with Document.create(path) as doc:
        m = doc.add_map(JourneyMap("Journey"))
        s, l = doc.add_stage(Stage(m, "Buy")), doc.add_lane(Lane(m, "Touchpoints"))
        ids = [doc.add_touchpoint(Touchpoint(m, s, l, t)) for t in ("Checkout", "Payment")]
        if manual:
            doc.update_touchpoint(ids[0], **manual)
    return ids


@pytest.fixture
def window(qtbot, tmp_path):
    from journeymap.ui.main_window import MainWindow

    path = tmp_path / "doc.jmap"
    ids = make_doc(path)
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_path(path)
    win.ensure_docks()
    yield win, path, ids
    win.close_document()


class Lock:
    """Another program (the sqlite3 shell, Datasette) holding the write lock."""

    def __init__(self, path: Path):
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self.conn.execute("ROLLBACK")
        self.conn.close()


def stored_title(path: Path, tid: int) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT title FROM touchpoints WHERE id = ?", [tid]).fetchone()[0]
    finally:
        conn.close()


def inspector(win) -> InspectorDock:
    return next(d for d in win.findChildren(InspectorDock))


def test_an_edit_refused_by_another_programs_lock_shows_once_and_is_not_kept(window, qtbot) -> None:
    win, path, ids = window
    session = win.session
    assert session.document.execute("PRAGMA busy_timeout").fetchone()[0] <= 500  # never a 5 s freeze
    session.set_selection([ids[0]])
    dock = inspector(win)
    assert dock.title_edit.text() == "Checkout"
    lock = Lock(path)
    try:
        dock.title_edit.setFocus()
        dock.title_edit.selectAll()
        qtbot.keyClicks(dock.title_edit, "Renamed")
        dock.title_edit.editingFinished.emit()
        # a second edit in the same burst: still one message box
        session.undo_stack.push(UpdateTouchpointCommand(session, ids[1], {"title": "Also"}))
    finally:
        lock.release()
    assert win.write_failures.shown == 1
    assert "another program is writing" in win.write_failures.box.text()
    assert session.undo_stack.count() == 0 and not session.undo_stack.canUndo()
    assert dock.title_edit.text() == "Checkout"  # the field shows what is stored
    assert win.scene.cards[ids[0]].touchpoint.title == "Checkout"
    assert stored_title(path, ids[0]) == "Checkout"
    # With the lock gone the same edit works and is undoable.
    session.undo_stack.push(UpdateTouchpointCommand(session, ids[0], {"title": "Renamed"}))
    assert stored_title(path, ids[0]) == "Renamed" and session.undo_stack.canUndo()


def test_a_failed_add_map_leaves_nothing_to_undo(window) -> None:
    win, path, _ids = window
    session = win.session
    maps_before = len(session.document.maps())
    lock = Lock(path)
    try:
        session.undo_stack.push(AddMapCommand(session, title="New map"))
    finally:
        lock.release()
    assert not session.undo_stack.canUndo()
    assert len(session.document.maps()) == maps_before
    assert win.write_failures.shown == 1


def test_a_full_disk_edit_is_not_kept(window) -> None:
    win, path, ids = window
    session = win.session
    doc = session.document
    pages = doc.execute("PRAGMA page_count").fetchone()[0]
    doc.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "database or disk is full"
    session.undo_stack.push(UpdateTouchpointCommand(session, ids[0], {"description": "x" * 20000}))
    assert win.write_failures.shown == 1 and "disk is full" in win.write_failures.box.text()
    assert not session.undo_stack.canUndo()
    assert doc.touchpoint(ids[0]).description == ""


def test_a_failed_undo_stays_undoable(window, qtbot) -> None:
    win, path, ids = window
    session = win.session
    stack = session.undo_stack
    stack.push(UpdateTouchpointCommand(session, ids[0], {"title": "Renamed"}))
    lock = Lock(path)
    try:
        stack.undo()
        qtbot.waitUntil(lambda: stack.index() == 1, timeout=2000)  # moved back: the undo did not happen
    finally:
        lock.release()
    assert stored_title(path, ids[0]) == "Renamed"
    assert win.scene.cards[ids[0]].touchpoint.title == "Renamed"
    assert win.write_failures.shown == 1
    stack.undo()
    assert stored_title(path, ids[0]) == "Checkout" and stack.index() == 0


def test_the_file_alone_catches_up_once_a_reader_lets_go(window, qtbot, tmp_path) -> None:
    win, path, ids = window
    session = win.session
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM touchpoints").fetchone()
    session.undo_stack.push(UpdateTouchpointCommand(session, ids[0], {"title": "Held back"}))
    assert session.document.checkpoint_pending
    reader.execute("COMMIT")
    reader.close()
    copy = tmp_path / "copy" / "doc.jmap"
    copy.parent.mkdir()

    def copied_title() -> str:
        shutil.copyfile(path, copy)
        return stored_title(copy, ids[0])

    qtbot.waitUntil(lambda: copied_title() == "Held back", timeout=3000)


def test_a_document_that_cannot_be_written_shows_why_it_is_read_only(qtbot, tmp_path, monkeypatch) -> None:
    from journeymap.storage import document
    from journeymap.ui.main_window import MainWindow

    path = tmp_path / "doc.jmap"
    make_doc(path)
    real_access = os.access
    monkeypatch.setattr(document.os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_path(path)
    assert win.session.read_only
    assert win.read_only_banner.isVisible()
    assert "cannot be written to" in win.read_only_banner.text()
    assert "[read-only]" in win.windowTitle()
    win.close_document()
    assert not win.read_only_banner.isVisible()


def test_a_document_that_fails_to_show_keeps_the_previous_one(window, tmp_path, monkeypatch) -> None:
    from journeymap.ui import document_files

    win, path, ids = window
    other = tmp_path / "other.jmap"
    make_doc(other)
    real = document_files.MapScene

    def failing(session, parent=None):  # noqa: ANN001, ANN202
        if session.document.path.name == "other.jmap":
            raise RuntimeError("the scene cannot be built")
        return real(session, parent)

    monkeypatch.setattr(document_files, "MapScene", failing)
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.critical", lambda *a, **k: None)
    assert not win.open_path(other)
    assert win.session.document.path == path
    assert "doc.jmap" in win.windowTitle()
    win.session.undo_stack.push(UpdateTouchpointCommand(win.session, ids[0], {"title": "Still here"}))
    assert stored_title(path, ids[0]) == "Still here"
    with Document.open(other) as doc:  # the failed one was let go
        assert doc.touchpoints(doc.maps()[0].id)[0].title == "Checkout"


@pytest.mark.parametrize("promoters", [20_000_000, 3_000_000_000, 2**53])
def test_large_answer_counts_are_kept_exactly(qtbot, tmp_path, promoters) -> None:
    path = tmp_path / "doc.jmap"
    ids = make_doc(path, manual_promoters=promoters, manual_passives=5, manual_detractors=7)
    doc = Document.open(path)
    session = DocumentSession(doc)
    dock = InspectorDock()
    qtbot.addWidget(dock)
    dock.set_session(session)
    dock.show()
    try:
        session.set_selection([ids[0]])
        assert dock.promoters_spin.value() == promoters
        dock.detractors_spin.setValue(8)  # another count changes
        tp = doc.touchpoint(ids[0])
        assert (tp.manual_promoters, tp.manual_passives, tp.manual_detractors) == (promoters, 5, 8)
    finally:
        dock.set_session(None)
        session.undo_stack.clear()
        doc.close()


def test_a_count_too_large_to_show_is_never_rewritten(qtbot, tmp_path) -> None:
    path = tmp_path / "doc.jmap"
    ids = make_doc(path, manual_promoters=2**60, manual_passives=5, manual_detractors=7)
    doc = Document.open(path)
    session = DocumentSession(doc)
    dock = InspectorDock()
    qtbot.addWidget(dock)
    dock.set_session(session)
    dock.show()
    try:
        session.set_selection([ids[0]])
        assert not dock.promoters_spin.exact
        dock.detractors_spin.setValue(8)
        assert doc.touchpoint(ids[0]).manual_promoters == 2**60
        dock.promoters_spin.lineEdit().setText("42")
        dock.promoters_spin.interpretText()  # the user typed a new count: now it is written
        assert doc.touchpoint(ids[0]).manual_promoters == 42
    finally:
        dock.set_session(None)
        session.undo_stack.clear()
        doc.close()


def test_a_real_full_disk_edit_is_not_kept(qtbot, tmp_path) -> None:
    from fs_helpers import fill_up, small_tmpfs

    from journeymap.ui.main_window import MainWindow

    with small_tmpfs(tmp_path / "disk", size_kb=2048) as disk:
        path = disk / "doc.jmap"
        ids = make_doc(path)
        win = MainWindow()
        qtbot.addWidget(win)
        assert win.open_path(path) and not win.session.read_only
        try:
            fill_up(disk)
            session = win.session
            session.undo_stack.push(UpdateTouchpointCommand(session, ids[0], {"description": "x" * 60000}))
            assert win.write_failures.shown == 1
            assert not session.undo_stack.canUndo()
            assert session.document.touchpoint(ids[0]).description == ""
        finally:
            win.close_document()
