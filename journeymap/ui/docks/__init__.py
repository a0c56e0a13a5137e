"""Dock widgets around the canvas: touchpoint palette, inspector and map outline.

Every dock is created once by the main window and bound to the open document
with ``set_session(session)`` (``None`` when no document is open). Docks only
read from ``session.document`` and change it through undo commands.

    from journeymap.ui.docks import InspectorDock, OutlineDock, PaletteDock
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SignalInstance

__all__ = ["InspectorDock", "OutlineDock", "PaletteDock", "SessionConnections"]

_LAZY = {
    "PaletteDock": "journeymap.ui.docks.palette",
    "InspectorDock": "journeymap.ui.docks.inspector",
    "OutlineDock": "journeymap.ui.docks.outline",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class SessionConnections:
    """The signal connections a dock made to one session, so it can drop them all."""

    def __init__(self) -> None:
        self._pairs: list[tuple[SignalInstance, Callable[..., Any]]] = []

    def connect(self, signal: SignalInstance, slot: Callable[..., Any]) -> None:
        signal.connect(slot)
        self._pairs.append((signal, slot))

    def clear(self) -> None:
        for signal, slot in self._pairs:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):  # the session is already gone
                pass
        self._pairs.clear()
