"""The files a run file names, and the one rule that confines them to the run's own folder.

A run file may come from someone else, edited by hand: its ``chart_file`` may say
``/proc/self/environ`` or ``../../.ssh/id_ed25519``. Whatever reads a path from a run file (the
report, the judge) reads it only through `chart_path` or `screenshot_path`.
"""

from __future__ import annotations

import stat
from pathlib import Path, PurePosixPath, PureWindowsPath


def charts_folder(run_path: Path) -> Path:
    """The folder where a run keeps its charts: ``{run stem}_charts`` beside its file."""
    return run_path.parent / f"{run_path.stem}_charts"


def chart_path(run_path: Path, chart_file: str | None) -> Path | None:
    """The chart document an item names, or None where the name breaks the rule.

    The rule: a relative path with no ``..``, under the run's own chart folder
    (`charts_folder`, itself no symlink), naming a regular file that, once every symlink is
    followed, is still in that folder.

    Args:
        run_path: The run's JSONL file.
        chart_file: The item's ``chart_file``, relative to the run file's folder.
    """
    return _confined(run_path, chart_file)


def screenshot_path(run_path: Path, chart_file: str | None) -> Path | None:
    """The PNG a rendered chart left beside its document, under the same rule."""
    if not chart_file:
        return None
    return _confined(run_path, str(PurePosixPath(chart_file).with_suffix(".png")))


def _confined(run_path: Path, relative: str | None) -> Path | None:
    if not relative or "\x00" in relative or "\\" in relative:
        return None
    name = PurePosixPath(relative)
    if name.is_absolute() or PureWindowsPath(relative).drive or ".." in name.parts:
        return None
    folder = charts_folder(run_path)
    if len(name.parts) < 2 or name.parts[0] != folder.name:
        return None
    try:
        if folder.is_symlink():  # the folder itself may not lead elsewhere
            return None
        inside = run_path.parent.resolve(strict=True) / folder.name
        target = (run_path.parent / name).resolve(strict=True)
        regular = stat.S_ISREG(target.stat().st_mode)
    except (OSError, RuntimeError):  # missing, a symlink loop, unreadable
        return None
    return target if regular and target.is_relative_to(inside) else None
