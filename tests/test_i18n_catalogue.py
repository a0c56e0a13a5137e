"""The translation catalogues: complete, up to date with the code, compiled, consistent."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from journeymap import i18n
from journeymap.domain.channels import CHANNELS
from journeymap.domain.model import Sensation

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
LUPDATE = BIN / "pyside6-lupdate"
LRELEASE = BIN / "pyside6-lrelease"
LANGS = ("es", "en")
# Plural forms per language (Qt's rules for es and en: singular, plural).
NUMERUS_FORMS = {"es": 2, "en": 2}

needs_tools = pytest.mark.skipif(
    not (LUPDATE.exists() and LRELEASE.exists()), reason="pyside6-lupdate / pyside6-lrelease not installed"
)


def messages(path: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [(ctx.findtext("name") or "", m) for ctx in root.iter("context") for m in ctx.iter("message")]


def keys(path: Path) -> set[tuple[str, str]]:
    return {(ctx, m.findtext("source") or "") for ctx, m in messages(path)}


def forms(message: ET.Element) -> list[str]:
    tr = message.find("translation")
    if message.get("numerus") == "yes":
        return [f.text or "" for f in tr.findall("numerusform")]
    return [tr.text or ""]


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_is_translated(lang):
    path = TS_DIR / f"journeymap_{lang}.ts"
    problems = []
    for ctx, m in messages(path):
        source = m.findtext("source")
        tr = m.find("translation")
        kind = tr.get("type")
        if kind in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{kind}: [{ctx}] {source!r}")
            continue
        texts = forms(m)
        if m.get("numerus") == "yes" and len(texts) != NUMERUS_FORMS[lang]:
            problems.append(f"{len(texts)} plural forms: [{ctx}] {source!r}")
        if any(not t.strip() for t in texts):
            problems.append(f"empty: [{ctx}] {source!r}")
    assert not problems, "\n".join(problems)


def test_spanish_catalogue_is_substantial():
    assert len(messages(TS_DIR / "journeymap_es.ts")) > 500


PLACEHOLDER = re.compile(r"%\d+|%n|\{[^{}]*\}|%\([a-z_]+\)[sdr]|%[sdr]")


def _accelerator(text: str) -> bool:
    return bool(re.search(r"&(?!&)\S", text.replace("&&", "")))


def test_spanish_keeps_placeholders_and_accelerators():
    problems = []
    for ctx, m in messages(TS_DIR / "journeymap_es.ts"):
        source = m.findtext("source") or ""
        want = sorted(PLACEHOLDER.findall(source))
        for text in forms(m):
            got = sorted(PLACEHOLDER.findall(text))
            if m.get("numerus") == "yes":
                # The singular form may spell the number out; every other placeholder stays.
                want_n = [p for p in want if p != "%n"]
                got_n = [p for p in got if p != "%n"]
                if want_n != got_n:
                    problems.append(f"placeholders [{ctx}] {source!r} -> {text!r}")
            elif got != want:
                problems.append(f"placeholders [{ctx}] {source!r} -> {text!r}")
            if _accelerator(source) != _accelerator(text):
                problems.append(f"accelerator [{ctx}] {source!r} -> {text!r}")
            if source.endswith("…") != text.endswith("…"):
                problems.append(f"ellipsis [{ctx}] {source!r} -> {text!r}")
    assert not problems, "\n".join(problems)


@needs_tools
def test_catalogues_hold_every_string_of_the_code(tmp_path):
    """lupdate run now finds no string the committed .ts lacks (and the .ts keeps none the code dropped)."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(LUPDATE), "-silent", "-extensions", "py", "-locations", "none", "-no-obsolete",
         str(ROOT / "journeymap"), "-ts", str(fresh)],
        check=True, timeout=60, capture_output=True,
    )
    extracted = keys(fresh)
    committed = keys(TS_DIR / "journeymap_es.ts")
    missing = sorted(extracted - committed)
    stale = sorted(committed - extracted)
    hint = "run scripts/update-translations and translate the new entries"
    assert not missing, f"strings not in journeymap_es.ts ({hint}):\n" + "\n".join(map(repr, missing))
    assert not stale, f"entries the code no longer uses ({hint}):\n" + "\n".join(map(repr, stale))
    # English only needs the plural forms.
    plural = {(c, m.findtext("source")) for c, m in messages(fresh) if m.get("numerus") == "yes"}
    assert plural == keys(TS_DIR / "journeymap_en.ts")


@needs_tools
@pytest.mark.parametrize("lang", LANGS)
def test_compiled_qm_matches_the_ts(tmp_path, lang):
    ts = TS_DIR / f"journeymap_{lang}.ts"
    shutil.copy(ts, tmp_path / ts.name)
    out = tmp_path / f"journeymap_{lang}.qm"
    subprocess.run([str(LRELEASE), "-silent", str(tmp_path / ts.name), "-qm", str(out)],
                   check=True, timeout=60, capture_output=True)
    committed = TS_DIR / out.name
    assert committed.exists(), f"{committed.name} missing: run scripts/update-translations --release"
    assert committed.read_bytes() == out.read_bytes(), f"{committed.name} is stale: run scripts/update-translations"


# The errors whose text reaches the user: each is raised with a declared Message, never with prose.
MESSAGE_ERRORS = (
    "DocumentError", "DocumentLockedError", "SidecarError", "ImportFileError", "ColumnError", "ExportError",
    "AtomicWriteError", "InvalidOutput", "MapJsonError", "TemplateError",
)


def test_errors_carry_declared_messages():
    """Every error a user reads is raised with a declared message id, never with prose (or str(other))."""
    import ast

    offenders = []
    for path in (ROOT / "journeymap").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in MESSAGE_ERRORS and node.args
                    and isinstance(node.args[0], (ast.JoinedStr, ast.Constant, ast.BinOp, ast.Call))):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders, (
        "an error with a literal text instead of a message (declare one beside the raise site, "
        "NAME = message(id, context, QT_TRANSLATE_NOOP(context, text)), and raise Error(NAME, args...); "
        "see journeymap/domain/messages.py):\n" + "\n".join(offenders)
    )


def test_every_message_is_declared_once():
    """One declaration per text and per id: the raise sites that say the same thing share it."""
    import ast

    seen: dict[object, str] = {}
    twice = []
    for path in (ROOT / "journeymap").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "message":
                msg_id, context, noop = node.args
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                for key in (ast.literal_eval(msg_id), (ast.literal_eval(context), ast.literal_eval(noop.args[1]))):
                    if key in seen:
                        twice.append(f"{key!r}: {seen[key]} and {where}")
                    seen[key] = where
    assert not twice, "\n".join(twice)


def test_every_declared_message_is_in_the_catalogue():
    """A Message declared beside its raise site is in the Spanish catalogue under its context, translated."""
    import ast

    catalogue = {(ctx, m.findtext("source")): m.find("translation").get("type") is None and m.findtext("translation")
                 for ctx, m in messages(TS_DIR / "journeymap_es.ts")}
    missing = []
    for path in (ROOT / "journeymap").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "message":
                _id, context, noop = node.args
                context, text = ast.literal_eval(context), ast.literal_eval(noop.args[1])
                if not catalogue.get((context, text)):
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {context}: {text}")
    assert not missing, "declared messages without a Spanish translation:\n" + "\n".join(missing)


def test_storage_errors_are_spanish_in_spanish(qapp, tmp_path):
    """Among them the ones that stayed English before: the change could not be saved, read-only, closed."""
    import sqlite3

    from journeymap.storage import Document, DocumentError
    from journeymap.storage.document import THE_CHANGE_COULD_NOT_BE_SAVED, THE_DOCUMENT_IS_CLOSED

    try:
        i18n.install(qapp, "es")
        cause = sqlite3.OperationalError("disk I/O error")
        saved = DocumentError(THE_CHANGE_COULD_NOT_BE_SAVED, tmp_path / "m.jmap", cause)
        assert str(saved).endswith("the change could not be saved (disk I/O error).")
        assert "no se ha podido guardar" in i18n.error_text(saved) and "disk I/O error" in i18n.error_text(saved)
        doc = Document.create(tmp_path / "m.jmap")
        doc.close()
        with pytest.raises(DocumentError) as closed:
            with doc.transaction():
                pass
        assert closed.value.message is THE_DOCUMENT_IS_CLOSED
        assert "cerrado" in i18n.error_text(closed.value)
        with pytest.raises(DocumentError) as missing:
            Document.open(tmp_path / "nope.jmap")
        assert i18n.error_text(missing.value) != str(missing.value)
    finally:
        i18n.install_none()


def test_service_errors_and_their_causes_are_spanish_in_spanish(qapp, tmp_path):
    """Export and import errors, an error given as another's cause, and a cause without its subject."""
    from journeymap.domain.messages import Subjectless
    from journeymap.domain.model import JourneyMap
    from journeymap.services.exporting import ExportError, write_atomic
    from journeymap.services.survey_import import import_survey
    from journeymap.storage import Document
    from journeymap.storage.document import THE_CHANGE_COULD_NOT_BE_SAVED, THE_DOCUMENT_IS_DAMAGED, DocumentError
    from journeymap.storage.sidecars import WITH_REPLAYED, SidecarError

    doc = Document.create(tmp_path / "m.jmap")
    map_id = doc.add_map(JourneyMap("M"))
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    try:
        i18n.install(qapp, "es")
        with pytest.raises(ExportError) as export:
            write_atomic(tmp_path / "no-such-folder" / "out.csv", lambda p: p.write_text("x"))
        assert str(export.value).endswith("no-such-folder: no such folder.")
        assert i18n.error_text(export.value).endswith("no-such-folder: la carpeta no existe.")
        with pytest.raises(Exception) as imported:
            import_survey(doc, map_id, tmp_path / "empty.csv")
        assert i18n.error_text(imported.value) != str(imported.value)
        damaged = DocumentError(THE_DOCUMENT_IS_DAMAGED, "/tmp/copy.jmap", "page 3")
        cause = SidecarError(WITH_REPLAYED, Subjectless(damaged))
        assert str(cause) == "with it replayed, the document is damaged (page 3)"
        assert i18n.error_text(cause) == "una vez aplicado, el documento está dañado (page 3)"
        outer = DocumentError(THE_CHANGE_COULD_NOT_BE_SAVED, "m.jmap", cause)
        assert "una vez aplicado" in i18n.error_text(outer) and "no se ha podido guardar" in i18n.error_text(outer)
    finally:
        i18n.install_none()
        doc.close()


def test_reject_reasons_carry_their_messages_and_nothing_is_matched_back(qapp, tmp_path, doc_path):
    """A rejected row keeps its reasons as declared messages; English prose alone is not translated back."""
    from journeymap.services.importing import RejectedRow, import_file
    from journeymap.storage import Document

    csv = tmp_path / "survey.csv"
    with Document.open(doc_path) as doc:
        map_id = doc.maps()[0].id
        title = doc.touchpoints(map_id)[0].title
        csv.write_text(f"Touchpoint,Score,Date\n{title},11,2026-02-30\n,9,\n", encoding="utf-8")
        result = import_file(doc, map_id, csv)
    first, second = result.rejected_rows
    assert first.reason == "score '11' is outside 0-10; date '2026-02-30' does not exist"
    assert second.reason == "missing touchpoint"
    try:
        i18n.install(qapp, "es")
        assert i18n.reason_text(first) == "la puntuación '11' está fuera de 0-10; la fecha '2026-02-30' no existe"
        assert i18n.reason_text(second) == "falta el punto de contacto"
        assert i18n.reason_text(RejectedRow(2, "missing touchpoint", ())) == "missing touchpoint"
    finally:
        i18n.install_none()
def test_labels_defined_without_qt_are_in_the_catalogue():
    assert set(i18n.CHANNEL_LABELS) == {c.label for c in CHANNELS}
    assert set(i18n.SENSATION_WORDS) == {s.value for s in Sensation}


@pytest.mark.parametrize(
    ("value", "expected"),
    [("es_ES.UTF-8", "es"), ("es", "es"), ("es-MX", "es"), ("en_GB", "en"), ("fr_FR.UTF-8", "en"),
     ("C", None), ("C.UTF-8", None), ("POSIX", None), ("", None), (None, None)],
)
def test_normalize(value, expected):
    assert i18n.normalize(value) == expected


def test_env_language_order():
    assert i18n.env_language({"LANG": "es_ES.UTF-8"}) == "es"
    assert i18n.env_language({"LANG": "es_ES.UTF-8", "LC_ALL": "en_US.UTF-8"}) == "en"
    assert i18n.env_language({"LANG": "en_US", "LC_MESSAGES": "es_AR"}) == "es"
    assert i18n.env_language({"LANG": "en_US", "JOURNEYMAP_LANG": "es"}) == "es"
    assert i18n.env_language({"LC_ALL": "C", "LANG": "es_ES"}) == "es"
    assert i18n.env_language({}) is None


def test_error_text_is_untouched_in_english():
    assert i18n.current_language() == "en"
    assert i18n.error_text(Exception("x.jmap: no such file.")) == "x.jmap: no such file."


def test_map_file_errors_are_spanish_with_their_parts(qapp):
    """A map JSON error and the parts it is made of ("the number 7", "between 1 and 5") in Spanish."""
    from journeymap.services.map_json import MapJsonError, import_map

    data = {"format": "journeymap-map", "version": 1, "map": {"title": "M"},
            "stages": [{"id": 1, "name": "S"}], "lanes": [{"id": 1, "name": "L"}],
            "touchpoints": [{"id": 1, "stage_id": 1, "lane_id": 1, "title": 7}]}
    doc = None  # validation fails before the document is touched
    try:
        i18n.install(qapp, "es")
        with pytest.raises(MapJsonError) as wrong_type:
            import_map(doc, data)
        assert str(wrong_type.value) == "touchpoints[0].title: expected text, got the number 7."
        assert i18n.error_text(wrong_type.value) == "touchpoints[0].title: se esperaba texto, pero es el número 7."
        data["touchpoints"][0].update(title="T", impact=9)
        with pytest.raises(MapJsonError) as out_of_range:
            import_map(doc, data)
        assert "between 1 and 5, got 9" in str(out_of_range.value)
        assert "debe ser un valor entre 1 y 5, no 9" in i18n.error_text(out_of_range.value)
    finally:
        i18n.install_none()


MAP_FILES_IN_SPANISH = [
    ("syntax", b'{"format": "journeymap-map" "version": 1}',
     "no es JSON válido (se esperaba una coma en la línea 1, columna 29)."),
    ("unclosed", b'{"format": "journeymap-map", "version": 1, "map": {"title": "M',
     "no es JSON válido (un texto sin cerrar en la línea 1, columna 61)."),
    ("not utf-8", b'{"format": "journeymap-map", "map": {"title": "\xe9"}}',
     "no es texto UTF-8 (byte de continuación no válido en el byte 47)."),
    ("a huge number", b'{"format": "journeymap-map", "version": ' + b"9" * 5000 + b"}",
     "no es JSON válido (un número con demasiadas cifras)."),
    ("no map", b'{"format": "journeymap-map", "version": 1}', "archivo de mapa.map: falta."),
]


@pytest.mark.parametrize("what, content, spanish", MAP_FILES_IN_SPANISH, ids=[m[0] for m in MAP_FILES_IN_SPANISH])
def test_map_file_errors_keep_no_english_of_python_in_spanish(qapp, tmp_path, what, content, spanish):
    """json's and the UTF-8 decoder's reasons and the file's top ("map file") are translated too."""
    from journeymap.services.map_json import MapJsonError, import_map, load_file

    path = tmp_path / "mapa.json"
    path.write_bytes(content)
    try:
        i18n.install(qapp, "es")
        with pytest.raises(MapJsonError) as raised:
            import_map(None, load_file(path))  # validation fails before the document is touched
        assert i18n.error_text(raised.value).endswith(spanish), i18n.error_text(raised.value)
    finally:
        i18n.install_none()
