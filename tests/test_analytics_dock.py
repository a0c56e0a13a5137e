"""The analytics dock: lazy matplotlib, live updates, selection, segments, saving."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from chart_helpers import make_doc
from PySide6.QtWidgets import QFileDialog

from journeymap.ui.docks.analytics import CHART_NAMES, AnalyticsDock
from journeymap.ui.session import DocumentSession

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def setup(qtbot, tmp_path):
    doc, m, ids = make_doc(tmp_path / "a.jmap")
    session = DocumentSession(doc)
    dock = AnalyticsDock()
    qtbot.addWidget(dock)
    dock.resize(700, 500)
    dock.set_session(session)
    yield dock, session, ids
    dock.set_session(None)
    doc.close()


def bar_widths(dock) -> list[float]:
    from matplotlib.container import BarContainer

    ax = dock.figure.axes[0]
    (container,) = [c for c in ax.containers if isinstance(c, BarContainer)]
    return [p.get_width() for p in container.patches]


def suptitle(dock) -> str:
    fig = dock.figure
    return fig._suptitle.get_text() if fig._suptitle is not None else ""


def test_import_does_not_import_matplotlib():
    code = "import sys, journeymap.ui.docks.analytics; assert 'matplotlib' not in sys.modules"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr


def test_hidden_dock_does_not_import_matplotlib():
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from journeymap.ui.docks.analytics import AnalyticsDock\n"
        "app = QApplication([])\n"
        "dock = AnalyticsDock()\n"
        "dock.set_session(None)\n"
        "assert dock.chart_names()\n"
        "app.processEvents()\n"
        "assert 'matplotlib' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr


def test_dock_basics(setup):
    dock, session, ids = setup
    assert dock.objectName() == "analyticsDock"
    assert dock.chart_names() == list(CHART_NAMES)
    assert dock.chart_combo.count() == len(CHART_NAMES)
    for w in (dock.chart_combo, dock.segment_combo, dock.save_button):
        assert w.accessibleName()
    with pytest.raises(ValueError):
        dock.show_chart("pie")


@pytest.mark.parametrize("name", CHART_NAMES)
def test_show_each_chart(setup, name):
    from journeymap.services.compare import Side

    dock, session, ids = setup
    session.compare_sides = (Side(segment="Business"), Side(segment="Leisure"))
    session.set_selection([ids["A"]])
    dock.show_chart(name)
    assert dock.current_chart() == name
    if name == "drivers":  # needs the overall NPS question (tests/test_drivers.py)
        assert dock.figure.texts
    else:
        assert dock.figure.axes  # data -> a real chart, not the empty state
    dock.figure.canvas.draw()


def test_first_show_draws_and_updates_after_new_responses(qtbot, setup):
    dock, session, ids = setup
    dock.show()
    qtbot.waitExposed(dock)
    qtbot.waitUntil(lambda: dock._figure is not None and not dock._dirty, timeout=3000)
    assert bar_widths(dock) == [80.0, 25.0, -50.0]

    session.document.insert_responses([(ids["D"], 10, None, "", None, "", None)])
    session.metricsChanged.emit()
    qtbot.waitUntil(lambda: len(bar_widths(dock)) == 4, timeout=3000)
    assert bar_widths(dock) == [100.0, 80.0, 25.0, -50.0]


def test_hidden_dock_redraws_when_shown(qtbot, setup):
    dock, session, ids = setup
    dock.show_chart("nps_by_touchpoint")
    assert len(bar_widths(dock)) == 3
    session.document.insert_responses([(ids["D"], 0, None, "", None, "", None)])
    session.metricsChanged.emit()
    qtbot.wait(250)
    assert len(bar_widths(dock)) == 3  # not visible: nothing redrawn
    dock.show()
    qtbot.waitUntil(lambda: len(bar_widths(dock)) == 4, timeout=3000)


def test_signals_are_debounced(qtbot, setup, monkeypatch):
    dock, session, ids = setup
    dock.show()
    qtbot.waitUntil(lambda: not dock._dirty, timeout=3000)
    calls = []
    original = dock.refresh
    monkeypatch.setattr(dock, "refresh", lambda: (calls.append(1), original()))
    for _ in range(10):
        session.metricsChanged.emit()
        session.touchpointsChanged.emit([ids["A"]])
        session.structureChanged.emit()
    qtbot.waitUntil(lambda: bool(calls), timeout=3000)
    qtbot.wait(200)
    assert len(calls) == 1


def test_trend_follows_selection(qtbot, setup):
    dock, session, ids = setup
    dock.show()
    dock.show_chart("nps_trend")
    assert not dock.figure.axes  # nothing selected yet
    session.set_selection([ids["A"]])
    qtbot.waitUntil(lambda: suptitle(dock) == "NPS trend — A", timeout=3000)
    assert dock.figure.axes
    session.set_selection([ids["B"]])
    qtbot.waitUntil(lambda: suptitle(dock) == "NPS trend — B", timeout=3000)


def test_segment_combo(qtbot, setup):
    dock, session, ids = setup
    dock.show()
    dock.show_chart("nps_by_touchpoint")
    combo = dock.segment_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["All respondents", "Business", "Leisure"]
    combo.setCurrentIndex(1)
    assert session.segment == "Business"
    qtbot.waitUntil(lambda: bar_widths(dock) == [0.0, -50.0], timeout=3000)
    session.set_segment("Leisure")  # from elsewhere: the combo follows
    qtbot.waitUntil(lambda: combo.currentText() == "Leisure", timeout=3000)
    combo.setCurrentIndex(0)
    assert session.segment is None


def test_rebinding_disconnects_the_old_session(qtbot, setup, tmp_path):
    dock, old, ids = setup
    doc2, m2, ids2 = make_doc(tmp_path / "b.jmap")
    try:
        new = DocumentSession(doc2)
        dock.set_session(new)
        dock.show_chart("nps_by_touchpoint")
        assert not dock._timer.isActive()
        old.metricsChanged.emit()
        assert not dock._timer.isActive()
        new.metricsChanged.emit()
        assert dock._timer.isActive()
        dock.set_session(None)
        dock.show_chart("nps_by_touchpoint")
        assert not dock.figure.axes
        assert any("Open a document" in t.get_text() for t in dock.figure.texts)
        assert not dock.segment_combo.isEnabled()
    finally:
        dock.set_session(None)
        doc2.close()


def test_map_switch_and_empty_map(qtbot, setup):
    dock, session, ids = setup
    from journeymap.domain.model import JourneyMap

    dock.show()
    empty = session.document.add_map(JourneyMap("Empty"))
    session.set_map(empty)
    qtbot.waitUntil(lambda: not dock._dirty and not dock.figure.axes, timeout=3000)
    assert any("No NPS data yet" in t.get_text() for t in dock.figure.texts)


def test_save_chart(setup, tmp_path):
    dock, session, ids = setup
    dock.show_chart("priority_matrix")
    png = dock.save_chart(tmp_path / "chart.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = dock.save_chart(tmp_path / "chart.svg")
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert "<svg" in svg.read_text(encoding="utf-8")


def test_save_button_uses_file_dialog(setup, tmp_path, monkeypatch):
    dock, session, ids = setup
    target = tmp_path / "from-dialog"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "SVG image (*.svg)")))
    dock.save_button.click()
    assert (tmp_path / "from-dialog.svg").read_bytes().lstrip().startswith(b"<?xml")
