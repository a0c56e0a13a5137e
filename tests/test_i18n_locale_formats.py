"""Numbers, dates and data exports in the user's language: "−44,7 ± 22,7", a Spanish Excel's CSV."""

from __future__ import annotations

import csv

import pytest

from journeymap import i18n, locale_format
from journeymap.domain.filter_words import fold, quality_words
from journeymap.services.exporting import EXPORT_COLUMNS, write_csv
from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document

MINUS = "\u2212"


@pytest.fixture
def spanish():
    i18n.install(None, "es")
    yield
    i18n.install_none()


def test_spanish_numbers_use_a_decimal_comma_and_a_typographic_minus():
    assert locale_format.signed(-44.7, 1, lang="es") == f"{MINUS}44,7"
    assert locale_format.decimal(22.7, 1, lang="es") == "22,7"
    assert locale_format.signed(41.0, 1, lang="es") == "+41,0"
    assert locale_format.signed(-0.04, 1, lang="es") == "0,0"  # no sign on a rounded zero
    assert locale_format.decimal(1234.5, 1, lang="es") == "1234,5"  # Spanish groups from five digits
    assert locale_format.decimal(12345.5, 1, lang="es") == "12.345,5"
    assert locale_format.compact_count(1234, lang="es") == "1,2k"
    assert locale_format.percent(45, lang="es") == "45\u00a0%"


def test_english_numbers_keep_the_point():
    assert locale_format.signed(-44.7, 1, lang="en") == f"{MINUS}44.7"
    assert locale_format.decimal(1234.5, 1, lang="en") == "1,234.5"
    assert locale_format.compact_count(1234, lang="en") == "1.2k"
    assert locale_format.percent(45, lang="en") == "45%"


def test_mexican_spanish_keeps_the_decimal_point(monkeypatch, spanish):
    monkeypatch.setenv("LC_ALL", "es_MX.UTF-8")
    assert locale_format.decimal(44.7) == "44.7"
    monkeypatch.setenv("LC_ALL", "es_ES.UTF-8")
    assert locale_format.decimal(44.7) == "44,7"


def test_months_and_dates_in_spanish():
    assert locale_format.month_label(2024, 3, lang="es") == "mar 2024"
    assert locale_format.month_label(2024, 9, lang="es") == "sept 2024"
    assert locale_format.short_date("2024-03-15T14:05:00", lang="es") == "15/03/2024"
    assert locale_format.short_date("2024-03-15", lang="en") == "2024-03-15"
    assert locale_format.short_date("not a date", lang="es") == "not a date"


def test_the_filter_understands_spanish_words_of_both_genders_without_accents():
    hay = fold(quality_words("negative", "critical", "moment"))
    for word in ("negativo", "negativa", "crítico", "critica", "momento", "negative", "critical"):
        assert fold(word) in hay
    assert fold("positivo") not in hay
    assert fold("excelente") in fold(quality_words("excellent"))
    assert fold("bueno") in fold(quality_words("good"))


@pytest.fixture
def doc_and_map(tmp_path):
    with Document.create(tmp_path / "a.jmap") as doc:
        map_id = create_map_from_template(doc, "retail-store")
        tps = doc.touchpoints(map_id)
        doc.update_touchpoint(tps[0].id, title='Cola;=HYPERLINK("http://x")', manual_nps=-44.7,
                              manual_sentiment=0.25, moment_of_truth=True)
        doc.update_touchpoint(tps[1].id, title="=1+1", sensation="negative")
        yield doc, map_id, tps


def read_csv(path, delimiter):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM, or Excel misreads the accents"
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=delimiter))


def test_spanish_csv_opens_right_in_a_spanish_excel(doc_and_map, tmp_path):
    doc, map_id, tps = doc_and_map
    out = tmp_path / "es.csv"
    write_csv(doc, map_id, out, lang="es")
    rows = read_csv(out, ";")
    header = rows[0]
    assert header[:4] == ["id", "título", "etapa", "fila"]
    assert "momento de la verdad" in header and "sensación" in header
    first = dict(zip(header, rows[1], strict=True))
    assert first["NPS"] == "-44,7"  # Excel reads a plain hyphen-minus as a negative number
    assert first["sentimiento"] == "0,25"
    assert first["momento de la verdad"] == "VERDADERO"
    second = dict(zip(header, rows[2], strict=True))
    assert second["sensación"] == "negativa"
    # Every cell Excel splits out at ";" is still neutralised; the title stays one (quoted) cell.
    assert first["título"] == "Cola;=HYPERLINK(\"http://x\")"
    assert second["título"] == "'=1+1"
    assert len(rows[1]) == len(EXPORT_COLUMNS)
    text = out.read_text(encoding="utf-8-sig")
    assert '"Cola;=HYPERLINK(""http://x"")"' in text


def test_english_csv_is_unchanged_in_shape(doc_and_map, tmp_path):
    doc, map_id, _tps = doc_and_map
    out = tmp_path / "en.csv"
    write_csv(doc, map_id, out)
    rows = read_csv(out, ",")
    assert rows[0] == list(EXPORT_COLUMNS)
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["nps"] == "-44.7" and first["moment_of_truth"] == "TRUE"
    # A Spanish Excel splits a comma file at ";" whatever the quotes (the quote does not start
    # the piece): the piece after it is defused too.
    assert '"Cola;\'=HYPERLINK(""http://x"")"' in out.read_text(encoding="utf-8-sig")
