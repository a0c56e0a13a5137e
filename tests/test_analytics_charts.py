"""Headless analytics charts: the data behind them and the matplotlib figures."""

from __future__ import annotations

import math

import pytest
from chart_helpers import make_doc
from matplotlib.collections import PathCollection
from matplotlib.container import BarContainer

from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
from journeymap.services import charts
from journeymap.storage import Document


@pytest.fixture
def data(tmp_path):
    doc, m, ids = make_doc(tmp_path / "a.jmap")
    yield doc, m, ids
    doc.close()


def bars(ax) -> list:
    return [c for c in ax.containers if isinstance(c, BarContainer)]


def draw(name, doc, map_id, segment=None, selected=()):
    fig = charts.new_figure()
    n = charts.render(name, fig, charts.ChartContext(doc, map_id, segment, tuple(selected)))
    fig.canvas.draw()  # lays out and renders: catches drawing errors, not only building ones
    return fig, n


def texts(fig) -> list[str]:
    out = [t.get_text() for t in fig.texts]
    if fig._suptitle is not None:
        out.append(fig._suptitle.get_text())
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts]
        out += [ax.get_title(loc="left")]
    return out


def test_touchpoint_rows_sorted_best_first(data):
    doc, m, ids = data
    rows = charts.touchpoint_rows(doc, m)
    assert [r.title for r in rows] == ["B", "C", "A"]
    assert [r.nps for r in rows] == [80.0, 25.0, -50.0]
    assert [r.n for r in rows] == [5, 4, 4]
    assert all(r.margin and r.margin > 0 for r in rows)


def test_nps_by_touchpoint(data):
    doc, m, ids = data
    fig, n = draw("nps_by_touchpoint", doc, m)
    assert n == 3
    ax = fig.axes[0]
    (container,) = bars(ax)
    assert [p.get_width() for p in container.patches] == [80.0, 25.0, -50.0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["B  (n=5)", "C  (n=4)", "A  (n=4)"]
    assert ax.yaxis_inverted()  # best at the top
    assert len([c for c in ax.containers if not isinstance(c, BarContainer)]) == 1  # error bars
    assert container.patches[0].get_facecolor()[:3] != container.patches[2].get_facecolor()[:3]
    assert "NPS by touchpoint" in texts(fig)


def test_nps_by_touchpoint_includes_manual_nps(data):
    doc, m, ids = data
    doc.update_touchpoint(ids["D"], manual_nps=-10.0)
    fig, n = draw("nps_by_touchpoint", doc, m)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert n == 4 and labels[2] == "D  (manual)"


def test_nps_by_touchpoint_respects_segment(data):
    doc, m, ids = data
    fig, n = draw("nps_by_touchpoint", doc, m, segment="Business")
    (container,) = bars(fig.axes[0])
    # A: -50; C (Business): 9 and 5 -> 0
    assert [p.get_width() for p in container.patches] == [0.0, -50.0]
    assert any("Segment: Business" in t for t in texts(fig))


def test_stage_chart(data):
    doc, m, ids = data
    fig, n = draw("stage_nps_sentiment", doc, m)
    assert n == 3
    ax, right = fig.axes
    (container,) = bars(ax)
    # S1 pools A and B: P 5, S 1, D 3 of 9 -> 22.2; S2 is C: 25; S3 has no data, no bar.
    assert [p.get_height() for p in container.patches] == [22.2, 25.0]
    assert ax.get_ylim() == (-110, 110)
    (line,) = right.get_lines()
    y = list(line.get_ydata())
    assert right.get_ylim() == (-1.1, 1.1)
    assert y[1] == pytest.approx(0.175) and math.isnan(y[2])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["S1\nn=9", "S2\nn=4", "S3\nn=0"]


def test_split_chart(data):
    doc, m, ids = data
    fig, n = draw("nps_split", doc, m)
    assert n == 3
    detractors, passives, promoters = bars(fig.axes[0])
    assert [p.get_width() for p in promoters.patches] == pytest.approx([80, 50, 25])
    assert [p.get_width() for p in detractors.patches] == pytest.approx([0, 25, 75])
    for i in range(3):  # every bar adds up to 100 %
        total = sum(c.patches[i].get_width() for c in (detractors, passives, promoters))
        assert total == pytest.approx(100)
    assert [t.get_text() for t in fig.legends[0].get_texts()] == [
        "Detractors (0–6)", "Passives (7–8)", "Promoters (9–10)"]


def test_trend_points_group_by_month(data):
    doc, m, ids = data
    points = charts.trend_points(doc, ids["A"])
    assert [p.month for p in points] == ["2024-01", "2024-02", "2024-03"]
    assert [p.nps for p in points] == [-100.0, None, 0.0]
    assert [p.n for p in points] == [2, 0, 2]
    assert charts.trend_points(doc, ids["A"], "Leisure") == []
    assert [p.n for p in charts.trend_points(doc, ids["C"], "Leisure")] == [2]


def test_trend_chart_uses_selected_touchpoint(data):
    doc, m, ids = data
    fig, n = draw("nps_trend", doc, m, selected=[ids["A"]])
    assert n == 2
    ax = fig.axes[0]
    y = list(ax.get_lines()[0].get_ydata())
    assert y[0] == -100 and math.isnan(y[1]) and y[2] == 0
    assert [t.get_text() for t in ax.get_xticklabels()][0].endswith("n=2")  # few months: n under each
    assert "NPS trend — A" in texts(fig)

    fig, n = draw("nps_trend", doc, m, selected=[ids["B"]])
    assert "NPS trend — B" in texts(fig) and n == 2  # Feb and Apr; the undated answer is left out


def test_trend_chart_empty_states(data):
    doc, m, ids = data
    fig, n = draw("nps_trend", doc, m)
    assert n == 0 and not fig.axes
    assert any("Select a touchpoint" in t for t in texts(fig))
    fig, n = draw("nps_trend", doc, m, selected=[ids["D"]])
    assert n == 0 and not fig.axes
    assert any("No dated answers" in t for t in texts(fig))
    fig, n = draw("nps_trend", doc, m, selected=[999999])  # not on this map
    assert n == 0


def test_priority_matrix(data):
    doc, m, ids = data
    fig, n = draw("priority_matrix", doc, m)
    assert n == 4  # D has no NPS: it sits in the band under the matrix, by impact and sensation
    ax = fig.axes[0]
    points = [c for c in ax.collections if isinstance(c, PathCollection)]
    offsets = [tuple(o) for c in points for o in c.get_offsets()]
    assert sorted(offsets) == [(2, 80), (3, charts.UNSCORED_Y["neutral"]), (4, 25), (5, -50)]
    labels = texts(fig)
    assert "A" in labels and "B" in labels
    assert "FIX FIRST" in labels
    assert charts.priority_quadrant(5, -50) == "fix_first"
    assert charts.priority_quadrant(2, 80) == "maintain"
    assert charts.priority_quadrant(4, 25) == "protect"
    assert charts.priority_quadrant(1, -5) == "monitor"
    assert len(ax.patches) == 3  # the shaded fix-first quadrant; the no-NPS band and its fix-first row


def test_priority_matrix_spreads_equal_impacts(data):
    doc, m, ids = data
    for tid in ids.values():
        doc.update_touchpoint(tid, impact=3)
    fig, _ = draw("priority_matrix", doc, m)
    xs = [o[0] for c in fig.axes[0].collections for o in c.get_offsets() if o[1] >= -100]
    assert len(set(xs)) == 3 and all(2.7 <= x <= 3.3 for x in xs)


@pytest.mark.parametrize("name", charts.CHART_NAMES)
def test_every_chart_has_an_empty_state(tmp_path, name):
    with Document.create(tmp_path / "e.jmap") as doc:
        m = doc.add_map(JourneyMap("Empty"))
        s = doc.add_stage(Stage(m, "S"))
        lane = doc.add_lane(Lane(m, "L"))
        tid = doc.add_touchpoint(Touchpoint(m, s, lane, "T"))
        fig, n = draw(name, doc, m, selected=[tid])
        if name == "priority_matrix":  # a fresh map can be prioritised: by sensation and impact
            assert n == 1 and fig.axes
        else:
            assert n == 0 and not fig.axes
            assert fig.texts
            if name not in ("nps_trend", "compare", "drivers"):  # those two say what they need instead
                assert charts.empty_message() in texts(fig)
        fig, n = draw(name, doc, None)
        assert n == 0 and not fig.axes


def test_unknown_chart(data):
    doc, m, _ = data
    with pytest.raises(ValueError):
        charts.render("pie", charts.new_figure(), charts.ChartContext(doc, m))


def test_save_figure(data, tmp_path):
    doc, m, _ = data
    fig, _ = draw("nps_by_touchpoint", doc, m)
    png = charts.save_figure(fig, tmp_path / "c.png")
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    svg = charts.save_figure(fig, tmp_path / "c.svg")
    assert b"<svg" in svg.read_bytes()[:2000]
    assert charts.save_figure(fig, tmp_path / "noext").suffix == ".png"
    with pytest.raises(ValueError):
        charts.save_figure(fig, tmp_path / "c.gif")


def test_many_touchpoints_and_long_titles(tmp_path):
    with Document.create(tmp_path / "big.jmap") as doc:
        m = doc.add_map(JourneyMap("Big"))
        s = doc.add_stage(Stage(m, "A stage with a rather long name indeed"))
        lane = doc.add_lane(Lane(m, "L"))
        rows = []
        for i in range(40):
            tid = doc.add_touchpoint(Touchpoint(m, s, lane, f"Touchpoint number {i} with a very long title"))
            rows += [(tid, (i + k) % 11, None, "", f"20{20 + k % 4}-{1 + k % 12:02d}-01", "", None)
                     for k in range(30)]
        doc.insert_responses(rows)
        for name in charts.CHART_NAMES:
            if name in ("compare", "drivers"):  # need two sides / the overall score (tests of their own)
                continue
            fig, n = draw(name, doc, m, selected=[tid])
            assert n > 0
        labels = [t.get_text() for t in draw("nps_by_touchpoint", doc, m)[0].axes[0].get_yticklabels()]
        assert all(len(label.split("  (")[0]) <= 30 for label in labels)


def test_priority_matrix_of_many_names_only_the_worst_fix_first(tmp_path):
    from matplotlib.text import Annotation

    with Document.create(tmp_path / "many.jmap") as doc:
        m = doc.add_map(JourneyMap("Many"))
        s, lane = doc.add_stage(Stage(m, "S")), doc.add_lane(Lane(m, "L"))
        for i in range(80):  # all in "fix first": impact 5, NPS below 0, the last ones worst
            tid = doc.add_touchpoint(Touchpoint(m, s, lane, f"T{i}", impact=5))
            doc.update_touchpoint(tid, manual_nps=-(i + 1))
        fig, n = draw("priority_matrix", doc, m)
        names = [t.get_text() for t in fig.axes[0].texts if isinstance(t, Annotation)]
        assert n == 80
        assert len(names) == charts.MAX_NAMED_FIX_FIRST
        assert set(names) == {f"T{i}" for i in range(80 - charts.MAX_NAMED_FIX_FIRST, 80)}
