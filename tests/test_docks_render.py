"""The three docks together in a main window: state saving, rendering, rebinding."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document
from journeymap.ui.docks import InspectorDock, OutlineDock, PaletteDock
from journeymap.ui.session import DocumentSession


def test_docks_in_main_window(qtbot, tmp_path):
    doc = Document.create(tmp_path / "t.jmap")
    map_id = create_map_from_template(doc, "generic")
    window = QMainWindow()
    qtbot.addWidget(window)
    docks = [PaletteDock(window), InspectorDock(window), OutlineDock(window)]
    assert [d.objectName() for d in docks] == ["paletteDock", "inspectorDock", "outlineDock"]
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, docks[0])
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, docks[1])
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, docks[2])
    window.resize(1000, 700)
    window.show()

    for session_doc in (doc, None, doc):  # open, close, open again
        session = DocumentSession(session_doc) if session_doc else None
        for dock in docks:
            dock.set_session(session)
    session = docks[1].session
    session.set_selection([doc.touchpoints(map_id)[0].id])
    assert docks[1].touchpoint_id is not None

    state = window.saveState()
    assert window.restoreState(state)
    for dock in docks:
        dock.resize(320, 700)
        image = dock.grab().toImage()
        assert not image.isNull() and image.width() == 320
    for dock in docks:
        dock.set_session(None)
    doc.close()
