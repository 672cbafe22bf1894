"""Fixtures for the hostile-input tests: the generated corpus, a seeded workspace, the zygote."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile.corpus import CORPUS
from tests.hostile.runner import Zygote


@pytest.fixture(scope="session")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Generate every file of the corpus once, each in its own folder."""
    root = tmp_path_factory.mktemp("hostile")
    files: dict[str, Path] = {}
    for item in CORPUS:
        folder = root / item.name
        folder.mkdir()
        files[item.name] = item.make(folder)
    return files


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace holding 20 imported cases, with automatic daily backups off."""
    from sqlalchemy import text

    from core.ingest.pipeline import import_file
    from core.workspace import open_workspace
    from tests.conftest import write_xlsx
    from tests.core.ingest.casedata import HEADERS_A, case_rows

    root = tmp_path_factory.mktemp("seeded")
    ws = open_workspace(root / "ws")
    import_file(ws, write_xlsx(root / "种子.xlsx", HEADERS_A, case_rows(20)))
    with ws.write() as conn:
        # The counts before and after each hostile file must compare equal.
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('backup.keep', '0')"))
    ws.close()
    return root / "ws"


@pytest.fixture
def seeded_ws(seeded_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(seeded_template, target)
    return target


@pytest.fixture(scope="session")
def zygote() -> Iterator[Zygote]:
    with Zygote() as z:
        yield z
