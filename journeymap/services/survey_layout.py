"""What each column of a survey export is: the import plan.

Two layouts:

* **long**: one row per answer, a touchpoint column (found by its header or by
  its values being touchpoint titles) and a score column;
* **wide** (what survey tools export): one row per respondent, one column per
  touchpoint. A column belongs to a touchpoint when its label names the
  touchpoint's title, alone or inside a question (``[Window display]``,
  ``Question - Window display``, ``...: Checkout queue``), compared case-,
  accent- and punctuation-insensitively, the longest title winning.

A column's content decides its scale (``survey_values.score_scale``): 0-10 is
NPS, 1-11 is recoded with a note, 1-5 / 1-7 are satisfaction scales read as
sentiment, 1/2/3 "group" columns are derived and never scores. The date column
gets a day/month order from its values, else the file's locale hints, else the
UI language. Everything the plan decided that the user should know is a
:class:`Note` (translated where shown).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from journeymap.domain.model import Touchpoint
from journeymap.services.import_mapping import guess_mapping, normalise, normalise_header
from journeymap.services.survey_headers import Header
from journeymap.services.survey_values import (
    DMY,
    EMPTY,
    FIVE,
    GROUP,
    MDY,
    NPS,
    RECODED,
    SEVEN,
    TEXT,
    date_order,
    has_slashed_dates,
    is_unanswered,
    leading_number,
    score_scale,
)

LONG, WIDE = "long", "wide"
# Roles of a column.
TOUCHPOINT = "touchpoint"  # long: the touchpoint of the row
SCORE = "score"  # long: the row's score; wide (with a touchpoint id): that touchpoint's score
SENTIMENT = "sentiment"
COMMENT = "comment"
DATE = "date"
SEGMENT = "segment"
OVERALL = "overall"  # wide: the map's relationship NPS
IGNORED = "ignored"
UNKNOWN = "unknown"  # names no touchpoint: reported, not imported
ROLES = (TOUCHPOINT, SCORE, SENTIMENT, COMMENT, DATE, SEGMENT, OVERALL, IGNORED, UNKNOWN)

TOUCHPOINT_HEADERS = frozenset({"touchpoint", "touchpoint id", "touch point", "punto de contacto", "punto contacto",
                                "interaction", "interaccion", "touchpoint title"})
RECOMMEND_STEMS = ("recomend", "recommend", "likel", "probab", "nps")
SCORE_WORDS = ("score", "puntuacion", "valoracion", "rating", "nota", "calificacion")
DATE_PHRASES = (
    "submitted at", "submit date", "date submitted", "completion time", "end date", "enddate",
    "recorded date", "recordeddate", "fecha de envio", "fecha de finalizacion", "hora de finalizacion",
    "timestamp", "marca temporal", "marca de tiempo", "fecha", "date", "start time", "start date",
    "startdate", "hora de inicio", "fecha de inicio",
)
DATE_PREFERENCE = DATE_PHRASES  # earlier phrases win when several columns are dates
COMMENT_STEMS = (
    "comment", "coment", "feedback", "verbatim", "why", "por que", "porque", "motivo", "reason", "razon",
    "explain", "tell us", "cuentanos", "observacion", "sugerencia", "suggest", "opinion", "anything",
    "algo mas", "better", "mejorar",
)
SEGMENT_WORDS = ("segment", "segmento", "store", "tienda", "region", "sucursal", "branch", "shop", "centro")
DERIVED_WORDS = ("group", "grupo", "category", "categoria", "clasificacion", "classification")
METADATA = {
    "response id", "responseid", "respondent id", "collector id", "ip address", "ipaddress", "duration",
    "duration in seconds", "progress", "finished", "status", "email", "email address", "e mail", "correo",
    "correo electronico", "name", "nombre", "first name", "last name", "recipientlastname",
    "recipientfirstname", "recipientemail", "externalreference", "external reference",
    "externaldatareference", "locationlatitude", "locationlongitude", "distributionchannel",
    "userlanguage", "network id", "id", "last page", "start language", "seed", "token", "ref",
    "custom data 1", "user agent", "tags", "response type", "idioma", "ultima pagina", "id de respuesta",
    "hora de la ultima modificacion", "last modified time", "points", "total points", "puntos",
    "quiz feedback",
}


@dataclass(frozen=True)
class Note:
    """Something the import decided, for the summary: an English template (%1...) and its values."""

    template: str
    args: tuple[Any, ...] = ()

    def english(self) -> str:
        text = self.template
        for i in range(len(self.args), 0, -1):
            text = text.replace(f"%{i}", str(self.args[i - 1]))
        return text


@dataclass
class Column:
    index: int
    code: str  # first header row
    label: str  # question text when the tool wrote one
    role: str = UNKNOWN
    touchpoint_id: int | None = None
    scale: str = ""  # nps, recoded, five, seven (score / sentiment / overall columns)
    why: str = ""  # "header", "values", "derived", "metadata", "explicit", "profile"...

    @property
    def shown(self) -> str:
        if self.label and self.label != self.code and self.code:
            return f"{self.code}: {self.label}"
        return self.label or self.code or f"#{self.index + 1}"


@dataclass
class Plan:
    layout: str
    columns: list[Column]
    date_order: str = MDY
    date_order_why: str = "language"  # "values", "file", "language"
    notes: list[Note] = field(default_factory=list)
    tool: str = ""
    extra_rows: int = 0
    signature: str = ""

    def by_role(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.role == role]

    def first(self, role: str) -> Column | None:
        found = self.by_role(role)
        return found[0] if found else None

    @property
    def unknown(self) -> list[Column]:
        return self.by_role(UNKNOWN)


def signature(codes: Sequence[str]) -> str:
    """The header signature of a file: the same survey exported next month has the same one."""
    text = "\x1f".join(normalise_header(c) for c in codes)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def _words(text: str) -> list[str]:
    return normalise_header(text).split()


def _has_stem(text: str, stems: Iterable[str]) -> bool:
    words = _words(text)
    joined = " " + " ".join(words) + " "
    for stem in stems:
        if " " in stem:
            if f" {stem} " in joined:
                return True
        elif any(w.startswith(stem) for w in words):
            return True
    return False


def _has_phrase(text: str, phrases: Iterable[str]) -> str | None:
    joined = " " + normalise_header(text) + " "
    for p in phrases:
        if f" {p} " in joined:
            return p
    return None


class TitleIndex:
    """Touchpoint titles of a map, to find the one a header names (longest title wins)."""

    def __init__(self, touchpoints: Iterable[Touchpoint]):
        self.by_key: dict[str, list[int]] = {}
        self.ids: set[int] = set()
        for tp in touchpoints:
            assert tp.id is not None
            key = normalise_header(tp.title)
            if key:
                self.by_key.setdefault(key, []).append(tp.id)
            self.ids.add(tp.id)
        self.keys = sorted(self.by_key, key=len, reverse=True)
        self.exact = {normalise(tp.title) for tp in touchpoints}

    def named_in(self, text: str) -> int | None | str:
        """The id of the touchpoint *text* names, None if none, "ambiguous" for two of one title."""
        joined = " " + normalise_header(text) + " "
        for key in self.keys:
            if f" {key} " in joined:
                ids = self.by_key[key]
                return ids[0] if len(ids) == 1 else "ambiguous"
        return None

    def share_of_titles(self, values: Iterable[Any]) -> float:
        seen = hits = 0
        verdicts: dict[tuple[type, Any], int] = {}  # per distinct cell (a sample repeats its scores): see _verdict
        for v in values:
            try:
                key = (v.__class__, v)
                verdict = verdicts.get(key)
                if verdict is None:
                    verdict = verdicts[key] = self._verdict(v)
            except TypeError:  # an unhashable cell
                verdict = self._verdict(v)
            seen += verdict > 0
            hits += verdict == 2
        return hits / seen if seen else 0.0

    def _verdict(self, v: Any) -> int:
        """0: unanswered, 1: an answer, 2: an answer that is a touchpoint's title."""
        if is_unanswered(v):
            return 0
        return 2 if isinstance(v, str) and normalise_header(v) in self.by_key else 1


def _is_touchpoint_column(col: Column, values: list[Any], titles: TitleIndex) -> bool:
    """A header that says "touchpoint" is the touchpoint column unless it is a question about one
    (``Rate each step [Touchpoint 12]``) whose values are scores rather than titles or ids."""
    if normalise_header(col.code) in TOUCHPOINT_HEADERS:
        return True
    answered = [v for v in values if not is_unanswered(v)]
    if not answered:
        return True
    ids = sum(1 for v in answered if (n := leading_number(v)) is not None and n.is_integer() and int(n) in titles.ids)
    return titles.share_of_titles(answered) >= 0.5 or ids * 2 >= len(answered) and score_scale(answered) != NPS


def _mean_length(values: Iterable[Any]) -> float:
    texts = [v.strip() for v in values if isinstance(v, str) and not is_unanswered(v)]
    return sum(map(len, texts)) / len(texts) if texts else 0.0


def _locale_hints(header: Header, delimiter: str, encoding: str) -> bool:
    """Whether the file looks like a Spanish-locale export (day-first dates)."""
    if delimiter == ";" or encoding in ("cp1252", "latin-1"):
        return True
    spanish = ("fecha", "tienda", "recomend", "valoracion", "probabilidad", "marca temporal", "comentario")
    return any(_has_stem(label, spanish) for label in header.labels)


def parse_override(spec: str, field_names: Sequence[str]) -> tuple[str, int | None]:
    """``"score"`` -> (score, None); ``"12"`` -> (score, 12): a touchpoint id; ``"ignore"`` -> ignored."""
    s = spec.strip().lower()
    if s in ("ignore", "ignored", "none", "skip", "ignorar"):
        return IGNORED, None
    if s.isdigit():
        return SCORE, int(s)
    if s in field_names:
        return s, None
    raise ValueError(spec)


def make_plan(
    header: Header,
    touchpoints: Sequence[Touchpoint],
    *,
    layout: str | None = None,
    overrides: Mapping[int, tuple[str, int | None]] | None = None,
    no_date: bool = False,
    delimiter: str = "",
    encoding: str = "",
    ui_language: str = "en",
) -> Plan:
    """Classify every column of *header*; *overrides* (0-based column -> role, touchpoint id) win."""
    titles = TitleIndex(touchpoints)
    overrides = dict(overrides or {})
    cols = [Column(i, header.codes[i], header.labels[i]) for i in range(len(header.codes))]
    guess = guess_mapping(header.codes)
    texts = [f"{c.code} {c.label}" if c.label != c.code else c.code for c in cols]

    # Layout: a touchpoint column (by header, else by values) makes it long.
    tp_col: int | None = None
    forced = {i: r for i, r in overrides.items() if r[0] == TOUCHPOINT}
    if forced:
        tp_col = min(forced)
    elif layout != WIDE:
        guessed = guess["touchpoint"]
        if guessed is not None and _is_touchpoint_column(cols[guessed], header.column(guessed), titles):
            tp_col = guessed
        else:
            for c in cols:
                if c.index in overrides:
                    continue
                if titles.share_of_titles(header.column(c.index)) >= 0.6:
                    tp_col = c.index
                    cols[c.index].why = "values"
                    break
    chosen = layout or (LONG if tp_col is not None else WIDE)
    plan = Plan(chosen, cols, tool=header.tool, extra_rows=header.extra_rows, signature=signature(header.codes))
    if chosen == LONG and tp_col is not None:
        cols[tp_col].role = TOUCHPOINT
        cols[tp_col].why = cols[tp_col].why or "header"

    dates: list[tuple[int, Column]] = []
    for c, text in zip(cols, texts):
        if c.index in overrides:
            role, tp = overrides[c.index]
            c.role, c.touchpoint_id, c.why = role, tp, "explicit"
            if role in (SCORE, SENTIMENT, OVERALL):
                # The user says what the column is about; its content still says which scale.
                scale = score_scale(header.column(c.index), _has_stem(text, RECOMMEND_STEMS) or role == OVERALL)
                if scale in (FIVE, SEVEN) and role != OVERALL:
                    c.role, c.scale = SENTIMENT, scale
                elif scale == RECODED:
                    c.scale = RECODED
            continue
        if c.role == TOUCHPOINT:
            continue
        values = header.column(c.index)
        name = normalise_header(c.code)
        if _has_stem(text, DERIVED_WORDS) or name.endswith("nps group"):
            c.role, c.why = IGNORED, "derived"
            continue
        if not name and not normalise_header(c.label) or name in METADATA or normalise_header(c.label) in METADATA:
            c.role, c.why = IGNORED, "metadata"
            continue
        phrase = _has_phrase(text, DATE_PHRASES)
        if phrase:
            c.role, c.why = DATE, "header"
            dates.append((DATE_PREFERENCE.index(phrase), c))
            continue
        recommend = _has_stem(text, RECOMMEND_STEMS)
        scale = score_scale(values, recommend)
        if scale == GROUP and not recommend:
            c.role, c.why = IGNORED, "derived"
            continue
        named = titles.named_in(text) if chosen == WIDE else None
        if named == "ambiguous":
            c.role, c.why = UNKNOWN, "ambiguous"
            continue
        if named is not None:
            c.touchpoint_id = int(named)
            c.why = "header"
            if scale in (NPS, RECODED, EMPTY):
                c.role, c.scale = SCORE, NPS if scale == EMPTY else scale
            elif scale in (FIVE, SEVEN):
                c.role, c.scale = SENTIMENT, scale
            else:
                c.role = COMMENT
            continue
        if chosen == LONG:
            if guess["score"] == c.index or (
                scale in (NPS, RECODED, FIVE, SEVEN) and (recommend or _has_stem(text, SCORE_WORDS))
            ):
                c.role, c.why = SCORE, "header"
                c.scale = scale if scale in (NPS, RECODED, FIVE, SEVEN) else NPS
                continue
            if guess["sentiment"] == c.index:
                c.role, c.why = SENTIMENT, "header"
                continue
        elif recommend and scale in (NPS, RECODED, EMPTY):
            c.role, c.why, c.scale = OVERALL, "header", NPS if scale == EMPTY else scale
            continue
        if _has_stem(text, COMMENT_STEMS) or (scale == TEXT and _mean_length(values) >= 20):
            c.role, c.why = COMMENT, "header"
            continue
        if _has_stem(text, SEGMENT_WORDS) or guess["segment"] == c.index:
            c.role, c.why = SEGMENT, "header"
            continue
        c.role, c.why = UNKNOWN, "no touchpoint"
    _settle(plan, dates, no_date)
    _date_order(plan, header, delimiter, encoding, ui_language)
    _notes(plan)
    return plan


def _settle(plan: Plan, dates: list[tuple[int, Column]], no_date: bool) -> None:
    """One column per row-level role: the first (or the preferred date); the others are ignored."""
    if dates:
        dates.sort(key=lambda pc: (pc[0], pc[1].index))
        for _, c in dates[1:]:
            c.role, c.why = IGNORED, "other date"
    explicit_date = [c for c in plan.columns if c.role == DATE and c.why == "explicit"]
    if explicit_date:
        for c in plan.columns:
            if c.role == DATE and c is not explicit_date[0]:
                c.role, c.why = IGNORED, "other date"
    if no_date:
        for c in plan.by_role(DATE):
            c.role, c.why = IGNORED, "no date"
    single = (SEGMENT, OVERALL, TOUCHPOINT) + ((SCORE, SENTIMENT) if plan.layout == LONG else ())
    for role in single:
        for c in plan.by_role(role)[1:]:
            if c.touchpoint_id is None:
                c.role, c.why = IGNORED, f"second {role}"
    if plan.layout == WIDE:
        row_comments = [c for c in plan.by_role(COMMENT) if c.touchpoint_id is None]
        for c in row_comments[1:]:
            c.role, c.why = IGNORED, "second comment"
        for role in (SCORE, SENTIMENT):
            seen: set[int] = set()
            for c in plan.by_role(role):
                if c.touchpoint_id in seen:
                    c.role, c.why = IGNORED, f"second {role}"
                seen.add(c.touchpoint_id)  # type: ignore[arg-type]
    else:
        for c in plan.by_role(COMMENT)[1:]:
            c.role, c.why = IGNORED, "second comment"
    for c in plan.columns:
        if c.role in (SCORE, SENTIMENT, OVERALL) and not c.scale:
            c.scale = NPS if c.role != SENTIMENT else ""


def _date_order(plan: Plan, header: Header, delimiter: str, encoding: str, ui_language: str) -> None:
    col = plan.first(DATE)
    if col is None:
        return
    values = header.column(col.index)
    order = date_order(values)
    if not has_slashed_dates(values):
        plan.date_order_why = "unambiguous"  # ISO, year first, date cells or serials
    elif order:
        plan.date_order, plan.date_order_why = order, "values"
    elif _locale_hints(header, delimiter, encoding):
        plan.date_order, plan.date_order_why = DMY, "file"
    else:
        plan.date_order, plan.date_order_why = (DMY if ui_language == "es" else MDY), "language"


ORDER_NOTES = {
    (DMY, "values"): "Dates in %1 read day first (from their values).",
    (MDY, "values"): "Dates in %1 read month first (from their values).",
    (DMY, "file"): "Dates in %1 read day first: the values allow both, and the file looks Spanish-locale.",
    (MDY, "file"): "Dates in %1 read month first: the values allow both.",
    (DMY, "language"): "Dates in %1 read day first: the values allow both, so the app's language decides.",
    (MDY, "language"): "Dates in %1 read month first: the values allow both, so the app's language decides.",
}


def _notes(plan: Plan) -> None:
    notes = plan.notes
    if plan.extra_rows:
        notes.append(Note("Header rows after the first, read as headers: %1.", (plan.extra_rows,)))
    for c in plan.columns:
        if c.scale == RECODED:
            notes.append(Note("%1: values 1-11 are Qualtrics' default recode of 0-10; read as value - 1.", (c.shown,)))
        elif c.role == SENTIMENT and c.scale == FIVE:
            notes.append(Note("%1: a 1-5 satisfaction scale, imported as sentiment (-1..+1), not as NPS.", (c.shown,)))
        elif c.role == SENTIMENT and c.scale == SEVEN:
            notes.append(Note("%1: a 1-7 satisfaction scale, imported as sentiment (-1..+1), not as NPS.", (c.shown,)))
        elif c.role == IGNORED and c.why == "derived":
            notes.append(Note("%1: a derived column (group or category), not a score; ignored.", (c.shown,)))
        elif c.role == OVERALL:
            notes.append(Note("%1: the overall NPS of the map (it names no touchpoint).", (c.shown,)))
        elif c.role == UNKNOWN and c.why == "ambiguous":
            notes.append(Note("%1: names a title several touchpoints share; not imported.", (c.shown,)))
        elif c.role == UNKNOWN:
            notes.append(Note("%1: names no touchpoint of this map; not imported.", (c.shown,)))
    col = plan.first(DATE)
    if col is not None and (plan.date_order, plan.date_order_why) in ORDER_NOTES:
        notes.append(Note(ORDER_NOTES[(plan.date_order, plan.date_order_why)], (col.shown,)))


def describe_values(values: Iterable[Any]) -> str:
    """A few distinct example values of a column, for the dialog's column table."""
    seen: list[str] = []
    for v in values:
        if is_unanswered(v):
            continue
        text = str(v).strip()
        if text not in seen:
            seen.append(text)
        if len(seen) == 3:
            break
    return ", ".join(t if len(t) <= 24 else t[:23] + "…" for t in seen)


__all__ = [
    "COMMENT", "DATE", "IGNORED", "LONG", "OVERALL", "ROLES", "SCORE", "SEGMENT", "SENTIMENT", "TOUCHPOINT",
    "UNKNOWN", "WIDE", "Column", "Note", "Plan", "TitleIndex", "describe_values", "leading_number",
    "make_plan", "parse_override", "signature",
]
