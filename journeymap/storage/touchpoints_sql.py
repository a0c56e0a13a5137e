"""Touchpoints (the cards) of a document, their places in the grid's cells, and their notes.

A mixin of :class:`~journeymap.storage.document.Document`; it relies on the
document's ``transaction()`` and row helpers and its connection ``_conn``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from journeymap.domain.messages import QT_TRANSLATE_NOOP, message
from journeymap.domain.model import Note, Touchpoint
from journeymap.storage import comments_index
from journeymap.storage.errors import DocumentError
from journeymap.storage.rows import (
    TOUCHPOINT_FIELDS,
    check_fields,
    chunks,
    db_values,
    touchpoint_from_row,
    touchpoints_from_rows,
)

THERE_IS_NO_TOUCHPOINT_WITH_ID = message("document.there_is_no_touchpoint_with_id", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: there is no touchpoint with id %2."))
STAGE_LANE_IS_NOT_A_CELL = message("document.stage_lane_is_not_a_cell", "DocumentError",
    QT_TRANSLATE_NOOP("DocumentError", "%1: stage %2 / lane %3 is not a cell of map %4."))


class TouchpointsMixin:
    """Touchpoint and note I/O of a :class:`Document`."""

    _conn: sqlite3.Connection
    path: Path

    # ---------------------------------------------------------------- touchpoints
    def touchpoints(self, map_id: int) -> list[Touchpoint]:
        rows = self._conn.execute(
            "SELECT t.* FROM touchpoints t "
            "JOIN stages s ON s.id = t.stage_id JOIN lanes l ON l.id = t.lane_id "
            "WHERE t.map_id = ? ORDER BY s.position, l.position, t.position, t.id",
            [map_id],
        )
        return touchpoints_from_rows([d[0] for d in rows.description], rows)

    def touchpoint(self, touchpoint_id: int) -> Touchpoint:
        rows = self._rows("SELECT * FROM touchpoints WHERE id = ?", [touchpoint_id])
        if not rows:
            raise DocumentError(THERE_IS_NO_TOUCHPOINT_WITH_ID, self.path, touchpoint_id)
        return touchpoint_from_row(rows[0])

    def add_touchpoint(self, touchpoint: Touchpoint, index: int | None = None) -> int:
        """Insert a touchpoint in its cell at *index* (default: last)."""
        with self.transaction():
            row = db_values(asdict(touchpoint))
            ids = self._cell_ids(touchpoint.map_id, touchpoint.stage_id, touchpoint.lane_id)
            row["position"] = len(ids)
            new_id = self._insert("touchpoints", row)
            if index is not None and index < len(ids):
                ids.insert(max(0, index), new_id)
                self._renumber(ids)
        return new_id

    def append_touchpoint(self, touchpoint: Touchpoint) -> int:
        """Insert a touchpoint at the position it carries, without renumbering its cell.

        For bulk loads that number each cell themselves (import-map): reading the
        cell back for every card made them quadratic.
        """
        row = {f.name: getattr(touchpoint, f.name) for f in TOUCHPOINT_FIELDS}  # asdict deep-copies
        return self._insert("touchpoints", db_values(row))

    def update_touchpoint(self, touchpoint_id: int, **values: Any) -> None:
        self._update("touchpoints", touchpoint_id, db_values(check_fields(Touchpoint, values)))

    def delete_touchpoint(self, touchpoint_id: int) -> None:
        with self.transaction():
            tp = self.touchpoint(touchpoint_id)
            comments_index.forget(self._conn, "touchpoint_id = ?", [touchpoint_id])
            self._delete("touchpoints", touchpoint_id)
            self._renumber(self._cell_ids(tp.map_id, tp.stage_id, tp.lane_id))

    def delete_touchpoints(self, ids: Iterable[int]) -> None:
        """Delete many touchpoints in one transaction: a statement per 500 ids and one renumbering per cell."""
        ids = list(dict.fromkeys(ids))
        with self.transaction():
            cells: dict[int, set[tuple[int, int]]] = {}
            for chunk in chunks(ids, 500):
                marks = ",".join("?" * len(chunk))
                for m, sid, lid in self._conn.execute(
                    f"SELECT DISTINCT map_id, stage_id, lane_id FROM touchpoints WHERE id IN ({marks})", chunk
                ):
                    cells.setdefault(m, set()).add((sid, lid))
            for chunk in chunks(ids, 500):
                marks = ",".join("?" * len(chunk))
                comments_index.forget(self._conn, f"touchpoint_id IN ({marks})", chunk)
                self._conn.execute(f"DELETE FROM touchpoints WHERE id IN ({marks})", chunk)
            for m, in_map in cells.items():
                for cell_ids in self.cells_ids(m, in_map).values():
                    self._renumber(cell_ids)

    def touchpoints_by_id(self, ids: Iterable[int]) -> dict[int, Touchpoint]:
        """The touchpoints with these ids (missing ones left out), in one query per 500 ids."""
        out: dict[int, Touchpoint] = {}
        for chunk in chunks(list(dict.fromkeys(ids)), 500):
            marks = ", ".join("?" for _ in chunk)
            for row in self._rows(f"SELECT * FROM touchpoints WHERE id IN ({marks})", chunk):
                out[row["id"]] = touchpoint_from_row(row)
        return out

    def places(self, ids: Iterable[int]) -> dict[int, tuple[int, int, int]]:
        """(stage_id, lane_id, position) of these touchpoints, in one query per 500 ids."""
        out: dict[int, tuple[int, int, int]] = {}
        for chunk in chunks(list(dict.fromkeys(ids)), 500):
            marks = ", ".join("?" for _ in chunk)
            for tid, sid, lid, pos in self._conn.execute(
                f"SELECT id, stage_id, lane_id, position FROM touchpoints WHERE id IN ({marks})", chunk
            ):
                out[tid] = (sid, lid, pos)
        return out

    def set_places(self, places: dict[int, tuple[int, int, int]]) -> None:
        """Put each touchpoint at its (stage_id, lane_id, position): one UPDATE for all of them.

        The caller writes only the rows whose place changes (a drag writes a few rows,
        not whole cells); the stages and lanes must belong to the touchpoints' map.
        """
        if not places:
            return
        with self.transaction():
            for chunk in chunks(list(places), 300):
                cases = " ".join("WHEN ? THEN ?" for _ in chunk)
                params: list[Any] = []
                for column in range(3):
                    for tid in chunk:
                        params += [tid, places[tid][column]]
                params += chunk
                cur = self._conn.execute(
                    f"UPDATE touchpoints SET stage_id = CASE id {cases} END, lane_id = CASE id {cases} END, "
                    f"position = CASE id {cases} END WHERE id IN ({', '.join('?' for _ in chunk)})",
                    params,
                )
                if cur.rowcount != len(chunk):
                    raise DocumentError(THERE_IS_NO_TOUCHPOINT_WITH_ID, self.path, chunk)
                marks = ", ".join("?" for _ in chunk)
                strays = self._conn.execute(
                    "SELECT t.id, t.stage_id, t.lane_id, t.map_id FROM touchpoints t "
                    "LEFT JOIN stages s ON s.id = t.stage_id LEFT JOIN lanes l ON l.id = t.lane_id "
                    f"WHERE t.id IN ({marks}) AND (s.map_id IS NOT t.map_id OR l.map_id IS NOT t.map_id) LIMIT 1",
                    chunk,
                ).fetchone()
                if strays:  # raising rolls the whole edit back
                    _tid, sid, lid, mid = strays
                    raise DocumentError(STAGE_LANE_IS_NOT_A_CELL, self.path, sid, lid, mid)

    def cell_ids(self, map_id: int, stage_id: int, lane_id: int) -> list[int]:
        """Touchpoint ids of one cell, in display order."""
        return self._cell_ids(map_id, stage_id, lane_id)

    def cells_ids(self, map_id: int, cells: Iterable[tuple[int, int]]) -> dict[tuple[int, int], list[int]]:
        """``cell_ids`` of several (stage_id, lane_id) cells: with more than a few, one query for the map."""
        cells = set(cells)
        if len(cells) <= 4:
            return {cell: self._cell_ids(map_id, *cell) for cell in cells}
        out: dict[tuple[int, int], list[int]] = {cell: [] for cell in cells}
        for tid, sid, lid in self._conn.execute(
            "SELECT id, stage_id, lane_id FROM touchpoints WHERE map_id = ? ORDER BY position, id", [map_id]
        ):
            ids = out.get((sid, lid))
            if ids is not None:
                ids.append(tid)
        return out

    def _cell_ids(self, map_id: int, stage_id: int, lane_id: int) -> list[int]:
        return [
            r[0]
            for r in self._conn.execute(
                "SELECT id FROM touchpoints WHERE map_id = ? AND stage_id = ? AND lane_id = ? "
                "ORDER BY position, id",
                [map_id, stage_id, lane_id],
            )
        ]

    def _renumber(self, ids: list[int]) -> None:
        self._conn.executemany(
            "UPDATE touchpoints SET position = ? WHERE id = ? AND position != ?",
            [(i, tid, i) for i, tid in enumerate(ids)],
        )

    # ---------------------------------------------------------------------- notes
    def notes(self, touchpoint_id: int) -> list[Note]:
        return [
            Note(**r)
            for r in self._rows(
                "SELECT * FROM notes WHERE touchpoint_id = ? ORDER BY created_at, id", [touchpoint_id]
            )
        ]

    def add_note(self, note: Note) -> int:
        return self._insert("notes", asdict(note))

    def update_note(self, note_id: int, **values: Any) -> None:
        self._update("notes", note_id, check_fields(Note, values))

    def delete_note(self, note_id: int) -> None:
        self._delete("notes", note_id)
