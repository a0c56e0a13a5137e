"""File ▸ Export dialog and Copy map as image, on the real canvas scene."""

import csv

import pytest
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document
from journeymap.ui.dialogs import export_dialog
from journeymap.ui.dialogs.export_dialog import (
    ExportDialog,
    copy_image_to_clipboard,
    open_export_dialog,
    safe_file_name,
)
from journeymap.ui.export.render import ImageOptions, content_rect, export_rect

MapScene = pytest.importorskip("journeymap.ui.scene.map_scene").MapScene
from journeymap.ui.session import DocumentSession  # noqa: E402


@pytest.fixture
def session(tmp_path):
    doc = Document.create(tmp_path / "a.jmap")
    map_id = create_map_from_template(doc, "retail-store", title="Store: visit / 2024")
    tps = doc.touchpoints(map_id)
    doc.update_touchpoint(tps[0].id, manual_nps=30)
    s = DocumentSession(doc, map_id)
    yield s
    doc.close()


@pytest.fixture
def scene(qapp, session):
    s = MapScene(session)
    s.set_overlays({"nps"})
    yield s
    s.dispose()


@pytest.fixture
def dialog(qtbot, session, scene):
    d = ExportDialog(session, scene)
    qtbot.addWidget(d)
    return d


def test_defaults_follow_the_scene(dialog):
    assert dialog.format() == "png"
    assert dialog.overlays() == {"nps"}
    options = dialog.image_options()
    assert options.scale == 2 and options.width is None and options.legend
    rect = content_rect(dialog.scene)
    assert dialog.size_label.text().startswith(f"{round(rect.width() * 2)} × ")


def test_sections_follow_the_format(dialog):
    dialog.show()
    dialog.set_format("pdf")
    assert dialog.pdf_box.isVisible() and not dialog.png_box.isVisible() and dialog.look_box.isVisible()
    assert not dialog.transparent_check.isVisible()
    dialog.set_format("json")
    assert dialog.data_box.isVisible() and dialog.responses_check.isVisible() and not dialog.look_box.isVisible()
    dialog.set_format("csv")
    assert not dialog.responses_check.isVisible()
    dialog.set_format("png")
    assert dialog.png_box.isVisible() and dialog.transparent_check.isVisible()


def test_width_option_updates_the_size(dialog):
    dialog.width_radio.setChecked(True)
    dialog.width_spin.setValue(1200)
    assert dialog.image_options().width == 1200
    assert dialog.size_label.text().startswith("1200 × ")


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf", "csv", "xlsx", "json"])
def test_export_each_format(dialog, tmp_path, fmt):
    dialog.set_format(fmt)
    out = tmp_path / f"m.{fmt}"
    assert dialog.export_to(out)
    assert out.stat().st_size > 100
    assert dialog.scene.overlays == frozenset({"nps"}) and not dialog.scene.export_mode


def test_png_export_uses_dialog_options(dialog, tmp_path):
    dialog.scale_combo.setCurrentIndex(0)  # 1×
    for box in dialog.overlay_checks.values():
        box.setChecked(False)
    out = tmp_path / "m.png"
    assert dialog.export_to(out)
    rect = export_rect(dialog.scene, ImageOptions(overlays=set()))  # the on-screen NPS legend is not exported
    image = QImage(str(out))
    assert abs(image.width() - rect.width()) <= 1 and abs(image.height() - rect.height()) <= 1


def test_csv_export_respects_the_segment(dialog, session, tmp_path):
    session.segment = "web"
    dialog.set_format("csv")
    out = tmp_path / "m.csv"
    assert dialog.export_to(out)
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(session.document.touchpoints(session.map_id))


def test_failure_shows_a_message(dialog, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    dialog.set_format("csv")
    assert not dialog.export_to(tmp_path / "missing" / "m.csv")
    assert shown and "no such folder" in shown[0]


def test_open_export_dialog_chooses_a_file_and_adds_the_extension(session, scene, tmp_path, monkeypatch):
    asked = {}

    def fake_save(parent, caption, suggested, file_filter):
        asked["suggested"] = suggested
        asked["filter"] = file_filter
        return str(tmp_path / "chosen"), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    monkeypatch.setattr(ExportDialog, "exec", lambda self: self.buttons.accepted.emit())
    open_export_dialog(None, session, scene)
    assert (tmp_path / "chosen.png").exists()
    assert asked["suggested"].endswith("Store visit 2024.png")
    assert "*.png" in asked["filter"]
    assert export_dialog._last_folder == str(tmp_path)


def test_safe_file_name():
    assert safe_file_name('a/b\\c:d*e?"f<g>h|i') == "a b c d e f g h i"
    assert safe_file_name("  ...  ") == "journey map"
    assert len(safe_file_name("x" * 300)) == 80


def test_copy_image_to_clipboard(scene):
    copy_image_to_clipboard(scene)
    image = QGuiApplication.clipboard().image()
    rect = content_rect(scene)
    if not image.isNull():  # the offscreen clipboard may not keep images
        assert abs(image.width() - rect.width() * 2) <= 1
    assert not scene.export_mode and scene.overlays == frozenset({"nps"})
