"""Benchmarks of photos on touchpoints (issue 15): attach a 12 MP phone photo; open a map with 200 photos."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from bench import data

PHOTOS = 200


def phone_photo() -> Path:
    """A 4000×3000 JPEG like a phone's (about 4 MB: smooth gradients under sensor noise)."""
    path = data.DATA / "phone-12mp.jpg"
    if path.exists():
        return path
    data.DATA.mkdir(parents=True, exist_ok=True)
    import numpy as np
    from PySide6.QtGui import QImage

    rng = np.random.default_rng(3)
    h, w = 3000, 4000
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    channels = [
        128 + 90 * np.sin(x / 310) * np.cos(y / 170),
        128 + 80 * np.cos(y / 210 + x / 900),
        128 + 60 * np.sin((x + y) / 530),
    ]
    b, g, r = (np.clip(c + rng.normal(0, 9, (h, w)), 0, 255) for c in channels)
    pixels = np.dstack([b, g, r, np.full((h, w), 255.0)]).astype(np.uint8).copy()
    image = QImage(pixels.data, w, h, 4 * w, QImage.Format.Format_RGB32).copy()
    tmp = path.with_suffix(".part")
    assert image.save(str(tmp), "JPEG", 92)
    shutil.move(tmp, path)
    return path


def attach_12mp() -> float:
    """Read, orient, shrink to 2560 px, strip and store one 12-megapixel JPEG in a document."""
    from journeymap.services.attaching import prepare_files, store_photos
    from journeymap.services.templates import create_map_from_template
    from journeymap.storage import Document

    photo = phone_photo()
    path = data.DATA / "attach.jmap"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    doc = Document.create(path)
    create_map_from_template(doc, "retail-store")
    tid = doc.touchpoints(doc.maps()[0].id)[0].id
    photo.read_bytes()  # in the page cache, as a file just copied from a phone would be
    t0 = time.perf_counter()
    store_photos(doc, tid, prepare_files([photo]))
    elapsed = time.perf_counter() - t0
    doc.close()
    return elapsed


def photos_map() -> Path:
    """The 2,000-card map with 200 distinct photos (2560×1920 JPEGs) on 200 cards."""
    path = data.DATA / "big-2000-photos.jmap"
    if path.exists():
        return path
    from journeymap.services.attaching import new_attachment
    from journeymap.services.photos import prepare_file
    from journeymap.storage import Document
    from journeymap.storage import attachments as store

    tmp = path.with_suffix(".part")
    tmp.unlink(missing_ok=True)
    shutil.copy(data.big_map(), tmp)
    base = prepare_file(phone_photo())
    import hashlib
    from dataclasses import replace

    with Document.open(tmp) as doc, doc.transaction():
        ids = [tp.id for tp in doc.touchpoints(doc.maps()[0].id)][::10][:PHOTOS]
        for i, tid in enumerate(ids):
            # Distinct bytes (a few after the JPEG's end marker), so each photo is its own blob.
            blob = base.data + f"photo {i}".encode()
            photo = replace(base, data=blob, sha256=hashlib.sha256(blob).hexdigest())
            store.add_blob(doc, photo.sha256, photo.data, photo.thumbnail)
            store.add(doc, new_attachment(photo, tid))
    shutil.move(tmp, path)
    return path


def _open(src: Path, name: str, overlays: set[str]) -> float:
    from journeymap.app import create_app

    create_app()
    from journeymap.storage import Document
    from journeymap.ui.scene import MapScene
    from journeymap.ui.session import DocumentSession

    path = data.fresh_copy(src, name)
    t0 = time.perf_counter()
    session = DocumentSession(Document.open(path))
    scene = MapScene(session)
    scene.set_overlays(overlays)
    elapsed = time.perf_counter() - t0
    assert len(scene.cards) == data.TOUCHPOINTS
    return elapsed


def open_without_photos() -> float:
    """The 2,000-card map, no photos, with the photos overlay on (peer of open_200_photos)."""
    return _open(data.big_map(), "open-no-photos.jmap", {"photos"})


def open_200_photos() -> float:
    """The same map with 200 photos, photos overlay on; checks the file grew by the photos only."""
    src = photos_map()
    grown = os.path.getsize(src) - os.path.getsize(data.big_map())
    from journeymap.storage import Document
    from journeymap.storage import attachments as store

    with Document.open(src, read_only=True) as doc:
        stored = store.stored_bytes(doc)
    assert grown <= stored * 1.05 + 65536, (grown, stored)
    return _open(src, "open-photos.jmap", {"photos"})
