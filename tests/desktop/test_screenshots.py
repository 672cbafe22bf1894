"""``take_screenshots`` saves a picture of every page and dialog and changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from tests.conftest import table_counts


def test_every_page_is_pictured(seeded_folder: Path, tmp_path: Path, qapp: Any) -> None:
    import shutil

    from core.workspace import open_workspace
    from desktop.screenshots import take_screenshots

    folder = tmp_path / "ws"
    shutil.copytree(seeded_folder, folder)
    ws = open_workspace(folder)
    before = table_counts(ws)
    ws.close()
    settings_file = QSettings().fileName()
    saved = take_screenshots(folder, tmp_path / "shots")
    names = [p.name for p in saved]
    assert names[:8] == [
        "01-home.png",
        "02-data.png",
        "03-cases.png",
        "04-models.png",
        "05-clues.png",
        "06-documents.png",
        "07-statistics.png",
        "08-audit.png",
    ]
    assert {"10-import-mapping.png", "12-drafting.png", "09-clue-cases.png"} <= set(names)
    for path in saved:
        image = QImage(str(path))
        assert image.width() >= 900 and image.height() >= 600, path.name
    ws = open_workspace(folder)
    assert table_counts(ws) == before  # looked at, nothing imported or written
    ws.close()
    assert QSettings().fileName() == settings_file  # the test settings are back
