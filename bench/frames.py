"""Timing of full repaints, shared by the plain, the connected and the big maps' cases."""

from __future__ import annotations

import statistics
import time


def repaint_times(app, session, frames: int = 20, fit: bool = False) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of *frames* full repaints of a 1920x1080 viewport (after one warm-up):
    at 100 % centred on the map, or with the view fitted to the whole map (``fit``)."""
    from PySide6.QtGui import QImage, QPainter

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
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    wall, cpu = [], []
    for _ in range(frames + 1):
        painter = QPainter(image)
        t0, c0 = time.perf_counter(), time.process_time()
        view.render(painter)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        painter.end()
    return wall[1:], cpu[1:]


def median_repaint(app, session, frames: int = 20, fit: bool = False) -> float:
    """One full repaint of a 1920x1080 viewport at 100 %: the median of *frames* (after one warm-up)."""
    return statistics.median(repaint_times(app, session, frames, fit)[0])
