"""Undo integrity: random edits through the real commands and scene, undone and redone.

A hypothesis state machine drives a ``MapScene`` on a real document (the
retail-store template plus a few notes and survey responses). After every step
it checks that

* the scene shows exactly what the document holds for the current map (cards
  id -> (stage, lane, index) and titles, stage and lane headers, card layout);
* the document is exactly (all tables, every column) what it was the last time
  the undo stack stood at the same index, so undo/redo are true inverses;

and at teardown that undoing everything gives back the original document.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from journeymap.domain.model import Lane, LaneKind, Note, Response, Sensation, Stage, Touchpoint
from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document
from journeymap.storage.identity import REVISION_COLUMNS
from journeymap.storage.snapshots import TABLE_ORDER
from journeymap.ui.commands.maps import AddMapCommand, DeleteMapCommand, DuplicateMapCommand, RenameMapCommand
from journeymap.ui.commands.notes import AddNoteCommand, DeleteNoteCommand, EditNoteCommand
from journeymap.ui.commands.structure import (
    AddLaneCommand,
    AddStageCommand,
    UpdateLaneCommand,
    UpdateStageCommand,
)
from journeymap.ui.commands.touchpoints import UpdateTouchpointCommand
from journeymap.ui.scene import MapScene
from journeymap.ui.session import DocumentSession

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12)


def dump(doc: Document) -> dict[str, list[tuple]]:
    """Every row of every table, in id order: the whole document, uuids included.

    The revision columns are left out: an undo is a new edit of the document (its
    clock moves on), but the object it brings back is the same one (same uuid).
    """
    out = {}
    for t in TABLE_ORDER:
        cur = doc.execute(f"SELECT * FROM {t} ORDER BY id")
        keep = [i for i, d in enumerate(cur.description) if d[0] not in REVISION_COLUMNS]
        out[t] = [tuple(r[i] for i in keep) for r in cur.fetchall()]
    return out


def build_base(folder: Path) -> Path:
    path = folder / "base.jmap"
    with Document.create(path) as doc:
        map_id = create_map_from_template(doc, "retail-store")
        tps = doc.touchpoints(map_id)
        for k, tp in enumerate(tps[:6]):
            doc.add_note(Note(tp.id, f"note {k}", "tester", "2024-01-01T10:00:00+00:00"))
            for score in (0, 7, 10):
                doc.add_response(Response(tp.id, score, 0.5, "ok", "2024-02-03", "north"))
    return path


@pytest.fixture(scope="module")
def base_document(tmp_path_factory) -> Path:
    return build_base(tmp_path_factory.mktemp("undo-base"))


class UndoMachine(RuleBasedStateMachine):
    base: Path  # set by the test

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="jm-undo-"))
        path = self.folder / "doc.jmap"
        shutil.copy(self.base, path)
        self.doc = Document.open(path)
        self.session = DocumentSession(self.doc)
        self.scene = MapScene(self.session)
        self.stack = self.session.undo_stack
        self.initial = dump(self.doc)
        # Document state per undo-stack index: what undo/redo must bring back.
        self.states: list[dict[str, list[tuple]]] = [self.initial]

    # ------------------------------------------------------------ helpers
    def pushed(self) -> None:
        """After a new command (or a merge): record the state at the new index."""
        i = self.stack.index()
        del self.states[i:]
        self.states.append(dump(self.doc))
        assert len(self.states) == i + 1

    def card_ids(self) -> list[int]:
        return sorted(self.scene.cards)

    def pick(self, data, items, label: str):
        return data.draw(st.sampled_from(items), label=label)

    # ------------------------------------------------------------ touchpoints
    @precondition(lambda self: self.scene.stages and self.scene.lanes)
    @rule(data=st.data(), title=TEXT, index=st.integers(-1, 6))
    def add_touchpoint(self, data, title, index) -> None:
        sid = self.pick(data, [s.id for s in self.scene.stages], "stage")
        lid = self.pick(data, [lane.id for lane in self.scene.lanes], "lane")
        new_id = self.scene.add_touchpoint(sid, lid, title, "email", "", None if index < 0 else index)
        assert new_id in self.scene.cards
        self.pushed()

    @precondition(lambda self: self.scene.cards)
    @rule(data=st.data(), index=st.integers(0, 6))
    def move_touchpoints(self, data, index) -> None:
        """A drag of one or more cards to an insertion index in any cell (maybe their own)."""
        ids = data.draw(st.lists(st.sampled_from(self.card_ids()), min_size=1, max_size=3, unique=True), label="ids")
        sid = self.pick(data, [s.id for s in self.scene.stages], "stage")
        lid = self.pick(data, [lane.id for lane in self.scene.lanes], "lane")
        before = self.stack.index()
        anchor = data.draw(st.sampled_from(ids), label="anchor")
        if self.scene.editor.move_touchpoints(ids, (sid, lid), index, anchor=anchor, grid=self.scene.model_grid()):
            assert self.stack.index() == before + 1
            self.pushed()

    @precondition(lambda self: self.scene.cards)
    @rule(data=st.data(), dx=st.sampled_from([-1, 0, 1]), dy=st.sampled_from([-1, 1]))
    def alt_arrows(self, data, dx, dy) -> None:
        ids = data.draw(st.lists(st.sampled_from(self.card_ids()), min_size=1, max_size=2, unique=True), label="ids")
        self.scene.select_ids(ids, ensure_visible=False)
        before = self.stack.index()
        moved = self.scene.move_selection(dx, dy if not dx else 0)
        assert moved == (self.stack.index() == before + 1)
        if moved:
            self.pushed()

    @precondition(lambda self: self.scene.cards)
    @rule(data=st.data())
    def delete_touchpoints(self, data) -> None:
        ids = data.draw(st.lists(st.sampled_from(self.card_ids()), min_size=1, max_size=3, unique=True), label="ids")
        self.scene.select_ids(ids, ensure_visible=False)
        assert self.scene.delete_selected()
        assert not set(ids) & set(self.scene.cards)
        self.pushed()

    @precondition(lambda self: self.scene.cards)
    @rule(data=st.data())
    def duplicate_touchpoints(self, data) -> None:
        ids = data.draw(st.lists(st.sampled_from(self.card_ids()), min_size=1, max_size=2, unique=True), label="ids")
        self.scene.select_ids(ids, ensure_visible=False)
        new = self.scene.duplicate_selection()
        assert len(new) == len(ids)
        self.pushed()

    @precondition(lambda self: self.scene.cards)
    @rule(data=st.data(), field=st.sampled_from(["title", "manual_nps", "description"]), text=TEXT,
          nps=st.one_of(st.none(), st.integers(-100, 100)))
    def update_touchpoint(self, data, field, text, nps) -> None:
        tid = self.pick(data, self.card_ids(), "card")
        value = nps if field == "manual_nps" else text
        self.scene.push(UpdateTouchpointCommand(self.session, tid, {field: value}))
        self.pushed()

    @precondition(lambda self: self.scene.cards)
    @rule(data=st.data(), sensation=st.sampled_from(list(Sensation)))
    def set_sensation(self, data, sensation) -> None:
        ids = data.draw(st.lists(st.sampled_from(self.card_ids()), min_size=1, max_size=3, unique=True), label="ids")
        index, count, before = self.stack.index(), self.stack.count(), dump(self.doc)
        self.scene.editor.set_sensation(ids, sensation)
        if (self.stack.index(), self.stack.count()) == (index, count) and dump(self.doc) == before:
            return  # the cards had that sensation already: nothing pushed or merged (the redo history stays)
        self.pushed()

    # ------------------------------------------------------------ notes
    @precondition(lambda self: self.scene.cards)
    @rule(data=st.data(), text=TEXT)
    def add_note(self, data, text) -> None:
        tid = self.pick(data, self.card_ids(), "card")
        when = "2024-05-06T07:08:09+00:00"
        self.scene.push(AddNoteCommand(self.session, tid, text, author="tester", created_at=when))
        self.pushed()

    @precondition(lambda self: any(self.doc.notes(t) for t in self.scene.cards))
    @rule(data=st.data(), text=TEXT, delete=st.booleans())
    def edit_or_delete_note(self, data, text, delete) -> None:
        tid = self.pick(data, [t for t in self.card_ids() if self.doc.notes(t)], "card")
        note = self.pick(data, self.doc.notes(tid), "note")
        if delete:
            self.scene.push(DeleteNoteCommand(self.session, tid, note.id))
        else:
            self.scene.push(EditNoteCommand(self.session, tid, note.id, text))
        self.pushed()

    # ------------------------------------------------------------ stages and lanes
    @precondition(lambda self: self.session.map_id is not None)
    @rule(kind=st.sampled_from(["stage", "lane"]), name=TEXT, index=st.integers(-1, 9))
    def add_header(self, kind, name, index) -> None:
        at = None if index < 0 else index
        if kind == "stage":
            new_id = self.scene.add_stage(at, name, rename=False)
            assert new_id in self.scene.stage_headers
        else:
            new_id = self.scene.add_lane(at, name, rename=False)
            assert new_id in self.scene.lane_headers
        self.pushed()

    @precondition(lambda self: self.scene.stages)
    @rule(data=st.data(), kind=st.sampled_from(["stage", "lane"]), name=TEXT)
    def rename_header(self, data, kind, name) -> None:
        if kind == "stage":
            sid = self.pick(data, [s.id for s in self.scene.stages], "stage")
            self.scene.push(UpdateStageCommand(self.session, sid, {"name": name}))
        elif self.scene.lanes:
            lid = self.pick(data, [lane.id for lane in self.scene.lanes], "lane")
            self.scene.push(UpdateLaneCommand(self.session, lid, {"name": name, "kind": LaneKind.PAIN_POINTS}))
        else:
            return
        self.pushed()

    @precondition(lambda self: len(self.scene.stages) > 1 and len(self.scene.lanes) > 1)
    @rule(data=st.data(), kind=st.sampled_from(["stage", "lane"]))
    def delete_header(self, data, kind) -> None:
        if kind == "stage":
            sid = self.pick(data, [s.id for s in self.scene.stages], "stage")
            assert self.scene.editor.delete_stage(sid, confirm=False)
            assert sid not in self.scene.stage_headers
        else:
            lid = self.pick(data, [lane.id for lane in self.scene.lanes], "lane")
            assert self.scene.editor.delete_lane(lid, confirm=False)
            assert lid not in self.scene.lane_headers
        self.pushed()

    @precondition(lambda self: len(self.scene.stages) > 1 and len(self.scene.lanes) > 1)
    @rule(data=st.data(), kind=st.sampled_from(["stage", "lane"]), insertion=st.integers(0, 10))
    def move_header(self, data, kind, insertion) -> None:
        if kind == "stage":
            sid = self.pick(data, [s.id for s in self.scene.stages], "stage")
            moved = self.scene.move_stage_to(sid, min(insertion, len(self.scene.stages)))
        else:
            lid = self.pick(data, [lane.id for lane in self.scene.lanes], "lane")
            moved = self.scene.move_lane_to(lid, min(insertion, len(self.scene.lanes)))
        if moved:
            self.pushed()

    # ------------------------------------------------------------ maps
    @precondition(lambda self: self.session.map_id is not None and len(self.doc.maps()) < 4)
    @rule(blank=st.booleans())
    def add_or_duplicate_map(self, blank) -> None:
        if blank:
            self.scene.push(AddMapCommand(self.session, title="Blank"))
        else:
            self.scene.push(DuplicateMapCommand(self.session, self.session.map_id))
        self.pushed()

    @precondition(lambda self: self.session.map_id is not None)
    @rule(title=TEXT)
    def rename_map(self, title) -> None:
        self.scene.push(RenameMapCommand(self.session, self.session.map_id, title))
        self.pushed()

    @precondition(lambda self: len(self.doc.maps()) > 1)
    @rule(data=st.data())
    def delete_map(self, data) -> None:
        map_id = self.pick(data, [m.id for m in self.doc.maps()], "map")
        self.scene.push(DeleteMapCommand(self.session, map_id))
        self.pushed()

    @precondition(lambda self: len(self.doc.maps()) > 1)
    @rule(data=st.data())
    def switch_map(self, data) -> None:
        """Not an edit: the outline's map list (undo then works on whatever map it touched)."""
        self.session.set_map(self.pick(data, [m.id for m in self.doc.maps()], "map"))

    # ------------------------------------------------------------ undo / redo
    @precondition(lambda self: self.stack.canUndo())
    @rule(n=st.integers(1, 4))
    def undo(self, n) -> None:
        for _ in range(n):
            if self.stack.canUndo():
                self.stack.undo()
                assert dump(self.doc) == self.states[self.stack.index()], "undo did not restore the document"

    @precondition(lambda self: self.stack.canRedo())
    @rule(n=st.integers(1, 4))
    def redo(self, n) -> None:
        for _ in range(n):
            if self.stack.canRedo():
                self.stack.redo()
                assert dump(self.doc) == self.states[self.stack.index()], "redo did not redo the same edit"

    @precondition(lambda self: self.stack.canUndo())
    @rule(back=st.integers(1, 6), forward=st.integers(0, 6))
    def undo_then_redo(self, back, forward) -> None:
        """Walk back in the history, then forward again (Ctrl+Z, Ctrl+Z, ..., Ctrl+Y)."""
        self.undo(back)
        self.redo(forward)

    # ------------------------------------------------------------ invariants
    @invariant()
    def document_matches_history(self) -> None:
        assert dump(self.doc) == self.states[self.stack.index()]

    @invariant()
    def scene_matches_document(self) -> None:
        doc, scene, map_id = self.doc, self.scene, self.session.map_id
        assert map_id is None or map_id in {m.id for m in doc.maps()}
        if map_id is None:
            assert not scene.cards
            return
        stages, lanes = doc.stages(map_id), doc.lanes(map_id)
        assert [(s.id, s.name) for s in scene.stages] == [(s.id, s.name) for s in stages]
        assert [(lane.id, lane.name) for lane in scene.lanes] == [(lane.id, lane.name) for lane in lanes]
        assert list(scene.stage_headers) == [s.id for s in stages]
        assert list(scene.lane_headers) == [lane.id for lane in lanes]
        cells: dict[tuple[int, int], list[int]] = {}
        titles = {}
        for tp in doc.touchpoints(map_id):
            cells.setdefault((tp.stage_id, tp.lane_id), []).append(tp.id)
            titles[tp.id] = tp.title
        expected = {tid: (c[0], c[1], i) for c, ids in cells.items() for i, tid in enumerate(ids)}
        shown = {tid: (c[0], c[1], i) for c, ids in scene.cells.items() for i, tid in enumerate(ids)}
        assert shown == expected
        assert {tid: card.cell for tid, card in scene.cards.items()} == {t: v[:2] for t, v in expected.items()}
        assert {tid: card.touchpoint.title for tid, card in scene.cards.items()} == titles
        for (sid, lid), ids in scene.cells.items():
            for i, tid in enumerate(ids):
                assert scene.cards[tid].scenePos() == scene.grid.card_rect((sid, lid), i).topLeft()
        assert scene.title_item is not None

    def teardown(self) -> None:
        try:
            while self.stack.canUndo():
                self.stack.undo()
            assert dump(self.doc) == self.initial, "undoing everything did not give back the original document"
            assert self.doc.integrity_check() == "ok"
            self.scene_matches_document()
        finally:
            self.scene.dispose()
            self.stack.clear()
            self.doc.close()
            shutil.rmtree(self.folder, ignore_errors=True)


def test_random_edits_undo_and_redo_exactly(qapp, base_document) -> None:
    UndoMachine.base = base_document
    run_state_machine_as_test(
        UndoMachine,
        settings=settings(
            max_examples=40,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        ),
    )


# ----------------------------------------------------- regressions found by the machine
def _session(base_document: Path, tmp_path: Path) -> tuple[Document, DocumentSession]:
    path = tmp_path / "doc.jmap"
    shutil.copy(base_document, path)
    doc = Document.open(path)
    return doc, DocumentSession(doc)


def test_undo_of_add_stage_restores_the_other_stages_positions(qapp, base_document, tmp_path) -> None:
    doc, session = _session(base_document, tmp_path)
    try:
        m = session.map_id
        before = dump(doc)
        session.undo_stack.push(AddStageCommand(session, Stage(m, "New"), 2))
        session.undo_stack.push(AddLaneCommand(session, Lane(m, "New"), 1))
        session.undo_stack.undo()
        session.undo_stack.undo()
        assert dump(doc) == before
    finally:
        session.undo_stack.clear()
        doc.close()


def test_undo_of_moves_keeps_order_after_a_delete(qapp, base_document, tmp_path) -> None:
    """Undoing a move must restore exact positions, not only the order of the stages left.

    Otherwise a stage brought back by undoing its deletion lands at the wrong place.
    """
    from journeymap.ui.commands.structure import DeleteStageCommand, MoveStageCommand

    doc, session = _session(base_document, tmp_path)
    try:
        m = session.map_id
        before = dump(doc)
        a, b, c, *rest = (s.id for s in doc.stages(m))
        stack = session.undo_stack
        stack.push(MoveStageCommand(session, a, 2))  # B C A D ...
        stack.push(DeleteStageCommand(session, c))  # B A D ...
        stack.push(MoveStageCommand(session, b, 1))  # A B D ...
        stack.undo()
        assert [s.id for s in doc.stages(m)] == [b, a, *rest]
        stack.undo()
        assert [s.id for s in doc.stages(m)] == [b, c, a, *rest]
        stack.undo()
        assert dump(doc) == before
    finally:
        session.undo_stack.clear()
        doc.close()


def test_undo_across_a_map_switch_keeps_the_scene_in_step(qapp, base_document, tmp_path) -> None:
    """Edit, duplicate the map (the copy is shown), go back, edit again, undo it all."""
    from journeymap.ui.commands.touchpoints import AddTouchpointCommand

    doc, session = _session(base_document, tmp_path)
    scene = MapScene(session)
    try:
        m = session.map_id
        tid = next(iter(scene.cards))
        scene.push(UpdateTouchpointCommand(session, tid, {"title": "Changed"}))
        scene.push(DuplicateMapCommand(session, m))
        assert session.map_id != m
        session.set_map(m)
        stage, lane = doc.stages(m)[0], doc.lanes(m)[0]
        scene.push(AddTouchpointCommand(session, Touchpoint(m, stage.id, lane.id, "x"), 0))
        while session.undo_stack.canUndo():
            session.undo_stack.undo()
        assert session.map_id == m
        assert scene.cards[tid].touchpoint.title == doc.touchpoint(tid).title != "Changed"
        assert sorted(scene.cards) == sorted(t.id for t in doc.touchpoints(m))
        assert len(doc.maps()) == 1
    finally:
        scene.dispose()
        session.undo_stack.clear()
        doc.close()
