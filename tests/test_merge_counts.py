"""The aggregate counts a merge adds (issue 18): equal to the answers it copied, whichever way they are grouped.

The counts of the incoming answers are grouped on each copy and summed across
copies before they reach MASTER; these cases make the sums meet: copies whose
batches share cards, segments and months with each other and with MASTER's own
answers, a copy that also holds MASTER's earlier survey, and answers on a card
MASTER has deleted since (left out, and not counted).
"""

from __future__ import annotations

import shutil

from journeymap.domain.model import ImportBatch
from journeymap.services.merging import apply_merge
from journeymap.storage import Document, response_counts, survey_queries


def _answers(card_ids, batch, offset):
    """Twelve answers over the given cards, two segments, two months and the whole 0-10 range."""
    return [(card_ids[k % len(card_ids)], (k * 3 + offset) % 11, None if k % 3 else 0.5, "bien" if k % 4 == 0 else "",
             f"2026-{10 + k % 2:02d}-15", ("north", "south")[k % 2], batch) for k in range(12)]


def _monthly(doc, map_id):
    """Per card and month: promoters, passives, detractors, from the raw answers (what the counts must equal)."""
    out: dict[tuple[int, str], list[int]] = {}
    for tp in doc.touchpoints(map_id):
        for r in doc.responses(tp.id):
            acc = out.setdefault((tp.id, r.date[:7]), [0, 0, 0])
            acc[0 if r.score >= 9 else 1 if r.score >= 7 else 2] += 1
    return {k: tuple(v) for k, v in out.items()}


def test_counts_of_several_copies_sharing_cards_and_months_equal_the_answers(doc_path):
    with Document.open(doc_path) as doc:
        map_id = doc.maps()[0].id
        cards = [tp.id for tp in doc.touchpoints(map_id)][:4]
        old = doc.add_batch(ImportBatch(map_id, "october.csv", "2026-10-31T10:00:00", rows=12))
        doc.insert_responses(_answers(cards, old, 0))
    copies = []
    for i in range(3):
        path = doc_path.with_name(f"store-{i + 1}.jmap")
        shutil.copy(doc_path, path)
        copies.append(path)
        with Document.open(path) as doc:  # MASTER's October survey stays in every copy
            batch = doc.add_batch(ImportBatch(map_id, f"november-{i + 1}.csv", "2026-11-30T10:00:00", rows=12))
            doc.insert_responses(_answers(cards, batch, i + 1))
    with Document.open(doc_path) as doc:
        doc.delete_touchpoint(cards[3])  # the copies' answers on it have nowhere to go
        result = apply_merge(doc, copies)
        assert result.touched.responses == 3 * 9 and result.touched.dropped_responses == 3 * 3
        assert not response_counts.check(doc._conn)
        raw = _monthly(doc, map_id)
        assert {(tid, month): counts for tid, months in survey_queries.monthly_counts(doc, map_id).items()
                for month, counts in months.items()} == raw
        assert sum(sum(v) for v in raw.values()) == 9 + 3 * 9  # October's 9 left on 3 cards, November's 27


def test_counts_of_copies_whose_batches_hold_all_their_answers(doc_path):
    """Copies sent out before any survey: every answer of each copy comes in (counted from the card index)."""
    Document.open(doc_path).close()
    copies = []
    with Document.open(doc_path) as doc:
        map_id = doc.maps()[0].id
        cards = [tp.id for tp in doc.touchpoints(map_id)][:3]
    for i in range(2):
        path = doc_path.with_name(f"copy-{i + 1}.jmap")
        shutil.copy(doc_path, path)
        copies.append(path)
        with Document.open(path) as doc:
            batch = doc.add_batch(ImportBatch(map_id, f"survey-{i + 1}.csv", "2026-11-30T10:00:00", rows=12))
            doc.insert_responses(_answers(cards, batch, i))
    with Document.open(doc_path) as doc:
        result = apply_merge(doc, copies)
        assert result.touched.responses == 24
        assert not response_counts.check(doc._conn)
        assert sum(sum(v) for v in _monthly(doc, map_id).values()) == 24


def test_answers_on_cards_whose_ids_differ_in_master_land_on_the_right_cards(doc_path):
    """Both sides added a card, so the copy's new card has another id in MASTER; and answers on many cards
    MASTER deleted here and there (more gaps than a few ranges): every answer still on its own card."""
    from journeymap.domain.model import Touchpoint

    Document.open(doc_path).close()
    path = doc_path.with_name("store.jmap")
    shutil.copy(doc_path, path)
    with Document.open(doc_path) as doc:
        map_id = doc.maps()[0].id
        cards = doc.touchpoints(map_id)
        doc.add_touchpoint(Touchpoint(map_id, cards[0].stage_id, cards[0].lane_id, "Master's own card"))
        gone = [tp.id for tp in cards[1:20:2]]  # ten cards, none next to another
        for card in gone:
            doc.delete_touchpoint(card)
    with Document.open(path) as doc:
        kiosk = doc.add_touchpoint(Touchpoint(map_id, cards[0].stage_id, cards[0].lane_id, "Kiosk"))
        batch = doc.add_batch(ImportBatch(map_id, "survey.csv", "2026-11-30T10:00:00", rows=4 + len(gone)))
        doc.insert_responses([(kiosk, 10, None, "", "2026-11-01", "", batch), (kiosk, 2, None, "", "", "", batch),
                              (cards[0].id, 8, None, "ok", "2026-11-02", "north", batch),
                              (cards[2].id, 0, None, "", None, "", batch),
                              *[(card, 9, None, "", "2026-11-03", "", batch) for card in gone]])
    with Document.open(doc_path) as doc:
        result = apply_merge(doc, [path])
        assert (result.touched.responses, result.touched.dropped_responses) == (4, len(gone))
        by_title = {tp.title: tp.id for tp in doc.touchpoints(map_id)}
        assert by_title["Kiosk"] != kiosk  # Master's own card took that id
        assert sorted(r.score for r in doc.responses(by_title["Kiosk"])) == [2, 10]
        assert [r.score for r in doc.responses(cards[0].id)] == [8]
        assert [r.score for r in doc.responses(cards[2].id)] == [0]
        assert doc.responses(by_title["Master's own card"]) == []
        assert not response_counts.check(doc._conn)


def test_counts_when_master_holds_the_highest_answer_id_sqlite_allows(doc_path):
    """New answers then get ids below MASTER's others (SQLite picks free ones): still counted, once each."""
    Document.open(doc_path).close()
    path = doc_path.with_name("store.jmap")
    shutil.copy(doc_path, path)
    with Document.open(path) as doc:
        map_id = doc.maps()[0].id
        cards = [tp.id for tp in doc.touchpoints(map_id)][:3]
        batch = doc.add_batch(ImportBatch(map_id, "survey.csv", "2026-11-30T10:00:00", rows=12))
        doc.insert_responses(_answers(cards, batch, 1))
    with Document.open(doc_path) as doc:
        old = doc.add_batch(ImportBatch(map_id, "old.csv", "2026-10-31T10:00:00", rows=1))
        with doc.transaction():
            doc.execute("INSERT INTO responses (id, touchpoint_id, score, date, segment, batch_id) "
                        "VALUES (9223372036854775807, ?, 10, '2026-10-01', 'north', ?)", [cards[0], old])
            response_counts.add(doc._conn, "r.batch_id = ?", [old])
        result = apply_merge(doc, [path])
        assert result.touched.responses == 12
        assert not response_counts.check(doc._conn)
        assert sum(sum(v) for v in _monthly(doc, map_id).values()) == 13
