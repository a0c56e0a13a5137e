"""NPS and sentiment maths against hand-computed values."""

import pytest

from journeymap.domain.metrics import (
    NpsSummary,
    classify,
    effective_metrics,
    mean,
    nps,
    nps_band,
    summarise,
)


@pytest.mark.parametrize(
    ("score", "kind"),
    [(0, "detractor"), (6, "detractor"), (7, "passive"), (8, "passive"), (9, "promoter"), (10, "promoter")],
)
def test_classify_boundaries(score, kind):
    assert classify(score) == kind


@pytest.mark.parametrize("score", [-1, 11])
def test_classify_rejects_out_of_range(score):
    with pytest.raises(ValueError):
        classify(score)


def test_all_promoters_is_100():
    assert nps([9, 10, 10]) == 100.0


def test_all_detractors_is_minus_100():
    assert nps([0, 3, 6]) == -100.0


def test_empty_is_none():
    assert nps([]) is None
    assert NpsSummary().margin is None


def test_mixed_vector_one_decimal():
    # 3 promoters, 2 passives, 2 detractors out of 7 -> 100 * 1/7 = 14.285...
    summary = summarise([10, 9, 9, 8, 7, 6, 0])
    assert (summary.promoters, summary.passives, summary.detractors) == (3, 2, 2)
    assert summary.nps == 14.3


def test_margin_of_error_hand_computed():
    # Adjusted Wald: n' = 103, p' = 50.75/103 = 0.492718, d' = 25.75/103 = 0.25;
    # var = 0.742718 - 0.242718^2 = 0.683807; 1.96 * sqrt(0.683807 / 103) * 100 = 15.97
    summary = NpsSummary(50, 25, 25)
    assert summary.nps == 25.0
    assert summary.margin == 16.0


def test_margin_is_not_zero_when_everyone_agrees():
    # 10 of 10 promoters: n' = 13, p' = 10.75/13, d' = 0.75/13; var = 0.884615 - 0.769231^2 = 0.292899
    # 1.96 * sqrt(0.292899 / 13) * 100 = 29.42
    assert NpsSummary(10, 0, 0).margin == 29.4


def test_responses_win_over_manual_values():
    m = effective_metrics(NpsSummary(1, 0, 1), 0.5, 2, manual_nps=80, manual_sentiment=-1)
    assert (m.nps, m.sentiment, m.source) == (0.0, 0.25, "responses")


def test_manual_counts_then_manual_nps():
    m = effective_metrics(NpsSummary(), 0, 0, manual_nps=80, manual_counts=(6, 2, 2))
    assert (m.nps, m.source, m.summary.n) == (40.0, "manual", 10)
    m = effective_metrics(NpsSummary(), 0, 0, manual_nps=-12.5, manual_sentiment=0.5)
    assert (m.nps, m.sentiment, m.source) == (-12.5, 0.5, "manual")
    assert effective_metrics(NpsSummary(), 0, 0).source == "none"


def test_mean_skips_missing():
    assert mean([1.0, None, 0.0]) == 0.5
    assert mean([None]) is None


@pytest.mark.parametrize(
    ("value", "band"), [(None, "none"), (-5, "critical"), (0, "poor"), (29.9, "poor"), (30, "good"), (70, "excellent")]
)
def test_nps_bands(value, band):
    assert nps_band(value) == band
