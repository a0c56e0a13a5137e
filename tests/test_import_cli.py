"""``journeymap import``: output, exit codes, options."""

from __future__ import annotations

import pytest
from import_helpers import fingerprint, make_doc, write

from journeymap.cli import main
from journeymap.storage import Document


def _doc(tmp_path):
    doc, map_id, ids = make_doc(tmp_path)
    path = doc.path
    doc.close()
    return path, map_id, ids


def test_import_prints_summary_and_rejections(tmp_path, capsys):
    path, map_id, ids = _doc(tmp_path)
    data = write(
        tmp_path / "encuesta.csv",
        "Punto de contacto;Puntuación\nAtención en caja;9\nNope;3\nProbador;10,5\n",
        "cp1252",
    )
    code = main(["import", str(path), str(data), "--map", str(map_id)])
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "imported 1, rejected 2"
    assert lines[1].startswith("row 3: no touchpoint 'Nope'")
    assert lines[2].startswith("row 4: score '10,5'")
    with Document.open(path, read_only=True) as doc:
        assert doc.batches(map_id)[0].rows == 1


def test_import_nothing_valid_exits_1_and_records_nothing(tmp_path, capsys):
    path, map_id, ids = _doc(tmp_path)
    with Document.open(path, read_only=True) as doc:
        before = fingerprint(doc, map_id)
    data = write(tmp_path / "bad.csv", "touchpoint,score\nNope,9\n")
    assert main(["import", str(path), str(data)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == "imported 0, rejected 1"
    assert "nothing imported" in err
    with Document.open(path, read_only=True) as doc:
        assert fingerprint(doc, map_id) == before


def test_import_explicit_columns_and_errors(tmp_path, capsys):
    path, map_id, ids = _doc(tmp_path)
    data = write(tmp_path / "q.csv", "A,B,C\nProbador,x,9\nProbador,x,8\n")
    assert main(["import", str(path), str(data)]) == 1
    # Column A is found as the touchpoint column by its values; no header says which is the score.
    assert "no score column" in capsys.readouterr().err
    code = main(["import", str(path), str(data), "--touchpoint-col", "A", "--score-col", "3", "-q"])
    assert code == 0
    assert capsys.readouterr().out == "imported 2, rejected 0\n"
    assert main(["import", str(path), str(data), "--score-col", "Z", "--touchpoint-col", "1"]) == 1
    assert "no column named 'Z'" in capsys.readouterr().err
    assert main(["import", str(path), str(tmp_path / "missing.csv")]) == 1
    assert "missing.csv: no such file" in capsys.readouterr().err
    assert main(["import", str(path), str(data), "--map", "99"]) == 1
    assert "no map 99" in capsys.readouterr().err


def test_import_many_rejections_are_truncated(tmp_path, capsys):
    path, map_id, ids = _doc(tmp_path)
    data = write(tmp_path / "many.csv", "touchpoint,score\nProbador,9\n" + "Probador,99\n" * 30)
    assert main(["import", str(path), str(data)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "imported 1, rejected 30"
    assert len([x for x in lines if x.startswith("row ")]) == 20
    assert lines[-1] == "... more rejected rows: 10"


def test_import_help(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["import", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for option in ("--touchpoint-col", "--score-col", "--sentiment-col", "--comment-col", "--date-col",
                   "--segment-col", "--sheet", "--map"):
        assert option in out
