"""Shared helpers of the import tests (a document with an accented map; state fingerprints)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
from journeymap.services.reporting import report_rows
from journeymap.storage import Document

TITLES = ("Atención en caja", "Probador", "Devolución", "Parking", "  parking ")


def make_doc(tmp_path: Path, name: str = "map.jmap") -> tuple[Document, int, dict[str, int]]:
    """A document with one map; two touchpoints share the normalised title "parking"."""
    doc = Document.create(tmp_path / name)
    map_id = doc.add_map(JourneyMap("Tienda"))
    stage = doc.add_stage(Stage(map_id, "Compra"))
    lane = doc.add_lane(Lane(map_id, "Puntos de contacto"))
    ids = {t: doc.add_touchpoint(Touchpoint(map_id, stage, lane, t)) for t in TITLES}
    return doc, map_id, ids


def fingerprint(doc: Document, map_id: int) -> tuple[str, int, int]:
    """(hash of the report rows, responses count, import batches count)."""
    rows = json.dumps(report_rows(doc, map_id), sort_keys=True, default=str)
    responses = doc.execute("SELECT COUNT(*) FROM responses").fetchone()[0]
    batches = doc.execute("SELECT COUNT(*) FROM import_batches").fetchone()[0]
    return hashlib.sha256(rows.encode()).hexdigest(), responses, batches


def by_title(doc: Document, map_id: int, segment: str | None = None) -> dict[str, dict[str, object]]:
    return {r["title"]: r for r in report_rows(doc, map_id, segment)}


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path
