"""Compare two segments or two periods, per touchpoint and per stage, with a significance test.

Each side's NPS comes from the survey responses of that segment or period
(manual values are not samples and are left out). ``significant`` is the
two-sided adjusted-Wald test of the difference of two NPS at 95 %
(``domain.metrics.compare_nps``: Sauro & Lewis 2021, after Rocks 2016).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from journeymap.domain.metrics import NpsSummary, compare_nps
from journeymap.storage import Document
from journeymap.storage.survey_queries import group_counts

COMPARE_COLUMNS = ("kind", "id", "title", "stage", "n_a", "nps_a", "n_b", "nps_b", "delta", "significant",
                   "p_value")


class PeriodError(ValueError):
    """A period that is not ``YYYY-MM-DD..YYYY-MM-DD``, or ends before it starts."""

    def __init__(self, text: str, backwards: bool = False):
        self.text, self.backwards = text, backwards
        super().__init__(f"period {text!r} " + ("ends before it starts" if backwards
                                                else "is not YYYY-MM-DD..YYYY-MM-DD"))


def parse_period(text: str) -> tuple[str, str]:
    """``2024-01-01..2024-03-31`` -> ("2024-01-01", "2024-03-31"), both ends included."""
    start, sep, end = text.partition("..")
    try:
        if not sep:
            raise ValueError
        first, last = date.fromisoformat(start.strip()), date.fromisoformat(end.strip())
    except ValueError:
        raise PeriodError(text) from None
    if last < first:
        raise PeriodError(text, backwards=True)
    return first.isoformat(), last.isoformat()


@dataclass(frozen=True)
class Side:
    """One side of a comparison: a segment or a period."""

    segment: str | None = None
    period: tuple[str, str] | None = None

    @property
    def label(self) -> str:
        if self.period is not None:
            return f"{self.period[0]}..{self.period[1]}"
        return self.segment or ""


@dataclass(frozen=True)
class CompareRow:
    kind: str  # "touchpoint" or "stage"
    id: int
    title: str
    stage: str
    a: NpsSummary
    b: NpsSummary

    @property
    def difference(self):  # -> NpsDifference
        return compare_nps(self.a, self.b)

    def as_dict(self) -> dict[str, object]:
        diff = self.difference
        return {
            "kind": self.kind, "id": self.id, "title": self.title, "stage": self.stage,
            "n_a": self.a.n, "nps_a": self.a.nps, "n_b": self.b.n, "nps_b": self.b.nps,
            "delta": diff.delta, "significant": diff.significant,
            "p_value": None if diff.p_value is None else round(diff.p_value, 4),
        }


def compare(doc: Document, map_id: int, a: Side, b: Side) -> list[CompareRow]:
    """Touchpoint rows in map order, then one pooled row per stage."""
    counts_a = group_counts(doc, map_id, segment=a.segment, period=a.period)
    counts_b = group_counts(doc, map_id, segment=b.segment, period=b.period)
    stages = doc.stages(map_id)
    names = {s.id: s.name for s in stages}
    touchpoints = doc.touchpoints(map_id)
    rows = []
    pooled: dict[int, tuple[NpsSummary, NpsSummary]] = {s.id: (NpsSummary(), NpsSummary()) for s in stages}
    for tp in touchpoints:
        sa, sb = NpsSummary(*counts_a.get(tp.id, (0, 0, 0))), NpsSummary(*counts_b.get(tp.id, (0, 0, 0)))
        rows.append(CompareRow("touchpoint", tp.id, tp.title, names.get(tp.stage_id, ""), sa, sb))
        pa, pb = pooled.get(tp.stage_id, (NpsSummary(), NpsSummary()))
        pooled[tp.stage_id] = (pa + sa, pb + sb)
    for s in stages:
        pa, pb = pooled[s.id]
        rows.append(CompareRow("stage", s.id, s.name, s.name, pa, pb))
    return rows


def compare_rows(doc: Document, map_id: int, a: Side, b: Side) -> list[dict[str, object]]:
    return [r.as_dict() for r in compare(doc, map_id, a, b)]
