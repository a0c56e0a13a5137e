"""Snapshots for undo: every row that deleting some objects would remove, and putting them back.

A mixin of :class:`~journeymap.storage.document.Document`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from journeymap.storage import comments_index, events_schema, identity, response_counts
from journeymap.storage.rows import chunks, sql_value

Snapshot = dict[str, list[dict[str, Any]]]
# Parents before children, so that restoring satisfies foreign keys.
# (Photo blobs are not in snapshots: deleting a touchpoint leaves them, see storage.attachments.)
TABLE_ORDER = (
    "maps", "personas", "stages", "lanes", "import_batches", "touchpoints", "notes", "attachments", "quotes",
    "responses", "overall_responses", "map_personas", "connections", *events_schema.BATCH_TABLES,
)


class SnapshotsMixin:
    """``snapshot`` and ``restore`` of a :class:`Document`."""

    _conn: sqlite3.Connection

    # -------------------------------------------------------- snapshots for undo
    def snapshot(
        self,
        *,
        map_ids: Iterable[int] = (),
        stage_ids: Iterable[int] = (),
        lane_ids: Iterable[int] = (),
        touchpoint_ids: Iterable[int] = (),
        batch_ids: Iterable[int] = (),
        persona_ids: Iterable[int] = (),
        connection_ids: Iterable[int] = (),
    ) -> Snapshot:
        """Every row that deleting these objects would remove (cascades included).

        ``restore`` puts them back with their ids, which is how deletions undo.
        """
        map_ids, stage_ids, lane_ids = list(map_ids), list(stage_ids), list(lane_ids)
        touchpoint_ids, batch_ids = list(touchpoint_ids), list(batch_ids)
        snap: Snapshot = {t: [] for t in TABLE_ORDER}

        def grab(table: str, column: str, ids: list[int]) -> list[dict[str, Any]]:
            rows: list[dict[str, Any]] = []
            for chunk in chunks(ids, 500):
                marks = ",".join("?" * len(chunk))
                rows += self._raw_rows(f"SELECT * FROM {table} WHERE {column} IN ({marks})", chunk)
            return rows

        # The maps first, then the future states that name them as their source
        # (deleting a source clears source_map_id; restoring puts it back).
        maps = grab("maps", "id", map_ids)
        snap["maps"] = maps + [r for r in grab("maps", "source_map_id", map_ids) if r["id"] not in set(map_ids)]
        persona_ids = list(persona_ids)
        snap["personas"] = grab("personas", "id", persona_ids)
        assigned = grab("map_personas", "map_id", map_ids) + grab("map_personas", "persona_id", persona_ids)
        snap["map_personas"] = list({r["id"]: r for r in assigned}.values())
        snap["stages"] = grab("stages", "id", stage_ids) + grab("stages", "map_id", map_ids)
        snap["lanes"] = grab("lanes", "id", lane_ids) + grab("lanes", "map_id", map_ids)
        snap["import_batches"] = grab("import_batches", "id", batch_ids) + grab(
            "import_batches", "map_id", map_ids
        )
        tps = {
            r["id"]: r
            for r in grab("touchpoints", "id", touchpoint_ids)
            + grab("touchpoints", "stage_id", stage_ids)
            + grab("touchpoints", "lane_id", lane_ids)
            + grab("touchpoints", "map_id", map_ids)
        }
        snap["touchpoints"] = list(tps.values())
        tp_ids = list(tps)
        snap["notes"] = grab("notes", "touchpoint_id", tp_ids)
        snap["attachments"] = grab("attachments", "touchpoint_id", tp_ids)
        snap["quotes"] = grab("quotes", "touchpoint_id", tp_ids)
        responses = {r["id"]: r for r in grab("responses", "touchpoint_id", tp_ids)}
        all_batches = [b["id"] for b in snap["import_batches"]]
        responses.update({r["id"]: r for r in grab("responses", "batch_id", all_batches)})
        snap["responses"] = list(responses.values())
        overall = {r["id"]: r for r in grab("overall_responses", "map_id", map_ids)}
        overall.update({r["id"]: r for r in grab("overall_responses", "batch_id", all_batches)})
        snap["overall_responses"] = list(overall.values())
        for table in events_schema.BATCH_TABLES:  # event logs (their touchpoint ids are no foreign keys)
            snap[table] = grab(table, "batch_id", all_batches)
        snap["connections"] = list(
            {
                r["id"]: r
                for r in grab("connections", "id", list(connection_ids))
                + grab("connections", "map_id", map_ids)
                + grab("connections", "source_id", tp_ids)
                + grab("connections", "target_id", tp_ids)
            }.values()
        )
        return snap

    def _response_touchpoints(self, response_ids: list[int]) -> set[int]:
        out: set[int] = set()
        for i in range(0, len(response_ids), 500):
            chunk = response_ids[i:i + 500]
            out |= {r[0] for r in self._conn.execute(
                f"SELECT DISTINCT touchpoint_id FROM responses WHERE id IN ({','.join('?' * len(chunk))})", chunk)}
        return out

    def restore(self, snap: Snapshot) -> None:
        """Put the rows of *snap* back as they were, uuids and revisions included (a quiet write)."""
        with identity.quiet(self):  # type: ignore[arg-type]
            for table in TABLE_ORDER:
                rows = snap.get(table) or []
                if not rows:
                    continue
                cols = list(rows[0])
                # An upsert, not INSERT OR REPLACE: REPLACE deletes the old row
                # first, and with foreign keys on that cascades to its children.
                updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id") or "id = id"
                sql = (
                    f"INSERT INTO {table} ({', '.join(cols)}) "
                    f"VALUES ({', '.join('?' * len(cols))}) "
                    f"ON CONFLICT(id) DO UPDATE SET {updates}"
                )
                if table == "responses":  # rows still there are re-indexed with their restored text
                    comments_index.forget_ids(self._conn, [r["id"] for r in rows])
                    # The touchpoints of the rows there now count again too (an id may have been reused).
                    touched = {r["touchpoint_id"] for r in rows} | self._response_touchpoints([r["id"] for r in rows])
                self._conn.executemany(sql, [[sql_value(r[c]) for c in cols] for r in rows])
                if table == "responses":
                    comments_index.index_ids(self._conn, [r["id"] for r in rows])
                    # Touchpoints restored with them (undo of a deletion) count their answers again.
                    response_counts.recount(self._conn, touched)
