"""Store managers on foot: walk mode, focus mode, small screens and touch on the canvas."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget, QMenu

from journeymap.domain.model import Sensation
from journeymap.ui.field_mode import fitted
from journeymap.ui.walk_mode import WalkMode, touch_px


def fields(doc, tid):
    tp = doc.touchpoint(tid)
    notes = [n.text for n in doc.notes(tid)]
    return (tp.sensation, tp.manual_nps, tp.manual_promoters, tp.manual_passives, tp.manual_detractors, notes)


@pytest.fixture
def walk(qtbot, session):
    w = WalkMode(session)
    qtbot.addWidget(w)
    w.resize(1366, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_walk_steps_through_touchpoints_in_journey_order(walk, session):
    order = [tp.id for tp in session.document.touchpoints(session.map_id)]
    assert walk.order == order and walk.touchpoint_id == order[0]
    QTest.keyClick(walk, Qt.Key.Key_Right)
    assert walk.touchpoint_id == order[1]
    walk.next_button.click()
    assert walk.touchpoint_id == order[2]
    QTest.keyClick(walk, Qt.Key.Key_PageUp)
    assert walk.touchpoint_id == order[1]
    assert walk.title.text() == session.document.touchpoint(order[1]).title
    walk.go(len(order) + 5)
    assert walk.touchpoint_id == order[-1] and not walk.next_button.isEnabled()


def test_walk_edits_are_the_inspectors_commands(qtbot, walk, session):
    """The same edits through the walk (card A) and the inspector (card B) leave the same rows and history."""
    from journeymap.ui.docks.inspector import InspectorDock

    doc = session.document
    a, b = walk.order[0], walk.order[1]
    for tid in (a, b):
        doc.update_touchpoint(tid, sensation=Sensation.POSITIVE)
    original = Sensation.POSITIVE
    inspector = InspectorDock()
    qtbot.addWidget(inspector)
    inspector.set_session(session)

    walk.sensation_buttons[Sensation.NEGATIVE].click()
    for score in (10, 9, 8, 3):
        walk.score_buttons[score].click()
    walk.set_manual_nps(-20)
    walk.add_note("Queue at the fitting rooms")
    walk_history = [session.undo_stack.text(i) for i in range(session.undo_stack.count())]

    session.set_selection([b])
    inspector.sensation_buttons[str(Sensation.NEGATIVE)].click()
    inspector.counts_check.setChecked(True)
    for spin, value in ((inspector.promoters_spin, 2), (inspector.passives_spin, 1), (inspector.detractors_spin, 1)):
        spin.setValue(value)
    inspector.set_manual_nps(-20)
    inspector.add_note("Queue at the fitting rooms")

    assert fields(doc, a)[0] == fields(doc, b)[0] == Sensation.NEGATIVE
    assert fields(doc, a)[-1] == fields(doc, b)[-1] == ["Queue at the fitting rooms"]
    # In the inspector a manual NPS and answer counts are alternatives (the counts would silently win).
    assert fields(doc, b)[1:5] == (-20.0, None, None, None)
    assert walk_history == ["Change sensation", "Answer counts", "Manual NPS", "Add note"]
    # Undo in the walk page is the document's undo: the page follows.
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert doc.touchpoint(a).sensation == original
    assert fields(doc, a)[1:] == (None, None, None, None, [])
    walk.go(0)
    assert walk.counts_label.text() == "No answers counted yet."


@pytest.mark.parametrize("size", [(1366, 768 - 60), (1280, 800 - 40)], ids=["laptop-1366x768", "tablet-1280x800"])
def test_walk_fits_laptop_and_tablet_without_scrolling(walk, size):
    hint = walk.minimumSizeHint()
    assert hint.width() <= size[0] and hint.height() <= size[1], hint
    walk.resize(*size)
    QTest.qWait(10)
    rect = walk.rect()
    for w in (walk.next_button, walk.prev_button, walk.add_note_button, walk.gallery.add_button,
              walk.score_buttons[10], walk.sensation_buttons[Sensation.POSITIVE], walk.nps_plus):
        geometry = QRect(w.mapTo(walk, QPoint(0, 0)), w.size())
        assert rect.contains(geometry), (w, geometry)
        assert min(w.width(), w.height()) >= touch_px(walk)  # 9 mm targets


def test_swipe_on_the_card_goes_to_the_next_touchpoint(walk):
    from PySide6.QtGui import QPointingDevice

    device = QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)
    first = walk.touchpoint_id
    start = walk.card.rect().center()
    QTest.touchEvent(walk.card, device).press(0, start).commit()
    QTest.touchEvent(walk.card, device).move(0, start - QPoint(150, 0)).commit()
    QTest.touchEvent(walk.card, device).release(0, start - QPoint(200, 0)).commit()
    assert walk.touchpoint_id == walk.order[1] != first
    QTest.touchEvent(walk.card, device).press(0, start).commit()
    QTest.touchEvent(walk.card, device).release(0, start + QPoint(200, 0)).commit()
    assert walk.touchpoint_id == first


def test_fitted_keeps_a_big_saved_geometry_on_a_small_screen():
    available = QRect(0, 0, 1366, 738)
    assert fitted(QRect(100, 80, 1400, 900), available) == QRect(0, 0, 1366, 738)
    assert fitted(QRect(200, 100, 800, 600), available) == QRect(200, 100, 800, 600)
    assert fitted(QRect(1000, 500, 800, 600), available) == QRect(566, 138, 800, 600)


@pytest.fixture
def window(qtbot, doc_path):
    from journeymap.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_path(doc_path)
    yield w
    w.close()


def test_first_window_fits_the_screen(qtbot, window):
    available = window.screen().availableGeometry()  # 800×800 on the offscreen platform

    def fits() -> bool:
        frame = window.frameGeometry()
        extra = frame.size() - window.size()
        least = window.minimumSizeHint() + extra
        return (frame.width() <= max(available.width(), least.width())
                and frame.height() <= max(available.height(), least.height()))

    # Never larger than the screen, unless the window cannot be smaller (its minimum size:
    # the offscreen screen is 800×800, and earlier tests may have made the font bigger).
    qtbot.waitUntil(fits, timeout=3000)


def test_focus_mode_hides_and_restores_panels_and_f9_walks(qtbot, window):
    docks = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
    assert docks
    window.field_mode.focus_action.trigger()
    assert not any(d.isVisible() for d in docks) and not window.toolbar.isVisible()
    window.field_mode.focus_action.trigger()
    assert all(d.isVisible() for d in docks) and window.toolbar.isVisible()
    window.field_mode.walk_action.trigger()
    walk = window.field_mode.walk
    assert walk.isVisible() and walk.geometry() == window.rect()
    QTest.keyClick(walk, Qt.Key.Key_Escape)
    assert not walk.isVisible() and not window.field_mode.walk_action.isChecked()


def test_inspector_shows_notes_without_scrolling_at_768_px(qtbot, window):
    window.resize(1366, 738)
    window.setWindowState(Qt.WindowState.WindowNoState)
    QTest.qWait(20)
    inspector = window.inspector_dock
    inspector.raise_()
    window.session.set_selection([next(iter(window.scene.cards))])
    QTest.qWait(20)
    notes = inspector.notes_group
    top = notes.mapTo(inspector.scroll.viewport(), QPoint(0, 0)).y()
    assert top + 60 <= inspector.scroll.viewport().height(), (top, inspector.scroll.viewport().height())


# ------------------------------------------------------------------ touch on the canvas
def touch_device():
    from PySide6.QtGui import QPointingDevice

    return QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)


def empty_point(scene, view) -> QPoint:
    """A viewport point on the grid with no card or header under it."""
    g = scene.grid
    for sid in g.col_x:
        for lid in g.row_y:
            if not scene.cells.get((sid, lid)):
                rect = scene.cell_rect(sid, lid)
                view.centerOn(rect.center())
                return view.mapFromScene(rect.center())
    raise AssertionError("no empty cell")


def test_one_finger_on_empty_canvas_pans_and_the_mouse_still_selects(canvas):
    scene, view = canvas
    view.set_zoom(2.0)
    start = empty_point(scene, view)
    h, v = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    device = touch_device()
    QTest.touchEvent(view.viewport(), device).press(0, start).commit()
    for i in range(1, 6):
        QTest.touchEvent(view.viewport(), device).move(0, start + QPoint(-20 * i, -10 * i)).commit()
    QTest.touchEvent(view.viewport(), device).release(0, start + QPoint(-100, -50)).commit()
    assert view.horizontalScrollBar().value() > h and view.verticalScrollBar().value() > v
    assert scene.selectedItems() == []
    # The mouse draws a rubber band from the same kind of spot: cards get selected.
    view.set_zoom(0.5)
    view.centerOn(scene.grid.content_rect().center())
    g = scene.grid
    a = view.mapFromScene(g.origin + QPoint(int(g.grid_right - g.origin.x() - 2), int(g.grid_bottom) - 2))
    b = view.mapFromScene(scene.cell_rect(*next(iter(scene.cells))).topLeft())
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, 8):
        QTest.mouseMove(view.viewport(), a + (b - a) * (i / 7))
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    assert scene.selectedItems()


def test_pinch_zooms_and_two_fingers_pan(qtbot, canvas):
    scene, view = canvas
    view.set_zoom(1.0)
    centre = view.viewport().rect().center()
    device = touch_device()
    zoom = view.zoom
    p0, p1 = centre - QPoint(40, 0), centre + QPoint(40, 0)
    QTest.touchEvent(view.viewport(), device).press(0, p0).press(1, p1).commit()
    for i in range(1, 11):
        d = QPoint(40 + 8 * i, 0)
        QTest.touchEvent(view.viewport(), device).move(0, centre - d).move(1, centre + d).commit()
        QTest.qWait(5)
    QTest.touchEvent(view.viewport(), device).release(0, centre - QPoint(120, 0)).release(
        1, centre + QPoint(120, 0)).commit()
    qtbot.waitUntil(lambda: view.zoom > zoom * 1.5, timeout=2000)
    # Two fingers moving together pan.
    h = view.horizontalScrollBar().value()
    QTest.touchEvent(view.viewport(), device).press(0, p0).press(1, p1).commit()
    for i in range(1, 11):
        shift = QPoint(-12 * i, 0)
        QTest.touchEvent(view.viewport(), device).move(0, p0 + shift).move(1, p1 + shift).commit()
        QTest.qWait(5)
    QTest.touchEvent(view.viewport(), device).release(0, p0 + QPoint(-120, 0)).release(
        1, p1 + QPoint(-120, 0)).commit()
    assert view.horizontalScrollBar().value() > h


def test_long_press_opens_the_context_menu(qtbot, canvas):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    scene, view = canvas
    opened = []

    def close_menu() -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            opened.append([a.text() for a in popup.actions()])
            popup.close()

    timer = QTimer()
    timer.timeout.connect(close_menu)
    timer.start(50)
    card = next(iter(scene.cards.values()))
    view.ensureVisible(card.sceneBoundingRect())
    pos = view.mapFromScene(card.sceneBoundingRect().center())
    device = touch_device()
    QTest.touchEvent(view.viewport(), device).press(0, pos).commit()
    qtbot.waitUntil(lambda: bool(opened), timeout=3000)
    QTest.touchEvent(view.viewport(), device).release(0, pos).commit()
    timer.stop()
    assert any(opened[0])
    assert card.isSelected()


def test_maximizing_refits_the_map_unless_zoomed_by_hand(qtbot, window):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    window.showNormal()
    window.resize(window.minimumSizeHint())
    qtbot.wait(50)
    window._fit_view()
    small = window.view.zoom
    window.resize(1600, 1100)  # what maximizing does on a big screen, then Qt says the state changed
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowStateChange))
    qtbot.waitUntil(lambda: window.view.zoom > small, timeout=3000)
    assert window.view.zoom == window._auto_zoom
    window.view.set_zoom(0.5)  # by hand: a state change keeps it
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowStateChange))
    qtbot.wait(50)
    assert window.view.zoom == 0.5


def test_headers_stick_to_the_edges_when_zoomed_in(canvas):
    from journeymap.ui.scene.sticky_headers import sticky_offsets

    scene, view = canvas
    view.fit_to_window()
    assert sticky_offsets(view) == (0.0, 0.0)  # the whole map in view: the headers are where they are
    view.set_zoom(2.0)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum() // 2)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    dx, dy = sticky_offsets(view)
    assert dx > 0 and dy > 0
    # Drawn at the view's edges: the stage header colour shows at the top of the viewport.
    image = view.viewport().grab().toImage()
    colours = {QColor(h.stage.colour).name() for h in scene.stage_headers.values()}
    top_row = {image.pixelColor(x, 12).name() for x in range(0, image.width(), 2)}
    assert colours & top_row
