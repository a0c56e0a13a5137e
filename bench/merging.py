"""Benchmark of issue 18's merge: 5 copies of the 2,000-card map, each with 500 changed cards and 100,000 responses."""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

from bench import data

COPIES, CHANGED, RESPONSES = 5, 500, 100_000


def _set_folder() -> Path:
    return data.DATA / "merge-5-copies"


def copies() -> tuple[Path, list[Path]]:
    """The master (the 2,000-card map, opened once so it has its replica) and 5 annotated copies (cached)."""
    from journeymap.domain.model import ImportBatch, Note
    from journeymap.storage import Document

    folder = _set_folder()
    master = folder / "master.jmap"
    others = [folder / f"store-{i + 1}.jmap" for i in range(COPIES)]
    if master.exists() and all(p.exists() for p in others):
        return master, others
    tmp = folder.with_suffix(".part")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    shutil.copy(data.big_map(), tmp / master.name)
    Document.open(tmp / master.name).close()
    for i, other in enumerate(others):
        path = tmp / other.name
        shutil.copy(tmp / master.name, path)
        rng = random.Random(18 + i)
        with Document.open(path) as doc, doc.transaction():
            map_id = doc.maps()[0].id
            cards = [tp.id for tp in doc.touchpoints(map_id)]
            for n, card in enumerate(rng.sample(cards, CHANGED)):
                doc.update_touchpoint(card, sensation=rng.choice(("positive", "negative")),
                                      manual_nps=float(rng.randint(-100, 100)), owner=f"store {i + 1}")
                if n % 10 == 0:
                    doc.add_note(Note(card, f"seen in store {i + 1}: queue of {n % 7 + 1}", f"Manager {i + 1}"))
            batch = doc.add_batch(ImportBatch(map_id, f"survey-store-{i + 1}.csv", "2026-11-30T10:00:00",
                                              rows=RESPONSES))
            doc.insert_responses(
                (cards[(k * 7 + i) % len(cards)], (k * 3 + i) % 11, None, "cola larga" if k % 9 == 0 else "",
                 f"2026-{k % 12 + 1:02d}-15", ("north", "south")[k % 2], batch)
                for k in range(RESPONSES))
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)
    return master, others


def merge_5_copies() -> tuple[float, dict[str, float]]:
    """Open a fresh copy of the master, merge the 5 copies into it (one transaction), close."""
    from journeymap.services.merging import apply_merge
    from journeymap.storage import Document

    master, others = copies()
    path = data.fresh_copy(master, "merge-master-run.jmap")
    t0, cpu0 = time.perf_counter(), time.process_time()
    with Document.open(path) as doc:
        result = apply_merge(doc, others)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    assert result.touched.responses == COPIES * RESPONSES, result.touched.responses
    return seconds, {"cpu_s": cpu}
