"""Bulk edits through the real main window with its panels built (issue 21).

Each case opens a generated map in a ``MainWindow`` (default panel layout:
the analytics, comments and personas panels tabbed behind the inspector),
lets the first frames and the deferred panels settle, then times one user
action as a user gets it: the action itself plus one synchronous repaint of
the canvas. A 10 ms timer runs throughout and for half a second afterwards
(debounced panel refreshes happen then); the longest gap between its ticks is
the worst freeze of the event loop, reported with the time. The action's CPU
time is reported too: on a busy machine the wall time includes waiting for a core.
A big edit's canvas work runs across event-loop turns: the time runs until it is
all shown (``settle``).
"""

from __future__ import annotations

import os
import time

from bench import data

SETTLE_S = 0.5  # event loop time after the action (panels refresh 100-150 ms after an edit)


class StallProbe:
    """A 10 ms timer; the longest gap between two ticks is the worst freeze the user saw."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.worst = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last)
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        self._tick()
        self._timer.stop()
        return self.worst


def run_events(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def settle(app, window, limit_s: float = 10.0) -> None:
    """Run the event loop until the canvas shows the whole edit (big edits are shown across
    event-loop turns, ``journeymap.ui.scene.catch_up``): the time counted is until the user sees
    the result, not until the first slice."""
    scene = window.scene
    end = time.perf_counter() + limit_s
    while scene is not None and scene.catch_up.pending and time.perf_counter() < end:
        app.processEvents()


def open_window(path, analytics_visible: bool = False):
    """A main window (panels built, default layout) showing *path*, settled."""
    config = data.DATA / "gui-config"
    os.environ["XDG_CONFIG_HOME"] = str(config)  # the default panel layout, not the developer's
    import shutil

    shutil.rmtree(config, ignore_errors=True)
    from journeymap.app import create_app

    app = create_app()
    from journeymap.ui.main_window import MainWindow

    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    assert window.open_path(path, interactive=False)
    if analytics_visible:
        window.analytics_dock.show()
        window.analytics_dock.raise_()
    run_events(app, 1.0)
    return app, window


def timed(app, window, action) -> tuple[float, dict]:
    """Seconds of *action* plus a repaint of the canvas; the worst stall until the panels settled."""
    probe = StallProbe()
    probe.start()
    run_events(app, 0.05)
    profiler = _profiler()
    t0, cpu0 = time.perf_counter(), time.process_time()
    action()
    settle(app, window)
    window.view.viewport().repaint()
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    run_events(app, SETTLE_S)
    if profiler is not None:  # BENCH_PROFILE=1: where the time went, on stderr
        import sys

        profiler.stop()
        print(profiler.output_text(color=False, unicode=False), file=sys.stderr)
    return elapsed, {"stall_ms": probe.stop() * 1000, "cpu_s": cpu}


def _profiler():
    if not os.environ.get("BENCH_PROFILE"):
        return None
    from pyinstrument import Profiler  # a developer's tool, not a dependency

    profiler = Profiler(interval=0.0005)
    profiler.start()
    return profiler


def _prepare(cards: int, maps: int = 1):
    return data.fresh_copy(data.map_with(cards, maps), f"gui-{cards}-{maps}.jmap")


def select_all(cards: int):
    app, w = open_window(_prepare(cards))
    result = timed(app, w, w.act_select_all.trigger)
    assert len(w.session.selected_ids) == cards
    return result


def _delete_all(app, w, cards: int) -> None:
    w.act_select_all.trigger()
    run_events(app, 0.3)
    w.act_delete.trigger()
    assert not w.scene.cards, "the delete was refused or asked"


def delete_all(cards: int):
    app, w = open_window(_prepare(cards))
    w.act_select_all.trigger()
    run_events(app, 0.3)
    result = timed(app, w, w.act_delete.trigger)
    assert not w.scene.cards
    return result


def undo_delete(cards: int):
    app, w = open_window(_prepare(cards))
    _delete_all(app, w, cards)
    run_events(app, 0.3)
    result = timed(app, w, w.act_undo.trigger)
    assert len(w.scene.cards) == cards
    return result


def redo_delete(cards: int):
    app, w = open_window(_prepare(cards))
    _delete_all(app, w, cards)
    run_events(app, 0.3)
    w.act_undo.trigger()
    settle(app, w)  # the undo shown whole first: the redo's time is the redo's (10,000 cards: not within 0.3 s)
    run_events(app, 0.3)
    result = timed(app, w, w.act_redo.trigger)
    assert not w.scene.cards
    return result


def switch_map(cards: int):
    """From the first map to the second (both *cards* cards), as a click in the Maps panel does."""
    app, w = open_window(_prepare(cards, maps=2))
    result = timed(app, w, lambda: w.outline_dock.list.setCurrentRow(1))
    assert w.session.map_id == w.session.document.maps()[1].id and len(w.scene.cards) == cards
    return result


def _surveyed_map(responses: int):
    """The 2,000-card map with *responses* survey answers imported (built once, cached)."""
    path = data.DATA / f"big-2000-{responses}.jmap"
    if not path.exists():
        from journeymap.services import importing
        from journeymap.storage import Document

        tmp = data.fresh_copy(data.big_map(), f"big-2000-{responses}.part")
        with Document.open(tmp) as doc:
            importing.import_file(doc, doc.maps()[0].id, data.responses_csv(responses))
        os.replace(tmp, path)
    return data.fresh_copy(path, f"gui-surveyed-{responses}.jmap")


def open_with_analytics(responses: int = 100_000, chart: bool = False):
    """Open the surveyed 2,000-card map with the Analytics tab in front: seconds to the first painted
    canvas; the stall covers the analytics chart being drawn afterwards (until it is drawn or 5 s).

    *chart*: seconds from the first frame until the chart is shown instead, and the worst stall
    after the first frame only (the open itself runs on the UI thread and counts in the case above;
    this one shows whether drawing the chart freezes the window)."""
    path = _surveyed_map(responses)
    config = data.DATA / "gui-config"
    os.environ["XDG_CONFIG_HOME"] = str(config)
    import shutil

    shutil.rmtree(config, ignore_errors=True)
    from journeymap.app import create_app

    app = create_app()
    from journeymap.ui.main_window import MainWindow

    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.analytics_dock.raise_()  # the user left the charts in front
    run_events(app, 0.5)
    dock = window.analytics_dock
    probe = StallProbe()
    probe.start()
    run_events(app, 0.05)
    profiler = _profiler()
    t0, cpu0 = time.perf_counter(), time.process_time()
    assert window.open_path(path, interactive=False)
    window.view.viewport().repaint()
    first_frame, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    after = StallProbe()
    after.start()
    end = time.perf_counter() + 5.0
    while (dock._dirty or dock._figure is None) and time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)
    charted = time.perf_counter() - t0
    run_events(app, 0.2)
    if profiler is not None:
        import sys

        profiler.stop()
        print(profiler.output_text(color=False, unicode=False), file=sys.stderr)
    assert not dock._dirty, "the chart was not drawn within 5 s"
    if chart:
        return charted - first_frame, {"stall_ms": after.stop() * 1000, "cpu_s": time.process_time() - cpu0 - cpu}
    return first_frame, {"stall_ms": probe.stop() * 1000, "cpu_s": cpu, "charted_s": charted}
