"""Drag-and-drop payloads shared by the palette and the canvas."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData

LIBRARY_ITEM = "application/x-journeymap-library-item"


def library_item_mime(title: str, channel: str, description: str = "") -> QMimeData:
    mime = QMimeData()
    mime.setData(LIBRARY_ITEM, json.dumps({"title": title, "channel": channel, "description": description}).encode())
    mime.setText(title)
    return mime


def read_library_item(mime: QMimeData) -> dict[str, str] | None:
    if not mime.hasFormat(LIBRARY_ITEM):
        return None
    try:
        data = json.loads(bytes(mime.data(LIBRARY_ITEM)).decode())
    except ValueError:
        return None
    return {k: str(data.get(k, "")) for k in ("title", "channel", "description")}
