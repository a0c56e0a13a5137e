"""The export dialog remembers its choices per document (QSettings), so the next export of a
client's map comes out like the last one: format, overlays, size, page, what to include."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from PySide6.QtCore import Qt

from journeymap.settings import EXPORT_CHOICES_GROUP as GROUP
from journeymap.settings import store

MAX_DOCUMENTS = 50  # the oldest entries are dropped beyond this


def _settings():
    return store()


def document_key(dialog) -> str:
    path = getattr(dialog.session.document, "path", None)
    text = str(path.resolve()) if path is not None else ""
    return hashlib.sha1(f"{text}#{dialog.session.map_id}".encode()).hexdigest()[:20]


def _excluded(widget) -> list[int]:
    return [int(widget.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(widget.count())
            if widget.item(i).checkState() != Qt.CheckState.Checked]


def state(dialog) -> dict[str, Any]:
    return {
        "format": dialog.format(),
        "overlays": sorted(dialog.overlays()),
        "legend": dialog.legend_check.isChecked(),
        "title_block": dialog.title_check.isChecked(),
        "persona": dialog.persona_check.isChecked(),
        "transparent": dialog.transparent_check.isChecked(),
        "size_mode": "width" if dialog.width_radio.isChecked() else "dpi" if dialog.dpi_radio.isChecked() else "scale",
        "scale": dialog.scale_combo.currentData(),
        "width": dialog.width_spin.value(),
        "dpi": dialog.dpi_spin.value(),
        "page": dialog.page_combo.currentData(),
        "portrait": dialog.portrait_check.isChecked(),
        "pdf_layout": dialog.pdf_layout_combo.currentData(),
        "margin": dialog.margin_spin.value(),
        "responses": dialog.responses_check.isChecked(),
        "excluded_stages": _excluded(dialog.stage_list),
        "excluded_lanes": _excluded(dialog.lane_list),
    }


def save(dialog) -> None:
    settings = _settings()
    settings.beginGroup(GROUP)
    key = document_key(dialog)
    order = [k for k in json.loads(settings.value("order", "[]") or "[]") if k != key] + [key]
    for old in order[:-MAX_DOCUMENTS]:
        settings.remove(old)
    settings.setValue("order", json.dumps(order[-MAX_DOCUMENTS:]))
    settings.setValue(key, json.dumps(state(dialog)))
    settings.endGroup()
    settings.sync()


def _select(combo, value) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def restore(dialog) -> bool:
    """Put the dialog back as it was at this document's last export; False when there is none."""
    settings = _settings()
    raw = settings.value(f"{GROUP}/{document_key(dialog)}")
    if not raw:
        return False
    try:
        saved = json.loads(raw)
    except (TypeError, ValueError):
        return False
    if not isinstance(saved, dict):
        return False
    _select(dialog.format_combo, saved.get("format"))
    overlays = set(saved.get("overlays") or ())
    for name, box in dialog.overlay_checks.items():
        box.setChecked(name in overlays)
    for name, box in (("legend", dialog.legend_check), ("title_block", dialog.title_check),
                      ("persona", dialog.persona_check), ("transparent", dialog.transparent_check),
                      ("portrait", dialog.portrait_check), ("responses", dialog.responses_check)):
        if isinstance(saved.get(name), bool):
            box.setChecked(saved[name])
    mode = saved.get("size_mode")
    {"width": dialog.width_radio, "dpi": dialog.dpi_radio}.get(mode, dialog.scale_radio).setChecked(True)
    _select(dialog.scale_combo, saved.get("scale"))
    for name, spin in (("width", dialog.width_spin), ("dpi", dialog.dpi_spin), ("margin", dialog.margin_spin)):
        if isinstance(saved.get(name), int | float):
            spin.setValue(saved[name])
    _select(dialog.pdf_layout_combo, saved.get("pdf_layout"))
    _select(dialog.page_combo, saved.get("page"))
    for widget, name in ((dialog.stage_list, "excluded_stages"), (dialog.lane_list, "excluded_lanes")):
        excluded = set(saved.get(name) or ())
        for i in range(widget.count()):
            item = widget.item(i)
            item.setCheckState(Qt.CheckState.Unchecked if item.data(Qt.ItemDataRole.UserRole) in excluded
                               else Qt.CheckState.Checked)
    return True
