"""A stand-in for the map scene: what the image renderer needs from it, recording how it was used."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsScene


class StandInScene(QGraphicsScene):
    """What the renderer needs from the map scene, recording how it was used."""

    def __init__(self, title="Map title"):
        super().__init__()
        self.calls = []
        self._overlays = {"nps"}
        self.export_mode = False
        self.setBackgroundBrush(QColor("#EEF0F3"))
        self.addRect(0, 0, 600, 300, brush=QColor("#FFFFFF"))
        self.header = self.addRect(20, 10, 560, 40, brush=QColor("#4E79A7"))
        self.title = self.addSimpleText(title)
        self.title.setPos(30, 20)
        self.card = self.addRect(40, 100, 180, 80, brush=QColor("#2C7BB6"))
        label = self.addSimpleText("Checkout queue")
        label.setPos(50, 120)
        self.selection_marker = self.addRect(300, 100, 100, 80, brush=QColor("#FF0000"))

    def overlays(self):
        return set(self._overlays)

    def set_overlays(self, overlays):
        self.calls.append(("overlays", set(overlays)))
        self._overlays = set(overlays)

    def set_export_mode(self, on):
        self.calls.append(("export", on))
        self.export_mode = on
        self.selection_marker.setVisible(not on)

    def content_rect(self):
        return QRectF(0, 0, 600, 300)
