"""A survey import as one undo step, including the touchpoints created for its unknown columns.

The touchpoints and the import are written in ONE transaction (a failure or a
cancel leaves neither); the command's first redo only announces. Undo takes
the batch out (``stash_batch``) and removes the new touchpoints; redo puts
them back with their ids, then the batch.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from journeymap.domain.model import LaneKind, Touchpoint
from journeymap.services.importing import ImportResult
from journeymap.services.survey_import import Options, import_survey
from journeymap.storage.responses_sql import Stash, batch, stash_batch, unstash_batch
from journeymap.storage.snapshots import Snapshot
from journeymap.ui.changes import Change, Source
from journeymap.ui.commands.base import DocumentCommand
from journeymap.ui.session import DocumentSession


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class _NothingImported(Exception):
    """Rolls back the touchpoints created for an import that imported nothing."""


class SurveyImportCommand(DocumentCommand):
    def __init__(self, session: DocumentSession, batch_id: int, new_touchpoints: list[int]):
        source = batch(session.document, batch_id).source
        super().__init__(session, tr("Import %1").replace("%1", source))
        self.batch_id = batch_id
        self.new_touchpoints = list(new_touchpoints)
        self._stash: Stash | None = None
        self._snapshot: Snapshot | None = None

    def apply(self) -> None:
        if self._snapshot is not None:
            self.doc.restore(self._snapshot)
            self._snapshot = None
        if self._stash is not None:
            unstash_batch(self.doc, self._stash)
            self._stash = None

    def revert(self) -> None:
        self._stash = stash_batch(self.doc, self.batch_id)
        if self.new_touchpoints:
            self._snapshot = self.doc.snapshot(touchpoint_ids=self.new_touchpoints)
            for tp in self.new_touchpoints:
                self.doc.delete_touchpoint(tp)

    def change(self) -> Change:
        # New touchpoints (columns the user turned into cards) appear or go with the import.
        return Change.of(self.map_id, touchpoints=self.new_touchpoints, metrics=True)


def _touchpoint_lane(session: DocumentSession) -> int:
    lanes = session.document.lanes(session.map_id)  # type: ignore[arg-type]
    for lane in lanes:
        if lane.kind == LaneKind.TOUCHPOINTS:
            return lane.id  # type: ignore[return-value]
    if not lanes:
        raise ValueError("the map has no lane to put a new touchpoint in")
    return lanes[0].id  # type: ignore[return-value]


def run_survey_import(
    session: DocumentSession, path: str | Path, *, options: Options | None = None,
    new_touchpoints: Mapping[int, tuple[str, int]] | None = None, **kwargs: Any,
) -> ImportResult:
    """Import *path* into the current map; *new_touchpoints* (column -> (title, stage id)) are created
    first and that column becomes their answers. Pushes one undo step when something was imported."""
    if session.map_id is None:
        raise ValueError("no current map to import into")
    doc, map_id = session.document, session.map_id
    options = options or Options()
    created: list[int] = []
    try:
        with doc.transaction():
            columns: dict[int | str, str] = dict(options.columns)
            if new_touchpoints:
                lane = _touchpoint_lane(session)
                for column, (title, stage) in new_touchpoints.items():
                    tp = doc.add_touchpoint(Touchpoint(map_id, stage, lane, title))
                    created.append(tp)
                    columns[column] = str(tp)
            opts = replace(options, columns=columns)
            result = import_survey(doc, map_id, path, options=opts, **kwargs)
            if result.batch_id is None and created:
                raise _NothingImported
    except _NothingImported:
        return result
    if result.batch_id is not None:
        session.editor.push(SurveyImportCommand(session, result.batch_id, created), Source.DIALOG)
    return result
