"""Charts drawn off the UI thread, handed back as images.

Drawing "NPS by touchpoint" of a 2,000-card map with 100,000 answers on the UI
thread froze the window for ~0.8 s at open (issue 21), and the first chart also
paid matplotlib's import (~0.3 s). Here a worker thread of its own does all of
it: it opens a *read-only* connection to the session's file
(``Document.reader``: SQLite connections must not cross threads), reads the
data, draws a private ``Figure`` on an Agg canvas (no pyplot, no Qt backend)
and hands a ``QImage`` back through a queued signal.

Only the newest request counts: each has a generation number, the worker keeps
one pending request (a newer one replaces it), drops a request that went stale
while its data was read, and the receiver drops a result whose generation is
not the last it asked for (the document changed, another chart was asked, the
panel was resized).

``draw`` is the same drawing for a caller that needs the figure now, on its own
thread with its own document (``AnalyticsDock.figure``, ``show_chart``, saving).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QImage

from journeymap.i18n import error_text
from journeymap.storage import DocumentError

if TYPE_CHECKING:  # pragma: no cover - typing only
    from matplotlib.figure import Figure

    from journeymap.storage import Document

log = logging.getLogger(__name__)

BASE_DPI = 100  # figure inches are logical pixels / 100, as the Qt canvas had them
CACHE_SIZE = 12


def chart_text(text: str) -> str:
    """Translation of the strings drawn inside charts (context "charts"); thread-safe (Qt's translate)."""
    return QCoreApplication.translate("charts", text)


@dataclass(frozen=True)
class ChartJob:
    """Everything a drawing needs, copied on the UI thread: the worker never touches widgets or the session."""

    generation: int
    key: Hashable  # cache key: same key, same picture
    name: str
    map_id: int | None
    segment: str | None
    selected_ids: tuple[int, ...]
    max_rows: int | None
    compare: tuple | None
    width: int  # logical pixels of the room, without a scroll bar
    height: int  # of the room asked
    dpr: float  # device pixels per logical pixel
    height_for: Callable[[str, int, int], int]  # (chart, items drawn, height asked) -> height drawn
    bar_px: int = 0  # a chart taller than the room leaves this much to the scroll bar
    message: str | None = None  # no document: draw this message instead
    segments: bool = False  # read the map's segments too (a DISTINCT over every response: ~70 ms at 100,000)


@dataclass(frozen=True)
class ChartResult:
    job: ChartJob
    image: QImage
    figure: Figure
    items: int  # rows/items drawn (0: an empty state)
    height: int  # logical pixels of the image
    touchpoint_rows: tuple[int, int] | None  # (drawn, in all) of a per-touchpoint chart
    segments: tuple[str, ...] | None = None  # of the map, when the job asked for them


class _Stale(Exception):
    """The request was superseded while its data was read: nothing is drawn."""


def draw(job: ChartJob, doc: Document | None, is_current: Callable[[], bool] = lambda: True) -> ChartResult:
    """Draw *job* from *doc* (``None``: the job's message) into a new figure and an image of it.

    Runs on whichever thread calls it, with a document opened on that thread.
    Errors of the document (closed, damaged) become the chart's text, as the
    dock always showed them; anything else is logged and shown as one sentence.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from journeymap.services import charts

    fig = charts.new_figure(job.width / BASE_DPI, job.height / BASE_DPI, dpi=BASE_DPI * job.dpr)
    FigureCanvasAgg(fig)
    items = 0
    segments = None
    if job.segments and doc is not None and job.map_id is not None:
        try:
            segments = tuple(doc.segments(job.map_id))
        except (DocumentError, sqlite3.Error):
            segments = ()
    if doc is None:
        charts.draw_empty(fig, job.message or "")
    else:
        ctx = charts.ChartContext(doc, job.map_id, job.segment, job.selected_ids, chart_text,
                                  max_rows=job.max_rows, compare=job.compare)
        try:
            doc.check_open()
            items = charts.render(job.name, fig, ctx)
        except (DocumentError, sqlite3.Error) as exc:  # closed or damaged under us
            charts.draw_empty(fig, error_text(exc))
            items = 0
    if not is_current():
        raise _Stale
    height = max(1, job.height_for(job.name, items, job.height))
    width = job.width - (job.bar_px if height > job.height else 0)
    fig.set_size_inches(max(1, width) / BASE_DPI, height / BASE_DPI, forward=False)
    fig.canvas.draw()
    return ChartResult(job, _image(fig, job.dpr), fig, items, height, getattr(fig, "touchpoint_rows", None),
                       segments)


def _image(fig: Figure, dpr: float) -> QImage:
    """A deep copy of the Agg buffer (the buffer belongs to the canvas)."""
    buf = fig.canvas.buffer_rgba()
    h, w = buf.shape[0], buf.shape[1]
    image = QImage(bytes(buf), w, h, w * 4, QImage.Format.Format_RGBA8888).copy()
    image.setDevicePixelRatio(dpr)
    return image


def failure_text() -> str:
    return QCoreApplication.translate("ChartRenderer", "The chart could not be drawn.")


class ChartRenderer(QObject):
    """A worker thread drawing the newest ``ChartJob`` it was given; results arrive as ``drawn``.

    matplotlib cannot be interrupted: "Show all" of 2,000 touchpoints takes it ~50 s. When a new job
    comes while the worker is still on one that went stale, a fresh worker takes the new job and the
    old one ends after its drawing, which is dropped (at most one such thread at a time).
    """

    drawn = Signal(object)  # ChartResult, emitted from the worker: queued to the receiver's thread

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._cond = threading.Condition()
        self._next: tuple[ChartJob, Any] | None = None
        self._running: dict[threading.Thread, int] = {}  # busy worker -> generation of its job (0: warm-up)
        self._warm = False  # import matplotlib when there is nothing to draw
        self._closed = False
        self._thread: threading.Thread | None = None  # the worker that takes the next job
        self.latest = 0  # generation of the newest job; older ones are dropped
        self.cache: OrderedDict[Hashable, ChartResult] = OrderedDict()

    def submit(self, job: ChartJob, doc: Document | None) -> None:
        """Draw *job* from *doc*'s file in the worker; replaces a job not yet started."""
        with self._cond:
            self.latest = job.generation
            self._next = (job, doc)
            self._start()
            self._cond.notify_all()

    def warm_up(self) -> None:
        """Import matplotlib in the worker now, while nothing is asked (~0.3-0.6 s), not with the first chart."""
        with self._cond:
            self._warm = True
            self._start()
            self._cond.notify_all()

    def _start(self) -> None:
        """A worker for the next job (under the lock): the current one, unless it is busy with a stale job."""
        worker = self._thread
        if worker is not None:
            busy_with = self._running.get(worker)
            if busy_with is None or busy_with in (0, self.latest) or len(self._running) > 1:
                return  # idle, on the newest job, or one stale drawing already runs beside it: it waits
        self._thread = threading.Thread(target=self._run, name="charts", daemon=True)
        self._thread.start()

    def cancel(self, generation: int) -> None:
        """Nothing older than *generation* is drawn or delivered any more."""
        with self._cond:
            self.latest = generation
            self._next = None

    def wait_idle(self, timeout: float = 1.0) -> bool:
        """Wait until no worker is drawing (before the document it reads closes), at most *timeout* seconds.

        A drawing that takes longer has long finished reading (matplotlib's part is the long one); its
        connection then closes when it ends, at worst leaving an empty ``-wal`` that the next open ignores.
        """
        with self._cond:
            return self._cond.wait_for(lambda: not self._running and self._next is None and not self._warm, timeout)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._next = None
            self._cond.notify_all()

    def remember(self, result: ChartResult) -> None:
        self.cache[result.job.key] = result
        self.cache.move_to_end(result.job.key)
        while len(self.cache) > CACHE_SIZE:
            self.cache.popitem(last=False)

    def _run(self) -> None:
        me = threading.current_thread()
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._closed or self._thread is not me or self._next is not None
                                    or self._warm)
                if self._closed or self._thread is not me:
                    return  # a fresh worker took over while this one drew a stale job
                job: ChartJob | None = None
                if self._next is None:
                    self._warm = False
                else:
                    (job, doc), self._next = self._next, None
                self._running[me] = job.generation if job is not None else 0
            result = None
            try:
                if job is None:
                    _import_matplotlib()
                else:
                    result = self._draw(job, doc)
            finally:
                with self._cond:
                    del self._running[me]
                    self._cond.notify_all()
            if result is not None and job is not None and job.generation == self.latest:
                try:
                    self.drawn.emit(result)
                except RuntimeError:  # the receiver was deleted meanwhile
                    return

    def _draw(self, job: ChartJob, doc: Document | None) -> ChartResult | None:
        def current() -> bool:
            return job.generation == self.latest and not self._closed

        if not current():
            return None
        reader = None
        try:
            if doc is not None:
                try:
                    reader = doc.reader()
                except DocumentError as exc:
                    return draw(_message_job(job, error_text(exc)), None, current)
            return draw(job, reader, current)
        except _Stale:
            return None
        except Exception:  # a bug must not end the thread nor reach the user as a traceback
            log.exception("drawing chart %s", job.name)
            try:
                return draw(_message_job(job, failure_text()), None, current)
            except Exception:  # pragma: no cover - matplotlib itself broken
                log.exception("drawing the failure message")
                return None
        finally:
            if reader is not None:
                reader.close()


def _import_matplotlib() -> None:
    try:
        from matplotlib.backends import backend_agg  # noqa: F401 - imported for later

        from journeymap.services import charts, voice_charts  # noqa: F401
    except Exception:  # pragma: no cover - the first chart reports it
        log.exception("importing matplotlib")


def _message_job(job: ChartJob, message: str) -> ChartJob:
    from dataclasses import replace

    return replace(job, message=message)
