"""Palette dock: grouped library, accent-insensitive search, drag payload, activation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from journeymap.services.templates import library
from journeymap.storage import Document
from journeymap.ui.docks.palette import ITEM_ROLE, PaletteDock, fold
from journeymap.ui.mime import read_library_item
from journeymap.ui.session import DocumentSession


@pytest.fixture
def session(tmp_path):
    doc = Document.create(tmp_path / "t.jmap")
    yield DocumentSession(doc)
    doc.close()


@pytest.fixture
def dock(qtbot, session):
    if not library("en"):
        pytest.skip("resources/templates/library.json is not there yet")
    d = PaletteDock(lang="en")
    qtbot.addWidget(d)
    d.set_session(session)
    d.show()
    return d


def index_of(dock, title):
    return next(i for i in dock._leaf_indexes() if i.data(ITEM_ROLE)["title"] == title)


def test_fold_ignores_case_and_accents():
    assert fold("Atención AL Cliente") == "atencion al cliente"


def test_shows_blank_item_and_all_groups(dock):
    titles = dock.visible_titles()
    assert titles[0] == "Blank touchpoint"
    expected = sum(len(g.items) for g in library("en"))
    assert len(titles) == expected + 1
    groups = [dock.proxy.index(r, 0).data() for r in range(1, dock.proxy.rowCount())]
    assert groups == [g.name for g in library("en")]


def test_typing_filters_case_and_accent_insensitively(dock, qtbot):
    qtbot.keyClicks(dock.search, "LÍVE cHat")
    assert dock.visible_titles() == ["Blank touchpoint", "Live chat"]
    dock.search.clear()
    qtbot.keyClicks(dock.search, "zzzz-nothing")
    assert dock.visible_titles() == ["Blank touchpoint"]
    assert dock.empty_label.isVisible()
    dock.search.clear()
    assert len(dock.visible_titles()) > 2
    assert not dock.empty_label.isVisible()


def test_search_matches_channel_and_group_names(dock, qtbot):
    qtbot.keyClicks(dock.search, "email")  # a channel key/label
    titles = dock.visible_titles()
    assert "Order confirmation" in titles and "Live chat" not in titles
    dock.search.clear()
    qtbot.keyClicks(dock.search, "loyalty")  # a group name shows its whole group
    group = next(g for g in library("en") if g.name == "Loyalty")
    assert set(dock.visible_titles()) >= {i.title for i in group.items}


def test_spanish_library(qtbot, session):
    d = PaletteDock(lang="es")
    qtbot.addWidget(d)
    qtbot.keyClicks(d.search, "atencion")
    assert "Atención al cliente" in d.visible_titles()


def test_drag_mime_carries_title_and_channel(dock):
    index = index_of(dock, "Live chat")
    data = read_library_item(dock.mime_for(index))
    assert data["title"] == "Live chat" and data["channel"] == "chat"
    assert data["description"]
    assert "Live chat" in index.data(Qt.ItemDataRole.ToolTipRole)
    blank = read_library_item(dock.mime_for(index_of(dock, "Blank touchpoint")))
    assert blank == {"title": "Blank touchpoint", "channel": "", "description": blank["description"]}
    group = dock.proxy.index(1, 0)
    assert not group.flags() & Qt.ItemFlag.ItemIsDragEnabled
    assert dock.proxy.mimeData([group]) is None


def test_double_click_and_enter_emit_item_activated(dock, qtbot):
    index = index_of(dock, "Live chat")
    with qtbot.waitSignal(dock.itemActivated) as blocker:
        dock.tree.doubleClicked.emit(index)
    assert blocker.args[0]["channel"] == "chat"
    dock.tree.setFocus()
    dock.tree.setCurrentIndex(index_of(dock, "Webinars"))
    with qtbot.waitSignal(dock.itemActivated) as blocker:
        qtbot.keyClick(dock.tree, Qt.Key.Key_Return)
    assert blocker.args[0]["title"] == "Webinars"
    # Enter in the search box takes the first real match.
    qtbot.keyClicks(dock.search, "sms")
    with qtbot.waitSignal(dock.itemActivated) as blocker:
        qtbot.keyClick(dock.search, Qt.Key.Key_Return)
    assert blocker.args[0]["channel"] == "sms"


def test_no_activation_or_drag_without_editable_session(dock, qtbot):
    dock.set_session(None)
    assert not dock.tree.dragEnabled()
    with qtbot.assertNotEmitted(dock.itemActivated):
        dock.tree.doubleClicked.emit(index_of(dock, "Live chat"))
