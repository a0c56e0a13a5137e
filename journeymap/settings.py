"""Every setting the app keeps, declared once: its key, type and default.

The editor (preferences, window state, recent files, note author) and the CLI
(the language) read and write them through these declarations, so a key is
never spelt twice and a value of the wrong type (a hand-edited INI file) reads
as the default instead of breaking a dialog. The store is Qt's ``QSettings`` in
``QSettings.defaultFormat()`` (tests point it at a temporary INI file); QtCore
is imported only when a setting is read.

    from journeymap import settings
    settings.AUTHOR.get()
    settings.RECENT_FILES.set(["/maps/hotel.jmap"])
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

ORGANIZATION = "JourneyMap"
APPLICATION = "JourneyMap"

T = TypeVar("T")


def data_dir(create: bool = True) -> Path:
    """The user's JourneyMap data folder (the sample document); ``JOURNEYMAP_DATA_DIR`` overrides it."""
    override = os.environ.get("JOURNEYMAP_DATA_DIR")
    if override:
        folder = Path(override)
    else:
        from PySide6.QtCore import QStandardPaths

        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def store() -> Any:
    """The app's ``QSettings`` (user scope)."""
    from PySide6.QtCore import QSettings

    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type
    default: T
    doc: str = ""
    choices: tuple[T, ...] = ()

    def _coerce(self, raw: Any) -> T:
        if raw is None:
            return self.default
        if self.type is list:
            value: Any = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, (list, tuple)) else None
            return [str(v) for v in value] if value is not None else self.default  # type: ignore[return-value]
        if self.type is bool:
            if isinstance(raw, str):
                return raw.strip().lower() in ("1", "true", "yes", "on")  # type: ignore[return-value]
            return bool(raw)  # type: ignore[return-value]
        if self.type is bytes:
            return raw  # QByteArray from saveGeometry()/saveState()
        try:
            value = self.type(raw)
        except (TypeError, ValueError):
            return self.default
        if self.choices and value not in self.choices:
            return self.default
        return value

    def get(self, settings: Any = None) -> T:
        """The stored value, or the default when missing or of the wrong type."""
        s = settings if settings is not None else store()
        return self._coerce(s.value(self.key, None))

    def set(self, value: T, settings: Any = None) -> None:
        s = settings if settings is not None else store()
        if value is None or value == self.default and self.type is not bytes:
            s.remove(self.key)
        else:
            s.setValue(self.key, value)

    def is_set(self, settings: Any = None) -> bool:
        s = settings if settings is not None else store()
        return s.contains(self.key)


LANGUAGE: Setting[str] = Setting(
    "ui/language", str, "", "Language of the editor: empty = follow the system.", ("", "en", "es")
)
AUTHOR: Setting[str] = Setting("author", str, "", "Author of new notes (empty: the system user name).")
RECENT_FILES: Setting[list] = Setting("recentFiles", list, [], "Recently opened documents, newest first.")
WINDOW_GEOMETRY: Setting[Any] = Setting("window/geometry", bytes, None, "Main window geometry (saveGeometry).")
WINDOW_STATE: Setting[Any] = Setting("window/state", bytes, None, "Toolbars and panels (saveState).")
VIEW_STATE: Setting[str] = Setting(
    "viewState/json", str, "", "Last document, overlays and per-document map, zoom and centre (JSON)."
)
LAST_FOLDER: Setting[str] = Setting("files/lastFolder", str, "", "Folder of the last document opened or saved.")
PHOTO_FOLDER: Setting[str] = Setting("photos/last_folder", str, "", "Folder of the last photos attached.")
CAMERA: Setting[str] = Setting("photos/camera", str, "", "Camera last used by Take Photo (its device id).")
MERGE_FOLDER: Setting[str] = Setting("merge/last_folder", str, "", "Folder of the copies last merged (File ▸ Merge).")

ALL: tuple[Setting[Any], ...] = (
    LANGUAGE, AUTHOR, RECENT_FILES, WINDOW_GEOMETRY, WINDOW_STATE, VIEW_STATE, LAST_FOLDER, PHOTO_FOLDER, CAMERA,
    MERGE_FOLDER,
)
# A group of keys, one per document (a hash of its path and map): the export dialog's last
# choices there as JSON, and "order" (the documents, oldest first, at most 50 kept).
EXPORT_CHOICES_GROUP = "export/documents"
