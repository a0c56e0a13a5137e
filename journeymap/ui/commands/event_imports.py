"""An event-log import (issue 22) as one undo step, with the cards made for the touchpoints it named.

The service writes the events, the new cards and the flows in one transaction;
the step is the survey import's own command (undo takes the batch out and the
new cards away, redo puts both back with their ids).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from journeymap.services.event_import import EventImportResult, import_events
from journeymap.ui.changes import Source
from journeymap.ui.commands.survey_imports import SurveyImportCommand
from journeymap.ui.session import DocumentSession


def run_event_import(session: DocumentSession, path: str | Path, **options: Any) -> EventImportResult:
    """Import the log at *path* into the current map (*options* go to ``import_events``); push one undo step
    when something was imported."""
    if session.map_id is None:
        raise ValueError("no current map to import into")
    result = import_events(session.document, session.map_id, path, **options)
    if result.batch_id is not None:
        session.editor.push(SurveyImportCommand(session, result.batch_id, result.new_touchpoints), Source.DIALOG)
    return result
