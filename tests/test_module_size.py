"""No module over 800 lines (the developers' guide): a module that grows past it is split by job, not trimmed."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 800
CHECKED = ("journeymap", "tests", "bench")


def line_count(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for _ in fh)


def oversized(root: Path) -> list[str]:
    """'path: N lines' of every .py under the checked folders of *root* longer than MAX_LINES."""
    found = []
    for folder in CHECKED:
        for path in sorted((root / folder).rglob("*.py")):
            n = line_count(path)
            if n > MAX_LINES:
                found.append(f"{path.relative_to(root)}: {n} lines")
    return found


def test_no_module_is_over_800_lines():
    too_long = oversized(ROOT)
    assert not too_long, f"modules over {MAX_LINES} lines (split them by job):\n" + "\n".join(too_long)


def test_the_check_names_a_long_module_and_its_size(tmp_path):
    for folder in CHECKED:
        (tmp_path / folder / "pkg").mkdir(parents=True)
    (tmp_path / "journeymap" / "pkg" / "fits.py").write_text("x = 1\n" * MAX_LINES)
    (tmp_path / "bench" / "pkg" / "long.py").write_text("x = 1\n" * (MAX_LINES + 1))
    (tmp_path / "tests" / "notes.txt").write_text("x\n" * 2000)  # only Python modules count
    assert oversized(tmp_path) == [f"{Path('bench/pkg/long.py')}: {MAX_LINES + 1} lines"]


def test_the_map_scene_stays_a_scene():
    """Issue 20: MapScene keeps items, layout and rendering (600 lines at most); gestures are interactions
    (ui/scene/interactions.py) and every edit goes through the editor (ui/editor.py)."""
    path = ROOT / "journeymap" / "ui" / "scene" / "map_scene.py"
    n = line_count(path)
    assert n <= 600, f"{path.relative_to(ROOT)}: {n} lines (at most 600): move what is not items, layout or rendering"
