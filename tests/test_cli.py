"""The ``journeymap`` command line, run in-process with real files."""

import json

import pytest

from journeymap.cli import main
from journeymap.services.templates import template_names
from journeymap.storage import Document


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_then_report_json_lists_the_template_touchpoints(tmp_path, capsys):
    path = tmp_path / "a.jmap"
    code, out, _ = run(capsys, "new", str(path), "--template", "retail-store")
    assert code == 0
    map_id = int(out.strip())
    code, out, _ = run(capsys, "report", str(path), "--format", "json")
    assert code == 0
    rows = json.loads(out)
    with Document.open(path, read_only=True) as doc:
        titles = [tp.title for tp in doc.touchpoints(map_id)]
    assert [r["title"] for r in rows] == titles
    assert len(rows) >= 10
    assert set(rows[0]) == {
        "id", "title", "stage", "lane", "channel", "responses", "promoters", "passives",
        "detractors", "nps", "nps_margin", "sentiment",
    }
    assert all(r["nps"] is None and r["responses"] == 0 for r in rows)


def test_new_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "a.jmap"
    path.write_bytes(b"precious")
    code, _, err = run(capsys, "new", str(path))
    assert code == 1
    assert "already exists" in err
    assert path.read_bytes() == b"precious"


def test_unknown_template_is_an_error_and_creates_nothing(tmp_path, capsys):
    path = tmp_path / "a.jmap"
    code, _, err = run(capsys, "new", str(path), "--template", "nope")
    assert code == 1
    assert "unknown template 'nope'" in err
    assert not path.exists()


def test_templates_lists_all_with_descriptions(capsys):
    code, out, _ = run(capsys, "templates")
    assert code == 0
    lines = out.strip().splitlines()
    assert [line.split()[0] for line in lines] == template_names()
    assert {"generic", "insurance", "retail-store", "hotel", "b2b-saas"} <= set(template_names())
    assert all(len(line.split(maxsplit=1)) == 2 for line in lines)


def test_maps_lists_counts(tmp_path, capsys):
    path = tmp_path / "a.jmap"
    run(capsys, "new", str(path), "--template", "generic", "--title", "Current state")
    code, out, _ = run(capsys, "maps", str(path))
    assert code == 0
    assert "Current state" in out
    with Document.open(path, read_only=True) as doc:
        stages, lanes, tps = doc.counts(doc.maps()[0].id)
    assert f"{stages}" in out and f"{tps}" in out


def test_report_csv_and_table(tmp_path, capsys):
    path = tmp_path / "a.jmap"
    run(capsys, "new", str(path), "--template", "hotel")
    code, out, _ = run(capsys, "report", str(path), "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == (
        "id,title,stage,lane,channel,responses,promoters,passives,detractors,nps,nps_margin,sentiment"
    )
    code, out, _ = run(capsys, "report", str(path))
    assert code == 0 and "nps_margin" in out.splitlines()[0]


def test_report_unknown_map_and_bad_file(tmp_path, capsys):
    path = tmp_path / "a.jmap"
    run(capsys, "new", str(path))
    code, _, err = run(capsys, "report", str(path), "--map", "999")
    assert code == 1 and "no map 999" in err
    junk = tmp_path / "junk.jmap"
    junk.write_bytes(b"\x00" * 4096)
    code, _, err = run(capsys, "report", str(junk))
    assert code == 1 and "not a JourneyMap document" in err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["report"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["new", "--help"])
    assert exc.value.code == 0
