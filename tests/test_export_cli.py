"""``journeymap export`` and ``journeymap import-map``: exit codes, files, headless rendering."""

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from journeymap.cli import main
from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document

ROOT = Path(__file__).resolve().parents[1]


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def jmap(tmp_path):
    path = tmp_path / "a.jmap"
    with Document.create(path) as doc:
        map_id = create_map_from_template(doc, "retail-store")
        tps = doc.touchpoints(map_id)
        doc.update_touchpoint(tps[0].id, title='=HYPERLINK("http://x")', manual_nps=-12.5)
        create_map_from_template(doc, "hotel")
    return path


def test_export_csv_and_xlsx(jmap, tmp_path, capsys):
    code, out, err = run(capsys, "export", jmap, tmp_path / "t.csv")
    assert (code, out, err) == (0, "", "")
    with open(tmp_path / "t.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["title"] == "'=HYPERLINK(\"http://x\")" and rows[0]["nps"] == "-12.5"
    assert run(capsys, "export", jmap, tmp_path / "t.xlsx")[0] == 0
    ws = load_workbook(tmp_path / "t.xlsx")["Touchpoints"]
    assert ws["B2"].value == "'=HYPERLINK(\"http://x\")"


def test_export_other_map(jmap, tmp_path, capsys):
    with Document.open(jmap, read_only=True) as doc:
        hotel = doc.maps()[1]
        n = len(doc.touchpoints(hotel.id))
    assert run(capsys, "export", jmap, tmp_path / "h.json", "--map", hotel.id)[0] == 0
    data = json.loads((tmp_path / "h.json").read_text(encoding="utf-8"))
    assert data["map"]["title"] == hotel.title and len(data["touchpoints"]) == n
    code, _, err = run(capsys, "export", jmap, tmp_path / "x.csv", "--map", 99)
    assert code == 1 and "no map 99" in err
    assert not (tmp_path / "x.csv").exists()


def test_json_round_trip_through_the_cli(jmap, tmp_path, capsys):
    out = tmp_path / "m.json"
    assert run(capsys, "export", jmap, out, "--responses")[0] == 0
    other = tmp_path / "b.jmap"
    run(capsys, "new", other, "--template", "generic")
    code, stdout, _ = run(capsys, "import-map", other, out)
    assert code == 0
    new_id = int(stdout.strip())
    again = tmp_path / "again.json"
    assert run(capsys, "export", other, again, "--map", new_id, "--responses")[0] == 0
    a, b = json.loads(out.read_text("utf-8")), json.loads(again.read_text("utf-8"))
    assert [t["title"] for t in a["touchpoints"]] == [t["title"] for t in b["touchpoints"]]
    assert a["map"]["title"] == b["map"]["title"] and a["map"]["id"] != b["map"]["id"]


def test_import_map_errors(jmap, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "journeymap-map", "version": 1, "map": {"title": "x"}, "stages": []}', "utf-8")
    code, out, err = run(capsys, "import-map", jmap, bad)
    assert code == 1 and out == ""
    assert "bad.json: stages: a map needs at least one stage" in err
    code, _, err = run(capsys, "import-map", jmap, tmp_path / "missing.json")
    assert code == 1 and "missing.json" in err
    with Document.open(jmap, read_only=True) as doc:
        assert len(doc.maps()) == 2


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["out.txt"], "unknown export format '.txt'"),
        (["out"], "unknown export format '(none)'"),
        (["out.png", "--overlay", "nps,foo"], "unknown overlay foo"),
        (["out.csv", "--scale", "2"], "--scale does not apply to .csv"),
        (["out.png", "--page", "a4"], "--page does not apply to .png"),
        (["out.png", "--scale", "2", "--width", "100"], "not both"),
        (["out.png", "--scale", "0"], "--scale must be between"),
        (["out.png", "--width", "5"], "--width must be between"),
        (["out.svg", "--responses"], "--responses does not apply"),
    ],
)
def test_usage_errors_exit_2_and_write_nothing(jmap, tmp_path, capsys, argv, message):
    argv = [str(tmp_path / argv[0]), *argv[1:]]
    code, out, err = run(capsys, "export", jmap, *argv)
    assert code == 2
    assert message in err and "usage: journeymap export" in err
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("a.jmap")) == []


def test_refuses_to_overwrite_the_document(tmp_path, capsys):
    path = tmp_path / "doc.csv"
    with Document.create(path) as doc:
        create_map_from_template(doc, "generic")
    before = path.read_bytes()
    code, _, err = run(capsys, "export", path, path)
    assert code == 2 and "document itself" in err
    assert path.read_bytes() == before


def test_bad_page_choice_is_argparse_usage_error(jmap, tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["export", str(jmap), str(tmp_path / "x.pdf"), "--page", "b5"])
    assert exc.value.code == 2


def test_failures_exit_1(tmp_path, capsys):
    not_a_doc = tmp_path / "x.jmap"
    not_a_doc.write_text("hello", "utf-8")
    code, _, err = run(capsys, "export", not_a_doc, tmp_path / "x.csv")
    assert code == 1 and "not a JourneyMap document" in err
    code, _, err = run(capsys, "export", tmp_path / "nope.jmap", tmp_path / "x.png")
    assert code == 1 and "no such file" in err


def test_missing_output_folder_exit_1(jmap, tmp_path, capsys):
    code, _, err = run(capsys, "export", jmap, tmp_path / "no" / "x.csv")
    assert code == 1 and "no such folder" in err


def test_existing_output_replaced_atomically(jmap, tmp_path, capsys):
    out = tmp_path / "t.csv"
    out.write_text("old", "utf-8")
    assert run(capsys, "export", jmap, out)[0] == 0
    assert out.read_text("utf-8-sig").startswith("id,title")
    assert not list(tmp_path.glob("*.part"))


def test_image_formats_in_process(jmap, tmp_path, capsys, qapp):
    for name, extra in (("m.png", ["--scale", "2", "--overlay", "nps"]), ("m.svg", ["--transparent"]),
                        ("m.pdf", ["--page", "a4", "--overlay", "none"])):
        code, out, err = run(capsys, "export", jmap, tmp_path / name, *extra)
        assert (code, err) == (0, ""), err
    assert (tmp_path / "m.png").read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "m.svg").read_text("utf-8").lstrip().startswith("<?xml")
    data = (tmp_path / "m.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)) == 1


def _clean_env():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_cli_png_headless_sets_offscreen_itself(jmap, tmp_path):
    out = tmp_path / "m.png"
    proc = subprocess.run(
        [sys.executable, "-m", "journeymap.cli", "export", str(jmap), str(out), "--width", "800", "--overlay", "nps"],
        env=_clean_env(), capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    from PySide6.QtGui import QImage

    assert QImage(str(out)).width() == 800
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("a.jmap")) == ["m.png"]


def test_data_export_never_imports_qt(jmap, tmp_path):
    out = tmp_path / "t.xlsx"
    code = (
        "import sys; from journeymap.cli import main; rc = main(sys.argv[1:]); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'; sys.exit(rc)"
    )
    for name in ("t.csv", "t.xlsx", "t.json"):
        proc = subprocess.run(
            [sys.executable, "-c", code, "export", str(jmap), str(tmp_path / name)],
            env=_clean_env(), capture_output=True, text=True, timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
    assert out.exists()
