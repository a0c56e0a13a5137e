"""Cell values as survey tools write them: score labels, recoded scales, dates of every order.

Each parser returns the value, ``None`` (an unanswered or empty cell) or a
:class:`Reject` (a string: the reason). Parsers are built per column once its
sample has been looked at (:func:`score_scale`, :func:`date_order`), so a
column of ``03/04/2024`` values is read the same way from its first row to its
last.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from journeymap.services import reject_reasons as R
from journeymap.services.import_mapping import normalise
from journeymap.services.reject_reasons import Reject

__all__ = [
    "UNANSWERED",
    "Reject",
    "date_order",
    "date_parser",
    "datetime_parser",
    "is_unanswered",
    "leading_number",
    "score_parser",
    "score_scale",
]




# Cells that mean "not answered": never an error, never a response.
UNANSWERED = frozenset({
    "", "n/a", "na", "n.a.", "n/d", "-", "--", "no aplica", "no procede", "not applicable",
    "ns/nc", "nsnc", "no sabe", "no contesta", "prefer not to say", "prefiero no contestar",
    "don't know", "dont know", "no se", "none", "null", "no answer", "sin respuesta", "not answered",
})


def is_unanswered(raw: Any) -> bool:
    if raw is None:
        return True
    if raw.__class__ is str:
        return normalise(raw) in UNANSWERED
    return isinstance(raw, float) and math.isnan(raw)


def _show(raw: Any) -> str:
    text = repr(raw.strip()) if isinstance(raw, str) else repr(raw)
    return text if len(text) <= 60 else text[:59] + "…"


# "10 - Extremely likely", "0 = Nada probable", "9 (Promoter)", "7.", "8,0"
_LEADING = re.compile(r"\s*(-?\d{1,3})(?:[.,]0+)?(?=\s*(?:$|[-–—:=().,/]|\s))")
# "Extremely likely 10", "Muy probable - 10"
_TRAILING = re.compile(r".*?[\s\-–—:=(](\d{1,2})\)?\s*$")
ANCHOR_WORDS = {
    "extremely likely": 10, "extremadamente probable": 10, "muy probable": 10,
    "not at all likely": 0, "nada probable": 0, "nada probable en absoluto": 0,
    "not likely at all": 0, "en absoluto probable": 0,
}


def leading_number(raw: Any) -> float | None:
    """The number a score cell holds: ``9``, ``"9"``, ``"9,0"``, ``"10 - Extremely likely"``."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return None if isinstance(raw, float) and math.isnan(raw) else float(raw)
    if raw.__class__ is not str:
        return None
    s = raw.strip()
    try:
        return float(s.replace(",", "."))
    except ValueError:
        pass
    m = _LEADING.match(s)
    if m:
        return float(m.group(1))
    anchor = ANCHOR_WORDS.get(normalise(s))
    if anchor is not None:
        return float(anchor)
    m = _TRAILING.match(s)
    if m and re.search(r"[a-zA-Z]", s):
        return float(m.group(1))
    return None


# ------------------------------------------------------------------ scores
# What a column of numbers is, from its sample.
NPS = "nps"  # 0-10 as they are
RECODED = "recoded"  # 1-11: Qualtrics' default recode of an NPS question; score = value - 1
FIVE = "five"  # 1-5 satisfaction: sentiment (v - 3) / 2
SEVEN = "seven"  # 1-7 satisfaction: sentiment (v - 4) / 3
GROUP = "group"  # 1/2/3 (Qualtrics *_NPS_GROUP) or other derived categories: never a score
TEXT = "text"  # mostly not numbers
EMPTY = "empty"  # nothing answered in the sample


def score_scale(values: Iterable[Any], recommend: bool = False) -> str:
    """Decide what a column holds from a sample of its cells (see the module constants).

    *recommend* says the header asks the recommendation question, so a sample
    that happens to hold only 1-5 is still a 0-10 answer.
    """
    numbers: list[float] = []
    texts = 0
    for raw in values:
        if is_unanswered(raw):
            continue
        v = leading_number(raw)
        if v is None:
            texts += 1
        else:
            numbers.append(v)
    if not numbers:
        return TEXT if texts else EMPTY
    # Invalid cells (typos, out of range) do not decide the scale: they are rejected one by one.
    valid = [v for v in numbers if v.is_integer() and 0 <= v <= 11]
    if len(valid) * 2 < len(numbers) + texts or not valid:
        return TEXT
    numbers = valid
    lo, hi = min(numbers), max(numbers)
    if hi == 11 and lo >= 1:
        return RECODED
    if lo >= 0 and hi <= 10 and (lo == 0 or hi > 7 or recommend):
        return NPS
    if lo >= 1 and hi <= 3 and not recommend:
        return GROUP if hi == 3 and len(set(numbers)) <= 3 else FIVE
    if lo >= 1 and hi <= 5:
        return FIVE
    if lo >= 1 and hi <= 7:
        return SEVEN
    return NPS


def score_parser(scale: str) -> Callable[[Any], int | float | None | Reject]:
    """Cell -> 0-10 score (NPS, RECODED) or -1..1 sentiment (FIVE, SEVEN); None when unanswered."""
    top = {NPS: 10, RECODED: 11, FIVE: 5, SEVEN: 7}.get(scale, 10)
    low = 0 if scale == NPS else 1
    outside = {NPS: R.SCORE_OUTSIDE_0_10, RECODED: R.SCORE_OUTSIDE_1_11, FIVE: R.SCORE_OUTSIDE_1_5,
               SEVEN: R.SCORE_OUTSIDE_1_7}.get(scale, R.SCORE_OUTSIDE_0_10)

    def parse(raw: Any) -> int | float | None | Reject:
        if is_unanswered(raw):
            return None
        v = leading_number(raw)
        if v is None:
            return Reject(R.SCORE_NOT_A_NUMBER, _show(raw))
        if not v.is_integer():
            return Reject(R.SCORE_NOT_WHOLE, _show(raw))
        if not low <= v <= top:
            return Reject(outside, _show(raw))
        if scale == RECODED:
            return int(v) - 1
        if scale == FIVE:
            return (v - 3.0) / 2.0
        if scale == SEVEN:
            return (v - 4.0) / 3.0
        return int(v)

    return parse


# ------------------------------------------------------------------- dates
DMY = "dmy"
MDY = "mdy"
_SLASHED = re.compile(
    r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})"
    r"(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp]\.?\s?[Mm]\.?)?)?\s*"
)
_YEAR_FIRST = re.compile(
    r"(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})"
    r"(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp]\.?\s?[Mm]\.?)?)?"
    r"\s*(Z|UTC|GMT|[+\-]\d{2}:?\d{2})?\s*"
)
EXCEL_EPOCH = datetime(1899, 12, 30)
EXCEL_RANGE = (20000, 80000)  # 1954 .. 2119: a serial date, not a count


def has_slashed_dates(values: Iterable[Any]) -> bool:
    """Whether any cell is a d/m/y or m/d/y date (whose order needs deciding)."""
    return any(raw.__class__ is str and _SLASHED.fullmatch(raw.strip()) for raw in values)


def date_order(values: Iterable[Any]) -> str | None:
    """``"dmy"`` or ``"mdy"`` when the slashed dates of a sample decide it, else None (ambiguous)."""
    for raw in values:
        if raw.__class__ is not str:
            continue
        m = _SLASHED.fullmatch(raw.strip())
        if not m:
            continue
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b:
            return DMY
        if b > 12 >= a:
            return MDY
    return None


def _hour(h: str | None, ampm: str | None) -> int:
    hour = int(h or 0)
    if ampm:
        pm = ampm.strip().lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    return hour


# The date part of a timestamp: digits and separators, up to its time ("T", a space, a comma).
_DATE_HEAD = re.compile(r"[\d/.\-]+")
# A date of each kind to check a time part against the full pattern (the patterns are a date
# followed by an optional time, so a time that follows this date follows any date of its kind).
_CANONICAL = {"year": "2000-01-01", "slashed": "1/1/2000"}
_PART_MEMO_LIMIT = 50_000


def date_parser(order: str) -> Callable[[Any], str | None | Reject]:
    """Cell -> ISO ``YYYY-MM-DD``; slashed dates read day-first (``dmy``) or month-first (``mdy``).

    The time of day is only checked (``13:61`` is not a time); a time zone is
    kept as written, so the date is the respondent's local date the tool wrote.

    Survey timestamps are nearly all distinct ("3/14/2026 13:05:41") while their
    dates and times are few: a timestamp's date part and time part are parsed once
    each and remembered, so 200,000 rows cost a few hundred parses, not 200,000.
    """
    full = _date_parser(order)
    heads: dict[str, tuple[str | None, str | None | Reject]] = {}
    tails: dict[tuple[str, str], bool] = {}

    def parse(raw: Any) -> str | None | Reject:
        if raw.__class__ is not str:
            return full(raw)
        s = raw.strip()
        m = _DATE_HEAD.match(s)
        if m is None:
            return full(raw)
        head, tail = s[: m.end()], s[m.end():]
        got = heads.get(head)
        if got is None:
            kind = "year" if _YEAR_FIRST.fullmatch(head) else "slashed" if _SLASHED.fullmatch(head) else None
            got = (kind, full(head) if kind else None)
            if len(heads) > _PART_MEMO_LIMIT:
                heads.clear()
            heads[head] = got
        kind, value = got
        if kind is None or value.__class__ is not str:
            return full(raw)  # a serial number, no date at all, or a date that does not exist: say why in full
        if not tail:
            return value
        ok = tails.get((kind, tail))
        if ok is None:
            ok = full(_CANONICAL[kind] + tail).__class__ is str
            if len(tails) > _PART_MEMO_LIMIT:
                tails.clear()
            tails[(kind, tail)] = ok
        return value if ok else full(raw)

    return parse


def _date_parser(order: str) -> Callable[[Any], str | None | Reject]:
    """:func:`date_parser` without its memory of date and time parts."""
    day_first = order == DMY

    def parse(raw: Any) -> str | None | Reject:
        if raw is None:
            return None
        if isinstance(raw, datetime):
            return raw.date().isoformat()
        if isinstance(raw, date):
            return raw.isoformat()
        if isinstance(raw, bool):
            return Reject(R.DATE_NOT_A_DATE, _show(raw))
        if isinstance(raw, int | float):
            return _serial(raw)
        if raw.__class__ is not str:
            return Reject(R.DATE_NOT_A_DATE, _show(raw))
        s = raw.strip()
        if not s or is_unanswered(s):
            return None
        m = _YEAR_FIRST.fullmatch(s)
        if m:
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            hh, mm, ampm = m.group(4), m.group(5), m.group(7)
        else:
            m = _SLASHED.fullmatch(s)
            if not m:
                try:
                    return _serial(float(s.replace(",", ".")))
                except ValueError:
                    return Reject(R.DATE_NOT_A_DATE, _show(raw))
            a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            y += 2000 if y < 100 else 0
            d, mo = (a, b) if day_first else (b, a)
            hh, mm, ampm = m.group(4), m.group(5), m.group(7)
        if hh is not None and (_hour(hh, ampm) > 23 or int(mm) > 59):
            return Reject(R.DATE_NO_VALID_TIME, _show(raw))
        try:
            return date(y, mo, d).isoformat()
        except ValueError:
            return Reject(R.DATE_DOES_NOT_EXIST, _show(raw))

    return parse


def _serial(value: float) -> str | Reject:
    if not EXCEL_RANGE[0] <= value <= EXCEL_RANGE[1]:
        return Reject(R.DATE_NOT_A_DATE, _show(value))
    return (EXCEL_EPOCH + timedelta(days=int(value))).date().isoformat()


# ------------------------------------------------------------- timestamps
# Event logs need the time of day too (the order of a customer's events); same formats as dates.
_ISO_FAST = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?")
# ``YYYY-MM-DD HH:MM:SS`` with a valid month and time (days after the 28th are checked apart).
_ISO_PLAIN = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[T ](?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d")


def _day_exists(text: str) -> bool:
    try:
        date(int(text[:4]), int(text[5:7]), int(text[8:10]))
    except ValueError:
        return False
    return True

_OFFSET = re.compile(r"([+\-])(\d{2}):?(\d{2})")
EPOCH_RANGE = (315532800, 4102444800)  # 1980 .. 2100 in Unix seconds


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _from_epoch(value: float) -> str | None:
    """Unix seconds, milliseconds or microseconds (GA4's ``event_timestamp``) as UTC; None if none of them."""
    for scale in (1, 1000, 1_000_000):
        seconds = value / scale
        if EPOCH_RANGE[0] <= seconds < EPOCH_RANGE[1]:
            return _stamp(datetime(1970, 1, 1) + timedelta(seconds=seconds))
    return None


def datetime_parser(order: str, required: bool = False) -> Callable[[Any], str | None | Reject]:
    """Cell -> ``YYYY-MM-DD HH:MM:SS``: the dates of :func:`date_parser` with their time of day.

    A time written with a zone (``Z``, ``+02:00``) is turned into UTC; one without is kept as
    written. Unix timestamps (seconds, milliseconds, microseconds) are UTC; Excel serials keep
    their fraction of a day; ``YYYYMMDD`` (GA4's ``event_date``) is a date. A date alone is midnight.
    An empty cell is None, or a rejection when the time is *required*.
    """
    day_first = order == DMY
    plain = _ISO_PLAIN.fullmatch
    missing = Reject(R.MISSING_TIMESTAMP) if required else None

    def parse(raw: Any) -> str | None | Reject:
        if raw.__class__ is str and plain(raw):  # what most logs write: nothing to convert
            if raw[8:10] > "28" and not _day_exists(raw):
                return Reject(R.DATE_DOES_NOT_EXIST, _show(raw))
            return raw if raw[10] == " " else raw.replace("T", " ")
        if raw is None:
            return missing
        if isinstance(raw, datetime):
            if raw.tzinfo is not None:
                raw = raw.astimezone(UTC).replace(tzinfo=None)
            return _stamp(raw)
        if isinstance(raw, date):
            return raw.isoformat() + " 00:00:00"
        if isinstance(raw, bool):
            return Reject(R.DATE_NOT_A_DATE, _show(raw))
        if isinstance(raw, int | float):
            if isinstance(raw, int) and 19000101 <= raw <= 21001231:
                return parse(str(raw))
            return _number_time(raw)
        if raw.__class__ is not str:
            return Reject(R.DATE_NOT_A_DATE, _show(raw))
        s = raw.strip()
        m = _ISO_FAST.fullmatch(s)
        if m:  # the common case, checked as text without building a datetime
            sec = m.group(6) or "00"
            if "01" <= s[5:7] <= "12" and "01" <= s[8:10] <= "28" and s[11:13] <= "23" and s[14:16] <= "59" \
                    and sec <= "59":
                return f"{s[:10]} {s[11:16]}:{sec}"
        if not s or is_unanswered(s):
            return missing
        m = _YEAR_FIRST.fullmatch(s)
        sec = "0"
        zone = None
        if m:
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            hh, mm, ampm, zone = m.group(4), m.group(5), m.group(7), m.group(8)
            sec = m.group(6) or "0"
        else:
            m = _SLASHED.fullmatch(s)
            if not m:
                if s.isdigit() and len(s) == 8:  # 20240305
                    try:
                        return date(int(s[:4]), int(s[4:6]), int(s[6:])).isoformat() + " 00:00:00"
                    except ValueError:
                        return Reject(R.DATE_DOES_NOT_EXIST, _show(raw))
                try:
                    return _number_time(float(s.replace(",", ".")) if not s.isdigit() else int(s), raw)
                except ValueError:
                    return Reject(R.DATE_NOT_A_DATE, _show(raw))
            a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            y += 2000 if y < 100 else 0
            d, mo = (a, b) if day_first else (b, a)
            hh, mm, ampm = m.group(4), m.group(5), m.group(7)
            sec = m.group(6) or "0"
        hour = _hour(hh, ampm)
        minute = int(mm or 0)
        second = int(sec)
        if hh is not None and (hour > 23 or minute > 59 or second > 59):
            return Reject(R.DATE_NO_VALID_TIME, _show(raw))
        try:
            moment = datetime(y, mo, d, hour, minute, second)
        except ValueError:
            return Reject(R.DATE_DOES_NOT_EXIST, _show(raw))
        if zone and zone not in ("Z", "UTC", "GMT"):
            z = _OFFSET.fullmatch(zone)
            if z:
                offset = timedelta(hours=int(z.group(2)), minutes=int(z.group(3)))
                moment = moment - offset if z.group(1) == "+" else moment + offset
        return _stamp(moment)

    return parse


def _number_time(value: float, raw: Any = None) -> str | Reject:
    """An Excel serial (with its time of day) or a Unix timestamp."""
    shown = value if raw is None else raw
    if isinstance(value, float) and math.isnan(value):
        return Reject(R.DATE_NOT_A_DATE, _show(shown))
    if EXCEL_RANGE[0] <= value <= EXCEL_RANGE[1]:
        return _stamp(_round_second(EXCEL_EPOCH + timedelta(days=float(value))))
    stamp = _from_epoch(float(value))
    if stamp is None:
        return Reject(R.DATE_NOT_A_DATE, _show(shown))
    return stamp


def _round_second(moment: datetime) -> datetime:
    """Excel serials are binary fractions of a day: 14:30 may read 14:29:59.9999."""
    return (moment + timedelta(microseconds=500_000)).replace(microsecond=0)
