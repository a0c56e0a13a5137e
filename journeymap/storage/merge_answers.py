"""The survey answers of the import batches a merge brings in (issue 18): copied SQL to SQL, then counted.

The private copies of the other files are attached to MASTER's connection, so
the answers go from one file to the other without passing through Python. Their
aggregate counts (``storage.response_counts``) are then counted from the rows
MASTER now holds, as an import counts its own: the counts are those of the
answers written, cards already translated. The per-score counts of all of them
in one pass of the card index (they are the answers above MASTER's last id), the
monthly ones batch by batch. Grouping them on each copy in worker threads instead,
and sending the groups through Python into MASTER's upserts, cost more work in all
(callgrind: 2.2 G instructions a copy of 100,000 answers instead of 1.8 G even
when counted batch by batch), which on a busy machine is what the merge waits for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from journeymap.storage import comments_index, response_counts
from journeymap.storage.responses_sql import REBUILD_MIN_ROWS, bulk_cache
from journeymap.storage.schema import INDEXES

if TYPE_CHECKING:
    from journeymap.storage.document import Document
    from journeymap.storage.merge_write import Insert, Touched, WriteSet

REBUILT_INDEX = "idx_responses_touchpoint"


def copy_answers(doc: Document, ws: WriteSet, batches: Sequence[tuple[Insert, int]], names: Sequence[str],
                 ids: Mapping[str, Mapping[str, int]], touched: Touched) -> None:
    """Every incoming batch's answers on MASTER's cards, the counts and the comments index kept in step.

    A big page cache while they go in; the card index rebuilt once when they
    outnumber the answers already there (one sort instead of a b-tree insert per
    row, as the importer does).
    """
    old_of = {new_id: ws.source_ids[ins.source]["import_batches"][ins.uuid] for ins, new_id in batches}
    by_source: dict[int, list[int]] = {}
    for ins, new_id in batches:
        by_source.setdefault(ins.source, []).append(old_of[new_id])
    mine = ids.get("touchpoints", {})
    card_maps = {i: {oid: mine[u] for u, oid in ws.source_ids[i]["touchpoints"].items() if u in mine}
                 for i in by_source}
    incoming = sum(doc.execute(f"SELECT COUNT(*) FROM {names[ins.source]}.responses WHERE batch_id = ?",
                               [old_of[new_id]]).fetchone()[0] for ins, new_id in batches)
    have, top = doc.execute("SELECT COUNT(*), coalesce(max(id), 0) FROM responses").fetchone()
    responses_before = touched.responses
    rebuild = incoming >= max(have, REBUILD_MIN_ROWS)
    with bulk_cache(doc):
        if rebuild:
            doc.execute(f"DROP INDEX {REBUILT_INDEX}")
        # WITHOUT ROWID: one b-tree seek per answer instead of two (the key, then the row): 0.02 s per 100,000.
        doc.execute("CREATE TEMP TABLE merge_card_ids (src INTEGER, other INTEGER, mine INTEGER NOT NULL, "
                    "PRIMARY KEY (src, other)) WITHOUT ROWID")
        try:
            for i, cards in card_maps.items():
                doc.executemany("INSERT INTO temp.merge_card_ids VALUES (?, ?, ?)",
                                [(i, o, m) for o, m in cards.items()])
            kept = {i: _kept_ids(cards) for i, cards in card_maps.items()}
            for ins, new_id in batches:
                _copy(doc, ins.source, old_of[new_id], new_id, names[ins.source], ws, ids, touched,
                      kept[ins.source])
        finally:
            doc.execute("DROP TABLE temp.merge_card_ids")
        if rebuild:
            doc.execute(INDEXES[REBUILT_INDEX])
        new_ids = [new_id for _, new_id in batches]
        comments_index.index(doc._conn, f"batch_id IN ({','.join('?' * len(new_ids))})", new_ids)  # noqa: SLF001
        # Every answer written here has an id above MASTER's last one (SQLite numbers new rows after the
        # highest): counted in one pass of the card index. The months batch by batch: one sort of 100,000
        # answers five times costs less than one of 500,000.
        conn = doc._conn  # noqa: SLF001
        appended = doc.execute("SELECT COUNT(*) FROM responses WHERE id > ?", [top]).fetchone()[0]
        ordered = appended == touched.responses - responses_before
        for batch_id in new_ids:  # else ids out of order (MASTER's last answer had the highest id SQLite allows)
            (response_counts.add_months if ordered else response_counts.add)(conn, "r.batch_id = ?", [batch_id])
        if ordered:
            response_counts.add_counts_after(conn, top)


# The copy's cards as at most this many runs of ids kept in MASTER: more, and the answers go through the join.
KEPT_RUNS = 8


def _kept_ids(cards: Mapping[int, int]) -> str | None:
    """SQL true of exactly the answers on *cards* (copy id → MASTER id) when every one kept its id; else None.

    A copy made by copying MASTER's file has MASTER's card ids, so its answers
    need no translation, only the test that their card is one MASTER has: a
    range of ids or a few, instead of a lookup in the id map for each answer
    (0.04 s instead of 0.06 s per 100,000).
    """
    if not cards or any(o != m for o, m in cards.items()):
        return None
    runs: list[list[int]] = []
    for card in sorted(cards):
        if runs and card == runs[-1][1] + 1:
            runs[-1][1] = card
        elif len(runs) == KEPT_RUNS:
            return None
        else:
            runs.append([card, card])
    return " OR ".join(f"r.touchpoint_id BETWEEN {int(a)} AND {int(b)}" for a, b in runs)


def _copy(doc: Document, src_index: int, old: int, batch_id: int, src: str, ws: WriteSet,
          ids: Mapping[str, Mapping[str, int]], touched: Touched, kept: str | None) -> None:
    """One batch's responses and overall answers, SQL to SQL, on MASTER's cards (*kept*: see ``_kept_ids``)."""
    total = doc.execute(f"SELECT COUNT(*) FROM {src}.responses WHERE batch_id = ?", [old]).fetchone()[0]
    columns = ("INSERT INTO main.responses (touchpoint_id, score, sentiment, comment, date, segment, batch_id, "
               "overall_score) SELECT {card}, r.score, r.sentiment, r.comment, r.date, r.segment, ?, r.overall_score ")
    if kept is None:
        cur = doc.execute(
            columns.format(card="m.mine") + f"FROM {src}.responses r JOIN temp.merge_card_ids m "
            "ON m.src = ? AND m.other = r.touchpoint_id WHERE r.batch_id = ?", [batch_id, src_index, old])
    else:
        cur = doc.execute(columns.format(card="r.touchpoint_id") + f"FROM {src}.responses r "
                          f"WHERE r.batch_id = ? AND ({kept})", [batch_id, old])
    touched.responses += cur.rowcount
    touched.dropped_responses += total - cur.rowcount
    maps = ids.get("maps", {})
    for u, oid in ws.source_ids[src_index].get("maps", {}).items():
        if u in maps:
            doc.execute("INSERT INTO main.overall_responses (map_id, score, date, segment, batch_id) "
                        f"SELECT ?, score, date, segment, ? FROM {src}.overall_responses "
                        "WHERE batch_id = ? AND map_id = ? ORDER BY id", [maps[u], batch_id, old, oid])


__all__ = ["copy_answers"]
