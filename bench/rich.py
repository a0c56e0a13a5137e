"""Benchmarks of the richer map: 2,000 cards with 1,000 connections (open, repaint, move)."""

from __future__ import annotations

import random
import shutil
import statistics
import time
from pathlib import Path

from bench import data

CONNECTIONS = 1000


def connected_map() -> Path:
    """The 2,000-card map with 1,000 connections: mostly flow to a nearby card, some branches and loops."""
    path = data.DATA / "big-2000-connected.jmap"
    if path.exists():
        return path
    from journeymap.domain.model import Connection
    from journeymap.storage import Document

    tmp = path.with_suffix(".part")
    tmp.unlink(missing_ok=True)
    shutil.copy(data.big_map(), tmp)
    rng = random.Random(14)
    with Document.open(tmp) as doc:
        map_id = doc.maps()[0].id
        ids = [tp.id for tp in doc.touchpoints(map_id)]
        with doc.transaction():
            for i in range(CONNECTIONS):
                a = ids[(i * 2) % len(ids)]
                step = rng.choice((1, 1, 1, 2, 30, 31, -29, 0))
                b = ids[((i * 2) + step) % len(ids)]
                doc.add_connection(Connection(map_id, a, b, "" if i % 5 else f"flow {i}"))
    shutil.move(tmp, path)
    return path


def _session(name: str):
    from journeymap.storage import Document
    from journeymap.ui.session import DocumentSession

    return DocumentSession(Document.open(data.fresh_copy(connected_map(), name)))


def open_connected() -> float:
    """Open the document and build its whole scene, arrows routed."""
    from journeymap.app import create_app

    create_app()
    from journeymap.storage import Document
    from journeymap.ui.scene import MapScene
    from journeymap.ui.session import DocumentSession

    path = data.fresh_copy(connected_map(), "open-connected.jmap")
    t0 = time.perf_counter()
    session = DocumentSession(Document.open(path))
    scene = MapScene(session)
    elapsed = time.perf_counter() - t0
    assert len(scene.rich.connections.items) == CONNECTIONS
    return elapsed


def repaint_connected() -> float:
    """One full repaint of a 1920x1080 viewport at 100 % (median of 20 frames)."""
    from bench.frames import median_repaint
    from journeymap.app import create_app

    return median_repaint(create_app(), _session("repaint-connected.jmap"))


def move_connected() -> float:
    """Move a connected card to another cell: command, write-through, relayout, re-route (median of 50)."""
    from journeymap.app import create_app

    create_app()
    from journeymap.ui.scene import MapScene

    session = _session("move-connected.jmap")
    scene = MapScene(session)
    layer = scene.rich.connections
    stages = [s.id for s in session.document.stages(session.map_id)]
    connected = sorted(t for t in layer.by_card if t in scene.cards)
    times, routed = [], []
    for i in range(50):
        tid = connected[i * 7]
        lane = scene.cards[tid].cell[1]
        target = (stages[(i * 3 + 1) % len(stages)], lane)
        if target == scene.cards[tid].cell:
            target = (stages[(i * 3 + 2) % len(stages)], lane)
        before = {cid: item.points for cid, item in layer.items.items()}
        t0 = time.perf_counter()
        assert session.editor.move_touchpoints([tid], target, 0, grid=scene.model_grid())
        times.append(time.perf_counter() - t0)
        routed.append(sum(1 for cid, item in layer.items.items() if item.points is not before.get(cid)))
    # Only the arrows of the moved card (and of the cards its move shifted in the two cells) were re-routed.
    assert statistics.median(routed) < 40, routed
    return statistics.median(times)
