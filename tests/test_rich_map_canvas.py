"""Connections, lane kinds and blueprint lines on the real canvas, checked against the SQLite file."""

from __future__ import annotations

from canvas_helpers import click, drag, vp
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from journeymap.domain.model import LaneKind
from journeymap.storage import Document
from journeymap.ui.changes import Source
from journeymap.ui.scene import context_menu, style
from journeymap.ui.scene.connect_handle import handle_centre
from journeymap.ui.scene.interactions import ConnectDrag


def connections_on_disk(path):
    with Document.open(path, read_only=True) as doc:
        m = doc.maps()[0].id
        return [(c.source_id, c.target_id, c.label) for c in doc.connections(m)]


def two_unconnected_cards(scene):
    layer = scene.rich.connections
    free = [tid for tid in scene.cards if tid not in layer.by_card]
    # Two cards of different stages in the touchpoints lane.
    a = next(t for t in free if scene.cards[t].cell[0] == scene.stages[1].id)
    b = next(t for t in free if scene.cards[t].cell[0] == scene.stages[3].id and t != a)
    return a, b


def test_drag_from_edge_handle_draws_connection_undo_redo(canvas, doc_path):
    scene, view = canvas
    a, b = two_unconnected_cards(scene)
    before = connections_on_disk(doc_path)
    card_a = scene.card_item(a)
    start = card_a.mapToScene(handle_centre(card_a))
    QTest.mouseMove(view.viewport(), vp(view, start))  # hover shows the handle
    seen = []
    scene.session.changed.connect(seen.append)
    drag(view, start, scene.card_item(b).sceneBoundingRect().center())
    scene.session.changed.disconnect(seen.append)
    assert scene.interaction is None  # the gesture ended with the release
    [change] = seen  # one edit, announced by the canvas with the new connection's id
    assert change.source == Source.CANVAS and len(change.connections) == 1 and not change.touchpoints
    after = connections_on_disk(doc_path)
    assert after == [*before, (a, b, "")]
    layer = scene.rich.connections
    [cid] = layer.by_card[a]
    item = layer.items[cid]
    # The arrow leaves a's right edge and ends on b's left edge.
    assert item.points[0] == QPointF(card_a.scenePos().x() + style.CARD_W, card_a.scenePos().y() + style.CARD_H / 2)
    assert item.points[-1].x() == scene.card_item(b).scenePos().x()
    assert not card_a.isSelected() or scene.selected_ids() == [a]  # the press did not start a card drag
    assert scene.card_item(a).cell[0] == scene.stages[1].id

    scene.session.undo_stack.undo()
    assert connections_on_disk(doc_path) == before
    assert cid not in layer.items and a not in layer.by_card
    scene.session.undo_stack.redo()
    assert connections_on_disk(doc_path) == after
    assert cid in layer.items


def test_moving_a_card_moves_its_arrows_and_only_its_arrows(canvas, doc_path):
    scene, view = canvas
    layer = scene.rich.connections
    tid = next(t for t, ids in layer.by_card.items() if len(ids) >= 2)
    mine = set(layer.by_card[tid])
    others = {cid: list(item.points) for cid, item in layer.items.items() if cid not in mine}
    ends_before = {cid: list(layer.items[cid].points) for cid in mine}
    card = scene.card_item(tid)
    old_stage = card.cell[0]
    lane = card.cell[1]
    target = scene.cell_rect(scene.stages[-1].id, lane)
    drag(view, card.sceneBoundingRect().center(), QPointF(target.center().x(), target.bottom() - 4))
    assert scene.card_item(tid).cell == (scene.stages[-1].id, lane) != (old_stage, lane)
    moved = scene.card_item(tid).sceneBoundingRect()
    for cid in mine:
        pts = layer.items[cid].points
        assert pts != ends_before[cid]
        end = pts[0] if layer.items[cid].connection.source_id == tid else pts[-1]
        assert moved.adjusted(-1, -1, 1, 1).contains(end)  # the arrow follows the card
    # Cards in other cells did not move, so their arrows were not re-routed.
    unchanged = {cid: pts for cid, pts in others.items() if layer.items[cid].points == pts}
    assert len(unchanged) >= len(others) - 2
    scene.session.undo_stack.undo()
    assert {cid: layer.items[cid].points for cid in mine} == ends_before


def test_click_selects_arrow_delete_key_removes_it_undo_restores(canvas, doc_path):
    scene, view = canvas
    layer = scene.rich.connections
    cid, item = next((c, i) for c, i in layer.items.items() if len(i.points) == 2 and not i.connection.label)
    a, b = item.points
    click(view, QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2))
    assert layer.selected_ids() == [cid]
    before = connections_on_disk(doc_path)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Delete)
    assert len(connections_on_disk(doc_path)) == len(before) - 1
    assert cid not in layer.items
    scene.session.undo_stack.undo()
    assert connections_on_disk(doc_path) == before and cid in layer.items


def test_label_edit_is_undoable(canvas, doc_path):
    scene, _view = canvas
    layer = scene.rich.connections
    cid = next(iter(layer.items))
    assert scene.editor.set_connection_label(cid, "Si no hay stock")
    assert layer.items[cid].connection.label == "Si no hay stock"
    assert any(label == "Si no hay stock" for *_, label in connections_on_disk(doc_path))
    scene.session.undo_stack.undo()
    assert layer.items[cid].connection.label != "Si no hay stock"


def test_deleting_a_card_removes_its_arrows_and_undo_brings_them_back(canvas):
    scene, _view = canvas
    layer = scene.rich.connections
    tid = next(t for t, ids in layer.by_card.items() if ids)
    mine = set(layer.by_card[tid])
    scene.select_ids([tid])
    assert scene.delete_selected()
    assert not mine & set(layer.items)
    scene.session.undo_stack.undo()
    assert mine <= set(layer.items)
    assert all(layer.items[c].isVisible() for c in mine)


def test_lane_kind_decides_badges_and_caption(canvas, doc_path):
    scene, _view = canvas
    lane = next(lane for lane in scene.lanes if lane.kind == LaneKind.TOUCHPOINTS)
    tid = scene.cells[next(c for c in scene.cells if c[1] == lane.id)][0]
    assert scene.editor.set_fields([tid], {"manual_nps": 40})
    scene.set_overlays(["nps"])
    assert scene.card_item(tid).overlay_state()["badge"].endswith("+40")
    # A pain-points lane does not carry NPS badges.
    assert scene.editor.set_lane_kind(lane.id, LaneKind.PAIN_POINTS)
    assert scene.card_item(tid).overlay_state()["badge"] is None
    with Document.open(doc_path, read_only=True) as doc:
        assert next(l for l in doc.lanes(doc.maps()[0].id) if l.id == lane.id).kind == LaneKind.PAIN_POINTS
    scene.session.undo_stack.undo()  # back to a touchpoints lane
    assert scene.card_item(tid).overlay_state()["badge"].endswith("+40")
    # Channels are touchpoint-like: badges stay.
    assert scene.editor.set_lane_kind(lane.id, LaneKind.CHANNELS)
    assert scene.card_item(tid).overlay_state()["badge"].endswith("+40")


def test_caption_only_where_the_name_does_not_say_it():
    from journeymap.ui.scene.lane_kinds import name_says_kind

    assert name_says_kind("Pain points", LaneKind.PAIN_POINTS)
    assert name_says_kind("Puntos de fricción", LaneKind.PAIN_POINTS)
    assert name_says_kind("Acciones del cliente", LaneKind.ACTIONS)
    assert not name_says_kind("Queue", LaneKind.PAIN_POINTS)
    assert not name_says_kind("Staff", LaneKind.TOUCHPOINTS)


def test_new_lane_of_a_kind_and_blueprint_line(canvas, doc_path):
    scene, _view = canvas
    lid = context_menu.add_lane_of_kind(scene, LaneKind.THOUGHTS, 1)
    scene.cancel_editing()
    lane = next(lane for lane in scene.lanes if lane.id == lid)
    assert (lane.kind, lane.name) == (LaneKind.THOUGHTS, "Thoughts and feelings")
    assert scene.editor.set_blueprint_line(lid, "internal")
    lines = scene.rich.blueprint.lines
    assert (scene.grid.row_y[lid] + scene.grid.row_h[lid], "internal") in lines
    scene.session.undo_stack.undo()
    assert (scene.grid.row_y[lid] + scene.grid.row_h[lid], "internal") not in scene.rich.blueprint.lines


def test_photos_lane_shows_the_first_photo_large(canvas):
    import hashlib

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter

    from journeymap.domain.model import Attachment
    from journeymap.storage import attachments

    scene, _view = canvas
    lane = scene.lanes[0]
    tid = scene.cells[next(c for c in scene.cells if c[1] == lane.id)][0]
    img = QImage(64, 48, QImage.Format.Format_RGB32)
    img.fill(QColor("#12A4D9"))
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    raw = bytes(data.data())
    sha = hashlib.sha256(raw).hexdigest()
    doc = scene.doc
    attachments.add_blob(doc, sha, raw, raw)
    attachments.add(doc, Attachment(tid, "p.png", "image/png", sha, 64, 48, len(raw)))

    def card_pixels() -> set[str]:
        card = scene.card_item(tid)
        out = QImage(int(style.CARD_W), int(style.CARD_H), QImage.Format.Format_ARGB32)
        out.fill(QColor("white"))
        p = QPainter(out)
        card.paint(p, None)
        p.end()
        return {QColor(out.pixel(x, y)).name() for x in range(0, out.width(), 4) for y in range(0, out.height(), 4)}

    assert "#12a4d9" not in card_pixels()  # an actions lane shows the card as usual
    assert scene.editor.set_lane_kind(lane.id, LaneKind.PHOTOS)
    assert "#12a4d9" in card_pixels()


def test_emotions_lane_draws_the_curve_of_its_cards(canvas):
    from journeymap.domain.model import Sensation
    scene, _view = canvas
    lane = scene.lanes[0]
    assert scene.editor.set_lane_kind(lane.id, LaneKind.EMOTIONS)
    curves = scene.rich.emotions.curves
    assert lane.id in curves
    [tid] = [t for c, ids in scene.cells.items() if c[1] == lane.id for t in ids][:1]
    before = curves[lane.id][0].y()
    scene.editor.set_sensation([tid], Sensation.NEGATIVE)
    assert scene.rich.emotions.curves[lane.id][0].y() > before  # negative is lower on the curve


def test_escape_cancels_a_connection_being_drawn(canvas, doc_path):
    scene, view = canvas
    a, b = two_unconnected_cards(scene)
    before = connections_on_disk(doc_path)
    card_a = scene.card_item(a)
    start = card_a.mapToScene(handle_centre(card_a))
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, vp(view, start))
    end = scene.card_item(b).sceneBoundingRect().center()
    QTest.mouseMove(view.viewport(), vp(view, end))
    assert isinstance(scene.interaction, ConnectDrag)
    assert scene.interaction.target_mark.isVisible()  # the card under the pointer is framed
    QTest.keyClick(view.viewport(), Qt.Key.Key_Escape)
    assert scene.interaction is None
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, vp(view, end))
    assert connections_on_disk(doc_path) == before
    assert scene.card_item(a).cell[0] == scene.stages[1].id  # no card moved either


def test_lane_header_menu_offers_kinds_and_blueprint_lines(canvas):
    scene, _view = canvas
    lane = scene.lanes[0]
    header = scene.lane_headers[lane.id]
    menu = context_menu.build_context_menu(scene, header.sceneBoundingRect().center())
    titles = [a.text().replace("&", "") for a in menu.actions()]
    assert "Lane kind" in titles and "Blueprint line below" in titles
    kinds = next(a.menu() for a in menu.actions() if a.text().replace("&", "") == "Lane kind")
    pain = next(a for a in kinds.actions() if a.text().replace("&", "") == "Pain points")
    pain.trigger()
    assert next(la for la in scene.lanes if la.id == lane.id).kind == LaneKind.PAIN_POINTS
    assert scene.session.undo_stack.undoText() == "Change lane kind"


def test_two_selected_cards_connect_from_their_menu_either_way(canvas, doc_path):
    scene, _view = canvas
    a, b = two_unconnected_cards(scene)
    before = connections_on_disk(doc_path)
    scene.select_ids([a, b])
    menu = context_menu.build_context_menu(scene, scene.card_item(a).sceneBoundingRect().center())
    titles = {t: scene.card_item(t).touchpoint.title for t in (a, b)}
    entries = [x for x in menu.actions() if x.text().startswith("Connect ")]
    assert [x.text() for x in entries] == [f"Connect “{titles[a]}” → “{titles[b]}”",
                                          f"Connect “{titles[b]}” → “{titles[a]}”"]
    entries[1].trigger()
    assert connections_on_disk(doc_path) == [*before, (b, a, "")]
    assert scene.session.undo_stack.undoText() == "Connect cards"
