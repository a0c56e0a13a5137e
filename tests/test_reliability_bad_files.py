"""Bad documents are refused with a clear DocumentError and left byte-for-byte untouched."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers_process import held

from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
from journeymap.storage import Document, DocumentError, schema

try:
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def good_document(path: Path, maps: int = 1) -> Path:
    with Document.create(path) as doc:
        for i in range(maps):
            m = doc.add_map(JourneyMap(f"M{i}"))
            s, l = doc.add_stage(Stage(m, "S")), doc.add_lane(Lane(m, "L"))
            for k in range(40):
                doc.add_touchpoint(Touchpoint(m, s, l, f"card {k} " + "x" * 200))
    return path


def tamper(path: Path, *statements: str) -> Path:
    """Change a closed document behind JourneyMap's back (as another tool would)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for sql in statements:
            conn.execute(sql)
    finally:
        conn.close()
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    return path


def assert_refused(path: Path, *fragments: str) -> DocumentError:
    """Both modes refuse; the file and its folder are unchanged; no lock is leaked."""
    before = sha(path)
    siblings = sorted(p.name for p in path.parent.iterdir())
    error = None
    for read_only in (False, True):
        with pytest.raises(DocumentError) as info:
            Document.open(path, read_only=read_only)
        error = info.value
        message = str(error)
        assert str(path) in message, message
        for fragment in fragments:
            assert fragment in message, message
        assert sha(path) == before
        assert sorted(p.name for p in path.parent.iterdir()) == siblings
    assert not held(path)
    if fcntl is not None:  # the advisory lock is free again
        fd = os.open(path, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(fd)
    assert error is not None
    return error


# --------------------------------------------------------------- not ours at all
def test_random_bytes(tmp_path: Path) -> None:
    for seed in range(3):
        path = tmp_path / f"random{seed}.jmap"
        path.write_bytes(random.Random(seed).randbytes(8192))
        assert_refused(path, "not a JourneyMap document")


def test_random_bytes_behind_an_sqlite_header(tmp_path: Path) -> None:
    path = tmp_path / "fake.jmap"
    header = bytearray(random.Random(7).randbytes(4096))
    header[:16] = b"SQLite format 3\x00"
    header[16:18] = (4096).to_bytes(2, "big")
    path.write_bytes(bytes(header))
    assert_refused(path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.jmap"
    path.touch()
    assert_refused(path, "empty")


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.jmap"
    path.write_text("just some notes\n" * 100)
    assert_refused(path, "not a JourneyMap document")


def test_sqlite_database_of_another_application(tmp_path: Path) -> None:
    path = tmp_path / "other.jmap"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE foo (x)")
    conn.execute("INSERT INTO foo VALUES (1)")
    conn.commit()
    conn.close()
    assert_refused(path, "another application")


def test_wal_mode_database_of_another_application(tmp_path: Path) -> None:
    path = tmp_path / "other.jmap"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA application_id = 42")
    conn.execute("CREATE TABLE foo (x)")
    conn.commit()
    conn.close()
    assert_refused(path, "another application")


# ------------------------------------------------------------------ truncated
def test_truncated_document(tmp_path: Path) -> None:
    original = good_document(tmp_path / "good.jmap", maps=3)
    data = original.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    assert len(data) >= 6 * page
    cuts = {1, 15, 16, 50, 99, 100, 101, 1000, page - 1, page, page + 1, 2 * page, len(data) // 2,
            len(data) - page, len(data) - 1}
    rng = random.Random(3)
    cuts |= {rng.randrange(1, len(data)) for _ in range(5)}
    for cut in sorted(cuts):
        path = tmp_path / f"cut{cut}.jmap"
        path.write_bytes(data[:cut])
        error = assert_refused(path)
        assert any(w in str(error) for w in ("truncated", "damaged", "not a JourneyMap")), str(error)
        path.unlink()


def test_corrupted_page(tmp_path: Path) -> None:
    path = good_document(tmp_path / "bad.jmap", maps=2)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[3 * page : 3 * page + 200] = random.Random(1).randbytes(200)
    path.write_bytes(bytes(data))
    assert_refused(path)


# --------------------------------------------------------------------- ours, but
def test_newer_format(tmp_path: Path) -> None:
    path = tamper(good_document(tmp_path / "new.jmap"), f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    assert_refused(path, "newer JourneyMap", f"format {schema.SCHEMA_VERSION + 1}")


def test_wrong_application_id(tmp_path: Path) -> None:
    path = tamper(good_document(tmp_path / "id.jmap"), "PRAGMA application_id = 1234")
    assert_refused(path, "another application")


PLANTS: dict[str, tuple[str, ...]] = {
    "trigger": (
        "CREATE TRIGGER evil AFTER UPDATE ON touchpoints BEGIN DELETE FROM maps; END",
        "trigger evil",
    ),
    # A LIKE 'sqlite_%' filter would hide this one ('_' matches any character).
    "sneaky_trigger_name": (
        "CREATE TRIGGER sqlite1 AFTER INSERT ON notes BEGIN DELETE FROM maps; END",
        "trigger sqlite1",
    ),
    "view": ("CREATE VIEW v AS SELECT * FROM maps", "view v"),
    "extra_table": ("CREATE TABLE extra (x)", "table extra"),
    "extra_index": ("CREATE INDEX idx_extra ON maps(title)", "index idx_extra"),
    "missing_table": ("DROP TABLE notes", "missing table notes"),
    "missing_index": ("DROP INDEX idx_responses_touchpoint", "missing index idx_responses_touchpoint"),
    "added_column": ("ALTER TABLE maps ADD COLUMN evil TEXT", "altered", "maps"),
    "dropped_column": ("ALTER TABLE notes DROP COLUMN author", "altered", "notes"),
}


@pytest.mark.parametrize("kind", sorted(PLANTS))
def test_tampered_schema(tmp_path: Path, kind: str) -> None:
    statement, *fragments = PLANTS[kind]
    path = tamper(good_document(tmp_path / f"{kind}.jmap"), statement)
    assert_refused(path, *fragments)


def rewrite_schema_sql(path: Path, name: str, edit: Callable[[str], str]) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [name]).fetchone()[0]
        new = edit(sql)
        assert new != sql
        version = conn.execute("PRAGMA schema_version").fetchone()[0]
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", [new, name])
        conn.execute(f"PRAGMA schema_version = {version + 1}")
        conn.execute("PRAGMA writable_schema = OFF")
    finally:
        conn.close()
    return path


def test_check_constraint_removed(tmp_path: Path) -> None:
    path = rewrite_schema_sql(
        good_document(tmp_path / "nocheck.jmap"), "responses",
        lambda sql: sql.replace("CHECK (score IS NULL OR score BETWEEN 0 AND 10)", ""),
    )
    assert_refused(path, "altered", "responses")


def test_check_constraint_loosened(tmp_path: Path) -> None:
    path = rewrite_schema_sql(
        good_document(tmp_path / "loose.jmap"), "touchpoints",
        lambda sql: sql.replace("impact BETWEEN 1 AND 5", "impact BETWEEN 0 AND 99"),
    )
    assert_refused(path, "altered", "touchpoints")


def test_index_redefined(tmp_path: Path) -> None:
    path = rewrite_schema_sql(
        good_document(tmp_path / "idx.jmap"), "idx_stages_map",
        lambda sql: sql + " WHERE position > 0",
    )
    assert_refused(path, "altered", "stages")


def test_trigger_hidden_in_a_wal(tmp_path: Path) -> None:
    """A trigger that only exists in the WAL beside the file is seen and refused."""
    (tmp_path / "src").mkdir()
    path = good_document(tmp_path / "src" / "doc.jmap")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TRIGGER evil AFTER INSERT ON maps BEGIN DELETE FROM stages; END")
    # "Crash": copy the file and its WAL while the connection is still open.
    target = tmp_path / "doc.jmap"
    shutil.copy(path, target)
    shutil.copy(tmp_path / "src" / "doc.jmap-wal", tmp_path / "doc.jmap-wal")
    conn.close()
    before = sha(target), sha(tmp_path / "doc.jmap-wal")
    for read_only in (False, True):
        with pytest.raises(DocumentError, match="trigger evil"):
            Document.open(target, read_only=read_only)
    assert (sha(target), sha(tmp_path / "doc.jmap-wal")) == before
    assert not held(target)


def test_good_document_still_opens_after_all_that(tmp_path: Path) -> None:
    path = good_document(tmp_path / "good.jmap")
    before = sha(path)
    with Document.open(path, read_only=True) as doc:
        assert len(doc.maps()) == 1
    assert sha(path) == before
    with Document.open(path) as doc:
        assert doc.integrity_check() == "ok"


def test_validation_of_a_good_closed_document_creates_nothing(tmp_path: Path) -> None:
    path = good_document(tmp_path / "good.jmap")
    before = sha(path)
    Document._validate(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.jmap"]
    assert sha(path) == before
