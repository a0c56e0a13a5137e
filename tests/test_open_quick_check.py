"""How much of a document ``Document.open`` runs ``PRAGMA quick_check`` over.

Small documents, and any document not closed cleanly, are checked whole. A
large, cleanly closed one (a million survey responses) is checked except for
the ``responses`` table, which is most of the file: opening it stays fast.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from journeymap.domain.model import JourneyMap, Lane, Response, Stage, Touchpoint
from journeymap.storage import Document, DocumentError
from journeymap.storage import document as document_module

# The tables open() leaves to the later check on a big, cleanly closed file.
SKIPPED = ("comments_fts_data", "comments_fts_docsize", "response_counts", "response_months", "responses")


def surveyed_document(path: Path) -> Path:
    with Document.create(path) as doc:
        m = doc.add_map(JourneyMap("M"))
        s, l = doc.add_stage(Stage(m, "S")), doc.add_lane(Lane(m, "L"))
        tps = [doc.add_touchpoint(Touchpoint(m, s, l, f"card {k} " + "x" * 200)) for k in range(40)]
        with doc.transaction():
            for i in range(3000):
                doc.add_response(Response(tps[i % len(tps)], i % 11, comment="c" * 40))
    return path


def damage_table(path: Path, table: str) -> None:
    """Overwrite the b-tree page header of *table*'s root page with random bytes."""
    conn = sqlite3.connect(path)
    try:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    assert root > 1
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + 64] = random.Random(root).randbytes(64)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("table", ["touchpoints", "responses"])
def test_small_documents_are_checked_whole(tmp_path: Path, table: str) -> None:
    path = surveyed_document(tmp_path / "doc.jmap")
    assert path.stat().st_size <= document_module.QUICK_CHECK_WHOLE_BYTES
    damage_table(path, table)
    with pytest.raises(DocumentError, match="damaged"):
        Document.open(path, read_only=True)


def test_large_documents_skip_only_the_responses(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(document_module, "QUICK_CHECK_WHOLE_BYTES", 0)  # every file counts as large
    structure = surveyed_document(tmp_path / "structure.jmap")
    damage_table(structure, "touchpoints")
    for read_only in (False, True):
        with pytest.raises(DocumentError, match="damaged"):
            Document.open(structure, read_only=read_only)

    survey = surveyed_document(tmp_path / "survey.jmap")
    damage_table(survey, "responses")
    with Document.open(survey, read_only=True) as doc:  # not checked at open...
        assert [m.title for m in doc.maps()] == ["M"]
        with pytest.raises(sqlite3.DatabaseError):  # ...but SQLite reports it when read
            doc._conn.execute("SELECT sum(length(comment)) FROM responses").fetchone()


def test_large_documents_not_closed_cleanly_are_checked_whole(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(document_module, "QUICK_CHECK_WHOLE_BYTES", 0)
    path = surveyed_document(tmp_path / "doc.jmap")
    damage_table(path, "responses")
    checked = []
    real = document_module._quick_check

    def spy(conn, whole):
        checked.append(whole)
        return real(conn, whole)

    monkeypatch.setattr(document_module, "_quick_check", spy)
    with Document.open(path, read_only=True):
        pass
    Path(f"{path}-journal").write_bytes(b"")  # an empty hot journal: SQLite ignores it, we check whole
    with pytest.raises(DocumentError, match="damaged"):
        Document.open(path, read_only=True)
    assert checked == [False, True]


def test_what_open_skipped_is_checked_later_on_a_connection_of_its_own(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(document_module, "QUICK_CHECK_WHOLE_BYTES", 0)
    sound = surveyed_document(tmp_path / "sound.jmap")
    with Document.open(sound) as doc:
        assert doc.unchecked_tables == SKIPPED
        assert doc.check_unchecked_tables() == "ok"

    survey = surveyed_document(tmp_path / "survey.jmap")
    damage_table(survey, "responses")
    with Document.open(survey, read_only=True) as doc:
        problem = doc.check_unchecked_tables()
        assert problem is not None and problem != "ok"

    monkeypatch.setattr(document_module, "QUICK_CHECK_WHOLE_BYTES", 1 << 40)  # small: checked whole
    with Document.open(sound) as doc:
        assert doc.unchecked_tables == () and doc.check_unchecked_tables() == "ok"


def test_the_editor_warns_when_the_late_check_finds_damage(qtbot, tmp_path: Path, monkeypatch) -> None:
    from journeymap.ui.main_window import MainWindow

    monkeypatch.setattr(document_module, "QUICK_CHECK_WHOLE_BYTES", 0)  # every file counts as large
    sound = surveyed_document(tmp_path / "sound.jmap")
    survey = surveyed_document(tmp_path / "survey.jmap")
    damage_table(survey, "responses")
    window = MainWindow()
    qtbot.addWidget(window)

    assert window.open_path(sound)
    qtbot.waitUntil(lambda: window.integrity_result is not None, timeout=5000)
    assert window.integrity_result == "ok" and not hasattr(window, "integrity_warning")

    window.integrity_result = None
    assert window.open_path(survey, read_only=True)  # opens: the damage is in the pages it skipped
    qtbot.waitUntil(lambda: window.integrity_result is not None, timeout=5000)
    assert window.integrity_result != "ok"
    assert window.integrity_warning.isVisible()
    assert "survey.jmap" in window.integrity_warning.text() and "damaged" in window.integrity_warning.text()
    assert "damaged" in window.statusBar().currentMessage()
    window.integrity_warning.close()
    window.close()


def _read_like_datasette(path: Path) -> None:
    """A read-only SQLite connection (Datasette, ``sqlite3 -readonly``): it leaves an empty -wal and a -shm."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.execute("SELECT count(*) FROM maps").fetchone()
    conn.close()


def test_an_empty_wal_left_by_a_reader_does_not_make_open_check_every_page(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(document_module, "QUICK_CHECK_WHOLE_BYTES", 0)  # every file counts as large
    path = surveyed_document(tmp_path / "doc.jmap")
    with Document.open(path):  # our own open leaves the file in WAL mode, closed cleanly
        pass
    _read_like_datasette(path)
    wal = Path(f"{path}-wal")
    assert wal.exists() and wal.stat().st_size == 0 and Path(f"{path}-shm").exists()
    checked = []
    real = document_module._quick_check
    monkeypatch.setattr(document_module, "_quick_check", lambda conn, whole: (checked.append(whole),
                                                                             real(conn, whole))[1])
    for read_only in (True, False):
        with Document.open(path, read_only=read_only) as doc:
            assert doc.unchecked_tables == SKIPPED
            assert [m.title for m in doc.maps()] == ["M"]
        _read_like_datasette(path)
    assert checked == [False, False]  # the survey's pages are left to the check after opening

    writer = sqlite3.connect(path)  # another program writing: its log holds pages the file does not
    try:
        writer.execute("UPDATE maps SET title = ?", ["M, as another program left it"])
        writer.commit()
        assert wal.stat().st_size > 0
        with Document.open(path, read_only=True):
            pass
    finally:
        writer.close()
    # The log is replayed on a copy first (a clean file then, checked as one), then the file is checked whole.
    assert checked == [False, False, False, True], checked


def test_damage_is_still_found_beside_an_empty_wal(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(document_module, "QUICK_CHECK_WHOLE_BYTES", 0)
    path = surveyed_document(tmp_path / "doc.jmap")
    damage_table(path, "touchpoints")
    Path(f"{path}-wal").write_bytes(b"")
    with pytest.raises(DocumentError, match="damaged"):
        Document.open(path, read_only=True)
