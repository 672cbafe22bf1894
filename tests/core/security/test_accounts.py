"""Accounts: Argon2id hashes, lockout after five failures, audited changes, no clear passwords."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from core.errors import UserError
from core.security.accounts import (
    change_password,
    create_account,
    create_first_administrator,
    list_accounts,
    set_active,
    set_role,
    unlock_account,
)
from core.security.guard import AccessDenied, NotLoggedIn, PermissionDenied
from core.security.login import (
    MAX_FAILURES,
    AccountLocked,
    LoginFailed,
    login,
    logout,
    reauthenticate,
)
from core.security.session import current_session
from tests.core.security.conftest import PASSWORDS, Secured, as_role


def actions(ws: Any) -> list[tuple[str, str]]:
    with ws.read() as conn:
        return [
            (r[0], r[1])
            for r in conn.execute(text("SELECT action, actor FROM audit_log ORDER BY id"))
        ]


def test_first_administrator_ends_open_mode(workspace: Any) -> None:
    info = create_first_administrator(workspace, "首位管理员", "First-Admin-2024")
    assert info.role == "administrator" and info.active
    assert actions(workspace)[-1] == ("account_create", "首位管理员")
    with pytest.raises(UserError):
        create_first_administrator(workspace, "第二位", "Second-Admin-2024")
    with pytest.raises(NotLoggedIn):
        list_accounts(workspace)


def test_first_account_must_be_an_administrator(workspace: Any) -> None:
    with pytest.raises(UserError, match="管理员"):
        create_account(workspace, "检察官", "Prosecutor-2024", "prosecutor")
    assert (
        create_account(workspace, "管理员", "Administrator-2024", "administrator").role
        == "administrator"
    )


def test_passwords_are_argon2id_and_never_stored_or_logged_in_clear(
    secured: Secured, real_argon2: None
) -> None:
    login(secured.ws, "管理员甲", PASSWORDS["管理员甲"])
    change_password(secured.ws, "检察官乙", "Brand-New-Secret-99")
    logout(secured.ws)
    with pytest.raises(LoginFailed):
        login(secured.ws, "检察官乙", "Wrong-Guess-Secret-77")
    with secured.ws.read() as conn:
        hashes = [r[0] for r in conn.execute(text("SELECT password_hash FROM accounts"))]
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert any("m=65536,t=3" in h for h in hashes)  # the production parameters
    secured.ws.close()
    blob = b"".join(p.read_bytes() for p in secured.root.rglob("*") if p.is_file())
    for secret in (*PASSWORDS.values(), "Brand-New-Secret-99", "Wrong-Guess-Secret-77"):
        assert secret.encode("utf-8") not in blob


def test_login_audits_and_sets_the_session(secured: Secured) -> None:
    user = login(secured.ws, "检察官乙", PASSWORDS["检察官乙"])
    assert current_session() == user and user.role == "prosecutor"
    logout(secured.ws)
    assert current_session() is None
    assert actions(secured.ws)[-2:] == [("login", "检察官乙"), ("logout", "检察官乙")]


def test_lockout_after_five_failures_for_fifteen_minutes(secured: Secured) -> None:
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(LoginFailed):
            login(secured.ws, "审核人丙", "not-the-password")
    with pytest.raises(AccountLocked, match="锁定"):
        login(secured.ws, "审核人丙", "not-the-password")
    # Locked: even the right password is refused, and nothing logs in.
    with pytest.raises(AccountLocked):
        login(secured.ws, "审核人丙", PASSWORDS["审核人丙"])
    assert current_session() is None
    acts = [a for a, _ in actions(secured.ws)]
    assert acts.count("login_failed") == MAX_FAILURES + 1 and acts.count("lockout") == 1
    with secured.ws.read() as conn:
        until = conn.execute(
            text("SELECT locked_until FROM accounts WHERE username = '审核人丙'")
        ).scalar_one()
    left = dt.datetime.fromisoformat(until) - dt.datetime.now().astimezone()
    assert dt.timedelta(minutes=14) < left <= dt.timedelta(minutes=15)
    # Fifteen minutes later the account opens again.
    past = (dt.datetime.now().astimezone() - dt.timedelta(seconds=1)).isoformat()
    with secured.ws.write() as conn:
        conn.execute(text("UPDATE accounts SET locked_until = :t"), {"t": past})
    assert login(secured.ws, "审核人丙", PASSWORDS["审核人丙"]).username == "审核人丙"


def test_failures_are_counted_across_restarts_and_reset_by_success(secured: Secured) -> None:
    for _ in range(3):
        with pytest.raises(LoginFailed):
            login(secured.ws, "检察官乙", "wrong")
    login(secured.ws, "检察官乙", PASSWORDS["检察官乙"])
    logout(secured.ws)
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(LoginFailed):
            login(secured.ws, "检察官乙", "wrong")  # four more: not yet locked after a success


def test_unknown_user_and_disabled_account(secured: Secured) -> None:
    with pytest.raises(LoginFailed, match="用户名或密码错误"):
        login(secured.ws, "无此人", "whatever-password")
    as_role(secured, "administrator")
    set_active(secured.ws, "检察官乙", False)
    logout(secured.ws)
    with pytest.raises(AccessDenied, match="停用"):
        login(secured.ws, "检察官乙", PASSWORDS["检察官乙"])


def test_administrator_unlocks_and_changes_roles(secured: Secured) -> None:
    for _ in range(MAX_FAILURES):
        with pytest.raises(AccessDenied):
            login(secured.ws, "检察官乙", "wrong")
    as_role(secured, "administrator")
    unlock_account(secured.ws, "检察官乙")
    assert set_role(secured.ws, "检察官乙", "reviewer").role == "reviewer"
    logout(secured.ws)
    assert login(secured.ws, "检察官乙", PASSWORDS["检察官乙"]).role == "reviewer"
    acts = [a for a, _ in actions(secured.ws)]
    assert {"account_unlock", "account_role"} <= set(acts)


def test_the_last_administrator_cannot_be_removed(secured: Secured) -> None:
    as_role(secured, "administrator")
    with pytest.raises(UserError, match="最后一个管理员"):
        set_active(secured.ws, "管理员甲", False)
    with pytest.raises(UserError, match="最后一个管理员"):
        set_role(secured.ws, "管理员甲", "prosecutor")
    set_role(secured.ws, "审核人丙", "administrator")
    set_role(secured.ws, "管理员甲", "prosecutor")  # another administrator now exists


def test_only_administrators_manage_accounts(secured: Secured) -> None:
    as_role(secured, "prosecutor")
    with pytest.raises(PermissionDenied):
        create_account(secured.ws, "新人", "New-Person-2024", "reviewer")
    with pytest.raises(PermissionDenied):
        list_accounts(secured.ws)
    with pytest.raises(PermissionDenied):
        change_password(secured.ws, "审核人丙", "Another-Secret-2024")


def test_own_password_change_needs_the_old_password(secured: Secured) -> None:
    as_role(secured, "reviewer")
    with pytest.raises(UserError, match="原密码"):
        change_password(secured.ws, "审核人丙", "Changed-Secret-2024", old_password="wrong")
    change_password(
        secured.ws, "审核人丙", "Changed-Secret-2024", old_password=PASSWORDS["审核人丙"]
    )
    logout(secured.ws)
    assert login(secured.ws, "审核人丙", "Changed-Secret-2024").role == "reviewer"


@pytest.mark.parametrize(
    ("username", "password", "problem"),
    [
        ("有 空格", "Good-Password-1", "用户名"),
        ("a/b", "Good-Password-1", "用户名"),
        ("", "Good-Password-1", "用户名"),
        ("张三", "short", "太短"),
        ("张三", " padded-password ", "空格"),
        ("longusername", "LongUserName", "相同"),
        ("张三", "aaaaaaaaaa", "简单"),
    ],
)
def test_bad_names_and_passwords_are_refused(
    workspace: Any, username: str, password: str, problem: str
) -> None:
    with pytest.raises(UserError, match=problem):
        create_first_administrator(workspace, username, password)


def test_reauthenticate_unlocks_an_idle_window_and_locks_out(secured: Secured) -> None:
    as_role(secured, "prosecutor")
    assert reauthenticate(secured.ws, PASSWORDS["检察官乙"]).username == "检察官乙"
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(LoginFailed):
            reauthenticate(secured.ws, "wrong")
    with pytest.raises(AccountLocked):
        reauthenticate(secured.ws, "wrong")
    assert current_session() is None  # a lockout ends the session


def test_cli_init_creates_the_first_administrator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from core.cli import main

    ws_dir = tmp_path / "ws"
    assert main(["--workspace", str(ws_dir), "init"]) == 0
    assert "开放模式" in capsys.readouterr().out
    monkeypatch.setenv("CLUEWORKS_PASSWORD", "Init-Admin-2024")
    assert main(["--workspace", str(ws_dir), "--user", "管理员", "init"]) == 0
    assert "第一个管理员" in capsys.readouterr().out
    monkeypatch.setenv("CLUEWORKS_PASSWORD", "wrong-password")
    assert main(["--workspace", str(ws_dir), "--user", "管理员", "datasets"]) == 3
    assert "用户名或密码错误" in capsys.readouterr().err
    monkeypatch.delenv("CLUEWORKS_PASSWORD")
    monkeypatch.setenv("CLUEWORKS_USER", "管理员")
    assert main(["--workspace", str(ws_dir), "datasets"]) == 3  # no terminal to type into
    assert "CLUEWORKS_PASSWORD" in capsys.readouterr().err
    monkeypatch.setenv("CLUEWORKS_PASSWORD", "Init-Admin-2024")
    monkeypatch.setenv("CLUEWORKS_NEW_PASSWORD", "New-Reviewer-2024")
    assert main(["--workspace", str(ws_dir), "users", "add", "审核员", "--role", "reviewer"]) == 0
    assert main(["--workspace", str(ws_dir), "users", "list", "--json"]) == 0
    assert '"审核员"' in capsys.readouterr().out
