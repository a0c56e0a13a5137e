"""Import batches and the survey answers they brought: rows, bulk inserts and NPS counts.

A mixin of :class:`~journeymap.storage.document.Document`; the importer's bulk
path and its undo live in :mod:`journeymap.storage.responses_sql`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from journeymap.domain.model import ImportBatch, Response
from journeymap.storage import comments_index, response_counts
from journeymap.storage.rows import check_fields


class AnswersMixin:
    """Import batch and response I/O of a :class:`Document`."""

    _conn: sqlite3.Connection

    # ------------------------------------------------------ responses and batches
    def add_batch(self, batch: ImportBatch) -> int:
        return self._insert("import_batches", asdict(batch))

    def update_batch(self, batch_id: int, **values: Any) -> None:
        self._update("import_batches", batch_id, check_fields(ImportBatch, values))

    def batches(self, map_id: int) -> list[ImportBatch]:
        return [
            ImportBatch(**r)
            for r in self._rows(
                "SELECT * FROM import_batches WHERE map_id = ? ORDER BY imported_at, id", [map_id]
            )
        ]

    def delete_batch(self, batch_id: int) -> None:
        with self.transaction():
            comments_index.forget(self._conn, "batch_id = ?", [batch_id])
            response_counts.subtract(self._conn, "r.batch_id = ?", [batch_id])
            self._delete("import_batches", batch_id)

    def add_response(self, response: Response) -> int:
        with self.transaction():
            new_id = self._insert("responses", asdict(response))
            comments_index.index_ids(self._conn, [new_id])
            response_counts.add(self._conn, "r.id = ?", [new_id])
        return new_id

    def insert_responses(self, rows: Iterable[tuple[Any, ...]], with_overall: bool = False) -> int:
        """Bulk insert of (touchpoint_id, score, sentiment, comment, date, segment, batch_id) tuples
        (followed by the respondent's overall score when *with_overall*).

        Runs inside the caller's transaction when there is one, so an importer
        can stream millions of rows and still commit or roll back as a unit.
        """
        extra = (", overall_score", ", ?") if with_overall else ("", "")
        with self.transaction():
            top = self._conn.execute("SELECT MAX(id) FROM responses").fetchone()[0] or 0
            cur = self._conn.executemany(
                f"INSERT INTO responses (touchpoint_id, score, sentiment, comment, date, segment, batch_id"
                f"{extra[0]}) VALUES (?, ?, ?, ?, ?, ?, ?{extra[1]})",
                rows,
            )
            comments_index.index(self._conn, "id > ?", [top])
            response_counts.add(self._conn, "r.id > ?", [top])
        return cur.rowcount

    def responses(self, touchpoint_id: int) -> list[Response]:
        return [
            Response(**r)
            for r in self._rows(
                "SELECT * FROM responses WHERE touchpoint_id = ? ORDER BY date, id", [touchpoint_id]
            )
        ]

    def response_counts(
        self, map_id: int, segment: str | None = None, touchpoint_ids: Iterable[int] | None = None
    ) -> dict[int, tuple[int, int, int, float, int]]:
        """Per touchpoint: (promoters, passives, detractors, sentiment sum, sentiment count).

        Read from the aggregate counts (``storage.response_counts``): at most
        segments x 12 rows per touchpoint, however many responses there are; the
        score groups are folded here. With *touchpoint_ids*, only those touchpoints.
        """
        if touchpoint_ids is None:
            scope, params = "SELECT id FROM touchpoints WHERE map_id = ?", [map_id]
        else:
            ids = list(touchpoint_ids)
            if len(ids) > 500:
                wanted = set(ids)
                return {k: v for k, v in self.response_counts(map_id, segment).items() if k in wanted}
            scope, params = ",".join("?" * len(ids)), ids
        if self._counted():
            sql = (
                "SELECT c.touchpoint_id, nullif(c.score, -1), SUM(c.n), TOTAL(c.sentiment_sum), SUM(c.sentiment_n) "
                f"FROM response_counts c WHERE c.touchpoint_id IN ({scope})"
            )
            column = "c.segment"
        else:  # an older format opened read-only (not upgraded): from the raw rows, by the covering index
            sql = (
                "SELECT r.touchpoint_id, r.score, COUNT(*), TOTAL(r.sentiment), COUNT(r.sentiment) "
                f"FROM responses r WHERE r.touchpoint_id IN ({scope})"
            )
            column = "r.segment"
        params = list(params)
        if segment:
            sql += f" AND {column} = ?"
            params.append(segment)
        sql += f" GROUP BY 1, {'c' if column[0] == 'c' else 'r'}.score"
        out: dict[int, tuple[int, int, int, float, int]] = {}
        for tid, score, n, total, counted in self._conn.execute(sql, params):
            p, q, d, s, c = out.get(tid, (0, 0, 0, 0.0, 0))
            if score is None:  # sentiment-only answers
                pass
            elif score >= 9:
                p += n
            elif score >= 7:
                q += n
            else:
                d += n
            out[tid] = (p, q, d, s + total, c + counted)
        return out

    def _counted(self) -> bool:
        """Whether the document keeps aggregate counts (format 9 on; an older one opened read-only does not)."""
        known = self.__dict__.get("_has_counts")
        if known is None:
            known = self._has_counts = self._conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'response_counts'").fetchone() is not None
        return known

    def overall_counts(self, map_id: int, segment: str | None = None) -> tuple[int, int, int]:
        """(promoters, passives, detractors) of the map's overall (relationship) NPS answers."""
        sql = "SELECT score, COUNT(*) FROM overall_responses WHERE map_id = ?"
        params: list[Any] = [map_id]
        if segment:
            sql += " AND segment = ?"
            params.append(segment)
        p = q = d = 0
        for score, n in self._conn.execute(sql + " GROUP BY score", params):
            if score >= 9:
                p += n
            elif score >= 7:
                q += n
            else:
                d += n
        return p, q, d

    def insert_overall(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """Bulk insert of (map_id, score, date, segment, batch_id) overall NPS answers."""
        with self.transaction():
            self._conn.executemany(
                "INSERT INTO overall_responses (map_id, score, date, segment, batch_id) VALUES (?, ?, ?, ?, ?)", rows
            )

    def segments(self, map_id: int) -> list[str]:
        return [
            r[0]
            for r in self._conn.execute(
                "SELECT DISTINCT segment FROM responses WHERE segment != '' AND touchpoint_id IN "
                "(SELECT id FROM touchpoints WHERE map_id = ?) ORDER BY segment",
                [map_id],
            )
        ]

    def score_history(self, touchpoint_id: int) -> list[tuple[str, int]]:
        """(date, score) of dated responses, oldest first, for trend charts."""
        return [
            (r[0], r[1])
            for r in self._conn.execute(
                "SELECT date, score FROM responses WHERE touchpoint_id = ? AND date IS NOT NULL "
                "AND score IS NOT NULL ORDER BY date",
                [touchpoint_id],
            )
        ]
