"""Adjusted-Wald NPS interval and two-sample test against hand-computed values."""

import pytest

from journeymap.domain.metrics import NpsSummary, compare_nps, nps_interval


def test_three_promoters_of_three_is_not_plus_minus_zero():
    # n' = 6, p' = 3.75/6 = 0.625, d' = 0.75/6 = 0.125: centre 0.5, var = 0.75 - 0.25 = 0.5
    # half = 1.96 * sqrt(0.5 / 6) = 0.5658 -> interval 50 +- 56.6, clipped at +100
    summary = NpsSummary(3, 0, 0)
    assert summary.nps == 100.0
    assert summary.margin == 56.6
    interval = nps_interval(summary)
    assert (interval.centre, interval.low, interval.high) == (50.0, -6.6, 100.0)


def test_three_detractors_of_three_mirrors():
    interval = nps_interval(NpsSummary(0, 0, 3))
    assert (interval.low, interval.high) == (-100.0, 6.6)


def test_interval_contains_the_reported_nps_and_shrinks_with_n():
    small, big = NpsSummary(6, 2, 2), NpsSummary(600, 200, 200)
    for s in (small, big):
        assert s.interval.low <= s.nps <= s.interval.high
    assert big.margin < small.margin / 5


def test_low_sample_flag():
    assert NpsSummary(10, 1, 1).low_sample  # n = 12
    assert not NpsSummary(20, 5, 5).low_sample  # n = 30
    assert not NpsSummary().low_sample


def test_large_difference_is_significant():
    # A: 20 P, 10 S, 70 D (NPS -50); B: 60 P, 20 S, 20 D (NPS +40).
    # A': p' = 20.75/103 = 0.201456, d' = 70.75/103 = 0.686893, var = 0.888350 - 0.235649 = 0.652701
    # B': p' = 60.75/103 = 0.589806, d' = 20.75/103 = 0.201456, var = 0.791262 - 0.150816 = 0.640446
    # z = (0.388350 + 0.485437) / sqrt((0.652701 + 0.640446) / 103) = 0.873786 / 0.112048 = 7.798
    diff = compare_nps(NpsSummary(20, 10, 70), NpsSummary(60, 20, 20))
    assert diff.delta == 90.0
    assert diff.z == pytest.approx(7.798, abs=0.001)
    assert diff.significant
    assert diff.low > 0


def test_equal_split_is_not_significant():
    diff = compare_nps(NpsSummary(30, 40, 30), NpsSummary(30, 40, 30))
    assert (diff.delta, diff.z, diff.significant) == (0.0, 0.0, False)
    assert diff.p_value == pytest.approx(1.0)


def test_borderline_difference_depends_on_n():
    # A: 40/30/30 (NPS 10), B: 55/25/20 (NPS 35), n = 100 each:
    # A': c = 0.097087, var = 0.694175 - 0.009426 = 0.684749; B': c = 0.339806, var = 0.742718 - 0.115468 = 0.627250
    # z = 0.242719 / sqrt(1.311999 / 103) = 0.242719 / 0.112862 = 2.151 -> significant (p = 0.031)
    big = compare_nps(NpsSummary(40, 30, 30), NpsSummary(55, 25, 20))
    assert big.z == pytest.approx(2.151, abs=0.001)
    assert big.significant
    assert big.p_value == pytest.approx(0.0315, abs=0.001)
    # The same split with a fifth of the answers is within noise.
    small = compare_nps(NpsSummary(8, 6, 6), NpsSummary(11, 5, 4))
    assert small.delta == 25.0
    assert not small.significant


def test_no_answers_on_one_side_is_never_significant():
    diff = compare_nps(NpsSummary(), NpsSummary(5, 0, 0))
    assert diff == (None, None, None, False, None, None)
