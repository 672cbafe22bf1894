"""Jobs for testing the helper-process lane: streaming, waiting for Cancel, failing."""

from __future__ import annotations

import time
from typing import Any

from core.errors import UserError


def stream_then_wait(job: Any, ws: Any, items: int) -> str:
    """Stream ``items`` items, report progress, then wait (up to 30 s) for Cancel."""
    for i in range(items):
        job.emit(i)
    job.stage("等待取消")
    job.progress(1, 2)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        job.check()
        time.sleep(0.01)
    return "not cancelled"


def refuse(job: Any, ws: Any) -> None:
    raise UserError("工作区中没有可用的名单。", "请先导入死亡人员名单。")


def crash(job: Any, ws: Any) -> None:
    {}["missing"]
