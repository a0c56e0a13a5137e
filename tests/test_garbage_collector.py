"""A cyclic collection inside a QObject destructor hung `journeymap gui` at quit.

The scenario below is what the hang's stack showed, made deterministic: a dying
QObject that a Python-subclass sender is connected to (PySide asks that sender
for a ``disconnectNotify`` override while Qt's signal-slot mutex is held), and
unreachable garbage whose connection lives on the dying object. With automatic
collection on (threshold 1: any allocation collects), the process crashes or
hangs; with the application's collector it frees the garbage between events.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCENARIO = textwrap.dedent(
    """
    import gc, sys, weakref
    from PySide6.QtCore import QObject, QCoreApplication, Signal
    from journeymap.ui.garbage import install

    app = QCoreApplication([])
    collector = install(app) if sys.argv[1] == "collector" else None
    gc.set_threshold(1, 1, 1)

    class Sender(QObject):
        sig = Signal()

    class Holder:
        def __init__(self):
            self.me = self

        def slot(self):
            pass

    sender = Sender()
    dying = QObject()
    sender.sig.connect(dying.deleteLater)
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()  # make the garbage below without collecting it yet
    holder = Holder()
    dying.destroyed.connect(holder.slot)
    alive = weakref.ref(holder)
    del holder
    if enabled:
        gc.enable()
    del dying  # the destructor: no collection may run inside it
    if collector is not None:
        collector.check()
    gc.collect()
    print("freed" if alive() is None else "alive", flush=True)
    """
)


def run(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SCENARIO, mode], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )


def test_the_collector_frees_garbage_without_collecting_inside_a_destructor():
    result = run("collector")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "freed"


def test_without_it_the_same_scenario_crashes():
    """Proves the scenario reaches the PySide fault: if this starts passing cleanly, the workaround may go."""
    try:
        result = run("automatic")
    except subprocess.TimeoutExpired:
        return  # the deadlock seen at quit
    assert result.returncode != 0, result.stdout
