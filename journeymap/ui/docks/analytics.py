"""The analytics dock: NPS and sentiment charts of the current map, drawn with matplotlib.

The charts are drawn off the UI thread (``chart_render``): a refresh hands a
job to the dock's worker, which reads the document through its own read-only
connection, draws on an Agg canvas and sends back an image; the dock shows it
in a label. Nothing here imports matplotlib (nor ``journeymap.services.charts``):
the worker does, on its first chart. Drawing "NPS by touchpoint" of a 2,000-card
map on the UI thread froze the window for ~0.8 s at open (issue 21).

Charts follow the document: data-change signals of the session restart a
single-shot timer, and the chart is redrawn when it fires, only if the dock is
visible (otherwise on the next show). The last pictures are kept by (chart,
map, segment, selection, size, data version), so flipping back is instant.

``figure``, ``show_chart`` and ``save_chart`` are for scripts and tests: they
need the figure now, so they draw on the calling thread when the worker's
picture is not there yet.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap, QResizeEvent
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

from journeymap.i18n import current_language
from journeymap.services.chart_names import CHART_NAMES
from journeymap.storage import DocumentError
from journeymap.ui.docks import SessionConnections
from journeymap.ui.docks.chart_render import ChartJob, ChartRenderer, ChartResult, draw
from journeymap.ui.docks.widgets import on_screen

if TYPE_CHECKING:  # pragma: no cover - typing only, never imported at run time
    from matplotlib.figure import Figure

    from journeymap.ui.session import DocumentSession

REFRESH_MS = 100
WARM_UP_MS = 1500  # the tab in front and no document for this long: matplotlib is imported in the worker
ROW_PX = 26  # canvas height per bar in the per-touchpoint bar charts
MIN_CANVAS_PX = 300
MAX_CANVAS_PX = 12000
DOCK_ROWS = 20  # per-touchpoint charts: the best and the worst 10, unless "Show all"


def chart_height(name: str, items: int, asked: int) -> int:
    """Pixels a chart is drawn high: per-touchpoint bar charts grow with their rows (the dock scrolls)."""
    if name in ("nps_by_touchpoint", "nps_split") and items:
        return max(asked, min(MAX_CANVAS_PX, 110 + ROW_PX * items))
    return asked


class ChartImage(QLabel):
    """The drawn chart, as a picture; tells the dock when its room changes (charts adapt to their width)."""

    def __init__(self, dock: AnalyticsDock, parent: QWidget):
        super().__init__(parent)
        self._dock = dock
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(1, MIN_CANVAS_PX)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._dock._on_area_resized()


class AnalyticsDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("analyticsDock")
        self.setWindowTitle(self.tr("Analytics"))
        self._session: DocumentSession | None = None
        self._connections = SessionConnections()
        self._figure: Figure | None = None  # of the picture shown
        self._shown: ChartResult | None = None
        self._pending: ChartJob | None = None  # asked of the worker, not back yet
        self._generation = 0  # of the newest job: results of older ones are dropped
        self._submitted = 0  # generation of the last job handed to the worker
        self._data_version = 0  # bumped by each change of the document's data (part of the cache key)
        self._seen_segment: str | None = None
        self._segments: tuple[int | None, tuple[str, ...]] = (None, ())  # (map, its segments) as last drawn
        self._dirty = True  # the picture shown is not of the document as it is now
        self._syncing = False
        self._renderer = ChartRenderer(self)
        self._renderer.drawn.connect(self._on_drawn)
        renderer = self._renderer
        self.destroyed.connect(lambda *_: renderer.close())

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh_if_visible)
        # Not at once: a document opened straight after start-up (from the command line) would share
        # the interpreter with the import; its first chart then imports it after its first frame.
        self._warm_timer = QTimer(self)
        self._warm_timer.setSingleShot(True)
        self._warm_timer.setInterval(WARM_UP_MS)
        self._warm_timer.timeout.connect(self._warm_up)

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
        # While the worker draws: a quiet word where it moves nothing, the last picture stays.
        self.busy_label = QLabel(self.tr("Drawing chart…"), body)
        self.busy_label.setEnabled(False)
        self.busy_label.hide()
        row.addWidget(self.busy_label)
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
        self.chart_image = ChartImage(self, self.scroll)
        self.chart_image.setText(self.tr("Charts appear here."))
        self.chart_image.setAccessibleName(self.tr("Chart"))
        self.scroll.setWidget(self.chart_image)
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
        if session is not self._session:
            self._forget_pictures()
        self._session = session
        if session is not None:
            self._seen_segment = session.segment
            c = self._connections
            c.connect(session.metricsChanged, self._on_metrics_changed)
            c.connect(session.touchpointsChanged, self._on_data_changed)
            c.connect(session.currentMapChanged, self._on_view_changed)
            c.connect(session.structureChanged, self._on_data_changed)
            c.connect(session.selectionChanged, self._on_selection_changed)
            c.connect(session.documentReplaced, self._on_document_replaced)
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
        """Select chart *name* and draw it now (visible or not), on this thread: for scripts and tests."""
        if name not in CHART_NAMES:
            raise ValueError(f"unknown chart {name!r}; expected one of {', '.join(CHART_NAMES)}")
        self._syncing = True
        try:
            self.chart_combo.setCurrentIndex(CHART_NAMES.index(name))
        finally:
            self._syncing = False
        self.draw_now()

    @property
    def figure(self) -> Figure:
        """The matplotlib figure of the chart shown; drawn now if there is none yet or the worker's is pending."""
        if self._figure is None or self._pending is not None:
            self.draw_now()
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
        if self._dirty:
            self.draw_now()
        from journeymap.services.charts import save_figure

        # At presentation quality: 200 dpi, whatever the dock's size on screen.
        return save_figure(self.figure, path, dpi=200)

    def refresh(self) -> None:
        """Redraw the current chart from the document: the worker draws it, the dock shows it when done.

        A picture of the same chart, map, segment, size and data is shown at once from the cache.
        """
        self._timer.stop()
        self._reload_segments()
        self._show_overall()
        if self._session is None:
            self._show_no_document()
            return
        job = self._new_job()
        cached = self._renderer.cache.get(job.key)
        if cached is not None:
            self._renderer.cancel(job.generation)
            self._apply(cached)
            return
        self._pending = job
        self._set_busy(True)
        # Handed over on the next turn of the event loop: the repaints already asked for (a map just
        # opened) go first, at full speed, instead of sharing the interpreter with the worker.
        QTimer.singleShot(0, self, self._submit_pending)

    def _submit_pending(self) -> None:
        job, session = self._pending, self._session
        if job is not None and job.generation == self._generation and job.generation > self._submitted:
            self._submitted = job.generation
            self._renderer.submit(job, session.document if session is not None else None)

    def draw_now(self) -> None:
        """Redraw the current chart on this thread, from the session's own document (what ``figure`` needs)."""
        self._timer.stop()
        self._reload_segments()
        self._show_overall()
        job = self._new_job()
        self._renderer.cancel(job.generation)  # whatever the worker is drawing is stale now
        result = self._renderer.cache.get(job.key)
        if result is None:
            session = self._session
            result = draw(job, session.document if session is not None else None)
            self._renderer.remember(result)
        self._apply(result)

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
        if session is not None and session.map_id is not None and not session.document.closed:
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

    def _area(self) -> tuple[int, int, int]:
        """(width without a scroll bar, height, scroll bar width) of the room for the chart, in logical pixels."""
        viewport = self.scroll.viewport()
        bar = self.scroll.verticalScrollBar()
        bar_px = max(bar.sizeHint().width(), 0)
        width = viewport.width() + (bar.width() if bar.isVisible() else 0)
        return max(MIN_CANVAS_PX, width), max(MIN_CANVAS_PX, viewport.height()), bar_px

    def _new_job(self) -> ChartJob:
        """A job for the chart as the dock and session stand now; it is the newest (older results drop)."""
        self._generation += 1
        session = self._session
        name = self.current_chart()
        width, height, bar_px = self._area()
        dpr = float(self.devicePixelRatioF())
        max_rows = None if self.show_all_button.isChecked() else DOCK_ROWS

        def height_for(chart: str, items: int, asked: int) -> int:
            return chart_height(chart, items, asked)

        if session is None:
            message = self.tr("Open a document to see its analytics.")
            return ChartJob(self._generation, ("no document", width, height, dpr, message), name, None, None, (),
                            max_rows, None, width, height, dpr, height_for, bar_px, message)
        selected = tuple(session.selected_ids)
        compare = getattr(session, "compare_sides", None)
        key = (name, session.map_id, session.segment, selected if name == "nps_trend" else (), max_rows,
               repr(compare) if name == "compare" else None, width, height, dpr, self._data_version,
               current_language())
        return ChartJob(self._generation, key, name, session.map_id, session.segment, selected, max_rows, compare,
                        width, height, dpr, height_for, bar_px, segments=True)

    def _on_drawn(self, result: ChartResult) -> None:
        """The worker's picture (queued to this thread): shown if it is of the newest job, else dropped."""
        if result.job.generation != self._generation:
            return
        self._renderer.remember(result)
        self._apply(result)

    def _apply(self, result: ChartResult) -> None:
        self._shown = result
        self._figure = result.figure
        self._pending = None
        self._dirty = False
        self._set_busy(False)
        image = self.chart_image
        image.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        image.setPixmap(QPixmap.fromImage(result.image))
        image.setMinimumSize(1, max(MIN_CANVAS_PX, result.height))
        self._update_show_all(result.touchpoint_rows)
        if result.segments is not None:
            self._segments = (result.job.map_id, result.segments)
            self._reload_segments()

    def _warm_up(self) -> None:
        if self._session is None and on_screen(self):
            self._renderer.warm_up()

    def _show_no_document(self) -> None:
        """No document: a sentence, not a chart (matplotlib is not even imported at start-up for it)."""
        self._warm_timer.start()
        self._generation += 1
        self._renderer.cancel(self._generation)
        self._pending = None
        self._shown = None
        self._figure = None  # ``figure`` draws the same sentence into one, if a script asks
        self._dirty = False
        self._set_busy(False)
        image = self.chart_image
        image.clear()
        image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        image.setText(self.tr("Open a document to see its analytics."))
        image.setMinimumSize(1, MIN_CANVAS_PX)
        self._update_show_all(None)

    def _set_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        if busy and self._shown is None:
            self.chart_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.chart_image.setText(self.tr("Drawing chart…"))

    def _forget_pictures(self) -> None:
        """Another document (or none): nothing drawn of the old one shows, and the worker lets go of its file."""
        self._generation += 1
        self._renderer.cancel(self._generation)
        self._renderer.wait_idle()  # before the old document closes (its reader must be gone)
        for window in self.chart_windows:
            window.wait_idle()
        self._renderer.cache.clear()
        self._segments = (None, ())
        self._pending = None
        self._set_busy(False)

    def _on_area_resized(self) -> None:
        # Charts adapt to their room (tick density, label room): redraw when it changes.
        drawn = self._pending or (self._shown.job if self._shown is not None else None)
        if drawn is None:
            return
        width, height, _bar = self._area()
        if abs(width - drawn.width) > 40 or abs(height - drawn.height) > 40:
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
        self._data_version += 1
        self._schedule()

    def _on_metrics_changed(self) -> None:
        session = self._session
        if session is not None and session.segment != self._seen_segment:
            self._seen_segment = session.segment  # another filter, not other data: pictures still hold
            self._schedule()
        else:
            self._on_data_changed()

    def _on_view_changed(self, *args: object) -> None:
        self._schedule()  # another map: its pictures are keyed by it

    def _on_document_replaced(self) -> None:
        self._forget_pictures()
        self._on_data_changed()

    def _on_selection_changed(self, ids: list[int]) -> None:
        if self.current_chart() == "nps_trend":
            self._schedule()

    def _on_session_destroyed(self, *args: object) -> None:
        self._connections.clear()
        self._session = None
        self._forget_pictures()
        self._schedule()

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible and self._dirty and self._pending is None:
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
            # As the last chart of this map read them (the worker reads them with the chart's data).
            drawn_map, drawn = self._segments
            if session.map_id is not None and drawn_map == session.map_id:
                segments = list(drawn)
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
