"""Every setting the app keeps is declared once in journeymap/settings.py (key, type, default)."""

from __future__ import annotations

import ast
from pathlib import Path

from journeymap import settings

ROOT = Path(__file__).resolve().parents[1] / "journeymap"


def test_no_module_opens_its_own_settings_store():
    """A ``QSettings()`` of its own reads another file than settings.store() when the format or names differ,
    and its keys are declared nowhere (the camera's was)."""
    offenders = []
    for path in ROOT.rglob("*.py"):
        if path == ROOT / "settings.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and ast.unparse(node.func).split(".")[-1] == "QSettings":
                offenders.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}")
    assert not offenders, "use a Setting of journeymap/settings.py:\n" + "\n".join(offenders)


def test_every_key_is_declared_once_and_the_camera_is_remembered_there():
    keys = [s.key for s in settings.ALL]
    assert len(keys) == len(set(keys))
    assert settings.CAMERA in settings.ALL and settings.CAMERA.get() == ""
    settings.CAMERA.set("/dev/video2")
    assert settings.store().value("photos/camera") == "/dev/video2" and settings.CAMERA.get() == "/dev/video2"
