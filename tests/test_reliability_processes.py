"""Real processes: two windows on one file, and SIGKILL in the middle of editing."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import sys
import threading
import time
from pathlib import Path

import pytest
from helpers_process import held, spawn

from journeymap.domain.model import ImportBatch, JourneyMap, Lane, Note, Response, Stage, Touchpoint
from journeymap.storage import Document, DocumentError, DocumentLockedError

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks and signals")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def small_map(path: Path) -> int:
    with Document.create(path) as doc:
        m = doc.add_map(JourneyMap("M"))
        stages = [doc.add_stage(Stage(m, f"S{i}", i)) for i in range(3)]
        lanes = [doc.add_lane(Lane(m, f"L{i}", position=i)) for i in range(2)]
        for s in stages:
            doc.add_touchpoint(Touchpoint(m, s, lanes[0], f"seed {s}"))
    return m


def read_line(proc, timeout: float = 10.0) -> str:
    """One line of the child's stdout, failing (not hanging) if it never comes."""
    result: list[str] = []
    reader = threading.Thread(target=lambda: result.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    if not result or not result[0]:
        proc.kill()
        raise AssertionError(f"child said nothing; stderr: {proc.stderr.read()}")
    return result[0].strip()


# ------------------------------------------------------------ two windows
def test_second_process_is_locked_out_and_can_read(tmp_path: Path) -> None:
    path = tmp_path / "doc.jmap"
    m = small_map(path)
    child = spawn("hold", str(path))
    try:
        assert read_line(child) == "open"
        with pytest.raises(DocumentLockedError) as info:
            Document.open(path)
        assert str(path) in str(info.value) and "read-only" in str(info.value)
        assert not held(path)  # the refused open leaked nothing

        before = sha(path)
        with Document.open(path, read_only=True) as ro:
            assert ro.read_only
            assert ro.counts(m) == (3, 2, 3)
            tp = ro.touchpoints(m)[0]
            writes = [
                lambda: ro.add_map(JourneyMap("x")),
                lambda: ro.update_map(m, title="x"),
                lambda: ro.delete_map(m),
                lambda: ro.add_stage(Stage(m, "x")),
                lambda: ro.move_stage(ro.stages(m)[0].id, 2),
                lambda: ro.move_lane(ro.lanes(m)[0].id, 1),
                lambda: ro.add_touchpoint(Touchpoint(m, tp.stage_id, tp.lane_id, "x")),
                lambda: ro.update_touchpoint(tp.id, title="x"),
                lambda: ro.set_places({tp.id: (tp.stage_id, tp.lane_id, 3)}),
                lambda: ro.delete_touchpoint(tp.id),
                lambda: ro.add_note(Note(tp.id, "x")),
                lambda: ro.add_batch(ImportBatch(m, "x", "now")),
                lambda: ro.add_response(Response(tp.id, 5)),
                lambda: ro.insert_responses([(tp.id, 5, None, "", None, "", None)]),
                lambda: ro.restore(ro.snapshot(map_ids=[m])),
                lambda: ro.duplicate_map(m),
                lambda: ro.execute("DELETE FROM maps"),
                lambda: ro.executemany("DELETE FROM maps WHERE id = ?", [(m,)]),
            ]
            for write in writes:
                with pytest.raises(DocumentError, match="read-only"):
                    write()
            assert ro.counts(m) == (3, 2, 3)
        assert sha(path) == before
    finally:
        child.stdin.write("\n")
        child.stdin.flush()
    assert read_line(child) == "closed"
    assert child.wait(10) == 0
    # The child's close released the lock: we can write now.
    with Document.open(path) as doc:
        doc.update_map(m, title="mine now")


def test_lock_is_released_when_the_holder_dies(tmp_path: Path) -> None:
    path = tmp_path / "doc.jmap"
    small_map(path)
    child = spawn("hold", str(path))
    assert read_line(child) == "open"
    with pytest.raises(DocumentLockedError):
        Document.open(path)
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    with Document.open(path) as doc:
        assert doc.integrity_check() == "ok"


# -------------------------------------------------------------- crash safety
def parse_edits(lines: list[str], doc: Document, m: int) -> list[tuple[str, ...]]:
    """Edits reported done, plus the in-flight one if the document shows it landed."""
    done = [tuple(line.split()[2:]) for line in lines if line.startswith("done ")]
    begun = [line.split() for line in lines if line.startswith("begin ")]
    if begun and (not done or int(begun[-1][1]) > lines_done_n(lines)):
        kind, *rest = begun[-1][2:]
        tps = {t.id: t for t in doc.touchpoints(m)}
        if kind == "add":
            landed = [t.id for t in tps.values() if t.title == rest[1]]
            if landed:
                done.append(("add", str(landed[0]), rest[1]))
        elif kind == "title" and tps[int(rest[0])].title == rest[1]:
            done.append(("title", *rest))
        elif kind == "move":
            tp = tps[int(rest[0])]
            if (tp.stage_id, tp.lane_id) == (int(rest[1]), int(rest[2])):
                done.append(("move", *rest))
    return done


def lines_done_n(lines: list[str]) -> int:
    numbers = [int(line.split()[1]) for line in lines if line.startswith("done ")]
    return max(numbers, default=0)


def check_edits(doc: Document, m: int, edits: list[tuple[str, ...]]) -> None:
    """Every edit the child reported as done is in the document (replayed in order)."""
    added: dict[int, str] = {}
    title: dict[int, str] = {}
    cell: dict[int, tuple[int, int]] = {}
    for edit in edits:
        kind, tid = edit[0], int(edit[1])
        if kind == "add":
            added[tid] = title[tid] = edit[2]
        elif kind == "title":
            title[tid] = edit[2]
        elif kind == "move":
            cell[tid] = (int(edit[2]), int(edit[3]))
    tps = {t.id: t for t in doc.touchpoints(m)}
    for tid in added:
        assert tid in tps, f"touchpoint {tid} reported added but missing"
    for tid, expected in title.items():
        assert tps[tid].title == expected
    for tid, (stage, lane) in cell.items():
        assert (tps[tid].stage_id, tps[tid].lane_id) == (stage, lane)
    # Card order in every cell is still a dense 0..n-1 sequence.
    rows = doc.execute("SELECT stage_id, lane_id, position FROM touchpoints WHERE map_id = ?", [m]).fetchall()
    by_cell: dict[tuple[int, int], list[int]] = {}
    for s, l, p in rows:
        by_cell.setdefault((s, l), []).append(p)
    for positions in by_cell.values():
        assert sorted(positions) == list(range(len(positions)))


def test_sigkill_while_editing_loses_no_reported_edit(tmp_path: Path) -> None:
    path = tmp_path / "doc.jmap"
    m = small_map(path)
    rng = random.Random(20240601)
    all_edits: list[tuple[str, ...]] = []
    deadline = time.monotonic() + 12
    rounds = total_done = 0
    while rounds < 6 and (rounds < 3 or time.monotonic() < deadline):
        rounds += 1
        child = spawn("edit", str(path), str(m), str(rounds))
        lines: list[str] = []
        reader = threading.Thread(target=lambda c=child, out=lines: out.extend(c.stdout), daemon=True)
        reader.start()
        # Let it get going, then kill at a random moment mid-stream.
        start = time.monotonic()
        while not lines and time.monotonic() - start < 10:
            time.sleep(0.005)
        assert lines, f"child never edited: {child.stderr.read() if child.poll() is not None else ''}"
        time.sleep(rng.uniform(0.02, 0.4))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
        reader.join(5)
        assert lines_done_n(lines) > 0, "no edit completed before the kill"
        # The crashed file (and its WAL) reopens normally with every reported edit.
        with Document.open(path) as doc:
            assert doc.integrity_check() == "ok"
            assert doc.execute("PRAGMA foreign_key_check").fetchall() == []
            all_edits.extend(parse_edits([line.strip() for line in lines], doc, m))
            check_edits(doc, m, all_edits)
        total_done += lines_done_n(lines)
    assert rounds >= 3 and total_done > 3 * 5
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert not held(path)
