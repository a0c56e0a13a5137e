"""Survey exports as real survey tools write them, imported with no options.

The fixtures (``survey_fixtures.py``, whose docstring lists the sources of
each shape) are built in the exact shapes of Qualtrics (CSV and XLSX),
SurveyMonkey, Google Forms, Microsoft Forms, Typeform, LimeSurvey and a
Spanish-locale Excel CSV; the expected NPS of every touchpoint was computed
by hand (comments next to each fixture).
"""

from __future__ import annotations

import pytest
import survey_fixtures as F

from journeymap.services.reporting import overall_row, report_rows
from journeymap.services.survey_import import import_survey


def _report(doc, map_id):
    return {r["title"]: (r["responses"], r["nps"], r["sentiment"]) for r in report_rows(doc, map_id)}


def _dates(doc):
    return sorted({d for (d,) in doc.execute("SELECT date FROM responses WHERE date IS NOT NULL")})


CASES = {
    "qualtrics_csv": (F.qualtrics_csv, 7, 4, 25.0, {"Window display": (3, 0.0, None),
                                                   "Checkout queue": (4, 50.0, None)}),
    "qualtrics_xlsx": (F.qualtrics_xlsx, 7, 4, 25.0, {"Window display": (3, 0.0, None),
                                                     "Checkout queue": (4, 50.0, None)}),
    "surveymonkey": (F.surveymonkey_csv, 8, 3, 33.3, {"Window display": (2, 50.0, None),
                                                     "Checkout queue": (3, -66.7, None),
                                                     "Fitting rooms": (3, 100.0, None)}),
    "google_forms": (F.google_forms_csv, 9, 3, 66.7, {"Window display": (3, 33.3, None),
                                                     "Checkout queue": (3, -33.3, None),
                                                     "Fitting rooms": (0, None, 0.167)}),
    "microsoft_forms": (F.microsoft_forms_xlsx, 7, 4, 25.0, {"Window display": (3, 66.7, None),
                                                            "Checkout queue": (0, None, 0.25)}),
    "typeform": (F.typeform_csv, 7, 4, 25.0, {"Window display": (4, 25.0, None),
                                             "Checkout queue": (3, 33.3, None)}),
    "limesurvey": (F.limesurvey_csv, 8, 3, 33.3, {"Window display": (2, 0.0, None),
                                                 "Checkout queue": (3, 0.0, None),
                                                 "Fitting rooms": (0, None, 0.667)}),
}


@pytest.mark.parametrize("case", list(CASES))
def test_wide_export_imports_exact_counts_and_nps(tmp_path, case):
    make, imported, overall, overall_nps, expected = CASES[case]
    doc, m, _ids = F.survey_doc(tmp_path)
    with doc:
        result = import_survey(doc, m, make(tmp_path))
        assert result.layout == "wide"
        assert (result.imported, result.rejected, result.overall) == (imported, 0, overall)
        report = _report(doc, m)
        for title, want in expected.items():
            assert report[title] == want, title
        untouched = set(F.EN_TITLES) - set(expected)
        assert all(report[t] == (0, None, None) for t in untouched)
        assert overall_row(doc, m)["nps"] == overall_nps
        assert overall_row(doc, m)["responses"] == overall


def test_qualtrics_header_rows_are_headers_and_nps_group_is_never_a_score(tmp_path):
    doc, m, _ = F.survey_doc(tmp_path)
    with doc:
        result = import_survey(doc, m, F.qualtrics_csv(tmp_path))
        plan = result.plan
        assert plan.tool == "qualtrics" and plan.extra_rows == 2
        group = next(c for c in plan.columns if c.code == "Q1_NPS_GROUP")
        assert (group.role, group.why) == ("ignored", "derived")
        assert next(c for c in plan.columns if c.code == "Q1").role == "overall"
        assert _dates(doc) == ["2024-03-15", "2024-03-16", "2024-03-17", "2024-03-18"]
        # The comment and the store apply to every answer of their row.
        rows = doc.execute("SELECT comment, segment FROM responses WHERE comment = 'Slow'").fetchall()
        assert rows == [("Slow", "Madrid"), ("Slow", "Madrid")]
        assert not result.rejected_rows


def test_qualtrics_default_recode_1_to_11_is_recoded_with_a_note(tmp_path):
    doc, m, _ = F.survey_doc(tmp_path)
    with doc:
        result = import_survey(doc, m, F.qualtrics_csv(tmp_path, recode=True))
        assert _report(doc, m)["Checkout queue"] == (4, 50.0, None)
        assert overall_row(doc, m)["nps"] == 25.0
        recoded = [n for n in result.notes if "1-11" in n.template]
        assert len(recoded) == 3  # Q1 and the two matrix columns answered (Fitting rooms is empty)
        assert doc.execute("SELECT MAX(score), MIN(score) FROM responses").fetchone() == (10, 2)


def test_surveymonkey_second_row_labels_carry_the_merged_question(tmp_path):
    doc, m, ids = F.survey_doc(tmp_path)
    with doc:
        result = import_survey(doc, m, F.surveymonkey_csv(tmp_path))
        plan = result.plan
        assert plan.tool == "surveymonkey" and plan.extra_rows == 1
        checkout = next(c for c in plan.columns if c.touchpoint_id == ids["Checkout queue"])
        assert checkout.code == ""  # the merged cell's continuation
        assert checkout.label == "How likely would you be to recommend each part of your visit? - Checkout queue"
        # A question about something the map has no touchpoint for: reported by name, not imported.
        assert result.unknown_columns == ["How would you rate the parking?"]
        assert any(n.english() == "How would you rate the parking?: names no touchpoint of this map; not imported."
                   for n in result.notes)
        assert doc.execute("SELECT COUNT(*) FROM responses WHERE comment = 'Too slow'").fetchone()[0] == 3
        assert _dates(doc) == ["2024-03-14", "2024-03-15", "2024-03-16"]


@pytest.mark.parametrize("lang, expected", [("en", "2024-03-04"), ("es", "2024-04-03")])
def test_ambiguous_dates_follow_the_ui_language_and_say_so(tmp_path, monkeypatch, lang, expected):
    import journeymap.services.survey_import as si

    monkeypatch.setattr(si, "current_language", lambda: lang)
    doc, m, _ = F.survey_doc(tmp_path)
    with doc:
        result = import_survey(doc, m, F.google_forms_csv(tmp_path))
        assert _dates(doc)[0] == expected
        order = "day first" if lang == "es" else "month first"
        assert any(order in n.english() and "language" in n.english() for n in result.notes)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig"])
def test_spanish_excel_csv_semicolon_decimal_comma_and_day_first(tmp_path, encoding):
    doc, m, _ = F.survey_doc(tmp_path, F.ES_TITLES)
    with doc:
        result = import_survey(doc, m, F.spanish_excel_csv(tmp_path, encoding))
        assert (result.layout, result.imported, result.rejected, result.overall) == ("wide", 6, 0, 3)
        report = _report(doc, m)
        assert report["Cola en caja"] == (3, 0.0, None)
        assert report["Probadores"] == (3, 33.3, None)
        assert overall_row(doc, m)["nps"] == 33.3
        # 15/03 can only be day first: the whole column is read that way (02/03 is 2 March).
        assert _dates(doc) == ["2024-03-02", "2024-03-03", "2024-03-04", "2024-03-15"]
        segments = {s for (s,) in doc.execute("SELECT DISTINCT segment FROM responses")}
        assert segments == {"Madrid", "Sevilla"}
        comments = "SELECT comment, COUNT(*) FROM responses WHERE comment != '' GROUP BY comment ORDER BY comment"
        assert doc.execute(comments).fetchall() == [("Lenta", 2), ("Muy bien", 1)]


def test_long_file_finds_its_touchpoint_column_by_values_and_dates_by_locale(tmp_path):
    doc, m, _ = F.survey_doc(tmp_path, F.ES_TITLES)
    with doc:
        result = import_survey(doc, m, F.spanish_long_csv(tmp_path))
        assert result.layout == "long"
        tp = next(c for c in result.plan.columns if c.role == "touchpoint")
        assert (tp.code, tp.why) == ("¿En qué paso de tu visita pensabas al responder?", "values")
        assert (result.imported, result.rejected, result.overall) == (4, 0, 0)
        report = _report(doc, m)
        assert report["Cola en caja"] == (2, 0.0, None)
        assert report["Probadores"] == (2, 50.0, None)
        assert _dates(doc)[0] == "2024-04-03"  # ';' file: day first
        assert any("Spanish-locale" in n.english() for n in result.notes)


def test_a_question_naming_a_touchpoint_called_touchpoint_is_not_the_touchpoint_column(tmp_path):
    """``[Touchpoint 1 wifi]`` contains the word "touchpoint": still a wide file's answer column."""
    doc, m, ids = F.survey_doc(tmp_path, ("Touchpoint 1 wifi", "Touchpoint 12 bill"))
    path = tmp_path / "grid.csv"
    path.write_text("Timestamp,Rate each step [Touchpoint 1 wifi],Rate each step [Touchpoint 12 bill]\n"
                    "3/15/2024 10:00:00,9,10\n3/16/2024 10:00:00,3,\n", encoding="utf-8")
    with doc:
        result = import_survey(doc, m, path)
        assert (result.layout, result.imported) == ("wide", 3)
        assert _report(doc, m) == {"Touchpoint 1 wifi": (2, 0.0, None), "Touchpoint 12 bill": (1, 100.0, None)}


def test_more_distinct_dates_than_the_memo_holds(tmp_path, monkeypatch):
    import journeymap.services.survey_wide as wide

    monkeypatch.setattr(wide, "MEMO_LIMIT", 3)
    doc, m, _ = F.survey_doc(tmp_path)
    lines = ["Timestamp,Rate [Window display]"] + [f"3/{d}/2024 10:00:00,{d % 11}" for d in range(1, 29)]
    path = tmp_path / "dates.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with doc:
        result = import_survey(doc, m, path)
        assert (result.imported, result.rejected) == (28, 0)
        assert len(_dates(doc)) == 28
