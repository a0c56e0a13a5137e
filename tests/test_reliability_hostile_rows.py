"""Documents whose pages are sound but whose rows break the schema's rules are refused at open."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from journeymap.domain.model import JourneyMap, Lane, Response, Stage, Touchpoint
from journeymap.storage import Document, DocumentError
from journeymap.storage import document as document_module

# The tables open() leaves to the later check on a big, cleanly closed file.
SKIPPED = ("comments_fts_data", "comments_fts_docsize", "response_counts", "response_months", "responses")


def good(path: Path, responses: int = 100) -> Path:
    with Document.create(path) as doc:
        m = doc.add_map(JourneyMap("M"))
        s, l = doc.add_stage(Stage(m, "S")), doc.add_lane(Lane(m, "L"))
        tp = doc.add_touchpoint(Touchpoint(m, s, l, "card"))
        doc.add_touchpoint(Touchpoint(m, s, l, "other"))
        doc.insert_responses([(tp, i % 11, None, "", None, "", None) for i in range(responses)])
    return path


def tamper(path: Path, *statements: str) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        for sql in statements:
            conn.execute(sql)
    finally:
        conn.close()
    return path


def refused(path: Path, *fragments: str) -> None:
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for read_only in (False, True):
        with pytest.raises(DocumentError) as info:
            Document.open(path, read_only=read_only)
        for fragment in fragments:
            assert fragment in str(info.value), str(info.value)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    ("statement", "fragment"),
    [
        ("UPDATE touchpoints SET sensation = 'evil' WHERE id = 1", "CHECK"),
        ("UPDATE responses SET score = 42 WHERE id = 3", "CHECK"),
        ("UPDATE touchpoints SET impact = 9 WHERE id = 2", "CHECK"),
        ("UPDATE touchpoints SET title = x'00ff10' WHERE id = 1", "title is not text"),
        ("UPDATE touchpoints SET manual_nps = 9e999 WHERE id = 1", "manual_nps is infinite"),
        ("UPDATE touchpoints SET manual_promoters = 'many' WHERE id = 1", "manual_promoters is not integer"),
        ("UPDATE maps SET position = x'01'", "position is not integer"),
        ("UPDATE responses SET sentiment = -9e999 WHERE id = 5", "sentiment is infinite"),
    ],
)
def test_rows_breaking_the_schema_are_refused(tmp_path: Path, statement: str, fragment: str) -> None:
    path = tamper(good(tmp_path / "doc.jmap"), statement)
    refused(path, "damaged", fragment)


def test_a_big_documents_responses_are_checked_after_opening(tmp_path: Path, monkeypatch) -> None:
    path = tamper(good(tmp_path / "doc.jmap"), "UPDATE responses SET score = 42 WHERE id = 3")
    monkeypatch.setattr(document_module, "QUICK_CHECK_WHOLE_BYTES", 0)  # as if it were a big file
    with Document.open(path, read_only=True) as doc:
        assert doc.unchecked_tables == SKIPPED
        assert "CHECK" in doc.check_unchecked_tables()


def test_a_column_with_an_unknown_collation_is_refused(tmp_path: Path) -> None:
    path = tamper(
        good(tmp_path / "doc.jmap"),
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET sql = replace(sql, 'title TEXT NOT NULL,', 'title TEXT NOT NULL COLLATE evil,') "
        "WHERE name = 'touchpoints'",
    )
    refused(path, "collation", "evil")


def test_an_index_that_disagrees_with_its_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "doc.jmap"
    with Document.create(path) as doc:
        m = doc.add_map(JourneyMap("M"))
        s, l = doc.add_stage(Stage(m, "S")), doc.add_lane(Lane(m, "L"))
        tp = doc.add_touchpoint(Touchpoint(m, s, l, "card"))
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'idx_responses_touchpoint'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    empty_index = path.read_bytes()[(root - 1) * page_size: root * page_size]
    with Document.open(path) as doc:
        for _ in range(150):
            doc.add_response(Response(tp, 10))
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size: root * page_size] = empty_index  # the index lost its entries
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM responses").fetchone()[0] == 150
    assert conn.execute("SELECT count(*) FROM responses INDEXED BY idx_responses_touchpoint "
                        "WHERE touchpoint_id = ?", [tp]).fetchone()[0] == 0
    conn.close()
    refused(path, "damaged")
