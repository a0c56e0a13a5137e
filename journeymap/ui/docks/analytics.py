"""The analytics dock: NPS and sentiment charts of the current map, drawn with matplotlib.

matplotlib is slow to import, so nothing here imports it (nor
``journeymap.services.charts``, which does) until a chart is first shown: the
canvas is built on the first refresh while the dock is visible, or when
``show_chart``/``figure``/``save_chart`` asks for it.

Charts follow the document: data-change signals of the session restart a
single-shot timer, and the chart is redrawn when it fires, only if the dock is
visible (otherwise on the next show).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from journeymap.i18n import error_text
from journeymap.services.chart_names import CHART_NAMES
from journeymap.storage import DocumentError
from journeymap.ui.docks import SessionConnections
from journeymap.ui.docks.widgets import on_screen

if TYPE_CHECKING:  # pragma: no cover - typing only, never imported at run time
    from matplotlib.figure import Figure

    from journeymap.ui.session import DocumentSession

REFRESH_MS = 100
ROW_PX = 26  # canvas height per bar in the per-touchpoint bar charts
MIN_CANVAS_PX = 300
MAX_CANVAS_PX = 12000
DOCK_ROWS = 20  # per-touchpoint charts: the best and the worst 10, unless "Show all"


def _chart_text(text: str) -> str:
    """Translation of the strings drawn inside charts (context "charts")."""
    return QCoreApplication.translate("charts", text)


class AnalyticsDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("analyticsDock")
        self.setWindowTitle(self.tr("Analytics"))
        self._session: DocumentSession | None = None
        self._connections = SessionConnections()
        self._charts: Any = None  # journeymap.services.charts, once imported
        self._figure: Figure | None = None
        self._canvas: Any = None
        self._dirty = True
        self._syncing = False
        self._drawn_width = -1

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh_if_visible)

        body = QWidget(self)
        body.setMinimumWidth(300)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)

        bar = QHBoxLayout()  # chart selector on its own row: the dock is often narrow
        bar.setSpacing(6)
        self.chart_combo = QComboBox(body)
        self.chart_combo.setAccessibleName(self.tr("Chart"))
        self.chart_combo.setToolTip(self.tr("Which chart to show"))
        for name in CHART_NAMES:
            self.chart_combo.addItem(self._chart_label(name), name)
        # Not as wide as the longest chart name: the dock must fit beside the map on a laptop.
        self.chart_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chart_combo.setMinimumContentsLength(16)
        chart_label = QLabel(self.tr("&Chart:"), body)
        chart_label.setBuddy(self.chart_combo)

        self.segment_combo = QComboBox(body)
        self.segment_combo.setAccessibleName(self.tr("Segment filter"))
        self.segment_combo.setToolTip(self.tr("Only count the answers of this segment"))
        self.segment_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        segment_label = QLabel(self.tr("&Segment:"), body)
        segment_label.setBuddy(self.segment_combo)

        self.save_button = QPushButton(self.tr("Save chart…"), body)
        self.save_button.setAccessibleName(self.tr("Save chart"))
        self.save_button.setToolTip(self.tr("Save the chart as a PNG or SVG image"))

        # Per-touchpoint charts show the best and the worst DOCK_ROWS // 2; this draws them all.
        self.show_all_button = QPushButton(self.tr("Show &all"), body)
        self.show_all_button.setCheckable(True)
        self.show_all_button.hide()

        self.window_button = QPushButton(self.tr("Open in Window"), body)
        self.window_button.setToolTip(self.tr("Show this chart in its own window, at any size"))
        self.chart_windows: list = []

        bar.addWidget(chart_label)
        bar.addWidget(self.chart_combo, 1)
        layout.addLayout(bar)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(segment_label)
        row.addWidget(self.segment_combo)
        row.addStretch()
        layout.addLayout(row)
        buttons = QHBoxLayout()  # a row of their own: side by side with the segment they made the dock 436 px wide
        buttons.setSpacing(6)
        buttons.addWidget(self.show_all_button)
        buttons.addStretch()
        buttons.addWidget(self.window_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        self.overall_label = QLabel(body)
        self.overall_label.setAccessibleName(self.tr("Overall NPS of the map"))
        self.overall_label.setWordWrap(True)
        self.overall_label.hide()
        layout.addWidget(self.overall_label)

        self.scroll = QScrollArea(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setAccessibleName(self.tr("Chart area"))
        self._placeholder = QLabel(self.tr("Charts appear here."), self.scroll)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setWidget(self._placeholder)
        layout.addWidget(self.scroll, 1)
        self.setWidget(body)

        self.chart_combo.currentIndexChanged.connect(self._on_chart_changed)
        self.segment_combo.currentIndexChanged.connect(self._on_segment_changed)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.window_button.clicked.connect(self.open_chart_window)
        self.show_all_button.toggled.connect(lambda _on: self.refresh())
        self.visibilityChanged.connect(self._on_visibility_changed)
        self._reload_segments()

    # ------------------------------------------------------------------ API
    def set_session(self, session: DocumentSession | None) -> None:
        """Follow *session* (``None``: no document open); drops the previous one's signals."""
        self._connections.clear()
        self._session = session
        if session is not None:
            c = self._connections
            c.connect(session.metricsChanged, self._on_data_changed)
            c.connect(session.touchpointsChanged, self._on_data_changed)
            c.connect(session.currentMapChanged, self._on_data_changed)
            c.connect(session.structureChanged, self._on_data_changed)
            c.connect(session.selectionChanged, self._on_selection_changed)
            c.connect(session.destroyed, self._on_session_destroyed)
        self._reload_segments()
        self._on_data_changed()

    def session(self) -> DocumentSession | None:
        return self._session

    @staticmethod
    def chart_names() -> list[str]:
        return list(CHART_NAMES)

    def current_chart(self) -> str:
        return self.chart_combo.currentData() or CHART_NAMES[0]

    def show_chart(self, name: str) -> None:
        """Select chart *name* and draw it now (visible or not)."""
        if name not in CHART_NAMES:
            raise ValueError(f"unknown chart {name!r}; expected one of {', '.join(CHART_NAMES)}")
        self._syncing = True
        try:
            self.chart_combo.setCurrentIndex(CHART_NAMES.index(name))
        finally:
            self._syncing = False
        self.refresh()

    @property
    def figure(self) -> Figure:
        """The matplotlib figure of the current chart (built and drawn on first use)."""
        if self._figure is None:
            self.refresh()
        assert self._figure is not None
        return self._figure

    def open_chart_window(self):
        """The current chart in a window of its own (redrawn at its size, following the document)."""
        if self._session is None:
            return None
        from journeymap.ui.docks.chart_window import ChartWindow

        name = self.current_chart()
        window = ChartWindow(self._session, name, self._chart_label(name), self.window())
        self.chart_windows.append(window)
        window.destroyed.connect(lambda *_: self.chart_windows.remove(window) if window in self.chart_windows
                                 else None)
        window.show()
        return window

    def save_chart(self, path: str | os.PathLike[str]) -> Path:
        """Write the current chart as PNG or SVG (by suffix); returns the path written."""
        charts = self._ensure_canvas()
        if self._dirty:
            self.refresh()
        # At presentation quality: 200 dpi, whatever the dock's size on screen.
        return charts.save_figure(self.figure, path, dpi=200)

    def refresh(self) -> None:
        """Redraw the current chart from the document now."""
        self._timer.stop()
        charts = self._ensure_canvas()
        fig = self._figure
        name = self.current_chart()
        self._reload_segments()
        session = self._session
        items = 0
        if session is None:
            charts.draw_empty(fig, self.tr("Open a document to see its analytics."))
        else:
            ctx = charts.ChartContext(session.document, session.map_id, session.segment,
                                      tuple(session.selected_ids), _chart_text,
                                      max_rows=None if self.show_all_button.isChecked() else DOCK_ROWS,
                                      compare=getattr(session, "compare_sides", None))
            try:
                items = charts.render(name, fig, ctx)
            except DocumentError as exc:  # e.g. the document was closed under us
                charts.draw_empty(fig, error_text(exc))
        self._show_overall()
        self._update_show_all(getattr(fig, "touchpoint_rows", None))
        self._dirty = False
        self._drawn_width = self._canvas.width()
        if name in ("nps_by_touchpoint", "nps_split") and items:
            height = 110 + ROW_PX * items
        else:
            height = MIN_CANVAS_PX
        self._canvas.setMinimumHeight(max(MIN_CANVAS_PX, min(MAX_CANVAS_PX, height)))
        self._canvas.draw_idle()

    def _update_show_all(self, rows: tuple[int, int] | None) -> None:
        """Offer "Show all" where a per-touchpoint chart leaves touchpoints out (or shows all on request)."""
        button = self.show_all_button
        total = rows[1] if rows else 0
        button.setVisible(total > DOCK_ROWS)
        button.setToolTip(self.tr("Draw all %Ln touchpoints, not only the best and the worst %1", "", total)
                          .replace("%1", str(DOCK_ROWS // 2)))

    def _show_overall(self) -> None:
        """The map's overall (relationship) NPS from a wide survey, above the charts."""
        session = self._session
        o = None
        if session is not None and session.map_id is not None:
            from journeymap.services.reporting import overall_summary

            try:
                o = overall_summary(session.document, session.map_id, session.segment)
            except DocumentError:
                o = None
        if o is None or not o.n:
            self.overall_label.hide()
            return
        text = self.tr("Overall NPS of the map: %1 (n = %2, ±%3)")
        text = text.replace("%1", f"{o.nps:+.0f}").replace("%2", f"{o.n:,}")
        text = text.replace("%3", "–" if o.margin is None else f"{o.margin:.0f}")
        self.overall_label.setText(text)
        self.overall_label.show()

    # ------------------------------------------------------------- internals
    def _chart_label(self, name: str) -> str:
        return {
            "nps_by_touchpoint": self.tr("NPS by touchpoint"),
            "stage_nps_sentiment": self.tr("NPS and sentiment by stage"),
            "nps_split": self.tr("Promoters, passives, detractors"),
            "nps_trend": self.tr("NPS trend of the selected touchpoint"),
            "priority_matrix": self.tr("Priority matrix (impact × NPS)"),
            "compare": self.tr("Comparison of two segments or periods"),
            "drivers": self.tr("Drivers of the overall NPS"),
        }[name]

    def _ensure_canvas(self) -> Any:
        """Import matplotlib and build the canvas the first time a chart is needed."""
        if self._charts is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

            from journeymap.services import charts

            self._charts = charts
            self._figure = charts.new_figure()
            dock = self

            class Canvas(FigureCanvasQTAgg):
                def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
                    super().resizeEvent(event)
                    dock._on_canvas_resized(event.size().width())

            canvas = Canvas(self._figure)
            canvas.setParent(self.scroll)
            canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            canvas.setMinimumHeight(MIN_CANVAS_PX)
            canvas.setAccessibleName(self.tr("Chart"))
            self._canvas = canvas
            self._drawn_width = -1
            self.scroll.setWidget(canvas)  # deletes the placeholder
            self._placeholder = None
        return self._charts

    def _on_canvas_resized(self, width: int) -> None:
        # Charts adapt to their width (tick density, label room): redraw when it changes.
        if abs(width - self._drawn_width) > 40:
            self._schedule()

    def _schedule(self) -> None:
        self._dirty = True
        self._timer.start()

    def _refresh_if_visible(self) -> None:
        if on_screen(self):
            self.refresh()
        else:
            self._dirty = True

    def _on_data_changed(self, *args: object) -> None:
        self._schedule()

    def _on_selection_changed(self, ids: list[int]) -> None:
        if self.current_chart() == "nps_trend":
            self._schedule()

    def _on_session_destroyed(self, *args: object) -> None:
        self._connections.clear()
        self._session = None
        self._schedule()

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible and self._dirty:
            self._timer.start()

    def _on_chart_changed(self, index: int) -> None:
        if not self._syncing:
            self._schedule()

    def _reload_segments(self) -> None:
        session = self._session
        segments: list[str] = []
        current = None
        if session is not None:
            current = session.segment
            if session.map_id is not None:
                try:
                    segments = session.document.segments(session.map_id)
                except DocumentError:
                    segments = []
            if current and current not in segments:
                segments.append(current)
        wanted = [None, *segments]
        have = [self.segment_combo.itemData(i) for i in range(self.segment_combo.count())]
        self._syncing = True
        try:
            if have != wanted:
                self.segment_combo.clear()
                self.segment_combo.addItem(self.tr("All respondents"), None)
                for name in segments:
                    self.segment_combo.addItem(name, name)
            self.segment_combo.setCurrentIndex(wanted.index(current) if current in wanted else 0)
        finally:
            self._syncing = False
        self.segment_combo.setEnabled(session is not None and bool(segments))

    def _on_segment_changed(self, index: int) -> None:
        if self._syncing or self._session is None or index < 0:
            return
        self._session.set_segment(self.segment_combo.itemData(index))

    def _on_save_clicked(self) -> None:
        png, svg = self.tr("PNG image (*.png)"), self.tr("SVG image (*.svg)")
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save chart"), f"{self.current_chart()}.png", f"{png};;{svg}"
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".png", ".svg"):
            target = target.with_name(target.name + (".svg" if chosen == svg else ".png"))
        try:
            self.save_chart(target)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Save chart"),
                                self.tr("The chart could not be saved:\n{0}").format(exc))
