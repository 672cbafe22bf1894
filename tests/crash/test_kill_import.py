"""SIGKILL an import at 30 random moments: every time the workspace opens, passes
PRAGMA integrity_check and the audit verification, and holds all or none of the file."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.conftest import write_csv, write_xlsx
from tests.core.ingest.casedata import HEADERS_A, HEADERS_B, case_rows
from tests.crash.harness import fresh_copy, inspect, run_cli

KILLS = 30
SEED = 20241123
CASES = 8000  # a CSV of ~40 MB: a few seconds to import, read by the helper process
FILLER = "经审理查明，双方当事人之间的借贷关系事实清楚，证据确实充分，本院予以确认。" * 12


def big_csv(path: Path) -> Path:
    rows = case_rows(CASES, seed=11, style="B", year=2019)
    for row in rows:
        row[-1] = f"{row[-1]}{FILLER}"
    return write_csv(path, HEADERS_B, rows)


def make_template(folder: Path) -> Path:
    """A workspace with one small import already in it, its audit head and today's backup."""
    from core.backup import daily_backup_if_due, refresh_head
    from core.ingest.pipeline import import_file
    from core.workspace import open_workspace

    ws = open_workspace(folder / "ws")
    import_file(ws, write_xlsx(folder / "先前.xlsx", HEADERS_A, case_rows(20)))
    daily_backup_if_due(ws)  # so that no backup is due during the runs below
    refresh_head(ws)
    ws.close()
    return folder / "ws"


def counts(ws: Any) -> dict[str, int]:
    with ws.read() as conn:
        found = conn.execute(
            text("SELECT id, rows_imported FROM datasets WHERE file_name = '大批导入.csv'")
        ).first()
        cases = 0
        if found is not None:
            cases = int(
                conn.execute(
                    text("SELECT COUNT(*) FROM cases WHERE dataset_id = :d"), {"d": found[0]}
                ).scalar_one()
            )
        return {
            "datasets": 0 if found is None else 1,
            "cases": cases,
            "all_cases": int(conn.execute(text("SELECT COUNT(*) FROM cases")).scalar_one()),
        }


@pytest.mark.slow
def test_import_survives_sigkill_at_random_points(tmp_path: Path) -> None:
    data = big_csv(tmp_path / "大批导入.csv")
    template = make_template(tmp_path / "template")
    args = ["import", str(data), "--no-analyse"]

    full = fresh_copy(template, tmp_path / "full")
    done = run_cli(full, args)
    assert done.returncode == 0
    expected = inspect(full, counts).counts
    assert expected["cases"] == CASES and expected["datasets"] == 1
    shutil.rmtree(full)

    rng = random.Random(SEED)
    outcomes: list[str] = []
    for n in range(KILLS):
        ws = fresh_copy(template, tmp_path / f"kill{n}")
        at = rng.uniform(0.3, done.at * 1.05)
        kill = run_cli(ws, args, kill_after=at)
        after = inspect(ws, counts)
        label = f"第{n + 1}次 {at:.2f}s"
        assert after.opens, label
        assert after.integrity == "ok", (label, after.integrity)
        assert after.audit_ok, (label, after.audit_problem)
        assert (after.counts["datasets"], after.counts["cases"]) in ((0, 0), (1, CASES)), label
        assert after.counts["all_cases"] in (20, 20 + CASES), label
        outcomes.append("全部" if after.counts["cases"] else "无")
        if n % 10 == 0 and kill.killed:
            # The next attempt after a crash goes through: no stale lock, no hot journal left.
            assert run_cli(ws, args).returncode == 0
            assert inspect(ws, counts).counts == expected
        shutil.rmtree(ws)
    print(f"\n导入中断 {KILLS} 次（全程 {done.at:.1f} 秒）：", "、".join(outcomes))
    assert outcomes.count("无") >= 10  # most kills landed before the commit
