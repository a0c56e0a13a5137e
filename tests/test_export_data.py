"""CSV and XLSX exports of touchpoints with metrics: real files, formula neutralisation."""

import csv
import os

import pytest
from openpyxl import load_workbook

from journeymap.domain.model import Response
from journeymap.services import exporting
from journeymap.services.exporting import (
    EXPORT_COLUMNS,
    ExportError,
    export_data,
    export_rows,
    format_of,
    neutralise,
    write_csv,
    write_xlsx,
)
from journeymap.services.reporting import REPORT_COLUMNS
from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document

EVIL = '=HYPERLINK("http://x")'


@pytest.fixture
def doc(tmp_path):
    with Document.create(tmp_path / "a.jmap") as d:
        yield d


@pytest.fixture
def map_id(doc):
    map_id = create_map_from_template(doc, "retail-store")
    tps = doc.touchpoints(map_id)
    doc.update_touchpoint(tps[0].id, title=EVIL, owner="@owner", tags=["+tag", "ok"])
    doc.update_touchpoint(tps[1].id, title="Café crème – ñandú", manual_nps=-12.5, description="-minus")
    doc.update_touchpoint(tps[2].id, title="\tTabbed", manual_promoters=5, manual_passives=2, manual_detractors=3)
    for score in (10, 9, 3):
        doc.add_response(Response(tps[3].id, score, sentiment=0.5))
    return map_id


def test_export_rows_have_report_columns_plus_details(doc, map_id):
    rows = export_rows(doc, map_id)
    assert EXPORT_COLUMNS[: len(REPORT_COLUMNS)] == REPORT_COLUMNS
    assert set(EXPORT_COLUMNS) - set(REPORT_COLUMNS) == {
        "description", "sensation", "moment_of_truth", "owner", "impact", "tags",
        "controllable", "expectation", "evidence", "waiting_minutes", "leads_to", "quotes"}
    assert [list(r) for r in rows] == [list(EXPORT_COLUMNS)] * len(rows)
    assert [r["id"] for r in rows] == [tp.id for tp in doc.touchpoints(map_id)]
    assert rows[1]["nps"] == -12.5
    assert rows[3]["responses"] == 3 and rows[3]["nps"] == pytest.approx(33.3)


def test_neutralise_only_text():
    assert neutralise("=1+1") == "'=1+1"
    for prefix in "=+-@\t\r":
        assert neutralise(prefix + "x") == "'" + prefix + "x"
    assert neutralise("plain") == "plain"
    assert neutralise(-12.5) == -12.5
    assert neutralise(None) is None


def test_csv_has_bom_header_and_neutralised_text(doc, map_id, tmp_path):
    out = tmp_path / "tp.csv"
    write_csv(doc, map_id, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == list(EXPORT_COLUMNS)
    col = {name: i for i, name in enumerate(rows[0])}
    assert len(rows) == 1 + len(doc.touchpoints(map_id))
    assert rows[1][col["title"]] == "'" + EVIL
    assert rows[1][col["owner"]] == "'@owner"
    assert rows[1][col["tags"]] == "'+tag; ok"
    assert rows[2][col["title"]] == "Café crème – ñandú"
    assert rows[2][col["nps"]] == "-12.5"  # a real number stays a number
    assert rows[2][col["description"]] == "'-minus"
    assert rows[3][col["title"]] == "'\tTabbed"
    assert rows[3][col["promoters"]] == "5"
    assert rows[1][col["moment_of_truth"]] in ("TRUE", "FALSE")
    assert rows[5][col["nps"]] == ""  # no data: empty, not "None"


def test_xlsx_cells_types_header_and_layout(doc, map_id, tmp_path):
    out = tmp_path / "tp.xlsx"
    write_xlsx(doc, map_id, out)
    wb = load_workbook(out)
    ws = wb["Touchpoints"]
    header = [c.value for c in ws[1]]
    assert header == list(EXPORT_COLUMNS)
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    col = {name: i for i, name in enumerate(header)}
    row1 = [c for c in ws[2]]
    assert row1[col["title"]].value == "'" + EVIL
    assert row1[col["title"]].data_type == "s"  # text, never a formula
    row2 = [c.value for c in ws[3]]
    assert row2[col["nps"]] == -12.5 and isinstance(row2[col["nps"]], float)
    assert row2[col["title"]] == "Café crème – ñandú"
    assert isinstance(row2[col["moment_of_truth"]], bool)
    assert isinstance(row2[col["impact"]], int)
    assert ws.max_row == 1 + len(doc.touchpoints(map_id))
    widths = {ws.column_dimensions[chr(ord("A") + col[name])].width for name in ("title", "description")}
    assert all(w and w > 10 for w in widths)
    # No formula anywhere in the workbook.
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)


def test_xlsx_drops_control_characters(doc, map_id, tmp_path):
    tp = doc.touchpoints(map_id)[4]
    doc.update_touchpoint(tp.id, title="bell\x07 here")
    out = tmp_path / "tp.xlsx"
    write_xlsx(doc, map_id, out)
    titles = [c.value for c in load_workbook(out)["Touchpoints"]["B"]]
    assert "bell here" in titles


def test_format_of_and_unknown_extension(tmp_path):
    assert format_of("x.PNG") == "png"
    assert format_of(tmp_path / "y.xlsx") == "xlsx"
    with pytest.raises(ExportError, match="unknown export format '.txt'"):
        format_of("x.txt")
    with pytest.raises(ExportError, match="none"):
        format_of("noext")


def test_export_data_dispatches_and_writes_only_the_target(doc, map_id, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for ext in ("csv", "xlsx", "json"):
        export_data(doc, map_id, out_dir / f"m.{ext}")
    assert sorted(p.name for p in out_dir.iterdir()) == ["m.csv", "m.json", "m.xlsx"]


def test_failed_write_leaves_the_old_file_and_no_temp(doc, map_id, tmp_path, monkeypatch):
    out = tmp_path / "tp.csv"
    out.write_text("old", encoding="utf-8")

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(exporting, "csv_cell", boom)
    with pytest.raises(RuntimeError):
        write_csv(doc, map_id, out)
    assert out.read_text(encoding="utf-8") == "old"
    assert not any(name.endswith(".part") for name in os.listdir(tmp_path))


def test_missing_folder_is_a_clear_error(doc, map_id, tmp_path):
    with pytest.raises(ExportError, match="no such folder"):
        write_csv(doc, map_id, tmp_path / "nope" / "x.csv")


def test_export_file_gets_normal_permissions(doc, map_id, tmp_path):
    out = tmp_path / "tp.csv"
    write_csv(doc, map_id, out)
    mask = os.umask(0)
    os.umask(mask)
    assert (out.stat().st_mode & 0o777) == (0o666 & ~mask)


def test_rows_carry_the_flow_and_the_richer_fields(doc, map_id, tmp_path):
    """Each card lists where its arrows lead ("Title (label)"); influence, expectation, evidence and waiting."""
    tps = {tp.title: tp for tp in doc.touchpoints(map_id)}
    rows = {r["title"]: r for r in export_rows(doc, map_id)}
    assert rows["Question to a sales assistant"]["leads_to"] == [
        "Stock check on tablet (Size not on the shelf)", "Payment at the till"]
    assert rows["Checkout queue"]["waiting_minutes"] == tps["Checkout queue"].waiting_minutes == 6
    assert rows["Checkout queue"]["evidence"] == "survey"
    doc.update_touchpoint(tps["Store signage"].id, controllable=False, expectation="Prices I can trust")
    rows = {r["title"]: r for r in export_rows(doc, map_id)}
    assert rows["Store signage"]["controllable"] is False
    assert rows["Store signage"]["expectation"] == "Prices I can trust"
    out = tmp_path / "es.csv"
    write_csv(doc, map_id, out, lang="es")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh, delimiter=";"))
    header = table[0]
    row = next(r for r in table if r[1] == "Checkout queue")
    assert row[header.index("evidencia")] == "encuesta" and row[header.index("espera (min)")] == "6"
    question = next(r for r in table if r[1] == "Question to a sales assistant")
    assert question[header.index("lleva a")] == "Stock check on tablet (Size not on the shelf); Payment at the till"


def test_pinned_quotes_in_csv_xlsx_and_json_in_both_languages(doc, map_id, tmp_path):
    import json

    from journeymap.domain.model import Quote
    from journeymap.services.map_json import import_map
    from journeymap.storage.quotes import add_quote, quotes

    tps = doc.touchpoints(map_id)
    add_quote(doc, Quote(tps[4].id, "La cola no avanzaba", None, 2))
    add_quote(doc, Quote(tps[4].id, "=1+1; mucha espera", None, 3))  # a hostile one stays text
    assert export_rows(doc, map_id)[4]["quotes"] == ["La cola no avanzaba", "=1+1; mucha espera"]

    write_csv(doc, map_id, tmp_path / "en.csv")
    with open(tmp_path / "en.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    # Each line opens with a quotation mark: no cell or line of it can start a formula.
    assert rows[4]["quotes"] == "“La cola no avanzaba”\n“=1+1; mucha espera”"
    assert rows[0]["quotes"] == ""

    write_csv(doc, map_id, tmp_path / "es.csv", lang="es")
    with open(tmp_path / "es.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    assert rows[4]["citas"] == "«La cola no avanzaba»\n«=1+1; mucha espera»"

    for lang, header, cell in (("en", "quotes", "“La cola no avanzaba”"), ("es", "citas", "«La cola no avanzaba»")):
        write_xlsx(doc, map_id, tmp_path / f"{lang}.xlsx", lang=lang)
        ws = load_workbook(tmp_path / f"{lang}.xlsx").active
        heads = [c.value for c in ws[1]]
        value = ws.cell(row=6, column=heads.index(header) + 1)
        assert value.value.splitlines()[0] == cell and value.data_type == "s"

    export_data(doc, map_id, tmp_path / "map.json")
    data = json.loads((tmp_path / "map.json").read_text(encoding="utf-8"))
    assert [(q["text"], q["score"]) for q in data["touchpoints"][4]["quotes"]] == [("La cola no avanzaba", 2),
                                                                                  ("=1+1; mucha espera", 3)]
    assert data["touchpoints"][0]["quotes"] == []
    new = import_map(doc, data)
    again = quotes(doc, new)
    assert [(q.text, q.score) for qs in again.values() for q in qs] == [("La cola no avanzaba", 2),
                                                                       ("=1+1; mucha espera", 3)]
