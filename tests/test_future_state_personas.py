"""Future state (duplicate, compare, export the comparison) and the personas dock, in the real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from journeymap.domain.model import Touchpoint
from journeymap.services.comparison import Status, compare
from journeymap.storage import Document
from journeymap.ui.dialogs.comparison import export_comparison, shown


def test_future_state_comparison_marks_changes_and_exports(qapp, session, tmp_path: Path) -> None:
    doc = session.document
    current = session.map_id
    future = session.editor.duplicate_as_future_state(current)
    assert session.map_id == future and doc.get_map(future).source_map_id == current
    cards = doc.touchpoints(future)
    renamed, dropped, scored = cards[1], cards[2], cards[4]
    doc.update_touchpoint(renamed.id, title="Digital window display")
    doc.delete_touchpoint(dropped.id)
    doc.update_touchpoint(scored.id, manual_nps=30)
    original = next(t for t in doc.touchpoints(current) if t.id == scored.origin_id)
    doc.update_touchpoint(original.id, manual_nps=-10)
    doc.add_touchpoint(Touchpoint(future, renamed.stage_id, renamed.lane_id, "Self-checkout kiosk"))

    comparison = compare(doc, future)
    counts = comparison.counts()
    assert (counts[Status.ADDED], counts[Status.REMOVED], counts[Status.CHANGED]) == (1, 1, 2)
    [added] = comparison.of(Status.ADDED)
    assert added.title == "Self-checkout kiosk"
    [removed] = comparison.of(Status.REMOVED)
    assert removed.title == dropped.title
    changed = {d.title: d for d in comparison.of(Status.CHANGED)}
    assert changed["Digital window display"].fields == ("title",)
    assert changed[scored.title].nps_delta == 40.0
    assert len(shown(comparison)) == 4

    png = export_comparison(comparison, tmp_path / "cmp.png")
    image = QImage(str(png))
    assert image.width() > 1000 and image.height() > 200
    # The pills are drawn in their colours (added green, removed red).
    colours = {
        QColor(image.pixel(x, y)).name() for x in range(40, 200, 4) for y in range(0, image.height(), 4)
    }
    assert "#2e7d32" in colours and "#c62828" in colours
    pdf = export_comparison(comparison, tmp_path / "cmp.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    # Undo removes the future state.
    session.undo_stack.undo()
    assert future not in [m.id for m in doc.maps()]


def test_duplicate_as_future_state_from_the_menu_and_outline_pair(qtbot, tmp_path: Path) -> None:
    from journeymap.services.templates import create_map_from_template
    from journeymap.ui.main_window import MainWindow

    path = tmp_path / "w.jmap"
    with Document.create(path) as doc:
        create_map_from_template(doc, "insurance")
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(path, interactive=False)
    session = w.session
    current = session.map_id
    w.act_future_state.trigger()
    future = session.map_id
    assert future != current and session.document.get_map(future).source_map_id == current
    outline = w.outline_dock
    tips = [outline.list.item(i).toolTip() for i in range(outline.list.count())]
    assert any("Future state of" in t for t in tips) and any("future state:" in t for t in tips)
    assert w.persona_dock.list.count() == 1
    # The toolbar's Add Lane offers the kinds on its arrow; a kind's entry adds a lane of that kind.
    from PySide6.QtWidgets import QToolBar, QToolButton

    from journeymap.domain.model import LaneKind

    button = next(tb.widgetForAction(w.act_add_lane) for tb in w.findChildren(QToolBar))
    assert button.popupMode() == QToolButton.ToolButtonPopupMode.MenuButtonPopup
    backstage = next(a for a in button.menu().actions() if a.text().replace("&", "") == "Backstage and support")
    backstage.trigger()
    w.scene.cancel_editing()
    lanes = session.document.lanes(future)
    assert (lanes[-1].kind, lanes[-1].name) == (LaneKind.BACKSTAGE, "Backstage and support")
    w.close()


def test_persona_dock_adds_edits_assigns_and_undoes(qtbot, session, tmp_path: Path) -> None:
    from journeymap.ui.docks.personas import PersonaDock

    dock = PersonaDock()
    qtbot.addWidget(dock)
    dock.set_session(session)
    doc = session.document
    assert dock.list.count() == 1  # the template's persona
    pid = dock.add_persona()
    assert [p.id for p in doc.map_personas(session.map_id)][-1] == pid
    dock.name_edit.setText("Lucía, 29")
    dock.name_edit.editingFinished.emit()
    dock.edits["goals"].setPlainText("Pagar rápido\n\nProbarse la talla")
    dock._commit("goals")
    assert doc.persona(pid).name == "Lucía, 29"
    assert doc.persona(pid).goals == ["Pagar rápido", "Probarse la talla"]
    photo = tmp_path / "p.png"
    img = QImage(40, 40, QImage.Format.Format_RGB32)
    img.fill(QColor("#336699"))
    img.save(str(photo))
    assert dock.set_photo_from_file(str(photo))
    assert doc.persona(pid).photo.startswith(b"\x89PNG")
    # Unassign from the map (the persona stays in the document).
    from PySide6.QtCore import Qt

    item = next(dock.list.item(i) for i in range(dock.list.count()) if dock.list.item(i).text() == "Lucía, 29")
    item.setCheckState(Qt.CheckState.Unchecked)
    assert pid not in [p.id for p in doc.map_personas(session.map_id)]
    for _ in range(5):
        session.undo_stack.undo()
    assert pid not in [p.id for p in doc.personas()]


def test_persona_card_and_arrows_are_in_the_export(session, tmp_path: Path) -> None:
    from journeymap.ui.export.render import ImageOptions, render_image
    from journeymap.ui.scene import MapScene

    scene = MapScene(session)
    try:
        with_all = render_image(scene, ImageOptions(overlays=set()))
        for cid in list(scene.rich.connections.items):
            scene.rich.connections.items[cid].hide()
        scene.rich.personas.hide()
        without = render_image(scene, ImageOptions(overlays=set()))
        assert with_all.size() == without.size() and with_all != without
    finally:
        scene.dispose()


def test_json_round_trip_of_the_future_state_keeps_its_connections(session, tmp_path: Path) -> None:
    from journeymap.services.map_json import export_map, import_map

    doc = session.document
    future = doc.duplicate_map(session.map_id, "Future", future_state=True)
    data = export_map(doc, future)
    with Document.create(tmp_path / "other.jmap") as other:
        new = import_map(other, data)
        assert len(other.connections(new)) == len(doc.connections(future))
        assert [p.name for p in other.map_personas(new)] == [p.name for p in doc.map_personas(future)]


def test_persona_photo_from_a_card_photo(qtbot, session) -> None:
    import hashlib

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from journeymap.domain.model import Attachment
    from journeymap.storage import attachments
    from journeymap.ui.docks.personas import PersonaDock

    doc = session.document
    tid = doc.touchpoints(session.map_id)[0].id
    img = QImage(30, 20, QImage.Format.Format_RGB32)
    img.fill(QColor("#AA3377"))
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    raw = bytes(data.data())
    sha = hashlib.sha256(raw).hexdigest()
    attachments.add_blob(doc, sha, raw, raw)
    attachments.add(doc, Attachment(tid, "shop.png", "image/png", sha, 30, 20, len(raw)))
    dock = PersonaDock()
    qtbot.addWidget(dock)
    dock.set_session(session)
    session.set_selection([tid])
    assert dock.photo_from_selected_card()
    photo = QImage.fromData(dock.current_persona().photo)
    assert (photo.width(), photo.height()) == (30, 20) and QColor(photo.pixel(5, 5)).name() == "#aa3377"
    session.undo_stack.undo()
    assert dock.current_persona().photo is None


def test_a_comparison_that_cannot_be_written_says_why_in_spanish(qapp, qtbot, session, tmp_path, monkeypatch):
    import pytest
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from journeymap import i18n
    from journeymap.services.exporting import ExportError
    from journeymap.ui.dialogs.comparison import ComparisonDialog

    future = session.editor.duplicate_as_future_state(session.map_id)
    comparison = compare(session.document, future)
    with pytest.raises(ExportError, match=r"cmp\.svg: the comparison exports as \.png or \.pdf\.$"):
        export_comparison(comparison, tmp_path / "cmp.svg")
    missing = tmp_path / "no-such-folder"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing / "comparación"), ""))
    shown_text: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown_text.append(text))
    i18n.install(qapp, "es")
    try:
        dialog = ComparisonDialog(comparison)
        qtbot.addWidget(dialog)
        assert dialog.export("png") is None
    finally:
        i18n.install(qapp, "en")
    assert shown_text == [f"{missing}: la carpeta no existe."]
