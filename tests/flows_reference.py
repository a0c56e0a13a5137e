"""The reference flow count for the tests: one customer at a time, in SQL's journey order.

This was the product's counter before ``storage.flows_count`` (2.1 s for 1M events); it is kept
as the plain, obviously-right oracle the NumPy count must equal. Events whose time does not read
as ISO are left out, as the product leaves them out.
"""

from __future__ import annotations

import statistics
from array import array
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from itertools import groupby
from operator import itemgetter
from typing import Any

from journeymap.domain.flows import Flows, JourneyPath, TouchpointFlow, Transition
from journeymap.storage.events_sql import KEPT_PATHS, MAX_PATH_STEPS


def _readable(time: Any) -> bool:
    try:
        datetime.fromisoformat(time)
    except (TypeError, ValueError):
        return False
    return True


def python_flows(doc, batch_ids: Sequence[int]) -> Flows:
    """The flows of *batch_ids* counted the plain way."""
    flows = Flows(batch_ids=tuple(batch_ids))
    if not batch_ids:
        return flows
    where = "batch_id IN (" + ", ".join(str(int(b)) for b in batch_ids) + ")"
    rows = doc.execute(
        f"SELECT customer, touchpoint_id, time, outcome FROM events WHERE {where} "
        "ORDER BY customer, time, touchpoint_id").fetchall()
    counter = _Counter()
    for _who, journey in groupby((r for r in rows if _readable(r[2])), key=itemgetter(0)):
        counter.add(list(journey))
    flows.events, flows.customers = counter.events, counter.customers
    flows.first_time, flows.last_time = counter.first_time, counter.last_time
    flows.transitions = sorted(
        (Transition(a, b, counter.pair_customers[(a, b)], len(hours), _hours(statistics.median(hours)))
         for (a, b), hours in counter.pairs.items()),
        key=lambda t: (-t.customers, t.from_id, t.to_id),
    )
    flows.touchpoints = {
        tp: TouchpointFlow(tp, counter.reach[tp], counter.drops.get(tp, 0), counter.visits[tp],
                           dict(sorted(counter.reached.get(tp, {}).items(), key=lambda kv: (-kv[1], kv[0]))))
        for tp in sorted(counter.reach)
    }
    flows.outcomes = dict(sorted(counter.outcomes.items(), key=lambda kv: (-kv[1], kv[0])))
    ranked = sorted(counter.paths.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[:KEPT_PATHS]
    flows.paths = [JourneyPath(steps, n) for steps, n in ranked]
    return flows


class _Counter:
    """Counts journeys: each one the (customer, touchpoint, time, outcome) rows of a customer, in time order."""

    def __init__(self) -> None:
        self.events = self.customers = 0
        self.first_time: str | None = None
        self.last_time: str | None = None
        self.pairs: dict[tuple[int, int], array[float]] = {}  # (from, to) -> hours of every move
        self.pair_customers: Counter[tuple[int, int]] = Counter()
        self.reach: Counter[int] = Counter()
        self.visits: Counter[int] = Counter()
        self.drops: Counter[int] = Counter()
        self.outcomes: Counter[str] = Counter()
        self.reached: dict[int, Counter[str]] = {}
        self.paths: Counter[tuple[int, ...]] = Counter()

    def add(self, journey: list[tuple[Any, ...]]) -> None:
        self.customers += 1
        self.events += len(journey)
        tps = [row[1] for row in journey]
        self.visits.update(tps)
        self.drops[tps[-1]] += 1
        first, last = journey[0][2], journey[-1][2]
        if self.first_time is None or first < self.first_time:
            self.first_time = first
        if self.last_time is None or last > self.last_time:
            self.last_time = last
        steps = [tps[0]]
        seen: set[tuple[int, int]] = set()
        pairs = self.pairs
        prev, prev_time = tps[0], first
        for _who, tp, time, _outcome in journey:
            if tp != prev:
                pair = (prev, tp)
                moves = pairs.get(pair)
                if moves is None:
                    moves = pairs[pair] = array("d")
                moves.append(_hours_between(prev_time, time))
                seen.add(pair)
                if len(steps) < MAX_PATH_STEPS:
                    steps.append(tp)
                prev = tp
            prev_time = time
        self.pair_customers.update(seen)
        self.paths[tuple(steps)] += 1
        firsts: dict[int, str] = {}
        for _who, tp, time, _outcome in journey:
            firsts.setdefault(tp, time)
        self.reach.update(firsts.keys())
        ends = {outcome: time for _who, _tp, time, outcome in journey if outcome}
        for outcome, end in ends.items():
            self.outcomes[outcome] += 1
            for tp, at in firsts.items():
                if at <= end:
                    got = self.reached.get(tp)
                    if got is None:
                        got = self.reached[tp] = Counter()
                    got[outcome] += 1


def _hours_between(start: str, end: str) -> float:
    """Hours from one stored time to another (naive, as written or UTC: no daylight-saving jumps)."""
    return (_parse(end) - _parse(start)).total_seconds() / 3600


_parse = datetime.fromisoformat


def _hours(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


