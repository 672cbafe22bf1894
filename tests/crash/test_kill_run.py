"""SIGKILL a model run at 30 random moments: every time the workspace opens, passes
PRAGMA integrity_check and the audit verification, and holds all or none of the run."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.crash.harness import fresh_copy, inspect, run_cli

KILLS = 30
SEED = 20241124


def make_template(folder: Path) -> Path:
    """The planted workspace of the model tests, with today's backup and its head taken."""
    from core.backup import daily_backup_if_due, refresh_head
    from core.workspace import open_workspace
    from tests.core.supervision.planted import build

    build(folder)
    ws = open_workspace(folder / "ws")
    daily_backup_if_due(ws)
    refresh_head(ws)
    ws.close()
    return folder / "ws"


def counts(ws: Any) -> dict[str, int]:
    def one(sql: str) -> int:
        return int(conn.execute(text(sql)).scalar_one())

    with ws.read() as conn:
        return {
            "runs": one("SELECT COUNT(*) FROM model_runs"),
            "clues": one("SELECT COUNT(*) FROM clues"),
            "run_entries": one("SELECT COUNT(*) FROM audit_log WHERE action = 'model_run'"),
        }


@pytest.mark.slow
def test_model_run_survives_sigkill_at_random_points(tmp_path: Path) -> None:
    template = make_template(tmp_path / "template")
    before = inspect(template, counts).counts
    assert before == {"runs": 0, "clues": 0, "run_entries": 0}

    full = fresh_copy(template, tmp_path / "full")
    done = run_cli(full, ["run"])
    assert done.returncode == 0
    expected = inspect(full, counts).counts
    assert expected["runs"] == 1 and expected["clues"] > 0 and expected["run_entries"] == 1
    shutil.rmtree(full)

    rng = random.Random(SEED)
    outcomes: list[str] = []
    for n in range(KILLS):
        ws = fresh_copy(template, tmp_path / f"kill{n}")
        # Half the kills anywhere, half in the last third, where the clues are written.
        low = 0.2 if n % 2 == 0 else done.at * 0.67
        at = rng.uniform(low, done.at * 1.05)
        run_cli(ws, ["run"], kill_after=at)
        after = inspect(ws, counts)
        label = f"第{n + 1}次 {at:.2f}s"
        assert after.opens, label
        assert after.integrity == "ok", (label, after.integrity)
        assert after.audit_ok, (label, after.audit_problem)
        assert after.counts in (before, expected), (label, after.counts)
        outcomes.append("全部" if after.counts == expected else "无")
        shutil.rmtree(ws)
    print(f"\n模型运行中断 {KILLS} 次（全程 {done.at:.1f} 秒）：", "、".join(outcomes))
