"""Child-process side of the reliability tests (run as a script, not collected).

    python tests/helpers_process.py hold PATH
        open PATH for writing, print "open", wait for a line on stdin, close.
    python tests/helpers_process.py edit PATH MAP_ID SEED
        make edits forever, one transaction each, printing "begin N <what>"
        before and "done N <what>" (flushed) after each commit, until killed.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from journeymap.domain.grid import Grid, gather  # noqa: E402
from journeymap.domain.model import Touchpoint  # noqa: E402
from journeymap.storage import Document  # noqa: E402


def move(doc: Document, map_id: int, tid: int, stage: int, lane: int, index: int) -> None:
    """Move a card as the editor does: the grid's cell orders, then one write of the rows that change."""
    cells: dict = {}
    for tp in doc.touchpoints(map_id):
        cells.setdefault((tp.stage_id, tp.lane_id), []).append(tp.id)
    grid = Grid.of([s.id for s in doc.stages(map_id)], [la.id for la in doc.lanes(map_id)], cells)
    after = gather(grid, [tid], (stage, lane), index)
    old = doc.places([t for ids in after.values() for t in ids])
    new = {t: (cell[0], cell[1], i) for cell, ids in after.items() for i, t in enumerate(ids)}
    with doc.transaction():
        doc.set_places({t: p for t, p in new.items() if old[t] != p})


def held(path: Path) -> bool:
    """Whether this process still holds a descriptor (and maybe the lock) on *path*."""
    from journeymap.storage.disk import FileHandle

    st = os.stat(path)
    return (st.st_dev, st.st_ino) in FileHandle._open


def spawn(*args: str) -> subprocess.Popen[str]:
    """Start this script in a child Python with pipes for stdin/stdout."""
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, bufsize=1, cwd=ROOT,
    )


def hold(path: str) -> None:
    doc = Document.open(path)
    print("open", flush=True)
    sys.stdin.readline()
    doc.close()
    print("closed", flush=True)


def edit(path: str, map_id: int, seed: int) -> None:
    """Edit loop.  "begin N WHAT" before an edit, "done N WHAT" once it is committed.

    WHAT is "add ID TITLE", "move ID STAGE LANE" or "title ID TITLE" (an add's
    "begin" line has "?" for the id, not known yet).  Every "done" edit must
    survive a kill; the one "begin" without "done" may or may not.
    """
    rng = random.Random(seed)
    doc = Document.open(path)
    stages = [s.id for s in doc.stages(map_id)]
    lanes = [l.id for l in doc.lanes(map_id)]
    ids = [t.id for t in doc.touchpoints(map_id)]
    n = 0
    while True:
        n += 1
        action = rng.random()
        if action < 0.4 or not ids:
            title = f"s{seed}-{n}"
            stage, lane = rng.choice(stages), rng.choice(lanes)
            print(f"begin {n} add ? {title}", flush=True)
            new_id = doc.add_touchpoint(Touchpoint(map_id, stage, lane, title), index=rng.randint(0, 3))
            ids.append(new_id)
            what = f"add {new_id} {title}"
        elif action < 0.7:
            tid, stage, lane = rng.choice(ids), rng.choice(stages), rng.choice(lanes)
            print(f"begin {n} move {tid} {stage} {lane}", flush=True)
            move(doc, map_id, tid, stage, lane, rng.randint(0, 5))
            what = f"move {tid} {stage} {lane}"
        else:
            tid = rng.choice(ids)
            title = f"t{seed}-{n}"
            print(f"begin {n} title {tid} {title}", flush=True)
            doc.update_touchpoint(tid, title=title, impact=rng.randint(1, 5))
            what = f"title {tid} {title}"
        print(f"done {n} {what}", flush=True)


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "hold":
        hold(sys.argv[2])
    elif command == "edit":
        edit(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:  # pragma: no cover
        raise SystemExit(f"unknown command {command}")
