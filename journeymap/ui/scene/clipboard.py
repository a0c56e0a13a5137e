"""Copy, cut and paste of cards: the clipboard format and where pasted cards go."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication

from journeymap.domain import grid as gridlib
from journeymap.domain.model import Sensation, Touchpoint
from journeymap.ui.changes import Source

if TYPE_CHECKING:
    from journeymap.ui.scene.map_scene import MapScene

TOUCHPOINTS_MIME = "application/x-journeymap-touchpoints"
COPY_FIELDS = (
    "title",
    "description",
    "channel",
    "sensation",
    "moment_of_truth",
    "owner",
    "impact",
    "tags",
    "manual_nps",
    "manual_sentiment",
    "manual_promoters",
    "manual_passives",
    "manual_detractors",
)
MAX_TEXT_LINES = 200


def tr(text: str) -> str:
    return QCoreApplication.translate("MapScene", text)


def copy_selection(scene: MapScene) -> bool:
    ids = scene.selected_ids()
    if not ids:
        return False
    rows = []
    for tid in ids:
        tp = scene.cards[tid].touchpoint
        rows.append({f: (str(getattr(tp, f)) if f == "sensation" else getattr(tp, f)) for f in COPY_FIELDS})
    mime = QMimeData()
    mime.setData(TOUCHPOINTS_MIME, json.dumps(rows, ensure_ascii=False).encode())
    mime.setText("\n".join(r["title"] for r in rows))
    QGuiApplication.clipboard().setMimeData(mime)
    return True


def can_paste() -> bool:
    mime = QGuiApplication.clipboard().mimeData()
    return bool(mime and (mime.hasFormat(TOUCHPOINTS_MIME) or mime.hasText()))


def _clipboard_rows() -> list[dict]:
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None:
        return []
    if mime.hasFormat(TOUCHPOINTS_MIME):
        try:
            return [r for r in json.loads(bytes(mime.data(TOUCHPOINTS_MIME)).decode()) if isinstance(r, dict)]
        except ValueError:
            return []
    if mime.hasText() and mime.text().strip():
        return [{"title": line.strip()} for line in mime.text().splitlines() if line.strip()][:MAX_TEXT_LINES]
    return []


def paste_target(scene: MapScene) -> tuple[tuple[int, int], int | None] | None:
    return gridlib.paste_target(scene.model_grid(), scene.selected_ids(), scene.last_cell)


def paste(scene: MapScene) -> list[int]:
    if scene.read_only or scene.map_id is None:
        return []
    rows = _clipboard_rows()
    target = paste_target(scene)
    if not rows or target is None:
        return []
    (sid, lid), index = target
    items = []
    for k, row in enumerate(rows):
        values = {f: row[f] for f in COPY_FIELDS if f in row}
        try:
            values["sensation"] = Sensation(values.get("sensation", "neutral"))
        except ValueError:
            values["sensation"] = Sensation.NEUTRAL
        tp = Touchpoint(scene.map_id, sid, lid, **{**values, "title": str(values.get("title", ""))})
        items.append((tp, None if index is None else index + k))
    return scene.editor.add_touchpoints(items, tr("Paste"), Source.CANVAS)
