"""Comments: filters, counts, accent-insensitive search, and the full-text index kept in step."""

from __future__ import annotations

import sqlite3

import pytest
from helpers_formats import downgrade

from journeymap.domain.model import JourneyMap, Lane, Response, Stage, Touchpoint
from journeymap.services.comments import CommentQuery, CommentSource
from journeymap.services.importing import import_file
from journeymap.storage import Document, comments_index, schema
from journeymap.storage.responses_sql import stash_batch, unstash_batch

SURVEY = """touchpoint,score,sentiment,comment,date,segment
Caja,2,-0.8,Mucha cola en caja,2024-02-01,Madrid
Caja,10,0.9,,2024-02-02,Madrid
Caja,6,-0.3,La cola no avanzaba,2024-03-15,Sevilla
Atención,9,0.5,La atención fue excelente,2024-05-01,Sevilla
Atención,4,,"Atencion lenta, COLA eterna",2024-05-03,Madrid
Atención,8,0.1,Correcto sin más,2024-06-30,Sevilla
"""


@pytest.fixture
def doc(tmp_path):
    d = Document.create(tmp_path / "c.jmap")
    m = d.add_map(JourneyMap("Tienda"))
    s1, s2 = d.add_stage(Stage(m, "Pago", 0)), d.add_stage(Stage(m, "Servicio", 1))
    lane = d.add_lane(Lane(m, "Puntos de contacto"))
    d.add_touchpoint(Touchpoint(m, s1, lane, "Caja"))
    d.add_touchpoint(Touchpoint(m, s2, lane, "Atención"))
    (tmp_path / "s.csv").write_text(SURVEY, encoding="utf-8")
    result = import_file(d, m, tmp_path / "s.csv")
    assert result.imported == 6
    d.map_id, d.batch_id = m, result.batch_id
    yield d
    d.close()


def texts(doc, **filters):
    src = CommentSource(doc, doc.map_id)
    return [c.comment for c in src.page(CommentQuery(doc.map_id, **filters), sort="oldest")]


def fts_ids(doc, word):
    return sorted(r[0] for r in doc.execute("SELECT rowid FROM comments_fts WHERE comments_fts MATCH ?", [word]))


def test_only_non_empty_comments_in_date_order(doc):
    assert texts(doc) == ["Mucha cola en caja", "La cola no avanzaba", "La atención fue excelente",
                          "Atencion lenta, COLA eterna", "Correcto sin más"]


def test_search_ignores_accents_and_case(doc):
    assert texts(doc, search="atencion") == ["La atención fue excelente", "Atencion lenta, COLA eterna"]
    assert texts(doc, search="ATENCIÓN") == texts(doc, search="atencion")
    assert texts(doc, search="mas") == ["Correcto sin más"]
    assert texts(doc, search="cola lenta") == ["Atencion lenta, COLA eterna"]  # every word
    assert texts(doc, search="avanz") == ["La cola no avanzaba"]  # words are prefixes


@pytest.mark.parametrize("hostile", ['"', "AND", "cola OR", "*", "NEAR(", "-cola", "col:a", "'; DROP"])
def test_search_text_is_never_parsed_as_a_query(doc, hostile):
    texts(doc, search=hostile)  # no FTS5 syntax error


def test_filters_by_group_segment_sentiment_dates_and_scope(doc):
    tps = {tp.title: tp.id for tp in doc.touchpoints(doc.map_id)}
    stages = {s.name: s.id for s in doc.stages(doc.map_id)}
    assert texts(doc, group="detractor") == ["Mucha cola en caja", "La cola no avanzaba",
                                             "Atencion lenta, COLA eterna"]
    assert texts(doc, group="passive") == ["Correcto sin más"]
    assert texts(doc, segment="Sevilla", group="promoter") == ["La atención fue excelente"]
    assert texts(doc, sentiment="negative") == ["Mucha cola en caja", "La cola no avanzaba"]
    assert texts(doc, sentiment="none") == ["Atencion lenta, COLA eterna"]
    assert texts(doc, date_from="2024-03-15", date_to="2024-05-01") == [
        "La cola no avanzaba", "La atención fue excelente"]
    assert texts(doc, touchpoint_ids=(tps["Caja"],)) == ["Mucha cola en caja", "La cola no avanzaba"]
    assert texts(doc, stage_id=stages["Servicio"], search="cola") == ["Atencion lenta, COLA eterna"]


def test_counts_per_group_ignore_the_group_filter(doc):
    src = CommentSource(doc, doc.map_id)
    counts = src.counts(CommentQuery(doc.map_id, search="cola", group="promoter"))
    assert (counts.detractor, counts.passive, counts.promoter, counts.total) == (3, 0, 0, 3)
    assert src.counts(CommentQuery(doc.map_id)).total == 5


def test_sorts_and_pages(doc):
    src = CommentSource(doc, doc.map_id)
    q = CommentQuery(doc.map_id)
    assert [c.score for c in src.page(q, sort="lowest")] == [2, 4, 6, 8, 9]
    assert [c.score for c in src.page(q, sort="highest", limit=2)] == [9, 8]
    assert [c.score for c in src.page(q, sort="highest", offset=2, limit=2)] == [6, 4]
    newest = src.page(q, limit=1)[0]
    assert (newest.touchpoint, newest.stage, newest.group) == ("Atención", "Servicio", "passive")


def test_batch_removal_and_its_undo_keep_the_index(doc):
    assert len(fts_ids(doc, "cola")) == 3
    stash = stash_batch(doc, doc.batch_id)
    assert fts_ids(doc, "cola") == []
    assert texts(doc) == []
    unstash_batch(doc, stash)
    assert len(fts_ids(doc, "cola")) == 3
    doc.delete_batch(doc.batch_id)
    assert fts_ids(doc, "cola") == []
    assert doc.execute("INSERT INTO comments_fts(comments_fts) VALUES ('integrity-check')") is not None


def test_deleting_a_touchpoint_and_undoing_it_keeps_the_index(doc):
    caja = next(tp.id for tp in doc.touchpoints(doc.map_id) if tp.title == "Caja")
    snap = doc.snapshot(touchpoint_ids=[caja])
    doc.delete_touchpoint(caja)
    assert texts(doc, search="cola") == ["Atencion lenta, COLA eterna"]
    doc.restore(snap)
    assert len(texts(doc, search="cola")) == 3
    # A new response takes a free id: the index must not hand it a deleted comment.
    doc.add_response(Response(caja, 7, comment="todo bien"))
    assert texts(doc, search="todo") == ["todo bien"]
    doc.execute("INSERT INTO comments_fts(comments_fts) VALUES ('integrity-check')")


@pytest.mark.parametrize("what", ["stage", "lane", "map"])
def test_structural_deletes_forget_their_comments(doc, what):
    stage = doc.stages(doc.map_id)[0].id
    lane = doc.lanes(doc.map_id)[0].id
    {"stage": lambda: doc.delete_stage(stage), "lane": lambda: doc.delete_lane(lane),
     "map": lambda: doc.delete_map(doc.map_id)}[what]()
    remaining = {r[0] for r in doc.execute("SELECT id FROM responses WHERE comment != ''")}
    assert set(fts_ids(doc, "cola")) <= remaining
    doc.execute("INSERT INTO comments_fts(comments_fts) VALUES ('integrity-check')")


def _pre_comments_document(path):
    """A file of the format before the comments index (no FTS table, no partial index)."""
    version = next(v for v, steps in schema.MIGRATIONS.items() if comments_index.DDL in steps)
    with Document.create(path) as d:
        m = d.add_map(JourneyMap("Old"))
        s, lane = d.add_stage(Stage(m, "S")), d.add_lane(Lane(m, "L"))
        tp = d.add_touchpoint(Touchpoint(m, s, lane, "Recepción"))
    downgrade(path, version - 1)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("INSERT INTO responses (touchpoint_id, score, comment) VALUES (?, 3, 'Recepción lentísima')",
                 [tp])
    conn.close()
    return m


def test_an_older_document_is_upgraded_and_its_comments_searchable(tmp_path):
    path = tmp_path / "old.jmap"
    m = _pre_comments_document(path)
    with Document.open(path) as d:
        assert d.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        found = CommentSource(d, m).page(CommentQuery(m, search="lentisima"))
        assert [c.comment for c in found] == ["Recepción lentísima"]


def test_a_tampered_full_text_index_is_refused(tmp_path):
    path = tmp_path / "t.jmap"
    Document.create(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE comments_fts")
    conn.execute("CREATE VIRTUAL TABLE comments_fts USING fts5(comment, content='responses', content_rowid='id')")
    conn.close()
    from journeymap.storage import DocumentError

    with pytest.raises(DocumentError, match="altered"):
        Document.open(path)
