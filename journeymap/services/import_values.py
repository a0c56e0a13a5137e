"""The cells of a survey file as values: scores, counts, dates, sentiments and touchpoints.

Each parser returns the value, or a :class:`~journeymap.services.reject_reasons.Reject`
(the reason, as a string; checked with ``type(x) is Reject``) that rejects the row.

Values accepted
  score      an integer 0-10: ``9``, ``"9"``, ``"9.0"``, ``"9,0"``; a fraction
             such as ``9.5`` is rejected (NPS answers are whole numbers).
  date       ISO ``YYYY-MM-DD`` (optionally followed by a time), ``DD/MM/YYYY``,
             ``DD-MM-YYYY``, ``DD.MM.YYYY``, or a date/datetime cell; stored as
             ISO ``YYYY-MM-DD`` text. Empty means no date.
  sentiment  see :func:`detect_sentiment_scale`; words in English or Spanish
             (``positive``/``positivo`` = 0.5, ``very positive``/``muy positivo``
             = 1, ``neutral``/``neutro`` = 0, ``negative``/``negativo`` = -0.5,
             ``very negative``/``muy negativo`` = -1). Empty means none.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from journeymap.domain.metrics import SENTIMENT_SCALE
from journeymap.domain.model import Touchpoint
from journeymap.services import reject_reasons as R
from journeymap.services.import_mapping import normalise
from journeymap.services.reject_reasons import Reject

MAX_COUNT = 10_000_000  # largest promoters/passives/detractors count in one cell

SHOW_CHARS = 60  # longest cell value quoted in a reason


def _show(raw: Any) -> str:
    text = repr(raw.strip()) if isinstance(raw, str) else repr(raw)
    return text if len(text) <= SHOW_CHARS else text[: SHOW_CHARS - 1] + "…"


def headers_text(headers: list[str], limit: int = 12) -> str:
    """The non-empty headers, quoted and shortened, for an error message."""
    shown = [h for h in headers if h]
    text = ", ".join(_show(h) for h in shown[:limit])
    if len(shown) > limit:
        text += f"… ({len(shown)} columns)"
    return text


def _number(raw: Any) -> float | None:
    """A float from a cell (``"9,0"`` accepted), or None if it is not a number."""
    if raw.__class__ is str:
        try:
            return float(raw.strip().replace(",", "."))
        except ValueError:
            return None
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return None
    return float(raw)


def parse_score(raw: Any) -> int | Reject:
    if raw is None or (raw.__class__ is str and not raw.strip()):
        return Reject(R.MISSING_SCORE)
    value = _number(raw)
    if value is None or math.isnan(value):
        return Reject(R.SCORE_NOT_A_NUMBER, _show(raw))
    if not value.is_integer():
        return Reject(R.SCORE_NOT_WHOLE, _show(raw))
    if not 0 <= value <= 10:
        return Reject(R.SCORE_OUTSIDE_0_10, _show(raw))
    return int(value)


def parse_count(raw: Any, name: str) -> int | Reject:
    if raw is None or (raw.__class__ is str and not raw.strip()):
        return 0
    value = _number(raw)
    if value is None or math.isnan(value) or not value.is_integer() or value < 0:
        return Reject(R.COUNT_NOT_WHOLE, name, _show(raw))
    if value > MAX_COUNT:
        return Reject(R.COUNT_TOO_LARGE, name, _show(raw))
    return int(value)


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.+\-Z ]*)?")
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[T ][\d:.]*)?")


def parse_date(raw: Any) -> str | None | Reject:
    if raw is None:
        return None
    if isinstance(raw, datetime):
        return raw.date().isoformat()
    if isinstance(raw, date):
        return raw.isoformat()
    if raw.__class__ is not str:
        return Reject(R.DATE_NOT_A_DATE, _show(raw))
    s = raw.strip()
    if not s:
        return None
    m = _ISO.fullmatch(s)
    if m:
        y, mo, d = m.groups()
    else:
        m = _DMY.fullmatch(s)
        if not m:
            return Reject(R.DATE_NOT_ISO_OR_SLASHED, _show(raw))
        d, mo, y = m.groups()
    try:
        return date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return Reject(R.DATE_DOES_NOT_EXIST, _show(raw))


SENTIMENT_WORDS: dict[str, float] = {
    **{label: value for label, value in SENTIMENT_SCALE},
    "muy positivo": 1.0, "muy positiva": 1.0, "positivo": 0.5, "positiva": 0.5,
    "neutro": 0.0, "neutra": 0.0, "neutral": 0.0,
    "negativo": -0.5, "negativa": -0.5, "muy negativo": -1.0, "muy negativa": -1.0,
}


def detect_sentiment_scale(values: Iterable[Any]) -> str:
    """Decide how numeric sentiments of a file are read, from a sample of its cells.

    Rule, over the numeric values of the sample (words are ignored):

    * any value negative or fractional (``-0.5``, ``0,25``) -> ``"unit"``:
      values are taken as they are and must lie within -1..1;
    * else, any value above 1 -> ``"five"``: a 1-5 integer scale mapped by
      ``(v - 3) / 2`` (1 = -1, 2 = -0.5, 3 = 0, 4 = 0.5, 5 = 1);
    * else (only 0 and 1, or no numbers at all) -> ``"unit"``.

    Values that do not fit the chosen scale (a 7 in a 1-5 file, a 2 in a
    -1..1 file) are rejected with a reason; words always map the same way.
    """
    above_one = False
    for raw in values:
        v = _number(raw)
        if v is None or math.isnan(v):
            continue
        if v < 0 or not v.is_integer():
            return "unit"
        above_one = above_one or v > 1
    return "five" if above_one else "unit"


def sentiment_parser(scale: str) -> Callable[[Any], float | None | Reject]:
    five = scale == "five"

    def parse(raw: Any) -> float | None | Reject:
        if raw is None:
            return None
        if raw.__class__ is str:
            s = raw.strip()
            if not s:
                return None
            word = SENTIMENT_WORDS.get(normalise(s).replace("_", " ").replace("-", " "))
            if word is not None:
                return word
        v = _number(raw)
        if v is None or math.isnan(v):
            return Reject(R.SENTIMENT_NOT_A_NUMBER, _show(raw))
        if five:
            if not (v.is_integer() and 1 <= v <= 5):
                return Reject(R.SENTIMENT_OUTSIDE_FILE_SCALE, _show(raw))
            return (v - 3.0) / 2.0
        if not -1.0 <= v <= 1.0:
            return Reject(R.SENTIMENT_OUTSIDE, _show(raw))
        return v

    return parse


def cell_text(raw: Any) -> str:
    if raw is None:
        return ""
    if raw.__class__ is str:
        return raw.strip()
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime | date):
        return raw.isoformat()
    return str(raw).strip()


def is_blank(row: Iterable[Any]) -> bool:
    return all(v is None or (v.__class__ is str and not v.strip()) for v in row)


class TouchpointMatcher:
    """Resolve a cell to a touchpoint id of one map: by id, else by normalised title."""

    def __init__(self, touchpoints: Iterable[Touchpoint]):
        self.ids: set[int] = set()
        self.titles: dict[str, int] = {}
        self.ambiguous: set[str] = set()
        for tp in touchpoints:
            self.ids.add(tp.id)
            key = normalise(tp.title)
            if key in self.titles and self.titles[key] != tp.id:
                self.ambiguous.add(key)
            self.titles[key] = tp.id

    def __call__(self, raw: Any) -> int | Reject:
        if raw is None or (raw.__class__ is str and not raw.strip()):
            return Reject(R.MISSING_TOUCHPOINT)
        if raw.__class__ is not str or raw.strip().isdigit():
            v = _number(raw)
            if v is not None and v.is_integer() and int(v) in self.ids:
                return int(v)
        key = normalise(raw)
        if key in self.ambiguous:
            return Reject(R.TOUCHPOINT_AMBIGUOUS, _show(raw))
        found = self.titles.get(key)
        if found is None:
            return Reject(R.NO_SUCH_TOUCHPOINT, _show(raw))
        return found
