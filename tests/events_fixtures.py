"""Hand-built event logs and the map they are imported into (shared by the event-log tests)."""

from __future__ import annotations

import csv
import os
import random
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
from journeymap.services.event_import import import_events
from journeymap.storage import Document
from journeymap.storage.events_sql import MAX_PATH_STEPS

ROOT = Path(__file__).resolve().parent.parent

T0 = datetime(2024, 3, 4, 9, 0, 0)


def make_map(tmp_path: Path, titles=("Web", "Tienda", "Caja")) -> tuple[Document, int, dict[str, int]]:
    doc = Document.create(tmp_path / "map.jmap")
    map_id = doc.add_map(JourneyMap("Compra"))
    stages = [doc.add_stage(Stage(map_id, name, i)) for i, name in enumerate(("Descubrir", "Comprar"))]
    lane = doc.add_lane(Lane(map_id, "Puntos de contacto"))
    ids = {t: doc.add_touchpoint(Touchpoint(map_id, stages[i % 2], lane, t)) for i, t in enumerate(titles)}
    return doc, map_id, ids


def write_csv(path: Path, header: list[str], rows: list[list[object]], delimiter: str = ",") -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        w.writerow(header)
        w.writerows(rows)
    return path


def abc_log(path: Path, *, shuffle: bool = True) -> Path:
    """150 customers A->B, 100 of them then B->C (A, B, C = Web, Tienda, Caja); 20 only saw A."""
    rows: list[list[object]] = []
    for c in range(150):
        t = T0 + timedelta(minutes=c)
        rows.append([f"C{c:03}", (t).strftime("%Y-%m-%d %H:%M:%S"), "Web"])
        rows.append([f"C{c:03}", (t + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M:%S"), "Tienda"])
        if c < 100:
            rows.append([f"C{c:03}", (t + timedelta(hours=5)).strftime("%Y-%m-%d %H:%M:%S"), "Caja"])
    for c in range(150, 170):
        rows.append([f"C{c:03}", (T0 + timedelta(days=1)).strftime("%Y-%m-%d %H:%M:%S"), "Web"])
    if shuffle:
        rows.reverse()  # the file is newest first (as CRM exports are): order comes from the timestamps
    return write_csv(path, ["Contact ID", "Activity date", "Touchpoint"], rows)


def by_pair(flows, ids):
    names = {v: k for k, v in ids.items()}
    return {(names[t.from_id], names[t.to_id]): t for t in flows.transitions}


def cli(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m journeymap.cli ARGS`` in a clean language environment (plus *env*)."""
    base = {k: v for k, v in os.environ.items() if k not in ("JOURNEYMAP_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    base["PYTHONPATH"] = str(ROOT) + os.pathsep + base.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "journeymap.cli", *args],
        cwd=cwd, env={**base, **env}, capture_output=True, text=True, encoding="utf-8", timeout=60,
    )


FIELDS = ("customers", "events", "first_time", "last_time", "transitions", "touchpoints", "outcomes", "paths")


def awkward_log(tmp_path, name: str, seed: int, customers: int = 400) -> tuple:
    rng = random.Random(seed)
    rows = []
    for c in range(customers):
        t = T0 + timedelta(hours=rng.randint(0, 500))
        steps = rng.choice((1, 2, 5, MAX_PATH_STEPS + 4))
        for _ in range(steps):
            # 0 minutes now and then: two events at the same second, ordered by card id
            t += timedelta(minutes=rng.choice((0, 0, 5, 90, 600)))
            outcome = rng.choice(("", "", "", "compra", "baja"))
            rows.append([f"cli-{c % 250}", t.strftime("%Y-%m-%d %H:%M:%S"), f"T{rng.randint(0, 7)}",
                         rng.choice(("web", "tienda")), outcome])
    rng.shuffle(rows)
    return write_csv(tmp_path / name, ["Cliente", "Fecha", "Punto de contacto", "Canal", "Resultado"], rows)


def assert_same(got, want):
    for field in FIELDS:
        assert getattr(got, field) == getattr(want, field), field


def two_logs_in(tmp_path):
    """Two awkward logs imported into one map (the ``two_logs`` fixture of conftest)."""
    doc, map_id, _ids = make_map(tmp_path, tuple(f"T{i}" for i in range(8)))
    first = import_events(doc, map_id, awkward_log(tmp_path, "crm.csv", 1))
    second = import_events(doc, map_id, awkward_log(tmp_path, "web.csv", 2, customers=300))
    yield doc, map_id, (first, second)
    doc.close()
