"""Current state vs future state: which touchpoints were added, removed or changed, and by how much.

A future state made with "Duplicate as future state" names its source map and,
card by card, the card each was copied from (``origin_id``), so a card renamed
and moved to another stage is still "changed", not "removed and added".
Headless: the comparison view, its PNG/PDF export and tests all read this.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from journeymap.domain.model import Touchpoint
from journeymap.services.reporting import touchpoint_metrics
from journeymap.storage import Document, DocumentError

# The fields whose change makes a card "changed" (position within a cell does not).
COMPARED_FIELDS = (
    "title", "description", "channel", "sensation", "moment_of_truth", "owner", "impact", "tags",
    "controllable", "expectation", "evidence", "waiting_minutes", "stage", "lane",
)


class Status(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    SAME = "same"


@dataclass(frozen=True)
class Difference:
    status: Status
    title: str
    stage: str
    lane: str
    current_id: int | None = None
    future_id: int | None = None
    fields: tuple[str, ...] = ()
    nps_before: float | None = None
    nps_after: float | None = None
    sentiment_before: float | None = None
    sentiment_after: float | None = None

    @property
    def nps_delta(self) -> float | None:
        if self.nps_before is None or self.nps_after is None:
            return None
        return round(self.nps_after - self.nps_before, 1)

    @property
    def sentiment_delta(self) -> float | None:
        if self.sentiment_before is None or self.sentiment_after is None:
            return None
        return round(self.sentiment_after - self.sentiment_before, 3)


@dataclass(frozen=True)
class Comparison:
    current_map_id: int
    future_map_id: int
    current_title: str
    future_title: str
    differences: list[Difference] = field(default_factory=list)

    def of(self, status: Status) -> list[Difference]:
        return [d for d in self.differences if d.status == status]

    def counts(self) -> dict[Status, int]:
        return {s: len(self.of(s)) for s in Status}


class ComparisonError(ValueError):
    """The map is not a future state of another map of this document."""


def _values(tp: Touchpoint, stages: dict[int, str], lanes: dict[int, str]) -> dict[str, object]:
    out = {name: getattr(tp, name) for name in COMPARED_FIELDS if name not in ("stage", "lane")}
    out["stage"], out["lane"] = stages.get(tp.stage_id, ""), lanes.get(tp.lane_id, "")
    return out


def compare(doc: Document, future_map_id: int, current_map_id: int | None = None) -> Comparison:
    """Compare a future state with its source (or with *current_map_id*)."""
    future = doc.get_map(future_map_id)
    source_id = current_map_id if current_map_id is not None else future.source_map_id
    if source_id is None:
        raise ComparisonError(f"“{future.title}” is not a future state of another map.")
    try:
        current = doc.get_map(source_id)
    except DocumentError as exc:
        raise ComparisonError(f"the current state of “{future.title}” no longer exists.") from exc
    c_stages = {s.id: s.name for s in doc.stages(current.id)}
    c_lanes = {l.id: l.name for l in doc.lanes(current.id)}
    f_stages = {s.id: s.name for s in doc.stages(future.id)}
    f_lanes = {l.id: l.name for l in doc.lanes(future.id)}
    before = doc.touchpoints(current.id)
    after = doc.touchpoints(future.id)
    m_before = touchpoint_metrics(doc, current.id, None, before)
    m_after = touchpoint_metrics(doc, future.id, None, after)
    by_id = {tp.id: tp for tp in before}
    matched: set[int] = set()
    diffs: list[Difference] = []
    for tp in after:
        origin = by_id.get(tp.origin_id) if tp.origin_id is not None else None
        ma = m_after[tp.id]
        if origin is None or origin.id in matched:
            diffs.append(Difference(Status.ADDED, tp.title, f_stages.get(tp.stage_id, ""), f_lanes.get(tp.lane_id, ""),
                                    None, tp.id, (), None, ma.nps, None, ma.sentiment))
            continue
        matched.add(origin.id)  # type: ignore[arg-type]
        mb = m_before[origin.id]
        old, new = _values(origin, c_stages, c_lanes), _values(tp, f_stages, f_lanes)
        changed = tuple(name for name in COMPARED_FIELDS if old[name] != new[name])
        moved_metric = (mb.nps != ma.nps) or (mb.sentiment != ma.sentiment)
        status = Status.CHANGED if changed or moved_metric else Status.SAME
        diffs.append(Difference(status, tp.title, new["stage"], new["lane"], origin.id, tp.id,  # type: ignore[arg-type]
                                changed, mb.nps, ma.nps, mb.sentiment, ma.sentiment))
    for tp in before:
        if tp.id not in matched:
            mb = m_before[tp.id]
            diffs.append(Difference(Status.REMOVED, tp.title, c_stages.get(tp.stage_id, ""),
                                    c_lanes.get(tp.lane_id, ""), tp.id, None, (), mb.nps, None, mb.sentiment, None))
    return Comparison(current.id, future.id, current.title, future.title, diffs)
