"""Python's cyclic garbage collector, run between events instead of at any allocation.

While a dying QObject's destructor holds Qt's signal-slot mutex, PySide6 asks
Python whether a sender overrides ``disconnectNotify``; that lookup allocates,
and an automatic collection there runs weakref callbacks that disconnect
signals of the dying object and take the same mutex again. The editor hung at
quit that way (stack: ``~QObject`` → ``Sbk_GetPyOverride`` → ``gc_collect_main``
→ ``handle_weakrefs`` → ``QObject::disconnect`` → ``lockInternal``), or crashed
later on freed memory. So automatic collection stays off while the GUI runs;
a timer collects each generation once its threshold is passed, from the event
loop, where no Qt lock is held (the pattern Anki and others use for PyQt).
Collections are also kept off worker threads, which must not destroy Qt objects.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 250
FULL_EVERY = 40  # a full collection at most every 40 checks (10 s): the heap of a big map is large


class GarbageCollector(QObject):
    """Owns the cyclic collector for the application's lifetime; made by `install` (automatic collection off)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._since_full = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        """Begin collecting (after start-up, whose objects live on and would only be walked again)."""
        self._timer.start()

    def check(self) -> int:
        """Collect the oldest generation whose threshold is passed; returns the objects freed."""
        self._since_full += 1
        count0, count1, count2 = gc.get_count()
        t0, t1, t2 = self._threshold
        if count0 <= t0:
            return 0
        generation = 0
        if count1 > t1:
            generation = 1
            if count2 > t2 and self._since_full >= FULL_EVERY:
                generation = 2
                self._since_full = 0
        return gc.collect(generation)


def install(app: QObject) -> GarbageCollector:
    """The application's collector (made once; automatic collection is off from now on)."""
    collector = app.findChild(GarbageCollector) or GarbageCollector(app)
    gc.disable()  # also when someone turned it back on meanwhile
    return collector
