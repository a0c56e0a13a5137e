"""The analytics chart drawn off the UI thread (issue 21): the worker's picture, stale results, cache, errors."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from chart_helpers import make_doc
from matplotlib.container import BarContainer

from journeymap import i18n
from journeymap.storage import Document, DocumentError
from journeymap.ui.docks import chart_render
from journeymap.ui.docks.analytics import AnalyticsDock
from journeymap.ui.session import DocumentSession

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def drawn_in(monkeypatch):
    """The threads the dock's charts were drawn on, in order (the real drawing, only recorded)."""
    threads: list[str] = []
    original = chart_render.draw

    def recording(job, doc, *args):
        threads.append(threading.current_thread().name)
        return original(job, doc, *args)

    monkeypatch.setattr(chart_render, "draw", recording)
    return threads


# A child interpreter's preamble that records the thread which first imports matplotlib (in ``first``).
SPY_PRELUDE = (
    "import builtins, sys, threading, time\n"
    "first = []\n"
    "real = builtins.__import__\n"
    "def spy(name, *a, **k):\n"
    "    if name.startswith('matplotlib') and not first:\n"
    "        first.append(threading.current_thread().name)\n"
    "    return real(name, *a, **k)\n"
    "builtins.__import__ = spy\n"
)


def run_child(code: str) -> None:
    """Run *code* in a fresh offscreen interpreter (a clean ``sys.modules``); its asserts fail the test."""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}, timeout=60)
    assert result.returncode == 0, result.stderr


def dock_on(qtbot, path: Path):
    """An analytics dock on a fresh four-touchpoint document at *path* (not shown)."""
    doc, m, ids = make_doc(path)
    session = DocumentSession(doc)
    dock = AnalyticsDock()
    qtbot.addWidget(dock)
    dock.resize(700, 500)
    dock.set_session(session)
    return doc, dock, session, ids


@pytest.fixture
def setup(qtbot, tmp_path):
    doc, dock, session, ids = dock_on(qtbot, tmp_path / "a.jmap")
    yield dock, session, ids
    dock.set_session(None)
    doc.close()


def shown_bars(dock) -> list[float]:
    """Bar widths of the picture on screen (not ``dock.figure``, which would draw now if one is pending)."""
    ax = dock._shown.figure.axes[0]
    (container,) = [c for c in ax.containers if isinstance(c, BarContainer)]
    return [p.get_width() for p in container.patches]


def settled(dock) -> bool:
    return dock._shown is not None and dock._pending is None and not dock._dirty


def test_the_worker_draws_the_chart_and_the_dock_shows_its_picture(qtbot, setup, drawn_in):
    dock, session, ids = setup
    dock.show()
    qtbot.waitExposed(dock)
    qtbot.waitUntil(lambda: settled(dock), timeout=5000)
    assert drawn_in and set(drawn_in) == {"charts"}  # never on the UI thread
    assert shown_bars(dock) == [80.0, 25.0, -50.0]
    pixmap = dock.chart_image.pixmap()
    assert not pixmap.isNull()
    assert abs(pixmap.width() / pixmap.devicePixelRatio() - dock.scroll.viewport().width()) <= 20
    assert not dock.busy_label.isVisible()
    assert [dock.segment_combo.itemText(i) for i in range(dock.segment_combo.count())] == \
        ["All respondents", "Business", "Leisure"]  # read by the worker with the chart

    session.document.insert_responses([(ids["D"], 10, None, "", None, "", None)])
    session.metricsChanged.emit()
    qtbot.waitUntil(lambda: dock._pending is not None, timeout=3000)
    assert dock.busy_label.isVisible()  # the last picture stays, with a quiet word beside the segment
    assert not dock.chart_image.pixmap().isNull()
    qtbot.waitUntil(lambda: settled(dock), timeout=5000)
    assert shown_bars(dock) == [100.0, 80.0, 25.0, -50.0]
    assert set(drawn_in) == {"charts"}


def test_a_result_that_went_stale_is_dropped(qtbot, setup, monkeypatch):
    dock, session, ids = setup
    dock.show()
    qtbot.waitExposed(dock)
    qtbot.waitUntil(lambda: settled(dock), timeout=5000)
    release = threading.Event()
    original = chart_render.draw

    def held(job, doc, *args):  # the first job waits (its data read) until the segment changed
        if job.segment is None:
            assert release.wait(10)
        return original(job, doc, *args)

    monkeypatch.setattr(chart_render, "draw", held)
    applied = []
    apply = dock._apply
    monkeypatch.setattr(dock, "_apply", lambda result: (applied.append(result.job.segment), apply(result)))
    session.document.insert_responses([(ids["D"], 0, None, "", None, "", None)])
    session.metricsChanged.emit()
    qtbot.waitUntil(lambda: dock._pending is not None and dock._pending.segment is None, timeout=3000)
    session.set_segment("Business")  # while the first is still being drawn
    qtbot.waitUntil(lambda: dock._pending is not None and dock._pending.segment == "Business", timeout=3000)
    release.set()
    qtbot.waitUntil(lambda: settled(dock), timeout=5000)
    qtbot.wait(150)
    assert applied == ["Business"]  # the picture of "all respondents" never showed
    assert dock._shown.job.segment == "Business"
    assert shown_bars(dock) == [0.0, -50.0]


def test_a_long_stale_drawing_does_not_hold_up_the_next_chart(qtbot, setup, monkeypatch):
    dock, session, ids = setup
    dock.show()
    qtbot.waitExposed(dock)
    qtbot.waitUntil(lambda: settled(dock), timeout=5000)
    release = threading.Event()
    original = chart_render.draw

    def held(job, doc, *args):  # "nps_split" stands for a drawing that takes matplotlib a minute
        if job.name == "nps_split":
            assert release.wait(20)
        return original(job, doc, *args)

    monkeypatch.setattr(chart_render, "draw", held)
    renderer = dock._renderer
    try:
        dock.chart_combo.setCurrentIndex(dock.chart_names().index("nps_split"))
        qtbot.waitUntil(lambda: dock._pending is not None and dock._pending.name == "nps_split"
                        and dock._pending.generation in renderer._running.values(), timeout=3000)
        dock.chart_combo.setCurrentIndex(dock.chart_names().index("stage_nps_sentiment"))
        qtbot.waitUntil(lambda: settled(dock) and dock._shown.job.name == "stage_nps_sentiment", timeout=5000)
        assert not release.is_set()  # drawn while the stale one is still being drawn
        assert len(renderer._running) == 1
    finally:
        release.set()
    qtbot.waitUntil(lambda: not renderer._running, timeout=5000)
    qtbot.wait(100)
    assert dock._shown.job.name == "stage_nps_sentiment"


def test_flipping_back_to_a_chart_is_instant(qtbot, setup, drawn_in):
    dock, session, ids = setup
    dock.show()
    qtbot.waitExposed(dock)
    qtbot.waitUntil(lambda: settled(dock), timeout=5000)
    dock.chart_combo.setCurrentIndex(dock.chart_names().index("nps_split"))
    qtbot.waitUntil(lambda: settled(dock) and dock._shown.job.name == "nps_split", timeout=5000)
    draws = len(drawn_in)
    dock.chart_combo.setCurrentIndex(0)
    dock.refresh()  # as the timer does
    assert dock._pending is None and dock._shown.job.name == "nps_by_touchpoint"
    assert len(drawn_in) == draws  # from the cache: nothing drawn again
    assert shown_bars(dock) == [80.0, 25.0, -50.0]

    session.document.insert_responses([(ids["D"], 10, None, "", None, "", None)])
    session.metricsChanged.emit()  # new data: the cached pictures are of the old
    qtbot.waitUntil(lambda: settled(dock) and len(shown_bars(dock)) == 4, timeout=5000)
    assert len(drawn_in) == draws + 1


def test_a_hidden_dock_starts_no_worker(qtbot, setup):
    dock, session, ids = setup
    session.metricsChanged.emit()
    session.structureChanged.emit()
    qtbot.wait(300)
    assert dock._renderer._thread is None and dock._shown is None


def test_a_closed_document_shows_its_error_not_a_traceback(qtbot, tmp_path):
    doc, dock, session, ids = dock_on(qtbot, tmp_path / "c.jmap")
    dock.show()
    qtbot.waitExposed(dock)
    qtbot.waitUntil(lambda: settled(dock), timeout=5000)
    doc.close()
    session.metricsChanged.emit()
    qtbot.waitUntil(lambda: settled(dock) and not dock._shown.figure.axes, timeout=5000)
    assert any("the document is closed" in t.get_text() for t in dock._shown.figure.texts)
    dock.set_session(None)


def test_the_chart_window_draws_in_the_worker(qtbot, setup, drawn_in):
    dock, session, ids = setup
    window = dock.open_chart_window()
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._figure is not None and not window._pending, timeout=5000)
    assert set(drawn_in) == {"charts"}
    assert not window.canvas.pixmap().isNull()
    assert window.figure.axes


def test_the_reader_is_read_only_and_sees_what_is_committed(tmp_path):
    doc, m, ids = make_doc(tmp_path / "r.jmap")
    reader = doc.reader()
    try:
        assert reader.read_only
        assert [t.title for t in reader.touchpoints(m)] == ["A", "B", "C", "D"]
        doc.update_touchpoint(ids["A"], title="Renamed")
        assert [t.title for t in reader.touchpoints(m)][0] == "Renamed"
        with pytest.raises(DocumentError):
            reader.update_touchpoint(ids["B"], title="Not allowed")
        assert [t.title for t in doc.touchpoints(m)][1] == "B"
    finally:
        reader.close()
    doc.close()
    with pytest.raises(DocumentError, match="closed"):
        doc.reader()
    Document.open(tmp_path / "r.jmap").close()  # the file is as it was: it opens


def test_spanish_labels(qapp, qtbot, tmp_path):
    assert i18n.install(qapp, "es") == "es"
    try:
        dock = AnalyticsDock()
        qtbot.addWidget(dock)
        assert dock.busy_label.text() == "Dibujando el gráfico…"
        assert chart_render.failure_text() == "No se pudo dibujar el gráfico."
    finally:
        assert i18n.install(qapp, "en") == "en"


def test_matplotlib_is_imported_by_the_worker_not_the_ui_thread(tmp_path):
    doc, m, ids = make_doc(tmp_path / "w.jmap")
    doc.close()
    code = (
        SPY_PRELUDE +
        "from PySide6.QtWidgets import QApplication\n"
        "from journeymap.storage import Document\n"
        "from journeymap.ui.docks.analytics import AnalyticsDock\n"
        "from journeymap.ui.session import DocumentSession\n"
        "app = QApplication([])\n"
        f"doc = Document.open({str(tmp_path / 'w.jmap')!r})\n"
        "dock = AnalyticsDock(); dock.resize(600, 400); dock.set_session(DocumentSession(doc)); dock.show()\n"
        "end = time.monotonic() + 20\n"
        "while (dock._shown is None or dock._pending is not None) and time.monotonic() < end:\n"
        "    app.processEvents(); time.sleep(0.005)\n"
        "assert dock._shown is not None and dock._shown.figure.axes, 'no chart'\n"
        "assert first == ['charts'], first\n"
        "dock.set_session(None); doc.close()\n"
    )
    run_child(code)


def test_without_a_document_the_dock_says_so_and_imports_matplotlib_later_in_the_worker():
    code = (
        SPY_PRELUDE +
        "from PySide6.QtWidgets import QApplication\n"
        "from journeymap.ui.docks.analytics import AnalyticsDock, WARM_UP_MS\n"
        "app = QApplication([])\n"
        "dock = AnalyticsDock(); dock.resize(600, 400); dock.set_session(None); dock.show()\n"
        "def run(seconds):\n"
        "    end = time.monotonic() + seconds\n"
        "    while time.monotonic() < end:\n"
        "        app.processEvents(); time.sleep(0.005)\n"
        "run(WARM_UP_MS / 1000 * 0.6)\n"
        "assert not dock._dirty\n"
        "assert dock.chart_image.text() == 'Open a document to see its analytics.', dock.chart_image.text()\n"
        "assert 'matplotlib' not in sys.modules and dock._renderer._thread is None\n"
        "run(WARM_UP_MS / 1000 * 0.6)\n"
        "assert dock._renderer.wait_idle(30)\n"
        "assert 'matplotlib.backends.backend_agg' in sys.modules and first == ['charts'], first\n"
    )
    run_child(code)
