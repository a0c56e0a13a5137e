"""Export only part of a map: chosen stages and lanes, with or without the title block and persona.

The canvas always shows the whole map, and one renderer draws canvas and
exports alike. So a partial export is the same scene code drawing a scratch
copy of the document (SQLite's backup API, in a temporary folder) from which
the excluded stages and lanes, or the persona, were removed; the user's
document is never touched. Without the title block the export's rectangle
starts at the stage headers.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF

from journeymap.ui.scene import style


@dataclass(frozen=True)
class Subset:
    """What of the map to export; the defaults are the whole map as drawn."""

    stage_ids: frozenset[int] | None = None  # None: all stages
    lane_ids: frozenset[int] | None = None
    title_block: bool = True
    persona: bool = True

    def is_whole(self, scene) -> bool:
        stages = {s.id for s in getattr(scene, "stages", [])}
        lanes = {lane.id for lane in getattr(scene, "lanes", [])}
        return (self.stage_ids is None or stages <= set(self.stage_ids)) and (
            self.lane_ids is None or lanes <= set(self.lane_ids)) and self.title_block and self.persona


def _without_title(scene) -> None:
    """Crop the title block off the scene's export rectangle and hide it."""
    original = scene.content_rect

    def content_rect() -> QRectF:
        rect = QRectF(original())
        rect.setTop(scene.grid.grid_top - style.MARGIN)
        return rect

    scene.content_rect = content_rect
    scene.title_item.hide()
    scene.rich.personas.hide()  # the persona cards sit in the title block


@contextmanager
def subset_scene(scene, subset: Subset | None) -> Iterator:
    """*scene* itself for the whole map, else a scene of a trimmed scratch copy (same overlays and segment)."""
    if subset is None or subset.is_whole(scene):
        yield scene
        return
    from journeymap.storage import Document
    from journeymap.ui.scene.map_scene import MapScene
    from journeymap.ui.session import DocumentSession

    session = scene.session
    map_id = session.map_id
    with tempfile.TemporaryDirectory(prefix="journeymap-export-") as folder:
        copy_path = Path(folder) / "export.jmap"
        session.document.backup_to(copy_path)
        copy = Document.open(copy_path)
        try:
            with copy.transaction():
                for stage in copy.stages(map_id):
                    if subset.stage_ids is not None and stage.id not in subset.stage_ids:
                        copy.delete_stage(stage.id)
                for lane in copy.lanes(map_id):
                    if subset.lane_ids is not None and lane.id not in subset.lane_ids:
                        copy.delete_lane(lane.id)
                if not subset.persona:
                    copy.update_map(map_id, persona_name="", persona_description="")
                    copy.set_map_personas(map_id, [])
            copy_session = DocumentSession(copy, map_id)
            copy_session.set_segment(session.segment)
            trimmed = MapScene(copy_session)
            try:
                trimmed.set_overlays(scene.overlays)
                if not subset.title_block:
                    _without_title(trimmed)
                yield trimmed
            finally:
                trimmed.dispose()
                copy_session.undo_stack.clear()
        finally:
            copy.close()
