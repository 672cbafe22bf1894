"""``require``: the role check every service function makes before it reads or writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from core.errors import UserError
from core.security.roles import PERMISSIONS, ROLES, allowed, role_label
from core.security.session import SessionUser, current_session


class AccessDenied(UserError):
    """Not logged in, a failed login, or a role without the permission; CLI exit status 3."""


class NotLoggedIn(AccessDenied):
    pass


class PermissionDenied(AccessDenied):
    pass


def accounts_exist(conn: Connection) -> bool:
    """Return whether the workspace has any account (False on a database without the table)."""
    found = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'accounts'")
    ).first()
    if found is None:
        return False
    return conn.execute(text("SELECT 1 FROM accounts LIMIT 1")).first() is not None


def _root(target: Any) -> Path | None:
    root = getattr(target, "root", None)
    return Path(root) if root is not None else None


def _has_accounts(target: Any) -> bool:
    if isinstance(target, Connection):
        return accounts_exist(target)
    with target.read() as conn:
        return accounts_exist(conn)


def _label(permission: str) -> str:
    if permission in PERMISSIONS:
        return PERMISSIONS[permission].label
    return f"{role_label(permission)}的操作"


def require(permission: str, ws: Any = None) -> SessionUser | None:
    """Check that the session user may do ``permission`` (a permission or a role name).

    ``ws`` is the Workspace (or an open Connection) the operation acts on; pass it so
    that a workspace without accounts runs in open mode. Returns the acting user (None
    in open mode with no session); raises NotLoggedIn or PermissionDenied otherwise.
    """
    if permission not in PERMISSIONS and permission not in ROLES:
        raise ValueError(f"unknown permission or role: {permission}")
    user = current_session()
    if user is None or user.open_mode:
        if ws is not None and not _has_accounts(ws):
            return user
        if user is not None and ws is None:
            return user  # open-mode session, nothing to check against
        raise NotLoggedIn(
            "此工作区已启用账户，请先登录。",
            "命令行：用 --user 或 CLUEWORKS_USER 指定用户名，密码在提示时输入或放在 CLUEWORKS_PASSWORD。",
        )
    root = _root(ws)
    if root is not None and user.workspace is not None and root.resolve() != user.workspace:
        raise NotLoggedIn(f"当前登录的账户属于另一个工作区（{user.workspace}），请重新登录。")
    assert user.role is not None
    if not allowed(user.role, permission):
        raise PermissionDenied(
            f"{role_label(user.role)}“{user.username}”无权{_label(permission)}。",
            "如需此权限，请联系管理员调整账户角色。",
        )
    return user
