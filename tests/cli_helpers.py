"""Run the journeymap command line in a child process, in a chosen language (shared by CLI tests)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("JOURNEYMAP_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    base["PYTHONPATH"] = str(ROOT) + os.pathsep + base.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "journeymap.cli", *args],
        cwd=cwd, env={**base, **env}, capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
