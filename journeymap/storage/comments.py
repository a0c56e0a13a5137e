"""What customers said: the promoters' and detractors' comments that decks and reports quote."""

from __future__ import annotations

from typing import NamedTuple

from journeymap.storage.document import Document

# Promoters answer 9-10, detractors 0-6 (domain.metrics.classify).
_KINDS = {"promoter": ("r.score >= 9", "r.score DESC"), "detractor": ("r.score <= 6", "r.score ASC")}


class Comment(NamedTuple):
    touchpoint_id: int
    touchpoint: str
    score: int
    text: str
    date: str | None


def top_comments(doc: Document, map_id: int, kind: str, limit: int = 5, segment: str | None = None,
                 touchpoint_ids: list[int] | None = None) -> list[Comment]:
    """The *limit* most telling comments of promoters or detractors of a map.

    Most extreme score first, then the fuller comment (a sentence says more
    than "ok"), then the newest. At most two per touchpoint, so one loud card
    does not fill the slide, and each text once (many customers write the
    same sentence; the slide shows five different voices).
    """
    where, order = _KINDS[kind]
    sql = (
        "SELECT r.touchpoint_id, t.title, r.score, r.comment, r.date FROM responses r "
        "JOIN touchpoints t ON t.id = r.touchpoint_id "
        f"WHERE t.map_id = ? AND {where} AND trim(r.comment) != ''"
    )
    params: list[object] = [map_id]
    if segment:
        sql += " AND r.segment = ?"
        params.append(segment)
    if touchpoint_ids is not None:
        sql += f" AND r.touchpoint_id IN ({','.join('?' * len(touchpoint_ids))})"
        params.extend(touchpoint_ids)
    sql += f" ORDER BY {order}, length(r.comment) DESC, r.date DESC, r.id LIMIT ?"
    params.append(max(1, limit) * 8)
    out: list[Comment] = []
    per_card: dict[int, int] = {}
    said: set[str] = set()
    for tid, title, score, text, when in doc.execute(sql, params):
        text = " ".join(str(text).split())
        if per_card.get(tid, 0) >= 2 or text.casefold() in said:
            continue
        per_card[tid] = per_card.get(tid, 0) + 1
        said.add(text.casefold())
        out.append(Comment(tid, title, int(score), text, when))
        if len(out) >= limit:
            break
    return out
