"""Helpers of the canvas tests: real mouse gestures on a view's viewport, and the rows of a document file.

The fixtures they go with (``doc_path``, ``session``, ``canvas``) are in conftest.py.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from journeymap.storage import Document


def vp(view, scene_pos: QPointF) -> QPoint:
    view.ensureVisible(scene_pos.x() - 5, scene_pos.y() - 5, 10, 10, 20, 20)
    return view.mapFromScene(scene_pos)


def drag(view, start: QPointF, end: QPointF, modifier=Qt.KeyboardModifier.NoModifier, steps: int = 6) -> None:
    """A real mouse drag on the viewport, in scene coordinates."""
    a = vp(view, start)
    b = view.mapFromScene(end)
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, modifier, a)
    for i in range(1, steps + 1):
        p = a + (b - a) * (i / steps)
        QTest.mouseMove(view.viewport(), p)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, modifier, b)


def click(view, pos: QPointF, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, vp(view, pos))


def card_centre(scene, tid) -> QPointF:
    return scene.card_item(tid).sceneBoundingRect().center()


def rows(path):
    with Document.open(path, read_only=True) as doc:
        m = doc.maps()[0].id
        return {tp.id: tp for tp in doc.touchpoints(m)}, doc.stages(m), doc.lanes(m)
