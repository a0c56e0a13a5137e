"""The header of a survey export: extra header rows, merged question cells, column labels.

Survey tools write more than one header row:

* Qualtrics (CSV and XLSX): row 1 the export tags (``Q1_1``), row 2 the question
  text (``How likely ... - Window display``), row 3 ``{"ImportId":"QID1_1"}``;
  legacy exports have only the first two.
* SurveyMonkey: row 1 the question text in the first column of a merged cell
  (the cells it spans are empty), row 2 the sub-question or answer label
  (``Response``, ``Open-Ended Response``, a matrix row's label).

:func:`read_header` reads those rows ahead of the data, says how many there
were and builds one label per column that names what it asks (question text
with the sub-question carried over from the merged cell).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from journeymap.services.import_mapping import normalise_header
from journeymap.services.survey_values import date_parser

_DATE = date_parser("dmy")
SAMPLE_ROWS = 500  # data rows read ahead to classify the columns
_IMPORT_ID = re.compile(r'^\s*\{\s*"ImportId"\s*:')
# SurveyMonkey's answer labels under a single-answer question: not part of the name.
PLAIN_ANSWER = {"response", "open ended response", "respuesta", "respuesta abierta", "other please specify"}
QUALTRICS_META = {"startdate", "start date", "enddate", "end date", "responseid", "response id", "status"}


@dataclass
class Header:
    """The header of one file: its column labels, codes and the data rows read ahead."""

    codes: list[str]  # the first header row, as written
    labels: list[str]  # what each column asks (question text when the tool wrote it)
    extra_rows: int = 0  # header rows after the first
    tool: str = ""  # "qualtrics", "surveymonkey" or ""
    sample: list[list[Any]] = field(default_factory=list)

    def column(self, i: int) -> list[Any]:
        return [r[i] if i < len(r) else None for r in self.sample]


def _text(v: Any) -> str:
    return "" if v is None else str(v).strip()


def _is_data(v: Any) -> bool:
    """A cell that looks like an answer (a number or a date), not a label."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return False
    if not isinstance(v, str):
        return True
    if re.fullmatch(r"\s*-?\d+([.,]\d+)?\s*", v):
        return True
    return type(_DATE(v)) is str


def _qualtrics_rows(codes: list[str], ahead: list[list[Any]]) -> int:
    for k, row in enumerate(ahead[:2]):
        if any(isinstance(v, str) and _IMPORT_ID.match(v) for v in row):
            return k + 1
    # Legacy export: row 2 repeats the metadata names as words ("Start Date") where dates go.
    names = [normalise_header(c) for c in codes]
    if ahead and sum(n in QUALTRICS_META for n in names) >= 2:
        first = ahead[0]
        meta = [i for i, n in enumerate(names) if n in QUALTRICS_META and i < len(first)]
        if meta and all(not _is_data(first[i]) and _text(first[i]) for i in meta):
            return 1
    return 0


def _surveymonkey_row(codes: list[str], ahead: list[list[Any]]) -> bool:
    """Row 2 holds labels under merged question cells: its first cell empty, no answers in it."""
    if not ahead or not codes:
        return False
    row = ahead[0]
    cells = [_text(v) for v in row]
    if not cells or cells[0]:
        return False
    filled = [c for c in cells if c]
    if not filled:
        return False
    if any(_is_data(v) for v in row if _text(v)):
        return False
    plain = sum(normalise_header(c) in PLAIN_ANSWER for c in filled)
    return plain > 0 or "" in codes[1:]


def read_header(src: Any, sample_rows: int = SAMPLE_ROWS) -> Header:
    """Read the extra header rows and a sample of data rows of *src*; the data rows are unread.

    ``src.header_row`` moves past the extra header rows, so rejected rows keep
    the row numbers a spreadsheet shows.
    """
    codes = [_text(h) for h in src.headers]
    rows = src.rows()
    ahead = [list(r) for r in islice(rows, sample_rows + 2)]
    labels = list(codes)
    extra, tool = 0, ""
    q = _qualtrics_rows(codes, ahead)
    if q:
        extra, tool = q, "qualtrics"
        if q == 2 or not any(isinstance(v, str) and _IMPORT_ID.match(v) for v in ahead[0]):
            text = ahead[0]
            labels = [_text(text[i]) if i < len(text) and _text(text[i]) else c for i, c in enumerate(codes)]
    elif _surveymonkey_row(codes, ahead):
        extra, tool = 1, "surveymonkey"
        sub = ahead[0]
        question = ""
        labels = []
        for i, c in enumerate(codes):
            question = c or question
            s = _text(sub[i]) if i < len(sub) else ""
            if not s or normalise_header(s) in PLAIN_ANSWER:
                labels.append(question if (c or s) else "")
            elif c and not question:
                labels.append(s)
            else:
                labels.append(f"{question} - {s}")
    src.header_row += extra
    data = ahead[extra:]
    src.unread(data)
    width = max([len(codes), *(len(r) for r in data[:sample_rows])]) if data else len(codes)
    codes += [""] * (width - len(codes))
    labels += [""] * (width - len(labels))
    return Header(codes, labels, extra, tool, data[:sample_rows])
