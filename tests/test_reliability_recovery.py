"""Crash recovery of the view: after a SIGKILL the next start reopens the document at its map.

Real processes: the editor (``journeymap.app.run``, as ``python main.py`` runs
it) starts offscreen with its settings under a temporary ``XDG_CONFIG_HOME``
and its data folder under ``JOURNEYMAP_DATA_DIR``; a child switches to the
second map, zooms and turns an overlay on, and is killed with SIGKILL; the
next start with no argument must show that document at that map, zoom and
overlay. If the last document is gone or damaged, the sample opens and the
status bar says why (no dialog blocks start-up: a modal dialog would hang the
child until the timeout).

This file is also the child's script: ``python test_reliability_recovery.py
work DOC`` or ``... report``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 60


# ------------------------------------------------------------------ child side
def _window(app):
    from journeymap.ui.main_window import MainWindow

    return next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))


def child_work(doc: str) -> int:
    """Open *doc*, go to its second map, zoom to 50 %, NPS overlay on; say "ready"; run until killed."""
    from PySide6.QtCore import QTimer

    from journeymap.app import create_app, run

    app = create_app()

    def act() -> None:
        window = _window(app)
        session = window.session
        session.set_map(session.document.maps()[1].id)
        window.overlay_actions["nps"].setChecked(True)
        QTimer.singleShot(300, lambda: ready_when_saved(window))

    def ready_when_saved(window) -> None:
        """Say "ready" once the zoom is on screen *and* in the settings (a loaded machine is slow to get there)."""
        from journeymap.ui import view_state

        session = window.session
        if window.view.zoom != 0.5:
            window.view.set_zoom(0.5)  # like a user zooming once the map is shown (its first fit may come late)
        entry = view_state.load()["documents"].get(str(session.document.path.resolve()), {})
        if entry.get("zoom") == 0.5 and entry.get("map") == session.map_id:
            print("ready", session.map_id, flush=True)
        else:
            QTimer.singleShot(200, lambda: ready_when_saved(window))

    # Counted from the first turn of the event loop: on a slow machine start() alone can take
    # longer than 300 ms, and act() must come after the window's own queued fit-to-window.
    QTimer.singleShot(0, lambda: QTimer.singleShot(300, act))
    return run([doc])


def child_report() -> int:
    """Start with no argument and print what is open, as JSON; then quit."""
    from PySide6.QtCore import QTimer

    from journeymap.app import create_app, run

    app = create_app()

    def report() -> None:
        window = _window(app)
        session = window.session
        print(json.dumps({
            "document": str(session.document.path.resolve()) if session else None,
            "map": session.map_id if session else None,
            "read_only": session.read_only if session else None,
            "zoom": window.view.zoom,
            "overlays": sorted(n for n, a in window.overlay_actions.items() if a.isChecked()),
            "status": window.statusBar().currentMessage(),
        }), flush=True)
        app.quit()

    QTimer.singleShot(1000, report)
    return run([])


# ------------------------------------------------------------------ test side
def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "JOURNEYMAP_"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        JOURNEYMAP_DATA_DIR=str(tmp_path / "data"),
        JOURNEYMAP_LANG="en",
        PYTHONPATH=str(ROOT),
    )
    return env


def _two_map_document(path: Path) -> Path:
    from journeymap.services.templates import create_map_from_template
    from journeymap.storage import Document

    with Document.create(path) as doc:
        create_map_from_template(doc, "retail-store")
        create_map_from_template(doc, "hotel")
    return path


def work_and_kill(tmp_path: Path, doc: Path) -> int:
    """The first session: returns the id of the map it switched to before SIGKILL."""
    proc = subprocess.Popen(
        [sys.executable, __file__, "work", str(doc)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(tmp_path), cwd=tmp_path,
    )
    watchdog = threading.Timer(TIMEOUT, proc.kill)  # a hung child ends readline() below
    watchdog.start()
    try:
        line = "x"
        while line and not line.startswith("ready"):
            line = proc.stdout.readline()
        watchdog.cancel()
        if not line.startswith("ready"):
            proc.kill()
            pytest.fail(f"the editor did not get ready: {proc.stderr.read()[-2000:]}")
        os.kill(proc.pid, signal.SIGKILL)  # no closeEvent, no settings written at exit
        assert proc.wait(10) == -signal.SIGKILL
        return int(line.split()[1])
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def start_and_report(tmp_path: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "report"],
        capture_output=True, text=True, env=_env(tmp_path), cwd=tmp_path, timeout=TIMEOUT,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.fixture
def two_maps(tmp_path) -> Path:
    (tmp_path / "docs").mkdir()
    return _two_map_document(tmp_path / "docs" / "two maps.jmap")


def test_sigkill_then_restart_reopens_the_document_at_its_map(tmp_path, two_maps) -> None:
    map_id = work_and_kill(tmp_path, two_maps)
    from journeymap.storage import Document

    with Document.open(two_maps, read_only=True) as doc:
        assert map_id == doc.maps()[1].id != doc.maps()[0].id
    state = start_and_report(tmp_path)
    assert state["document"] == str(two_maps.resolve())
    assert state["map"] == map_id
    assert state["read_only"] is False  # the killed process's lock is gone
    assert state["zoom"] == pytest.approx(0.5, abs=0.01)
    assert "nps" in state["overlays"]
    assert state["status"] == ""
    # Settings live where we pointed them, nowhere else.
    assert list((tmp_path / "config").rglob("*.conf"))


def test_restart_after_the_last_document_is_gone_opens_the_sample(tmp_path, two_maps) -> None:
    work_and_kill(tmp_path, two_maps)
    two_maps.unlink()
    for suffix in ("-wal", "-shm"):
        two_maps.with_name(two_maps.name + suffix).unlink(missing_ok=True)
    state = start_and_report(tmp_path)
    assert state["document"] == str((tmp_path / "data" / "sample.jmap").resolve())
    assert "no longer there" in state["status"] and two_maps.name in state["status"]
    assert "nps" in state["overlays"]  # overlays are the window's, not the document's


def test_restart_after_the_last_document_was_damaged_opens_the_sample(tmp_path, two_maps) -> None:
    work_and_kill(tmp_path, two_maps)
    for suffix in ("-wal", "-shm"):
        two_maps.with_name(two_maps.name + suffix).unlink(missing_ok=True)
    two_maps.write_bytes(b"this is not a document any more")
    state = start_and_report(tmp_path)
    assert state["document"] == str((tmp_path / "data" / "sample.jmap").resolve())
    assert "Could not reopen" in state["status"] and two_maps.name in state["status"]
    assert two_maps.read_bytes() == b"this is not a document any more"  # left alone


# ------------------------------------------------------------------ in-process unit
def test_keeper_saves_map_changes_immediately(qtbot, tmp_path, monkeypatch) -> None:
    """Every map switch is on disk at once (no exit needed); reopening restores it."""
    from PySide6.QtCore import QSettings

    from journeymap.ui import main_window as mw
    from journeymap.ui import view_state

    ini = tmp_path / "settings.ini"
    monkeypatch.setattr(mw, "settings", lambda: QSettings(str(ini), QSettings.Format.IniFormat))
    monkeypatch.setattr(view_state, "settings", mw.settings)
    doc = _two_map_document(tmp_path / "d.jmap")
    window = mw.MainWindow()
    qtbot.addWidget(window)
    window.view_state = view_state.ViewStateKeeper(window)
    assert window.open_path(doc)
    second = window.session.document.maps()[1].id
    window.session.set_map(second)
    saved = json.loads(QSettings(str(ini), QSettings.Format.IniFormat).value(view_state.KEY))
    assert saved["last"] == str(doc.resolve())
    assert saved["documents"][str(doc.resolve())]["map"] == second
    window.close_document()
    assert window.open_path(doc)
    assert window.session.map_id == second
    window.close_document()


def test_open_path_not_interactive_raises_instead_of_a_dialog(qtbot, tmp_path) -> None:
    from journeymap.storage import DocumentError
    from journeymap.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    bad = tmp_path / "bad.jmap"
    bad.write_bytes(b"junk")
    with pytest.raises(DocumentError, match="bad.jmap"):
        window.open_path(bad, interactive=False)
    assert window.session is None


if __name__ == "__main__":
    if sys.argv[1] == "work":
        sys.exit(child_work(sys.argv[2]))
    sys.exit(child_report())
