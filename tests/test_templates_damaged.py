"""A damaged starter template says what is wrong, in the user's language, and changes nothing.

The templates are JSON files beside the application (resources/templates); a bad
edit or a bad copy of one used to end in a KeyError or Python's English JSON error.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journeymap.services import templates
from journeymap.services.templates import TemplateError, create_map_from_template, load_template
from journeymap.storage import Document

ROOT = Path(__file__).resolve().parents[1]
GENERIC = json.loads((ROOT / "resources" / "templates" / "generic.json").read_text(encoding="utf-8"))


@pytest.fixture
def resources(tmp_path, monkeypatch):
    """A copy of the resource folder whose templates folder the test may spoil (translations are the real ones)."""
    from journeymap import resources as resources_module

    root = tmp_path / "resources"
    (root / "templates").mkdir(parents=True)
    for entry in (ROOT / "resources").iterdir():
        if entry.name != "templates":
            (root / entry.name).symlink_to(entry)
    for path in (ROOT / "resources" / "templates").glob("*.json"):
        (root / "templates" / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(resources_module, "RESOURCES", root)
    load_template.cache_clear()
    yield root
    load_template.cache_clear()


def damaged(mutate) -> dict:
    data = copy.deepcopy(GENERIC)
    mutate(data)
    return data


BROKEN = [
    ("no stages", lambda d: d.pop("stages"), "stages is missing or not usable"),
    ("stages not a list", lambda d: d.update(stages={"a": 1}), "stages is missing or not usable"),
    ("a stage without a name", lambda d: d["stages"][1].pop("name"), r"stages\[1\] is missing or not usable"),
    ("a lane of no kind", lambda d: d["lanes"][0].update(kind="gossip"), r"lanes\[0\]\.kind is missing"),
    ("a card in no stage", lambda d: d["touchpoints"][2].update(stage="nowhere"),
     r"touchpoints\[2\]\.stage names 'nowhere', which it does not define"),
    ("a card without a title", lambda d: d["touchpoints"][0].pop("title"), r"touchpoints\[0\]\.title is missing"),
    ("a card of no sensation", lambda d: d["touchpoints"][0].update(sensation="meh"),
     r"touchpoints\[0\]\.sensation is missing"),
    ("an impact in words", lambda d: d["touchpoints"][0].update(impact="high"),
     r"touchpoints\[0\]\.impact is missing"),
    ("a connection to no card", lambda d: d.update(connections=[{"from": 0, "to": 999}]),
     r"connections\[0\]\.to names 999, which it does not define"),
]


@pytest.mark.parametrize("what, mutate, reason", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_damaged_template_is_refused_before_the_document_changes(resources, tmp_path, what, mutate, reason):
    (resources / "templates" / "spoilt.json").write_text(json.dumps(damaged(mutate)), encoding="utf-8")
    doc = Document.create(tmp_path / "d.jmap")
    try:
        with pytest.raises(TemplateError, match=rf"^the template 'spoilt' is damaged: {reason}"):
            create_map_from_template(doc, "spoilt")
        assert doc.maps() == []
    finally:
        doc.close()


def test_the_shipped_templates_pass_the_check():
    for name in templates.template_names():
        assert load_template(name)["stages"], name


def run_cli_in(resources: Path, lang: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``journeymap ARGS`` in a child process, as a user in *lang* runs it, with the templates of *resources*."""
    program = (
        "import sys; from pathlib import Path; import journeymap.resources as r; "
        f"r.RESOURCES = Path({str(resources)!r}); from journeymap.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("JOURNEYMAP_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(JOURNEYMAP_LANG=lang, PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-c", program, *args], env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_new_from_a_damaged_template_in_spanish_says_so_in_spanish(resources, tmp_path):
    (resources / "templates" / "roto.json").write_text('{"title": {"es": "Roto"}, "stages": [', encoding="utf-8")
    spoilt = damaged(lambda d: d["touchpoints"][3].update(lane="sótano"))
    (resources / "templates" / "cojo.json").write_text(json.dumps(spoilt), encoding="utf-8")
    target = tmp_path / "nuevo.jmap"

    bad_json = run_cli_in(resources, "es", "new", str(target), "--template", "roto")
    assert bad_json.returncode == 1
    assert bad_json.stderr.strip() == (
        "journeymap: error: la plantilla «roto» está dañada: no es JSON válido (línea 1, columna 38)."
    ), bad_json.stderr
    bad_card = run_cli_in(resources, "es", "new", str(target), "--template", "cojo")
    assert "la plantilla «cojo» está dañada: touchpoints[3].lane nombra 'sótano', que la plantilla no define." in (
        bad_card.stderr
    ), bad_card.stderr
    unknown = run_cli_in(resources, "es", "new", str(target), "--template", "ninguna")
    assert "plantilla desconocida: «ninguna» (disponibles: generic, " in unknown.stderr, unknown.stderr
    assert not target.exists()
    english = run_cli_in(resources, "en", "new", str(target), "--template", "roto")
    assert "the template 'roto' is damaged: it is not valid JSON (line 1, column 38)." in english.stderr


def test_file_new_from_a_damaged_template_in_spanish_shows_spanish(qapp, qtbot, resources, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from journeymap import i18n
    from journeymap.ui.main_window import MainWindow

    (resources / "templates" / "roto.json").write_bytes(b'{"title": "\xff"}')
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text, *a, **k: shown.append(text))
    i18n.install(qapp, "es")
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        assert not window.new_document(tmp_path / "nuevo.jmap", "roto")
    finally:
        i18n.install(qapp, "en")
    assert shown == ["la plantilla «roto» está dañada: no es texto UTF-8."]
