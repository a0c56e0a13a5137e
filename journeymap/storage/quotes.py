"""Quotes pinned on cards: read, add, remove (the undo commands use these)."""

from __future__ import annotations

from dataclasses import asdict

from journeymap.domain.model import Quote
from journeymap.storage.document import Document


def quotes(doc: Document, map_id: int) -> dict[int, list[Quote]]:
    """Touchpoint id -> its quotes in pinned order."""
    out: dict[int, list[Quote]] = {}
    for row in doc.execute(
        "SELECT q.touchpoint_id, q.text, q.response_id, q.score, q.position, q.id FROM quotes q "
        "JOIN touchpoints t ON t.id = q.touchpoint_id WHERE t.map_id = ? ORDER BY q.touchpoint_id, q.position, q.id",
        [map_id],
    ):
        out.setdefault(row[0], []).append(Quote(*row))
    return out


def quotes_of_touchpoints(doc: Document, touchpoint_ids: list[int]) -> dict[int, list[Quote]]:
    """Touchpoint id -> its quotes in pinned order, for these touchpoints only (those without quotes absent)."""
    out: dict[int, list[Quote]] = {}
    for start in range(0, len(touchpoint_ids), 500):
        chunk = touchpoint_ids[start:start + 500]
        for row in doc.execute(
            "SELECT touchpoint_id, text, response_id, score, position, id FROM quotes "
            f"WHERE touchpoint_id IN ({','.join('?' * len(chunk))}) ORDER BY touchpoint_id, position, id",
            chunk,
        ):
            out.setdefault(row[0], []).append(Quote(*row))
    return out


def add_quote(doc: Document, quote: Quote) -> int:
    """Insert *quote* (with its id when it has one: redo puts it back as it was)."""
    row = asdict(quote)
    if row["id"] is None:
        del row["id"]
        top = doc.execute("SELECT MAX(position) FROM quotes WHERE touchpoint_id = ?", [quote.touchpoint_id])
        row["position"] = (top.fetchone()[0] or 0) + 1
    cols = list(row)
    with doc.transaction():
        cur = doc.execute(f"INSERT INTO quotes ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                          [row[c] for c in cols])
    return int(cur.lastrowid)


def get_quote(doc: Document, quote_id: int) -> Quote | None:
    row = doc.execute("SELECT touchpoint_id, text, response_id, score, position, id FROM quotes WHERE id = ?",
                      [quote_id]).fetchone()
    return None if row is None else Quote(*row)


def quote_of_response(doc: Document, response_id: int) -> Quote | None:
    """The quote pinned from this survey answer, if any (the comments panel offers to unpin it)."""
    row = doc.execute("SELECT touchpoint_id, text, response_id, score, position, id FROM quotes "
                      "WHERE response_id = ? ORDER BY id LIMIT 1", [response_id]).fetchone()
    return None if row is None else Quote(*row)


def delete_quote(doc: Document, quote_id: int) -> None:
    with doc.transaction():
        doc.execute("DELETE FROM quotes WHERE id = ?", [quote_id])
