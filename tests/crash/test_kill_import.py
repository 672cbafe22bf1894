"""SIGKILL an import at 30 random moments: every time the workspace opens, passes
PRAGMA integrity_check and the audit verification, and holds all or none of the file."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.conftest import write_csv, write_xlsx
from tests.core.ingest.casedata import HEADERS_A, HEADERS_B, case_rows
from tests.crash.harness import fresh_copy, inspect, kill_many, run_cli, warm_duration

KILLS = 30
SEED = 20241123
CASES = 2000  # a CSV of ~9 MB: just big enough to be read by the helper process
FILLER = "经审理查明，双方当事人之间的借贷关系事实清楚，证据确实充分，本院予以确认。" * 36


def big_csv(path: Path) -> Path:
    rows = case_rows(CASES, seed=11, style="B", year=2019)
    for row in rows:
        row[-1] = f"{row[-1]}{FILLER}"
    return write_csv(path, HEADERS_B, rows)


def make_template(folder: Path) -> Path:
    """A workspace with one small import already in it and its audit head written."""
    from core.backup import refresh_head
    from core.ingest.pipeline import import_file
    from core.workspace import open_workspace

    ws = open_workspace(folder / "ws")
    import_file(ws, write_xlsx(folder / "先前.xlsx", HEADERS_A, case_rows(20)))
    with ws.write() as conn:
        # No daily backup inside the runs: the kills should land in the import itself.
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('backup.keep', '0')"))
    refresh_head(ws)
    ws.close()
    return folder / "ws"


def counts(ws: Any) -> dict[str, int]:
    with ws.read() as conn:
        found = conn.execute(
            text("SELECT id FROM datasets WHERE file_name = '大批导入.csv'")
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
            "imports": int(
                conn.execute(
                    text("SELECT COUNT(*) FROM audit_log WHERE action = 'import'")
                ).scalar_one()
            ),
        }


@pytest.mark.slow
def test_import_survives_sigkill_at_random_points(tmp_path: Path) -> None:
    data = big_csv(tmp_path / "大批导入.csv")
    template = make_template(tmp_path / "template")
    args = ["import", str(data), "--no-analyse"]
    nothing = inspect(template, counts).counts
    seconds, full = warm_duration(template, tmp_path, args)
    everything = inspect(full, counts).counts
    assert everything == {"datasets": 1, "cases": CASES, "all_cases": 20 + CASES, "imports": 2}

    rng = random.Random(SEED)
    moments = [rng.uniform(0.3, seconds * 1.1) for _ in range(KILLS)]
    trials = kill_many(template, tmp_path, args, moments, counts)
    for t in trials:
        label = f"第{t.number + 1}次，{t.at:.2f} 秒"
        assert t.after.opens, label
        assert t.after.integrity == "ok", (label, t.after.integrity)
        assert t.after.audit_ok, (label, t.after.audit_problem)
        assert t.after.counts in (nothing, everything), (label, t.after.counts)
    landed = ["全部" if t.after.counts == everything else "无" for t in trials]
    print(
        f"\n导入中断 {KILLS} 次（完整导入 {seconds:.1f} 秒）：",
        "、".join(landed),
    )
    assert landed.count("无") >= 10  # most kills came before the commit

    # After a crash the same import goes through: no stale lock or hot journal is left.

    again = fresh_copy(template, tmp_path / "again")
    moment = seconds * 0.5
    while not run_cli(again, args, kill_after=moment).killed:  # alone it runs faster
        again = fresh_copy(template, tmp_path / "again")
        moment /= 2
    assert run_cli(again, args).returncode == 0
    assert inspect(again, counts).counts == everything
