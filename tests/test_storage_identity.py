"""Stable identity and revisions (issue 18, format 11): upgrade, triggers, copies, quiet writes."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest

from journeymap.domain.model import ImportBatch, JourneyMap, Lane, Note, Stage, Touchpoint
from journeymap.storage import Document, DocumentError, identity, schema
from journeymap.storage.identity_schema import EDITED_TABLES, JM_LEGACY_NAMESPACE
from journeymap.storage.responses_sql import stash_batch, unstash_batch

FORMAT_9 = Path(__file__).parent / "data" / "format9_map.jmap"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def old_copy(tmp_path: Path, name: str = "old.jmap") -> Path:
    path = tmp_path / name
    shutil.copy(FORMAT_9, path)
    return path


def values(path: Path, version_9_columns: bool = True) -> dict[str, list[tuple]]:
    """Every row of the edited tables (format 9's columns only), straight from SQLite."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = {}
        for table in (*EDITED_TABLES, "responses", "attachment_blobs"):
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            if version_9_columns:
                cols = [c for c in cols if c not in identity.IDENTITY_COLUMNS]
            out[table] = conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY id").fetchall()
        return out
    finally:
        conn.close()


def small_doc(path: Path) -> tuple[Document, int]:
    doc = Document.create(path)
    m = doc.add_map(JourneyMap(title="Map"))
    s = doc.add_stage(Stage(m, "Stage"))
    lane = doc.add_lane(Lane(m, "Lane"))
    doc.add_touchpoint(Touchpoint(m, s, lane, "Card"))
    return doc, m


# ----------------------------------------------------------------- upgrade
def test_the_format_9_file_is_what_the_tests_think() -> None:
    conn = sqlite3.connect(f"file:{FORMAT_9}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 9
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in EDITED_TABLES}
    finally:
        conn.close()
    assert all(counts.values()), counts  # every edited table has rows to upgrade


def test_a_format_9_document_upgrades_in_place_keeping_every_value(tmp_path: Path) -> None:
    path = old_copy(tmp_path)
    before = values(path)
    with Document.open(path) as doc:
        assert doc.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        for table in EDITED_TABLES:
            rows = doc.execute(f"SELECT id, uuid, created_by, created_clock, changed_by, changed_clock FROM {table}")
            for row_id, value, *revision in rows:
                assert value == str(uuid.uuid5(JM_LEGACY_NAMESPACE, f"{table}:{row_id}"))
                assert identity.is_legacy(value, table, row_id)
                assert revision == [None, None, None, None]  # no shared history
        assert identity.replica(doc)[1] == 0  # filling the old rows ticked no clock
        assert [t.title for t in doc.touchpoints(1)] == ["Anuncio", "Caja", "Recibo"]
    assert values(path) == before
    # The upgraded file has exactly the shape of a new one and reopens without change.
    conn_a = sqlite3.connect(path)
    conn_b = sqlite3.connect(":memory:")
    schema.create(conn_b)
    try:
        assert schema.shape(conn_a) == schema.shape(conn_b)
        assert schema.unexpected_objects(conn_a) == [] and schema.missing_objects(conn_a) == []
    finally:
        conn_a.close()
        conn_b.close()
    Document.open(path).close()


def test_two_copies_upgraded_apart_get_the_same_uuids(tmp_path: Path) -> None:
    a, b = old_copy(tmp_path, "a.jmap"), old_copy(tmp_path, "b.jmap")
    with Document.open(a) as doc_a, Document.open(b) as doc_b:
        for table in EDITED_TABLES:
            assert identity.identities(doc_a, table) == identity.identities(doc_b, table)
        assert identity.replica(doc_a)[0] != identity.replica(doc_b)[0]


def test_an_upgrade_that_fails_leaves_the_file_byte_identical(tmp_path: Path) -> None:
    """A format-9 file with a column named uuid (another program's) cannot take format 11's."""
    path = old_copy(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE notes ADD COLUMN uuid TEXT")
    conn.commit()
    conn.close()
    before = sha(path)
    with pytest.raises(DocumentError, match="cannot be upgraded from format 9"):
        Document.open(path)
    assert sha(path) == before


def test_an_upgrade_that_fails_on_the_file_itself_is_rolled_back(tmp_path: Path, monkeypatch) -> None:
    """Past the rehearsal (say the disk fails at the last step), the transaction leaves the file as it was."""
    path = old_copy(tmp_path)
    before = sha(path)

    def fail(conn: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Document, "_rehearse_migration", staticmethod(lambda *args: None))
    monkeypatch.setitem(schema.MIGRATIONS, 11, (*schema.MIGRATIONS[11], fail))
    with pytest.raises(DocumentError):
        Document.open(path)
    assert sha(path) == before
    monkeypatch.undo()
    with Document.open(path, read_only=True) as doc:
        assert doc.execute("PRAGMA user_version").fetchone()[0] == 9


# ---------------------------------------------------------------- triggers
def test_new_objects_get_random_v4_uuids_and_revisions(tmp_path: Path) -> None:
    doc, m = small_doc(tmp_path / "new.jmap")
    with doc:
        own, clock = identity.replica(doc)
        ids = identity.identities(doc, "touchpoints")
        (card,) = ids.values()
        assert uuid.UUID(card.uuid).version == 4 and not identity.is_legacy(card.uuid)
        assert card.created_by == card.changed_by == own
        assert card.created_clock == card.changed_clock <= clock
        tp_id = next(iter(ids))
        doc.update_touchpoint(tp_id, title="Renamed")
        after = identity.identity(doc, "touchpoints", tp_id)
        assert after.uuid == card.uuid and after.created_clock == card.created_clock
        assert after.changed_clock == identity.replica(doc)[1] > card.changed_clock
        uuids = [i.uuid for t in EDITED_TABLES for i in identity.identities(doc, t).values()]
        assert len(set(uuids)) == len(uuids) == 4


def test_quiet_writes_tick_no_clock_and_keep_given_revisions(tmp_path: Path) -> None:
    doc, m = small_doc(tmp_path / "q.jmap")
    with doc:
        tp_id = doc.touchpoints(m)[0].id
        clock = identity.replica(doc)[1]
        with identity.quiet(doc):
            doc.execute("UPDATE touchpoints SET title = 'theirs', changed_by = ?, changed_clock = 7 WHERE id = ?",
                        [str(uuid.uuid4()), tp_id])
        assert identity.replica(doc)[1] == clock
        assert identity.identity(doc, "touchpoints", tp_id).changed_clock == 7
        assert doc.execute("SELECT quiet FROM replica").fetchone()[0] == 0
        doc.update_touchpoint(tp_id, title="mine")  # outside: ticks again
        assert identity.replica(doc)[1] == clock + 1


def test_a_trigger_with_our_name_but_other_sql_is_refused(tmp_path: Path) -> None:
    doc, _m = small_doc(tmp_path / "t.jmap")
    doc.close()
    conn = sqlite3.connect(tmp_path / "t.jmap")
    conn.execute("DROP TRIGGER trg_notes_insert")
    conn.execute("CREATE TRIGGER trg_notes_insert AFTER INSERT ON notes BEGIN DELETE FROM maps; END")
    conn.commit()
    conn.close()
    before = sha(tmp_path / "t.jmap")
    with pytest.raises(DocumentError, match="trigger trg_notes_insert"):
        Document.open(tmp_path / "t.jmap")
    assert sha(tmp_path / "t.jmap") == before


def test_a_document_without_its_triggers_or_replica_is_refused(tmp_path: Path) -> None:
    for name, damage in (("a", "DROP TRIGGER trg_touchpoints_update"), ("b", "DELETE FROM replica")):
        path = tmp_path / f"{name}.jmap"
        small_doc(path)[0].close()
        conn = sqlite3.connect(path)
        conn.execute(damage)
        conn.commit()
        conn.close()
        with pytest.raises(DocumentError, match="damaged"):
            Document.open(path)


# ------------------------------------------------------------ copy detection
def test_a_cp_copy_becomes_a_new_replica_that_knows_the_old_one(tmp_path: Path) -> None:
    doc, m = small_doc(tmp_path / "a.jmap")
    original, clock = identity.replica(doc)
    doc.close()
    shutil.copy(tmp_path / "a.jmap", tmp_path / "b.jmap")
    with Document.open(tmp_path / "b.jmap") as copy:
        new, new_clock = identity.replica(copy)
        assert new != original and new_clock == clock
        assert identity.replica_seen(copy) == {original: clock}
        assert identity.version_vector(copy) == {original: clock, new: clock}
    with Document.open(tmp_path / "a.jmap") as again:  # the original is still itself
        assert identity.replica(again) == (original, clock) and identity.replica_seen(again) == {}
    with Document.open(tmp_path / "b.jmap") as copy:  # and the copy stays the copy
        assert identity.replica(copy)[0] == new


def test_save_as_makes_a_new_replica(tmp_path: Path) -> None:
    doc, m = small_doc(tmp_path / "a.jmap")
    with doc:
        original, clock = identity.replica(doc)
        card = identity.identities(doc, "touchpoints")
        doc.backup_to(tmp_path / "saved.jmap")
    with Document.open(tmp_path / "saved.jmap") as saved:
        assert identity.replica(saved)[0] != original
        assert identity.replica_seen(saved) == {original: clock}
        assert identity.identities(saved, "touchpoints") == card


def test_a_private_copy_keeps_the_replica_and_never_writes_the_original(tmp_path: Path) -> None:
    doc, m = small_doc(tmp_path / "a.jmap")
    original = identity.replica(doc)
    doc.close()
    old = old_copy(tmp_path)
    before, before_old = sha(tmp_path / "a.jmap"), sha(old)
    with identity.open_private_copy(tmp_path / "a.jmap") as other:
        assert identity.replica(other) == original and identity.replica_seen(other) == {}
        assert other.path != tmp_path / "a.jmap"
        folder = other.path.parent
    assert not folder.exists()
    with identity.open_private_copy(old) as other:  # an older format is upgraded in the copy only
        assert identity.is_legacy(identity.identities(other, "maps")[1].uuid)
    assert (sha(tmp_path / "a.jmap"), sha(old)) == (before, before_old)


def test_a_private_copy_of_a_hostile_file_is_refused(tmp_path: Path) -> None:
    small_doc(tmp_path / "evil.jmap")[0].close()
    conn = sqlite3.connect(tmp_path / "evil.jmap")
    conn.execute("CREATE TRIGGER evil AFTER INSERT ON notes BEGIN DELETE FROM maps; END")
    conn.commit()
    conn.close()
    with pytest.raises(DocumentError, match="trigger evil"):
        with identity.open_private_copy(tmp_path / "evil.jmap"):
            pass


# ------------------------------------------------------ identity survives
def test_a_stashed_batch_comes_back_with_its_identity(tmp_path: Path) -> None:
    doc, m = small_doc(tmp_path / "s.jmap")
    with doc:
        batch_id = doc.add_batch(ImportBatch(m, "survey.csv", "2026-12-02T10:00:00"))
        known = identity.identity(doc, "import_batches", batch_id)
        stash = stash_batch(doc, batch_id)
        assert identity.identity(doc, "import_batches", batch_id) is None
        unstash_batch(doc, stash)
        assert identity.identity(doc, "import_batches", batch_id) == known


def test_snapshot_restore_brings_back_the_same_objects(tmp_path: Path) -> None:
    doc, m = small_doc(tmp_path / "r.jmap")
    with doc:
        tp = doc.touchpoints(m)[0]
        doc.add_note(Note(tp.id, "hello"))
        before = {t: identity.identities(doc, t) for t in EDITED_TABLES}
        clock = identity.replica(doc)[1]
        snap = doc.snapshot(stage_ids=[tp.stage_id])
        doc.delete_stage(tp.stage_id)
        doc.restore(snap)
        assert {t: identity.identities(doc, t) for t in EDITED_TABLES} == before
        assert identity.replica(doc)[1] == clock  # deleting and restoring rows changes no revision


def test_reassigning_personas_keeps_the_assignments_that_stay(tmp_path: Path) -> None:
    from journeymap.domain.model import Persona

    doc, m = small_doc(tmp_path / "p.jmap")
    with doc:
        a, b, c = (doc.add_persona(Persona(name)) for name in "abc")
        doc.set_map_personas(m, [a, b])
        kept = {r[0]: r[1] for r in doc.execute("SELECT persona_id, uuid FROM map_personas")}
        doc.set_map_personas(m, [b, c, a])
        assert [p.id for p in doc.map_personas(m)] == [b, c, a]
        now = {r[0]: r[1] for r in doc.execute("SELECT persona_id, uuid FROM map_personas")}
        assert now[a] == kept[a] and now[b] == kept[b] and now[c] not in kept.values()
        doc.set_map_personas(m, [])
        assert doc.map_personas(m) == []
