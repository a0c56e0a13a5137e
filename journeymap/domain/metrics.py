"""NPS and sentiment maths.

NPS asks "0-10, how likely are you to recommend us?": promoters answer 9-10,
passives 7-8, detractors 0-6, and NPS = 100 * (P - D) / N, from -100 to +100.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

Z_95 = 1.96


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
        """Half-width of the 95 % confidence interval, in NPS points.

        NPS is the mean of a variable that is +1 for promoters, -1 for
        detractors and 0 for passives; its variance is p + d - (p - d)^2.
        """
        n = self.n
        if n == 0:
            return None
        p = self.promoters / n
        d = self.detractors / n
        variance = p + d - (p - d) ** 2
        return round(100.0 * Z_95 * math.sqrt(variance / n), 1)

    def __add__(self, other: NpsSummary) -> NpsSummary:
        return NpsSummary(
            self.promoters + other.promoters,
            self.passives + other.passives,
            self.detractors + other.detractors,
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
    counts = tuple(c or 0 for c in manual_counts)
    if any(c is not None for c in manual_counts) and sum(counts):
        manual = NpsSummary(*counts)
        return TouchpointMetrics(manual, manual.nps, manual.margin, manual_sentiment, "manual")
    if manual_nps is not None or manual_sentiment is not None:
        return TouchpointMetrics(NpsSummary(), manual_nps, None, manual_sentiment, "manual")
    return TouchpointMetrics(NpsSummary(), None, None, None, "none")


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
