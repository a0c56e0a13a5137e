"""Counting the flows of an event log with NumPy: one sort of the log, then whole-array steps.

The former pure-Python count (now ``tests/flows_reference.py``, the oracle this one must equal)
walked a million events one by one after SQLite had sorted them: about 2 s. Here the events
arrive as columns in any order; one ``argsort`` of a packed (customer, time, card) key puts them
in journey order and every figure is a ``bincount`` or a sort over the sorted arrays (1M events:
~0.3 s from the columns the import gathers; ``tests/test_events_flow_counts.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import compress

import numpy as np

from journeymap.domain.flows import Flows, JourneyPath, TouchpointFlow, Transition

_NO_TIME = np.iinfo(np.int64).min


def _second(time: object) -> int:
    """A stored time as seconds, or ``_NO_TIME`` when it is not ISO text (such an event is in no journey)."""
    try:
        return int(np.datetime64(datetime.fromisoformat(time).replace(tzinfo=None), "s").astype(np.int64))
    except (TypeError, ValueError):
        return _NO_TIME


@dataclass(frozen=True)
class CodedColumns:
    """One batch's events as ``EventColumns`` holds them: codes into the two name lists, card ids,
    seconds from *base*; what ``storage.event_columns`` keeps so a recount needs no text."""

    customers: list[str]
    outcomes: list[str]
    customer_codes: np.ndarray
    touchpoint_ids: np.ndarray
    seconds: np.ndarray
    outcome_codes: np.ndarray
    base: int
    first_time: str | None
    last_time: str | None


class EventColumns:
    """Events gathered as arrays, a chunk at a time: customer code, card id, second, outcome code.

    About 32 bytes per event instead of a row of Python objects; the import feeds it the columns
    it has just validated (no second read of the log), a recount feeds it what SQL hands over.
    """

    def __init__(self) -> None:
        self._customers: dict[str, int] = {}
        self._outcomes: dict[str, int] = {"": 0}
        self._parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        self.first_time: str | None = None
        self.last_time: str | None = None
        self._base: int | None = None

    def add(self, customers: Sequence[str], touchpoints: Sequence[int], times: Sequence[str],
            outcomes: Sequence[str]) -> None:
        """Parallel columns of some events, in any order (times as stored: ``YYYY-MM-DD HH:MM:SS``)."""
        if not len(touchpoints):
            return
        try:
            if set(map(len, times)) != {len("YYYY-MM-DD HH:MM:SS")}:  # NumPy would read "42" as a year
                raise ValueError
            seconds = np.array(times, dtype="datetime64[s]").astype(np.int64)
        except (ValueError, TypeError):  # a document another program wrote: leave out what is not a time
            seconds = np.array([_second(t) for t in times], dtype=np.int64)
            keep = seconds != _NO_TIME
            customers, outcomes, times = (list(compress(col, keep)) for col in (customers, outcomes, times))
            touchpoints, seconds = np.asarray(touchpoints)[keep], seconds[keep]
            if not times:
                return
        n = len(times)
        lo, hi = min(times), max(times)
        if self.first_time is None or lo < self.first_time:
            self.first_time = lo
        if self.last_time is None or hi > self.last_time:
            self.last_time = hi
        if self._base is None:
            self._base = int(seconds.min())
        seconds -= self._base  # seconds from the first chunk's first: int32 holds ±68 years of them
        cards = np.fromiter(touchpoints, np.int64, n)
        self._parts.append((_codes(self._customers, customers), _small(cards), _small(seconds),
                            _codes(self._outcomes, outcomes)))

    def coded(self) -> CodedColumns | None:
        """Every event added so far, as arrays (None when none was); the columns stay for ``count``."""
        if not self._parts or self._base is None:
            return None
        if len(self._parts) > 1:
            self._parts[:] = [tuple(np.concatenate(column) for column in zip(*self._parts, strict=True))]
        codes, cards, seconds, outcomes = self._parts[0]
        return CodedColumns(list(self._customers), list(self._outcomes), codes, cards, seconds, outcomes,
                            self._base, self.first_time, self.last_time)

    def add_coded(self, coded: CodedColumns) -> None:
        """Add a batch's kept arrays (``coded()`` of its import), its codes renumbered into ours."""
        if not len(coded.customer_codes):
            return
        if self.first_time is None or (coded.first_time is not None and coded.first_time < self.first_time):
            self.first_time = coded.first_time
        if self.last_time is None or (coded.last_time is not None and coded.last_time > self.last_time):
            self.last_time = coded.last_time
        if self._base is None:
            self._base = coded.base
        shift = coded.base - self._base
        seconds = coded.seconds.astype(np.int64) + shift if shift else coded.seconds
        self._parts.append((_renumber(self._customers, coded.customers)[coded.customer_codes],
                            _small(coded.touchpoint_ids), _small(seconds),
                            _renumber(self._outcomes, coded.outcomes)[coded.outcome_codes]))

    def count(self, batch_ids: Sequence[int], max_steps: int, kept_paths: int) -> Flows:
        """The flows of every event added (once: the columns are consumed)."""
        flows = Flows(batch_ids=tuple(batch_ids))
        if not self._parts:
            return flows
        flows.first_time, flows.last_time = self.first_time, self.last_time
        columns = [np.concatenate(column) for column in zip(*self._parts, strict=True)]
        self._parts.clear()
        # Outcome codes in name order, so ties list alphabetically as the reference count does.
        names = sorted(name for name in self._outcomes if name)
        recode = np.zeros(len(self._outcomes), dtype=np.int32)
        for j, name in enumerate(names):
            recode[self._outcomes[name]] = j + 1
        columns[3] = recode[columns[3]]
        return _count(flows, columns, names, max_steps, kept_paths)


def _small(values: np.ndarray) -> np.ndarray:
    """*values* as int32 when they fit (half the memory; ``concatenate`` widens a mix back to int64)."""
    if len(values) and -(2**31) <= int(values.min()) and int(values.max()) < 2**31:
        return values.astype(np.int32)
    return values


def _codes(index: dict[str, int], values: Sequence[str]) -> np.ndarray:
    """Each value's number in *index*, new values numbered as they first come."""
    for value in dict.fromkeys(values):
        if value not in index:
            index[value] = len(index)
    return np.fromiter(map(index.__getitem__, values), np.int32, len(values))


def _renumber(index: dict[str, int], names: Sequence[str]) -> np.ndarray:
    """Our number for each of another coding's names (new ones numbered as they come)."""
    return np.fromiter((index.setdefault(name, len(index)) for name in names), np.int32, len(names))


def _count(flows: Flows, columns: list[np.ndarray], names: list[str], max_steps: int, kept_paths: int) -> Flows:
    """Count from [customer code, card id, second, outcome code] (the list is emptied as it goes, for memory)."""
    tp_ids, columns[1] = _dense(columns[1])
    k = len(tp_ids)
    order = _journey_order(columns[0], columns[2], columns[1], k)
    c, p, s, o = (columns.pop(0)[order] for _ in range(4))
    del order
    n = len(c)
    starts = np.ones(n, dtype=bool)
    starts[1:] = c[1:] != c[:-1]
    ends = np.ones(n, dtype=bool)
    ends[:-1] = starts[1:]
    flows.events, flows.customers = n, int(starts.sum())

    visits = np.bincount(p, minlength=k)
    drops = np.bincount(p[ends], minlength=k)
    del ends
    # Moves: consecutive events of one customer at two different cards.
    moved = np.flatnonzero(~starts[1:] & (p[1:] != p[:-1])) + 1
    pair = p[moved - 1].astype(np.int64) * k + p[moved]
    waited = s[moved].astype(np.int64) - s[moved - 1]  # seconds, never negative in journey order
    transitions = _transitions(tp_ids, k, pair, waited, c[moved])
    del moved, pair, waited
    # Reach: distinct (customer, card); the first of each in journey order is its first visit.
    visit_key = c.astype(np.int64) * k + p
    by_visit = np.argsort(visit_key, kind="stable")  # within a key, journey order: its first is the first visit
    sorted_keys = visit_key[by_visit]
    firsts = np.ones(n, dtype=bool)
    firsts[1:] = sorted_keys[1:] != sorted_keys[:-1]
    first_keys, first_at = sorted_keys[firsts], by_visit[firsts]
    del visit_key, by_visit, sorted_keys, firsts
    reach = np.bincount(first_keys % k, minlength=k)
    reached = _reached(k, first_keys // k, first_keys % k, s[first_at], c, s, o, len(names))

    flows.transitions = transitions
    flows.touchpoints = {}
    for code in range(k):
        if not reach[code]:
            continue
        tp_id = int(tp_ids[code])
        got = {names[j]: int(reached[code, j]) for j in range(len(names)) if reached[code, j]}
        flows.touchpoints[tp_id] = TouchpointFlow(
            tp_id, int(reach[code]), int(drops[code]), int(visits[code]),
            dict(sorted(got.items(), key=lambda kv: (-kv[1], kv[0]))))
    flows.outcomes = _outcome_totals(c, o, names)
    flows.paths = _paths(tp_ids, c, p, starts, max_steps, kept_paths)
    return flows


def _transitions(tp_ids: np.ndarray, k: int, pair: np.ndarray, waited: np.ndarray,
                 who: np.ndarray) -> list[Transition]:
    if not len(pair):
        return []
    # Moves in (pair, seconds waited) order: one sort of a packed key when it fits (a lexsort is ~3× slower).
    bits = int(waited.max()).bit_length()
    if bits + int(pair.max()).bit_length() <= 62:
        packed = np.sort((pair << bits) | waited)
        pair_sorted, seconds_sorted = packed >> bits, packed & ((1 << bits) - 1)
        del packed
    else:
        by = np.lexsort((waited, pair))
        pair_sorted, seconds_sorted = pair[by], waited[by]
    hours_sorted = seconds_sorted / 3600
    new = np.ones(len(pair_sorted), dtype=bool)
    new[1:] = pair_sorted[1:] != pair_sorted[:-1]
    first = np.flatnonzero(new)
    keys = pair_sorted[first]
    moves = np.diff(np.append(first, len(pair_sorted)))
    lo = first + (moves - 1) // 2
    hi = first + moves // 2
    medians = (hours_sorted[lo] + hours_sorted[hi]) / 2
    distinct = _distinct(who.astype(np.int64) * (k * k) + pair)
    customers = np.bincount(np.searchsorted(keys, distinct % (k * k)), minlength=len(keys))
    result = [
        Transition(int(tp_ids[key // k]), int(tp_ids[key % k]), int(n), int(m), round(float(med), 4))
        for key, n, m, med in zip(keys.tolist(), customers.tolist(), moves.tolist(), medians.tolist(), strict=True)
    ]
    result.sort(key=lambda t: (-t.customers, t.from_id, t.to_id))
    return result


def _reached(k: int, first_cust: np.ndarray, first_tp: np.ndarray, first_time: np.ndarray, c: np.ndarray,
             s: np.ndarray, o: np.ndarray, outcome_count: int) -> np.ndarray:
    """Per (card, outcome) of the *k* cards: customers who first visited the card no later than the outcome."""
    reached = np.zeros((k, outcome_count + 1), dtype=np.int64)
    if not outcome_count:
        return reached[:, 1:]
    rows = np.flatnonzero(o)
    # A customer's last event with an outcome is when they reached it.
    key = c[rows].astype(np.int64) * (outcome_count + 1) + o[rows]
    rev = rows[::-1]
    ukey, last_pos = np.unique(key[::-1], return_index=True)
    end_time = s[rev[last_pos]]
    end_cust, end_out = ukey // (outcome_count + 1), ukey % (outcome_count + 1)
    # The cards each such customer visited: first_cust is sorted, so a slice per customer.
    lo = np.searchsorted(first_cust, end_cust, side="left")
    hi = np.searchsorted(first_cust, end_cust, side="right")
    lengths = hi - lo
    total = int(lengths.sum())
    if total == 0:
        return reached[:, 1:]
    owner = np.repeat(np.arange(len(ukey)), lengths)
    offsets = np.arange(total) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    at = lo[owner] + offsets
    ok = first_time[at] <= end_time[owner]
    np.add.at(reached, (first_tp[at][ok], end_out[owner][ok]), 1)
    return reached[:, 1:]


def _outcome_totals(c: np.ndarray, o: np.ndarray, names: list[str]) -> dict[str, int]:
    rows = np.flatnonzero(o)
    if not len(rows):
        return {}
    distinct = _distinct(c[rows].astype(np.int64) * (len(names) + 1) + o[rows]) % (len(names) + 1)
    counts = np.bincount(distinct, minlength=len(names) + 1)
    totals = {names[j - 1]: int(counts[j]) for j in range(1, len(names) + 1) if counts[j]}
    return dict(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))


def _paths(tp_ids: np.ndarray, c: np.ndarray, p: np.ndarray, starts: np.ndarray, max_steps: int,
           kept: int) -> list[JourneyPath]:
    """The most common whole journeys, consecutive repeats collapsed, by their first *max_steps* steps."""
    step = starts.copy()
    step[1:] |= p[1:] != p[:-1]
    rows = np.flatnonzero(step)
    owner = np.cumsum(starts)[rows] - 1  # the customer's rank in journey order
    first_of_owner = np.searchsorted(owner, owner, side="left")
    rank = np.arange(len(rows)) - first_of_owner
    keep = rank < max_steps
    grid = np.full((int(owner[-1]) + 1, max_steps), -1, dtype=np.int64)
    grid[owner[keep], rank[keep]] = p[rows[keep]]
    by_path = np.lexsort(grid.T[::-1])  # rows in path order (np.unique(axis=0) is ~5× slower)
    grid = grid[by_path]
    new = np.ones(len(grid), dtype=bool)
    new[1:] = (grid[1:] != grid[:-1]).any(axis=1)
    starts_at = np.flatnonzero(new)
    unique_paths = grid[starts_at]
    counts = np.diff(np.append(starts_at, len(grid)))
    lengths = (unique_paths >= 0).sum(axis=1)
    ids = np.where(unique_paths >= 0, tp_ids[np.maximum(unique_paths, 0)], -1)
    # By customers (most first), then shorter, then the ids in order (as tuples compare).
    keys = [ids[:, j] for j in range(max_steps - 1, -1, -1)]
    ranked = np.lexsort((*keys, lengths, -counts))[:kept]
    return [JourneyPath(tuple(int(x) for x in ids[i, : lengths[i]]), int(counts[i])) for i in ranked]


def _dense(ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the distinct ids in order, each id's rank among them): by a lookup table when ids are small."""
    low, high = int(ids.min()), int(ids.max())
    if low < 0 or high > 4 * len(ids) + 1_000_000:
        distinct, rank = np.unique(ids, return_inverse=True)
        return distinct, rank.astype(np.int32)
    present = np.zeros(high + 1, dtype=bool)
    present[ids] = True
    distinct = np.flatnonzero(present)
    rank = np.zeros(high + 1, dtype=np.int32)
    rank[distinct] = np.arange(len(distinct))
    return distinct, rank[ids]


def _journey_order(cust: np.ndarray, seconds: np.ndarray, tp: np.ndarray, k: int) -> np.ndarray:
    """The events' order by customer, then time, then card: one sort of a packed key when it fits."""
    span = int(seconds.max()) - int(seconds.min()) + 1
    bits = [int(cust.max()).bit_length(), span.bit_length(), max(k - 1, 1).bit_length()]
    if sum(bits) > 62:
        return np.lexsort((tp, seconds, cust))
    key = (cust.astype(np.int64) << (bits[1] + bits[2])) | ((seconds.astype(np.int64) - seconds.min()) << bits[2]) | tp
    return np.argsort(key)


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (by sorting: NumPy's hashed ``unique`` is several times slower here)."""
    ordered = np.sort(values)
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    return ordered[keep]
