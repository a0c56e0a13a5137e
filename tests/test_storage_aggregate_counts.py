"""Format 9: the responses' aggregate counts equal the raw responses after any sequence of edits.

Imports (bulk and small), removing and restoring import batches (undo/redo),
deleting cards and undoing that, deleting a stage: after each step the counts
the reports read (``storage.response_counts``) are recomputed from the raw rows
and compared, and the per-touchpoint NPS answered from them equals the one
computed from the raw rows in Python.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from helpers_formats import downgrade
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from journeymap.domain.model import ImportBatch, JourneyMap, Lane, Response, Stage, Touchpoint
from journeymap.storage import Document, DocumentError, response_counts, responses_sql, schema

SEGMENTS = ("", "north", "online")
DATES = (None, "2026-01-05", "2026-01-31", "2026-02-10", "2026-12-01 10:00", "05/03/2026", "2026-13-01", "")


def base_document(path: Path) -> tuple[Path, list[int]]:
    with Document.create(path) as doc:
        m = doc.add_map(JourneyMap("M"))
        stages = [doc.add_stage(Stage(m, f"S{i}", i)) for i in range(2)]
        lane = doc.add_lane(Lane(m, "L"))
        ids = [doc.add_touchpoint(Touchpoint(m, stages[i % 2], lane, f"T{i}")) for i in range(4)]
    return path, ids


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return base_document(tmp_path_factory.mktemp("agg") / "base.jmap")


answer = st.tuples(
    st.integers(0, 3),  # which touchpoint
    st.one_of(st.none(), st.integers(0, 10)),
    st.one_of(st.none(), st.sampled_from([-1.0, -0.35, 0.0, 0.5, 1.0])),
    st.sampled_from(DATES),
    st.sampled_from(SEGMENTS),
).filter(lambda a: a[1] is not None or a[2] is not None)

step = st.one_of(
    st.tuples(st.just("import"), st.lists(answer, min_size=1, max_size=30), st.booleans()),
    st.tuples(st.just("add_one"), answer),
    st.tuples(st.just("remove_batch"), st.integers(0, 5)),
    st.tuples(st.just("delete_card"), st.integers(0, 3)),
    st.tuples(st.just("delete_stage"), st.integers(0, 1)),
    st.tuples(st.just("undo"), st.just(0)),
    st.tuples(st.just("redo"), st.just(0)),
)


def nps_from_raw(doc: Document, map_id: int, segment: str | None) -> dict[int, tuple[int, int, int, float, int]]:
    out: dict[int, tuple[int, int, int, float, int]] = {}
    for tp in doc.touchpoints(map_id):
        p = q = d = c = 0
        s = 0.0
        for r in doc.responses(tp.id):
            if segment and r.segment != segment:
                continue
            if r.score is not None:
                p, q, d = p + (r.score >= 9), q + (7 <= r.score <= 8), d + (r.score <= 6)
            if r.sentiment is not None:
                s, c = s + r.sentiment, c + 1
        if p or q or d or c:
            out[tp.id] = (p, q, d, round(s, 6), c)
    return out


def stored(doc: Document, map_id: int, segment: str | None) -> dict[int, tuple[int, int, int, float, int]]:
    return {tid: (p, q, d, round(s, 6), c) for tid, (p, q, d, s, c) in doc.response_counts(map_id, segment).items()
            if p or q or d or c}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])  # shrinking these sequences took minutes
@given(steps=st.lists(step, min_size=1, max_size=12))
def test_aggregates_equal_the_raw_responses_after_any_edits(tmp_path, template, steps):
    source, ids = template
    path = tmp_path / f"doc-{abs(hash(repr(steps)))}.jmap"
    shutil.copy(source, path)
    with Document.open(path) as doc:
        map_id = doc.maps()[0].id
        # What the editor's undo stack does (last in, first out; a new edit clears the redo side).
        undo: list[tuple[str, object]] = []
        redo: list[tuple[str, object]] = []

        def delete(kind: str, target: int) -> None:
            if kind == "delete_card":
                snap = doc.snapshot(touchpoint_ids=[target])
                doc.delete_touchpoints([target])
            else:
                snap = doc.snapshot(stage_ids=[target])
                doc.delete_stage(target)
            undo.append((kind, (snap, target)))

        def undo_or_redo(kind: str) -> None:
            what, data = (undo if kind == "undo" else redo)[-1]
            if kind == "undo":
                if what == "import":
                    redo.append((what, responses_sql.stash_batch(doc, data)))
                elif what == "remove_batch":
                    responses_sql.unstash_batch(doc, data)
                    redo.append((what, data.batch.id))
                else:
                    snap, target = data
                    doc.restore(snap)
                    redo.append((what, target))
                undo.pop()
            else:
                redo.pop()
                if what == "import":
                    responses_sql.unstash_batch(doc, data)
                    undo.append((what, data.batch.id))
                elif what == "remove_batch":
                    undo.append((what, responses_sql.stash_batch(doc, data)))
                else:
                    delete(what, data)

        for kind, *args in steps:
            live = [t.id for t in doc.touchpoints(map_id)]
            batches = [b.id for b in doc.batches(map_id)]
            if kind in ("import", "add_one", "remove_batch", "delete_card", "delete_stage"):
                redo.clear()
            if kind == "import" and live:
                rows, bulk = args
                with doc.transaction():
                    batch = doc.add_batch(ImportBatch(map_id, "survey.csv", "2026-06-01", len(rows), 0))
                    targets = [(live[i % len(live)], *rest) for i, *rest in rows]
                    if bulk:  # the importer's background writer
                        with responses_sql.ResponseWriter(doc, batch, ("touchpoint_id", "score", "sentiment",
                                                                       "date", "segment")) as writer:
                            writer.put([v for t in targets for v in t])
                            writer.finish()
                    else:
                        doc.insert_responses([(t, s, x, "", d, g, batch) for t, s, x, d, g in targets])
                undo.append(("import", batch))
            elif kind == "add_one" and live:
                i, score, sentiment, date, segment = args[0]
                doc.add_response(Response(live[i % len(live)], score, sentiment, "", date, segment))
            elif kind == "remove_batch" and batches:
                undo.append(("remove_batch", responses_sql.stash_batch(doc, batches[args[0] % len(batches)])))
            elif kind == "delete_card" and live:
                delete(kind, live[args[0] % len(live)])
            elif kind == "delete_stage" and doc.stages(map_id):
                stages = doc.stages(map_id)
                delete(kind, stages[args[0] % len(stages)].id)
            elif kind in ("undo", "redo") and (undo if kind == "undo" else redo):
                try:
                    undo_or_redo(kind)
                except (sqlite3.IntegrityError, DocumentError):
                    # Ids reused by a later edit (a known limit of undo by ids): the step is
                    # rolled back whole, and the counts must still equal the rows.
                    pass
            assert response_counts.check(doc._conn) == [], (kind, args)
            for segment in (None, "north"):
                assert stored(doc, map_id, segment) == nps_from_raw(doc, map_id, segment), (kind, segment)


def surveyed(path: Path) -> Path:
    path, ids = base_document(path)
    with Document.open(path) as doc:
        doc.insert_responses([(ids[i % 4], i % 11, (i % 5 - 2) / 2, "", f"2026-0{1 + i % 3}-02", SEGMENTS[i % 3],
                               None) for i in range(300)])
    return path


@pytest.mark.parametrize("version", [7, 8])
def test_an_older_document_is_counted_when_upgraded(tmp_path, version):
    path = surveyed(tmp_path / "old.jmap")
    with Document.open(path, read_only=True) as doc:
        expected = {s: doc.response_counts(doc.maps()[0].id, s) for s in (None, "north")}
    downgrade(path, version)
    with Document.open(path, read_only=True) as doc:  # read-only: not upgraded, and counted from nothing
        assert doc._conn.execute("PRAGMA user_version").fetchone()[0] == version
    with Document.open(path) as doc:
        assert doc._conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert response_counts.check(doc._conn) == []
        assert {s: doc.response_counts(doc.maps()[0].id, s) for s in (None, "north")} == expected
        months = doc._conn.execute("SELECT DISTINCT month FROM response_months ORDER BY month").fetchall()
        assert months == [("2026-01",), ("2026-02",), ("2026-03",)]
