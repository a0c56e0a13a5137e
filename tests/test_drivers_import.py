"""Drivers of the overall NPS from a real wide import: the respondent link of format 8, end to end.

A Qualtrics-shaped CSV (three header rows, the overall "How likely are you
to recommend..." question and a matrix of touchpoint questions; shape and
sources in ``survey_fixtures``) is imported with no options; then the drivers
chart, ``journeymap report --drivers`` and the priority matrix's "impact from
data" rank its touchpoints by Pearson's r, computed here by hand.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
import survey_fixtures as F
from cli_helpers import cli
from helpers_formats import downgrade

from journeymap.services import charts
from journeymap.services.reporting import driver_rows
from journeymap.services.survey_import import import_survey
from journeymap.storage import Document, schema
from journeymap.storage.drivers_sql import overall_pairs

# Ten respondents who answered everything, two who skipped the overall question, one who
# answered only it. Columns: overall, Window display, Checkout queue, Fitting rooms, store.
ANSWERS = [
    (2, 9, 3, 5, "Madrid"), (2, 4, 3, "", "Madrid"), (2, 9, 3, "", "Sevilla"), (2, 4, 3, "", "Madrid"),
    (2, 9, 8, 6, "Sevilla"), (9, 4, 8, "", "Madrid"), (9, 9, 8, "", "Sevilla"), (9, 4, 8, 9, "Madrid"),
    (9, 9, 8, "", "Sevilla"), (9, 4, 8, "", "Madrid"),
    ("", 10, 0, "", "Madrid"), ("", 0, 10, "", "Sevilla"),  # no overall answer: no pair
    (10, "", "", "", "Madrid"),  # only the overall question
]
# By hand, over the ten pairs (y = overall: five 2s then five 9s, mean 5.5, deviations -/+3.5):
#   Checkout queue x = 3,3,3,3,8,8,8,8,8,8: mean 6, deviations -3 (x4), +2 (x6)
#     Sxy = 4(-3)(-3.5) + (2)(-3.5) + 5(2)(3.5) = 42 - 7 + 35 = 70; Sxx = 4*9 + 6*4 = 60; Syy = 10*3.5^2 = 122.5
#     r = 70 / sqrt(60 * 122.5) = 70 / 85.732 = 0.8165 (= sqrt(2/3)) -> impact from data min(5, 2 + int(r/0.15)) = 5
#   Window display x = 9,4,9,4,9,4,9,4,9,4: mean 6.5, deviations +/-2.5
#     Sxy = -3.5 * (2.5 - 2.5 + 2.5 - 2.5 + 2.5) + 3.5 * (-2.5 + 2.5 - 2.5 + 2.5 - 2.5) = -8.75 - 8.75 = -17.5
#     Sxx = 10 * 6.25 = 62.5 -> r = -17.5 / sqrt(62.5 * 122.5) = -17.5 / 87.5 = -0.2 -> impact from data 1
#   Fitting rooms: 3 pairs, fewer than MIN_PAIRS (10): no driver.
R_CHECKOUT = 70 / (60 * 122.5) ** 0.5
R_WINDOW = -0.2


def qualtrics_drivers_csv(path):
    codes = [*F.QUALTRICS_META, "Q1", "Q2_1", "Q2_2", "Q2_3", "Q4"]
    text = [*F.QUALTRICS_META_TEXT, "How likely are you to recommend Acme to a friend or colleague?",
            F.MATRIX + "Window display", F.MATRIX + "Checkout queue", F.MATRIX + "Fitting rooms",
            "Which store did you visit?"]
    ids = [json.dumps({"ImportId": c}) for c in ["startDate", "endDate", "status", "ipAddress", "progress",
                                                  "duration", "finished", "recordedDate", "_recordId",
                                                  "userLanguage", "QID1", "QID2_1", "QID2_2", "QID2_3", "QID4"]]
    rows: list[list[object]] = [codes, text, ids]
    for k, (overall, w, c, f, store) in enumerate(ANSWERS):
        start = f"2024-03-{1 + k:02d} 10:00:05"
        rows.append([start, f"2024-03-{1 + k:02d} 10:09:05", 0, f"81.2.69.{k}", 100, 300 + k, 1, start,
                     f"R_{k}abcXYZ", "EN", overall, w, c, f, store])
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL).writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-8-sig"))
    return path


@pytest.fixture
def imported(tmp_path):
    doc, m, ids = F.survey_doc(tmp_path)
    result = import_survey(doc, m, qualtrics_drivers_csv(tmp_path / "Qualtrics drivers.csv"))
    assert result.layout == "wide" and result.overall == 11 and not result.rejected_rows
    yield doc, m, ids
    doc.close()


def test_each_answer_carries_its_respondents_overall_score(imported):
    doc, m, ids = imported
    rows = doc.execute("SELECT score, overall_score FROM responses WHERE touchpoint_id = ? ORDER BY id",
                       [ids["Checkout queue"]]).fetchall()
    assert rows == [(3, 2)] * 4 + [(8, 2)] + [(8, 9)] * 5 + [(0, None), (10, None)]
    pairs = overall_pairs(doc, m)
    assert len(pairs[ids["Checkout queue"]]) == 10 and len(pairs[ids["Fitting rooms"]]) == 3
    assert (9, 9) in pairs[ids["Window display"]]


def test_report_chart_and_matrix_rank_by_hand_computed_correlation(imported):
    doc, m, ids = imported
    rows = driver_rows(doc, m)
    assert [(r["title"], r["pairs"]) for r in rows] == [("Checkout queue", 10), ("Window display", 10)]
    assert rows[0]["r"] == pytest.approx(R_CHECKOUT, abs=5e-4) and rows[1]["r"] == pytest.approx(R_WINDOW)
    assert [r["impact_from_data"] for r in rows] == [5, 1]
    assert rows[0]["r_low"] < rows[0]["r"] < rows[0]["r_high"]

    fig = charts.new_figure()
    assert charts.render("drivers", fig, charts.ChartContext(doc, m)) == 2
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[0].startswith("Checkout queue") and "(n=10)" in labels[0] and labels[1].startswith("Window")
    bars = sorted((p.get_y(), p.get_width()) for p in fig.axes[0].patches)
    assert [w for _y, w in bars] == pytest.approx([R_CHECKOUT, R_WINDOW], abs=1e-9)

    # A segment narrows the pairs: Madrid has 6 of them for Checkout queue, too few for a driver.
    assert driver_rows(doc, m, "Madrid") == []

    fig = charts.new_figure()
    charts.render("priority_matrix", fig, charts.ChartContext(doc, m))
    rings = [c for c in fig.axes[0].collections if len(c.get_facecolors()) == 0]
    assert sorted(float(o[0]) for c in rings for o in c.get_offsets()) == [1.0, 5.0]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_cli_report_drivers(imported, tmp_path, lang):
    doc, m, _ids = imported
    doc.close()
    out = cli("report", str(doc.path), "--drivers", "--format", "json", cwd=tmp_path, JOURNEYMAP_LANG=lang)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert [r["title"] for r in got] == ["Checkout queue", "Window display"]
    assert got[0]["r"] == pytest.approx(0.816) and got[1]["r"] == pytest.approx(-0.2)
    table = cli("report", str(doc.path), "--drivers", cwd=tmp_path, JOURNEYMAP_LANG=lang)
    assert table.returncode == 0, table.stderr
    head = table.stdout.splitlines()[0]
    if lang == "es":
        assert "pares" in head and "0,816" in table.stdout and "impacto" in head
    else:
        assert "pairs" in head and "0.816" in table.stdout


def test_format_7_document_upgrades_in_place_and_links_a_new_import(tmp_path):
    doc, m, ids = F.survey_doc(tmp_path)
    path = doc.path
    doc.close()
    downgrade(path, 7)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
    assert "overall_score" not in {r[1] for r in conn.execute("PRAGMA table_info(responses)")}
    conn.execute("INSERT INTO responses (touchpoint_id, score, comment) VALUES (?, 7, 'antes')",
                 [ids["Checkout queue"]])
    conn.commit()
    conn.close()
    with Document.open(path) as again:
        assert again.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION  # 8, 9, …
        assert again.execute("SELECT score, overall_score, comment FROM responses").fetchall() == [(7, None, "antes")]
        import_survey(again, m, qualtrics_drivers_csv(tmp_path / "q.csv"))
        assert [r["title"] for r in driver_rows(again, m)] == ["Checkout queue", "Window display"]
    with sqlite3.connect(path) as conn:  # in place: the same file, now of the current format (through 8)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION


def test_map_json_with_responses_keeps_the_link(imported, tmp_path):
    from journeymap.services.map_json import dumps, export_map, import_map

    doc, m, _ids = imported
    data = json.loads(dumps(export_map(doc, m, include_responses=True)))
    with Document.create(tmp_path / "copy.jmap") as copy:
        new = import_map(copy, data)
        assert [(r["title"], r["r"]) for r in driver_rows(copy, new)] == [
            (r["title"], r["r"]) for r in driver_rows(doc, m)]
    tp = data["touchpoints"][0]
    tp["responses"][0]["overall_score"] = 11
    with Document.create(tmp_path / "bad.jmap") as bad, pytest.raises(Exception, match="overall_score"):
        import_map(bad, data)


@pytest.mark.parametrize("name", ["drivers", "compare"])
@pytest.mark.parametrize("width_px", [400, 1200])
def test_voice_charts_texts_do_not_overlap_at_the_dock_width(imported, name, width_px):
    """The two charts test_charts_fit leaves to their own tests: no two texts overlap, nothing cut off."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from journeymap.services.charts_fit import drawn_texts
    from journeymap.services.compare import Side

    doc, m, _ids = imported
    fig = charts.new_figure(width_px / 100, charts.height_hint(name, 4), dpi=100)
    FigureCanvasAgg(fig)
    ctx = charts.ChartContext(doc, m, compare=(Side(segment="Madrid"), Side(segment="Sevilla")))
    assert charts.render(name, fig, ctx) > 0
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    found = [(t.get_text(), t.get_window_extent(renderer)) for t in drawn_texts(fig) if t.get_alpha() != 0]
    found = [(text, box) for text, box in found if box.width > 0 and box.height > 0]

    def overlaps(a, b, slack=0.5):
        return a.x0 + slack < b.x1 and b.x0 + slack < a.x1 and a.y0 + slack < b.y1 and b.y0 + slack < a.y1

    clashes = [(a, b) for i, (a, ba) in enumerate(found) for b, bb in found[i + 1:] if overlaps(ba, bb)]
    assert not clashes, clashes
    cut = [(text, box.x0, box.x1) for text, box in found if box.x0 < -1 or box.x1 > fig.bbox.width + 1]
    assert not cut, (fig.bbox.width, cut)


def test_pdf_report_adds_the_drivers_chart_and_the_cards_quotes(imported, tmp_path):
    import shutil

    from pypdf import PdfReader

    from journeymap.cli import main
    from journeymap.domain.model import Quote
    from journeymap.storage.quotes import add_quote

    doc, m, ids = imported
    add_quote(doc, Quote(ids["Checkout queue"], "Twenty minutes to pay", None, 2))
    doc.close()
    unlinked = tmp_path / "unlinked.jmap"  # the same answers without the respondent link: no drivers
    shutil.copy(doc.path, unlinked)
    with sqlite3.connect(unlinked) as conn:
        conn.execute("UPDATE responses SET overall_score = NULL")
    for source in (doc.path, unlinked):
        assert main(["export", str(source), str(source.with_suffix(".pdf")), "--report"]) == 0

    def pictures(path):
        return sum(len(page.images) for page in PdfReader(str(path)).pages)

    # One more chart, the drivers (pypdf counts a chart's picture and its alpha mask: not exactly one more).
    assert pictures(doc.path.with_suffix(".pdf")) > pictures(unlinked.with_suffix(".pdf")) > 0
    pages = PdfReader(str(doc.path.with_suffix(".pdf"))).pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert "“Twenty minutes to pay”" in text
