"""The migration path: an older document is upgraded in one transaction, after a rehearsal.

There is only format 1 so far, so the tests pretend the current format is 2:
format 2 adds ``maps.colour`` (TABLES updated, one ALTER TABLE in MIGRATIONS),
and a real format-1 file is opened with that code.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from helpers_process import held

from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
from journeymap.storage import Document, DocumentError, schema


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def version_1_document(path: Path) -> Path:
    with Document.create(path) as doc:
        m = doc.add_map(JourneyMap("Old map"))
        s, l = doc.add_stage(Stage(m, "S")), doc.add_lane(Lane(m, "L"))
        doc.add_touchpoint(Touchpoint(m, s, l, "card"))
    return path


def pretend_version_2(monkeypatch: pytest.MonkeyPatch, migration: tuple[str, ...]) -> None:
    maps = schema.TABLES["maps"].rstrip()
    assert maps.endswith(")")
    monkeypatch.setitem(
        schema.TABLES, "maps", maps[:-1].rstrip() + ",\n            colour TEXT NOT NULL DEFAULT ''\n        )"
    )
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(schema, "MIGRATIONS", {2: migration})


GOOD = ("ALTER TABLE maps ADD COLUMN colour TEXT NOT NULL DEFAULT ''",)


def user_version(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_migrate_runs_and_bumps_user_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = version_1_document(tmp_path / "old.jmap")
    pretend_version_2(monkeypatch, GOOD)
    with Document.open(path) as doc:
        assert doc.execute("PRAGMA user_version").fetchone()[0] == 2
        assert doc.execute("SELECT title, colour FROM maps").fetchall() == [("Old map", "")]
        assert doc.counts(1) == (1, 1, 1)
        assert doc.integrity_check() == "ok"
    assert user_version(path) == 2
    # The upgraded file has exactly the shape of a fresh format-2 document and reopens as such.
    with Document.open(path) as doc:
        assert doc.execute("PRAGMA user_version").fetchone()[0] == 2
    fresh = tmp_path / "fresh.jmap"
    Document.create(fresh).close()
    conn_a, conn_b = sqlite3.connect(path), sqlite3.connect(fresh)
    try:
        assert schema.shape(conn_a) == schema.shape(conn_b)
    finally:
        conn_a.close()
        conn_b.close()


def test_migrate_function_steps_through_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    schema.create(conn)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(
        schema, "MIGRATIONS",
        {2: ("CREATE TABLE t2 (x)",), 3: ("INSERT INTO t2 VALUES ((SELECT MAX(rowid) FROM maps))",)},
    )
    schema.migrate(conn, 1)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    assert conn.execute("SELECT COUNT(*) FROM t2").fetchone()[0] == 1


def test_read_only_open_does_not_migrate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = version_1_document(tmp_path / "old.jmap")
    before = sha(path)
    pretend_version_2(monkeypatch, GOOD)
    with Document.open(path, read_only=True) as doc:
        assert doc.execute("PRAGMA user_version").fetchone()[0] == 1
    assert sha(path) == before


@pytest.mark.parametrize(
    "migration, fragment",
    [
        # Wrong result: a different default than a fresh format-2 file has.
        (("ALTER TABLE maps ADD COLUMN colour TEXT NOT NULL DEFAULT 'red'",), "altered"),
        # Leaves something behind that a fresh file does not have.
        (GOOD + ("CREATE TABLE scratch (x)",), "did not create"),
        # Fails halfway.
        (GOOD + ("UPDATE no_such_table SET x = 1",), "cannot be upgraded"),
    ],
)
def test_bad_migration_is_refused_before_touching_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, migration: tuple[str, ...], fragment: str
) -> None:
    path = version_1_document(tmp_path / "old.jmap")
    before = sha(path)
    pretend_version_2(monkeypatch, migration)
    with pytest.raises(DocumentError, match=fragment) as info:
        Document.open(path)
    assert str(path) in str(info.value)
    assert sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.jmap"]
    assert user_version(path) == 1
    assert not held(path)


def test_old_document_with_a_planted_trigger_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = version_1_document(tmp_path / "old.jmap")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TRIGGER evil AFTER UPDATE ON maps BEGIN DELETE FROM stages; END")
    conn.close()
    before = sha(path)
    pretend_version_2(monkeypatch, GOOD)
    with pytest.raises(DocumentError, match="trigger evil"):
        Document.open(path)
    assert sha(path) == before
