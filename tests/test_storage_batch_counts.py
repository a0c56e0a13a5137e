"""The importer's aggregate counts (storage.batch_counts, NumPy sums per chunk) equal the raw rows in every
path: many chunks reduced together, more distinct keys than the arrays keep (counted by SQL instead),
an import without comments (its rows never scanned for the comments' index), a writer finished twice."""

from __future__ import annotations

import csv
from pathlib import Path

from survey_fixtures import survey_doc

from journeymap.domain.model import ImportBatch
from journeymap.services.importing import import_file
from journeymap.storage import batch_counts, comments_index, response_counts
from journeymap.storage.responses_sql import ResponseWriter

TITLES = ("Window display", "Checkout queue", "Fitting rooms")


def _long(path: Path, rows: int, segments: int = 3, comments: bool = True) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["touchpoint", "score", "sentiment", "date", "segment", "comment"])
        for i in range(rows):
            w.writerow([TITLES[i % 3], "" if i % 17 == 0 else i % 11, ("", "0.25", "-1", "0.7")[i % 4],
                        f"2025-{1 + i % 12:02d}-0{1 + i % 9}" if i % 5 else "31/02/2025", f"seg {i % segments}",
                        "cola" if comments and i % 7 == 0 else ""])
    return path


def _counts(doc) -> tuple[list[tuple], list[tuple]]:
    return (doc.execute("SELECT touchpoint_id, segment, score, n, sentiment_n, round(sentiment_sum, 6) "
                        "FROM response_counts ORDER BY 1, 2, 3").fetchall(),
            doc.execute("SELECT * FROM response_months ORDER BY 1, 2, 3").fetchall())


def test_chunks_reduced_together_equal_the_raw_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(batch_counts, "PENDING_ROWS", 10)  # reduce after nearly every chunk
    doc, map_id, _ = survey_doc(tmp_path, TITLES)
    result = import_file(doc, map_id, _long(tmp_path / "a.csv", 30_000, segments=40), chunk_size=1000)
    assert result.imported > 20_000 and result.rejected  # blank scores and 31/02 are rejected rows
    assert doc.execute("SELECT COUNT(*) FROM responses").fetchone()[0] == result.imported
    assert response_counts.check(doc._conn) == []  # noqa: SLF001
    doc.close()


def test_too_many_distinct_keys_are_counted_by_sql(tmp_path, monkeypatch):
    doc, map_id, _ = survey_doc(tmp_path, TITLES)
    path = _long(tmp_path / "a.csv", 25_000, segments=500)
    import_file(doc, map_id, path)
    expected = _counts(doc)
    doc.close()
    monkeypatch.setattr(batch_counts, "MAX_KEYS", 100)  # 500 segments: more than the arrays may keep
    given = []
    add = batch_counts.BatchCounter.write
    monkeypatch.setattr(batch_counts.BatchCounter, "write",
                        lambda self, *a: (given.append(self.fallback), add(self, *a))[1])
    (tmp_path / "b").mkdir()
    doc, map_id, _ = survey_doc(tmp_path / "b", TITLES)
    import_file(doc, map_id, path)
    assert given == [True]
    assert response_counts.check(doc._conn) == []  # noqa: SLF001
    assert _counts(doc) == expected
    doc.close()


def test_import_without_comments_indexes_none_and_with_comments_all(tmp_path, monkeypatch):
    scanned = []
    index = comments_index.index
    monkeypatch.setattr(comments_index, "index", lambda *a: (scanned.append(a[1]), index(*a))[1])
    doc, map_id, _ = survey_doc(tmp_path, TITLES)
    import_file(doc, map_id, _long(tmp_path / "plain.csv", 25_000, comments=False))
    assert scanned == []
    import_file(doc, map_id, _long(tmp_path / "commented.csv", 25_000))
    assert len(scanned) == 1
    found = doc.execute("SELECT COUNT(*) FROM comments_fts WHERE comments_fts MATCH 'cola'").fetchone()[0]
    stored = doc.execute("SELECT COUNT(*) FROM responses WHERE comment = 'cola'").fetchone()[0]
    assert found == stored > 2000 and doc.execute("SELECT COUNT(*) FROM comment_rows").fetchone()[0] == stored
    assert response_counts.check(doc._conn) == []  # noqa: SLF001
    doc.close()


def test_a_writer_finished_twice_indexes_and_counts_once(tmp_path):
    doc, map_id, ids = survey_doc(tmp_path, TITLES)
    tid = ids[TITLES[0]]
    with doc.transaction():
        batch = doc.add_batch(ImportBatch(map_id, "a.csv", "2026-06-01", 3, 0))
        with ResponseWriter(doc, batch, ("touchpoint_id", "score", "comment")) as writer:
            writer.put([tid, 9, "muy bien", tid, 3, "", tid, None, "cola"])
            assert writer.finish() == 3
    assert doc.execute("SELECT COUNT(*) FROM comments_fts WHERE comments_fts MATCH 'cola OR bien'").fetchone()[0] == 2
    assert doc.execute("SELECT COUNT(*) FROM comment_rows").fetchone()[0] == 2
    assert response_counts.check(doc._conn) == []  # noqa: SLF001
    assert doc.execute("SELECT SUM(n) FROM response_counts").fetchone()[0] == 3
    doc.close()


def _wide(path: Path, respondents: int, dated: bool) -> Path:
    """Two 0-10 questions, one 1-5 satisfaction scale (a sentiment), a per-touchpoint comment, maybe no date."""
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow([*(["Submitted At"] if dated else []), f"Rate: {TITLES[0]}", f"Rate: {TITLES[1]}",
                    f"How satisfied were you with {TITLES[2]}? (1-5)", f"{TITLES[0]} - comments", "Store"])
        for i in range(respondents):
            w.writerow([*([f"2025-{1 + i % 12:02d}-{1 + i % 28:02d} 10:00:00"] if dated else []),
                        "" if i % 6 == 0 else i % 11, "N/A" if i % 4 == 0 else (i * 7) % 11,
                        "" if i % 5 == 0 else 1 + i % 5, "lenta" if i % 3 == 0 else "", ("north", "south", "")[i % 3]])
    return path


def test_wide_imports_counted_a_block_at_a_time_equal_the_raw_rows(tmp_path):
    for dated in (True, False):
        folder = tmp_path / str(dated)
        folder.mkdir()
        doc, map_id, _ = survey_doc(folder, TITLES)
        from journeymap.services.survey_import import import_survey

        result = import_survey(doc, map_id, _wide(folder / "wide.csv", 9_000, dated))
        assert result.layout == "wide" and result.sentiment_only > 5_000 and result.imported > 20_000, result
        assert response_counts.check(doc._conn) == []  # noqa: SLF001
        months = doc.execute("SELECT COUNT(*) FROM response_months").fetchone()[0]
        assert (months > 0) == dated
        assert doc.execute("SELECT COUNT(*) FROM comments_fts WHERE comments_fts MATCH 'lenta'").fetchone()[0] > 0
        doc.close()
