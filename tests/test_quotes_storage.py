"""Quotes pinned on cards: stored in the document, kept when their import goes, deleted and restored with the card."""

from __future__ import annotations

from helpers_formats import downgrade

from journeymap.domain.model import JourneyMap, Lane, Quote, Response, Stage, Touchpoint
from journeymap.storage import Document, schema
from journeymap.storage.quotes import add_quote, delete_quote, quotes


def _doc(tmp_path):
    doc = Document.create(tmp_path / "q.jmap")
    m = doc.add_map(JourneyMap("M"))
    s, lane = doc.add_stage(Stage(m, "S")), doc.add_lane(Lane(m, "L"))
    tp = doc.add_touchpoint(Touchpoint(m, s, lane, "Caja"))
    return doc, m, tp


def test_pinned_in_order_and_removed(tmp_path):
    doc, m, tp = _doc(tmp_path)
    first = add_quote(doc, Quote(tp, "Mucha cola", score=2))
    add_quote(doc, Quote(tp, "Rápido", score=10))
    assert [q.text for q in quotes(doc, m)[tp]] == ["Mucha cola", "Rápido"]
    delete_quote(doc, first)
    assert [q.text for q in quotes(doc, m)[tp]] == ["Rápido"]
    doc.close()


def test_a_quote_outlives_its_import_but_not_its_card_and_comes_back_on_undo(tmp_path):
    doc, m, tp = _doc(tmp_path)
    rid = doc.add_response(Response(tp, 3, comment="Mucha cola"))
    add_quote(doc, Quote(tp, "Mucha cola", response_id=rid, score=3))
    doc.execute("DELETE FROM responses")
    assert [q.text for q in quotes(doc, m)[tp]] == ["Mucha cola"]
    snap = doc.snapshot(touchpoint_ids=[tp])
    doc.delete_touchpoint(tp)
    assert quotes(doc, m) == {}
    doc.restore(snap)
    assert [q.text for q in quotes(doc, m)[tp]] == ["Mucha cola"]
    doc.close()


def test_a_document_without_quotes_is_upgraded(tmp_path):
    doc, m, tp = _doc(tmp_path)
    path = doc.path
    doc.close()
    version = next(v for v, steps in schema.MIGRATIONS.items() if any("CREATE TABLE quotes" in s for s in steps))
    downgrade(path, version - 1)
    with Document.open(path) as again:
        assert again.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        add_quote(again, Quote(tp, "ok"))
        assert len(quotes(again, m)[tp]) == 1
