"""A merge of other copies (File ▸ Merge Changes From…, issue 18) as one undo step.

The engine (``services.merging.apply_merge``) writes the whole merge in one
transaction before the step is pushed, like a survey import: the first redo
(``QUndoStack.push``) finds it in place and only announces; undo and redo ask the
engine's result to restore or reapply it (each inside this command's transaction,
which the engine's own joins). A merge can touch every map, the personas and the
responses, so its Change makes every view re-read the document.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from journeymap.ui.changes import Change
from journeymap.ui.commands.base import DocumentCommand
from journeymap.ui.session import DocumentSession


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class Reversible(Protocol):
    """What the command needs of ``services.merging.MergeResult``."""

    def undo(self) -> None: ...

    def redo(self) -> None: ...


def _touched(result: object, name: str) -> frozenset[int]:
    """Ids the merge touched (``MergeResult.touched.<name>``); none when the result does not say."""
    touched = getattr(result, "touched", None)
    return frozenset(int(i) for i in (getattr(touched, name, None) or ()))


class MergeCommand(DocumentCommand):
    """A merge already written by ``apply_merge``; undo restores MASTER as it was, redo reapplies."""

    def __init__(self, session: DocumentSession, result: Reversible, sources: Sequence[str], text: str = ""):
        super().__init__(session, text or tr("Merge changes from %1").replace("%1", ", ".join(sources)))
        self.result = result
        self.sources = list(sources)
        self.map_id = None  # every map may have changed: undo and redo stay on the map shown
        self._applied = True  # apply_merge wrote it before the push

    def apply(self) -> None:
        if not self._applied:
            self.result.redo()
            self._applied = True

    def revert(self) -> None:
        self.result.undo()
        self._applied = False

    def change(self) -> Change:
        touchpoints = _touched(self.result, "touchpoints")
        return Change.of(None, touchpoints=touchpoints, notes=touchpoints, structure=True, maps=True, metrics=True,
                         personas=True)

    def announce(self) -> None:
        # The map shown may have come with the merge (undo) or gone (a deletion accepted): show one that exists.
        maps = [m.id for m in self.doc.maps()]
        if self.session.map_id not in maps:
            self.session.set_selection([])
            self.session.set_map(maps[0] if maps else None)
        else:
            selected = set(self.session.selected_ids)
            if selected:
                current = self.doc.touchpoints_by_id(selected)
                self.session.set_selection([i for i in self.session.selected_ids if i in current])
        super().announce()


def run_merge(
    session: DocumentSession,
    others: Sequence[str | Path],
    choices: Mapping[str, str] | None = None,
    delete: Collection[str] = (),
    progress: Any = None,
    apply: Any = None,
    declined: Collection[str] = (),
) -> Any:
    """Merge *others* into the session's document with the user's answers and push one undo step.

    *delete*: the proposed deletions ticked; *declined*: those left unticked (not proposed again).

    *apply* is ``services.merging.apply_merge`` (tests may pass another engine of
    the same shape). Raises what it raises; then nothing was written or pushed.
    """
    if session.read_only:
        raise ValueError("the document is open read-only")
    if apply is None:
        from journeymap.services.merging import apply_merge as apply
    result = apply(session.document, [Path(p) for p in others], dict(choices or {}), list(delete),
                   progress=progress, declined=list(declined))
    session.editor.record_merge(result, [Path(p).name for p in others])
    return result


__all__ = ["MergeCommand", "run_merge"]
