"""The editor core: one editor, typed changes, one command and one commit per edit, few SQL statements."""

from __future__ import annotations

from canvas_helpers import card_centre, drag
from PySide6.QtCore import QPointF

from journeymap.domain.model import Sensation
from journeymap.ui.changes import Change, Source


class Statements:
    """Every SQL statement the document's connection runs (sqlite3's trace callback).

    SQLite reports a statement again for each trigger program it runs (format 11's
    revision triggers), so a statement reported twice in a row is counted once.
    """

    def __init__(self, doc):
        self.conn = doc._conn
        self.sql: list[str] = []

    def _add(self, sql: str) -> None:
        if not self.sql or self.sql[-1] != sql:
            self.sql.append(sql)

    def __enter__(self):
        self.conn.set_trace_callback(self._add)
        return self

    def __exit__(self, *exc):
        self.conn.set_trace_callback(None)


def _card_to_move(scene):
    first, second = scene.stages[0].id, scene.stages[1].id
    tid = next(t for t, c in scene.cards.items() if c.cell[0] == first)
    return tid, (second, scene.cards[tid].cell[1])


def test_one_card_drag_runs_at_most_ten_statements_and_the_inspector_does_not_reload(window):
    scene, view = window.scene, window.view
    tid, target = _card_to_move(scene)
    scene.select_ids([tid])
    inspector = window.inspector_dock
    assert inspector.touchpoint_id == tid
    loads = []
    original = inspector._load
    inspector._load = lambda: (loads.append(1), original())
    rect = scene.cell_rect(*target)
    with Statements(window.session.document) as trace:
        drag(view, card_centre(scene, tid), QPointF(rect.center().x(), rect.bottom() - 4))
    assert window.session.document.touchpoint(tid).stage_id == target[0]
    assert scene.cards[tid].cell == target
    assert len(trace.sql) <= 10, "\n".join(trace.sql)
    assert not loads
    assert scene.stages[1].name in inspector.subheader.text()  # where the card sits now


def test_sensation_on_ten_cards_is_one_command_and_one_commit(window):
    session = window.session
    ids = list(window.scene.cards)[:10]
    stack = session.undo_stack
    before = stack.count()
    old = {t: session.document.touchpoint(t).sensation for t in ids}
    with Statements(session.document) as trace:
        assert session.editor.set_sensation(ids, Sensation.NEGATIVE)
    assert stack.count() == before + 1
    assert [s for s in trace.sql if s.upper().startswith("COMMIT")] == ["COMMIT"]
    assert {session.document.touchpoint(t).sensation for t in ids} == {Sensation.NEGATIVE}
    stack.undo()
    assert {t: session.document.touchpoint(t).sensation for t in ids} == old


def test_inspector_edit_of_a_selection_is_one_command_and_one_commit(window):
    session, inspector = window.session, window.inspector_dock
    ids = list(window.scene.cards)[:4]
    window.scene.select_ids(ids)
    assert inspector.touchpoint_ids == ids
    before = session.undo_stack.count()
    with Statements(session.document) as trace:
        inspector.mot_check.click()
    assert session.undo_stack.count() == before + 1
    assert [s for s in trace.sql if s.upper().startswith("COMMIT")] == ["COMMIT"]
    assert all(session.document.touchpoint(t).moment_of_truth for t in ids)


def test_changes_say_what_and_who(window):
    session = window.session
    seen: list[Change] = []
    session.changed.connect(seen.append)
    tid, target = _card_to_move(window.scene)
    assert session.editor.move_touchpoints([tid], target, 0, grid=window.scene.model_grid())
    move = seen[-1]
    assert move.source == Source.CANVAS and not move.history
    assert tid in move.touchpoints and move.cells[target][0] == tid and not move.structure
    session.undo_stack.undo()
    assert seen[-1].history and seen[-1].source == Source.HISTORY
    assert tid in seen[-1].cells[(window.scene.stages[0].id, target[1])]
    window.scene.add_stage(rename=False)
    assert seen[-1].structure and seen[-1].source == Source.CANVAS


def test_moves_write_only_the_rows_that_change(window):
    scene, session = window.scene, window.session
    tid, target = _card_to_move(scene)
    with Statements(session.document) as trace:
        assert session.editor.move_touchpoints([tid], target, len(scene.cells.get(target, [])), grid=scene.model_grid())
    updates = [s for s in trace.sql if s.upper().startswith("UPDATE")]
    assert len(updates) == 1  # one statement for every row that changes, not one per row of the cells


def test_read_only_document_refuses_every_edit(qapp, doc_path):
    from journeymap.storage import Document
    from journeymap.ui.session import DocumentSession

    doc = Document.open(doc_path, read_only=True)
    session = DocumentSession(doc)
    refused = []
    session.editor.refused.connect(refused.append)
    tid = doc.touchpoints(session.map_id)[0].id
    assert not session.editor.set_sensation([tid], Sensation.NEGATIVE)
    assert not session.editor.add_stage()
    assert session.undo_stack.count() == 0
    doc.close()


def test_only_the_editor_pushes_commands_and_every_command_says_what_it_changed():
    """Every edit goes through MapEditor.push (ui/editor.py), and each command class announces a typed Change."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "journeymap"
    pushes, classes = [], {}
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "push"
                    and ast.unparse(node.func.value).endswith("undo_stack") and path.name != "editor.py"):
                pushes.append(f"{path.relative_to(root)}:{node.lineno}")
            if isinstance(node, ast.ClassDef):
                methods = {m.name for m in node.body if isinstance(m, ast.FunctionDef)}
                classes[node.name] = ([ast.unparse(b).split(".")[-1] for b in node.bases], methods)
    assert not pushes, "undo_stack.push outside the editor:\n" + "\n".join(pushes)

    def is_command(name):
        return name == "DocumentCommand" or any(is_command(b) for b in classes.get(name, ((), ()))[0])

    def announces(name):
        bases, methods = classes.get(name, ((), ()))
        return name != "DocumentCommand" and ("change" in methods or any(announces(b) for b in bases))

    commands = [n for n in classes if n != "DocumentCommand" and is_command(n)]
    assert len(commands) > 20 and "AttachPhotosCommand" in commands
    assert [n for n in commands if not announces(n)] == []


def test_deleting_a_persona_that_maps_share_asks_through_the_editor(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from journeymap.domain.model import Persona
    from journeymap.ui.docks.personas import PERSONA_ID_ROLE

    session, editor, doc = window.session, window.session.editor, window.session.document
    first = session.map_id
    pid = editor.add_persona(Persona(name="Lucía"), first)
    second = editor.add_map(title="Second")
    assert editor.assign_personas(second, [pid])
    asked: list[str] = []
    answer = QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *a: (asked.append(text), answer)[1])
    assert not editor.delete_persona(pid)
    assert len(asked) == 1 and asked[0].startswith("“Lucía” is assigned to 2 map")
    panel = window.persona_dock  # the personas panel deletes through the editor, which asks
    panel.list.setCurrentItem(next(panel.list.item(i) for i in range(panel.list.count())
                                   if panel.list.item(i).data(PERSONA_ID_ROLE) == pid))
    assert not panel.delete_current() and len(asked) == 2
    assert pid in {p.id for p in doc.personas()}
    answer = QMessageBox.StandardButton.Yes
    assert editor.delete_persona(pid)
    assert pid not in {p.id for p in doc.personas()} and len(asked) == 3
    session.undo_stack.undo()
    assert {first, second} <= set(doc.persona_maps(pid))


def test_confirmations_and_colour_choices_are_the_editors():
    """The editor asks before destructive edits and picks colours; panels and the scene call it."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "journeymap" / "ui"
    offenders = []
    for path in root.rglob("*.py"):
        if path.name == "editor.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and ast.unparse(node.func) in ("QMessageBox.question",
                                                                         "QColorDialog.getColor"):
                offenders.append(str(path.relative_to(root)))
    # Not confirmations of edits: opening a document another window edits asks whether to open it
    # read-only, and an import dialog asks whether to import the same file again (it only adds).
    allowed = ["dialogs/import_steps.py", "document_files.py"]
    assert sorted(offenders) == allowed, offenders


def test_views_skip_their_own_edits_but_not_their_undo(window):
    """The inspector shows what it typed without reloading; undo of that edit reloads it with the old text."""
    session, inspector = window.session, window.inspector_dock
    tid = next(iter(window.scene.cards))
    window.scene.select_ids([tid])
    old = session.document.touchpoint(tid).title
    loads = []
    original = inspector._load
    inspector._load = lambda: (loads.append(1), original())
    inspector.title_edit.setText("Probador con espejo")
    inspector.title_edit.editingFinished.emit()
    assert session.document.touchpoint(tid).title == "Probador con espejo"
    assert window.scene.cards[tid].touchpoint.title == "Probador con espejo"  # the canvas applied the change
    assert not loads
    session.undo_stack.undo()
    assert loads and inspector.title_edit.text() == old
