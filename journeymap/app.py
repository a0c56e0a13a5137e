"""GUI entry point: ``python main.py [FILE]`` and ``journeymap gui [FILE]``."""

from __future__ import annotations

import sys


def run(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from journeymap.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("JourneyMap")
    app.setOrganizationName("JourneyMap")
    window = MainWindow()
    if argv:
        window.open_path(argv[0])
    window.show()
    return app.exec()


def main() -> int:
    return run(sys.argv[1:])
