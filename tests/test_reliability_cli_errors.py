"""The command line never ends in a traceback, never hangs on hostile input, and prints nothing hostile."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from fs_helpers import fill_up, remount_read_only, small_tmpfs

from journeymap.cli import main
from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
from journeymap.services import map_json
from journeymap.storage import Document

ROOT = Path(__file__).resolve().parents[1]


def make_doc(path: Path, cards: int = 3, title: str = "Card") -> int:
    with Document.create(path) as doc:
        m = doc.add_map(JourneyMap("M"))
        s, l = doc.add_stage(Stage(m, "S")), doc.add_lane(Lane(m, "L"))
        for k in range(cards):
            doc.add_touchpoint(Touchpoint(m, s, l, f"{title} {k}" if cards > 1 else title))
    return m


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_clean_failure(code: int, err: str, *fragments: str) -> None:
    assert code == 1, err
    assert err.startswith("journeymap: error: "), err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, err


def survey(path: Path, rows: int) -> Path:
    path.write_text("touchpoint,score\n" + "".join(f"Card {i % 3},{i % 11}\n" for i in range(rows)), "utf-8")
    return path


def response_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM responses").fetchone()[0]
    finally:
        conn.close()


# ------------------------------------------------------------ no tracebacks
def test_a_write_lock_held_by_another_program_is_a_clean_error(tmp_path, capsys, monkeypatch) -> None:
    from journeymap.cli import common

    monkeypatch.setattr(common, "BUSY_TIMEOUT_SECONDS", 0.1)
    path = tmp_path / "doc.jmap"
    make_doc(path)
    data = survey(tmp_path / "s.csv", 20)
    other = sqlite3.connect(path, isolation_level=None)  # the sqlite3 shell, Datasette...
    other.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = run(capsys, "import", str(path), str(data))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert_clean_failure(code, err, "another program is writing")
    assert response_count(path) == 0


def test_a_full_disk_during_import_is_a_clean_error(tmp_path, capsys, monkeypatch) -> None:
    """SQLite's own "disk is full" (a page limit), so it runs on any machine."""
    from journeymap.cli import common

    real_open = common.Document.open

    def tiny(path, read_only=False):
        doc = real_open(path, read_only=read_only)
        pages = doc.execute("PRAGMA page_count").fetchone()[0]
        doc.execute(f"PRAGMA max_page_count = {pages + 2}")
        return doc

    monkeypatch.setattr(common.Document, "open", tiny)
    path = tmp_path / "doc.jmap"
    make_doc(path)
    code, _, err = run(capsys, "import", str(path), str(survey(tmp_path / "s.csv", 20000)))
    assert_clean_failure(code, err, "disk is full")
    assert response_count(path) == 0


def test_a_full_tmpfs_during_import_is_a_clean_error(tmp_path, capsys) -> None:
    data = survey(tmp_path / "s.csv", 60000)
    with small_tmpfs(tmp_path / "disk", size_kb=1024) as disk:
        path = disk / "doc.jmap"
        make_doc(path)
        filler = fill_up(disk)
        # Leave room to open for writing, not enough for the import.
        with open(filler, "r+b") as fh:
            fh.truncate(max(0, filler.stat().st_size - 400 * 1024))
        code, _, err = run(capsys, "import", str(path), str(data))
        assert_clean_failure(code, err)
        assert response_count(path) == 0


def test_a_document_on_read_only_media_cannot_be_imported_into(tmp_path, capsys) -> None:
    data = survey(tmp_path / "s.csv", 10)
    with small_tmpfs(tmp_path / "media") as media:
        path = media / "doc.jmap"
        make_doc(path)
        remount_read_only(media)
        code, _, err = run(capsys, "import", str(path), str(data))
        assert_clean_failure(code, err, "read-only")
        code, out, err = run(capsys, "report", str(path))
        assert code == 0 and "Card 0" in out


def map_file(tmp_path: Path, mutate=None, name: str = "map.json") -> Path:  # noqa: ANN001
    data = {
        "format": "journeymap-map", "version": 1, "map": {"title": "Imported"},
        "stages": [{"id": 1, "name": "S"}], "lanes": [{"id": 1, "name": "L"}],
        "touchpoints": [{"id": 1, "stage_id": 1, "lane_id": 1, "title": "T"}],
    }
    if mutate:
        mutate(data)
    path = tmp_path / name
    path.write_text(json.dumps(data), "utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "fragment"),
    [
        (lambda d: d["touchpoints"][0].update(manual_promoters=2**63), "manual_promoters: must be at most"),
        (lambda d: d["touchpoints"][0].update(manual_passives=10**30), "manual_passives: must be at most"),
        (lambda d: d["touchpoints"][0].update(responses=[{"score": 5, "batch_id": [1]}]), "batch_id"),
        (lambda d: d.update(import_batches=[{"id": 1, "source": "x", "imported_at": "y", "rows": 2**64}]),
         "rows: must be at most"),
        (lambda d: d["map"].update(title="x" * 1001), "too long"),
        (lambda d: d["stages"][0].update(name="x" * 1001), "too long"),
    ],
)
def test_wrong_or_huge_values_in_a_map_file_are_clean_errors(tmp_path, capsys, mutate, fragment) -> None:
    path = tmp_path / "doc.jmap"
    make_doc(path)
    code, _, err = run(capsys, "import-map", str(path), str(map_file(tmp_path, mutate)))
    assert_clean_failure(code, err, fragment)
    with Document.open(path, read_only=True) as doc:
        assert len(doc.maps()) == 1


def test_a_4300_digit_integer_is_a_clean_error(tmp_path, capsys) -> None:
    path = tmp_path / "doc.jmap"
    make_doc(path)
    bad = tmp_path / "big.json"
    bad.write_text(map_file(tmp_path).read_text().replace('"version": 1', '"version": 1' + "0" * 5000))
    code, _, err = run(capsys, "import-map", str(path), str(bad))
    assert_clean_failure(code, err, "not valid JSON")


def test_too_many_cards_stages_or_lanes_are_refused(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(map_json, "MAX_TOUCHPOINTS", 50)
    monkeypatch.setattr(map_json, "MAX_STAGES", 5)
    path = tmp_path / "doc.jmap"
    make_doc(path)
    cards = map_file(tmp_path, lambda d: d.update(touchpoints=[
        {"id": i, "stage_id": 1, "lane_id": 1, "title": f"t{i}"} for i in range(51)]))
    code, _, err = run(capsys, "import-map", str(path), str(cards))
    assert_clean_failure(code, err, "touchpoints: 51 in the file; a map holds at most 50")
    stages = map_file(tmp_path, lambda d: d.update(stages=[{"id": i, "name": f"s{i}"} for i in range(6)]))
    code, _, err = run(capsys, "import-map", str(path), str(stages))
    assert_clean_failure(code, err, "at most 5")
    with Document.open(path, read_only=True) as doc:
        assert len(doc.maps()) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")
def test_import_map_of_dev_zero_or_a_fifo_ends_at_once_and_keeps_no_lock(tmp_path) -> None:
    path = tmp_path / "doc.jmap"
    make_doc(path)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for source in ("/dev/zero", str(fifo)):
        proc = subprocess.run(
            [sys.executable, "-m", "journeymap.cli", "import-map", str(path), source],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
        )
        assert proc.returncode == 1, proc.stderr
        assert proc.stderr.startswith("journeymap: error: ") and "not a regular file" in proc.stderr
    with Document.open(path) as doc:  # nobody kept the write lock
        assert len(doc.maps()) == 1


def test_import_map_numbers_cells_without_reading_them_back(tmp_path, capsys) -> None:
    """Linear: one cell of many cards keeps file order with dense positions."""
    path = tmp_path / "doc.jmap"
    make_doc(path)
    cards = map_file(tmp_path, lambda d: d.update(touchpoints=[
        {"id": i, "stage_id": 1, "lane_id": 1, "title": f"t{i}"} for i in range(300)]))
    code, out, err = run(capsys, "import-map", str(path), str(cards))
    assert code == 0, err
    with Document.open(path, read_only=True) as doc:
        tps = doc.touchpoints(int(out))
        assert [t.title for t in tps] == [f"t{i}" for i in range(300)]
        assert [t.position for t in tps] == list(range(300))


# ------------------------------------------------------------ output safety
def test_report_piped_into_head_ends_quietly(tmp_path) -> None:
    path = tmp_path / "doc.jmap"
    make_doc(path, cards=1500, title="A rather long card title to fill the pipe")
    proc = subprocess.run(
        f"'{sys.executable}' -m journeymap.cli report '{path}' --format csv | head -2",
        shell=True, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert proc.stdout.count("\n") == 2
    assert proc.stderr == "", proc.stderr


@pytest.mark.parametrize(
    ("title", "cell"),
    [
        ("=HYPERLINK(\"http://evil\")", "'=HYPERLINK"),
        ("\n=1+1", "'\n'=1+1"),
        ("Precio;=SUMA(A1)", "Precio;'=SUMA(A1)"),  # a Spanish Excel splits a comma file at ';'
        ("ok; @cmd", "ok; '@cmd"),
    ],
)
def test_report_csv_defuses_formulas(tmp_path, capsys, title, cell) -> None:
    import csv
    import io

    path = tmp_path / "doc.jmap"
    make_doc(path, cards=1, title=title)
    code, out, _ = run(capsys, "report", str(path), "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[1][1].startswith(cell), rows[1]
    for delimiter in (",", ";"):  # an English and a Spanish Excel
        for row in csv.reader(io.StringIO(out), delimiter=delimiter):
            for value in row:
                assert not value.lstrip(" \n").startswith(("=", "+", "@")), (delimiter, row)


def test_table_output_strips_terminal_escape_sequences(tmp_path, capsys) -> None:
    path = tmp_path / "doc.jmap"
    evil = "Nice\x1b[2J\x1b]0;pwned\x07\x1b[31mred\x9b1m\x07\x08card"
    make_doc(path, cards=1, title=evil)
    with Document.open(path) as doc:
        doc.update_map(doc.maps()[0].id, title="Map\x1b[5m")
    for argv in (("report", str(path)), ("maps", str(path))):
        code, out, _ = run(capsys, *argv)
        assert code == 0
        assert not any(ch in out for ch in "\x1b\x07\x08\x9b"), repr(out)
    code, out, _ = run(capsys, "report", str(path))
    assert "Niceredcard" in out


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf", "pptx", "csv", "xlsx", "json"])
def test_every_export_format_on_a_full_disk_keeps_the_good_file_and_names_it(tmp_path, capsys, fmt) -> None:
    """Issue 16: a full disk never leaves a truncated file in place of a good one; the message names the file."""
    from journeymap.services.templates import create_map_from_template

    doc_path = tmp_path / "retail.jmap"
    with Document.create(doc_path) as doc:
        create_map_from_template(doc, "retail-store")
    with small_tmpfs(tmp_path / "disk", size_kb=8192) as disk:
        target = disk / f"mapa final.{fmt}"
        code, _, err = run(capsys, "export", str(doc_path), str(target))
        assert code == 0, err
        good = target.read_bytes()
        filler = fill_up(disk)
        with open(filler, "r+b") as fh:  # room to create a file, not to write a whole export
            fh.truncate(filler.stat().st_size - 4 * 1024)
        before = sorted(p.name for p in disk.iterdir())
        code, _, err = run(capsys, "export", str(doc_path), str(target))
        assert_clean_failure(code, err, "mapa final." + fmt)
        assert target.read_bytes() == good  # the previous export, whole
        assert sorted(p.name for p in disk.iterdir()) == before  # no temporary file left behind
