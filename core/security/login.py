"""Logging in and out, lockout after repeated failures, and unlocking an idle window.

Five wrong passwords in a row lock an account for fifteen minutes. Every login, failed
login, lockout and logout is audited (with the user name, never the password). Failures
are committed before the error is raised, so a lockout survives a crash or a restart.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Connection, text

from core import audit
from core.errors import UserError
from core.security.accounts import fetch_account
from core.security.guard import AccessDenied, accounts_exist
from core.security.passwords import burn_time, hash_password, needs_rehash, verify_password
from core.security.session import (
    SessionUser,
    begin_session,
    current_session,
    end_session,
    now_text,
)
from core.workspace import Workspace

MAX_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=15)
IDLE_LOCK_MINUTES = 10  # default; the setting security.idle_lock_minutes overrides it


class LoginFailed(AccessDenied):
    pass


class AccountLocked(AccessDenied):
    pass


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def _locked_until(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        until = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return until if until > _now() else None


def _locked(until: dt.datetime) -> AccountLocked:
    return AccountLocked(
        f"账户已被锁定（连续 {MAX_FAILURES} 次密码错误），请于 {until:%H:%M} 后再试，"
        "或请管理员解锁。"
    )


def _wrong() -> LoginFailed:
    return LoginFailed("用户名或密码错误。", f"连续 {MAX_FAILURES} 次错误后账户将被锁定 15 分钟。")


def _record_failure(
    conn: Connection, account_id: int, failures: int, username: str, channel: str
) -> dt.datetime | None:
    """Count one failure; lock the account at the limit. Returns the lock's end, if locked."""
    if failures >= MAX_FAILURES:
        until = _now() + LOCKOUT
        conn.execute(
            text("UPDATE accounts SET failed_logins = 0, locked_until = :u WHERE id = :id"),
            {"u": until.isoformat(timespec="seconds"), "id": account_id},
        )
        audit.append(
            conn,
            "login_failed",
            {"username": username, "channel": channel, "reason": "密码错误"},
            actor=username,
        )
        audit.append(
            conn,
            "lockout",
            {
                "username": username,
                "until": until.isoformat(timespec="seconds"),
                "failures": failures,
            },
            actor=username,
        )
        return until
    conn.execute(
        text("UPDATE accounts SET failed_logins = :n WHERE id = :id"),
        {"n": failures, "id": account_id},
    )
    audit.append(
        conn,
        "login_failed",
        {"username": username, "channel": channel, "reason": "密码错误", "failures": failures},
        actor=username,
    )
    return None


def _check_password(ws: Workspace, username: str, password: str, channel: str) -> SessionUser:
    """Check a password with lockout; commit the outcome; return the user on success."""
    failure: AccessDenied | None = None
    with ws.write() as conn:
        if not accounts_exist(conn):
            raise UserError("此工作区还没有账户（开放模式），无需登录。")
        account = fetch_account(conn, username)
        if account is None:
            burn_time(password)
            audit.append(
                conn,
                "login_failed",
                {"username": username, "channel": channel, "reason": "无此用户"},
                actor=username,
            )
            failure = _wrong()
        elif not account.active:
            burn_time(password)
            audit.append(
                conn,
                "login_failed",
                {"username": username, "channel": channel, "reason": "账户已停用"},
                actor=username,
            )
            failure = AccessDenied(f"账户“{username}”已停用，请联系管理员。")
        elif (until := _locked_until(account.locked_until)) is not None:
            audit.append(
                conn,
                "login_failed",
                {"username": username, "channel": channel, "reason": "账户锁定中"},
                actor=username,
            )
            failure = _locked(until)
        else:
            stored = str(
                conn.execute(
                    text("SELECT password_hash FROM accounts WHERE id = :id"), {"id": account.id}
                ).scalar_one()
            )
            if not verify_password(stored, password):
                locked = _record_failure(
                    conn, account.id, account.failed_logins + 1, username, channel
                )
                failure = _locked(locked) if locked is not None else _wrong()
            else:
                new_hash = hash_password(password) if needs_rehash(stored) else stored
                conn.execute(
                    text(
                        "UPDATE accounts SET failed_logins = 0, locked_until = NULL, last_login_at = :t, "
                        "password_hash = :h WHERE id = :id"
                    ),
                    {"t": now_text(), "h": new_hash, "id": account.id},
                )
    # Raised after the commit above: the failure count and its audit entry must persist.
    if failure is not None:
        raise failure
    assert account is not None
    return SessionUser(
        account.username,
        account.display_name,
        account.role,
        Path(ws.root).resolve(),
        now_text(),
        account.id,
        channel,
    )


def login(ws: Workspace, username: str, password: str, *, channel: str = "命令行") -> SessionUser:
    """Check the password and make the user the session user of this process; audited."""
    user = _check_password(ws, username, password, channel)
    with ws.write() as conn:
        audit.append(
            conn,
            "login",
            {"username": user.username, "role": user.role, "channel": channel},
            actor=user.username,
        )
    return begin_session(user)


def logout(ws: Workspace, *, reason: str = "退出") -> None:
    """End the session of an account (audited); open-mode sessions just end."""
    user = current_session()
    end_session()
    if user is None or user.open_mode:
        return
    with ws.write() as conn:
        audit.append(
            conn,
            "logout",
            {"username": user.username, "channel": user.channel, "reason": reason},
            actor=user.username,
        )


def reauthenticate(ws: Workspace, password: str) -> SessionUser:
    """Unlock an idle window: check the session user's password again (with lockout)."""
    user = current_session()
    if user is None or user.open_mode:
        raise UserError("当前没有登录的账户。")
    try:
        checked = _check_password(ws, user.username, password, user.channel)
    except AccountLocked:
        end_session()
        raise
    with ws.write() as conn:
        audit.append(conn, "unlock_screen", {"username": user.username}, actor=user.username)
    return begin_session(checked)
