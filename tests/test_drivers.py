"""Drivers of the overall NPS: hand-computed correlations, the storage hook, the chart and the matrix."""

from __future__ import annotations

import math

import pytest

from journeymap.domain.drivers import MIN_PAIRS, driver, pearson, rank_drivers
from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
from journeymap.services import charts
from journeymap.storage import Document
from journeymap.storage.drivers_sql import OVERALL_COLUMN, overall_pairs


def test_pearson_hand_computed():
    # x = 1..5, y = 2, 4, 5, 4, 5: mx = 3, my = 4; sxy = 6, sxx = 10, syy = 6 -> r = 6 / sqrt(60) = 0.7746
    assert pearson([(1, 2), (2, 4), (3, 5), (4, 4), (5, 5)]) == pytest.approx(0.774597, abs=1e-6)
    assert pearson([(1, 5), (2, 5), (3, 5)]) is None  # no spread in the overall score


def test_driver_interval_and_impact():
    pairs = [(x, x) for x in range(11)] + [(x, 10 - x) for x in range(0, 11, 5)]
    d = driver(1, pairs)
    assert d.n == 14 and d.low < d.r < d.high <= 1
    # Fisher z: atanh(r) +- 1.96 / sqrt(n - 3)
    assert d.low == pytest.approx(math.tanh(math.atanh(d.r) - 1.96 / math.sqrt(11)))
    assert driver(2, pairs[: MIN_PAIRS - 1]) is None
    assert [x.touchpoint_id for x in rank_drivers({1: [(x, x) for x in range(11)],
                                                   2: [(x, 10 - x) for x in range(11)]})] == [1, 2]


@pytest.fixture
def doc_with_overall(tmp_path):
    """A document whose responses carry the overall score (format 8; the wide import writes it)."""
    doc = Document.create(tmp_path / "o.jmap")
    m = doc.add_map(JourneyMap("M"))
    s, lane = doc.add_stage(Stage(m, "S")), doc.add_lane(Lane(m, "L"))
    strong = doc.add_touchpoint(Touchpoint(m, s, lane, "Checkout", impact=2, manual_nps=-20))
    weak = doc.add_touchpoint(Touchpoint(m, s, lane, "Parking", impact=4, manual_nps=10))
    for i in range(20):
        overall = i % 11
        doc.execute(f"INSERT INTO responses (touchpoint_id, score, {OVERALL_COLUMN}) VALUES (?, ?, ?)",
                    [strong, overall, overall])
        doc.execute(f"INSERT INTO responses (touchpoint_id, score, {OVERALL_COLUMN}) VALUES (?, ?, ?)",
                    [weak, (i * 7) % 11, overall])
    yield doc, m, strong, weak
    doc.close()


def test_hook_chart_and_matrix_use_the_overall_score(doc_with_overall):
    doc, m, strong, weak = doc_with_overall
    pairs = overall_pairs(doc, m)
    assert len(pairs[strong]) == 20
    ranked = rank_drivers(pairs)
    assert ranked[0].touchpoint_id == strong and ranked[0].r == pytest.approx(1.0)
    fig = charts.new_figure()
    assert charts.render("drivers", fig, charts.ChartContext(doc, m)) == 2
    fig = charts.new_figure()
    charts.render("priority_matrix", fig, charts.ChartContext(doc, m))
    rings = [c for c in fig.axes[0].collections if len(c.get_facecolors()) == 0]
    xs = sorted(float(o[0]) for c in rings for o in c.get_offsets())
    assert xs == sorted(float(d.impact) for d in ranked) and xs[-1] == 5.0  # Checkout: r = 1 -> impact 5


def test_without_overall_answers_the_chart_says_what_it_needs(tmp_path):
    with Document.create(tmp_path / "n.jmap") as doc:
        m = doc.add_map(JourneyMap("M"))
        s, lane = doc.add_stage(Stage(m, "S")), doc.add_lane(Lane(m, "L"))
        tp = doc.add_touchpoint(Touchpoint(m, s, lane, "Checkout"))
        doc.insert_responses([(tp, i % 11, None, "", None, "", None) for i in range(20)])  # no overall score
        assert overall_pairs(doc, m) == {}
        fig = charts.new_figure()
        assert charts.render("drivers", fig, charts.ChartContext(doc, m)) == 0
        assert "overall NPS" in " ".join(t.get_text() for t in fig.texts)
