"""Numbers, percentages, months and dates as the user's language writes them.

Qt-free, so headless services (charts, the CLI's tables, exports) and the canvas
format alike: "−44,7 ± 22,7" in Spanish, "−44.7 ± 22.7" in English. The separators
follow the UI language and, where the system locale speaks that language, its
territory (Mexico and most of Central America write a decimal point).
Machine formats (JSON, the CLI's ``--format csv``) never come through here.
"""

from __future__ import annotations

import math
import os
from datetime import date, datetime

from journeymap import i18n

MINUS = "\u2212"  # typographic minus
NBSP = "\u00a0"
NNBSP = "\u202f"

# (decimal separator, group separator, minimum digits before grouping applies)
_ENGLISH = (".", ",", 4)
_SPANISH = (",", ".", 5)  # CLDR: 1234 but 12.345 ("mínimo de agrupación" 2)
_SPANISH_POINT = (".", ",", 5)
_POINT_TERRITORIES = {"MX", "US", "PR", "DO", "GT", "HN", "NI", "PA", "SV", "CU"}

MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre")
MONTHS_ES_SHORT = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def _system_territory() -> str:
    for var in ("LC_ALL", "LC_NUMERIC", "LANG"):
        value = os.environ.get(var, "")
        if "_" in value:
            lang, _, rest = value.partition("_")
            if lang.lower() == i18n.current_language():
                return rest[:2].upper()
    return ""


def separators(lang: str | None = None) -> tuple[str, str, int]:
    lang = lang or i18n.current_language()
    if lang == "es":
        return _SPANISH_POINT if _system_territory() in _POINT_TERRITORIES else _SPANISH
    return _ENGLISH


def decimal(value: float, decimals: int = 1, *, lang: str | None = None, grouping: bool = True) -> str:
    """``1234,5`` / ``12.345,6`` in Spanish, ``1,234.5`` in English; negatives with a typographic minus."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    point, group, min_digits = separators(lang)
    text = f"{abs(value):.{decimals}f}"
    whole, _, frac = text.partition(".")
    if grouping and len(whole) >= min_digits:
        head = len(whole) % 3 or 3
        whole = whole[:head] + "".join(group + whole[i:i + 3] for i in range(head, len(whole), 3))
    out = whole + (point + frac if frac else "")
    return (MINUS + out) if value < 0 and float(text) != 0 else out


def written_decimals(value: float, fallback: int) -> int:
    """How many decimals *value* carries as Python writes it (``44.75`` → 2); *fallback* for ``1e-07``."""
    text = repr(float(value))
    return len(text.partition(".")[2]) if "e" not in text and "." in text else fallback


def integer(n: int, *, lang: str | None = None) -> str:
    return decimal(n, 0, lang=lang)


def signed(value: float, decimals: int = 0, *, lang: str | None = None) -> str:
    """``+42``, ``−12,5``, ``0`` (typographic minus; zero has no sign)."""
    text = decimal(abs(value), decimals, lang=lang)
    if float(f"{abs(value):.{decimals}f}") == 0:
        return text
    return ("+" if value > 0 else MINUS) + text


def percent(value: float, decimals: int = 0, *, lang: str | None = None) -> str:
    """``12 %`` in Spanish (RAE: a space before %), ``12%`` in English."""
    lang = lang or i18n.current_language()
    return decimal(value, decimals, lang=lang) + (NBSP + "%" if lang == "es" else "%")


def compact_count(n: int, *, lang: str | None = None) -> str:
    """``120``, ``1,2k``, ``12k``, ``1,2M``: short enough for a badge."""
    if n < 1000:
        return str(n)
    if n < 10_000:
        return decimal(n / 1000, 1, lang=lang).removesuffix(separators(lang)[0] + "0") + "k"
    if n < 1_000_000:
        return f"{round(n / 1000)}k"
    return decimal(n / 1_000_000, 1, lang=lang).removesuffix(separators(lang)[0] + "0") + "M"


def month_label(year: int, month: int, *, lang: str | None = None) -> str:
    """A chart's month: ``mar 2024`` / ``Mar 2024``."""
    lang = lang or i18n.current_language()
    name = MONTHS_ES_SHORT[month - 1] if lang == "es" else MONTHS_EN[month - 1][:3]
    return f"{name} {year}"


def short_date(value: str | date | datetime, *, lang: str | None = None, with_time: bool = False) -> str:
    """An ISO date (or date-time) in the language's short form: ``15/03/2024`` / ``2024-03-15``.

    English keeps ISO order, which no English reader misreads (3/4 is March or April
    depending on the reader); Spanish writes day/month/year. Unparseable text is returned as is.
    """
    lang = lang or i18n.current_language()
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return value
        has_time = "T" in value or " " in value.strip()
    else:
        parsed, has_time = value, isinstance(value, datetime)
    day = f"{parsed.day:02d}/{parsed.month:02d}/{parsed.year:04d}" if lang == "es" else (
        f"{parsed.year:04d}-{parsed.month:02d}-{parsed.day:02d}")
    if with_time and has_time and isinstance(parsed, datetime):
        return f"{day} {parsed.hour:02d}:{parsed.minute:02d}"
    return day
