"""What drives the overall NPS: how strongly each touchpoint's score moves with the overall one.

Method: Pearson's r between a touchpoint's 0-10 score and the same
respondent's overall 0-10 likelihood to recommend, over the respondents who
answered both (format 8 links them: ``responses.overall_score``). This is
"key driver analysis" by zero-order correlation, the first of the importance
indices reviewed by Johnson & LeBreton, "History and use of relative
importance indices in organizational research", Organizational Research
Methods 7(3), 2004. r is reported with its 95 % interval by Fisher's z
transform (z = atanh r, SE = 1 / sqrt(n - 3); R. A. Fisher, "On the probable
error of a coefficient of correlation deduced from a small sample", Metron 1,
1921); a touchpoint needs ``MIN_PAIRS`` pairs. Correlation is not weight: touchpoints
that move together share credit, which is why the rank, not the size, feeds
the priority matrix's "impact from data".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

MIN_PAIRS = 10


class Driver(NamedTuple):
    touchpoint_id: int
    n: int
    r: float
    low: float
    high: float

    @property
    def impact(self) -> int:
        """r on the consultant's 1-5 impact scale: r <= 0 is 1, then one step per 0.15 (r >= 0.6 is 5)."""
        if self.r <= 0:
            return 1
        return min(5, 2 + int(self.r / 0.15))


def pearson(pairs: Sequence[tuple[float, float]]) -> float | None:
    n = len(pairs)
    if n < 2:
        return None
    mx = sum(x for x, _ in pairs) / n
    my = sum(y for _, y in pairs) / n
    sxx = sum((x - mx) ** 2 for x, _ in pairs)
    syy = sum((y - my) ** 2 for _, y in pairs)
    if sxx == 0 or syy == 0:
        return None  # no spread on one side: no relation can be measured
    sxy = sum((x - mx) * (y - my) for x, y in pairs)
    return sxy / math.sqrt(sxx * syy)


def driver(touchpoint_id: int, pairs: Sequence[tuple[float, float]], z: float = 1.96) -> Driver | None:
    """The touchpoint's correlation with the overall score, or None with too few pairs or no spread."""
    n = len(pairs)
    if n < MIN_PAIRS:
        return None
    r = pearson(pairs)
    if r is None:
        return None
    rz = math.atanh(max(-0.999999, min(0.999999, r)))
    se = 1.0 / math.sqrt(n - 3)
    return Driver(touchpoint_id, n, r, math.tanh(rz - z * se), math.tanh(rz + z * se))


def rank_drivers(pairs_by_touchpoint: dict[int, Sequence[tuple[float, float]]]) -> list[Driver]:
    """Drivers strongest first (ties: more pairs first)."""
    found = [d for tid, pairs in pairs_by_touchpoint.items() if (d := driver(tid, pairs)) is not None]
    return sorted(found, key=lambda d: (-d.r, -d.n))
