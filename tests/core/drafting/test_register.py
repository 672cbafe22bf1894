"""The document register: numbers never handed out twice, due dates, overdue, replies."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
from pathlib import Path

import pytest

from core.drafting.register import (
    add_months,
    allocate_number,
    list_suggestions,
    record_reply,
    record_suggestion,
)
from core.errors import UserError
from core.workspace import open_workspace


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [(dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)), (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
     (dt.date(2026, 11, 23), 2, dt.date(2027, 1, 23)), (dt.date(2026, 3, 15), 3, dt.date(2026, 6, 15))],
)
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_numbers_per_office_year_and_code(workspace) -> None:
    with workspace.write() as conn:
        got = [allocate_number(conn, "义", "民建", 2026) for _ in range(3)]
        got.append(allocate_number(conn, "义", "民监", 2026))
        got.append(allocate_number(conn, "义", "民建", 2027))
    assert got == ["义检民建〔2026〕1号", "义检民建〔2026〕2号", "义检民建〔2026〕3号",
                   "义检民监〔2026〕1号", "义检民建〔2027〕1号"]


def _take_numbers(folder: str, count: int, out: mp.Queue[list[str]]) -> None:
    ws = open_workspace(folder)
    taken = []
    for _ in range(count):
        with ws.write() as conn:
            taken.append(allocate_number(conn, "义", "民建", 2026))
    out.put(taken)


def test_two_processes_never_get_the_same_number(workspace) -> None:
    ctx = mp.get_context("spawn")
    out: mp.Queue[list[str]] = ctx.Queue()
    procs = [ctx.Process(target=_take_numbers, args=(str(workspace.root), 15, out)) for _ in range(2)]
    for p in procs:
        p.start()
    numbers = out.get(timeout=120) + out.get(timeout=120)
    for p in procs:
        p.join(timeout=60)
    assert len(numbers) == 30 and len(set(numbers)) == 30


def test_due_overdue_and_reply(workspace, tmp_path: Path) -> None:
    with workspace.write() as conn:
        number = allocate_number(conn, "义", "民建", 2026)
        record_suggestion(conn, number=number, kind="social_governance", template="社会治理检察建议书",
                          recipient="某县自然资源局", issued_on=dt.date(2026, 9, 1), reply_months=2,
                          clue_ids=[], case_nos=["（2026）浙0782民初1号"], file_path=str(tmp_path / "a.docx"),
                          file_sha256="0" * 64, fields={})
    [row] = list_suggestions(workspace, today=dt.date(2026, 11, 23))
    assert row.due_on == "2026-11-01" and row.overdue
    assert list_suggestions(workspace, overdue_only=True, today=dt.date(2026, 10, 1)) == []
    record_reply(workspace, number, dt.date(2026, 11, 20), "已整改")
    assert list_suggestions(workspace, overdue_only=True, today=dt.date(2026, 11, 23)) == []
    with pytest.raises(UserError):
        record_reply(workspace, number, dt.date(2026, 11, 21))
