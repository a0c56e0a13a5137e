"""Maps, stages and lanes of a document: their rows, their order, and copying a whole map.

A mixin of :class:`~journeymap.storage.document.Document`; it relies on the
document's ``transaction()`` and row helpers (``_insert``, ``_update``,
``_delete``, ``_rows``) and its connection ``_conn``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict
from pathlib import Path
from typing import Any

from journeymap.domain.messages import QT_TRANSLATE_NOOP, message
from journeymap.domain.model import BlueprintLine, JourneyMap, Lane, Stage
from journeymap.storage import comments_index
from journeymap.storage.errors import DocumentError
from journeymap.storage.rows import check_fields, db_values, lane_kind

THERE_IS_NO_MAP_WITH_ID = message("document.there_is_no_map_with_id", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: there is no map with id %2."))
THERE_IS_NO_WITH_ID = message("document.there_is_no_with_id", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: there is no %2 with id %3."))


class StructureMixin:
    """Map, stage and lane I/O of a :class:`Document`."""

    _conn: sqlite3.Connection
    path: Path

    # ----------------------------------------------------------------------- maps
    def maps(self) -> list[JourneyMap]:
        return [JourneyMap(**r) for r in self._rows("SELECT * FROM maps ORDER BY position, id")]

    def get_map(self, map_id: int) -> JourneyMap:
        rows = self._rows("SELECT * FROM maps WHERE id = ?", [map_id])
        if not rows:
            raise DocumentError(THERE_IS_NO_MAP_WITH_ID, self.path, map_id)
        return JourneyMap(**rows[0])

    def add_map(self, journey_map: JourneyMap) -> int:
        return self._insert("maps", asdict(journey_map))

    def update_map(self, map_id: int, **values: Any) -> None:
        self._update("maps", map_id, check_fields(JourneyMap, values))

    def delete_map(self, map_id: int) -> None:
        with self.transaction():
            comments_index.forget(
                self._conn, "touchpoint_id IN (SELECT id FROM touchpoints WHERE map_id = ?) "
                "OR batch_id IN (SELECT id FROM import_batches WHERE map_id = ?)", [map_id, map_id])
            self._delete("maps", map_id)

    # --------------------------------------------------------------------- stages
    def stages(self, map_id: int) -> list[Stage]:
        return [
            Stage(**r)
            for r in self._rows("SELECT * FROM stages WHERE map_id = ? ORDER BY position, id", [map_id])
        ]

    def add_stage(self, stage: Stage) -> int:
        return self._insert("stages", asdict(stage))

    def update_stage(self, stage_id: int, **values: Any) -> None:
        self._update("stages", stage_id, check_fields(Stage, values))

    def delete_stage(self, stage_id: int) -> None:
        with self.transaction():
            comments_index.forget(self._conn, "touchpoint_id IN (SELECT id FROM touchpoints WHERE stage_id = ?)",
                                  [stage_id])
            self._delete("stages", stage_id)

    def move_stage(self, stage_id: int, index: int) -> int:
        """Move a stage to *index* among its map's stages; returns its old index."""
        return self._reorder("stages", stage_id, index)

    # ---------------------------------------------------------------------- lanes
    def lanes(self, map_id: int) -> list[Lane]:
        return [
            Lane(**{**r, "kind": lane_kind(r["kind"]), "line_below": BlueprintLine(r["line_below"])})
            for r in self._rows("SELECT * FROM lanes WHERE map_id = ? ORDER BY position, id", [map_id])
        ]

    def add_lane(self, lane: Lane) -> int:
        return self._insert("lanes", db_values(asdict(lane)))

    def update_lane(self, lane_id: int, **values: Any) -> None:
        self._update("lanes", lane_id, db_values(check_fields(Lane, values)))

    def delete_lane(self, lane_id: int) -> None:
        with self.transaction():
            comments_index.forget(self._conn, "touchpoint_id IN (SELECT id FROM touchpoints WHERE lane_id = ?)",
                                  [lane_id])
            self._delete("lanes", lane_id)

    def move_lane(self, lane_id: int, index: int) -> int:
        return self._reorder("lanes", lane_id, index)

    def positions(self, table: str, row_id: int) -> dict[int, int]:
        """id -> stored position of every stage (or lane) in the map of *row_id*.

        Moving or inserting renumbers all of them 0..n-1, so undo saves and
        restores the exact numbers, not just the order of what is left.
        """
        if table not in ("stages", "lanes"):
            raise ValueError(f"positions of {table!r}")
        return {
            r[0]: r[1]
            for r in self._conn.execute(
                f"SELECT id, position FROM {table} WHERE map_id = (SELECT map_id FROM {table} WHERE id = ?)",
                [row_id],
            )
        }

    def set_positions(self, table: str, positions: dict[int, int]) -> None:
        """Put back positions saved by :meth:`positions`."""
        if table not in ("stages", "lanes"):
            raise ValueError(f"positions of {table!r}")
        with self.transaction():
            self._conn.executemany(
                f"UPDATE {table} SET position = ? WHERE id = ? AND position != ?",
                [(pos, row_id, pos) for row_id, pos in positions.items()],
            )

    def _reorder(self, table: str, row_id: int, index: int) -> int:
        with self.transaction():
            row = self._conn.execute(f"SELECT map_id FROM {table} WHERE id = ?", [row_id]).fetchone()
            if row is None:
                raise DocumentError(THERE_IS_NO_WITH_ID, self.path, table[:-1], row_id)
            map_id = row[0]
            ids = [
                r[0]
                for r in self._conn.execute(
                    f"SELECT id FROM {table} WHERE map_id = ? ORDER BY position, id", [map_id]
                )
            ]
            old = ids.index(row_id)
            ids.remove(row_id)
            ids.insert(max(0, min(index, len(ids))), row_id)
            self._conn.executemany(
                f"UPDATE {table} SET position = ? WHERE id = ?", list(enumerate(ids))
            )
        return old

    def duplicate_map(self, map_id: int, title: str | None = None, future_state: bool = False) -> int:
        """Copy a map with its stages, lanes, touchpoints, notes, photos, connections and personas
        (not responses).

        A *future_state* copy names the map as its source and each card the
        card it was copied from, so the two can be compared later.
        """
        with self.transaction():
            src = self.get_map(map_id)
            position = 1 + max((m.position for m in self.maps()), default=0)
            new_map = self.add_map(
                JourneyMap(
                    title=title or f"{src.title} (copy)",
                    description=src.description,
                    persona_name=src.persona_name,
                    persona_description=src.persona_description,
                    position=position,
                    source_map_id=map_id if future_state else None,
                )
            )
            stage_ids = {
                s.id: self.add_stage(Stage(new_map, s.name, s.position, s.colour)) for s in self.stages(map_id)
            }
            lane_ids = {
                l.id: self.add_lane(Lane(new_map, l.name, l.kind, l.position, l.colour, l.line_below))
                for l in self.lanes(map_id)
            }
            card_ids: dict[int, int] = {}
            for tp in self.touchpoints(map_id):
                old_id = tp.id
                tp.id, tp.map_id = None, new_map
                tp.stage_id, tp.lane_id = stage_ids[tp.stage_id], lane_ids[tp.lane_id]
                tp.origin_id = old_id if future_state else None
                new_tp = self._insert("touchpoints", db_values(asdict(tp)))
                card_ids[old_id] = new_tp
                note_ids = {}
                for note in self.notes(old_id):
                    old_note, note.id, note.touchpoint_id = note.id, None, new_tp
                    note_ids[old_note] = self.add_note(note)
                self._conn.execute(
                    "INSERT INTO attachments (touchpoint_id, note_id, position, file_name, mime_type, sha256, "
                    "width, height, bytes, created_at) SELECT ?, NULL, position, file_name, mime_type, sha256, "
                    "width, height, bytes, created_at FROM attachments WHERE touchpoint_id = ? ORDER BY id",
                    [new_tp, old_id],
                )
                for old_note, new_note in note_ids.items():
                    self._conn.execute(
                        "UPDATE attachments SET note_id = ? WHERE touchpoint_id = ? AND sha256 IN "
                        "(SELECT sha256 FROM attachments WHERE touchpoint_id = ? AND note_id = ?)",
                        [new_note, new_tp, old_id, old_note],
                    )
            self._conn.executemany(
                "INSERT INTO connections (map_id, source_id, target_id, label) VALUES (?, ?, ?, ?)",
                [(new_map, card_ids[c.source_id], card_ids[c.target_id], c.label) for c in self.connections(map_id)],
            )
            self.set_map_personas(new_map, [p.id for p in self.map_personas(map_id)])
        return new_map

    def counts(self, map_id: int) -> tuple[int, int, int]:
        """(stages, lanes, touchpoints) of a map."""
        row = self._conn.execute(
            "SELECT (SELECT COUNT(*) FROM stages WHERE map_id = :m), "
            "(SELECT COUNT(*) FROM lanes WHERE map_id = :m), "
            "(SELECT COUNT(*) FROM touchpoints WHERE map_id = :m)",
            {"m": map_id},
        ).fetchone()
        return row[0], row[1], row[2]
