"""Per-touchpoint charts of a big map in the analytics dock: the best and the worst 10, "Show all" on demand.

2,000 touchpoints drawn as bars with labels were unreadable in a dock and took
matplotlib half a minute (issue 21).
"""

from __future__ import annotations

import random

import pytest
from matplotlib.container import BarContainer

from journeymap import i18n
from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
from journeymap.storage import Document
from journeymap.ui.docks.analytics import DOCK_ROWS, AnalyticsDock
from journeymap.ui.session import DocumentSession

SCORED = 60


@pytest.fixture
def dock(qtbot, tmp_path):
    rng = random.Random(5)
    doc = Document.create(tmp_path / "many.jmap")
    m = doc.add_map(JourneyMap("Many"))
    stage, lane = doc.add_stage(Stage(m, "S")), doc.add_lane(Lane(m, "L"))
    ids = [doc.add_touchpoint(Touchpoint(m, stage, lane, f"Card {i:02d}")) for i in range(SCORED + 5)]
    doc.insert_responses([(tid, rng.randint(0, 10), None, "", None, "", None)
                          for tid in ids[:SCORED] for _ in range(12)])  # 5 cards without answers
    session = DocumentSession(doc)
    dock = AnalyticsDock()
    qtbot.addWidget(dock)
    dock.resize(420, 700)
    dock.set_session(session)
    dock.show()
    qtbot.waitExposed(dock)
    yield dock
    dock.set_session(None)
    doc.close()


def bars(dock) -> int:
    ax = dock.figure.axes[0]
    return sum(len(c.patches) for c in ax.containers if isinstance(c, BarContainer))


def all_texts(dock) -> str:
    """Every text drawn, wrapped lines joined."""
    return " ".join(" ".join(t.get_text().split()) for t in dock.figure.findobj(lambda o: hasattr(o, "get_text")))


@pytest.mark.parametrize("chart", ["nps_by_touchpoint", "nps_split"])
def test_big_map_shows_best_and_worst_then_all_on_demand(dock, chart):
    dock.show_chart(chart)
    per_part = 1 if chart == "nps_by_touchpoint" else 3  # the split draws three bars per touchpoint
    assert bars(dock) == DOCK_ROWS * per_part
    assert f"best and worst 10 of {SCORED}" in all_texts(dock)
    assert dock.show_all_button.isVisible() and not dock.show_all_button.isChecked()
    assert dock.show_all_button.toolTip() == f"Draw all {SCORED} touchpoints, not only the best and the worst 10"

    dock.show_all_button.click()
    assert bars(dock) == SCORED * per_part
    assert "best and worst" not in all_texts(dock)
    assert dock.show_all_button.isVisible()  # to go back to the short list
    dock.show_all_button.click()
    assert bars(dock) == DOCK_ROWS * per_part


def test_small_maps_have_no_show_all(dock):
    session = dock.session()
    for tid in [t.id for t in session.document.touchpoints(session.map_id)][DOCK_ROWS:]:
        session.document.delete_touchpoint(tid)
    dock.show_chart("nps_by_touchpoint")
    assert bars(dock) == DOCK_ROWS
    assert not dock.show_all_button.isVisible()
    assert "best and worst" not in all_texts(dock)


def test_in_spanish(qapp, qtbot, tmp_path):
    assert i18n.install(qapp, "es") == "es"
    try:
        rng = random.Random(2)
        doc = Document.create(tmp_path / "es.jmap")
        m = doc.add_map(JourneyMap("Muchas"))
        stage, lane = doc.add_stage(Stage(m, "E")), doc.add_lane(Lane(m, "C"))
        ids = [doc.add_touchpoint(Touchpoint(m, stage, lane, f"Tarjeta {i}")) for i in range(1200)]
        doc.insert_responses([(tid, rng.randint(0, 10), None, "", None, "", None) for tid in ids for _ in range(3)])
        session = DocumentSession(doc)
        dock = AnalyticsDock()
        qtbot.addWidget(dock)
        dock.resize(420, 700)  # as wide as the dock beside a map on a 1366 px laptop
        dock.set_session(session)
        dock.show()
        qtbot.waitExposed(dock)
        dock.show_chart("nps_by_touchpoint")
        assert dock.show_all_button.text() == "Mostrar &todo"
        assert dock.show_all_button.toolTip() == \
            "Dibujar los 1200 puntos de contacto, no solo los 10 mejores y peores"
        assert "los 10 mejores y peores de 1200" in all_texts(dock)
        dock.set_session(None)
        doc.close()
    finally:
        assert i18n.install(qapp, "en") == "en"
