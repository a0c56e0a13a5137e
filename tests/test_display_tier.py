"""Runs the real-display tier (tests/display) under Xvfb with Qt's xcb platform, in its own process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_real_display_tier_passes():
    xvfb_run = shutil.which("xvfb-run")
    assert xvfb_run, "xvfb-run is missing: scripts/setup test installs xvfb and xauth"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", JOURNEYMAP_DISPLAY_TIER="1")
    result = subprocess.run(
        [xvfb_run, "-a", "-s", "-screen 0 1366x768x24", sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         str(ROOT / "tests" / "display")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
