"""Run hostile files through the zygote process; return outcome, seconds and peak memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from tests.hostile.corpus import Hostile

REPO = Path(__file__).resolve().parents[2]
TIME_LIMIT = 60  # seconds for one file, far above what any of them needs
MEMORY_LIMIT_MB = 3072  # address space of one child; a bomb that escapes dies here


@dataclass(frozen=True)
class Outcome:
    name: str
    kind: str
    expect: str
    outcome: str  # refused | imported | accepted | error | killed
    message: str
    seconds: float
    peak_mb: float
    rows: int = 0


class Zygote:
    """A helper process that forks a capped child per file (see tests/hostile/zygote.py)."""

    def __init__(self) -> None:
        env = dict(os.environ, PYTHONPATH=str(REPO), CLUEWORKS_USER="测试员")
        env.pop("CLUEWORKS_PASSWORD", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.hostile.zygote"],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        assert self.proc.stdout is not None
        ready = self.proc.stdout.readline()
        if "ready" not in ready:
            raise RuntimeError(f"zygote failed to start: {ready!r}")

    def run(
        self,
        item: Hostile,
        file: Path,
        ws_dir: Path,
        *,
        seconds: int = TIME_LIMIT,
        memory_mb: int = MEMORY_LIMIT_MB,
    ) -> Outcome:
        """Feed ``file`` to the program in a fresh child under time and memory caps."""
        request = {
            "kind": item.kind,
            "file": str(file),
            "ws": str(ws_dir),
            "seconds": seconds,
            "memory_mb": memory_mb,
            "drop_privileges": item.drop_privileges,
        }
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        result = json.loads(self.proc.stdout.readline())
        return Outcome(
            item.name,
            item.kind,
            item.expect,
            str(result["outcome"]),
            str(result["message"]),
            float(result["seconds"]),
            float(result["peak_mb"]),
            int(result.get("rows", 0)),
        )

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)

    def __enter__(self) -> Zygote:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
