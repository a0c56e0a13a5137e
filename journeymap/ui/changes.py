"""What an edit changed and who made it: the one announcement every command sends.

Views listen to ``DocumentSession.changed`` and apply a :class:`Change` without
re-reading the document where the change carries the new state (a move carries
the new order of its cells, an edit the touchpoints' new values), and they skip
the edits they made themselves (``change.source``) unless it is an undo or redo.
Modelled on Anki's ``OpChanges`` and orange-canvas-core's scheme signals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from journeymap.domain.model import Touchpoint

Cell = tuple[int, int]


class Source(StrEnum):
    """Who asked for an edit."""

    CANVAS = "canvas"  # gestures, canvas keys and context menus
    MENU = "menu"  # main window actions
    INSPECTOR = "inspector"
    OUTLINE = "outline"
    PERSONAS = "personas"  # the personas dock
    COMMENTS = "comments"  # the comments panel
    DIALOG = "dialog"  # import, import history, preferences
    WALK = "walk"  # walk mode
    SCRIPT = "script"  # tests, automation, the CLI
    HISTORY = "history"  # undo and redo


@dataclass(frozen=True)
class Change:
    """One edit's effect on the document.

    - ``touchpoints``: cards added, edited, moved or removed (ids);
    - ``values``: the new values of some of them (views need not read those);
    - ``removed``: the ids no longer in the document;
    - ``cells``: the complete new order of every cell whose order changed;
    - ``structure``: stages or lanes changed (views rebuild the grid);
    - ``maps``: maps added, removed, renamed or reordered;
    - ``metrics``: responses or manual scores changed (new numbers);
    - ``notes``: touchpoints whose notes changed;
    - ``personas``: personas added, edited, deleted or (re)assigned to maps;
    - ``connections``: connections between cards added, relabelled or removed (ids);
    - ``select``: cards to select after the edit (None: keep the selection);
    - ``history``: the change comes from undo or redo, not from the first time the edit ran.
    """

    map_id: int | None
    source: Source = Source.SCRIPT
    touchpoints: frozenset[int] = frozenset()
    values: Mapping[int, Touchpoint] = field(default_factory=dict)
    removed: frozenset[int] = frozenset()
    cells: Mapping[Cell, tuple[int, ...]] = field(default_factory=dict)
    structure: bool = False
    maps: bool = False
    metrics: bool = False
    notes: frozenset[int] = frozenset()
    personas: bool = False
    connections: frozenset[int] = frozenset()
    select: tuple[int, ...] | None = None
    history: bool = False

    @classmethod
    def of(
        cls,
        map_id: int | None,
        *,
        touchpoints: Iterable[int] = (),
        values: Iterable[Touchpoint] = (),
        removed: Iterable[int] = (),
        cells: Mapping[Cell, Sequence[int]] | None = None,
        notes: Iterable[int] = (),
        connections: Iterable[int] = (),
        select: Iterable[int] | None = None,
        **flags: bool,
    ) -> Change:
        vals = {tp.id: tp for tp in values if tp.id is not None}
        return cls(
            map_id,
            touchpoints=frozenset(touchpoints) | frozenset(vals) | frozenset(removed),
            values=vals,
            removed=frozenset(removed),
            cells={c: tuple(ids) for c, ids in (cells or {}).items()},
            notes=frozenset(notes),
            connections=frozenset(connections),
            select=None if select is None else tuple(select),
            **flags,
        )

    def by(self, source: Source, history: bool) -> Change:
        """This change as made by *source* (``history``: replayed by undo/redo)."""
        from dataclasses import replace

        return replace(self, source=Source.HISTORY if history else source, history=history)

    def own(self, source: Source) -> bool:
        """A view's own edit, which it already shows (undo and redo are never anyone's own)."""
        return not self.history and self.source == source
