"""Photos of touchpoints: the ``attachments`` rows and the blobs they point at.

The pixels of a photo are stored once per sha256 in ``attachment_blobs``
(with a small thumbnail the cards draw, so opening a map never decodes a
full photo); ``attachments`` rows place a blob on a touchpoint (and optionally
beside a note) in gallery order.  Deleting a touchpoint cascades to its rows
but leaves the blobs, so undoing the deletion finds them again; blobs no row
uses any more are removed when the document closes (:func:`purge_orphan_blobs`).
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import TYPE_CHECKING

from journeymap.domain.model import Attachment

if TYPE_CHECKING:
    from journeymap.storage.document import Document

_COLUMNS = tuple(f.name for f in fields(Attachment))
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM attachments"


def _attachment(row: tuple) -> Attachment:
    return Attachment(**dict(zip(_COLUMNS, row)))


def has_blob(doc: Document, sha256: str) -> bool:
    return doc.execute("SELECT 1 FROM attachment_blobs WHERE sha256 = ?", [sha256]).fetchone() is not None


def add_blob(doc: Document, sha256: str, data: bytes, thumbnail: bytes) -> bool:
    """Store a photo's bytes under its hash; False when they were already there."""
    with doc.transaction():
        cur = doc.execute(
            "INSERT OR IGNORE INTO attachment_blobs (sha256, data, thumbnail) VALUES (?, ?, ?)",
            [sha256, data, thumbnail],
        )
    return cur.rowcount == 1


def blob(doc: Document, sha256: str) -> bytes | None:
    row = doc.execute("SELECT data FROM attachment_blobs WHERE sha256 = ?", [sha256]).fetchone()
    return bytes(row[0]) if row else None


def thumbnail(doc: Document, sha256: str) -> bytes | None:
    row = doc.execute("SELECT thumbnail FROM attachment_blobs WHERE sha256 = ?", [sha256]).fetchone()
    return bytes(row[0]) if row else None


def attachments(doc: Document, touchpoint_id: int) -> list[Attachment]:
    """A touchpoint's photos in gallery order."""
    rows = doc.execute(f"{_SELECT} WHERE touchpoint_id = ? ORDER BY position, id", [touchpoint_id])
    return [_attachment(r) for r in rows]


def attachment(doc: Document, attachment_id: int) -> Attachment | None:
    row = doc.execute(f"{_SELECT} WHERE id = ?", [attachment_id]).fetchone()
    return _attachment(row) if row else None


def find(doc: Document, touchpoint_id: int, sha256: str) -> Attachment | None:
    """The touchpoint's attachment of this photo, if it has one already."""
    row = doc.execute(
        f"{_SELECT} WHERE touchpoint_id = ? AND sha256 = ? ORDER BY id LIMIT 1", [touchpoint_id, sha256]
    ).fetchone()
    return _attachment(row) if row else None


def _ids(doc: Document, touchpoint_id: int) -> list[int]:
    return [
        r[0]
        for r in doc.execute(
            "SELECT id FROM attachments WHERE touchpoint_id = ? ORDER BY position, id", [touchpoint_id]
        )
    ]


def _renumber(doc: Document, ids: list[int]) -> None:
    doc.executemany(
        "UPDATE attachments SET position = ? WHERE id = ? AND position != ?", [(i, a, i) for i, a in enumerate(ids)]
    )


def add(doc: Document, att: Attachment, index: int | None = None) -> int:
    """Insert *att* (keeping its id when it has one, as undo needs) at *index* of its gallery (default: last)."""
    with doc.transaction():
        ids = _ids(doc, att.touchpoint_id)
        row = asdict(att)
        if row["id"] is None:
            del row["id"]
        row["position"] = len(ids)
        cur = doc.execute(
            f"INSERT INTO attachments ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
        )
        new_id = int(cur.lastrowid)
        if index is not None and index < len(ids):
            ids.insert(max(0, index), new_id)
            _renumber(doc, ids)
    return new_id


def delete(doc: Document, attachment_id: int) -> int | None:
    """Remove one attachment (its blob stays until close); returns its old index."""
    with doc.transaction():
        att = attachment(doc, attachment_id)
        if att is None:
            return None
        ids = _ids(doc, att.touchpoint_id)
        doc.execute("DELETE FROM attachments WHERE id = ?", [attachment_id])
        old = ids.index(attachment_id)
        ids.remove(attachment_id)
        _renumber(doc, ids)
    return old


def move(doc: Document, attachment_id: int, index: int) -> int:
    """Move an attachment to *index* within its gallery; returns its old index."""
    with doc.transaction():
        att = attachment(doc, attachment_id)
        if att is None:
            raise KeyError(attachment_id)
        ids = _ids(doc, att.touchpoint_id)
        old = ids.index(attachment_id)
        ids.remove(attachment_id)
        ids.insert(max(0, min(index, len(ids))), attachment_id)
        _renumber(doc, ids)
    return old


def set_note(doc: Document, attachment_ids: list[int], note_id: int | None) -> None:
    with doc.transaction():
        doc.executemany("UPDATE attachments SET note_id = ? WHERE id = ?", [(note_id, a) for a in attachment_ids])


def of_note(doc: Document, note_id: int) -> list[int]:
    return [r[0] for r in doc.execute("SELECT id FROM attachments WHERE note_id = ? ORDER BY id", [note_id])]


def photo_counts(doc: Document, map_id: int) -> dict[int, tuple[int, str]]:
    """touchpoint id -> (number of photos, sha256 of the first) for every card with photos."""
    out: dict[int, tuple[int, str]] = {}
    rows = doc.execute(
        "SELECT a.touchpoint_id, a.sha256, a.position FROM attachments a "
        "JOIN touchpoints t ON t.id = a.touchpoint_id WHERE t.map_id = ? "
        "ORDER BY a.touchpoint_id, a.position, a.id",
        [map_id],
    )
    for tid, sha, _pos in rows:
        n, first = out.get(tid, (0, sha))
        out[tid] = (n + 1, first)
    return out


def photo_counts_of(doc: Document, touchpoint_ids: list[int]) -> dict[int, tuple[int, str]]:
    """``photo_counts`` of these touchpoints only (a query per 500 ids, not one per card)."""
    out: dict[int, tuple[int, str]] = {}
    for i in range(0, len(touchpoint_ids), 500):
        chunk = touchpoint_ids[i:i + 500]
        rows = doc.execute(
            f"SELECT touchpoint_id, sha256 FROM attachments WHERE touchpoint_id IN ({','.join('?' * len(chunk))}) "
            "ORDER BY touchpoint_id, position, id",
            chunk,
        )
        for tid, sha in rows:
            n, first = out.get(tid, (0, sha))
            out[tid] = (n + 1, first)
    return out


def stored_bytes(doc: Document) -> int:
    """Bytes of photo data (and thumbnails) in the document."""
    row = doc.execute("SELECT TOTAL(length(data) + length(thumbnail)) FROM attachment_blobs").fetchone()
    return int(row[0])


def purge_orphan_blobs(doc: Document) -> int:
    """Remove the blobs no attachment uses (after deletions); returns how many went."""
    with doc.transaction():
        cur = doc.execute(
            "DELETE FROM attachment_blobs WHERE NOT EXISTS "
            "(SELECT 1 FROM attachments a WHERE a.sha256 = attachment_blobs.sha256)"
        )
    return cur.rowcount
