"""The current session user: who is acting in this process, set at login by the CLI or GUI.

One person uses one program window (or one CLI command) at a time, so the session is
process-wide; worker threads act as the user who started them. Before a workspace has
any account it runs in "open mode": the session names the user from --user,
CLUEWORKS_USER or the OS login, and every operation is allowed, as before accounts.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

_lock = threading.Lock()
_current: SessionUser | None = None


@dataclass(frozen=True)
class SessionUser:
    username: str
    display_name: str
    role: str | None  # None in open mode (no accounts in the workspace)
    workspace: Path | None
    started_at: str
    account_id: int | None = None
    channel: str = "命令行"

    @property
    def open_mode(self) -> bool:
        return self.role is None


def os_user() -> str:
    """Return the name to act under without accounts: CLUEWORKS_USER, else the OS login."""
    name = os.environ.get("CLUEWORKS_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name on some locked-down machines
        return "unknown"


def now_text() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def current_session() -> SessionUser | None:
    """Return the user acting in this process, or None before anyone logged in."""
    return _current


def begin_session(user: SessionUser) -> SessionUser:
    """Make ``user`` the acting user of this process; return it."""
    global _current
    with _lock:
        _current = user
    return user


def end_session() -> None:
    """Forget the acting user (after logout, a lock-out or a workspace switch)."""
    global _current
    with _lock:
        _current = None


def open_mode_session(
    name: str | None = None, workspace: Path | None = None, channel: str = "命令行"
) -> SessionUser:
    """Begin a session for a workspace without accounts, acting as ``name`` or the OS user."""
    who = name or os_user()
    return begin_session(SessionUser(who, who, None, workspace, now_text(), None, channel))


@contextmanager
def acting_as(user: SessionUser | None) -> Iterator[SessionUser | None]:
    """Run a block as ``user`` and restore the previous session afterwards (tests, batch jobs)."""
    global _current
    with _lock:
        previous, _current = _current, user
    try:
        yield user
    finally:
        with _lock:
            _current = previous
