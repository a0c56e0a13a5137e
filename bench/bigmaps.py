"""Maps of 10,000 and 30,000 cards (issue 21): open, repaint at 100 % and fit-to-window, move, export.

The documents come from ``data.map_with`` (about 8 cards a cell: 60 x 20 cells for
10,000 cards, 100 x 36 for 30,000), cached in ``bench/.data``. Each case runs in
a fresh process (``python -m bench``); the move cases report their 90th percentile.
"""

from __future__ import annotations

import statistics
import time

from bench import data


def _app():
    from journeymap.app import create_app

    return create_app()


def _session(cards: int, name: str):
    from journeymap.storage import Document
    from journeymap.ui.session import DocumentSession

    return DocumentSession(Document.open(data.fresh_copy(data.map_with(cards), name)))


def open_map(cards: int) -> tuple[float, dict]:
    """``Document.open`` + the whole scene built (every card item placed); CPU time beside it."""
    _app()
    from journeymap.storage import Document
    from journeymap.ui.scene import MapScene
    from journeymap.ui.session import DocumentSession

    path = data.fresh_copy(data.map_with(cards), f"open-{cards}.jmap")
    t0, cpu0 = time.perf_counter(), time.process_time()
    session = DocumentSession(Document.open(path))
    scene = MapScene(session)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    assert len(scene.cards) == cards
    return elapsed, {"cpu_s": cpu}


def repaint(cards: int, fit: bool = False) -> tuple[float, dict]:
    """One full repaint of a 1920x1080 view at 100 % (centred) or fitted to the whole map (median of 20)."""
    from bench.frames import repaint_times

    wall, cpu = repaint_times(_app(), _session(cards, f"repaint-{cards}.jmap"), fit=fit)
    return statistics.median(wall), {"cpu_s": statistics.median(cpu)}


def p90(times: list[float]) -> float:
    """The 90th percentile (nearest rank) of *times*."""
    ordered = sorted(times)
    return ordered[max(0, min(len(ordered) - 1, round(0.9 * len(ordered)) - 1))]


def move_card(cards: int, moves: int = 50) -> tuple[float, dict]:
    """Move one card to another cell: command + write-through + relayout; p90 of *moves* (median beside it)."""
    _app()
    from journeymap.ui.scene import MapScene

    session = _session(cards, f"move-{cards}.jmap")
    scene = MapScene(session)
    stages = [s.id for s in session.document.stages(session.map_id)]
    lanes = [lane.id for lane in session.document.lanes(session.map_id)]
    ids = sorted(scene.cards)
    step = max(1, len(ids) // moves)
    times = []
    for i in range(moves):
        tid, target = ids[i * step], (stages[(i * 3) % len(stages)], lanes[i % len(lanes)])
        if target == scene.cards[tid].cell:
            target = (stages[(i * 3 + 1) % len(stages)], target[1])
        t0 = time.perf_counter()
        assert session.editor.move_touchpoints([tid], target, 0, grid=scene.model_grid())
        times.append(time.perf_counter() - t0)
        assert scene.cards[tid].cell == target
    return p90(times), {"median_ms": statistics.median(times) * 1000}


# Raster exports of the big maps at half scale: at 1x the 30,000-card map is 21,000 x 30,500 px
# (640 Mpx, over the exporter's 300 Mpx limit); the same scale for both sizes keeps pixels linear in cards.
PNG_SCALE = 0.5


def export(cards: int, fmt: str) -> tuple[float, dict]:
    """SVG (vectors, text as text) or PNG (streamed in bands) of the whole map, overlays as the canvas shows."""
    _app()
    from journeymap.ui.export.render import ImageOptions, export_png, export_svg
    from journeymap.ui.scene import MapScene

    session = _session(cards, f"export-{fmt}-{cards}.jmap")
    scene = MapScene(session)
    out = data.DATA / f"export-{cards}.{fmt}"
    t0, cpu0 = time.perf_counter(), time.process_time()
    if fmt == "png":
        export_png(scene, out, ImageOptions(scale=PNG_SCALE))
    else:
        export_svg(scene, out, ImageOptions())
    return time.perf_counter() - t0, {"cpu_s": time.process_time() - cpu0}
