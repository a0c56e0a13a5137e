"""Timing of full repaints, shared by the plain, the connected and the big maps' cases."""

from __future__ import annotations

import statistics
import time


def repaint_times(app, session, frames: int = 20, fit: bool = False) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of *frames* full repaints of a 1920x1080 viewport (after one warm-up):
    at 100 % centred on the map, or with the view fitted to the whole map (``fit``).

    Each frame is the view's own paint (``viewport().repaint()``: Qt's paint event, what
    a user sees), not ``QGraphicsView.render`` into an image: that older path first
    collects and sorts every item in the rect (12,000 card items at fit zoom on the
    30,000-card map, ~45 ms) and is used by nothing in the app (exports render the scene).
    """
    from journeymap.ui.scene import MapScene, MapView

    scene = MapScene(session)
    view = MapView()
    view.setScene(scene)
    view.resize(1920, 1080)
    view.show()
    app.processEvents()
    if fit:
        view.fit_to_window()
    else:
        view.centerOn(scene.content_rect().center())
    viewport = view.viewport()
    wall, cpu = [], []
    for _ in range(frames + 1):
        t0, c0 = time.perf_counter(), time.process_time()
        viewport.repaint()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return wall[1:], cpu[1:]


def median_repaint(app, session, frames: int = 20, fit: bool = False) -> float:
    """One full repaint of a 1920x1080 viewport at 100 %: the median of *frames* (after one warm-up)."""
    return statistics.median(repaint_times(app, session, frames, fit)[0])
