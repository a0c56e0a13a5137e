"""What a merge of other copies into MASTER would do (issue 18): plain data, no SQL, no Qt.

The engine (``journeymap.services.merging.plan_merge``) fills a :class:`MergePlan`
read-only; the CLI prints it and the editor's File ▸ Merge Changes From… dialog
shows it, and both hand the user's answers back to ``apply_merge``: a choice per
:class:`Conflict` key ("mine", "theirs", "both" for notes) and the keys of the
:class:`Deletion` rows the user accepted (deletions are proposed, never applied
silently). Kept apart from the engine so the GUI and the CLI share one definition.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MINE = "mine"
THEIRS = "theirs"
BOTH = "both"  # notes only: keep both texts
CHOICES = (MINE, THEIRS, BOTH)


@dataclass(frozen=True)
class Conflict:
    """The same field changed differently in MASTER and in one other copy.

    ``key`` is unique within a plan and is what ``apply_merge(choices=…)`` takes;
    ``kind`` is the object's kind ("touchpoint", "stage", "lane", "note", "persona"…),
    ``label`` its title as MASTER shows it, ``field`` the column ("title",
    "sensation"…), ``mine``/``theirs`` the two values as text, ``source`` the other
    copy's file name. Notes offer "both" (``is_note``). ``subject`` names the object
    and field ("table:uuid:column"): several copies' conflicts on one subject come one
    after the other, each on the value the one before leaves in MASTER ("" for none).
    """

    key: str
    kind: str
    label: str
    field: str
    mine: str
    theirs: str
    source: str
    is_note: bool = False
    subject: str = ""


@dataclass(frozen=True)
class Deletion:
    """An object the other copy deleted (its vector covers MASTER's creation of it): proposed only."""

    key: str
    kind: str
    label: str
    source: str


@dataclass(frozen=True)
class IncomingBatch:
    """A survey import batch that comes in from *source* with its *responses* rows, or an event log
    (*is_event_log*) with its *events* (its flows are counted again on MASTER's cards)."""

    name: str  # the batch's source file name as its import history shows it
    responses: int
    source: str  # the other copy's file name
    events: int = 0
    is_event_log: bool = False


@dataclass
class SourceSummary:
    """What one other copy brings: counts per kind, as in :class:`MergePlan`."""

    source: str
    added: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0
    deletions: int = 0
    authors: list[str] = field(default_factory=list)
    # Added in the copy to a card, stage or lane this document no longer has: not merged, but said.
    left_out: int = 0


@dataclass
class MergePlan:
    """Everything the other copies would bring into MASTER, before anything is written.

    ``sources``: the other copies' file names, in the order given; ``added`` and
    ``changed``: kind → number of objects over all copies (conflicting ones are not
    counted as changed); ``batches``: the import batches coming in; ``authors``: the
    names on the incoming notes (and on the copies' changes), each once;
    ``per_source``: the same counts per other copy (may be empty).
    """

    sources: list[str]
    added: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    deletions: list[Deletion] = field(default_factory=list)
    batches: list[IncomingBatch] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    per_source: list[SourceSummary] = field(default_factory=list)

    def is_empty(self) -> bool:
        """Nothing to merge: MASTER already has everything the copies have."""
        return not (
            any(self.added.values()) or any(self.changed.values()) or self.conflicts or self.deletions
            or self.batches
        )


__all__ = [
    "BOTH", "CHOICES", "MINE", "THEIRS", "Conflict", "Deletion", "IncomingBatch", "MergePlan", "SourceSummary",
]
