"""services.importing end to end, on real files and real documents."""

from __future__ import annotations

import codecs
import tracemalloc
import zipfile
from datetime import date, datetime

import openpyxl
import pytest
from import_helpers import by_title, fingerprint, make_doc, write

from journeymap.services import importing
from journeymap.services.import_mapping import guess_mapping, normalise, resolve_column
from journeymap.services.import_sources import detect_delimiter, detect_encoding
from journeymap.services.importing import (
    ImportCancelled,
    ImportFileError,
    detect_sentiment_scale,
    import_file,
    preview_file,
)

SPANISH_CP1252 = (
    "Punto de contacto;Puntuación;Sentimiento;Comentario;Fecha;Tienda\r\n"
    "ATENCION EN CAJA;10;0,5;Muy bien, rápido;01/02/2024;Centro\r\n"  # 2
    "atención  en caja;9,0;-0,25;Rápido;2024-02-03;Centro\r\n"  # 3
    " Atención en caja ;3;-1;Lento;03-02-2024;Norte\r\n"  # 4
    "Probador;7;0;;;Norte\r\n"  # 5
    "\r\n"  # 6: empty, skipped silently
    "Probador;9.5;0;;;\r\n"  # 7: fraction
    "Probador;11;0;;;\r\n"  # 8: out of range
    "Inexistente;8;0;;;\r\n"  # 9: no such touchpoint
    "Parking;8;0;;;\r\n"  # 10: ambiguous title
    "Probador;8;0;;31/02/2024;\r\n"  # 11: impossible date
    "Probador;abc;0;;;\r\n"  # 12: not a number
    "Devolución;0;0,75;Fatal €;;Sur\r\n"  # 13
    "{probador};10;1;;;\r\n"  # 14: by id
    ";;;;;\r\n"  # 15: empty cells, skipped
)


def test_semicolon_cp1252_spanish(tmp_path):
    doc, map_id, ids = make_doc(tmp_path)
    path = write(tmp_path / "encuesta.csv", SPANISH_CP1252.format(probador=ids["Probador"]), "cp1252")
    before = doc.execute("SELECT COUNT(*) FROM import_batches").fetchone()[0]
    result = import_file(doc, map_id, path)

    assert (result.imported, result.rejected) == (6, 6)
    assert result.sentiment_scale == "unit"
    reasons = {r.row_number: r.reason for r in result.rejected_rows}
    assert sorted(reasons) == [7, 8, 9, 10, 11, 12]
    assert "whole number" in reasons[7]
    assert "outside 0-10" in reasons[8]
    assert "no touchpoint 'Inexistente'" in reasons[9]
    assert "ambiguous" in reasons[10]
    assert "does not exist" in reasons[11]
    assert "not a number" in reasons[12]
    assert result.rejected_rows[0].values[0] == "Probador"

    report = by_title(doc, map_id)
    caja = report["Atención en caja"]
    assert (caja["promoters"], caja["passives"], caja["detractors"]) == (2, 0, 1)
    assert caja["nps"] == 33.3  # 100 * (2 - 1) / 3
    assert caja["sentiment"] == -0.25  # (0.5 - 0.25 - 1) / 3
    assert report["Probador"]["nps"] == 50.0  # a 7 and a 10
    assert report["Probador"]["sentiment"] == 0.5
    assert report["Devolución"]["nps"] == -100.0
    assert report["Devolución"]["sentiment"] == 0.75

    comments = {r.comment for r in doc.responses(ids["Atención en caja"])}
    assert comments == {"Muy bien, rápido", "Rápido", "Lento"}
    assert {r.date for r in doc.responses(ids["Atención en caja"])} == {"2024-02-01", "2024-02-03"}
    assert by_title(doc, map_id, "Norte")["Atención en caja"]["nps"] == -100.0
    assert doc.responses(ids["Devolución"])[0].comment == "Fatal €"

    batches = doc.batches(map_id)
    assert len(batches) == before + 1
    batch = batches[-1]
    assert (batch.id, batch.source, batch.rows, batch.rejected) == (result.batch_id, "encuesta.csv", 6, 6)
    assert datetime.fromisoformat(batch.imported_at).tzinfo is not None


def test_semicolon_utf8_bom_with_words(tmp_path):
    doc, map_id, ids = make_doc(tmp_path)
    text = (
        "touchpoint;score;sentiment\n"
        "Atención en caja;9;muy positivo\n"
        "Atención en caja;10;Positive\n"
        "Probador;6;Negativo\n"
        "Probador;8;very negative\n"
        "Probador;7;neutro\n"
        "Probador;7;so-so\n"
    )
    path = tmp_path / "bom.csv"
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    result = import_file(doc, map_id, path)
    assert result.mapping["touchpoint"] == 0  # the BOM did not stick to the first header
    assert (result.imported, result.rejected) == (5, 1)
    assert result.rejected_rows[0].row_number == 7
    assert "sentiment 'so-so'" in result.rejected_rows[0].reason
    report = by_title(doc, map_id)
    assert report["Atención en caja"]["sentiment"] == 0.75  # (1 + 0.5) / 2
    assert report["Probador"]["sentiment"] == -0.5  # (-0.5 - 1 + 0) / 3
    assert report["Probador"]["nps"] == -33.3  # one detractor of three


def test_comma_utf8_five_point_sentiment(tmp_path):
    doc, map_id, ids = make_doc(tmp_path)
    path = write(
        tmp_path / "five.csv",
        'Touchpoint,Likelihood to recommend,Sentiment,Comment\n'
        'Probador,10,5,"Great, really"\n'
        "Probador,9,4,\n"
        "Probador,2,1,\n"
        "Probador,5,3,\n"
        "Probador,5,7,\n",
    )
    result = import_file(doc, map_id, path)
    assert result.sentiment_scale == "five"
    assert (result.imported, result.rejected) == (4, 1)
    assert result.rejected_rows[0].row_number == 6
    assert "1-5" in result.rejected_rows[0].reason
    values = sorted(r.sentiment for r in doc.responses(ids["Probador"]))
    assert values == [-1.0, 0.0, 0.5, 1.0]
    assert "Great, really" in {r.comment for r in doc.responses(ids["Probador"])}
    assert by_title(doc, map_id)["Probador"]["nps"] == 0.0  # 2 promoters, 2 detractors


def test_tab_separated_ids_dates_segments(tmp_path):
    doc, map_id, ids = make_doc(tmp_path)
    a, p = ids["Atención en caja"], ids["Probador"]
    path = write(
        tmp_path / "export.tsv",
        "Touchpoint ID\tNPS\tFecha\tRegion\n"
        f"{a}\t9\t2024-03-01T10:00:00\tNorth\n"
        f"{a}\t7\t15.03.2024\tSouth\n"
        f"{p}\t0\t\tSouth\n"
        f"999\t5\t\tSouth\n",
    )
    result = import_file(doc, map_id, path)
    assert (result.imported, result.rejected) == (3, 1)
    assert result.rejected_rows[0].row_number == 5
    assert {r.date for r in doc.responses(a)} == {"2024-03-01", "2024-03-15"}
    assert doc.segments(map_id) == ["North", "South"]
    assert by_title(doc, map_id, "North")["Atención en caja"]["nps"] == 100.0
    assert by_title(doc, map_id, "South")["Atención en caja"]["nps"] == 0.0


def test_xlsx_with_datetimes_blank_rows_and_sheet(tmp_path):
    doc, map_id, ids = make_doc(tmp_path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Resumen"
    ws.append(["nothing here"])
    data = wb.create_sheet("Respuestas")
    data.append(["Punto de contacto", "Puntuación", "Sentimiento", "Fecha", "Segmento", "Comentario"])
    data.append(["Atención en caja", 10, 0.5, datetime(2024, 5, 1, 9, 30), "Centro", "ok"])  # 2
    data.append(["Atención en caja", 9.0, None, date(2024, 5, 2), 101, None])  # 3
    data.append([None] * 6)  # 4: blank
    data.append(["Probador", 4, -0.5, "bad date", "Centro", None])  # 5: rejected
    data.append([ids["Probador"], "6", -1, "2024-05-04", "Centro", 42])  # 6
    path = tmp_path / "encuesta.xlsx"
    wb.save(path)

    with pytest.raises(ImportFileError, match="no touchpoint column"):
        import_file(doc, map_id, path)  # the first sheet has no usable header
    result = import_file(doc, map_id, path, sheet="Respuestas")
    assert (result.imported, result.rejected) == (3, 1)
    assert result.rejected_rows[0].row_number == 5
    assert "bad date" in result.rejected_rows[0].reason
    caja = doc.responses(ids["Atención en caja"])
    assert sorted(r.date for r in caja) == ["2024-05-01", "2024-05-02"]
    assert {r.segment for r in caja} == {"Centro", "101"}
    assert doc.responses(ids["Probador"])[0].comment == "42"
    assert by_title(doc, map_id)["Probador"]["nps"] == -100.0
    with pytest.raises(ImportFileError, match="no sheet named 'Nope'"):
        import_file(doc, map_id, path, sheet="Nope")
    preview = preview_file(path, sheet="Respuestas")
    assert preview.kind == "xlsx" and preview.sheet_names == ["Resumen", "Respuestas"]
    assert preview.mapping["date"] == 3 and len(preview.rows) == 5


def test_aggregated_counts(tmp_path):
    doc, map_id, ids = make_doc(tmp_path)
    path = write(
        tmp_path / "agregado.csv",
        "Punto de contacto,Promotores,Pasivos,Detractores,NPS\n"
        "Atención en caja,6,3,1,50\n"
        "Probador,0,,4,-100\n"
        "Devolución,2,x,0,\n"  # rejected: bad passives count
        "Inexistente,1,1,1,0\n",  # rejected: no touchpoint
    )
    result = import_file(doc, map_id, path)
    assert result.aggregated
    assert (result.imported, result.rejected) == (14, 2)
    assert [r.row_number for r in result.rejected_rows] == [4, 5]
    report = by_title(doc, map_id)
    caja = report["Atención en caja"]
    assert (caja["promoters"], caja["passives"], caja["detractors"], caja["nps"]) == (6, 3, 1, 50.0)
    assert report["Probador"]["nps"] == -100.0 and report["Probador"]["responses"] == 4
    assert report["Devolución"]["responses"] == 0
    batch = doc.batches(map_id)[-1]
    assert batch.source == "agregado.csv (aggregated counts)" and batch.rows == 14


def test_cancel_midway_leaves_document_unchanged(tmp_path):
    doc, map_id, ids = make_doc(tmp_path)
    write(tmp_path / "first.csv", "touchpoint,score\nProbador,9\n")
    import_file(doc, map_id, tmp_path / "first.csv")
    before = fingerprint(doc, map_id)
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("touchpoint,score\n")
        for i in range(30_000):
            fh.write(f"Atención en caja,{i % 11}\n")
    polls = []

    def cancel() -> bool:
        polls.append(1)
        return len(polls) >= 4

    with pytest.raises(ImportCancelled):
        import_file(doc, map_id, path, cancel=cancel, chunk_size=1000)
    assert len(polls) == 4
    assert fingerprint(doc, map_id) == before
    # The document is still usable afterwards.
    assert import_file(doc, map_id, path).imported == 30_000


def test_failures_leave_document_unchanged(tmp_path):
    doc, map_id, ids = make_doc(tmp_path)
    before = fingerprint(doc, map_id)
    # Valid UTF-8 for well over the 1 MiB sample, then a stray cp1252 byte.
    path = tmp_path / "mixed.csv"
    with open(path, "wb") as fh:
        fh.write(b"touchpoint,score,comment\n")
        for i in range(60_000):
            fh.write(f"Probador,{i % 11},comentario número {i}\n".encode())
        fh.write("Probador,9,año\n".encode("cp1252"))
    with pytest.raises(ImportFileError, match="not valid utf-8"):
        import_file(doc, map_id, path, chunk_size=1000)
    assert fingerprint(doc, map_id) == before

    def boom(done: int, total: int) -> None:
        raise RuntimeError("disk on fire")

    ok = write(tmp_path / "ok.csv", "touchpoint,score\n" + "Probador,9\n" * 10_000)
    with pytest.raises(RuntimeError):
        import_file(doc, map_id, ok, progress=boom, chunk_size=500)
    assert fingerprint(doc, map_id) == before


def test_nothing_valid_records_nothing(tmp_path):
    doc, map_id, ids = make_doc(tmp_path)
    before = fingerprint(doc, map_id)
    path = write(tmp_path / "bad.csv", "touchpoint,score\nNope,9\nProbador,12\n")
    result = import_file(doc, map_id, path)
    assert (result.imported, result.rejected, result.batch_id) == (0, 2, None)
    assert fingerprint(doc, map_id) == before


def test_bad_files_are_clear_errors(tmp_path):
    doc, map_id, ids = make_doc(tmp_path)
    before = fingerprint(doc, map_id)
    fake = write(tmp_path / "fake.xlsx", "touchpoint,score\nProbador,9\n")
    with pytest.raises(ImportFileError, match="fake.xlsx: not a valid .xlsx"):
        import_file(doc, map_id, fake)
    not_book = tmp_path / "other.xlsx"
    with zipfile.ZipFile(not_book, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(ImportFileError, match="other.xlsx: not an Excel"):
        import_file(doc, map_id, not_book)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (64 << 20))
    with pytest.raises(ImportFileError, match="bomb.xlsx: refusing"):
        import_file(doc, map_id, bomb)
    truncated = tmp_path / "cut.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["touchpoint", "score"])
    wb.save(truncated)
    truncated.write_bytes(truncated.read_bytes()[:300])
    with pytest.raises(ImportFileError, match="cut.xlsx"):
        import_file(doc, map_id, truncated)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(ImportFileError, match=r"old Excel \.xls"):
        import_file(doc, map_id, old)
    with pytest.raises(ImportFileError, match="no such file"):
        import_file(doc, map_id, tmp_path / "missing.csv")
    empty = write(tmp_path / "empty.csv", "\n\n")
    with pytest.raises(ImportFileError, match="empty"):
        import_file(doc, map_id, empty)
    no_score = write(tmp_path / "noscore.csv", "touchpoint,comment\nProbador,hola\n")
    with pytest.raises(ImportFileError, match="no score column"):
        import_file(doc, map_id, no_score)
    with pytest.raises(ImportFileError, match="no column named 'puntos'"):
        import_file(doc, map_id, no_score, columns={"score": "puntos"})
    assert fingerprint(doc, map_id) == before


def test_explicit_columns_by_name_and_index(tmp_path):
    doc, map_id, ids = make_doc(tmp_path)
    path = write(tmp_path / "q.csv", "Q1,Q2,Q3,Score\nProbador,x,10,1\nProbador,x,0,1\n")
    result = import_file(doc, map_id, path, columns={"touchpoint": "q1", "score": 3})
    assert result.imported == 2
    assert by_title(doc, map_id)["Probador"]["nps"] == 0.0
    result = import_file(doc, map_id, path, columns={"touchpoint": "1", "score": "Score"})
    assert by_title(doc, map_id)["Probador"]["promoters"] == 1  # only the first file's 10


def test_streaming_200k_rows_bounded_memory(tmp_path):
    doc, map_id, ids = make_doc(tmp_path)
    path = tmp_path / "big.csv"
    titles = ["Atención en caja", "Probador", "Devolución"]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("touchpoint,score,sentiment,comment,date,segment\n")
        for i in range(200_000):
            fh.write(f"{titles[i % 3]},{i % 11},{(i % 5 - 2) / 2},comentario {i},2024-01-{1 + i % 28:02d},s{i % 4}\n")
    progress: list[tuple[int, int]] = []
    tracemalloc.start()
    try:
        result = import_file(doc, map_id, path, progress=lambda d, t: progress.append((d, t)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.imported == 200_000 and result.rejected == 0
    assert peak < 50 * 2**20, peak
    size = path.stat().st_size
    assert progress[-1] == (size, size) and len(progress) > 10
    assert all(a[0] <= b[0] for a, b in zip(progress, progress[1:]))
    assert sum(r["responses"] for r in by_title(doc, map_id).values()) == 200_000


# ------------------------------------------------------------------- units
def test_guess_mapping_english_and_spanish():
    m = guess_mapping(["Punto de contacto", "Puntuación NPS (0-10)", "Sentiment score", "Fecha de visita",
                       "Tienda", "Verbatim"])
    assert m["touchpoint"] == 0 and m["score"] == 1 and m["sentiment"] == 2
    assert m["date"] == 3 and m["segment"] == 4 and m["comment"] == 5
    m = guess_mapping(["TOUCHPOINT_ID", "valoracion", "SENTIMIENTO", "comentario", "region"])
    assert [m[f] for f in ("touchpoint", "score", "sentiment", "comment", "segment")] == [0, 1, 2, 3, 4]
    m = guess_mapping(["interaction", "Promoters", "Pasivos", "neutros", "Detractores"])
    assert (m["touchpoint"], m["promoters"], m["passives"], m["detractors"]) == (0, 1, 2, 4)
    assert m["score"] is None


def test_resolve_and_normalise():
    headers = ["Tienda", "Puntuación", "3"]
    assert resolve_column("puntuacion", headers) == 1
    assert resolve_column(1, headers) == 0
    assert resolve_column("3", headers) == 2  # a header named "3" wins
    assert resolve_column("2", headers) == 1
    with pytest.raises(ValueError):
        resolve_column(4, headers)
    assert normalise("  ATENCIÓN\u00a0 en   Caja ") == "atencion en caja"


def test_detectors():
    assert detect_encoding("año".encode()) == "utf-8-sig"
    assert detect_encoding(codecs.BOM_UTF8 + b"a") == "utf-8-sig"
    assert detect_encoding("año €".encode("cp1252")) == "cp1252"
    assert detect_encoding(b"\x81\x8d") == "latin-1"
    assert detect_encoding("añ".encode()[:-1]) == "utf-8-sig"  # a cut character at the sample's end
    assert detect_delimiter("a;b;c\nx;0,5;1,5\ny;2;3\n") == ";"
    assert detect_delimiter("a|b\nx|1\n") == "|"
    assert detect_delimiter("a\tb c\nx\t1\n") == "\t"
    assert detect_delimiter('a,b\n"x;y",1\n') == ","
    assert detect_sentiment_scale(["1", "3", "5", None, "muy positivo"]) == "five"
    assert detect_sentiment_scale(["1", "0", "-1"]) == "unit"
    assert detect_sentiment_scale(["0,5", "4"]) == "unit"
    assert detect_sentiment_scale(["4", "-1"]) == "unit"
    assert detect_sentiment_scale(["4", "7", "1"]) == "five"  # the 7 is rejected later
    assert detect_sentiment_scale(["0", "1", "x"]) == "unit"


def test_value_parsers():
    assert importing.parse_score("9,0") == 9 and importing.parse_score(10.0) == 10
    assert "whole" in importing.parse_score("9.5")
    assert importing.parse_date("5/3/2024") == "2024-03-05"
    assert importing.parse_date("2024-3-5") == "2024-03-05"
    assert importing.parse_date("") is None
    assert "not a date" in importing.parse_date(45000)
