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
    wal_bytes: int = 0  # left behind by the killed process: uncommitted work rolled back on open


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

    wal = ws / "workspace.db-wal"
    wal_bytes = wal.stat().st_size if wal.exists() else 0
    try:
        workspace = open_workspace(ws, create=False)
    except Exception as exc:  # the property under test: this must not happen
        return After(False, f"无法打开：{exc}", False, None, {})
    try:
        with workspace.read() as conn:
            integrity = str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())
            report = check_chain(conn)
        return After(True, integrity, report.ok, report.problem, count(workspace), wal_bytes)
    finally:
        workspace.close()


def fresh_copy(template: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template, target)
    return target


@dataclass(frozen=True)
class Trial:
    number: int
    at: float
    kill: Kill
    after: After


def kill_many(
    template: Path,
    work: Path,
    args: Sequence[str],
    moments: Sequence[float],
    count: Callable[[Any], dict[str, int]],
    *,
    workers: int = 2,
) -> list[Trial]:
    """Copy ``template``, run ``args`` on the copy, SIGKILL it at each moment, inspect the copy.

    Two trials run side by side (one per core) to keep the whole test short.
    """
    from concurrent.futures import ThreadPoolExecutor

    def trial(number: int) -> Trial:
        ws = fresh_copy(template, work / f"kill{number}")
        try:
            kill = run_cli(ws, args, kill_after=moments[number])
            return Trial(number, moments[number], kill, inspect(ws, count))
        finally:
            shutil.rmtree(ws, ignore_errors=True)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(trial, range(len(moments))))


def warm_duration(template: Path, work: Path, args: Sequence[str]) -> tuple[float, Path]:
    """Run ``args`` to the end on two copies side by side, as the trials will run.

    Returns the longer of the two times and one finished copy.
    """
    from concurrent.futures import ThreadPoolExecutor

    copies = [fresh_copy(template, work / f"full{n}") for n in range(2)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(lambda ws: run_cli(ws, args), copies))
    assert all(r.returncode == 0 for r in runs), f"{args} failed"
    return max(r.at for r in runs), copies[0]
