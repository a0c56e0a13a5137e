"""Which column of a survey file holds what: header guessing and explicit choices.

Headers are compared after :func:`normalise` (case-, accent- and
punctuation-insensitive), in English or Spanish. Exact synonyms win; then a
header that *contains* a synonym as whole words (``"Puntuación NPS (0-10)"``,
``"Fecha de visita"``) is taken by the field with the longest such synonym.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from journeymap.domain.messages import QT_TRANSLATE_NOOP, MessageError, message

# Fields of a per-response file, then the counts of a pre-aggregated file.
RESPONSE_FIELDS = ("touchpoint", "score", "sentiment", "comment", "date", "segment")
COUNT_FIELDS = ("promoters", "passives", "detractors")
FIELDS = RESPONSE_FIELDS + COUNT_FIELDS

SYNONYMS: dict[str, tuple[str, ...]] = {
    "touchpoint": (
        "touchpoint", "touchpoint id", "touch point", "punto de contacto", "punto contacto",
        "interaction", "interaccion",
    ),
    "score": (
        "score", "puntuacion", "nps", "recommend", "likelihood", "likelihood to recommend",
        "valoracion", "rating",
    ),
    "sentiment": ("sentiment", "sentimiento"),
    "comment": ("comment", "comments", "comentario", "comentarios", "verbatim", "feedback"),
    "date": ("date", "fecha"),
    "segment": ("segment", "segmento", "store", "tienda", "region"),
    "promoters": ("promoters", "promotores", "promoter", "promotor"),
    "passives": ("passives", "pasivos", "neutros", "passive", "pasivo", "neutrals"),
    "detractors": ("detractors", "detractores", "detractor"),
}

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]|_")


def normalise(text: object) -> str:
    """Casefolded, accents stripped (NFKD), trimmed, inner whitespace collapsed.

    This is how touchpoint titles are matched: ``"  Atención   en CAJA"`` and
    ``"atencion en caja"`` are the same title.
    """
    s = unicodedata.normalize("NFKD", str(text))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return _SPACES.sub(" ", s.casefold()).strip()


def normalise_header(text: object) -> str:
    """:func:`normalise` plus punctuation and underscores turned into spaces."""
    return _SPACES.sub(" ", _PUNCT.sub(" ", normalise("" if text is None else text))).strip()


_EXACT = {syn: field for field, syns in SYNONYMS.items() for syn in syns}


def _contains(header: str, synonym: str) -> bool:
    return f" {synonym} " in f" {header} "


def guess_mapping(
    headers: Sequence[object], synonyms: Mapping[str, tuple[str, ...]] | None = None
) -> dict[str, int | None]:
    """0-based column index per field (``None`` when no header looks like it).

    *synonyms* (field -> header words) replace the survey fields' (event logs have their own).
    """
    names = [normalise_header(h) for h in headers]
    if synonyms is None:
        synonyms, exact = SYNONYMS, _EXACT
    else:
        exact = {syn: field for field, syns in synonyms.items() for syn in syns}
    mapping: dict[str, int | None] = dict.fromkeys(synonyms if synonyms is not SYNONYMS else FIELDS)
    taken: set[int] = set()
    for i, name in enumerate(names):
        field = exact.get(name)
        if field and mapping[field] is None:
            mapping[field] = i
            taken.add(i)
    for i, name in enumerate(names):
        if i in taken or not name:
            continue
        best: tuple[int, str] | None = None
        for field, syns in synonyms.items():
            if mapping[field] is not None:
                continue
            for syn in syns:
                if _contains(name, syn) and (best is None or len(syn) > best[0]):
                    best = (len(syn), field)
        if best:
            mapping[best[1]] = i
            taken.add(i)
    return mapping


class ColumnError(MessageError, ValueError):
    """An explicit column choice names no column of the file."""

# The messages this module's errors carry: an id and the English text (translated where shown).
COLUMN_IS_OUT_OF_RANGE_THE = message("import.column_is_out_of_range_the", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "column %1 is out of range (the file has %2 columns)"))
NO_COLUMN_NAMED_COLUMNS = message("import.no_column_named_columns", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "no column named %1 (columns: %2)"))
UNKNOWN_FIELD_FIELDS = message("import.unknown_field_fields", "ImportError",
    QT_TRANSLATE_NOOP("ImportError", "unknown field %1 (fields: %2)"))


def resolve_column(spec: str | int, headers: Sequence[object]) -> int:
    """0-based index of a column given by header name or 1-based index.

    A header whose text is the spec wins over the index reading, so a column
    literally called ``"3"`` can still be chosen by name.
    """
    names = [normalise_header(h) for h in headers]
    if isinstance(spec, str):
        key = normalise_header(spec)
        if key and key in names:
            return names.index(key)
        raw = [normalise("" if h is None else h) for h in headers]
        if normalise(spec) in raw:
            return raw.index(normalise(spec))
        if spec.strip().isdigit():
            spec = int(spec.strip())
        else:
            known = ", ".join(repr(str(h)) for h in headers if h not in (None, ""))
            raise ColumnError(NO_COLUMN_NAMED_COLUMNS, repr(spec), known)
    if not 1 <= spec <= len(headers):
        raise ColumnError(COLUMN_IS_OUT_OF_RANGE_THE, spec, len(headers))
    return spec - 1


def build_mapping(
    headers: Sequence[object], explicit: Mapping[str, str | int | None] | None = None,
    synonyms: Mapping[str, tuple[str, ...]] | None = None,
) -> dict[str, int | None]:
    """Guesses, overridden by explicit choices (``None`` = explicitly not mapped)."""
    mapping = guess_mapping(headers, synonyms)
    for field, spec in (explicit or {}).items():
        if field not in mapping:
            raise ColumnError(UNKNOWN_FIELD_FIELDS, repr(field), ', '.join(mapping))
        if spec is None or spec == "":
            mapping[field] = None
            continue
        index = resolve_column(spec, headers)
        # A column chosen explicitly is no longer a guess for another field.
        for other, col in mapping.items():
            if col == index and other != field and other not in explicit:
                mapping[other] = None
        mapping[field] = index
    return mapping
