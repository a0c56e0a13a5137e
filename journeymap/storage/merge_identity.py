"""The replica's clock and vector as a merge writes them (format 11's identity, storage.identity).

Kept apart so the merge writer names the identity tables in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeymap.storage.identity import quiet

if TYPE_CHECKING:
    from journeymap.storage.document import Document


def tick(doc: Document) -> int:
    """The next tick of this replica's clock (a merged value that neither copy had)."""
    doc.execute("UPDATE replica SET clock = clock + 1 WHERE id = 1")
    return int(doc.execute("SELECT clock FROM replica WHERE id = 1").fetchone()[0])


def see(doc: Document, replica: str, clock: int) -> None:
    """Record that this document has seen *replica* up to *clock* (never lowers what it had seen)."""
    doc.execute("INSERT INTO replica_seen (replica, clock) VALUES (?, ?) "
                "ON CONFLICT(replica) DO UPDATE SET clock = max(clock, excluded.clock)", [replica, clock])


__all__ = ["quiet", "see", "tick"]
