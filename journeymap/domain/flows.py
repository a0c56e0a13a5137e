"""The journey customers really took, from an event log: transitions, reach, drop-off, outcomes, paths.

Plain values (storage reads them, the CLI prints them, the canvas draws them),
and the comparison of the observed flows with the connections the team drew
("believed vs observed").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

# A flow is "frequent" when at least this share of the log's customers took it ...
FREQUENT_SHARE = 0.10
# ... and a drawn connection is "rarely taken" when fewer than this share did.
RARE_SHARE = 0.02


@dataclass(frozen=True)
class Transition:
    """Customers who went from one touchpoint straight to another (their next event), and how long it took."""

    from_id: int
    to_id: int
    customers: int  # distinct customers
    moves: int = 0  # every such step (a customer may go A->B twice)
    median_hours: float | None = None


@dataclass(frozen=True)
class TouchpointFlow:
    id: int
    reach: int  # customers with at least one event there
    drop_off: int  # customers whose last event was there
    events: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)  # outcome -> customers who reached it after coming here


@dataclass(frozen=True)
class JourneyPath:
    steps: tuple[int, ...]  # touchpoint ids, consecutive repeats collapsed
    customers: int


@dataclass
class Flows:
    """Everything a map's event logs say, aggregated."""

    customers: int = 0
    events: int = 0
    transitions: list[Transition] = field(default_factory=list)
    touchpoints: dict[int, TouchpointFlow] = field(default_factory=dict)
    paths: list[JourneyPath] = field(default_factory=list)
    outcomes: dict[str, int] = field(default_factory=dict)  # outcome -> customers who reached it at all
    first_time: str | None = None
    last_time: str | None = None
    batch_ids: tuple[int, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.events

    def outcome_share(self, touchpoint_id: int, outcome: str) -> float | None:
        """Share of the customers who came to the touchpoint and later reached *outcome*."""
        tp = self.touchpoints.get(touchpoint_id)
        if tp is None or not tp.reach:
            return None
        return tp.outcomes.get(outcome, 0) / tp.reach

    def restricted(self, ids: Iterable[int]) -> Flows:
        """The flows between the given touchpoints only (cards deleted since the import are left out)."""
        keep = set(ids)
        return Flows(
            self.customers, self.events,
            [t for t in self.transitions if t.from_id in keep and t.to_id in keep],
            {k: v for k, v in self.touchpoints.items() if k in keep},
            [p for p in self.paths if all(s in keep for s in p.steps)],
            dict(self.outcomes), self.first_time, self.last_time, self.batch_ids,
        )


@dataclass(frozen=True)
class Comparison:
    """Believed (drawn connections) vs observed (the log's transitions)."""

    confirmed: list[tuple[int, int]]  # drawn and taken often enough
    missing: list[Transition]  # frequent in the data, not drawn
    rarely_taken: list[tuple[int, int]]  # drawn, but (almost) nobody takes it


def compare(flows: Flows, connections: Iterable[tuple[int, int]], *, frequent: float = FREQUENT_SHARE,
            rare: float = RARE_SHARE) -> Comparison:
    """Which observed flows are missing from the drawn *connections* (source, target), and which drawn
    connections almost nobody takes; shares are of the log's customers."""
    drawn = list(dict.fromkeys(connections))
    total = max(1, flows.customers)
    by_pair = {(t.from_id, t.to_id): t for t in flows.transitions}
    confirmed, rarely = [], []
    for pair in drawn:
        taken = by_pair.get(pair)
        if taken is None or taken.customers < rare * total:
            rarely.append(pair)
        else:
            confirmed.append(pair)
    drawn_set = set(drawn)
    missing = sorted(
        (t for pair, t in by_pair.items() if pair not in drawn_set and t.customers >= frequent * total),
        key=lambda t: (-t.customers, t.from_id, t.to_id),
    )
    return Comparison(confirmed, missing, rarely)
