"""Kill a CLI command with SIGKILL at a chosen moment, then check the workspace it left.

The four properties after every kill: the workspace opens, PRAGMA integrity_check says
ok, the audit log verifies (chain, key and stored heads), and the interrupted operation
is all or nothing (the caller counts the rows it should have added).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Kill:
    at: float  # seconds after start when SIGKILL was sent (or the run's length if it ended)
    killed: bool
    returncode: int | None


@dataclass(frozen=True)
class After:
    opens: bool
    integrity: str
    audit_ok: bool
    audit_problem: str | None
    counts: dict[str, int]


def cli_env() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), CLUEWORKS_USER="测试员")
    env.pop("CLUEWORKS_PASSWORD", None)
    return env


def run_cli(ws: Path, args: Sequence[str], *, kill_after: float | None = None) -> Kill:
    """Run ``clueworks --workspace ws args``; SIGKILL its whole process group after ``kill_after``.

    The group is killed, as a power cut would, so that no helper process outlives it.
    """
    command = [sys.executable, "-m", "core.cli", "--workspace", str(ws), *args]
    started = time.perf_counter()
    proc = subprocess.Popen(
        command,
        cwd=REPO,
        env=cli_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        code = proc.wait(timeout=kill_after if kill_after is not None else 600)
        return Kill(time.perf_counter() - started, False, code)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return Kill(kill_after or 0.0, True, None)


def inspect(ws: Path, count: Callable[[Any], dict[str, int]]) -> After:
    """Open the workspace like the program does and check it; ``count`` reads the operation's rows."""
    from core.audit import check_chain
    from core.workspace import open_workspace

    try:
        workspace = open_workspace(ws, create=False)
    except Exception as exc:  # the property under test: this must not happen
        return After(False, f"无法打开：{exc}", False, None, {})
    try:
        with workspace.read() as conn:
            integrity = str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())
            report = check_chain(conn)
        return After(True, integrity, report.ok, report.problem, count(workspace))
    finally:
        workspace.close()


def fresh_copy(template: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template, target)
    return target
