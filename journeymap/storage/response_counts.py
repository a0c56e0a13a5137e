"""Aggregate counts of the survey responses (format 9): what reports read instead of every answer.

Two tables, kept equal to the raw ``responses`` in the transaction that changes them:

* ``response_counts``, per (touchpoint, segment, score): answers, answers with a
  sentiment and its sum. NPS, margins and sentiment per touchpoint, with or
  without a segment, are sums over at most touchpoints x segments x 12 rows,
  however many responses there are (reading every response: 2.6 s at 10M);
* ``response_months``, per (touchpoint, segment, month) of dated answers:
  promoters, passives and detractors, for the monthly trends (per score it was
  8x the rows, and a map's trend over them took 200 ms at 1M responses).

Imports add their batch's rows (``add``); removing a batch subtracts them before
its rows go (``subtract``) and putting it back adds them again; deleting
touchpoints (stages, lanes, maps) cascades to their counts (foreign keys); undoing
that recounts the touchpoints whose responses came back (``recount``). ``check``
lists where the counts and the raw rows disagree.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

COUNTS, MONTHS = "response_counts", "response_months"
# score -1: an answer without a 0-10 score (a satisfaction question's sentiment only);
# month '': no date, or one that does not start with a real YYYY-MM.
TABLES: dict[str, str] = {
    COUNTS: f"""
        CREATE TABLE {COUNTS} (
            touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
            segment TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN -1 AND 10),
            n INTEGER NOT NULL,
            sentiment_n INTEGER NOT NULL,
            sentiment_sum REAL NOT NULL
        )""",
    MONTHS: f"""
        CREATE TABLE {MONTHS} (
            touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
            segment TEXT NOT NULL,
            month TEXT NOT NULL CHECK (length(month) = 7),
            promoters INTEGER NOT NULL,
            passives INTEGER NOT NULL,
            detractors INTEGER NOT NULL
        )""",
}
# Their keys (what the upserts of ``add`` meet); the touchpoint first, for reading and for the cascade.
INDEXES: dict[str, str] = {
    "idx_response_counts_key": (
        f"CREATE UNIQUE INDEX idx_response_counts_key ON {COUNTS}(touchpoint_id, segment, score)"),
    "idx_response_months_key": (
        f"CREATE UNIQUE INDEX idx_response_months_key ON {MONTHS}(touchpoint_id, month, segment)"),
}

_MONTH = ("CASE WHEN r.date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]*' "
          "AND substr(r.date, 6, 2) BETWEEN '01' AND '12' THEN substr(r.date, 1, 7) ELSE '' END")
_GROUPED = (f"SELECT r.touchpoint_id AS tid, r.segment AS seg, {_MONTH} AS month, coalesce(r.score, -1) AS score, "
            "COUNT(*) AS n, COUNT(r.sentiment) AS sn, TOTAL(r.sentiment) AS ss FROM responses r "
            "WHERE {where} GROUP BY 1, 2, 3, 4")
# Each table's rows straight from the responses matching {where}: no finer grouping in between
# (grouping 1M rows by touchpoint, segment, month and score first cost 4.6 s of an import; this 2 s).
_COUNTS_OF = ("SELECT r.touchpoint_id AS tid, r.segment AS seg, coalesce(r.score, -1) AS score, COUNT(*) AS n, "
              "COUNT(r.sentiment) AS sn, TOTAL(r.sentiment) AS ss FROM responses r WHERE {where} GROUP BY 1, 2, 3")
# A real month is tested once, in WHERE, then taken as it is: the same rows as ``month != ''`` on
# ``_MONTH``, without computing the CASE again for the result and the group (a fifth of its time).
_REAL_MONTH = "r.date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]*' AND substr(r.date, 6, 2) BETWEEN '01' AND '12'"
assert _MONTH == f"CASE WHEN {_REAL_MONTH} THEN substr(r.date, 1, 7) ELSE '' END"
_MONTHS_OF = ("SELECT r.touchpoint_id AS tid, r.segment AS seg, substr(r.date, 1, 7) AS month, "
              "TOTAL(r.score >= 9) AS p, TOTAL(r.score BETWEEN 7 AND 8) AS q, TOTAL(r.score BETWEEN 0 AND 6) AS d "
              f"FROM responses r WHERE ({{where}}) AND {_REAL_MONTH} AND r.score IS NOT NULL GROUP BY 1, 2, 3")
# Promoters, passives, detractors per (touchpoint, segment, month) of grouped rows in {source}.
_MONTHLY = ("SELECT tid, seg, month, TOTAL(n * (score >= 9)) AS p, TOTAL(n * (score BETWEEN 7 AND 8)) AS q, "
            "TOTAL(n * (score BETWEEN 0 AND 6)) AS d FROM {source} WHERE month != '' AND score >= 0 "
            "GROUP BY tid, seg, month")


_ADD_COUNTS = (f"INSERT INTO {COUNTS} {{select}} ON CONFLICT DO UPDATE SET n = n + excluded.n, "
               "sentiment_n = sentiment_n + excluded.sentiment_n, "
               "sentiment_sum = sentiment_sum + excluded.sentiment_sum")
# The counts of the responses with ids above a given one, in one pass of the covering card index (touchpoint,
# score, sentiment, segment, then the rowid): grouped in the index's order, then only the groups by segment,
# instead of sorting every row (a merge's 500,000 answers: 0.18 s instead of 0.5 s).
_COUNTS_AFTER = ("SELECT tid, seg, score, SUM(n), SUM(sn), TOTAL(ss) FROM (SELECT r.touchpoint_id AS tid, "
                 "coalesce(r.score, -1) AS score, r.segment AS seg, COUNT(*) AS n, COUNT(r.sentiment) AS sn, "
                 "TOTAL(r.sentiment) AS ss FROM responses r INDEXED BY idx_responses_touchpoint WHERE r.id > ? "
                 "GROUP BY r.touchpoint_id, r.score, r.sentiment, r.segment) WHERE 1 GROUP BY tid, seg, score")


def add(conn: sqlite3.Connection, where: str = "1", params: Sequence[Any] = ()) -> None:
    """Count in the responses matching *where* (SQL over ``responses r``), after they were inserted."""
    add_months(conn, where, params)
    conn.execute(_ADD_COUNTS.format(select=_COUNTS_OF.format(where=where)), list(params))


def add_months(conn: sqlite3.Connection, where: str, params: Sequence[Any] = ()) -> None:
    """The monthly counts only of ``add`` (with ``add_counts_after`` for the rest)."""
    conn.execute(
        f"INSERT INTO {MONTHS} {_MONTHS_OF.format(where=where)} ON CONFLICT DO UPDATE SET "
        "promoters = promoters + excluded.promoters, passives = passives + excluded.passives, "
        "detractors = detractors + excluded.detractors", list(params))


def add_counts_after(conn: sqlite3.Connection, after_id: int) -> None:
    """The per-score counts of ``add`` for the responses whose id is above *after_id* (those appended since)."""
    conn.execute(_ADD_COUNTS.format(select=_COUNTS_AFTER), [after_id])


def subtract(conn: sqlite3.Connection, where: str, params: Sequence[Any] = ()) -> None:
    """Count out the responses matching *where*, before they are deleted."""
    params = list(params)
    conn.execute(
        f"UPDATE {MONTHS} SET promoters = {MONTHS}.promoters - d.p, passives = {MONTHS}.passives - d.q, "
        f"detractors = {MONTHS}.detractors - d.d FROM ({_MONTHS_OF.format(where=where)}) d "
        f"WHERE {MONTHS}.touchpoint_id = d.tid AND {MONTHS}.month = d.month AND {MONTHS}.segment = d.seg", params)
    conn.execute(
        f"UPDATE {COUNTS} SET n = {COUNTS}.n - d.n, sentiment_n = {COUNTS}.sentiment_n - d.sn, "
        f"sentiment_sum = {COUNTS}.sentiment_sum - d.ss FROM ({_COUNTS_OF.format(where=where)}) d "
        f"WHERE {COUNTS}.touchpoint_id = d.tid AND {COUNTS}.segment = d.seg AND {COUNTS}.score = d.score", params)
    gone = f"touchpoint_id IN (SELECT DISTINCT r.touchpoint_id FROM responses r WHERE {where})"
    conn.execute(f"DELETE FROM {MONTHS} WHERE promoters + passives + detractors <= 0 AND {gone}", params)
    conn.execute(f"DELETE FROM {COUNTS} WHERE n <= 0 AND {gone}", params)


def recount(conn: sqlite3.Connection, touchpoint_ids: Iterable[int]) -> None:
    """Count these touchpoints' responses again from the raw rows."""
    ids = list(dict.fromkeys(touchpoint_ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for table in (MONTHS, COUNTS):
            conn.execute(f"DELETE FROM {table} WHERE touchpoint_id IN ({marks})", chunk)
        add(conn, f"r.touchpoint_id IN ({marks})", chunk)


# The upgrade to format 9 counts every response (plain statements: migrations are lists of SQL).
POPULATE_MONTHS = f"INSERT INTO {MONTHS} {_MONTHLY.format(source='(' + _GROUPED.format(where='1') + ')')}"
POPULATE_COUNTS = (f"INSERT INTO {COUNTS} SELECT tid, seg, score, SUM(n), SUM(sn), TOTAL(ss) "
                   f"FROM ({_GROUPED.format(where='1')}) GROUP BY tid, seg, score")


def check(conn: sqlite3.Connection) -> list[str]:
    """Where the counts and the raw responses disagree (empty when they agree)."""
    problems = []
    raw_months = {tuple(r) for r in conn.execute(_MONTHLY.format(source="(" + _GROUPED.format(where="1") + ")"))}
    months = {tuple(r) for r in conn.execute(
        f"SELECT touchpoint_id, segment, month, promoters, passives, detractors FROM {MONTHS}")}
    problems += [f"{MONTHS}: {r}" for r in sorted(raw_months ^ months, key=repr)]
    raw = {(t, g, s): (n, sn, round(ss, 6)) for t, g, s, n, sn, ss in conn.execute(
        f"SELECT tid, seg, score, SUM(n), SUM(sn), TOTAL(ss) FROM ({_GROUPED.format(where='1')}) "
        "GROUP BY tid, seg, score")}
    stored = {(t, g, s): (n, sn, round(ss, 6)) for t, g, s, n, sn, ss in conn.execute(
        f"SELECT touchpoint_id, segment, score, n, sentiment_n, sentiment_sum FROM {COUNTS}")}
    problems += [f"{COUNTS}: {k} {raw.get(k)} != {stored.get(k)}"
                 for k in sorted(set(raw) | set(stored), key=repr) if raw.get(k) != stored.get(k)]
    return problems
