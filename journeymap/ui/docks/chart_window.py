"""A chart in its own window, at any size: for a second screen, a meeting, or a presentation-quality save.

The window draws the same chart as the analytics dock (``services.charts``),
redrawn for its size after each resize (labels wrap, turn or thin out to fit),
and follows the document like the dock does. Like the dock, it draws in a
worker thread (``chart_render``) and shows the picture when it is done, so a
big map's chart never freezes the window while it is dragged to a new size.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from journeymap.ui.docks.chart_render import ChartJob, ChartRenderer, ChartResult, draw
from journeymap.ui.session import DocumentSession

if TYPE_CHECKING:  # pragma: no cover - typing only
    from matplotlib.figure import Figure

REDRAW_MS = 120
PRESENTATION_DPI = 200  # what "Save chart" writes from this window


def _as_asked(name: str, items: int, asked: int) -> int:
    return asked  # the window's chart fills the window: no scrolling


class ChartWindow(QWidget):
    def __init__(self, session: DocumentSession, name: str, title: str, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle(title)
        self.session = session
        self.name = name
        self._figure: Figure | None = None
        self._generation = 0
        self._pending = False
        # The picture of the chart; named "canvas" as the matplotlib canvas it replaced.
        self.canvas = QLabel(self)
        self.canvas.setAccessibleName(title)
        self.canvas.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.canvas.setText(self.tr("Drawing chart…"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._renderer = ChartRenderer(self)
        self._renderer.drawn.connect(self._on_drawn)
        renderer = self._renderer
        self.destroyed.connect(lambda *_: renderer.close())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self._redraw_later)
        for signal in (session.metricsChanged, session.touchpointsChanged, session.structureChanged,
                       session.currentMapChanged, session.selectionChanged):
            signal.connect(self._timer.start)
        self.resize(1000, 640)

    @property
    def figure(self) -> Figure:
        """The figure of the picture shown; drawn now if there is none yet or the worker's is pending."""
        if self._figure is None or self._pending:
            self.redraw()
        assert self._figure is not None
        return self._figure

    def redraw(self) -> int:
        """Draw the chart for the window's current size now, on this thread; returns how many items it shows."""
        self._timer.stop()
        job = self._job()
        self._renderer.cancel(job.generation)
        result = draw(job, self.session.document)
        self._show(result)
        return result.items

    def save(self, path: str | os.PathLike[str]) -> Path:
        from journeymap.services.charts import save_figure

        return save_figure(self.figure, path, dpi=PRESENTATION_DPI)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._timer.start()

    # ------------------------------------------------------------- internals
    def _job(self) -> ChartJob:
        self._generation += 1
        s = self.session
        width, height = max(200, self.canvas.width()), max(150, self.canvas.height())
        return ChartJob(self._generation, None, self.name, s.map_id, s.segment, tuple(s.selected_ids), None,
                        getattr(s, "compare_sides", None), width, height, float(self.devicePixelRatioF()),
                        _as_asked)

    def _redraw_later(self) -> None:
        """The worker draws it; the picture shows when it is done (only the newest one)."""
        job = self._job()
        self._pending = True
        self._renderer.submit(job, self.session.document)

    def wait_idle(self) -> None:
        """Wait until the worker let go of the file (before the document closes)."""
        self._renderer.wait_idle()

    def _on_drawn(self, result: ChartResult) -> None:
        if result.job.generation == self._generation:
            self._show(result)

    def _show(self, result: ChartResult) -> None:
        self._pending = False
        self._figure = result.figure
        self.canvas.setPixmap(QPixmap.fromImage(result.image))
