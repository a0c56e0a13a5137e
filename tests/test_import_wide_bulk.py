"""A wide survey big enough for the importer's bulk path (touchpoint and comment indexes dropped and
rebuilt, rows written unsorted, comments indexed by rowid range), then a second one on the row-by-row
index path: every answer, comment and search must come out as for a small import."""

from __future__ import annotations

import csv
from pathlib import Path

from survey_fixtures import survey_doc

from journeymap.services.comments import CommentSource
from journeymap.services.survey_import import import_survey
from journeymap.storage import Document, response_counts, schema
from journeymap.storage.responses_sql import REBUILD_MIN_ROWS
from journeymap.storage.survey_queries import CommentQuery

TITLES = ("Window display", "Checkout queue", "Fitting rooms", "Staff greeting")
RESPONDENTS = REBUILD_MIN_ROWS // len(TITLES) + 1_001  # more answers than the bulk threshold
COMMENTS = ("Mucha cola en caja", "La atención fue excelente", "")


def _wide(path: Path, respondents: int, offset: int = 0) -> Path:
    """Google Forms' grid shape: Timestamp, the overall question, one [bracketed] column per touchpoint."""
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Timestamp", "How likely are you to recommend us to a friend?",
                    *(f"How would you rate each step? [{t}]" for t in TITLES), "Store", "Any comments?"])
        for i in range(respondents):
            k = i + offset
            w.writerow([f"3/{1 + k % 28}/2024 10:22:00", k % 11, *((k + j) % 11 for j in range(len(TITLES))),
                        ("north", "south")[k % 2], COMMENTS[k % 3]])
    return path


def _healthy(doc: Document) -> None:
    conn = doc._conn  # noqa: SLF001
    assert schema.missing_objects(conn) == []
    # The aggregate counts, counted while the rows were parsed, equal the raw rows'.
    assert response_counts.check(conn) == []
    assert doc.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The full-text index's own structure (rank 0: not against responses, whose empty comments it skips).
    doc.execute("INSERT INTO comments_fts(comments_fts, rank) VALUES ('integrity-check', 0)")


def _expected_comments(respondents: int, word: str, offset: int = 0) -> int:
    return sum(len(TITLES) for i in range(respondents) if word in COMMENTS[(i + offset) % 3])


def test_bulk_then_incremental_wide_imports_keep_every_answer_and_comment(tmp_path: Path) -> None:
    doc, map_id, _ = survey_doc(tmp_path, TITLES)
    first = import_survey(doc, map_id, _wide(tmp_path / "first.csv", RESPONDENTS))
    assert first.layout == "wide" and first.imported == RESPONDENTS * len(TITLES) > REBUILD_MIN_ROWS
    _healthy(doc)
    service = CommentSource(doc, map_id)
    # Accent-folded search finds every copy of the comment (one per answer of the respondent).
    assert service.counts(CommentQuery(map_id, search="atencion")).total == _expected_comments(RESPONDENTS, "atención")

    # A smaller second import: the indexes stay and are updated row by row.
    second = import_survey(doc, map_id, _wide(tmp_path / "second.csv", 300, offset=1))
    assert second.imported == 300 * len(TITLES)
    _healthy(doc)
    assert service.counts(CommentQuery(map_id, search="cola")).total == (
        _expected_comments(RESPONDENTS, "cola") + _expected_comments(300, "cola", offset=1))
    answers = doc.execute("SELECT COUNT(*) FROM responses").fetchone()[0]
    assert answers == (RESPONDENTS + 300) * len(TITLES)
    indexed = doc.execute("SELECT COUNT(*) FROM comment_rows").fetchone()[0]
    assert indexed == doc.execute("SELECT COUNT(*) FROM responses WHERE comment != ''").fetchone()[0]
    doc.close()


def test_long_import_counts_sentiments_odd_dates_and_blank_scores(tmp_path: Path) -> None:
    """Counted in Python while parsing, checked against SQL over the raw rows: sentiments, dates that name
    no real month, answers without a score, segments."""
    from journeymap.services.importing import import_file

    doc, map_id, _ = survey_doc(tmp_path, TITLES)
    path = tmp_path / "long.csv"
    dates = ("2024-03-05", "2024-13-01", "05/03/2024", "", "2023-12-31T23:00:00+01:00")
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["touchpoint", "score", "sentiment", "date", "segment", "comment"])
        for i in range(2 * REBUILD_MIN_ROWS):
            w.writerow([TITLES[i % 4], "" if i % 13 == 0 else i % 11, ("", "0.5", "-1", "1")[i % 4],
                        dates[i % 5], ("", "north", "Sur")[i % 3], "cola" if i % 9 == 0 else ""])
    result = import_file(doc, map_id, path)
    assert result.imported > REBUILD_MIN_ROWS
    _healthy(doc)
    doc.close()
