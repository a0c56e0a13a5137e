"""Bulk edits through the main window with its panels (issue 21): 2,000 cards selected, deleted, undone.

The panels follow a selection of 2,000 cards without reading them one by one
(statements counted with ``sqlite3``'s trace callback), and panels tabbed
behind another do no work until their tab is shown.
"""

from __future__ import annotations

import random
import re
import shutil

import pytest

from journeymap.domain.model import JourneyMap, Lane, Sensation, Stage, Touchpoint
from journeymap.storage import Document
from journeymap.ui.docks.widgets import on_screen
from journeymap.ui.main_window import MainWindow

CARDS = 2000


def big_document(path, cards: int = CARDS) -> None:
    """30 stages x 8 lanes, *cards* cards, a few hundred survey answers."""
    rng = random.Random(3)
    with Document.create(path) as doc, doc.transaction():
        m = doc.add_map(JourneyMap("Hotel group"))
        stages = [doc.add_stage(Stage(m, f"Stage {i + 1}", i)) for i in range(30)]
        lanes = [doc.add_lane(Lane(m, f"Lane {i + 1}", position=i)) for i in range(8)]
        ids = []
        for i in range(cards):
            cell = (stages[i % 30], lanes[(i // 30) % 8])
            ids.append(doc.append_touchpoint(Touchpoint(
                m, *cell, f"Touchpoint {i + 1}", position=i // 240,
                sensation=rng.choice(list(Sensation)), channel="web")))
        doc.insert_responses([(rng.choice(ids), rng.randint(0, 10), None, "", "2026-03-01", "north", None)
                              for _ in range(600)])


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("bulk") / "big.jmap"
    big_document(path)
    return path


def open_big_window(qtbot, tmp_path, big_file) -> MainWindow:
    """The main window with its panels built in their default layout, on a copy of the big map."""
    path = tmp_path / "big.jmap"
    shutil.copy(big_file, path)
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_path(path)
    qtbot.wait(50)
    return w


@pytest.fixture
def window(qtbot, tmp_path, big_file):
    w = open_big_window(qtbot, tmp_path, big_file)
    yield w
    w.close()


class Statements:
    """The SQL statements the document runs inside the block.

    SQLite reports a statement again for each foreign-key cascade and trigger it runs, so
    ``distinct`` counts the statements the program ran (a statement per card
    still shows as 2,000 distinct texts, each naming its card's id).
    """

    def __init__(self, doc: Document) -> None:
        self._conn = doc._conn
        self.sql: list[str] = []

    def __enter__(self) -> Statements:
        self._conn.set_trace_callback(self.sql.append)
        return self

    def __exit__(self, *exc: object) -> None:
        self._conn.set_trace_callback(None)

    def distinct(self, verb: str = "") -> list[str]:
        return list(dict.fromkeys(s for s in self.sql if s.lstrip().upper().startswith(verb)))


def test_select_all_reads_no_card_one_by_one(window):
    with Statements(window.session.document) as statements:
        window.act_select_all.trigger()
    assert len(window.session.selected_ids) == CARDS
    assert re.fullmatch(r"2,?000 touchpoints selected", window.inspector_dock.header.text())
    assert len(statements.distinct()) < 10, statements.sql[:20]  # one card at a time would be 2,000


def test_delete_undo_redo_of_2000_selected_cards_stay_batched(window, qtbot):
    session = window.session
    window.act_select_all.trigger()
    with Statements(session.document) as deleting:
        window.act_delete.trigger()
    assert not window.scene.cards
    assert window.inspector_dock.header.text() == "No touchpoint selected"
    with Statements(session.document) as undoing:
        window.act_undo.trigger()
        # The canvas makes 2,000 cards across event-loop turns (the window stays responsive).
        qtbot.waitUntil(lambda: not window.scene.catch_up.pending)
    assert len(window.scene.cards) == CARDS
    assert len(session.selected_ids) == CARDS  # the restored cards are selected again
    assert re.fullmatch(r"2,?000 touchpoints selected", window.inspector_dock.header.text())
    with Statements(session.document) as redoing:
        window.act_redo.trigger()
    assert not window.scene.cards and session.document.counts(session.map_id)[2] == 0
    for name, run in (("delete", deleting), ("undo", undoing), ("redo", redoing)):
        # Reads and deletes a query per 500 cards (or per cell); the undo's rows go back
        # through one executemany, which SQLite reports row by row.
        for verb in ("SELECT", "DELETE", "UPDATE"):
            assert len(run.distinct(verb)) < 60, (name, verb, run.distinct(verb)[:10])


def test_selection_lists_cards_in_map_order(window):
    scene = window.scene
    ids = [t.id for t in window.session.document.touchpoints(window.session.map_id)]  # reading order
    picked = [ids[1500], ids[3], ids[700], ids[42]]
    scene.select_ids(picked, ensure_visible=False)
    assert window.session.selected_ids == sorted(picked, key=ids.index)


def test_hidden_analytics_and_comments_tabs_do_no_work_until_shown(window, qtbot, monkeypatch):
    analytics, comments = window.analytics_dock, window.comments_dock
    # Tabbed behind the inspector: Qt still calls them visible, the user cannot see them.
    assert analytics.isVisible() and not on_screen(analytics) and not on_screen(comments)
    runs: list[str] = []
    for name, dock in (("analytics", analytics), ("comments", comments)):
        original = dock.refresh
        monkeypatch.setattr(dock, "refresh", lambda o=original, n=name: (runs.append(n), o())[1])

    tid = window.session.selected_ids[0] if window.session.selected_ids else next(iter(window.scene.cards))
    window.session.editor.update_touchpoints({tid: {"title": "Renamed while the charts were hidden"}})
    window.act_select_all.trigger()
    window.act_delete.trigger()
    window.act_undo.trigger()
    qtbot.wait(400)  # longer than both panels' refresh delays
    assert runs == []

    analytics.raise_()  # the user clicks the Analytics tab
    qtbot.waitUntil(lambda: "analytics" in runs, timeout=3000)
    assert on_screen(analytics) and analytics.current_chart() == "nps_by_touchpoint"
    assert analytics.figure.axes  # drawn from the document as it is now
    comments.raise_()
    qtbot.waitUntil(lambda: "comments" in runs, timeout=3000)
