"""Photos on touchpoints: ingest (orientation, metadata, size), storage, the ``attach`` command.

The phone photo is built in the test byte by byte (APP1 Exif with an
Orientation tag, an Artist and a GPS IFD) so we know exactly what it carries.
"""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

import pytest
from photo_fixtures import (
    LATITUDE,
    SECRET_ARTIST,
    heic,
    huge_png_header,
    phone_jpeg,
    plain_png,
    truncated_jpeg,
)

from journeymap.cli import main
from journeymap.services import photos
from journeymap.services.attaching import PhotosRefused, prepare_files, store_photos
from journeymap.services.templates import create_map_from_template
from journeymap.storage import Document, schema
from journeymap.storage import attachments as store


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def doc_path(tmp_path):
    path = tmp_path / "store.jmap"
    with Document.create(path) as doc:
        create_map_from_template(doc, "retail-store")
    return path


def first_touchpoints(path: Path, n: int = 2) -> list[int]:
    with Document.open(path, read_only=True) as doc:
        return [tp.id for tp in doc.touchpoints(doc.maps()[0].id)[:n]]


def decoded(data: bytes):
    from PySide6.QtGui import QImage

    image = QImage()
    assert image.loadFromData(data)
    return image


def test_phone_photo_is_turned_upright_and_loses_gps_and_personal_exif(tmp_path):
    source = phone_jpeg(tmp_path / "IMG_0001.JPG", width=400, height=200, orientation=6)
    raw = source.read_bytes()
    lat_bytes = struct.pack(">6I", LATITUDE[0], 1, LATITUDE[1], 1, LATITUDE[2], 100)
    assert b"Exif\x00\x00" in raw and lat_bytes in raw and SECRET_ARTIST in raw  # the fixture carries them

    photo = photos.prepare_file(source)

    # Orientation 6 = "rotate 90° clockwise to view": 400×200 stored is 200×400 upright,
    # and the red left quarter of the sensor image is now along the top.
    assert (photo.width, photo.height) == (200, 400)
    image = decoded(photo.data)
    assert (image.width(), image.height()) == (200, 400)
    top, bottom = image.pixelColor(100, 20), image.pixelColor(100, 380)
    assert top.red() > 200 and top.blue() < 60
    assert bottom.blue() > 200 and bottom.red() < 60
    # Nothing of the EXIF block survives: no APP1, no GPS rationals, no artist.
    assert b"Exif" not in photo.data and b"\xff\xe1" not in photo.data[:200]
    assert lat_bytes not in photo.data and SECRET_ARTIST.rstrip(b"\x00") not in photo.data
    assert photo.mime_type == "image/jpeg" and photo.file_name == "IMG_0001.jpg"
    assert photo.sha256 == hashlib.sha256(photo.data).hexdigest()
    assert max(decoded(photo.thumbnail).width(), decoded(photo.thumbnail).height()) <= photos.THUMB_SIDE


def test_big_photos_shrink_to_2560_and_screenshots_stay_png(tmp_path):
    jpeg = photos.prepare_file(phone_jpeg(tmp_path / "big.jpg", width=3200, height=2400, orientation=1))
    assert (jpeg.width, jpeg.height) == (2560, 1920)
    png = photos.prepare_file(plain_png(tmp_path / "screen.png", 3000, 600))
    assert png.mime_type == "image/png" and (png.width, png.height) == (2560, 512)
    assert decoded(png.data).width() == 2560


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda p: huge_png_header(p.with_suffix(".png")), "claims 60000 × 60000 pixels"),
        (lambda p: truncated_jpeg(p.with_suffix(".jpg")), "truncated"),
        (lambda p: (p.with_suffix(".jpg").write_text("not a photo\n"), p.with_suffix(".jpg"))[1], "not an image"),
        (lambda p: heic(p.with_suffix(".heic")), "HEIC"),
        (lambda p: (p.with_suffix(".jpg").write_bytes(b""), p.with_suffix(".jpg"))[1], "empty"),
    ],
    ids=["huge-png-header", "truncated-jpeg", "text-named-jpg", "heic", "empty"],
)
def test_hostile_images_are_refused_and_the_document_is_unchanged(tmp_path, capsys, doc_path, make, reason):
    import resource

    bad = make(tmp_path / "bad")
    good = phone_jpeg(tmp_path / "good.jpg")
    tid = first_touchpoints(doc_path, 1)[0]
    before = sha(doc_path)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    code, out, err = run(capsys, "attach", doc_path, tid, good, bad)
    assert code == 1
    assert str(bad) in err and reason in err
    assert "nothing was attached" in err
    assert out == ""
    assert sha(doc_path) == before  # byte for byte
    # Nothing was decoded at the claimed size (60,000² RGB would be 10 GB).
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss < 200 * 1024


def test_attach_cli_stores_photos_once_by_hash(tmp_path, capsys, doc_path):
    a, b = first_touchpoints(doc_path)
    photo = phone_jpeg(tmp_path / "window.jpg")
    code, out, err = run(capsys, "attach", doc_path, a, photo)
    assert code == 0, err
    assert "attachment 1: window.jpg, 200×400 px" in out and "(from 400×200 px" in out
    assert "GPS" in out
    # Same photo again on the same card: nothing new; on another card: a row, not a second blob.
    code, out, _ = run(capsys, "attach", doc_path, a, photo)
    assert code == 0 and "already on touchpoint" in out
    code, out, _ = run(capsys, "attach", doc_path, b, photo)
    assert code == 0 and "stored once" in out
    with Document.open(doc_path, read_only=True) as doc:
        assert [x.file_name for x in store.attachments(doc, a)] == ["window.jpg"]
        assert len(store.attachments(doc, b)) == 1
        assert doc.execute("SELECT COUNT(*) FROM attachment_blobs").fetchone()[0] == 1
        att = store.attachments(doc, a)[0]
        data = store.blob(doc, att.sha256)
        assert att.bytes == len(data) and hashlib.sha256(data).hexdigest() == att.sha256
        assert (att.width, att.height, att.mime_type) == (200, 400, "image/jpeg")


def test_attach_cli_to_a_note_and_to_missing_targets(tmp_path, capsys, doc_path):
    from journeymap.domain.model import Note

    tid = first_touchpoints(doc_path, 1)[0]
    with Document.open(doc_path) as doc:
        note = doc.add_note(Note(tid, "Shop window lights off"))
    photo = phone_jpeg(tmp_path / "p.jpg")
    code, _, err = run(capsys, "attach", doc_path, tid, photo, "--note", note)
    assert code == 0, err
    with Document.open(doc_path, read_only=True) as doc:
        assert [a.note_id for a in store.attachments(doc, tid)] == [note]
    code, _, err = run(capsys, "attach", doc_path, 99999, photo)
    assert code == 1 and "no touchpoint with id 99999" in err
    code, _, err = run(capsys, "attach", doc_path, tid, photo, "--note", 777)
    assert code == 1 and "has no note 777" in err


@pytest.fixture
def spanish(monkeypatch):
    from journeymap import i18n

    monkeypatch.setenv("JOURNEYMAP_LANG", "es")
    yield
    i18n.install_none()


def test_attach_cli_in_spanish(tmp_path, capsys, doc_path, spanish):
    tid = first_touchpoints(doc_path, 1)[0]
    code, out, _ = run(capsys, "attach", doc_path, tid, phone_jpeg(tmp_path / "p.jpg"))
    assert code == 0 and "adjunto 1" in out.lower()
    code, _, err = run(capsys, "attach", doc_path, tid, huge_png_header(tmp_path / "x.png"))
    assert code == 1 and "60000 × 60000" in err and "píxeles" in err


def test_deleting_a_card_and_undoing_keeps_its_photos(tmp_path, doc_path):
    tid = first_touchpoints(doc_path, 1)[0]
    with Document.open(doc_path) as doc:
        store_photos(doc, tid, prepare_files([phone_jpeg(tmp_path / "p.jpg")]))
        snap = doc.snapshot(touchpoint_ids=[tid])
        doc.delete_touchpoint(tid)
        assert store.attachments(doc, tid) == []
        doc.restore(snap)
        assert len(store.attachments(doc, tid)) == 1
        assert store.blob(doc, store.attachments(doc, tid)[0].sha256)
        doc.delete_touchpoint(tid)
    # The blob nobody uses leaves when the document closes.
    with Document.open(doc_path, read_only=True) as doc:
        assert doc.execute("SELECT COUNT(*) FROM attachment_blobs").fetchone()[0] == 0


def test_duplicated_map_shows_the_same_photos_without_copying_them(tmp_path, doc_path):
    tid = first_touchpoints(doc_path, 1)[0]
    with Document.open(doc_path) as doc:
        store_photos(doc, tid, prepare_files([phone_jpeg(tmp_path / "p.jpg")]))
        new_map = doc.duplicate_map(doc.maps()[0].id)
        copy = doc.touchpoints(new_map)[0]
        assert [a.sha256 for a in store.attachments(doc, copy.id)] == [a.sha256 for a in store.attachments(doc, tid)]
        assert doc.execute("SELECT COUNT(*) FROM attachment_blobs").fetchone()[0] == 1


def test_refused_batch_stores_nothing(tmp_path):
    with pytest.raises(PhotosRefused) as info:
        prepare_files([phone_jpeg(tmp_path / "ok.jpg"), huge_png_header(tmp_path / "a.png"), tmp_path / "missing.jpg"])
    assert [str(e).split(":")[0] for e in info.value.errors] == [str(tmp_path / "a.png"), str(tmp_path / "missing.jpg")]


def test_a_format_1_document_gains_the_attachment_tables(tmp_path):
    from helpers_formats import format_1_document  # a real format-1 file (frozen schema)

    path = format_1_document(tmp_path / "old.jmap")
    with Document.open(path) as doc:
        assert doc.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert store.attachments(doc, doc.touchpoints(doc.maps()[0].id)[0].id) == []
