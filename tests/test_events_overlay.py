"""The "Flows" overlay: arrows by customers, drop-off badges, the paths panel, believed vs observed; exports."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from events_fixtures import write_csv

from journeymap.ui.commands.event_imports import run_event_import
from journeymap.ui.export.render import ImageOptions, export_png, export_svg
from journeymap.ui.scene import flow_overlay

ROOT = Path(__file__).resolve().parent.parent

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def scene(session, tmp_path):
    """The retail-store map with a log: 150 customers window -> entrance, 100 of them then -> greeting."""
    from journeymap.ui.scene import MapScene

    titles = {tp.title: tp.id for tp in session.document.touchpoints(session.map_id)}
    rows = []
    t0 = datetime(2024, 5, 1, 10)
    for c in range(150):
        steps = ["Window display", "Store entrance"] + (["Staff greeting"] if c < 100 else [])
        for k, step in enumerate(steps):
            rows.append([f"c{c}", (t0 + timedelta(minutes=c + 30 * k)).strftime("%Y-%m-%d %H:%M:%S"), step])
    run_event_import(session, write_csv(tmp_path / "log.csv", ["customer", "time", "touchpoint"], rows))
    s = MapScene(session)
    s.titles = titles
    yield s
    s.dispose()


def test_overlay_arrows_badges_and_panel(scene, monkeypatch):
    monkeypatch.setattr(flow_overlay, "drawn_connections", lambda doc, map_id: [])  # a map without arrows
    assert not scene.flows.item.isVisible()
    before = scene.sceneRect()
    scene.set_overlays({"flows"})
    item = scene.flows.item
    assert item.isVisible()
    ids = scene.titles
    arrows = scene.flows.arrows()
    assert arrows == [(ids["Window display"], ids["Store entrance"], 150, "observed"),
                      (ids["Store entrance"], ids["Staff greeting"], 100, "observed")]
    tps = scene.flows.flows.touchpoints
    assert tps[ids["Store entrance"]].drop_off == 50 and tps[ids["Staff greeting"]].drop_off == 100
    # The panel widens the scene (and so the exports).
    assert scene.sceneRect().right() > before.right()
    assert scene.sceneRect().contains(item.panel_rect())
    texts = [line[0] for line in item._lines]
    assert any("Window display → Store entrance → Staff greeting" in t for t in texts)
    scene.set_overlays(set())
    assert not item.isVisible() and scene.sceneRect() == before


def test_believed_vs_observed(scene, monkeypatch):
    ids = scene.titles
    drawn = [(ids["Window display"], ids["Store entrance"]), (ids["Window display"], ids["Promotions poster"])]
    monkeypatch.setattr(flow_overlay, "drawn_connections", lambda doc, map_id: drawn)
    scene.set_overlays({"flows"})
    kinds = {(a, b): k for a, b, _n, k in scene.flows.arrows()}
    assert kinds[ids["Window display"], ids["Store entrance"]] == "observed"
    assert kinds[ids["Store entrance"], ids["Staff greeting"]] == "missing"  # 100 of 150: frequent, not drawn
    assert kinds[ids["Window display"], ids["Promotions poster"]] == "rare"  # drawn, nobody took it


def test_undo_of_the_import_clears_the_overlay(scene, monkeypatch):
    monkeypatch.setattr(flow_overlay, "drawn_connections", lambda doc, map_id: [])
    scene.set_overlays({"flows"})
    assert scene.flows.arrows()
    scene.session.undo_stack.undo()
    assert scene.flows.flows.empty and scene.flows.arrows() == []
    scene.session.undo_stack.redo()
    assert len(scene.flows.arrows()) == 2


def test_exports_carry_the_overlay(scene, tmp_path):
    from PySide6.QtGui import QImage

    export_png(scene, tmp_path / "off.png", ImageOptions(overlays=set()))
    export_png(scene, tmp_path / "on.png", ImageOptions(overlays={"flows"}))
    off, on = QImage(str(tmp_path / "off.png")), QImage(str(tmp_path / "on.png"))
    assert on.width() > off.width()  # the paths panel
    export_svg(scene, tmp_path / "on.svg", ImageOptions(overlays={"flows"}))
    words = " ".join("".join(t.itertext()) for t in ET.parse(tmp_path / "on.svg").getroot().iter(f"{SVG}text"))
    assert "Most common paths" in words and "150" in words
    assert not scene.flows.item.isVisible()  # the scene is given back as it was


def test_pdf_and_deck_carry_the_overlay(scene, tmp_path):
    import zipfile

    from journeymap.ui.export.deck import DeckOptions, export_pptx
    from journeymap.ui.export.render import export_pdf

    export_pdf(scene, tmp_path / "off.pdf", ImageOptions(overlays=set()))
    export_pdf(scene, tmp_path / "on.pdf", ImageOptions(overlays={"flows"}))
    assert (tmp_path / "on.pdf").stat().st_size > (tmp_path / "off.pdf").stat().st_size
    pictures = {}
    for name, overlays in (("off", set()), ("on", {"flows"})):
        export_pptx(scene, tmp_path / f"{name}.pptx", DeckOptions(overlays=overlays))
        with zipfile.ZipFile(tmp_path / f"{name}.pptx") as z:
            pictures[name] = sorted(z.read(n) for n in z.namelist() if n.startswith("ppt/media/"))
    assert pictures["on"] and pictures["on"] != pictures["off"]  # the whole-journey slide's picture


def test_opening_a_map_does_not_load_numpy(tmp_path):
    """The flow overlay reads a map's stored flows at open; NumPy (0.1-0.3 s to load) is for counting."""
    from journeymap.services.templates import create_map_from_template
    from journeymap.storage import Document

    path = tmp_path / "map.jmap"
    with Document.create(path) as doc:
        create_map_from_template(doc, "retail-store")
    code = (
        "import sys\n"
        "from journeymap.app import create_app\n"
        "app = create_app()\n"
        "from journeymap.ui.main_window import MainWindow\n"
        "w = MainWindow(); w.show()\n"
        f"w.open_path({str(path)!r})\n"
        "for _ in range(10): app.processEvents()\n"
        "assert w.session is not None and w.scene.cards, 'the map did not open'\n"
        "assert 'numpy' not in sys.modules, 'numpy was loaded'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "JOURNEYMAP_LANG": "en",
                                 "HOME": str(tmp_path)}, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
