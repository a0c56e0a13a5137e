"""Export dialog: what to include, DPI that is real, a preview, and choices remembered per document."""

import struct
import zlib

import pytest
from PySide6.QtCore import Qt

from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document
from journeymap.ui.dialogs.export_dialog import ExportDialog
from journeymap.ui.scene import MapScene, style
from journeymap.ui.session import DocumentSession


def png_header(path):
    data = path.read_bytes()
    w, h = struct.unpack(">II", data[16:24])
    i = data.find(b"pHYs")
    ppm = struct.unpack(">I", data[i + 4:i + 8])[0] if i > 0 else None
    assert zlib.crc32(data[12:29]) == struct.unpack(">I", data[29:33])[0]  # a valid IHDR
    return w, h, ppm


@pytest.fixture
def dialog(session, qtbot):
    scene = MapScene(session)
    d = ExportDialog(session, scene)
    qtbot.addWidget(d)
    yield d
    d.done(0)
    scene.dispose()


def uncheck(widget, row):
    widget.item(row).setCheckState(Qt.CheckState.Unchecked)


def test_dpi_is_recorded_and_the_shown_size_is_the_written_size(dialog, tmp_path):
    dialog.dpi_radio.setChecked(True)
    dialog.dpi_spin.setValue(300)
    shown = dialog.size_label.text()
    out = tmp_path / "m.png"
    assert dialog.export_to(out)
    w, h, ppm = png_header(out)
    assert shown == f"{w} × {h} px"
    assert ppm == round(300 / 0.0254)  # 300 dpi, as a print shop reads it
    # Changing what is included changes the size shown, and still equals what is written.
    uncheck(dialog.stage_list, 0)
    dialog.title_check.setChecked(False)
    shown = dialog.size_label.text()
    assert dialog.export_to(out)
    w2, h2, _ = png_header(out)
    assert shown == f"{w2} × {h2} px"
    scale = 300 / 96
    assert abs((w - w2) - style.COL_W * scale) < 3
    assert abs((h - h2) - (style.TITLE_H + style.TITLE_GAP) * scale) < 3


def test_included_stages_and_lanes_reach_the_deck(dialog, tmp_path):
    from pptx import Presentation

    stages = dialog.scene.stages
    uncheck(dialog.stage_list, 1)
    uncheck(dialog.lane_list, 0)
    dialog.set_format("pptx")
    out = tmp_path / "d.pptx"
    assert dialog.export_to(out)
    titles = [s.shapes.title.text_frame.text for s in Presentation(str(out)).slides if s.shapes.title is not None]
    assert stages[1].name not in titles and stages[0].name in titles and stages[2].name in titles
    # The user's own document and canvas are untouched.
    assert [s.id for s in dialog.session.document.stages(dialog.session.map_id)] == [s.id for s in stages]
    assert len(dialog.scene.stages) == len(stages)


def test_preview_shows_the_export(dialog, qtbot):
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull(),
                    timeout=5000)
    pixmap = dialog.preview.pixmap()
    assert 0 < pixmap.width() <= dialog.preview.width() and 0 < pixmap.height() <= dialog.preview.height()


def test_choices_are_remembered_per_document(session, qtbot, tmp_path):
    scene = MapScene(session)
    first = ExportDialog(session, scene)
    qtbot.addWidget(first)
    first.set_format("pdf")
    first.pdf_layout_combo.setCurrentIndex(first.pdf_layout_combo.findData("tile"))
    first.portrait_check.setChecked(True)
    for name, box in first.overlay_checks.items():
        box.setChecked(name == "sentiment")
    first.legend_check.setChecked(False)
    uncheck(first.stage_list, 2)
    assert first.export_to(tmp_path / "a.pdf")
    first.done(0)

    again = ExportDialog(session, scene)
    qtbot.addWidget(again)
    assert again.format() == "pdf" and again.pdf_layout_combo.currentData() == "tile"
    assert again.portrait_check.isChecked() and again.overlays() == {"sentiment"}
    assert not again.legend_check.isChecked()
    assert again.checked_ids(again.stage_list) == frozenset(s.id for s in scene.stages) - {scene.stages[2].id}
    again.done(0)

    other_doc = Document.create(tmp_path / "other.jmap")
    other = DocumentSession(other_doc, create_map_from_template(other_doc, "hotel"))
    other_scene = MapScene(other)
    fresh = ExportDialog(other, other_scene)
    qtbot.addWidget(fresh)
    assert fresh.format() == "png" and fresh.checked_ids(fresh.stage_list) is None
    fresh.done(0)
    other_scene.dispose()
    other_doc.close()
    scene.dispose()
