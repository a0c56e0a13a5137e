"""Generated inputs for the benchmarks, cached in ``bench/.data``."""

from __future__ import annotations

import csv
import hashlib
import random
import shutil
from pathlib import Path

from journeymap.domain.model import JourneyMap, Lane, LaneKind, Sensation, Stage, Touchpoint
from journeymap.storage import Document, schema

# One folder per document format: a cached document of an older format would be upgraded
# (its counts rebuilt, its migration rehearsed) inside every timed open. The schema's own text
# is in the name too, so branches that both call their format N share no stale documents.
_SHAPE = hashlib.sha1(repr((sorted(schema.TABLES.items()), sorted(schema.INDEXES.items()))).encode()).hexdigest()[:8]
DATA = Path(__file__).resolve().parent / ".data" / f"format-{schema.SCHEMA_VERSION}-{_SHAPE}"
STAGES, LANES, TOUCHPOINTS = 30, 8, 2000
RESPONSES = 1_000_000


# Grids of the generated maps by card count: about 8 cards a cell, as in real big maps.
GRIDS = {2000: (30, 8), 10_000: (60, 20), 30_000: (100, 36)}


def big_map() -> Path:
    """A document with one map of 30 stages x 8 lanes and 2,000 touchpoints."""
    return map_with(TOUCHPOINTS)


def map_with(cards: int, maps: int = 1) -> Path:
    """A document with *maps* maps of *cards* touchpoints each (see ``GRIDS``; built once, cached)."""
    name = f"big-{cards}.jmap" if maps == 1 else f"big-{cards}-x{maps}.jmap"
    path = DATA / name
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    tmp.unlink(missing_ok=True)
    if maps > 1:
        shutil.copy(map_with(cards), tmp)
        with Document.open(tmp) as doc:
            first = doc.maps()[0].id
            for i in range(1, maps):
                doc.duplicate_map(first, title=f"Hotel group, copy {i}")
        shutil.move(tmp, path)
        return path
    n_stages, n_lanes = GRIDS[cards]
    rng = random.Random(7)
    with Document.create(tmp) as doc, doc.transaction():
        map_id = doc.add_map(JourneyMap("Hotel group, all properties", persona_name="Business traveller"))
        stages = [doc.add_stage(Stage(map_id, f"Stage {i + 1}", i, "#4E79A7")) for i in range(n_stages)]
        kinds = list(LaneKind)
        lanes = [doc.add_lane(Lane(map_id, f"Lane {i + 1}", kinds[i % len(kinds)], i)) for i in range(n_lanes)]
        titles = ["check-in", "breakfast", "wifi", "bill"]
        for i in range(cards):
            doc.add_touchpoint(Touchpoint(
                map_id, stages[i % n_stages], lanes[(i // n_stages) % n_lanes],
                f"Touchpoint {i + 1} {rng.choice(titles)}",
                channel=rng.choice(["web", "email", "store", "phone", "app"]),
                sensation=Sensation(rng.choice(["positive", "neutral", "negative"])),
                impact=rng.randint(1, 5),
            ))
    shutil.move(tmp, path)
    return path


def responses_csv(rows: int = RESPONSES) -> Path:
    """A 5-column survey export: touchpoint id, score, sentiment, date, segment."""
    path = DATA / f"responses-{rows}.csv"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    rng = random.Random(11)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["touchpoint", "score", "sentiment", "date", "segment"])
        for _ in range(rows):
            date = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            w.writerow([rng.randint(1, TOUCHPOINTS), rng.randint(0, 10), round(rng.uniform(-1, 1), 2),
                        date, rng.choice(["north", "south", "online"])])
    return path


def fresh_copy(src: Path, name: str) -> Path:
    dst = DATA / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    shutil.copy(src, dst)
    return dst


WIDE_RESPONDENTS, WIDE_COLUMNS = 200_000, 30


def wide_csv(rows: int = WIDE_RESPONDENTS, columns: int = WIDE_COLUMNS) -> Path:
    """A wide survey export (Google Forms grid shape): one row per respondent, one column per touchpoint,
    plus a timestamp, the overall recommend question, a store and a comment; ~8 % of cells unanswered."""
    path = DATA / f"wide-{rows}x{columns}.csv"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    with Document.open(big_map(), read_only=True) as doc:
        titles = [tp.title for tp in doc.touchpoints(doc.maps()[0].id)[:columns]]
    rng = random.Random(19)
    tmp = path.with_suffix(".part")
    with open(tmp, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Timestamp", "How likely are you to recommend us to a friend?",
                    *(f"How would you rate each step? [{t}]" for t in titles), "Store", "Any comments?"])
        cells = [str(v) for v in range(11)] + [""]
        weights = [3, 2, 2, 3, 4, 6, 8, 12, 16, 18, 16, 8]
        for i in range(rows):
            stamp = f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/2026 {rng.randint(0, 23)}:{rng.randint(0, 59):02d}:00"
            answers = rng.choices(cells, weights, k=columns + 1)
            w.writerow([stamp, *answers, rng.choice(["north", "south", "online"]), "" if i % 7 else "slow queue"])
    tmp.replace(path)
    return path


COMMENT_WORDS = (
    "la atención fue excelente", "mucha cola en caja", "esperé veinte minutos", "el personal muy amable",
    "precios confusos", "no había nadie para atender", "todo perfecto y volveré", "la app se cierra sola",
    "entrega rápida", "el baño estaba sucio", "buena relación calidad precio", "la cola no avanzaba",
    "me atendieron con una sonrisa", "faltaba stock de tallas", "la web es lenta", "check-in sin esperas",
)


def comments_csv(rows: int = RESPONSES) -> Path:
    """A survey export where every answer carries a Spanish comment (for the comments panel)."""
    path = DATA / f"comments-{rows}.csv"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    rng = random.Random(13)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["touchpoint", "score", "sentiment", "comment", "date", "segment"])
        for _ in range(rows):
            date = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            comment = " y ".join(rng.sample(COMMENT_WORDS, rng.randint(1, 3))).capitalize()
            w.writerow([rng.randint(1, TOUCHPOINTS), rng.randint(0, 10), round(rng.uniform(-1, 1), 2), comment,
                        date, rng.choice(["north", "south", "online"])])
    return path
