"""A small real workspace with every bundled model's planted positives and decoys.

Built once per test session from generated spreadsheets (imported and analysed through
core); tests that change it get their own copy of the folder.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.analysis import analyse_workspace
from core.ingest.pipeline import import_file
from core.ingest.plan import ImportOptions
from core.workspace import Workspace, open_workspace
from tools.demogen.plant import write_planted

BACKGROUND = 300
SEED = 11


def build(folder: Path) -> dict[str, Any]:
    """Write, import and analyse the planted data in ``folder``/ws; return the truth table."""
    files = folder / "files"
    truth = write_planted(files, BACKGROUND, SEED)
    ws = open_workspace(folder / "ws")
    try:
        for path in sorted(files.iterdir()):
            import_file(ws, path, ImportOptions(kind="cases" if "案件" in path.name else None))
        analyse_workspace(ws)
    finally:
        ws.close()
    return truth


@pytest.fixture(scope="session")
def planted_base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("planted")
    return folder / "ws", build(folder)


@pytest.fixture
def planted(planted_base: tuple[Path, dict[str, Any]], tmp_path: Path) -> Iterator[Workspace]:
    """A fresh copy of the planted workspace (runs and clue changes stay in this test)."""
    target = tmp_path / "ws"
    shutil.copytree(planted_base[0], target)
    ws = open_workspace(target)
    yield ws
    ws.close()


@pytest.fixture
def truth(planted_base: tuple[Path, dict[str, Any]]) -> dict[str, Any]:
    return planted_base[1]
