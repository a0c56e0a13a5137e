"""The bulk path of the importer: CSV blocks split without csv.reader, column-wise
validation, the background writer and the touchpoint index rebuilt after a large import."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from import_helpers import fingerprint, make_doc, write

from journeymap.services import import_sources, importing
from journeymap.services.import_sources import CsvSource
from journeymap.services.importing import ImportCancelled, import_file
from journeymap.storage import Document, DocumentError, responses_sql, schema
from journeymap.storage.responses_sql import REBUILT_INDEXES, ResponseWriter


def _indexes(doc: Document) -> list[tuple[str, str]]:
    return sorted(doc.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'").fetchall())


def _responses(doc: Document) -> list[tuple[object, ...]]:
    return doc.execute(
        "SELECT touchpoint_id, score, sentiment, comment, date, segment FROM responses ORDER BY id"
    ).fetchall()


def _assert_healthy(doc: Document) -> None:
    conn = doc._conn  # noqa: SLF001
    assert schema.missing_objects(conn) == []
    assert schema.altered_tables(conn) == []
    assert doc.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _block_rows(path: Path) -> list[list[str]]:
    with CsvSource(path) as src:
        return [list(r) for block in src.blocks(size=3) for r in block.all_rows()]


def _reader_rows(path: Path) -> list[list[str]]:
    with CsvSource(path) as src:
        return [list(r) for r in src.rows()]


CSV_SHAPES = {
    "lf": "a,b,c\n1,2,3\n4,5,6\n7,8,9\n10,11,12\n",
    "crlf": "a,b,c\r\n1,2,3\r\n4,5,6\r\n7,8,9\r\n",
    "no final newline": "a,b,c\n1,2,3\n4,5,6",
    "empty and blank lines": "a,b,c\n1,2,3\n\n   \n,,\n4,5,6\n\n",
    "ragged": "a,b,c\n1,2\n1,2,3,4\n1,2,3\n5\n",
    "quotes later": "a,b,c\n1,2,3\n4,5,6\n7,8,9\n1,\"x\ny\",3\n\"q,r\",2,3\n4,5,6\n",
    "quote in a field": "a,b,c\n1,2 \"inch\",3\n4,5,6\n",
    "bare cr": "a,b,c\r1,2,3\r4,5,6\r",
    "mixed line ends": "a,b,c\r\n1,2,3\n4,5,6\r\n7,8,9\r10,11,12\n",
    "semicolons": "a;b;c\n1;2,5;3\n4;5;6\n",
    "tabs": "a\tb\tc\n1\t2\t3\n4\t 5 \t6\n",
    "spaces": "a,b,c\n 1 , 2 ,3\n4,5 ,6\n",
}


@pytest.mark.parametrize("shape", sorted(CSV_SHAPES))
@pytest.mark.parametrize("read_chars", [7, 64, 1 << 20])
def test_blocks_give_the_rows_csv_reader_gives(tmp_path, monkeypatch, shape, read_chars):
    monkeypatch.setattr(import_sources, "READ_CHARS", read_chars)
    path = write(tmp_path / "f.csv", CSV_SHAPES[shape])
    assert _block_rows(path) == _reader_rows(path)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_blocks_in_other_encodings(tmp_path, monkeypatch, encoding):
    monkeypatch.setattr(import_sources, "READ_CHARS", 16)
    text = "toque,puntuación\r\n" + "".join(f"Atención {i},{i % 11}\r\n" for i in range(50))
    path = write(tmp_path / "f.csv", text, encoding)
    assert _block_rows(path) == _reader_rows(path)
    assert len(_block_rows(path)) == 50


def test_uniform_blocks_split_columns(tmp_path):
    path = write(tmp_path / "f.csv", "a,b\n" + "".join(f"{i},x{i}\n" for i in range(10)))
    with CsvSource(path) as src:
        blocks = list(src.blocks(size=4))
    assert [b.n for b in blocks] == [4, 4, 2]
    assert all(b.uniform and b.width == 2 for b in blocks)
    assert blocks[1].column(1) == ["x4", "x5", "x6", "x7"]
    assert blocks[2].row(1) == ["9", "x9"]


def _survey(path: Path, ids: dict[str, int], rows: int) -> Path:
    """A survey with a rejected row every 997 rows, blank and empty lines, by id and by title."""
    titles = ["Atención en caja", "Probador", "Devolución", str(ids["Probador"])]
    lines = ["touchpoint,score,sentiment,comment,date,segment"]
    for i in range(rows):
        if i % 997 == 13:
            lines.append(f"Nadie,{i % 11},0,x,2024-01-01,s")  # no such touchpoint
        elif i % 1499 == 7:
            lines.append("Probador,12,0,,31/02/2024,s")  # two reasons
        elif i % 2003 == 5:
            lines.append(",,,,,")  # skipped silently
        elif i % 2503 == 9:
            lines.append("")  # empty line: skipped, still a file row
        else:
            lines.append(f"{titles[i % 4]},{i % 11},{(i % 5 - 2) / 2},c{i},2024-01-{1 + i % 28:02d},s{i % 3}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_column_path_matches_row_path(tmp_path, monkeypatch):
    doc, map_id, ids = make_doc(tmp_path)
    path = _survey(tmp_path / "s.csv", ids, 12_000)
    fast = import_file(doc, map_id, path)
    fast_rows = _responses(doc)
    _assert_healthy(doc)

    # The same file through the row-by-row validation.
    slow_doc, slow_map, _ = make_doc(tmp_path, "slow.jmap")
    monkeypatch.setattr(import_sources.Block, "uniform", property(lambda self: False))
    slow = import_file(slow_doc, slow_map, path)
    assert (fast.imported, fast.rejected) == (slow.imported, slow.rejected)
    assert fast.rejected_rows == slow.rejected_rows
    assert sorted(fast_rows, key=repr) == sorted(_responses(slow_doc), key=repr)
    assert fast.rejected > 10 and fast.rejected_rows[0].row_number == 9  # i = 7: header row + 1 + 7
    assert any("; " in r.reason for r in fast.rejected_rows)


def test_file_order_kept_within_a_touchpoint(tmp_path):
    doc, map_id, ids = make_doc(tmp_path)
    titles = ["Atención en caja", "Probador", "Devolución"]
    text = "touchpoint,score,comment,date\n" + "".join(
        f"{titles[(i * 7) % 3]},{i % 11},c{i},2024-01-01\n" for i in range(5000)
    )
    import_file(doc, map_id, write(tmp_path / "o.csv", text))
    for title in titles:
        comments = [r.comment for r in doc.responses(ids[title])]  # ORDER BY date, id
        assert comments == sorted(comments, key=lambda c: int(c[1:]))
        assert len(comments) > 1600


def test_large_import_rebuilds_the_index_and_the_document_stays_valid(tmp_path, monkeypatch):
    doc, map_id, ids = make_doc(tmp_path)
    seen: list[bool] = []
    finish = ResponseWriter.finish

    def spy(self: ResponseWriter) -> int:
        seen.append(self.dropped)
        return finish(self)

    monkeypatch.setattr(ResponseWriter, "finish", spy)
    before = _indexes(doc)
    result = import_file(doc, map_id, _survey(tmp_path / "s.csv", ids, 30_000))
    assert seen == [True]
    assert _indexes(doc) == before
    counts = doc.response_counts(map_id)
    assert sum(p + q + d for p, q, d, _s, _n in counts.values()) == result.imported
    path = doc.path
    doc.close()
    with Document.open(path) as again:
        _assert_healthy(again)
        plan = " ".join(r[3] for r in again.execute(
            "EXPLAIN QUERY PLAN SELECT score FROM responses WHERE touchpoint_id = 1"
        ))
        assert REBUILT_INDEXES[0] in plan


def test_small_import_into_a_big_table_keeps_the_index(tmp_path, monkeypatch):
    doc, map_id, ids = make_doc(tmp_path)
    import_file(doc, map_id, _survey(tmp_path / "big.csv", ids, 30_000))
    seen: list[bool] = []
    finish = ResponseWriter.finish
    monkeypatch.setattr(ResponseWriter, "finish", lambda self: (seen.append(self.dropped), finish(self))[1])
    monkeypatch.setattr(responses_sql, "REBUILD_MIN_ROWS", 1)
    import_file(doc, map_id, _survey(tmp_path / "small.csv", ids, 3_000))
    assert seen == [False]
    _assert_healthy(doc)


def test_cancel_after_the_index_was_dropped_restores_everything(tmp_path):
    doc, map_id, ids = make_doc(tmp_path)
    before, indexes = fingerprint(doc, map_id), _indexes(doc)
    polls: list[int] = []

    def cancel() -> bool:
        polls.append(1)
        return len(polls) >= 5

    with pytest.raises(ImportCancelled):
        import_file(doc, map_id, _survey(tmp_path / "s.csv", ids, 60_000), cancel=cancel, chunk_size=1000)
    assert len(polls) == 5
    assert fingerprint(doc, map_id) == before and _indexes(doc) == indexes
    _assert_healthy(doc)
    path = doc.path
    doc.close()
    with Document.open(path) as again:
        _assert_healthy(again)
        assert again.execute("SELECT COUNT(*) FROM responses").fetchone()[0] == 0


def test_writer_failure_rolls_back_and_is_raised(tmp_path, monkeypatch):
    doc, map_id, ids = make_doc(tmp_path)
    before, indexes = fingerprint(doc, map_id), _indexes(doc)
    statements = ResponseWriter._statements
    calls: list[int] = []

    def failing(self, *args, **kwargs):
        for params in statements(self, *args, **kwargs):
            calls.append(1)
            if len(calls) > 3:
                raise sqlite3.OperationalError("database or disk is full")
            yield params

    monkeypatch.setattr(ResponseWriter, "_statements", failing)
    with pytest.raises(DocumentError, match="disk is full") as info:
        import_file(doc, map_id, _survey(tmp_path / "s.csv", ids, 40_000), chunk_size=2000)
    assert isinstance(info.value.__cause__, sqlite3.OperationalError)
    assert fingerprint(doc, map_id) == before and _indexes(doc) == indexes
    _assert_healthy(doc)
    monkeypatch.setattr(ResponseWriter, "_statements", statements)
    assert import_file(doc, map_id, tmp_path / "s.csv").imported > 39_000


def test_import_inside_a_caller_transaction_never_drops_the_index(tmp_path, monkeypatch):
    doc, map_id, ids = make_doc(tmp_path)
    seen: list[bool] = []
    finish = ResponseWriter.finish
    monkeypatch.setattr(ResponseWriter, "finish", lambda self: (seen.append(self.dropped), finish(self))[1])
    path = _survey(tmp_path / "s.csv", ids, 30_000)
    with pytest.raises(RuntimeError), doc.transaction():
        import_file(doc, map_id, path)
        raise RuntimeError("caller changes its mind")
    assert seen == [False]
    assert doc.execute("SELECT COUNT(*) FROM responses").fetchone()[0] == 0
    _assert_healthy(doc)


def test_progress_and_cancel_are_polled_every_few_thousand_rows(tmp_path):
    doc, map_id, ids = make_doc(tmp_path)
    path = _survey(tmp_path / "s.csv", ids, 50_000)
    progress: list[tuple[int, int]] = []
    polls: list[int] = []
    import_file(doc, map_id, path, progress=lambda d, t: progress.append((d, t)),
                cancel=lambda: bool(polls.append(1)))
    assert len(polls) == 50_001 // importing.TICK_ROWS
    assert len(progress) == len(polls) + 1 and progress[-1][0] == progress[-1][1]
