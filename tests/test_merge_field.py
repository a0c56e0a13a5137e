"""Merging as the store managers' copies really come back (issue 18 review): from a folder the merge may not
write to (a write-protected USB stick, a mail client's attachments), and without leaving files beside them."""

from __future__ import annotations

import hashlib
import os
import shutil

import pytest
from fs_helpers import remount_read_only, small_tmpfs

from journeymap.domain.model import Note
from journeymap.services.merging import apply_merge, plan_merge
from journeymap.storage import Document


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def master(doc_path):
    """The retail-store map, opened once for editing (it has its replica), closed."""
    Document.open(doc_path).close()
    return doc_path


def annotated_copy(master_path, folder, name: str = "sevilla.jmap"):
    """A copy of MASTER in *folder* with a note by its store manager; returns (path, card id)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    shutil.copy(master_path, path)
    with Document.open(path) as doc:
        card = doc.touchpoints(doc.maps()[0].id)[0].id
        doc.add_note(Note(card, "Faltan perchas", "Bruno Díaz"))
    return path, card


def test_merging_leaves_nothing_beside_the_copies(master, tmp_path) -> None:
    returned = tmp_path / "returned"
    copy, card = annotated_copy(master, returned)
    before = sha(copy)
    with Document.open(master) as doc:
        plan_merge(doc, [copy])
        assert os.listdir(returned) == ["sevilla.jmap"]  # no -wal, no -shm beside the user's file
        apply_merge(doc, [copy])
        assert [n.text for n in doc.notes(card)] == ["Faltan perchas"]
    assert os.listdir(returned) == ["sevilla.jmap"]
    assert sha(copy) == before


def test_a_copy_on_read_only_media_merges(master, tmp_path) -> None:
    with small_tmpfs(tmp_path / "usb", 2048) as usb:
        copy, card = annotated_copy(master, usb)
        remount_read_only(usb)
        with Document.open(master) as doc:
            plan = plan_merge(doc, [copy])
            assert plan.added == {"note": 1}
            apply_merge(doc, [copy])
            assert [(n.text, n.author) for n in doc.notes(card)] == [("Faltan perchas", "Bruno Díaz")]
        assert os.listdir(usb) == ["sevilla.jmap"]


def test_cli_report_puts_each_import_under_its_copy_and_names_sensations_in_spanish(master, tmp_path) -> None:
    from cli_helpers import cli

    from journeymap.domain.model import ImportBatch

    madrid, card = annotated_copy(master, tmp_path / "returned", "madrid.jmap")
    sevilla = tmp_path / "returned" / "sevilla.jmap"
    shutil.copy(master, sevilla)
    with Document.open(madrid) as doc:
        doc.update_touchpoint(card, sensation="negative")
        batch = doc.add_batch(ImportBatch(doc.maps()[0].id, "madrid-survey.csv", "2026-11-30T10:00:00", rows=1))
        doc.insert_responses([(card, 9, None, "bien", "2026-11-01", "", batch)])
    with Document.open(sevilla) as doc:
        doc.update_touchpoint(card, sensation="positive")
    run = cli("merge", str(master), str(madrid), str(sevilla), "--dry-run", cwd=tmp_path, JOURNEYMAP_LANG="es")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    at = lines.index("  importación madrid-survey.csv de madrid.jmap: 1 respuesta")
    assert lines[at - 2].startswith("madrid.jmap: ") and lines[at + 1].startswith("sevilla.jmap: ")
    (row,) = [line for line in lines if line.startswith("punto de contacto") and "sevilla.jmap" in line]
    assert row.split()[-3:] == ["negativa", "positiva", "sevilla.jmap"], row


def test_cli_second_merge_with_only_a_declined_deletion_says_nothing_was_merged(master, tmp_path) -> None:
    from cli_helpers import cli

    copy, card = annotated_copy(master, tmp_path / "returned")
    with Document.open(copy) as doc:
        doc.delete_touchpoint(doc.touchpoints(doc.maps()[0].id)[5].id)
    first = cli("merge", str(master), str(copy), cwd=tmp_path, JOURNEYMAP_LANG="en")
    assert first.returncode == 0 and "Merged into map.jmap" in first.stdout, first.stdout + first.stderr
    before = sha(master)
    again = cli("merge", str(master), str(copy), cwd=tmp_path, JOURNEYMAP_LANG="en")
    assert again.returncode == 0, again.stderr
    assert "sevilla.jmap: 1 deletion proposed" in again.stdout  # still listed, to decide in the editor
    assert "Nothing to merge: map.jmap already has everything in these copies." in again.stdout
    assert "Merged into" not in again.stdout
    assert sha(master) == before


def test_a_copy_with_a_note_of_no_card_merges_the_rest(master, tmp_path) -> None:
    """A damaged or hostile copy (foreign keys off) whose note points at no card: the note is left out
    (as deleting its card would have removed it), everything else comes in; it failed with
    "unexpected error (IntegrityError: NOT NULL constraint failed: notes.touchpoint_id)"."""
    import sqlite3

    copy, card = annotated_copy(master, tmp_path / "returned")
    with Document.open(copy) as doc:
        doc.update_touchpoint(card, title="Escaparate Sevilla")
    conn = sqlite3.connect(copy)
    conn.execute("PRAGMA foreign_keys = OFF")
    with conn:
        conn.execute("UPDATE notes SET touchpoint_id = 9999")
    conn.close()
    with Document.open(master) as doc:
        result = apply_merge(doc, [copy])
        assert doc.touchpoint(card).title == "Escaparate Sevilla"
        assert doc.notes(card) == [] and result.plan.added == {}
        assert doc._conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_note_added_to_a_card_master_deleted_is_reported_as_left_out(master, tmp_path) -> None:
    """Sevilla wrote a note on a card the consultant has deleted meanwhile: it cannot come in, and the
    reports say so (it vanished without a word)."""
    from cli_helpers import cli

    from journeymap.ui.dialogs.merge_dialog import report_text

    copy, card = annotated_copy(master, tmp_path / "returned")
    with Document.open(master) as doc:
        doc.delete_touchpoint(card)
    with Document.open(master) as doc:
        plan = plan_merge(doc, [copy])
    assert [s.left_out for s in plan.per_source] == [1] and plan.added == {}
    assert "From sevilla.jmap: 1 left out: added to a card, stage or lane this document no longer has" in (
        report_text(plan, "map.jmap", {}, []))
    for lang, words in (("en", "sevilla.jmap: 1 left out (added to a card, stage or lane MASTER no longer has)"),
                        ("es", "sevilla.jmap: 1 omitido (añadido a una tarjeta, etapa o fila que MASTER ya no tiene)")):
        run = cli("merge", str(master), str(copy), "--dry-run", cwd=tmp_path, JOURNEYMAP_LANG=lang)
        assert run.returncode == 0 and words in run.stdout, run.stdout + run.stderr


@pytest.mark.parametrize("lang, expected", [
    ("en", "store-11.jmap: at most 10 copies can be merged at once; merge this one and those after it in a "
           "second step. Nothing was merged."),
    ("es", "store-11.jmap: se pueden combinar como mucho 10 copias a la vez; combina esta y las siguientes en "
           "un segundo paso. No se combinó nada."),
])
def test_eleven_copies_are_refused_by_name_not_with_a_database_error(master, tmp_path, lang, expected) -> None:
    """Five stores is the brief; a chain of eleven once ended in 'too many attached databases - max 10'."""
    from cli_helpers import cli

    copies = [annotated_copy(master, tmp_path / "returned", f"store-{i}.jmap")[0] for i in range(1, 12)]
    before = sha(master)
    run = cli("merge", str(master), *map(str, copies), cwd=tmp_path, JOURNEYMAP_LANG=lang)
    assert run.returncode != 0
    assert expected in run.stderr + run.stdout, run.stderr + run.stdout
    assert "attached" not in run.stderr + run.stdout
    assert sha(master) == before
    ten = cli("merge", str(master), *map(str, copies[:10]), cwd=tmp_path, JOURNEYMAP_LANG="en")
    assert ten.returncode == 0, ten.stderr
    with Document.open(master) as doc:
        card = doc.touchpoints(doc.maps()[0].id)[0].id
        assert [n.text for n in doc.notes(card)].count("Faltan perchas") == 10
