"""Identity through copies (issue 18): templates make new objects each time; Save As and a file copy are the same
objects, so their edits merge back as changes, not conflicts."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest

from journeymap.domain.model import Note
from journeymap.services.merging import MergeRefused, apply_merge, plan_merge
from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document, identity
from journeymap.storage.identity_schema import EDITED_TABLES


def all_identities(doc: Document) -> dict[str, dict[int, identity.Identity]]:
    return {t: identity.identities(doc, t) for t in EDITED_TABLES}


def uuids(doc: Document) -> list[str]:
    return [i.uuid for rows in all_identities(doc).values() for i in rows.values()]


def test_templates_instantiate_new_uuids_every_time(tmp_path: Path) -> None:
    with Document.create(tmp_path / "a.jmap") as a, Document.create(tmp_path / "b.jmap") as b:
        create_map_from_template(a, "retail-store")
        create_map_from_template(a, "retail-store")  # the same template twice in one document
        create_map_from_template(b, "retail-store")
        first, second = uuids(a), uuids(b)
        assert len(first) == len(set(first)) and len(second) == len(set(second))
        assert not set(first) & set(second)
        assert all(uuid.UUID(u).version == 4 for u in first + second)
        assert identity.replica(a)[0] != identity.replica(b)[0]
        with pytest.raises(MergeRefused, match="not a copy of this map"):  # same template, not the same map
            plan_merge(a, [b.path])


def test_save_as_in_the_window_keeps_every_uuid_and_merges_back(window, doc_path: Path, tmp_path: Path) -> None:
    doc = window.session.document
    map_id = window.session.map_id
    card = doc.touchpoints(map_id)[0]
    window.session.editor.add_note(card.id, "before saving as", "Ana")
    before, replica = all_identities(doc), identity.replica(doc)[0]
    target = tmp_path / "store.jmap"
    assert window.save_as(target)
    saved = window.session.document
    assert saved.path.name == "store.jmap"
    assert all_identities(saved) == before
    assert identity.replica(saved)[0] != replica and replica in identity.replica_seen(saved)
    # Undo in the copy of an edit made before Save As gives back the same note.
    note_uuid = next(i.uuid for i in identity.identities(saved, "notes").values())
    window.session.undo_stack.undo()
    window.session.undo_stack.redo()
    assert [i.uuid for i in identity.identities(saved, "notes").values()] == [note_uuid]
    window.session.editor.add_note(card.id, "written in the copy", "Luis")
    assert window.session.editor.update_touchpoints({card.id: {"title": "Renamed in the copy"}})
    window.close()
    with Document.open(doc_path) as original:
        plan = plan_merge(original, [target])
        assert plan.conflicts == [] and plan.added == {"note": 1} and plan.changed == {"touchpoint": 1}
        apply_merge(original, [target])
        assert original.touchpoint(card.id).title == "Renamed in the copy"


def test_a_file_copy_keeps_every_uuid(doc_path: Path, tmp_path: Path) -> None:
    with Document.open(doc_path) as doc:
        doc.add_note(Note(doc.touchpoints(doc.maps()[0].id)[0].id, "hello"))
        before = all_identities(doc)
    copied = tmp_path / "copied.jmap"
    shutil.copy(doc_path, copied)
    with Document.open(copied) as doc:
        assert all_identities(doc) == before
