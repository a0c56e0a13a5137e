"""GUI entry point: ``python main.py [FILE]`` and ``journeymap gui [FILE]``.

Without a file the editor reopens the last document at its last map (see
``journeymap.ui.view_state``, saved as you work, so also after a crash), else
the sample document ``<AppDataLocation>/sample.jmap`` (made from the
retail-store template on first run); ``JOURNEYMAP_DATA_DIR`` overrides that
folder (tests, portable installs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Qt is imported when the GUI starts, not with this module
    from PySide6.QtWidgets import QApplication

    from journeymap.ui.main_window import MainWindow

SAMPLE_NAME = "sample.jmap"
SAMPLE_TEMPLATE = "retail-store"
GC_RESUME_LATEST_MS = 2000


def data_dir() -> Path:
    """The user's JourneyMap data folder (created if needed)."""
    from journeymap.settings import data_dir as folder

    return folder()


def ensure_sample_document() -> Path:
    """The sample document: the retail-store template with a demo survey, made on first run."""
    from journeymap.i18n import current_language
    from journeymap.services.sample import add_demo_responses
    from journeymap.services.templates import create_map_from_template
    from journeymap.storage import Document

    lang = current_language()  # the sample speaks the UI's language
    path = data_dir() / (SAMPLE_NAME if lang == "en" else f"sample-{lang}.jmap")
    if not path.exists():
        tmp = path.with_name(path.name + ".new")
        tmp.unlink(missing_ok=True)
        doc = Document.create(tmp)
        try:
            add_demo_responses(doc, create_map_from_template(doc, SAMPLE_TEMPLATE, lang=lang), lang=lang)
        finally:
            doc.close()
        os.replace(tmp, path)
    return path


def create_app(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication((argv or sys.argv)[:1])
    app.setApplicationName("JourneyMap")
    app.setOrganizationName("JourneyMap")
    app.setApplicationDisplayName("JourneyMap")
    from journeymap import i18n

    i18n.attach(app)  # catalogues the CLI loaded before there was an application
    return app


def start(argv: list[str]) -> tuple[QApplication, MainWindow]:
    """Build and show the editor on *argv*'s document (or the last one, or the sample); no event loop.

    Python's cyclic garbage collector runs only between events (see
    ``journeymap.ui.garbage``: a collection inside a QObject destructor hung the
    editor at quit). Start-up allocates a lot and frees little, so collecting
    would only walk those objects again and again (~5 ms of the first frame):
    the collector starts once the panels are built, right after that frame.
    """
    app = create_app()
    from journeymap.ui.garbage import install as install_garbage_collector

    collector = install_garbage_collector(app)

    from PySide6.QtCore import QTimer

    from journeymap import i18n

    i18n.install(app, i18n.preferred_language())

    from journeymap.ui.main_window import MainWindow
    from journeymap.ui.view_state import ViewStateKeeper, open_last_or_sample

    # The panels are built right after the first frame: the map shows sooner.
    window = MainWindow(defer_docks=True)
    window.panelsReady.connect(collector.start)
    QTimer.singleShot(GC_RESUME_LATEST_MS, collector.start)  # even if no frame is ever painted
    # Remembers document, map, zoom and overlays as the user works (crash-proof).
    window.view_state = ViewStateKeeper(window)
    window.show()
    if argv:
        window.open_path(argv[0])
    else:
        # The last document at its last map; else the sample (problems go to the status bar).
        open_last_or_sample(window, ensure_sample_document)
    return app, window


def missing_display(environ: dict[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """Why the editor cannot open a window here (Linux without X11 or Wayland), or None.

    Qt would abort with a message about the xcb plugin that names neither the missing
    display nor the way out: the headless command line.
    """
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, eglfs...: no X11 or Wayland display needed
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    from journeymap.i18n import install_for_cli, translate

    install_for_cli(dict(env))
    return translate(
        "app",
        "journeymap: no display to open the editor on (DISPLAY and WAYLAND_DISPLAY are not set). "
        "Start it from a desktop session, or use the command line without a display: journeymap --help",
    )


def run(argv: list[str]) -> int:
    problem = missing_display()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    app, window = start(argv)
    if os.environ.get("JOURNEYMAP_EXIT_AFTER_PAINT"):
        _exit_after_first_paint(app, window)
    return app.exec()


def _exit_after_first_paint(app, window) -> None:
    """For ``bench``: report the first painted canvas frame, then quit.

    If the first frame shows the empty page instead (no document could be
    opened), say why on stderr and quit with status 3 rather than wait forever.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    canvas, empty = window.view.viewport(), window._empty  # noqa: SLF001 - the two pages

    class PaintWatcher(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint:
                for page in (canvas, empty):
                    page.removeEventFilter(self)
                QTimer.singleShot(0, lambda: self.report(obj is canvas))
            return False

        def report(self, on_canvas: bool) -> None:
            import time

            if on_canvas:
                print(f"painted {time.time()}", flush=True)
                app.quit()
            else:
                print(f"no document shown: {window.statusBar().currentMessage()}", file=sys.stderr, flush=True)
                app.exit(3)

    watcher = PaintWatcher(window)
    for page in (canvas, empty):
        page.installEventFilter(watcher)
    canvas.update()
    empty.update()


def main() -> int:
    return run(sys.argv[1:])
