"""Per-touchpoint and per-stage metrics: what overlays, charts and reports show."""

from __future__ import annotations

from typing import NamedTuple

from journeymap.domain.metrics import NO_METRICS, NpsSummary, TouchpointMetrics, effective_metrics, mean
from journeymap.domain.model import Touchpoint
from journeymap.storage import Document

REPORT_COLUMNS = (
    "id", "title", "stage", "lane", "channel", "responses", "promoters", "passives",
    "detractors", "nps", "nps_margin", "sentiment",
)


def touchpoint_metrics(
    doc: Document, map_id: int, segment: str | None = None, touchpoints: list[Touchpoint] | None = None
) -> dict[int, TouchpointMetrics]:
    """Effective metrics of every touchpoint of a map, from one grouped query."""
    if touchpoints is None:
        touchpoints = doc.touchpoints(map_id)
        counts = doc.response_counts(map_id, segment)
    else:
        counts = doc.response_counts(map_id, segment, [tp.id for tp in touchpoints])
    result: dict[int, TouchpointMetrics] = {}
    for tp in touchpoints:
        if (tp.id not in counts and tp.manual_nps is None and tp.manual_sentiment is None
                and tp.manual_promoters is None and tp.manual_passives is None and tp.manual_detractors is None):
            result[tp.id] = NO_METRICS  # nothing to show (most cards of a big new map): no arithmetic per card
            continue
        p, s, d, sent_sum, sent_n = counts.get(tp.id, (0, 0, 0, 0.0, 0))
        result[tp.id] = effective_metrics(
            NpsSummary(p, s, d), sent_sum, sent_n, tp.manual_nps, tp.manual_sentiment,
            (tp.manual_promoters, tp.manual_passives, tp.manual_detractors),
        )
    return result


class StageMetrics(NamedTuple):
    stage_id: int
    name: str
    summary: NpsSummary
    nps: float | None
    sentiment: float | None
    touchpoints: int


def stage_metrics(doc: Document, map_id: int, segment: str | None = None) -> list[StageMetrics]:
    """Stage NPS pools the answers of its touchpoints; sentiment averages their effective values."""
    touchpoints = doc.touchpoints(map_id)
    metrics = touchpoint_metrics(doc, map_id, segment, touchpoints)
    rows = []
    for stage in doc.stages(map_id):
        mine = [metrics[tp.id] for tp in touchpoints if tp.stage_id == stage.id]
        pooled = sum((m.summary for m in mine), NpsSummary())
        nps = pooled.nps if pooled.n else mean(m.nps for m in mine)
        rows.append(
            StageMetrics(stage.id, stage.name, pooled, None if nps is None else round(nps, 1),
                         mean(m.sentiment for m in mine), len(mine))
        )
    return rows


def report_rows(doc: Document, map_id: int, segment: str | None = None) -> list[dict[str, object]]:
    """One dict per touchpoint with exactly ``REPORT_COLUMNS``, in map order."""
    stages = {s.id: s.name for s in doc.stages(map_id)}
    lanes = {l.id: l.name for l in doc.lanes(map_id)}
    touchpoints = doc.touchpoints(map_id)
    metrics = touchpoint_metrics(doc, map_id, segment, touchpoints)
    rows = []
    for tp in touchpoints:
        m = metrics[tp.id]
        rows.append(
            {
                "id": tp.id,
                "title": tp.title,
                "stage": stages.get(tp.stage_id, ""),
                "lane": lanes.get(tp.lane_id, ""),
                "channel": tp.channel,
                "responses": m.summary.n if m.source == "responses" else 0,
                "promoters": m.summary.promoters,
                "passives": m.summary.passives,
                "detractors": m.summary.detractors,
                "nps": m.nps,
                "nps_margin": m.margin,
                "sentiment": None if m.sentiment is None else round(m.sentiment, 3),
            }
        )
    return rows


OVERALL_COLUMNS = ("map", "responses", "promoters", "passives", "detractors", "nps", "nps_margin")


def overall_summary(doc: Document, map_id: int, segment: str | None = None) -> NpsSummary:
    """The map's overall (relationship) NPS: the wide survey's question that names no touchpoint."""
    return NpsSummary(*doc.overall_counts(map_id, segment))


def overall_row(doc: Document, map_id: int, segment: str | None = None) -> dict[str, object]:
    """The overall NPS as one row with exactly ``OVERALL_COLUMNS``."""
    s = overall_summary(doc, map_id, segment)
    return {
        "map": doc.get_map(map_id).title, "responses": s.n, "promoters": s.promoters, "passives": s.passives,
        "detractors": s.detractors, "nps": s.nps, "nps_margin": s.margin,
    }


DRIVER_COLUMNS = ("id", "title", "pairs", "r", "r_low", "r_high", "impact", "impact_from_data")


def driver_rows(doc: Document, map_id: int, segment: str | None = None) -> list[dict[str, object]]:
    """What drives the overall NPS (domain.drivers: Pearson r with its Fisher-z interval), strongest
    first, beside the consultant's impact: the rows behind the drivers chart and the priority matrix's rings."""
    from journeymap.domain.drivers import rank_drivers
    from journeymap.storage.drivers_sql import overall_pairs

    touchpoints = {tp.id: tp for tp in doc.touchpoints(map_id)}
    return [
        {"id": d.touchpoint_id, "title": touchpoints[d.touchpoint_id].title, "pairs": d.n, "r": round(d.r, 3),
         "r_low": round(d.low, 3), "r_high": round(d.high, 3), "impact": touchpoints[d.touchpoint_id].impact,
         "impact_from_data": d.impact}
        for d in rank_drivers(overall_pairs(doc, map_id, segment))
    ]
