"""The canvas: scene, items, layout and view (also used headless for exports)."""

from journeymap.ui.scene.map_scene import MapScene
from journeymap.ui.scene.view import MapView

__all__ = ["MapScene", "MapView"]
