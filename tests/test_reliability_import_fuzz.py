"""Bad survey files: random and malformed inputs never crash, hang or change the document.

For every input, ``preview_file`` and ``import_file``

* raise nothing but the documented ``ImportFileError`` (``ImportCancelled`` only
  on cancel), whose message names the file and stays short;
* finish within a time bound (each call runs in a worker thread that is given
  ``CALL_TIMEOUT`` seconds);
* leave the document exactly as it was (every row of every table) unless they
  report imported responses, recorded as one batch; removing that batch gives
  the original document back.

The malformed-file corpus is generated in ``tmp_path`` (nothing big is kept in
the repository): wrong encodings, ragged rows, fields over
``csv.field_size_limit()``, formulas, empty and header-only files, binary junk,
NUL bytes, a zip bomb named .xlsx, a huge shared-strings part, truncated and
bit-flipped workbooks, a workbook named .csv...
"""

from __future__ import annotations

import csv
import io
import os
import random
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_helpers import TITLES, make_doc

from journeymap.services.importing import ImportCancelled, ImportFileError, import_file, preview_file
from journeymap.storage import Document
from journeymap.storage.snapshots import TABLE_ORDER

ROOT = Path(__file__).resolve().parent.parent
CALL_TIMEOUT = 20.0  # seconds per preview/import call (a hang fails the test, naming the case)
MAX_MESSAGE = 2000  # an error message is a sentence, not a dump of the file


def dump(doc: Document) -> dict[str, list[tuple]]:
    return {t: [tuple(r) for r in doc.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()] for t in TABLE_ORDER}


def bounded(call, what: str):
    """Run *call* in a thread; fail if it takes longer than CALL_TIMEOUT. Returns (result, exception)."""
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["result"] = call()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            box["error"] = exc

    worker = threading.Thread(target=target, daemon=True, name=f"fuzz {what}")
    start = time.monotonic()
    worker.start()
    worker.join(CALL_TIMEOUT)
    if worker.is_alive():
        pytest.fail(f"{what}: still running after {CALL_TIMEOUT:.0f} s (a hang)")
    return box.get("result"), box.get("error"), time.monotonic() - start


def check_file(doc: Document, map_id: int, path: Path) -> str:
    """The properties for one input file; returns a one-word outcome for the corpus summary."""
    before = dump(doc)
    _preview, error, _t = bounded(lambda: preview_file(path), f"preview {path.name}")
    if error is not None:
        assert_reported(error, path)
    result, error, _t = bounded(lambda: import_file(doc, map_id, path), f"import {path.name}")
    assert not doc._conn.in_transaction, "the import left a transaction open"
    if error is not None:
        assert_reported(error, path)
        assert dump(doc) == before, f"{path.name}: a failed import changed the document"
        return "refused"
    if result.imported == 0:
        assert result.batch_id is None
        assert dump(doc) == before, f"{path.name}: nothing imported but the document changed"
        return "nothing"
    assert result.batch_id is not None
    doc.delete_batch(result.batch_id)
    assert dump(doc) == before, f"{path.name}: the import changed more than its own batch"
    return "imported"


def assert_reported(error: BaseException, path: Path) -> None:
    if not isinstance(error, ImportFileError | ImportCancelled):
        raise AssertionError(f"{path.name}: {type(error).__name__} escaped: {error}") from error
    message = str(error)
    assert path.name in message, f"the message does not name the file: {message!r}"
    assert len(message) <= MAX_MESSAGE, f"{path.name}: a {len(message)}-character message"


@pytest.fixture
def document(tmp_path):
    doc, map_id, _ids = make_doc(tmp_path)
    yield doc, map_id
    doc.close()


# ---------------------------------------------------------------- property-based
CELLS = st.one_of(
    st.sampled_from([*TITLES, "touchpoint", "score", "sentimiento", "fecha", "comment", "segment",
                     "promoters", "detractores", "9", "10", "-1", "11", "9.5", "7,0", "nan", "inf", "1e308",
                     "2024-02-30", "31/12/2023", "positive", "muy negativo", "=1+1", "@SUM(A1)", "", " ", '"',
                     "1" * 40, "²", "٣"]),
    st.text(max_size=20),
)
DELIMS = st.sampled_from([",", ";", "\t", "|", " ", ""])
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be",
                             "utf-32"])


@st.composite
def csvish(draw) -> bytes:
    header = draw(st.lists(st.sampled_from(["touchpoint", "score", "sentiment", "comment", "date", "segment",
                                            "promoters", "passives", "detractors", "x", ""]),
                           min_size=0, max_size=6))
    rows = draw(st.lists(st.lists(CELLS, max_size=8), max_size=12))
    delim = draw(DELIMS)
    quote = draw(st.booleans())
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    lines = []
    for row in [header, *rows]:
        cells = [f'"{c}"' if quote and draw(st.booleans()) else c for c in row]
        lines.append(delim.join(cells))
    text = newline.join(lines) + draw(st.sampled_from(["", newline]))
    return text.encode(draw(ENCODINGS), errors="replace")


def _xlsx(rows: list[list[object]]) -> bytes:
    """A real workbook, byte-for-byte reproducible (fixed times), so hypothesis can replay it."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    for row in rows:
        ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    out = io.BytesIO()
    wb.save(out)
    parts = _parts(out.getvalue())
    parts["docProps/core.xml"] = b'<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>'
    return _zip(parts)


@st.composite
def mangled_xlsx(draw) -> bytes:
    rows = draw(st.lists(st.lists(st.one_of(CELLS, st.integers(-5, 15), st.none()), max_size=5), max_size=5))
    data = bytearray(_xlsx([["touchpoint", "score"], *rows]))
    how = draw(st.sampled_from(["keep", "truncate", "flip", "splice"]))
    if how == "truncate":
        data = data[: draw(st.integers(0, len(data)))]
    elif how == "flip":
        for _ in range(draw(st.integers(1, 20))):
            i = draw(st.integers(0, len(data) - 1))
            data[i] = draw(st.integers(0, 255))
    elif how == "splice":
        i = draw(st.integers(0, len(data)))
        data[i:i] = draw(st.binary(max_size=64))
    return bytes(data)


INPUTS = st.one_of(
    st.binary(max_size=2048),
    st.text(max_size=500).map(lambda t: t.encode("utf-8", errors="replace")),
    csvish(),
    mangled_xlsx(),
)


@given(content=INPUTS, suffix=st.sampled_from([".csv", ".xlsx", ".txt", ".tsv", ""]))
@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_random_inputs_are_imported_or_refused_cleanly(document, tmp_path, content, suffix) -> None:
    doc, map_id = document
    path = tmp_path / f"survey-{os.urandom(4).hex()}{suffix}"
    path.write_bytes(content)
    try:
        check_file(doc, map_id, path)
    finally:
        path.unlink()


# ---------------------------------------------------------------- the corpus
def _zip(files: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as zf:
        for name, data in files.items():
            zf.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data, compress_type=method)
    return out.getvalue()


def _parts(workbook: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(workbook)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


SST = b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def corpus() -> dict[str, bytes]:
    """name -> content of every malformed file (built in memory; written to tmp_path by the test)."""
    rng = random.Random(20240601)
    good = "touchpoint,score,comment\nProbador,9,bien\nDevolución,3,mal\n"
    workbook = _xlsx([["touchpoint", "score"], ["Probador", 9], ["Devolución", 3]])
    parts = _parts(workbook)
    big_field = csv.field_size_limit() + 1
    cases = {
        # encodings
        "utf16-le-no-bom.csv": good.encode("utf-16-le"),
        "utf16-be-no-bom.csv": good.encode("utf-16-be"),
        "utf32.csv": good.encode("utf-32"),
        "mixed-encodings.csv": b"touchpoint,score\n" + "Devolución,3\n".encode("cp1252")
        + "Devolución,4\n".encode() + "Probador,9\n".encode("utf-16-le"),
        "bad-utf8-after-sample.csv": good.encode() + b"Probador,9,ok\n" * 80_000 + b"Probador,9,\xff\xfe\n",
        # shapes
        "ragged.csv": b"touchpoint,score,comment\nProbador\nProbador,9,a,b,c,d,e\n,,,\n\n;;;\nDevoluci\xc3\xb3n,3,x\n",
        "huge-field.csv": b'touchpoint,score\nProbador,9\n"' + b"x" * (10 << 20) + b'",1\n',
        "huge-field-no-newline.csv": b"x" * (10 << 20),
        "field-just-over-limit.csv": b"touchpoint,score,comment\nProbador,9," + b"y" * big_field + b"\n",
        "huge-header.csv": b"a," * (1 << 20) + b"\n1,2\n",
        "one-long-line-of-commas.csv": b"touchpoint,score\n" + b"," * (4 << 20),
        "sniffer-quadratic.csv": b',"x' * 400_000,
        "unclosed-quote.csv": b'touchpoint,score\n"Probador,9\nx,1\n' + b"y" * 300_000,
        "cr-only.csv": good.replace("\n", "\r").encode(),
        "formulas.csv": b'touchpoint,score,comment\nProbador,=1+9,=HYPERLINK("http://x")\n'
        b"=cmd|' /C calc'!A0,9,@SUM(1)\n+Probador,-9,-1\n",
        "empty.csv": b"",
        "whitespace-only.csv": b"  \n\t\n \r\n",
        "header-only.csv": b"touchpoint,score\n",
        "header-only-no-newline.xlsx.csv": b"touchpoint;score",
        "no-usable-columns.csv": b"foo,bar\n1,2\n",
        # binary
        "binary-junk.csv": bytes(rng.getrandbits(8) for _ in range(100_000)),
        "nul-bytes.csv": b"touchpoint,score\nProb\x00ador,9\n\x00\x00\x00\n",
        "all-nul.csv": b"\x00" * 100_000,
        "old-xls.csv": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000),
        "png.csv": b"\x89PNG\r\n\x1a\n" + bytes(rng.getrandbits(8) for _ in range(2000)),
        # workbooks
        "zip-bomb.xlsx": _zip({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": bytes(200 << 20)}),
        "huge-shared-strings.xlsx": _zip({**parts, "xl/sharedStrings.xml": SST + b"<si><t>x</t></si>" * 2_000_000
                                          + b"</sst>"}),
        "long-shared-string.xlsx": _zip({**parts, "xl/sharedStrings.xml": SST + b"<si><t>"
                                         + os.urandom(3 << 20).hex().encode() + b"</t></si></sst>"}),
        "truncated.xlsx": workbook[: len(workbook) // 2],
        "truncated-tail.xlsx": workbook[:-30],
        "xlsx-named.csv": workbook,
        "not-a-zip.xlsx": b"touchpoint,score\nProbador,9\n",
        "zip-without-workbook.xlsx": _zip({"hello.txt": b"hi"}),
        "zip-junk.xlsx": b"PK\x03\x04" + bytes(rng.getrandbits(8) for _ in range(5000)),
        "bad-sheet-xml.xlsx": _zip({**parts, "xl/worksheets/sheet1.xml": b"<not xml"}),
        "entity-expansion.xlsx": _zip({**parts, "xl/workbook.xml": b"<?xml version='1.0'?><!DOCTYPE x ["
                                       + b"<!ENTITY a 'aaaaaaaaaa'>"
                                       + b"".join(b"<!ENTITY %c '%s'>" % (c, (b"&%c;" % (c - 1)) * 10)
                                                  for c in b"bcdefg")
                                       + b"]><workbook>&g;</workbook>"}),
        "no-worksheets.xlsx": _zip({**{k: v for k, v in parts.items() if "worksheets" not in k}}),
        "stored-not-deflated.xlsx": _zip(parts, zipfile.ZIP_STORED),
    }
    flipped = bytearray(workbook)
    for _ in range(40):
        flipped[rng.randrange(len(flipped))] = rng.getrandbits(8)
    cases["bit-flipped.xlsx"] = bytes(flipped)
    return cases


def test_malformed_corpus_is_refused_or_imported_cleanly(document, tmp_path) -> None:
    doc, map_id = document
    folder = tmp_path / "corpus"
    folder.mkdir()
    outcomes = {}
    for name, content in corpus().items():
        path = folder / name
        path.write_bytes(content)
        start = time.monotonic()
        outcomes[name] = check_file(doc, map_id, path)
        assert time.monotonic() - start < CALL_TIMEOUT, name
        path.unlink()
    # Some of the damaged inputs are still readable, and say so; the hopeless ones are refused.
    for name in ("utf16-le-no-bom.csv", "utf16-be-no-bom.csv", "utf32.csv", "cr-only.csv",
                 "stored-not-deflated.xlsx", "ragged.csv"):
        assert outcomes[name] == "imported", (name, outcomes[name])
    for name in ("empty.csv", "binary-junk.csv", "all-nul.csv", "old-xls.csv", "zip-bomb.xlsx", "truncated.xlsx",
                 "huge-field.csv", "huge-field-no-newline.csv", "huge-header.csv", "not-a-zip.xlsx",
                 "zip-without-workbook.xlsx", "entity-expansion.xlsx", "bad-utf8-after-sample.csv"):
        assert outcomes[name] == "refused", (name, outcomes[name])
    assert outcomes["header-only.csv"] == "nothing"
    assert doc.integrity_check() == "ok"


def test_refusals_explain_why(document, tmp_path) -> None:
    doc, map_id = document
    expected = {
        "binary-junk.csv": "binary data",
        "huge-field.csv": "is longer than 4194304 characters",
        "huge-header.csv": "columns",
        "zip-bomb.xlsx": "zip bomb",
        "old-xls.csv": ".xls",
        "truncated.xlsx": "not a valid .xlsx",
        "empty.csv": "empty",
    }
    cases = corpus()
    for name, fragment in expected.items():
        path = tmp_path / name
        path.write_bytes(cases[name])
        with pytest.raises(ImportFileError) as info:
            import_file(doc, map_id, path)
        assert fragment in str(info.value), str(info.value)
        assert str(info.value).startswith(name + ":")


def test_unreadable_file_is_a_clean_error(document, tmp_path) -> None:
    if os.name != "posix" or os.geteuid() == 0:
        pytest.skip("needs a non-root POSIX user")
    doc, map_id = document
    path = tmp_path / "locked.csv"
    path.write_text("touchpoint,score\nProbador,9\n")
    path.chmod(0)
    try:
        with pytest.raises(ImportFileError, match="locked.csv"):
            import_file(doc, map_id, path)
    finally:
        path.chmod(0o600)


# ---------------------------------------------------------------- the CLI
@pytest.mark.parametrize("name", ["binary-junk.csv", "zip-bomb.xlsx", "huge-field.csv", "xlsx-named.csv",
                                  "empty.csv"])
def test_cli_import_of_junk_exits_1_without_traceback(tmp_path, name) -> None:
    doc, _map_id, _ids = make_doc(tmp_path)
    doc.close()
    data = tmp_path / name
    data.write_bytes(corpus()[name])
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "journeymap.cli", "import", str(tmp_path / "map.jmap"), str(data)],
        capture_output=True, text=True, timeout=60, cwd=tmp_path, env=env,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.stderr.startswith("journeymap: error: ") or "nothing imported" in proc.stderr, proc.stderr
    assert name in proc.stderr
    assert len(proc.stderr) < MAX_MESSAGE
    # Nothing written beside the document (no -wal/-shm left), nothing in the working folder.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["map.jmap", name])
    with Document.open(tmp_path / "map.jmap", read_only=True) as doc:
        assert doc.execute("SELECT COUNT(*) FROM responses").fetchone()[0] == 0
        assert doc.execute("SELECT COUNT(*) FROM import_batches").fetchone()[0] == 0


def test_a_zip_claiming_a_version_python_cannot_read_is_refused_by_name(document, tmp_path) -> None:
    """Found by the fuzz test (seed 101304677156634205404111902577105770328): zipfile raised
    NotImplementedError('zip file version 6.4') out of the importer."""
    import zipfile

    from journeymap.services.import_sources import ImportFileError, open_source

    path = tmp_path / "survey.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    data[central + 6] = 64  # "version needed to extract": 6.4
    path.write_bytes(bytes(data))
    with pytest.raises(ImportFileError, match="survey.xlsx"):
        open_source(path)
