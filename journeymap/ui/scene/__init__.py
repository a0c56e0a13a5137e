"""The canvas: scene, items, layout and view (also used headless for exports)."""

from journeymap.ui.scene import pyside_fix  # noqa: F401  - before any Qt call, see its docstring
from journeymap.ui.scene.map_scene import MapScene
from journeymap.ui.scene.view import MapView

__all__ = ["MapScene", "MapView"]
