"""The words the canvas filter understands, in English and Spanish, for a card's qualities.

A consultant types what they would say: "negativo", "crítica", "excelente", "momento".
Both genders and plurals are listed (a *sensación* is "negativa", a touchpoint
"crítico"); matching ignores case and accents, so "critico" finds "crítico".
"""

from __future__ import annotations

import unicodedata

WORDS: dict[str, tuple[str, ...]] = {
    # sensations
    "positive": ("positive", "positivo", "positiva", "positivos", "positivas"),
    "neutral": ("neutral", "neutro", "neutra", "neutros", "neutras", "neutrales"),
    "negative": ("negative", "negativo", "negativa", "negativos", "negativas"),
    # NPS bands
    "critical": ("critical", "crítico", "crítica", "críticos", "críticas"),
    "poor": ("poor", "malo", "mala", "malos", "malas", "flojo", "floja", "bajo", "baja"),
    "good": ("good", "bueno", "buena", "buenos", "buenas", "bien"),
    "excellent": ("excellent", "excelente", "excelentes"),
    # moments of truth
    "moment": ("moment", "moment of truth", "mot", "momento", "momento de la verdad", "verdad"),
}


def fold(text: str) -> str:
    """Case- and accent-insensitive form: "Crítico" → "critico"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def quality_words(*keys: str) -> str:
    """Every word, in both languages, for the qualities *keys* ("negative", "critical", "moment")."""
    return " ".join(w for key in keys if key for w in WORDS.get(key, (key,)))
