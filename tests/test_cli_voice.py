"""``journeymap comments`` and ``journeymap compare`` on real files, in English and Spanish."""

from __future__ import annotations

import json

import pytest
from cli_helpers import cli

from journeymap.cli import main
from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
from journeymap.services.importing import import_file
from journeymap.storage import Document


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def path(tmp_path):
    """Madrid's checkout: 20 detractors of 30; Sevilla's: 24 promoters of 30 (a real difference)."""
    p = tmp_path / "v.jmap"
    rows = ["touchpoint,score,comment,date,segment"]
    rows += [f"Caja,{2 if i < 20 else 9},{'Cola eterna' if i < 5 else ''},2024-02-{1 + i % 28:02d},Madrid"
             for i in range(30)]
    rows += [f"Caja,{10 if i < 24 else 5},{'Atención rápida' if i < 3 else ''},2024-05-{1 + i % 28:02d},Sevilla"
             for i in range(30)]
    rows += ["Salida,9,,2024-02-10,Madrid", "Salida,8,,2024-05-10,Sevilla"]
    (tmp_path / "s.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    with Document.create(p) as doc:
        m = doc.add_map(JourneyMap("Tienda"))
        s = doc.add_stage(Stage(m, "Pago"))
        lane = doc.add_lane(Lane(m, "Puntos de contacto"))
        doc.add_touchpoint(Touchpoint(m, s, lane, "Caja"))
        doc.add_touchpoint(Touchpoint(m, s, lane, "Salida"))
        assert import_file(doc, m, tmp_path / "s.csv").imported == 62
    return p


def test_comments_json_fields_and_filters(path, capsys):
    code, out, _ = run(capsys, "comments", path, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 8  # only the non-empty comments
    assert {"touchpoint_id", "touchpoint", "score", "group", "sentiment", "comment", "date", "segment"} <= set(rows[0])
    code, out, _ = run(capsys, "comments", path, "--search", "atencion", "--format", "json")
    assert {r["comment"] for r in json.loads(out)} == {"Atención rápida"}
    code, out, _ = run(capsys, "comments", path, "--group", "detractor", "--segment", "Madrid", "--format", "json")
    rows = json.loads(out)
    assert len(rows) == 5 and {r["group"] for r in rows} == {"detractor"}
    code, out, _ = run(capsys, "comments", path, "--touchpoint", 2, "--format", "csv")
    assert out.splitlines()[0].startswith("id,touchpoint_id,touchpoint")
    assert len(out.splitlines()) == 1  # "Salida" has no comments


def test_comments_unknown_touchpoint_is_an_error(path, capsys):
    code, _, err = run(capsys, "comments", path, "--touchpoint", 99)
    assert code == 1 and "no touchpoint 99" in err


def test_compare_segments_says_what_is_significant(path, capsys):
    code, out, _ = run(capsys, "compare", path, "--segment", "Madrid", "--segment", "Sevilla", "--format", "json")
    assert code == 0
    rows = {(r["kind"], r["title"]): r for r in json.loads(out)}
    caja = rows[("touchpoint", "Caja")]
    assert {"id", "title", "stage", "n_a", "nps_a", "n_b", "nps_b", "delta", "significant"} <= set(caja)
    assert (caja["n_a"], caja["nps_a"], caja["n_b"], caja["nps_b"]) == (30, -33.3, 30, 60.0)
    assert caja["delta"] == 93.3 and caja["significant"] is True
    salida = rows[("touchpoint", "Salida")]
    assert (salida["n_a"], salida["n_b"], salida["significant"]) == (1, 1, False)
    assert rows[("stage", "Pago")]["n_a"] == 31


def test_compare_periods(path, capsys):
    code, out, _ = run(capsys, "compare", path, "--period", "2024-01-01..2024-03-31",
                       "--period", "2024-04-01..2024-06-30", "--format", "json")
    rows = {(r["kind"], r["title"]): r for r in json.loads(out)}
    assert code == 0 and rows[("touchpoint", "Caja")]["significant"] is True


@pytest.mark.parametrize("argv", [
    ("--segment", "Madrid"),
    ("--segment", "Madrid", "--period", "2024-01-01..2024-02-01"),
    ("--period", "2024-01-01..2024-02-01", "--period", "enero"),
])
def test_compare_usage_errors(path, capsys, argv):
    with pytest.raises(SystemExit) as info:
        main(["compare", str(path), *argv])
    assert info.value.code == 2


def test_comments_and_compare_in_spanish(path, tmp_path):
    result = cli("comments", "--help", cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert "solo" in result.stdout and "comentarios" in result.stdout
    result = cli("compare", str(path), "--period", "2024-05-01..2024-01-01", "--period", "2024-01-01..2024-02-01",
                 cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert result.returncode == 2
    assert "termina antes de empezar" in result.stderr
    result = cli("comments", str(path), "--touchpoint", "99", cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert "no tiene el punto de contacto 99" in result.stderr
