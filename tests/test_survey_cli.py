"""``journeymap import`` on survey exports: overrides, profiles, re-import, rejected rows, ``report --overall``."""

from __future__ import annotations

import csv
import json

import survey_fixtures as F

from journeymap.cli import main
from journeymap.services.reporting import overall_row, report_rows
from journeymap.storage import Document


def _doc(tmp_path, titles=F.EN_TITLES):
    doc, m, ids = F.survey_doc(tmp_path, titles)
    path = doc.path
    doc.close()
    return path, m, ids


def _report(path, m):
    with Document.open(path, read_only=True) as doc:
        return {r["title"]: (r["responses"], r["nps"]) for r in report_rows(doc, m)}, overall_row(doc, m)


def test_cli_imports_a_qualtrics_export_with_no_options_and_reports_overall(tmp_path, capsys):
    path, m, _ = _doc(tmp_path)
    assert main(["import", str(path), str(F.qualtrics_csv(tmp_path))]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "imported 7, rejected 0"
    assert "layout: wide" in out[1]
    assert "Q1_NPS_GROUP: How likely are you to recommend Acme to a friend or colleague? - Group: a derived column " \
           "(group or category), not a score; ignored." in out
    assert main(["report", str(path), "--overall", "--format", "json"]) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert (row["responses"], row["promoters"], row["passives"], row["detractors"], row["nps"]) == (4, 2, 1, 1, 25.0)


def test_reimporting_the_same_file_warns_and_changes_nothing_unless_again(tmp_path, capsys):
    path, m, _ = _doc(tmp_path)
    data = F.typeform_csv(tmp_path)
    assert main(["import", str(path), str(data)]) == 0
    before = _report(path, m)
    capsys.readouterr()
    assert main(["import", str(path), str(data)]) == 1
    err = capsys.readouterr().err
    assert "already imported" in err and "--again" in err
    assert _report(path, m) == before
    assert main(["import", str(path), str(data), "--again", "-q"]) == 0
    report, overall = _report(path, m)
    assert report["Window display"] == (8, 25.0) and overall["responses"] == 8


def test_map_column_layout_and_no_date_overrides(tmp_path, capsys):
    path, m, ids = _doc(tmp_path)
    data = F.surveymonkey_csv(tmp_path)
    code = main(["import", str(path), str(data), "--no-date",
                 "--map-column", f"How would you rate the parking?={ids['Staff greeting']}",
                 "--map-column", "What could we do better?=ignore"])
    assert code == 0, capsys.readouterr().err
    report, _ = _report(path, m)
    assert report["Staff greeting"] == (3, 66.7)  # 8, 9, 10
    with Document.open(path, read_only=True) as doc:
        assert doc.execute("SELECT COUNT(*) FROM responses WHERE date IS NOT NULL").fetchone()[0] == 0
        assert doc.execute("SELECT COUNT(*) FROM responses WHERE comment != ''").fetchone()[0] == 0
    # --layout long on a file without a touchpoint column: a clear error, nothing written.
    assert main(["import", str(path), str(F.google_forms_csv(tmp_path)), "--layout", "long"]) == 1
    assert "no touchpoint column" in capsys.readouterr().err


def test_bad_map_column_specs_are_usage_errors_with_the_choices(tmp_path, capsys):
    path, m, _ = _doc(tmp_path)
    data = F.typeform_csv(tmp_path)
    assert main(["import", str(path), str(data), "--map-column", "nonsense"]) == 1
    assert "HEADER=FIELD" in capsys.readouterr().err
    assert main(["import", str(path), str(data), "--map-column", "#=bogus"]) == 1
    assert "unknown field 'bogus'" in capsys.readouterr().err
    assert main(["import", str(path), str(data), "--map-column", "#=999"]) == 1
    assert "no touchpoint 999" in capsys.readouterr().err
    assert main(["import", str(path), str(data), "--map-column", "Nope=score"]) == 1
    assert "no column named 'Nope'" in capsys.readouterr().err


def test_profiles_remember_the_mapping_by_header_signature(tmp_path, capsys):
    path, m, ids = _doc(tmp_path)
    first = F.surveymonkey_csv(tmp_path)
    assert main(["import", str(path), str(first), "--save-profile", "monthly",
                 "--map-column", f"How would you rate the parking?={ids['Staff greeting']}"]) == 0
    capsys.readouterr()
    # Next month's export: same header, other answers; the profile applies by itself.
    nxt = tmp_path / "next"
    nxt.mkdir()
    second = F.surveymonkey_csv(nxt)
    second.write_text(second.read_text().replace("11400000000", "11500000000"))
    assert main(["import", str(path), str(second)]) == 0
    out = capsys.readouterr().out
    assert "Import profile monthly applied." in out
    report, _ = _report(path, m)
    assert report["Staff greeting"] == (6, 66.7)
    assert main(["import", str(path), str(second), "--again", "--profile", "nope"]) == 1
    assert "no import profile named 'nope' (profiles: monthly)" in capsys.readouterr().err


def test_rejected_rows_are_saved_as_csv_with_a_reason_column(tmp_path, capsys):
    path, m, _ = _doc(tmp_path)
    data = tmp_path / "bad.csv"
    data.write_text("Timestamp,Rate [Window display],Rate [Checkout queue]\n"
                    "3/15/2024 10:00:00,12,9\n3/16/2024 10:00:00,=cmd(),8\n3/17/2024 10:00:00,10,7\n"
                    "3/18/2024 10:00:00,9,6\n")
    out_csv = tmp_path / "rechazadas.csv"
    assert main(["import", str(path), str(data), "--rejected", str(out_csv)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "imported 6, rejected 2"
    assert "row 2: column 'Rate [Window display]': score '12' is outside 0-10" in out
    with open(out_csv, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["row", "reason", "Timestamp", "Rate [Window display]", "Rate [Checkout queue]"]
    assert rows[1][:2] == ["2", "column 'Rate [Window display]': score '12' is outside 0-10"]
    assert rows[2][3] == "'=cmd()"  # never a live formula in Excel
    report, _ = _report(path, m)
    assert report["Checkout queue"] == (4, 0.0)  # the rows' other answers were kept
    assert report["Window display"] == (2, 100.0)


def test_spanish_cli_summary(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("JOURNEYMAP_LANG", "es")
    path, m, _ = _doc(tmp_path, F.ES_TITLES)
    try:
        assert main(["import", str(path), str(F.spanish_excel_csv(tmp_path))]) == 0
        out = capsys.readouterr().out
        assert out.splitlines()[0] == "importadas 6, rechazadas 0"
        assert "NPS global" in out
        assert main(["report", str(path), "--overall"]) == 0
    finally:
        from journeymap import i18n

        i18n.install_none()
