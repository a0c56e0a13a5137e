"""Scene work spread over event-loop turns, so a big edit never freezes the window (issue 21).

An edit's SQL transaction runs synchronously and completely (the file is the
truth); what the canvas does to *show* it (creating or removing 10,000 card
items, their metrics, one relayout) is a job: a generator that yields between
small slices of work. :class:`CatchUp` runs jobs in order for at most
``BUDGET_S`` per event-loop turn and goes on at the next turn (a zero timer),
so the stall probe's 10 ms ticks, repaints and input get through in between.

Nobody may act on a half-applied canvas: while a job is pending an
application-wide event filter finishes every job before the next mouse press,
key, shortcut, context menu, drag or wheel reaches any widget, and the scene
finishes them before it applies another edit, starts a gesture, rebuilds or
renders (``flush``). Jobs queued behind a pending one (the selection an undo
restores) run after it, in order.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

# Seconds of scene work per event-loop turn: well under the 100 ms a user feels as a freeze,
# leaving room for a repaint of the canvas in the same turn.
BUDGET_S = 0.03

# Input that could act on an item not yet created or already removed: finish the jobs first.
_GATED = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.KeyPress,
    QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut, QEvent.Type.ContextMenu, QEvent.Type.Wheel,
    QEvent.Type.DragEnter, QEvent.Type.Drop, QEvent.Type.TouchBegin, QEvent.Type.GraphicsSceneMousePress,
    QEvent.Type.TabletPress,
})

Job = Iterator[None]


class _InputGate(QObject):
    """Installed on the application only while jobs are pending."""

    def __init__(self, owner: CatchUp):
        super().__init__()
        self._owner = owner

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _GATED:
            self._owner.flush()
        return False


class CatchUp(QObject):
    """A queue of view jobs run across event-loop turns within a time budget."""

    # All jobs done: the views show exactly the document again.
    settled = Signal()

    def __init__(self, parent: QObject | None = None, budget_s: float = BUDGET_S):
        super().__init__(parent)
        self.budget_s = budget_s
        self._jobs: deque[Job] = deque()
        self._running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._turn)
        self._gate = _InputGate(self)
        self._gated = False
        self.turns = 0  # event-loop turns the last jobs took (for tests and the bench)

    @property
    def pending(self) -> bool:
        return bool(self._jobs)

    def run(self, job: Job, now: bool = False) -> None:
        """Queue *job*; when nothing was pending its first slices run now, within the budget
        (*now*: all of it, a small edit)."""
        idle = not self._jobs
        self._jobs.append(job)
        if now:
            self.flush()
        elif idle:
            self.turns = 0
            self._work(time.perf_counter() + self.budget_s)

    def then(self, step: Callable[[], None]) -> None:
        """Run *step* after the pending jobs (now when none is pending)."""
        if not self._jobs:
            step()
            return

        def job() -> Job:
            step()
            yield from ()

        self._jobs.append(job())

    def flush(self) -> None:
        """Finish every pending job now (before input, another edit, a gesture or a render)."""
        if self._jobs and not self._running:
            self._work(None)

    def discard(self) -> None:
        """Drop the pending jobs (the scene is being rebuilt or disposed: they would act on gone items)."""
        self._jobs.clear()
        self._done()

    def _turn(self) -> None:
        self.turns += 1
        self._work(time.perf_counter() + self.budget_s)

    def _work(self, deadline: float | None) -> None:
        if self._running:
            return
        self._running = True
        try:
            while self._jobs:
                try:
                    next(self._jobs[0])
                except StopIteration:
                    self._jobs.popleft()
                except BaseException:
                    self._jobs.popleft()  # a failed job is not retried at every turn
                    raise
                if deadline is not None and time.perf_counter() >= deadline:
                    break
        finally:
            self._running = False
            self._schedule()

    def _schedule(self) -> None:
        if not self._jobs:
            self._done()
            return
        self._timer.start()
        if not self._gated:
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self._gate)
                self._gated = True

    def _done(self) -> None:
        self._timer.stop()
        if self._gated:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self._gate)
            self._gated = False
        self.settled.emit()
