"""A full or read-only disk under the workspace: a clear Chinese message, the workspace intact."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")


def run_case(mode: str, folder: Path, *, simulate: bool) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(REPO), CLUEWORKS_USER="测试员")
    env.pop("CLUEWORKS_PASSWORD", None)
    if simulate:
        env["HOSTILE_SIMULATE_DISK"] = "1"
    command = [sys.executable, "-m", "tests.hostile.diskcase", mode, str(folder)]
    # A private mount namespace keeps the small tmpfs out of everyone else's sight.
    if shutil.which("unshare") and os.geteuid() == 0:
        command = ["unshare", "-m", *command]
    done = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    if "@@RESULT@@" not in done.stdout and command[0] == "unshare":
        done = subprocess.run(
            command[2:], cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False
        )
    assert "@@RESULT@@" in done.stdout, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout.split("@@RESULT@@", 1)[1])
    return result


@pytest.mark.parametrize("simulate", [False, True], ids=["tmpfs", "simulated"])
@pytest.mark.parametrize(
    ("mode", "words"),
    [("full", ("磁盘空间已满", "读写磁盘出错")), ("readonly", ("只读",))],
)
def test_disk_trouble_changes_nothing(
    mode: str, words: tuple[str, ...], simulate: bool, tmp_path: Path
) -> None:
    result = run_case(mode, tmp_path, simulate=simulate)
    message = str(result["message"])
    assert result["code"] == 2, message
    assert "错误：" in message, message
    assert any(w in message for w in words), message
    assert "Traceback" not in message and CJK.search(message)
    assert result["after"] == result["before"]
    assert result["before"]["integrity"] == "ok"  # type: ignore[index]
