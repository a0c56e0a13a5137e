"""The merge dialog with two copies that changed one field (issue 18): each row's "mine" is what MASTER
holds when that copy comes in, so the value a row keeps is the value the user saw (English and Spanish)."""

from __future__ import annotations

import shutil

import pytest

from journeymap import i18n
from journeymap.services.merge_plan import MINE, THEIRS
from journeymap.storage import Document
from journeymap.ui.merge_actions import merge_changes


@pytest.fixture
def copies(doc_path):
    """store-1.jmap and store-2.jmap, copies of MASTER that each renamed its first card; MASTER renames it too
    (in the window, once open); returns (copy paths, card id)."""
    with Document.open(doc_path) as doc:
        card = doc.touchpoints(doc.maps()[0].id)[0].id
    paths = []
    for name, title in (("store-1.jmap", "Queue at the tills"), ("store-2.jmap", "Self-checkout broken")):
        path = doc_path.with_name(name)
        shutil.copy(doc_path, path)
        with Document.open(path) as doc:
            doc.update_touchpoint(card, title=title)
        paths.append(path)
    return paths, card


def title_rows(dialog) -> list[tuple[str, str, str]]:
    """(mine, theirs, copy) as the dialog shows each title conflict, top to bottom."""
    table = dialog.conflicts_table
    rows = [r for r, c in enumerate(dialog.plan.conflicts) if c.field == "title"]
    return [tuple(table.item(r, col).text() for col in (2, 3, 4)) for r in rows]


def title_keys(dialog) -> list[str]:
    return [c.key for c in dialog.plan.conflicts if c.field == "title"]


def test_the_second_copys_row_shows_what_the_first_row_left(qtbot, copies, window):
    paths, card = copies
    session = window.session
    session.document.update_touchpoint(card, title="Checkout")
    flow = merge_changes(window, session, paths)
    dialog = flow.dialog
    assert title_rows(dialog) == [("Checkout", "Queue at the tills", "store-1.jmap"),
                                  ("Checkout", "Self-checkout broken", "store-2.jmap")]
    first, second = title_keys(dialog)
    dialog.set_choice(first, THEIRS)
    assert title_rows(dialog)[1] == ("Queue at the tills (from store-1.jmap)", "Self-checkout broken",
                                     "store-2.jmap")
    assert dialog.conflicts_table.item(1, 2).toolTip() == "Queue at the tills (from store-1.jmap)"
    dialog.set_choice(first, MINE)  # back: MASTER's own again
    assert title_rows(dialog)[1][0] == "Checkout"
    dialog.choose_all(THEIRS)
    assert title_rows(dialog)[1][0] == "Queue at the tills (from store-1.jmap)"
    dialog.set_choice(first, THEIRS)
    dialog.set_choice(second, MINE)  # keeps what the row shows as mine: store-1's title
    with qtbot.waitSignal(session.changed):
        dialog.merge_button.click()
    flow.message.close()
    assert session.document.touchpoint(card).title == "Queue at the tills"


def test_taking_both_copies_values_ends_with_the_last_one(qtbot, copies, window):
    paths, card = copies
    session = window.session
    session.document.update_touchpoint(card, title="Checkout")
    flow = merge_changes(window, session, paths)
    flow.dialog.choose_all(THEIRS)
    with qtbot.waitSignal(session.changed):
        flow.dialog.merge_button.click()
    flow.message.close()
    assert session.document.touchpoint(card).title == "Self-checkout broken"


def test_in_spanish(qapp, qtbot, copies, window):
    paths, card = copies
    session = window.session
    session.document.update_touchpoint(card, title="Caja")
    i18n.install(qapp, "es")
    try:
        flow = merge_changes(window, session, paths)
        dialog = flow.dialog
        dialog.set_choice(title_keys(dialog)[0], THEIRS)
        shown = title_rows(dialog)[1][0]
        dialog.reject()
    finally:
        i18n.install(qapp, "en")
    assert shown == "Queue at the tills (de store-1.jmap)"
