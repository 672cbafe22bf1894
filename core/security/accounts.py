"""Local accounts: the first administrator, creating and changing accounts, and their list.

Every change is audited; passwords are hashed with Argon2id and never written anywhere
in clear (not in the audit log, not in error messages). Logging in is in login.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from core import audit
from core.errors import UserError
from core.security.guard import accounts_exist, require
from core.security.passwords import check_new_password, hash_password, verify_password
from core.security.roles import ADMINISTRATOR, ROLES, role_label
from core.security.session import current_session, now_text
from core.workspace import Workspace

_USERNAME = re.compile(r"^[^\s\x00-\x1f/\\:*?\"<>|]{1,50}$")
COLUMNS = (
    "id, username, display_name, role, active, failed_logins, locked_until, last_login_at, "
    "password_changed_at, created_at, created_by"
)


@dataclass(frozen=True)
class AccountInfo:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    failed_logins: int
    locked_until: str | None
    last_login_at: str | None
    password_changed_at: str
    created_at: str
    created_by: str

    @property
    def role_label(self) -> str:
        return role_label(self.role)

    def to_json(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["role_label"] = self.role_label
        return out


def _info(row: Any) -> AccountInfo:
    return AccountInfo(
        int(row[0]),
        str(row[1]),
        str(row[2]),
        str(row[3]),
        bool(row[4]),
        int(row[5]),
        row[6],
        row[7],
        str(row[8]),
        str(row[9]),
        str(row[10]),
    )


def fetch_account(conn: Connection, username: str) -> AccountInfo | None:
    row = conn.execute(
        text(f"SELECT {COLUMNS} FROM accounts WHERE username = :u"), {"u": username}
    ).first()
    return _info(row) if row else None


def _require_account(conn: Connection, username: str) -> AccountInfo:
    found = fetch_account(conn, username)
    if found is None:
        raise UserError(f"没有用户名为“{username}”的账户。")
    return found


def has_accounts(ws: Workspace) -> bool:
    """Return whether accounts are in force in ``ws`` (False means open mode)."""
    with ws.read() as conn:
        return accounts_exist(conn)


def check_username(username: str) -> str:
    name = username.strip()
    if not _USERNAME.match(name):
        raise UserError('用户名不合适：1 到 50 个字符，不能含空格或 / \\ : * ? " < > | 等符号。')
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise UserError(
            f"未知的角色：{role}", "可选：" + "、".join(f"{r}（{role_label(r)}）" for r in ROLES)
        )
    return role


def _insert(
    conn: Connection, username: str, password: str, role: str, display_name: str | None, by: str
) -> AccountInfo:
    if fetch_account(conn, username) is not None:
        raise UserError(f"用户名“{username}”已被使用。")
    now = now_text()
    conn.execute(
        text(
            "INSERT INTO accounts (username, display_name, role, password_hash, active, failed_logins, "
            "password_changed_at, created_at, created_by) "
            "VALUES (:u, :d, :r, :h, 1, 0, :now, :now, :by)"
        ),
        {
            "u": username,
            "d": display_name or username,
            "r": role,
            "h": hash_password(password),
            "now": now,
            "by": by,
        },
    )
    created = fetch_account(conn, username)
    assert created is not None
    return created


def create_first_administrator(
    ws: Workspace, username: str, password: str, display_name: str | None = None
) -> AccountInfo:
    """Create the workspace's first account, an administrator; this ends open mode."""
    name = check_username(username)
    check_new_password(password, name)
    with ws.write() as conn:
        if accounts_exist(conn):
            raise UserError("此工作区已有账户；新账户请由管理员用 clueworks users add 创建。")
        info = _insert(conn, name, password, ADMINISTRATOR, display_name, name)
        audit.append(
            conn,
            "account_create",
            {"username": name, "role": ADMINISTRATOR, "first_administrator": True},
            actor=name,
        )
    return info


def create_account(
    ws: Workspace, username: str, password: str, role: str, display_name: str | None = None
) -> AccountInfo:
    """Create an account (administrators only); the first account must be an administrator."""
    name = check_username(username)
    check_role(role)
    check_new_password(password, name)
    if not has_accounts(ws):
        if role != ADMINISTRATOR:
            raise UserError("第一个账户必须是管理员（--role administrator）。")
        return create_first_administrator(ws, name, password, display_name)
    require("accounts", ws)
    with ws.write() as conn:
        info = _insert(conn, name, password, role, display_name, audit.current_actor())
        audit.append(conn, "account_create", {"username": name, "role": role})
    return info


def list_accounts(ws: Workspace) -> list[AccountInfo]:
    """Return every account (administrators only)."""
    require("accounts", ws)
    with ws.read() as conn:
        if not accounts_exist(conn):
            return []
        rows = conn.execute(text(f"SELECT {COLUMNS} FROM accounts ORDER BY id"))
        return [_info(r) for r in rows]


def _active_admins(conn: Connection) -> int:
    return int(
        conn.execute(
            text("SELECT COUNT(*) FROM accounts WHERE role = :r AND active = 1"),
            {"r": ADMINISTRATOR},
        ).scalar_one()
    )


def _keep_an_admin(conn: Connection, target: AccountInfo) -> None:
    if target.role == ADMINISTRATOR and target.active and _active_admins(conn) <= 1:
        raise UserError("不能停用或降级最后一个管理员账户，否则将无人能管理账户。")


def set_role(ws: Workspace, username: str, role: str) -> AccountInfo:
    """Change an account's role (administrators only)."""
    check_role(role)
    require("accounts", ws)
    with ws.write() as conn:
        target = _require_account(conn, username)
        if role != target.role:
            _keep_an_admin(conn, target)
        conn.execute(
            text("UPDATE accounts SET role = :r WHERE id = :id"), {"r": role, "id": target.id}
        )
        audit.append(conn, "account_role", {"username": username, "from": target.role, "to": role})
        changed = fetch_account(conn, username)
    assert changed is not None
    return changed


def set_active(ws: Workspace, username: str, active: bool) -> AccountInfo:
    """Disable or re-enable an account (administrators only); a disabled account cannot log in."""
    require("accounts", ws)
    with ws.write() as conn:
        target = _require_account(conn, username)
        if not active:
            _keep_an_admin(conn, target)
        conn.execute(
            text("UPDATE accounts SET active = :a WHERE id = :id"),
            {"a": int(active), "id": target.id},
        )
        audit.append(
            conn, "account_enable" if active else "account_disable", {"username": username}
        )
        changed = fetch_account(conn, username)
    assert changed is not None
    return changed


def unlock_account(ws: Workspace, username: str) -> AccountInfo:
    """Lift a lockout after failed logins (administrators only)."""
    require("accounts", ws)
    with ws.write() as conn:
        target = _require_account(conn, username)
        conn.execute(
            text("UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE id = :id"),
            {"id": target.id},
        )
        audit.append(
            conn, "account_unlock", {"username": username, "was_locked_until": target.locked_until}
        )
        changed = fetch_account(conn, username)
    assert changed is not None
    return changed


def change_password(
    ws: Workspace, username: str, new_password: str, *, old_password: str | None = None
) -> None:
    """Set a new password: one's own with the old password, anyone's as administrator."""
    user = current_session()
    own = user is not None and not user.open_mode and user.username == username
    if own:
        require("read", ws)
    else:
        require("accounts", ws)
    check_new_password(new_password, username)
    with ws.write() as conn:
        target = _require_account(conn, username)
        if own:
            row = conn.execute(
                text("SELECT password_hash FROM accounts WHERE id = :id"), {"id": target.id}
            ).scalar_one()
            if old_password is None or not verify_password(str(row), old_password):
                raise UserError("原密码不正确，密码未修改。")
        conn.execute(
            text("UPDATE accounts SET password_hash = :h, password_changed_at = :t WHERE id = :id"),
            {"h": hash_password(new_password), "t": now_text(), "id": target.id},
        )
        audit.append(conn, "account_password", {"username": username, "by_administrator": not own})
