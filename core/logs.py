"""Where internal errors are written: a log file in the per-user log folder, never personal data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from platformdirs import user_log_dir


def log_dir() -> Path:
    path = Path(user_log_dir("clueworks", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_crash(trace: str) -> Path:
    """Append a traceback to the crash log and return the log's path."""
    path = log_dir() / "errors.log"
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"--- {stamp}\n{trace}\n")
    return path
