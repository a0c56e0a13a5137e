"""Merge the copies other people annotated into MASTER (issue 18): plan (read-only) and apply (one transaction).

Each OTHER file is validated exactly as the editor validates a document it opens
(identity, version, schema, pages, rows, leftover logs) and read from a private
copy (``storage.merge_read.private_copy``; an older format is upgraded in the
copy only), so a hostile or damaged file is refused before anything of it is
read, and the file the user named is never touched. The copies are read into plain rows keyed by
uuid (``storage.merge_read``), merged in memory by the rules of
``services.merge_rules`` and written by ``storage.merge_write`` in one
transaction with the revision triggers quiet.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journeymap.domain.messages import QT_TRANSLATE_NOOP, MessageError, message
from journeymap.services.merge_order import settle_positions
from journeymap.services.merge_plan import (
    BOTH,
    CHOICES,
    MINE,
    THEIRS,
    Conflict,
    Deletion,
    IncomingBatch,
    MergePlan,
    SourceSummary,
)
from journeymap.services.merge_rules import (
    SPECS,
    MergeState,
    Obj,
    Replica,
    SourceOutcome,
    merge_one,
    related_by_values,
    shared_uuids,
    shares_history,
)
from journeymap.storage import Document, DocumentError, merge_read, merge_write
from journeymap.storage.document import THE_DOCUMENT_IS_OPEN_READ_ONLY

Progress = Callable[[int, int], None]

NOT_A_COPY = message("merge.not_a_copy", "MergeError", QT_TRANSLATE_NOOP(
    "MergeError", "%1: not a copy of this map (it shares no stage, lane or card with %2); nothing was merged."))
NOT_A_COPY_BY_VALUES = message("merge.not_a_copy_by_values", "MergeError", QT_TRANSLATE_NOOP(
    "MergeError", "%1: not a copy of this map (no stage, lane or card has the same name as in %2); "
                  "nothing was merged."))
CANNOT_MERGE = message("merge.cannot_merge", "MergeError", QT_TRANSLATE_NOOP(
    "MergeError", "%1: cannot merge it (%2); nothing was merged."))
NO_SUCH_FILE = message("merge.no_such_file", "MergeError", QT_TRANSLATE_NOOP(
    "MergeError", "%1: no such file; nothing was merged."))
SAME_FILE = message("merge.same_file", "MergeError", QT_TRANSLATE_NOOP(
    "MergeError", "%1: this is the document itself; nothing was merged."))
TOO_MANY = message("merge.too_many", "MergeError", QT_TRANSLATE_NOOP(
    "MergeError", "%1: at most %2 copies can be merged at once; merge this one and those after it in a second "
    "step. Nothing was merged."))
NO_IDENTITY = message("merge.no_identity", "MergeError", QT_TRANSLATE_NOOP(
    "MergeError", "%1: the document records no identities; open it once in this version of JourneyMap."))


class MergeRefused(MessageError):
    """An OTHER file that cannot be merged (missing, damaged, hostile, not a copy of MASTER's map).

    The first argument is always the OTHER's file name. MASTER is unchanged.
    """


@dataclass
class MergeResult:
    """A written merge: what it brought from whom, what it touched, and its undo/redo."""

    plan: MergePlan
    touched: merge_write.Touched
    _undo: merge_write.MergeUndo

    @property
    def report(self) -> list[SourceSummary]:
        """Per other copy: what came in (counts by kind, conflicts, proposed deletions, note authors)."""
        return self.plan.per_source

    def undo(self) -> None:
        """MASTER as it was before the merge (one transaction, revisions restored, no new edit recorded)."""
        self._undo.undo()

    def redo(self) -> None:
        """The merge again, as it was written the first time (one transaction)."""
        self._undo.redo()


@dataclass
class _Read:
    path: Path  # the file the user named
    copy: Path  # its private copy, validated
    rows: merge_read.DocumentRows
    replica: Replica = field(init=False)

    def __post_init__(self) -> None:
        self.replica = _replica(self.path.name, self.rows)


_SPEC_ARGS = [(s.table, dict(s.refs), tuple(s.ignored)) for s in SPECS]
REFS = {s.table: dict(s.refs) for s in SPECS}


def _replica(name: str, rows: merge_read.DocumentRows) -> Replica:
    tables = {t: {r.uuid: Obj(r.uuid, r.values, r.created, r.changed, r.created is None) for r in rs}
              for t, rs in rows.tables.items()}
    return Replica(name, rows.replica, rows.vector, tables, rows.batch_responses, rows.event_batches,
                   rows.declined)


def _read_master(master: Document) -> Replica:
    if not merge_read.has_identity(master):
        raise MergeRefused(NO_IDENTITY, master.path.name)
    return _replica(master.path.name, merge_read.read(master, _SPEC_ARGS))


# OTHERs validated at once: SQLite checks pages without holding the GIL, so two files check in the time of one.
VALIDATION_THREADS = 2


@contextmanager
def _private_copies(master: Document, others: Sequence[Path], progress: Progress | None) -> Iterator[list[_Read]]:
    """Each OTHER validated like an opened document and read from a private copy (upgraded there if older).

    The copies stay on disk until the caller is done: ``apply_merge`` attaches
    them to MASTER's connection to copy the survey answers SQL to SQL.
    """
    paths = [Path(p) for p in others]
    if len(paths) > merge_write.MAX_COPIES:
        raise MergeRefused(TOO_MANY, paths[merge_write.MAX_COPIES].name, merge_write.MAX_COPIES)
    for path in paths:
        if not path.is_file():
            raise MergeRefused(NO_SUCH_FILE, path.name)
        if path.resolve() == master.path.resolve():
            raise MergeRefused(SAME_FILE, path.name)
    with tempfile.TemporaryDirectory(prefix="journeymap-merge-") as tmp, ExitStack() as stack:
        out = []
        with ThreadPoolExecutor(max_workers=VALIDATION_THREADS) as pool:
            futures = [pool.submit(merge_read.copy_validated, p, Path(tmp) / str(i)) for i, p in enumerate(paths)]
            for i, (path, future) in enumerate(zip(paths, futures)):
                # Each copy read as soon as it is validated, while the next ones are (their checks run in SQLite,
                # without the GIL this reading needs).
                copy = _refusing(path, future.result)
                conn = _refusing(path, lambda c=copy: stack.enter_context(merge_read.reader(c)))
                out.append(_Read(path, copy, _refusing(path, lambda c=conn: merge_read.read(c, _SPEC_ARGS))))
                if progress is not None:
                    progress(i + 1, len(paths) + 1)
        if progress is not None:
            progress(len(paths) + 1, len(paths) + 1)
        yield out


def _refusing(path: Path, step: Callable[[], Any]) -> Any:
    """*step*'s result; any failure to read the OTHER becomes a MergeRefused that names it."""
    try:
        result = step()
    except MergeRefused:
        raise
    except DocumentError as exc:
        raise MergeRefused(CANNOT_MERGE, path.name, exc) from exc
    except OSError as exc:
        raise MergeRefused(CANNOT_MERGE, path.name, exc.strerror or exc) from exc
    except sqlite3.Error as exc:  # damage in pages the open path leaves unchecked in a big file
        raise MergeRefused(CANNOT_MERGE, path.name, exc) from exc
    if isinstance(result, sqlite3.Connection) and not merge_read.has_identity(result):
        raise MergeRefused(NO_IDENTITY, path.name)
    return result


def _check_related(master: Replica, other: Replica) -> None:
    shared, legacy = shared_uuids(master, other)
    if not shared:
        raise MergeRefused(NOT_A_COPY, other.name, master.name)
    if shared == legacy and not shares_history(master, other) and not related_by_values(master, other):
        raise MergeRefused(NOT_A_COPY_BY_VALUES, other.name, master.name)


def _merge(master: Replica, reads: Sequence[_Read], choices: Mapping[str, str], delete: Collection[str],
           prefer_theirs: bool, declined: Collection[str] = ()) -> tuple[MergeState, list[SourceOutcome]]:
    for r in reads:
        _check_related(master, r.replica)
    state = MergeState(master)
    outcomes = [merge_one(state, r.replica, i, choices=choices, delete=delete, prefer_theirs=prefer_theirs,
                          declined=declined) for i, r in enumerate(reads)]
    settle_positions(state)  # two copies' cards added at one place of a cell: distinct positions
    return state, outcomes


def _plan(sources: list[str], outcomes: Sequence[SourceOutcome]) -> MergePlan:
    plan = MergePlan(sources)
    for out in outcomes:
        for kind, n in out.added.items():
            plan.added[kind] = plan.added.get(kind, 0) + n
        for kind, n in out.changed.items():
            plan.changed[kind] = plan.changed.get(kind, 0) + n
        plan.conflicts += out.conflicts
        plan.deletions += out.deletions
        plan.batches += out.batches
        plan.authors += [a for a in out.authors if a not in plan.authors]
        plan.per_source.append(SourceSummary(out.source, dict(out.added), dict(out.changed), len(out.conflicts),
                                             len(out.deletions), list(out.authors), out.orphans))
    return plan


def plan_merge(master: Document, others: Sequence[Path], progress: Progress | None = None) -> MergePlan:
    """What merging *others* into *master* would do, MASTER's values kept in every conflict. Writes nothing."""
    mine = _read_master(master)
    with _private_copies(master, others, progress) as reads:
        _state, outcomes = _merge(mine, reads, {}, (), False)
    return _plan([r.path.name for r in reads], outcomes)


def apply_merge(
    master: Document, others: Sequence[Path], choices: Mapping[str, str] | None = None,
    delete: Collection[str] = (), prefer_theirs: bool = False, progress: Progress | None = None,
    declined: Collection[str] = (),
) -> MergeResult:
    """Merge *others* into *master* in one transaction; MASTER is unchanged if anything fails.

    *choices*: conflict key → "mine" | "theirs" | "both" (notes); a conflict not
    named keeps MASTER's value, or the other's with *prefer_theirs*. *delete*: the
    keys of the proposed deletions to carry out; *declined*: the keys of those the user
    said no to, which are then not proposed again for that copy (the command line
    declines nothing: it only lists them).
    """
    if master.read_only:
        raise DocumentError(THE_DOCUMENT_IS_OPEN_READ_ONLY, master.path)
    choices = dict(choices or {})
    bad = sorted({c for c in choices.values() if c not in CHOICES})
    if bad:
        raise ValueError(f"unknown merge choice(s): {', '.join(bad)}")
    mine = _read_master(master)
    with _private_copies(master, others, progress) as reads:
        state, outcomes = _merge(mine, reads, choices, set(delete), prefer_theirs, set(declined))
        ws = _write_set(mine, state, reads)
        undo = merge_write.write(master, ws)
    return MergeResult(_plan([r.path.name for r in reads], outcomes), undo.touched, undo)


def _write_set(master: Replica, state: MergeState, reads: Sequence[_Read]) -> merge_write.WriteSet:
    ws = merge_write.WriteSet([r.copy for r in reads], [r.rows.ids for r in reads], REFS, vector=dict(state.vector),
                              declined=list(state.declined), undeclined=list(dict.fromkeys(state.undeclined)))
    for spec in SPECS:
        before = master.tables.get(spec.table, {})
        after = state.tables.get(spec.table, {})
        for uuid, obj in after.items():
            old = before.get(uuid)
            if old is None:
                ws.inserts.append(merge_write.Insert(spec.table, uuid, obj.values, obj.created, obj.changed,
                                                     state.origin.get((spec.table, uuid), 0)))
            elif obj.values != old.values or obj.changed != old.changed:
                diff = {c: v for c, v in obj.values.items() if old.values.get(c) != v}
                ws.updates.append(merge_write.Update(spec.table, uuid, diff, obj.changed))
        ws.deletes += [(spec.table, uuid) for uuid in before if uuid not in after]
    return ws


__all__ = [
    "BOTH", "MINE", "THEIRS", "Conflict", "Deletion", "IncomingBatch", "MergePlan", "MergeRefused", "MergeResult",
    "SourceSummary", "apply_merge", "plan_merge",
]
