"""Toolbar and menu icons: the app's own SVGs, or the desktop theme's when it has them."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from journeymap.resources import resource

# Our icon name -> freedesktop theme name (used first where a theme provides it).
THEME_NAMES = {
    "new": "document-new",
    "open": "document-open",
    "undo": "edit-undo",
    "redo": "edit-redo",
    "zoom-in": "zoom-in",
    "zoom-out": "zoom-out",
    "fit": "zoom-fit-best",
    "import": "document-import",
    "export": "document-export",
}


@cache
def icon(name: str) -> QIcon:
    theme = THEME_NAMES.get(name)
    if theme and QIcon.hasThemeIcon(theme):
        return QIcon.fromTheme(theme)
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()
