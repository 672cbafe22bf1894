"""Each bad file is refused with a Chinese message, exit status 2, and changes nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.cli import main
from core.errors import RefusedInput
from core.ingest.pipeline import import_file
from core.workspace import open_workspace
from tests.conftest import table_counts
from tests.core.ingest.badfiles import CORPUS

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_bad_file_refused_by_service(name: str, tmp_path: Path, workspace) -> None:
    path = CORPUS[name](tmp_path)
    before = table_counts(workspace)
    with pytest.raises(RefusedInput) as info:
        import_file(workspace, path)
    assert CJK.search(info.value.message)
    assert table_counts(workspace) == before
    assert workspace.integrity_ok()


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_bad_file_refused_by_cli(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws_dir = tmp_path / "ws"
    assert main(["--workspace", str(ws_dir), "init"]) == 0
    ws = open_workspace(ws_dir)
    before = table_counts(ws)
    capsys.readouterr()
    code = main(["--workspace", str(ws_dir), "import", str(CORPUS[name](tmp_path))])
    out = capsys.readouterr()
    assert code == 2
    assert out.err.startswith("错误：") and CJK.search(out.err)
    assert "Traceback" not in out.err + out.out
    assert table_counts(ws) == before
    assert ws.integrity_ok()
    ws.close()
