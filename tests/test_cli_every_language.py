"""Every CLI command works in every language, run as a user runs it (a child process).

The Spanish exports once died with a segmentation fault and `gui` with an AttributeError,
because the translator set-up made a non-GUI application first; only English was tested.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parent.parent
LANG_VARS = ("JOURNEYMAP_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")

ENVIRONMENTS = {
    "JOURNEYMAP_LANG=es": {"JOURNEYMAP_LANG": "es", "LANG": "C.UTF-8"},
    "LANG=es_ES.UTF-8": {"LANG": "es_ES.UTF-8"},
    "English": {"LANG": "C.UTF-8"},
}


def run(args: list[str], cwd: Path, env: dict[str, str], **extra: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in LANG_VARS and k != "QT_QPA_PLATFORM"}
    base["PYTHONPATH"] = str(ROOT) + os.pathsep + base.get("PYTHONPATH", "")
    base.pop("DISPLAY", None)  # like a server or an SSH session: the CLI must choose offscreen itself
    base.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-m", "journeymap.cli", *args],
        cwd=cwd, env={**base, **env, **extra}, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert result.returncode == 0, f"{args} exited {result.returncode}: {result.stderr[-2000:]}"
    assert "Traceback" not in result.stderr
    return result


def survey(path: Path, first: dict, second: dict) -> Path:
    """Answers for two touchpoints, one named by its title (in the document's language), one by id."""
    path.write_text(
        "touchpoint,score,comment,date\n"
        f"{first['title']},10,Precioso,2024-03-01\n"
        f"{first['title']},6,Poco visible,2024-03-02\n"
        f"{second['id']},3,Cola eterna,2024-03-03\n",
        encoding="utf-8",
    )
    return path


def check_png(path: Path) -> None:
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")


def check_svg(path: Path) -> None:
    root = ElementTree.parse(path).getroot()
    assert root.tag.endswith("svg")


def check_pdf(path: Path) -> None:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]


def check_csv(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;")
    rows = list(csv.reader(io.StringIO(text), dialect))
    assert len(rows) > 20  # the header and the 28 touchpoints of the retail store


def check_xlsx(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        assert "xl/workbook.xml" in z.namelist()


def check_json(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["maps"] if "maps" in data else data


CHECKS = {"png": check_png, "svg": check_svg, "pdf": check_pdf, "csv": check_csv, "xlsx": check_xlsx,
          "json": check_json}


@pytest.mark.parametrize("env", ENVIRONMENTS.values(), ids=ENVIRONMENTS.keys())
def test_every_command_works(tmp_path, env):
    doc = tmp_path / "cliente.jmap"
    out = run(["new", str(doc), "--template", "retail-store"], tmp_path, env)
    assert out.stdout.strip().isdigit()
    assert doc.stat().st_size > 0

    assert "retail-store" in run(["templates"], tmp_path, env).stdout
    assert run(["maps", str(doc)], tmp_path, env).stdout.count("\n") >= 3
    run(["report", str(doc)], tmp_path, env)
    touchpoints = json.loads(run(["report", str(doc), "--format", "json"], tmp_path, env).stdout)
    touchpoints = touchpoints if isinstance(touchpoints, list) else touchpoints["touchpoints"]

    data = survey(tmp_path / "encuesta.csv", touchpoints[1], touchpoints[5])
    imported = run(["import", str(doc), str(data)], tmp_path, env)
    assert "3" in imported.stdout
    report = json.loads(run(["report", str(doc), "--format", "json"], tmp_path, env).stdout)
    rows = report if isinstance(report, list) else report["touchpoints"]
    assert sum(r["responses"] for r in rows) == 3
    scored = next(r for r in rows if r["responses"] == 2)
    margin = scored["nps_margin"]
    assert isinstance(margin, float)  # JSON stays machine-readable in every language
    table = run(["report", str(doc)], tmp_path, env).stdout
    spanish = env.get("JOURNEYMAP_LANG") == "es" or env.get("LANG", "").startswith("es")
    shown = f"{margin:.1f}".replace(".", "," if spanish else ".")
    assert shown in table, (shown, table[:400])
    assert ("título" in table.splitlines()[0]) == spanish

    # comments and compare tables: headings and NPS groups / row kinds / yes-no in the CLI language
    # (JSON keeps its keys and values).
    comments = run(["comments", str(doc)], tmp_path, env).stdout.splitlines()
    words = ("comentario", "grupo", "puntuación") if spanish else ("comment", "group", "score")
    assert all(w in comments[0].split() for w in words), comments[0]
    groups = {w for line in comments[2:] for w in line.split()}  # scores 10, 6, 3
    assert ("promotor" in groups and "promoter" not in groups) == spanish, comments
    assert {r["group"] for r in json.loads(run(["comments", str(doc), "--format", "json"], tmp_path, env).stdout)} \
        == {"promoter", "detractor"}
    periods = ["--period", "2024-03-01..2024-03-02", "--period", "2024-03-03..2024-03-31"]
    compared = run(["compare", str(doc), *periods], tmp_path, env).stdout.splitlines()
    words = ("tipo", "diferencia", "significativa") if spanish else ("kind", "delta", "significant")
    assert all(w in compared[0].split() for w in words), compared[0]
    cells = {w for line in compared[2:] for w in line.split()}
    assert ({"etapa", "no"} <= cells and "stage" not in cells and "False" not in cells) == spanish, compared[:4]
    assert ({"stage", "no"} <= cells) == (not spanish)
    assert json.loads(run(["compare", str(doc), *periods, "--format", "json"], tmp_path, env).stdout)[-1]["kind"] \
        == "stage"

    for ext, check in CHECKS.items():
        target = tmp_path / f"mapa.{ext}"
        run(["export", str(doc), str(target)], tmp_path, env)
        check(target)
    run(["export", str(doc), str(tmp_path / "capas.png"), "--overlay", "nps,sentiment,emotion"], tmp_path, env)
    check_png(tmp_path / "capas.png")

    other = tmp_path / "otro.jmap"
    run(["new", str(other)], tmp_path, env)
    run(["import-map", str(other), str(tmp_path / "mapa.json")], tmp_path, env)
    assert len(run(["maps", str(other)], tmp_path, env).stdout.strip().splitlines()) >= 4

    painted = run(["gui", str(doc)], tmp_path, env, JOURNEYMAP_EXIT_AFTER_PAINT="1", QT_QPA_PLATFORM="offscreen")
    assert painted.stdout.startswith("painted ")
