"""Presentation mode: the title, then stage by stage, by keys and clicks; Esc leaves the canvas as it was."""

from PySide6.QtCore import QPointF, Qt

from journeymap.ui.scene import MapScene, style
from journeymap.ui.scene.presentation import PresentationView, start_presentation


def shown_rect(view):
    return view.mapToScene(view.viewport().rect()).boundingRect()


def test_steps_through_the_title_then_each_stage(session, qtbot):
    scene = MapScene(session)
    scene.set_overlays({"nps", "emotion"})
    chosen = sorted(scene.cards)[:2]
    scene.select_ids(chosen)
    view = start_presentation(scene, None, full_screen=False)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    assert not scene.selectedItems()  # no selection on the big screen
    stages = scene.grid.stage_ids
    assert view.step == 0 and view.step_count() == 1 + len(stages)
    assert shown_rect(view).contains(scene.content_rect().adjusted(2, 2, -2, -2))  # the whole map, title included

    overview = view.transform().m11()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.step == 1
    shown = shown_rect(view)
    first = scene.grid.column_rect(stages[0])
    assert shown.contains(scene.grid.stage_header_rect(stages[0]))
    assert first.left() >= shown.left() and first.right() <= shown.right()
    emotion = QPointF(first.center().x(), scene.emotion_item.sceneBoundingRect().center().y())
    if not shown.contains(emotion):  # a stage taller than the screen: Down shows the rest first
        qtbot.keyClick(view, Qt.Key.Key_Down)
        assert view.step == 1 and shown_rect(view).contains(emotion)
        assert shown_rect(view).contains(QPointF(first.center().x(), first.bottom() - 2))
    assert view.transform().m11() > overview * 1.1  # zoomed in on the stage
    focus = view.mapFromScene(view.step_rect(1)).boundingRect()
    assert abs(focus.center().x() - (190 + (1280 - 190) / 2)) < 4  # centred right of the lane names

    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.step == 2
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.step == 1
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton)  # back to the title
    assert view.step == 0
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton)
    assert view.step == 1
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.step == len(stages)
    qtbot.keyClick(view, Qt.Key.Key_Right)  # past the end: stays on the last stage
    assert view.step == len(stages)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.step == 0

    with qtbot.waitSignal(view.finished):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert scene.selected_ids() == chosen and scene.overlays == frozenset({"nps", "emotion"})
    scene.dispose()


def test_stage_step_draws_the_lane_names(session, qtbot):
    scene = MapScene(session)
    view = PresentationView(scene)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.go_to(2)
    image = view.grab().toImage()
    # The pinned lane strip on the left is painted (not the white page).
    assert image.pixelColor(20, 300).name() != "#ffffff"
    # The focused stage's header is in its colour; a neighbour's header is veiled (much lighter).
    grid = scene.grid
    here = view.mapFromScene(grid.stage_header_rect(grid.stage_ids[1]).center())
    there = view.mapFromScene(grid.stage_header_rect(grid.stage_ids[3]).center() + QPointF(-60, 0))
    if view.viewport().rect().contains(there):
        assert image.pixelColor(there).lightness() > image.pixelColor(here).lightness() + 40
    assert scene.grid.column_rect(scene.grid.stage_ids[1]).intersects(shown_rect(view))
    view.close()
    scene.dispose()


def test_view_menu_present_action(qtbot, tmp_path):
    from journeymap.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    from journeymap.services.templates import create_map_from_template
    from journeymap.storage import Document

    path = tmp_path / "p.jmap"
    with Document.create(path) as doc:
        create_map_from_template(doc, "retail-store")
    window.open_path(path)
    assert window.act_present.shortcut().toString() == "F5"
    assert window.act_present in window.view_menu.actions()
    window.act_present.trigger()
    view = window.presentation
    assert isinstance(view, PresentationView) and view.isVisible() and view.scene() is window.scene
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible()
    assert style.COL_W  # the module's metrics are the canvas's
