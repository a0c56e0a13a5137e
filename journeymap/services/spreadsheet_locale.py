"""How a data export is written for the spreadsheet that will open it.

A Spanish Excel splits CSV at ``;`` (the comma is its decimal mark), reads UTF-8
only with a BOM, and its users expect Spanish column names, ``VERDADERO``/``FALSO``
and ``44,7``. The English shape stays what it was: ``,``, a decimal point, the
column ids as headers. Every text cell is quoted, so neither Excel (whichever
separator its locale uses) can split a title into a new cell that starts with
``=``; each cell is also neutralised on its own (see ``exporting.neutralise``).
"""

from __future__ import annotations

from dataclasses import dataclass

from journeymap import i18n, locale_format
from journeymap.domain.channels import channel

SPANISH_HEADERS = {
    "id": "id",
    "title": "título",
    "stage": "etapa",
    "lane": "fila",
    "channel": "canal",
    "responses": "respuestas",
    "promoters": "promotores",
    "passives": "pasivos",
    "detractors": "detractores",
    "nps": "NPS",
    "nps_margin": "margen NPS (±)",
    "sentiment": "sentimiento",
    "description": "descripción",
    "sensation": "sensación",
    "moment_of_truth": "momento de la verdad",
    "owner": "responsable",
    "impact": "impacto",
    "tags": "etiquetas",
    "controllable": "controlable",
    "expectation": "expectativa",
    "evidence": "evidencia",
    "waiting_minutes": "espera (min)",
    "leads_to": "lleva a",
    "quotes": "citas",
}
SPANISH_EVIDENCE = {
    "survey": "encuesta",
    "interview": "entrevista",
    "observation": "observación",
    "crm": "datos del CRM",
    "support": "incidencias de soporte",
    "competitor": "análisis de la competencia",
    "staff": "aportación del personal",
}
# A touchpoint's *sensación* is feminine in Spanish.
SPANISH_SENSATIONS = {"positive": "positiva", "neutral": "neutra", "negative": "negativa"}


@dataclass(frozen=True)
class SheetLocale:
    lang: str  # "en" or "es"

    @property
    def delimiter(self) -> str:
        return ";" if self.lang == "es" else ","

    def header(self, column: str) -> str:
        return SPANISH_HEADERS.get(column, column) if self.lang == "es" else column

    def boolean(self, value: bool) -> str:
        if self.lang == "es":
            return "VERDADERO" if value else "FALSO"
        return "TRUE" if value else "FALSE"

    def number(self, value: float | int) -> str:
        if self.lang != "es" or isinstance(value, int):
            return str(value)
        decimals = locale_format.written_decimals(value, 6)
        return locale_format.decimal(value, decimals, lang="es", grouping=False).replace(locale_format.MINUS, "-")

    def quotes(self, texts: list[str]) -> str:
        """Pinned quotes in one cell: each in the language's quotation marks, one a line."""
        opening, closing = ("«", "»") if self.lang == "es" else ("“", "”")
        return "\n".join(f"{opening}{t}{closing}" for t in texts)

    def value(self, column: str, value: object) -> object:
        """A row's value as this locale shows it (labels in Spanish); numbers and other text unchanged."""
        if self.lang != "es" or not isinstance(value, str):
            return value
        if column == "sensation":
            return SPANISH_SENSATIONS.get(value, value)
        if column == "evidence":
            return SPANISH_EVIDENCE.get(value, value)
        if column == "channel" and value:
            label = channel(value).label
            translated = i18n.translate("", label) if i18n.current_language() == "es" else label
            return translated or value
        return value


def sheet_locale(lang: str | None = None) -> SheetLocale:
    """The export shape for *lang* (default: the UI language)."""
    lang = i18n.normalize(lang) if lang else i18n.current_language()
    return SheetLocale("es" if lang == "es" else "en")


def csv_cell(text: str, delimiter: str, quote: bool) -> str:
    if quote or any(ch in text for ch in (delimiter, '"', "\n", "\r", ",", ";")):
        return '"' + text.replace('"', '""') + '"'
    return text
