"""NPS and sentiment maths.

NPS asks "0-10, how likely are you to recommend us?": promoters answer 9-10,
passives 7-8, detractors 0-6, and NPS = 100 * (P - D) / N, from -100 to +100.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import NamedTuple

Z_95 = 1.96
LOW_SAMPLE_N = 30
"""Below this many answers an NPS is flagged as a small sample (the margin is then over ±25 points
for a typical split, so a card's number mostly reflects who happened to answer)."""


def classify(score: int) -> str:
    """'promoter', 'passive' or 'detractor' for a 0-10 score."""
    if not 0 <= score <= 10:
        raise ValueError(f"NPS score must be 0-10, got {score}")
    if score >= 9:
        return "promoter"
    if score >= 7:
        return "passive"
    return "detractor"


@dataclass(frozen=True)
class NpsSummary:
    promoters: int = 0
    passives: int = 0
    detractors: int = 0

    @property
    def n(self) -> int:
        return self.promoters + self.passives + self.detractors

    @property
    def nps(self) -> float | None:
        """NPS to one decimal, or None without answers."""
        if self.n == 0:
            return None
        return round(100.0 * (self.promoters - self.detractors) / self.n, 1)

    @property
    def margin(self) -> float | None:
        """Half-width of the 95 % adjusted-Wald interval, in NPS points (see :func:`nps_interval`).

        Never 0: three promoters out of three give +100 ± 56.6, not ± 0.
        """
        interval = nps_interval(self)
        return None if interval is None else round(interval.half_width, 1)

    @property
    def interval(self) -> NpsInterval | None:
        return nps_interval(self)

    @property
    def low_sample(self) -> bool:
        """Fewer answers than ``LOW_SAMPLE_N``: badges say "n=12, low"."""
        return 0 < self.n < LOW_SAMPLE_N

    def __add__(self, other: NpsSummary) -> NpsSummary:
        return NpsSummary(
            self.promoters + other.promoters,
            self.passives + other.passives,
            self.detractors + other.detractors,
        )


# --------------------------------------------------------------- intervals
# Adjusted-Wald interval for NPS: Rocks, B. (2016) "Interval Estimation for the
# 'Net Promoter Score'", The American Statistician 70(4), 365-372, found it the
# best of six methods for coverage and width; Sauro & Lewis (MeasuringU, "Confidence
# Intervals for Net Promoter Scores", 2021, and "Quantifying the User Experience",
# 2nd ed.) give the recipe used here: add 3/4 of a promoter, 3/4 of a detractor and
# 3/2 of a passive (n + 3 in all), then use the trinomial variance
# p' + d' - (p' - d')^2 of the adjusted proportions. Unlike the plain Wald interval
# it never collapses to ±0 when every answer is in one group (3 of 3 promoters:
# +100, interval -6.6..+100), and it keeps ~95 % coverage down to n of about 10.
ADJUST_EACH = 0.75  # added to promoters and to detractors
ADJUST_N = 3.0  # added to n (so passives get 1.5)


class NpsInterval(NamedTuple):
    """A 95 % interval around an NPS, in NPS points, clipped to -100..+100."""

    centre: float  # the adjusted NPS the interval is centred on (not the reported NPS)
    half_width: float
    low: float
    high: float


def _adjusted(summary: NpsSummary) -> tuple[float, float, float]:
    """Adjusted NPS (as a proportion, -1..1), its variance per answer, and the adjusted n."""
    n_adj = summary.n + ADJUST_N
    p = (summary.promoters + ADJUST_EACH) / n_adj
    d = (summary.detractors + ADJUST_EACH) / n_adj
    return p - d, p + d - (p - d) ** 2, n_adj


def nps_interval(summary: NpsSummary, z: float = Z_95) -> NpsInterval | None:
    """The adjusted-Wald 95 % interval of an NPS (None without answers)."""
    if summary.n == 0:
        return None
    centre, variance, n_adj = _adjusted(summary)
    half = z * math.sqrt(variance / n_adj)
    return NpsInterval(
        round(100.0 * centre, 1), 100.0 * half,
        round(max(-100.0, 100.0 * (centre - half)), 1), round(min(100.0, 100.0 * (centre + half)), 1),
    )


class NpsDifference(NamedTuple):
    """B minus A, tested at 95 % (see :func:`compare_nps`)."""

    delta: float | None  # reported NPS of B minus reported NPS of A, one decimal
    z: float | None
    p_value: float | None
    significant: bool
    low: float | None  # 95 % interval of the difference (adjusted), NPS points
    high: float | None


def compare_nps(a: NpsSummary, b: NpsSummary, z_crit: float = Z_95) -> NpsDifference:
    """Two-sided test at 95 % of the difference between two independent NPS values.

    The adjusted-Wald test of Sauro & Lewis (MeasuringU, "How to Statistically
    Compare Two Net Promoter Scores", 2021; evaluated in "Evaluating NPS
    Significance Tests with Real-World Data"), built on Rocks (2016): adjust each
    sample as for the interval (3/4 promoter, 3/4 detractor, n + 3), then
    z = (NPS'_b - NPS'_a) / sqrt(var'_a / n'_a + var'_b / n'_b), significant when
    |z| >= 1.96. Needs answers on both sides; otherwise nothing is significant.
    """
    if a.n == 0 or b.n == 0:
        delta = None if a.nps is None or b.nps is None else round(b.nps - a.nps, 1)
        return NpsDifference(delta, None, None, False, None, None)
    ca, va, na = _adjusted(a)
    cb, vb, nb = _adjusted(b)
    se = math.sqrt(va / na + vb / nb)
    diff = cb - ca
    z = diff / se
    p_value = math.erfc(abs(z) / math.sqrt(2.0))
    assert a.nps is not None and b.nps is not None
    return NpsDifference(
        round(b.nps - a.nps, 1), round(z, 3), p_value, abs(z) >= z_crit,
        round(100.0 * (diff - z_crit * se), 1), round(100.0 * (diff + z_crit * se), 1),
    )


def summarise(scores: Iterable[int]) -> NpsSummary:
    p = s = d = 0
    for score in scores:
        kind = classify(score)
        if kind == "promoter":
            p += 1
        elif kind == "passive":
            s += 1
        else:
            d += 1
    return NpsSummary(p, s, d)


def nps(scores: Iterable[int]) -> float | None:
    return summarise(scores).nps


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the non-missing values, or None."""
    total = 0.0
    count = 0
    for v in values:
        if v is not None:
            total += v
            count += 1
    return total / count if count else None


@dataclass(frozen=True)
class TouchpointMetrics:
    """What a card shows: the effective NPS and sentiment and where they came from.

    Responses win over manual values; manual counts win over a manual NPS.
    """

    summary: NpsSummary
    nps: float | None
    margin: float | None
    sentiment: float | None
    source: str  # "responses", "manual" or "none"
    sentiment_n: int = 0


# What a card without answers or manual values shows (frozen, so one object serves every such card).
NO_METRICS = TouchpointMetrics(NpsSummary(), None, None, None, "none")


def effective_metrics(
    summary: NpsSummary,
    sentiment_sum: float,
    sentiment_n: int,
    manual_nps: float | None = None,
    manual_sentiment: float | None = None,
    manual_counts: tuple[int | None, int | None, int | None] = (None, None, None),
) -> TouchpointMetrics:
    if summary.n:
        sentiment = sentiment_sum / sentiment_n if sentiment_n else manual_sentiment
        return TouchpointMetrics(summary, summary.nps, summary.margin, sentiment, "responses", sentiment_n)
    if sentiment_n:
        # Sentiment-only answers (a 1-5 / 1-7 satisfaction scale): their sentiment, the manual NPS.
        m = effective_metrics(summary, 0.0, 0, manual_nps, None, manual_counts)
        source = m.source if m.source != "none" else "responses"
        return replace(m, sentiment=sentiment_sum / sentiment_n, source=source, sentiment_n=sentiment_n)
    counts = tuple(c or 0 for c in manual_counts)
    if any(c is not None for c in manual_counts) and sum(counts):
        manual = NpsSummary(*counts)
        return TouchpointMetrics(manual, manual.nps, manual.margin, manual_sentiment, "manual")
    if manual_nps is not None or manual_sentiment is not None:
        return TouchpointMetrics(NpsSummary(), manual_nps, None, manual_sentiment, "manual")
    return NO_METRICS


def nps_band(value: float | None) -> str:
    """A coarse band for filtering and colouring: none, critical, poor, good, excellent."""
    if value is None:
        return "none"
    if value < 0:
        return "critical"
    if value < 30:
        return "poor"
    if value < 70:
        return "good"
    return "excellent"


SENTIMENT_SCALE: tuple[tuple[str, float], ...] = (
    ("very negative", -1.0),
    ("negative", -0.5),
    ("neutral", 0.0),
    ("positive", 0.5),
    ("very positive", 1.0),
)
