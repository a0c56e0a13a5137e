"""Survey files that claim or hold absurd sizes are bounded: a clear error or a quick import, never a hang."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from journeymap.domain.model import JourneyMap, Lane, Stage, Touchpoint
from journeymap.services import import_sources
from journeymap.services.import_sources import ImportFileError, XlsxSource
from journeymap.services.importing import import_file
from journeymap.storage import Document


@pytest.fixture
def doc(tmp_path):
    d = Document.create(tmp_path / "doc.jmap")
    m = d.add_map(JourneyMap("M"))
    s, l = d.add_stage(Stage(m, "S")), d.add_lane(Lane(m, "L"))
    d.add_touchpoint(Touchpoint(m, s, l, "Checkout"))
    yield d
    d.close()


def responses(doc: Document) -> int:
    return doc.execute("SELECT count(*) FROM responses").fetchone()[0]


def dimension_bomb(path: Path) -> Path:
    """A few real rows in a sheet whose <dimension> claims all of Excel, ending with a row at 1,048,576."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["touchpoint", "score"])
    for score in (9, 10, 3):
        ws.append(["Checkout", score])
    plain = path.with_suffix(".plain.xlsx")
    wb.save(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                text = re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>', text)
                last = '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
                text = text.replace("</sheetData>", last + "</sheetData>")
                data = text.encode("utf-8")
            out.writestr(item, data)
    assert path.stat().st_size < 10_000
    return path


def test_an_xlsx_dimension_claim_does_not_widen_the_rows(tmp_path, doc) -> None:
    path = dimension_bomb(tmp_path / "bomb.xlsx")
    with XlsxSource(path) as source:
        assert source.headers == ["touchpoint", "score"]
        first = next(iter(source.rows()))
        assert len(first) == 2  # not 16,384 cells padded from the claim
    result = import_file(doc, doc.maps()[0].id, path)
    assert result.imported == 3


def test_a_csv_with_a_gigantic_line_after_the_first_megabyte_is_refused(tmp_path, doc) -> None:
    path = tmp_path / "survey.csv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("touchpoint,score\n")
        fh.write("Checkout,9\n" * 120_000)  # over a megabyte of good rows
        fh.write("Checkout," * 500_000 + "\n")  # one line of 4.5 million characters
        fh.write("Checkout,10\n")
    with pytest.raises(ImportFileError, match="longer than"):
        import_file(doc, doc.maps()[0].id, path)
    assert responses(doc) == 0


def test_a_gigantic_quoted_line_is_refused_too(tmp_path, doc, monkeypatch) -> None:
    monkeypatch.setattr(import_sources, "MAX_LINE_CHARS", 100_000, raising=False)
    path = tmp_path / "survey.csv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('touchpoint,score,comment\nCheckout,9,"fine"\n')
        fh.write('Checkout,9,"' + "x," * 100_000 + '"\n')
    with pytest.raises(ImportFileError, match="longer than"):
        import_file(doc, doc.maps()[0].id, path)
    assert responses(doc) == 0
