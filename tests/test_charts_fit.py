"""Analytics charts at the default dock width (400 px): no two pieces of text overlap."""

import random

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from journeymap.services import charts
from journeymap.services.chart_names import CHART_NAMES
from journeymap.services.charts_fit import drawn_texts
from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document


@pytest.fixture
def surveyed(tmp_path):
    doc = Document.create(tmp_path / "c.jmap")
    map_id = create_map_from_template(doc, "retail-store")
    rng = random.Random(3)
    tps = doc.touchpoints(map_id)
    rows = []
    for tp in tps:
        for _ in range(rng.randint(20, 60)):
            rows.append((tp.id, rng.randint(0, 10), rng.uniform(-1, 1), "", f"2024-{rng.randint(1, 12):02d}-10", "",
                         None))
        doc.update_touchpoint(tp.id, impact=rng.randint(1, 5))
    doc.insert_responses(rows)
    yield doc, map_id, tps[0].id
    doc.close()


def texts(fig):
    renderer = fig.canvas.get_renderer()  # Agg: what the dock and the saved PNGs draw with
    out = []
    for t in drawn_texts(fig):
        if t.get_alpha() != 0:
            box = t.get_window_extent(renderer)
            if box.width > 0 and box.height > 0:
                out.append((t.get_text(), box))
    return out


def overlaps(a, b, slack=0.5):
    return (a.x0 + slack < b.x1 and b.x0 + slack < a.x1 and a.y0 + slack < b.y1 and b.y0 + slack < a.y1)


@pytest.mark.parametrize("name", [n for n in CHART_NAMES if n not in ("compare", "drivers")])  # own tests
@pytest.mark.parametrize("width_px", [400, 1200])
def test_chart_texts_do_not_overlap(surveyed, name, width_px):
    doc, map_id, first = surveyed
    height = charts.height_hint(name, len(doc.touchpoints(map_id)))
    fig = charts.new_figure(width_px / 100, height, dpi=100)
    FigureCanvasAgg(fig)
    ctx = charts.ChartContext(doc, map_id, None, (first,))
    assert charts.render(name, fig, ctx) > 0
    fig.canvas.draw()
    found = texts(fig)
    clashes = [(a, b) for i, (a, ba) in enumerate(found) for b, bb in found[i + 1:] if overlaps(ba, bb)]
    assert not clashes, clashes
    width = fig.bbox.width
    for text, box in found:  # nothing cut at the figure's edges
        assert box.x0 >= -1 and box.x1 <= width + 1, text


def test_chart_opens_in_its_own_window_and_redraws_at_its_size(qtbot, session):
    from journeymap.ui.docks.analytics import AnalyticsDock

    doc = session.document
    for tp, nps in zip(doc.touchpoints(session.map_id), (40, -20, 10, -60)):
        doc.update_touchpoint(tp.id, manual_nps=nps)
    dock = AnalyticsDock()
    qtbot.addWidget(dock)
    dock.set_session(session)
    dock.show_chart("priority_matrix")
    window = dock.open_chart_window()
    qtbot.addWidget(window)
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: abs(window.figure.get_figwidth() * window.figure.dpi - window.canvas.width()) < 2)
    # 4 scored touchpoints, and the ones without NPS in the band under the matrix
    assert window.redraw() == 28 and window.name == "priority_matrix"
    window.resize(500, 400)
    assert window.redraw() == 28
    assert abs(window.figure.get_figwidth() * window.figure.dpi - window.canvas.width()) < 2
