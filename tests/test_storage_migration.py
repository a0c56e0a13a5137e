"""The migration path: an older document is upgraded in one transaction, after a rehearsal.

The tests pretend there is a format after the current one (OLD + 1 = NEW) that
adds ``maps.colour`` (TABLES updated, one ALTER TABLE in MIGRATIONS), and a real
file of the current format is opened with that code.
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


OLD = schema.SCHEMA_VERSION
NEW = OLD + 1


def current_document(path: Path) -> Path:
    """A document of the current format OLD (which the tests then pretend is old)."""
    with Document.create(path) as doc:
        m = doc.add_map(JourneyMap("Old map"))
        s, l = doc.add_stage(Stage(m, "S")), doc.add_lane(Lane(m, "L"))
        doc.add_touchpoint(Touchpoint(m, s, l, "card"))
    return path


def pretend_next_version(monkeypatch: pytest.MonkeyPatch, migration: tuple[str, ...]) -> None:
    maps = schema.TABLES["maps"].rstrip()
    assert maps.endswith(")")
    monkeypatch.setitem(
        schema.TABLES, "maps", maps[:-1].rstrip() + ",\n            colour TEXT NOT NULL DEFAULT ''\n        )"
    )
    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEW)
    monkeypatch.setattr(schema, "MIGRATIONS", {**schema.MIGRATIONS, NEW: migration})


GOOD = ("ALTER TABLE maps ADD COLUMN colour TEXT NOT NULL DEFAULT ''",)


def user_version(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_migrate_runs_and_bumps_user_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = current_document(tmp_path / "old.jmap")
    pretend_next_version(monkeypatch, GOOD)
    with Document.open(path) as doc:
        assert doc.execute("PRAGMA user_version").fetchone()[0] == NEW
        assert doc.execute("SELECT title, colour FROM maps").fetchall() == [("Old map", "")]
        assert doc.counts(1) == (1, 1, 1)
        assert doc.integrity_check() == "ok"
    assert user_version(path) == NEW
    # The upgraded file has exactly the shape of a fresh document of the new format and reopens as such.
    with Document.open(path) as doc:
        assert doc.execute("PRAGMA user_version").fetchone()[0] == NEW
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
    monkeypatch.setattr(schema, "SCHEMA_VERSION", OLD + 2)
    monkeypatch.setattr(
        schema, "MIGRATIONS",
        {OLD + 1: ("CREATE TABLE t2 (x)",), OLD + 2: ("INSERT INTO t2 VALUES ((SELECT MAX(rowid) FROM maps))",)},
    )
    schema.migrate(conn, OLD)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == OLD + 2
    assert conn.execute("SELECT COUNT(*) FROM t2").fetchone()[0] == 1


def test_read_only_open_does_not_migrate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = current_document(tmp_path / "old.jmap")
    before = sha(path)
    pretend_next_version(monkeypatch, GOOD)
    with Document.open(path, read_only=True) as doc:
        assert doc.execute("PRAGMA user_version").fetchone()[0] == OLD
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
    path = current_document(tmp_path / "old.jmap")
    before = sha(path)
    pretend_next_version(monkeypatch, migration)
    with pytest.raises(DocumentError, match=fragment) as info:
        Document.open(path)
    assert str(path) in str(info.value)
    assert sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.jmap"]
    assert user_version(path) == OLD
    assert not held(path)


def test_old_document_with_a_planted_trigger_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = current_document(tmp_path / "old.jmap")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TRIGGER evil AFTER UPDATE ON maps BEGIN DELETE FROM stages; END")
    conn.close()
    before = sha(path)
    pretend_next_version(monkeypatch, GOOD)
    with pytest.raises(DocumentError, match="trigger evil"):
        Document.open(path)
    assert sha(path) == before


FORMAT_1_RESPONSES = """CREATE TABLE responses (
            id INTEGER PRIMARY KEY,
            touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
            score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
            sentiment REAL CHECK (sentiment IS NULL OR sentiment BETWEEN -1 AND 1),
            comment TEXT NOT NULL DEFAULT '',
            date TEXT,
            segment TEXT NOT NULL DEFAULT '',
            batch_id INTEGER REFERENCES import_batches(id) ON DELETE CASCADE
        )"""


def format_1_document(path: Path) -> Path:
    """A document as format 1 wrote it (the frozen format-1 schema): score NOT NULL, nothing newer."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript((Path(__file__).parent / "data" / "format1.sql").read_text(encoding="utf-8"))
    conn.executescript(
        """
        INSERT INTO maps (id, title) VALUES (1, 'Old map');
        INSERT INTO stages (id, map_id, name) VALUES (1, 1, 'S');
        INSERT INTO lanes (id, map_id, name) VALUES (1, 1, 'L');
        INSERT INTO touchpoints (id, map_id, stage_id, lane_id, title) VALUES (1, 1, 1, 1, 'card');
        INSERT INTO import_batches (id, map_id, source, imported_at, rows, rejected)
            VALUES (1, 1, 'old.csv', '2024-01-01T00:00:00', 2, 0);
        INSERT INTO responses (touchpoint_id, score, sentiment, comment, date, segment, batch_id)
            VALUES (1, 9, NULL, '', '2024-01-01', '', 1), (1, 3, 0.5, 'meh', NULL, '', 1);
        """
    )
    conn.close()
    return path


def test_format_1_upgrades_to_sentiment_only_answers_overall_nps_and_profiles(tmp_path: Path) -> None:
    path = format_1_document(tmp_path / "v1.jmap")
    assert user_version(path) == 1
    with Document.open(path) as doc:
        assert doc.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert doc.response_counts(1) == {1: (1, 0, 1, 0.5, 1)}  # rows and ids kept
        doc.insert_responses([(1, None, 1.0, "", None, "", None)])  # a sentiment-only answer is allowed now
        assert doc.response_counts(1) == {1: (1, 0, 1, 1.5, 2)}
        assert [b.content_hash for b in doc.batches(1)] == [""]
        assert doc.overall_counts(1) == (0, 0, 0)
    fresh = Document.create(tmp_path / "fresh.jmap")
    fresh.close()
    a = sqlite3.connect(path)
    b = sqlite3.connect(tmp_path / "fresh.jmap")
    try:
        assert schema.shape(a) == schema.shape(b)
    finally:
        a.close()
        b.close()
