"""SIGKILL a model run at 30 random moments: every time the workspace opens, passes
PRAGMA integrity_check and the audit verification, and holds all or none of the run."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.crash.harness import inspect, kill_many, warm_duration

KILLS = 30
SEED = 20241124


def make_template(folder: Path) -> Path:
    """The planted workspace of the model tests, with its audit head written."""
    from core.backup import refresh_head
    from core.workspace import open_workspace
    from tests.core.supervision.planted import build

    build(folder)
    ws = open_workspace(folder / "ws")
    with ws.write() as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('backup.keep', '0')"))
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
    nothing = inspect(template, counts).counts
    assert nothing == {"runs": 0, "clues": 0, "run_entries": 0}
    seconds, full = warm_duration(template, tmp_path, ["run"])
    everything = inspect(full, counts).counts
    assert everything["runs"] == 1 and everything["clues"] > 0 and everything["run_entries"] == 1

    rng = random.Random(SEED)
    # Half the kills anywhere, half in the last third, where the clues are written.
    moments = [rng.uniform(0.2 if n % 2 else seconds * 0.67, seconds * 1.1) for n in range(KILLS)]
    trials = kill_many(template, tmp_path, ["run"], moments, counts)
    for t in trials:
        label = f"第{t.number + 1}次，{t.at:.2f} 秒"
        assert t.after.opens, label
        assert t.after.integrity == "ok", (label, t.after.integrity)
        assert t.after.audit_ok, (label, t.after.audit_problem)
        assert t.after.counts in (nothing, everything), (label, t.after.counts)
    landed = ["全部" if t.after.counts == everything else "无" for t in trials]
    print(
        f"\n模型运行中断 {KILLS} 次（完整运行 {seconds:.1f} 秒）：",
        "、".join(landed),
    )
