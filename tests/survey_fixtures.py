"""Survey exports in the shapes the tools write them (small files, generated here).

Where each shape comes from (found with the project's ``search`` tool):

* Qualtrics: three header rows (export tag, question text, ``{"ImportId":...}``)
  -- qualtRics ``read_survey`` and kutils ``importQualtrics`` docs ("Current
  Qualtrics CSV files will usually have 3 metadata rows, 1 = name, 2 =
  question, 3 = ImportId", https://search.r-project.org/CRAN/refmans/kutils/html/importQualtrics.html);
  metadata columns StartDate, EndDate, Status, IPAddress, Progress,
  "Duration (in seconds)", Finished, RecordedDate, ResponseId ... UserLanguage
  (https://search.r-project.org/CRAN/refmans/excluder/html/qualtrics_fetch.html,
  dates "in ISO 8601 format"); NPS question "set at exactly 11 scale points"
  with promoters/passives/detractors groups
  (https://www.qualtrics.com/support/survey-platform/survey-module/editing-questions/question-types-guide/specialty-questions/net-promoter-score/);
  recode values "by default, the first answer choice will have a recode value of 1"
  (Qualtrics' Recode Values page), hence 1-11 exports of a 0-10 scale.
* SurveyMonkey: question text in the merged first cell of row 1, sub-question or
  "Response" / "Open-Ended Response" in row 2; Respondent ID, Collector ID,
  Start Date, End Date, IP Address, Email Address, First Name, Last Name,
  Custom Data 1 (the "all responses" export read by monkeywrangler's
  ``loadSurveyMonkeyXLS``, https://rdrr.io/github/wmurphyrd/monkeywrangler/man/loadSurveyMonkeyXLS.html).
* Google Forms: the linked sheet's "Timestamp" first, one column per question,
  a multiple-choice grid as one column per row named ``Question [Row]``
  (https://danaleeling.blogspot.com/2023/05/converting-likert-survey-words-in.html).
* Microsoft Forms (Open in Excel): ID, Start time, Completion time, Email,
  Name, Last modified time, then one column per question; date cells.
* Typeform (Results ▸ Download CSV): "#" (the response token), one column per
  question (its full text), Start Date (UTC), Submit Date (UTC), Network ID
  (https://typeform.com/developers/responses/reference/retrieve-responses for the
  landed/submitted timestamps).
* LimeSurvey (Export results, "Full question text" headings, "Full answers"):
  Response ID, Date submitted, Last page, Start language, Seed, Date started,
  Date last action, then questions; array sub-questions as ``Question [Row]``
  (limer ``get_responses`` sHeadingType code/full/abbreviated,
  https://rdrr.io/cran/limonaid/man/limer_get_responses.html).
* Spanish-locale Excel "CSV (delimitado por comas)": ``;`` separator, decimal
  comma, Windows-1252 (or UTF-8 with BOM for "CSV UTF-8"), dd/mm/yyyy dates.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
from journeymap.storage import Document

EN_TITLES = ("Window display", "Checkout queue", "Fitting rooms", "Staff greeting")
ES_TITLES = ("Montaje del escaparate", "Cola en caja", "Probadores", "Saludo del personal")


def survey_doc(tmp_path: Path, titles: tuple[str, ...] = EN_TITLES) -> tuple[Document, int, dict[str, int]]:
    doc = Document.create(tmp_path / "survey.jmap")
    m = doc.add_map(JourneyMap("Store visit"))
    s = doc.add_stage(Stage(m, "Visit"))
    lane = doc.add_lane(Lane(m, "Touchpoints"))
    return doc, m, {t: doc.add_touchpoint(Touchpoint(m, s, lane, t)) for t in titles}


def _csv(rows: list[list[object]], *, delimiter: str = ",", quote_all: bool = False) -> str:
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\r\n",
                   quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    w.writerows(rows)
    return out.getvalue()


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


# ------------------------------------------------------------------ Qualtrics
QUALTRICS_META = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
                  "RecordedDate", "ResponseId", "UserLanguage"]
QUALTRICS_META_TEXT = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)",
                       "Finished", "Recorded Date", "Response ID", "User Language"]
MATRIX = "Based on this visit, how likely are you to recommend each step? - "
# Per respondent: overall, its NPS group (1 detractor, 2 passive, 3 promoter), the matrix, why, store.
QUALTRICS_ANSWERS = [
    (10, 3, 10, 9, "", "Loved it", "Madrid"),
    (9, 3, 7, 9, "", "", "Sevilla"),
    (6, 1, 3, 10, "", "Slow", "Madrid"),
    (8, 2, "", 2, "", "", "Madrid"),
]
# Hand-computed: overall P2 Pa1 D1 -> 25.0; Window display 10, 7, 3 -> 0.0 (n 3);
# Checkout queue 9, 9, 10, 2 -> 50.0 (n 4); Fitting rooms unanswered.


def qualtrics_rows(recode: bool = False, labels: bool = False) -> list[list[object]]:
    codes = [*QUALTRICS_META, "Q1", "Q1_NPS_GROUP", "Q2_1", "Q2_2", "Q2_3", "Q3", "Q4"]
    text = [*QUALTRICS_META_TEXT, "How likely are you to recommend Acme to a friend or colleague?",
            "How likely are you to recommend Acme to a friend or colleague? - Group",
            MATRIX + "Window display", MATRIX + "Checkout queue", MATRIX + "Fitting rooms",
            "Why did you give that score?", "Which store did you visit?"]
    ids = [json.dumps({"ImportId": c}) for c in ["startDate", "endDate", "status", "ipAddress", "progress",
                                                  "duration", "finished", "recordedDate", "_recordId",
                                                  "userLanguage", "QID1", "QID1_NPS_GROUP", "QID2_1", "QID2_2",
                                                  "QID2_3", "QID3_TEXT", "QID4"]]
    rows: list[list[object]] = [codes, text, ids]
    for k, (overall, group, w, c, f, why, store) in enumerate(QUALTRICS_ANSWERS):
        def v(x: object) -> object:
            if x == "" or not isinstance(x, int):
                return x
            if labels and x == 10:
                return "10 - Extremely likely"
            if labels and x == 0:
                return "0 - Not at all likely"
            return x + 1 if recode else x
        start = f"2024-03-{15 + k:02d} 10:{k:02d}:05"
        rows.append([start, f"2024-03-{15 + k:02d} 10:{k + 10:02d}:05", 0, f"81.2.69.{k}", 100, 300 + k, 1, start,
                     f"R_{k}abcXYZ", "EN", v(overall), group, v(w), v(c), v(f), why, store])
    return rows


def qualtrics_csv(tmp_path: Path, recode: bool = False) -> Path:
    path = tmp_path / "Qualtrics export.csv"
    path.write_bytes(_csv(qualtrics_rows(recode), quote_all=True).encode("utf-8-sig"))
    return path


def qualtrics_xlsx(tmp_path: Path) -> Path:
    return _xlsx(tmp_path / "Qualtrics export.xlsx", qualtrics_rows(labels=True))


# --------------------------------------------------------------- SurveyMonkey
SM_META = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
           "First Name", "Last Name", "Custom Data 1"]
# overall 10, 0, 9 -> 33.3; Window display 10, 8, "" -> 50.0 (n 2); Checkout queue 5, 6, 7 -> -66.7;
# Fitting rooms 9, 9, 9 -> 100.0.
SM_ANSWERS = [(10, 10, 5, 9, "Nice"), (0, 8, 6, 9, "Too slow"), (9, "", 7, 9, "")]


def surveymonkey_csv(tmp_path: Path) -> Path:
    question = "How likely would you be to recommend each part of your visit?"
    rows: list[list[object]] = [
        [*SM_META, "How likely is it that you would recommend us to a friend or colleague?", question, "", "",
         "What could we do better?", "How would you rate the parking?"],
        [""] * len(SM_META) + ["Response", "Window display", "Checkout queue", "Fitting rooms",
                               "Open-Ended Response", "Response"],
    ]
    for k, (overall, w, c, f, text) in enumerate(SM_ANSWERS):
        rows.append([11400000000 + k, 401234567, f"03/{14 + k}/2024 10:22:05 AM", f"03/{14 + k}/2024 10:31:40 AM",
                     f"10.0.0.{k}", "", "", "", "", overall, w, c, f, text, 8 + k])
    path = tmp_path / "Data_All_240320.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    return path


# -------------------------------------------------------------- Google Forms
# overall 9, 7, 10 -> 66.7; Window display 10, 10, 4 -> 33.3; Checkout queue 6, 6, 9 -> -33.3;
# Fitting rooms (1-5 satisfaction) 5, 4, 1 -> sentiment 1, 0.5, -1 (mean 0.167), no NPS.
GF_ANSWERS = [(9, 10, 6, 5), (7, 10, 6, 4), (10, 4, 9, 1)]


def google_forms_csv(tmp_path: Path) -> Path:
    grid = "How would you rate each step of your visit?"
    rows: list[list[object]] = [["Timestamp", "Email address", "How likely are you to recommend us to a friend?",
                                 f"{grid} [Window display]", f"{grid} [Checkout queue]",
                                 "How satisfied were you with the fitting rooms?", "Any comments?"]]
    for k, (o, w, c, f) in enumerate(GF_ANSWERS):
        rows.append([f"3/{4 + k}/2024 10:22:0{k}", f"a{k}@example.com", o, w, c, f, "" if k else "Good music"])
    path = tmp_path / "Store survey (Responses) - Form Responses 1.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    return path


# ----------------------------------------------------------- Microsoft Forms
# overall 10, 10, 3, 7 -> 25.0; Window display 9, 8, 10, "" -> 66.7 (n 3);
# Checkout queue (5-star rating) 5, 3, 2, 4 -> sentiment 1, 0, -0.5, 0.5 (mean 0.25).
MS_ANSWERS = [(10, 9, 5), (10, 8, 3), (3, 10, 2), (7, None, 4)]


def microsoft_forms_xlsx(tmp_path: Path) -> Path:
    rows: list[list[object]] = [["ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
                                 "How likely are you to recommend us to a friend or colleague?",
                                 "How likely are you to recommend our window display?",
                                 "Rating - Checkout queue"]]
    for k, (o, w, c) in enumerate(MS_ANSWERS):
        start = datetime(2024, 3, 15 + k, 9, 30)
        rows.append([k + 1, start, start.replace(minute=41), "anonymous", "", None, o, w, c])
    return _xlsx(tmp_path / "Store survey(1-4).xlsx", rows)


# ------------------------------------------------------------------ Typeform
# overall 8, 9, 10, 0 -> 25.0; Window display 7, 8, 7, 10 -> 25.0; Checkout queue 10, "", 3, 9 -> 33.3 (n 3).
TF_ANSWERS = [(8, 7, 10), (9, 8, ""), (10, 7, 3), (0, 10, 9)]


def typeform_csv(tmp_path: Path) -> Path:
    rows: list[list[object]] = [["#", "How likely are you to recommend us to a friend?",
                                 "How was the window display?", "How was the checkout queue?", "Anything to add?",
                                 "Start Date (UTC)", "Submit Date (UTC)", "Network ID"]]
    for k, (o, w, c) in enumerate(TF_ANSWERS):
        rows.append([f"x1y2z3{k}", o, w, c, "", f"2024-03-{15 + k} 10:20:00", f"2024-03-{15 + k} 10:22:05",
                     f"c0ffee{k}"])
    path = tmp_path / "responses.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    return path


# ----------------------------------------------------------------- LimeSurvey
# overall 9, 9, 2 -> 33.3; Window display 10, "No answer", 5 -> 0.0 (n 2); Checkout queue 8 x3 -> 0.0;
# Fitting rooms (5 point choice) 5, 5, 3 -> sentiment 1, 1, 0 (mean 0.667).
LS_ANSWERS = [(9, 10, 8, 5), (9, "No answer", 8, 5), (2, 5, 8, 3)]


def limesurvey_csv(tmp_path: Path) -> Path:
    rate = "Please rate each step of your visit:"
    rows: list[list[object]] = [["Response ID", "Date submitted", "Last page", "Start language", "Seed",
                                 "Date started", "Date last action",
                                 "How likely are you to recommend us to a friend or colleague?",
                                 f"{rate} [Window display]", f"{rate} [Checkout queue]",
                                 "How satisfied were you with these? [Fitting rooms]", "Any comments?"]]
    for k, (o, w, c, f) in enumerate(LS_ANSWERS):
        when = f"2024-03-{15 + k} 10:22:05"
        rows.append([k + 1, when, 3, "en", 123456 + k, when, when, o, w, c, f, ""])
    path = tmp_path / "results-survey123456.csv"
    path.write_text(_csv(rows, quote_all=True), encoding="utf-8")
    return path


# ------------------------------------------------------- Spanish Excel (wide)
# overall 10, 9, 0, No aplica -> 33.3 (n 3); Cola en caja 9, 6, 7, "" -> 0.0 (n 3);
# Probadores No aplica, 10, 10, 3 -> 33.3 (n 3).
ES_ROWS = [
    ("15/03/2024", "Madrid", "10,0", "9", "No aplica", "Muy bien"),
    ("02/03/2024", "Sevilla", "9", "6", "10", ""),
    ("03/03/2024", "Madrid", "0 - Nada probable", "7", "10", "Lenta"),
    ("04/03/2024", "Madrid", "No aplica", "", "3", ""),
]


def spanish_excel_csv(tmp_path: Path, encoding: str = "cp1252") -> Path:
    rows: list[list[object]] = [["Fecha de envío", "Tienda", "¿Qué probabilidad hay de que nos recomiende a un amigo?",
                                 "Valoración - Cola en caja", "Valoración - Probadores", "Comentario"]]
    rows += [list(r) for r in ES_ROWS]
    path = tmp_path / f"encuesta-{encoding}.csv"
    path.write_bytes(_csv(rows, delimiter=";").encode(encoding))
    return path


def spanish_long_csv(tmp_path: Path) -> Path:
    """Long: one row per answer; the touchpoint column has a question as header."""
    rows: list[list[object]] = [["Fecha", "Tienda", "¿En qué paso de tu visita pensabas al responder?",
                                 "¿Qué probabilidad hay de que nos recomiende?", "Comentario"],
                                ["03/04/2024", "Madrid", "Cola en caja", "9", ""],
                                ["05/04/2024", "Madrid", "Cola en caja", "3", "Lenta"],
                                ["06/04/2024", "Sevilla", "Probadores", "10", ""],
                                ["07/04/2024", "Sevilla", "Probadores", "8", ""]]
    path = tmp_path / "respuestas.csv"
    path.write_bytes(_csv(rows, delimiter=";").encode("cp1252"))
    return path
