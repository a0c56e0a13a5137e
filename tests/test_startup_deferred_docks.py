"""Start-up builds the side panels after the first painted frame (``MainWindow(defer_docks=True)``).

The canvas shows first; then the panels are built, bound to the open
document, laid out as the last session left them, and the fitted map is
fitted again to the narrower canvas.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from journeymap.app import ensure_sample_document
from journeymap.ui.main_window import MainWindow, settings


def deferred_window(qtbot) -> MainWindow:
    w = MainWindow(defer_docks=True)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    return w


def test_docks_follow_the_first_frame_bound_to_the_document(qtbot):
    w = deferred_window(qtbot)
    assert not w.docks_ready and "inspector_dock" not in w.__dict__
    w.show()
    assert w.open_path(ensure_sample_document())
    assert not w.docks_ready  # nothing built before the first frame
    qtbot.waitUntil(lambda: w.docks_ready, timeout=5000)
    assert all(d.session is w.session for d in (w.inspector_dock, w.outline_dock, w.palette_dock))
    assert len(w.focus_dock_actions) == 4
    # The map was fitted to the whole window; with the panels it is fitted again and still fits.
    rect = w.scene.content_rect()
    view = w.view.viewport().rect()
    assert rect.width() * w.view.zoom <= view.width() + 1 and rect.height() * w.view.zoom <= view.height() + 1
    w.ensure_docks()  # idempotent
    assert len(w.focus_dock_actions) == 4
    w.close()


def test_saved_panel_layout_is_restored_on_the_late_docks(qtbot):
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.removeDockWidget(first.palette_dock)
    first.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, first.palette_dock)
    first.outline_dock.hide()
    first.close()  # saves the layout

    w = deferred_window(qtbot)
    w.show()
    qtbot.waitUntil(lambda: w.docks_ready, timeout=5000)  # no document: the empty page paints
    assert w.dockWidgetArea(w.palette_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert not w.outline_dock.isVisible()
    w.close()


def test_closing_before_the_docks_exist_keeps_the_saved_layout(qtbot):
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.outline_dock.hide()
    first.close()
    saved = settings().value("window/state")

    w = deferred_window(qtbot)
    w.save_settings()  # e.g. quit before the first frame
    assert settings().value("window/state") == saved


def test_reading_a_dock_builds_the_docks(qtbot):
    w = deferred_window(qtbot)
    assert w.inspector_dock.objectName()  # built on first access
    assert w.docks_ready
    with pytest.raises(AttributeError):
        w.no_such_attribute  # noqa: B018


def test_start_collects_garbage_between_events_once_the_panels_exist(qtbot, monkeypatch):
    import gc
    import weakref

    from journeymap import app as app_module
    from journeymap.ui.garbage import GarbageCollector

    monkeypatch.setattr(app_module, "GC_RESUME_LATEST_MS", 60_000)  # only the panels may start it
    gc.enable()  # as when the editor starts (the test session runs its own collector)
    try:
        _app, w = app_module.start([])
        qtbot.addWidget(w)
        assert not gc.isenabled()  # never inside a Qt destructor (journeymap.ui.garbage)
        collector = _app.findChild(GarbageCollector)
        collector._timer.stop()  # noqa: SLF001 - the test session's collector, started long ago
        assert not gc.isenabled()
        qtbot.waitUntil(lambda: w.docks_ready, timeout=5000)
        assert w.session is not None  # the sample map is open
        assert collector._timer.isActive()  # noqa: SLF001 - started by the panels

        class Cycle:
            pass

        cycle = Cycle()
        cycle.me = cycle
        alive = weakref.ref(cycle)
        del cycle
        junk = [[i] for i in range(5000)]  # enough allocations to pass the youngest threshold
        del junk
        qtbot.waitUntil(lambda: alive() is None, timeout=5000)  # freed by the event loop's collector
        assert not gc.isenabled()
        w.close()
    finally:
        gc.enable()


def test_first_start_shows_the_sample_survey_overlays_then_remembers_the_choice(qtbot):
    import gc

    from journeymap import app as app_module

    try:
        _app, first = app_module.start([])
        qtbot.addWidget(first)
        on = {n for n, a in first.overlay_actions.items() if a.isChecked()}
        assert on == {"nps", "sentiment"}
        assert first.scene.overlays == {"nps", "sentiment"}  # the badges show on the sample's cards
        first.overlay_actions["nps"].setChecked(False)
        first.overlay_actions["sentiment"].setChecked(False)
        first.close()

        _app, second = app_module.start([])
        qtbot.addWidget(second)
        assert not any(a.isChecked() for a in second.overlay_actions.values())
        second.close()
    finally:
        gc.enable()
