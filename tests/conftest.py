import gc
import itertools
import os

import pytest

# Qt aborts without a display; every test runs offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The real-display tier (tests/display) runs in its own process under Xvfb: tests/test_display_tier.py.
collect_ignore = [] if os.environ.get("JOURNEYMAP_DISPLAY_TIER") == "1" else ["display"]
# Tests expect English whatever the machine's locale (tests of Spanish ask for it).
os.environ["JOURNEYMAP_LANG"] = "en"


FULL_COLLECTION_EVERY = 50
_tests_run = itertools.count(1)


@pytest.fixture(scope="session", autouse=True)
def garbage_between_events(qapp):
    """Collect cyclic garbage as the editor does (journeymap/ui/garbage.py): between events, never inside a
    Qt destructor, where an automatic collection deadlocks or corrupts PySide (test_garbage_collector.py)."""
    from journeymap.ui.garbage import install

    install(qapp).start()
    yield


@pytest.fixture(autouse=True)
def collect_after_each_test():
    """Tests that never spin the event loop leave their garbage here, outside any Qt call."""
    yield
    gc.disable()  # a test that switched automatic collection back on does not leave it on
    gc.collect(2 if next(_tests_run) % FULL_COLLECTION_EVERY == 0 else 1)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Never touch the user's configuration or data folder: each test gets its own."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setenv("JOURNEYMAP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    yield


@pytest.fixture
def two_logs(tmp_path):
    """(document, map id, import results) of two awkward event logs (tests/events_fixtures.py)."""
    from events_fixtures import two_logs_in

    yield from two_logs_in(tmp_path)


@pytest.fixture
def window(qtbot, doc_path):
    """The main window at a laptop's size, showing the retail-store document, its docks built."""
    from journeymap.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_path(doc_path)
    w.ensure_docks()
    yield w
    w.close()


@pytest.fixture
def doc_path(tmp_path):
    """A document file holding the retail-store template (closed: tests open it as they need)."""
    from journeymap.services.templates import create_map_from_template
    from journeymap.storage import Document

    path = tmp_path / "map.jmap"
    doc = Document.create(path)
    create_map_from_template(doc, "retail-store")
    doc.close()
    return path


@pytest.fixture
def session(qapp, doc_path):
    """A session on the retail-store document (test modules may override it)."""
    from journeymap.storage import Document
    from journeymap.ui.session import DocumentSession

    doc = Document.open(doc_path)
    s = DocumentSession(doc)
    yield s
    s.undo_stack.clear()
    doc.close()


def scored_cards(doc, map_id):
    """The touchpoints of a map that sit in lanes that carry scores (touchpoints, channels)."""
    from journeymap.domain.model import lane_is_scored

    scored = {lane.id for lane in doc.lanes(map_id) if lane_is_scored(lane.kind)}
    return [tp for tp in doc.touchpoints(map_id) if tp.lane_id in scored]


@pytest.fixture
def canvas(qtbot, session):
    """The session's map on a scene in a shown 1400×900 view with the keyboard focus."""
    from journeymap.ui.scene import MapScene, MapView

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


@pytest.fixture
def scored_scene(session):
    """The session's map on a scene; its first four scored touchpoints carry a manual NPS and sentiment."""
    from journeymap.ui.scene import MapScene

    doc = session.document
    for tp, (nps, sentiment) in zip(scored_cards(doc, session.map_id), ((42, 0.6), (-20, -0.4), (5, 0.0), (-60, -0.9))):
        doc.update_touchpoint(tp.id, manual_nps=nps, manual_sentiment=sentiment)
    scene = MapScene(session)
    yield scene
    scene.dispose()
