"""A chart in its own window, at any size: for a second screen, a meeting, or a presentation-quality save.

The window draws the same chart as the analytics dock (``services.charts``),
redrawn for its size after each resize (labels wrap, turn or thin out to fit),
and follows the document like the dock does.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from journeymap.i18n import error_text
from journeymap.storage import DocumentError
from journeymap.ui.session import DocumentSession

REDRAW_MS = 120
PRESENTATION_DPI = 200  # what "Save chart" writes from this window


def _chart_text(text: str) -> str:
    return QCoreApplication.translate("charts", text)


class ChartWindow(QWidget):
    def __init__(self, session: DocumentSession, name: str, title: str, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from journeymap.services import charts

        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle(title)
        self.session = session
        self.name = name
        self._charts = charts
        self.figure = charts.new_figure()
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self.redraw)
        for signal in (session.metricsChanged, session.touchpointsChanged, session.structureChanged,
                       session.currentMapChanged, session.selectionChanged):
            signal.connect(self._timer.start)
        self.resize(1000, 640)

    def redraw(self) -> int:
        """Draw the chart for the window's current size; returns how many items it shows."""
        charts = self._charts
        dpi = self.figure.dpi
        width, height = max(200, self.canvas.width()), max(150, self.canvas.height())
        self.figure.set_size_inches(width / dpi, height / dpi, forward=False)
        s = self.session
        try:
            ctx = charts.ChartContext(s.document, s.map_id, s.segment, tuple(s.selected_ids), _chart_text)
            items = charts.render(self.name, self.figure, ctx)
        except DocumentError as exc:  # the document closed under the window
            charts.draw_empty(self.figure, error_text(exc))
            items = 0
        self.canvas.draw_idle()
        return items

    def save(self, path) -> None:
        self._charts.save_figure(self.figure, path, dpi=PRESENTATION_DPI)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._timer.start()
