"""Starting the desktop window from the CLI without importing Qt in core."""

from __future__ import annotations

import importlib
from pathlib import Path

from core.errors import UserError


def launch_gui(workspace: Path) -> int:
    """Open the window on ``workspace``; return its exit status."""
    try:
        app = importlib.import_module("desktop.app")
    except ImportError as exc:
        raise UserError("无法启动图形界面：未安装 PySide6。", str(exc)) from exc
    result: int = app.run(workspace)
    return result


def save_screenshots(workspace: Path, out_dir: Path) -> list[Path]:
    """Visit every page of the window on ``workspace`` and save a PNG of each into ``out_dir``."""
    try:
        shots = importlib.import_module("desktop.screenshots")
    except ImportError as exc:
        raise UserError("无法启动图形界面：未安装 PySide6。", str(exc)) from exc
    saved: list[Path] = shots.take_screenshots(workspace, out_dir)
    return saved
