"""What a presentation shows, stage by stage: the map's content gathered once for decks, reports and slides.

Headless and Qt-free. The PowerPoint deck, the PDF report and presentation
mode all draw from a ``MapContent``: the stages in order, and for each the
lanes that hold cards there with those cards and their effective metrics,
filtered to the stages and lanes the user chose to include.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from journeymap.domain.metrics import NpsSummary, TouchpointMetrics, mean
from journeymap.domain.model import JourneyMap, Lane, Persona, Stage, Touchpoint
from journeymap.services.reporting import touchpoint_metrics
from journeymap.storage import Document
from journeymap.storage.comments import Comment, top_comments
from journeymap.storage.quotes import quotes


@dataclass(frozen=True)
class Card:
    touchpoint: Touchpoint
    metrics: TouchpointMetrics
    quotes: tuple[str, ...] = ()  # customer comments pinned on the card, in pinned order


@dataclass
class StageContent:
    stage: Stage
    rows: list[tuple[Lane, list[Card]]]  # lanes with at least one card in this stage, in map order
    summary: NpsSummary = field(default_factory=NpsSummary)
    nps: float | None = None
    sentiment: float | None = None

    @property
    def cards(self) -> list[Card]:
        return [card for _lane, cards in self.rows for card in cards]


@dataclass
class MapContent:
    journey_map: JourneyMap
    stages: list[StageContent]
    lanes: list[Lane]
    promoter_comments: list[Comment] = field(default_factory=list)
    detractor_comments: list[Comment] = field(default_factory=list)
    personas: list[Persona] = field(default_factory=list)  # the map's, in order

    @property
    def card_count(self) -> int:
        return sum(len(s.cards) for s in self.stages)


def map_content(
    doc: Document,
    map_id: int,
    *,
    segment: str | None = None,
    stage_ids: Collection[int] | None = None,
    lane_ids: Collection[int] | None = None,
    comments: int = 5,
) -> MapContent:
    """The map's stages, lanes and cards (only *stage_ids*/*lane_ids* when given) and its top comments."""
    stages = [s for s in doc.stages(map_id) if stage_ids is None or s.id in stage_ids]
    lanes = [lane for lane in doc.lanes(map_id) if lane_ids is None or lane.id in lane_ids]
    wanted_stages = {s.id for s in stages}
    wanted_lanes = {lane.id for lane in lanes}
    touchpoints = [tp for tp in doc.touchpoints(map_id) if tp.stage_id in wanted_stages and tp.lane_id in wanted_lanes]
    metrics = touchpoint_metrics(doc, map_id, segment, touchpoints)
    pinned = quotes(doc, map_id)
    by_cell: dict[tuple[int, int], list[Card]] = {}
    for tp in touchpoints:
        said = tuple(q.text for q in pinned.get(tp.id, ()))
        by_cell.setdefault((tp.stage_id, tp.lane_id), []).append(Card(tp, metrics[tp.id], said))
    contents = []
    for stage in stages:
        rows = [(lane, by_cell[(stage.id, lane.id)]) for lane in lanes if (stage.id, lane.id) in by_cell]
        content = StageContent(stage, rows)
        mine = [c.metrics for c in content.cards]
        content.summary = sum((m.summary for m in mine), NpsSummary())
        nps = content.summary.nps if content.summary.n else mean(m.nps for m in mine)
        content.nps = None if nps is None else round(nps, 1)
        content.sentiment = mean(m.sentiment for m in mine)
        contents.append(content)
    result = MapContent(doc.get_map(map_id), contents, lanes, personas=doc.map_personas(map_id))
    if comments:
        ids = None if stage_ids is None and lane_ids is None else [tp.id for tp in touchpoints]
        if ids != []:
            result.promoter_comments = top_comments(doc, map_id, "promoter", comments, segment, ids)
            result.detractor_comments = top_comments(doc, map_id, "detractor", comments, segment, ids)
    return result
