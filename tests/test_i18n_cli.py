"""The CLI speaks the language of its environment (JOURNEYMAP_LANG, LC_ALL, LC_MESSAGES, LANG)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import cli

ROOT = Path(__file__).resolve().parent.parent


def test_missing_file_error_in_spanish(tmp_path):
    result = cli("report", "missing.jmap", cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert result.returncode == 1
    assert result.stderr.strip() == "journeymap: error: missing.jmap: el archivo no existe."


def test_missing_file_error_in_english_by_default(tmp_path):
    result = cli("report", "missing.jmap", cwd=tmp_path, LANG="C.UTF-8")
    assert result.returncode == 1
    assert result.stderr.strip() == "journeymap: error: missing.jmap: no such file."


@pytest.mark.parametrize("env", [{"LANG": "es_ES.UTF-8"}, {"LC_ALL": "es_MX.UTF-8", "LANG": "en_US.UTF-8"},
                                 {"LC_MESSAGES": "es_AR", "LANG": "en_US"}])
def test_posix_locale_variables_choose_spanish(tmp_path, env):
    result = cli("report", "missing.jmap", cwd=tmp_path, **env)
    assert "el archivo no existe" in result.stderr


def test_journeymap_lang_overrides_the_locale(tmp_path):
    result = cli("report", "missing.jmap", cwd=tmp_path, LANG="es_ES.UTF-8", JOURNEYMAP_LANG="en")
    assert "no such file" in result.stderr


def test_help_and_usage_errors_in_spanish(tmp_path):
    result = cli("--help", cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert result.returncode == 0
    assert result.stdout.startswith("uso: journeymap")
    assert "Mapas de experiencia del cliente con NPS y sentimiento, sin conexión." in result.stdout
    assert "muestra esta ayuda y termina" in result.stdout
    sub = cli("import", "--help", cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert "columna de la puntuación de recomendación de 0 a 10" in sub.stdout
    assert "Lee las exportaciones de Qualtrics, SurveyMonkey" in sub.stdout
    bad = cli("report", cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert bad.returncode == 2
    assert "faltan los argumentos obligatorios: FILE" in bad.stderr


def test_export_usage_error_in_spanish(tmp_path):
    result = cli("export", "a.jmap", "out.png", "--scale", "99", cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert result.returncode == 2
    assert "--scale debe estar entre 0,1 y 16; se recibió 99" in result.stderr


def test_new_map_follows_the_cli_language(tmp_path):
    made = cli("new", "m.jmap", cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert made.returncode == 0, made.stderr
    listed = cli("maps", "m.jmap", cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert "Customer journey genérico" in listed.stdout


def test_english_cli_does_not_load_qt(tmp_path):
    code = (
        "import sys\n"
        "from journeymap.cli import main\n"
        "rc = main(['templates'])\n"
        "assert 'PySide6.QtCore' not in sys.modules, 'Qt loaded'\n"
        "sys.exit(rc)\n"
    )
    base = {k: v for k, v in os.environ.items() if k not in ("JOURNEYMAP_LANG", "LC_ALL", "LC_MESSAGES")}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            env={**base, "LANG": "C.UTF-8"}, timeout=60)
    assert result.returncode == 0, result.stderr


def test_import_errors_and_rejected_rows_in_spanish(tmp_path):
    assert cli("new", "m.jmap", "--template", "retail-store", cwd=tmp_path, LANG="C.UTF-8").returncode == 0
    (tmp_path / "no-touchpoint.csv").write_text("when,score\n2026-01-02,9\n", encoding="utf-8")
    failed = cli("import", "m.jmap", "no-touchpoint.csv", cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert failed.returncode == 1
    assert failed.stderr.strip() == (
        "journeymap: error: no-touchpoint.csv: ninguna columna nombra un punto de contacto de este mapa "
        "(columnas: 'when', 'score'); asigna las columnas a puntos de contacto explícitamente."
    )
    (tmp_path / "bad-rows.csv").write_text(
        "touchpoint,score,date\nCheckout,12,2026-02-30\nNowhere,9,\n", encoding="utf-8"
    )
    partial = cli("import", "m.jmap", "bad-rows.csv", cwd=tmp_path, JOURNEYMAP_LANG="es")
    # An unreadable date never rejects an answer (it is stored without a date): only the score does.
    assert "fila 2: no hay ningún punto de contacto 'Checkout' en este mapa; la puntuación '12' está fuera de 0-10" \
        in partial.stdout
    assert "no hay ningún punto de contacto 'Nowhere' en este mapa" in partial.stdout
    (tmp_path / "wide.csv").write_text("Marca temporal,Valoración [Checkout queue]\n15/03/2026,x\n16/03/2026,9\n"
                                       "17/03/2026,10\n", encoding="utf-8")
    wide = cli("import", "m.jmap", "wide.csv", cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert wide.returncode == 0, wide.stderr
    assert "fila 2: columna 'Valoración [Checkout queue]': la puntuación 'x' no es un número" in wide.stdout
    assert "Fechas de Marca temporal leídas con el día primero (según sus valores)." in wide.stdout


def test_unknown_export_format_in_spanish(tmp_path):
    assert cli("new", "m.jmap", cwd=tmp_path, LANG="C.UTF-8").returncode == 0
    result = cli("export", "m.jmap", "out.xyz", cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert result.returncode == 2
    assert "out.xyz: formato de exportación desconocido «.xyz» (usa uno de: .png, .svg" in result.stderr
