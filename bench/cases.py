"""The benchmark cases, their targets and their peers.

Each ``fn`` does its own untimed set-up, times only the work the target speaks
of, and returns seconds. Heavy imports happen inside the functions so that a
case only pays for what it uses.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import data

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Case:
    fn: Callable[[], float]
    target: float  # seconds
    peers: tuple[str, ...] = ()
    max_ratio: float | None = None
    max_mb: float | None = None
    peer_only: bool = False
    repeat: int | None = None
    child_peak: bool = False


def _spawn_until_painted(code: list[str], env_extra: dict[str, str]) -> float:
    """Wall time from process start until it reports its first painted frame."""
    env = dict(os.environ, **env_extra)
    t0 = time.perf_counter()
    proc = subprocess.run(code, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - t0
    if "painted" not in proc.stdout:
        raise RuntimeError(f"no paint reported: {proc.stdout[-500:]} {proc.stderr[-2000:]}")
    return elapsed


BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
from PySide6.QtCore import QTimer
app = QApplication(sys.argv)
class W(QWidget):
    def paintEvent(self, e):
        super().paintEvent(e)
        print("painted", flush=True)
        QTimer.singleShot(0, app.quit)
w = W(); w.resize(1280, 800); w.show()
app.exec()
"""


def bare_window() -> float:
    return _spawn_until_painted([sys.executable, "-c", BARE_WINDOW], {})


def cold_start() -> float:
    """``python main.py`` on the sample map until the first painted window."""
    tmp = data.DATA / "appdata"
    tmp.mkdir(parents=True, exist_ok=True)
    env = {"JOURNEYMAP_DATA_DIR": str(tmp), "JOURNEYMAP_EXIT_AFTER_PAINT": "1",
           "XDG_CONFIG_HOME": str(tmp / "config")}
    # First run creates the sample document; time a warm second start like a user's.
    if not (tmp / "sample.jmap").exists():
        _spawn_until_painted([sys.executable, "main.py"], env)
    return _spawn_until_painted([sys.executable, "main.py"], env)


def _responses_doc(name: str) -> Path:
    """The big map with the 1,000,000 responses imported (built once, cached)."""
    path = data.DATA / "big-1m.jmap"
    if not path.exists():
        from journeymap.services import importing
        from journeymap.storage import Document

        tmp = data.fresh_copy(data.big_map(), "big-1m.part")
        with Document.open(tmp) as doc:
            importing.import_file(doc, doc.maps()[0].id, data.responses_csv())
        os.replace(tmp, path)
    return data.fresh_copy(path, name)


def import_1m() -> float:
    from journeymap.services import importing
    from journeymap.storage import Document

    path = data.fresh_copy(data.big_map(), "import.jmap")
    csv_path = data.responses_csv()
    with Document.open(path) as doc:
        map_id = doc.maps()[0].id
        t0 = time.perf_counter()
        result = importing.import_file(doc, map_id, csv_path)
        elapsed = time.perf_counter() - t0
    assert result.imported == data.RESPONSES, result
    return elapsed


def pandas_to_sql() -> float:
    import sqlite3

    import pandas as pd

    path = data.DATA / "pandas.db"
    path.unlink(missing_ok=True)
    t0 = time.perf_counter()
    frame = pd.read_csv(data.responses_csv())
    with sqlite3.connect(path) as conn:
        frame.to_sql("responses", conn, index=False)
    return time.perf_counter() - t0


def sqlite_utils_insert() -> float:
    path = data.DATA / "sqlite-utils.db"
    path.unlink(missing_ok=True)
    exe = Path(sys.executable).with_name("sqlite-utils")
    t0 = time.perf_counter()
    subprocess.run([str(exe), "insert", str(path), "responses", str(data.responses_csv()), "--csv"],
                   check=True, capture_output=True)
    return time.perf_counter() - t0


def report_1m() -> float:
    from journeymap.services.reporting import report_rows
    from journeymap.storage import Document

    with Document.open(_responses_doc("report.jmap"), read_only=True) as doc:
        map_id = doc.maps()[0].id
        t0 = time.perf_counter()
        rows = report_rows(doc, map_id)
        elapsed = time.perf_counter() - t0
    assert len(rows) == data.TOUCHPOINTS
    return elapsed


CASES: dict[str, Case] = {
    "bare_window": Case(bare_window, target=10, peer_only=True),
    "cold_start": Case(cold_start, target=1.0, peers=("bare_window",), max_ratio=2.0),
    "import_1m_csv": Case(import_1m, target=3.0, max_mb=200, repeat=3,
                          peers=("pandas_to_sql", "sqlite_utils_insert"), max_ratio=1.0),
    "pandas_to_sql": Case(pandas_to_sql, target=60, peer_only=True, repeat=3),
    "sqlite_utils_insert": Case(sqlite_utils_insert, target=60, peer_only=True, repeat=1, child_peak=True),
    "report_1m": Case(report_1m, target=0.2),
}
