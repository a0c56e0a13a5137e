"""Timing of full repaints, shared by the plain and the connected map's cases."""

from __future__ import annotations

import statistics
import time


def median_repaint(app, session, frames: int = 20) -> float:
    """One full repaint of a 1920x1080 viewport at 100 %: the median of *frames* (after one warm-up)."""
    from PySide6.QtGui import QImage, QPainter

    from journeymap.ui.scene import MapScene, MapView

    scene = MapScene(session)
    view = MapView()
    view.setScene(scene)
    view.resize(1920, 1080)
    view.show()
    app.processEvents()
    view.centerOn(scene.content_rect().center())
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    for _ in range(frames + 1):
        painter = QPainter(image)
        t0 = time.perf_counter()
        view.render(painter)
        times.append(time.perf_counter() - t0)
        painter.end()
    return statistics.median(times[1:])
