"""Shared fixtures of the canvas tests: a real document from a template, a scene and a view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document
from journeymap.ui.scene import MapScene, MapView
from journeymap.ui.session import DocumentSession


@pytest.fixture
def doc_path(tmp_path):
    path = tmp_path / "map.jmap"
    doc = Document.create(path)
    create_map_from_template(doc, "retail-store")
    doc.close()
    return path


@pytest.fixture
def session(doc_path):
    doc = Document.open(doc_path)
    s = DocumentSession(doc)
    yield s
    s.undo_stack.clear()
    doc.close()


@pytest.fixture
def canvas(qtbot, session):
    scene = MapScene(session)
    view = MapView()
    view.setScene(scene)
    view.resize(1400, 900)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.setFocus()
    yield scene, view
    view.setScene(None)
    scene.dispose()


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
