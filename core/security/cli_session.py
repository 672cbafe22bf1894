"""Running one CLI command as a user: log in (or open mode), check the role, clean up.

Every command the CLI offers passes through ``run_as_user``: it opens the workspace,
logs in when the workspace has accounts (user from --user or CLUEWORKS_USER, password
from CLUEWORKS_PASSWORD or a prompt), checks the command's permission, takes the daily
backup on the day's first command, runs the command, then logs out and writes the audit
chain head. Without accounts it runs in open mode, exactly as before accounts existed.
"""

from __future__ import annotations

import argparse
import errno
import getpass
import os
import sqlite3
import sys
from collections.abc import Callable, Mapping

from sqlalchemy.exc import SQLAlchemyError

from core.backup import daily_backup_if_due, refresh_head
from core.errors import UserError
from core.security.guard import AccessDenied, NotLoggedIn, accounts_exist, require
from core.security.login import login, logout
from core.security.session import current_session, end_session, open_mode_session
from core.workspace import Workspace, open_workspace

Handler = Callable[[argparse.Namespace], int]
EXIT_DENIED = 3
NO_SESSION = frozenset({"gui", "demo"})  # the window has its own login dialog
NO_DAILY_BACKUP = frozenset({"backup", "restore", "init"})
SELF_CHECKED = "users"  # account commands check inside the account services
# The permission each command needs; commands not listed need "read".
COMMAND_PERMISSIONS: Mapping[str, str] = {
    "import": "import",
    "analyse": "analyse",
    "entities merge": "merge_entities",
    "entities split": "merge_entities",
    "run": "run_models",
    "models import": "edit_models",
    "models export": "edit_models",
    "clues set-status": "work_clues",
    "clues assign": "work_clues",
    "clues tag": "work_clues",
    "clues annotate": "annotate",
    "clues export": "export",
    "draft": "draft",
    "suggestions reply": "draft",
    "settings set": "settings",
    "backup": "backup",
    "restore": "restore",
    "audit export": "audit_export",
}


def command_permission(command: str, args: argparse.Namespace) -> str | None:
    """Return the permission ``command`` needs (None when the command checks for itself)."""
    if command.split(" ")[0] == SELF_CHECKED:
        return None
    if command == "cases show" and getattr(args, "text", False):
        return "view_full_text"
    return COMMAND_PERMISSIONS.get(command, "read")


def ask_password(prompt: str) -> str:
    """Return a password typed at the terminal (never echoed); refuse without a terminal."""
    if not sys.stdin.isatty():
        raise NotLoggedIn(
            "需要密码，但当前没有可输入的终端。",
            "脚本运行时请把密码放在环境变量 CLUEWORKS_PASSWORD 中。",
        )
    return getpass.getpass(prompt)


def session_password(username: str) -> str:
    return os.environ.get("CLUEWORKS_PASSWORD") or ask_password(f"用户“{username}”的密码：")


def requested_user(args: argparse.Namespace) -> str | None:
    return getattr(args, "user", None) or os.environ.get("CLUEWORKS_USER") or None


def start_session(ws: Workspace, args: argparse.Namespace) -> None:
    """Log the CLI user in, or begin an open-mode session when the workspace has no accounts."""
    name = requested_user(args)
    with ws.read() as conn:
        enforced = accounts_exist(conn)
    if not enforced:
        open_mode_session(name, ws.root)
        return
    if not name:
        raise NotLoggedIn(
            "此工作区已启用账户，请指定用户名。",
            "用 clueworks --user 用户名 …，或设置环境变量 CLUEWORKS_USER。",
        )
    login(ws, name, session_password(name), channel="命令行")


def finish_session(ws: Workspace) -> None:
    """Log out (audited), write the chain head outside the database, close the workspace."""
    try:
        user = current_session()
        if user is not None and not user.open_mode:
            logout(ws, reason="命令结束")
        refresh_head(ws)
    except (UserError, OSError, SQLAlchemyError, sqlite3.Error) as exc:
        sys.stderr.write(f"提示：结束会话时未能写入审计记录或链头：{exc}\n")
    finally:
        end_session()
        ws.close()


def _daily_backup(ws: Workspace) -> None:
    try:
        made = daily_backup_if_due(ws)
    except (UserError, OSError, SQLAlchemyError, sqlite3.Error) as exc:
        sys.stderr.write(f"提示：今日自动备份未完成（{exc}），本次操作继续。\n")
        return
    if made is not None:
        sys.stderr.write(f"已完成今日自动备份：{made.path.name}\n")


_FULL = ("database or disk is full", "disk quota")
_READ_ONLY = ("readonly database", "read-only file system", "unable to open database file")


def storage_error(exc: BaseException) -> UserError | None:
    """Return a Chinese message for a full or read-only disk, else None."""
    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG) or any(s in text for s in _FULL):
        return UserError(
            "磁盘空间已满，操作未完成，工作区未改动。",
            "请清理工作区所在磁盘（或换到空间充足的磁盘）后重试。",
        )
    if code in (errno.EROFS, errno.EACCES, errno.EPERM) or any(s in text for s in _READ_ONLY):
        return UserError(
            "工作区所在的磁盘或文件夹只读或无写入权限，操作未完成，工作区未改动。",
            "请检查 U 盘写保护、文件夹权限，或换一个可写的工作区文件夹。",
        )
    if "disk i/o error" in text or code == errno.EIO:
        return UserError("读写磁盘出错，操作未完成。", "请检查磁盘是否损坏或已被拔出，然后重试。")
    return None


def run_as_user(args: argparse.Namespace, handler: Handler, command: str) -> int:
    """Run one CLI command as the session user; return its exit status (3: access denied)."""
    if command.split(" ")[0] in NO_SESSION:
        return handler(args)
    try:
        ws = open_workspace(getattr(args, "workspace", None))
        try:
            start_session(ws, args)
            permission = command_permission(command, args)
            if permission is not None:
                require(permission, ws)
            if command not in NO_DAILY_BACKUP:
                _daily_backup(ws)
            return handler(args)
        finally:
            finish_session(ws)
    except AccessDenied as exc:
        sys.stderr.write(f"错误：{exc.message}\n")
        if exc.details:
            sys.stderr.write(f"{exc.details}\n")
        return EXIT_DENIED
    except (OSError, SQLAlchemyError, sqlite3.Error) as exc:
        translated = storage_error(exc)
        if translated is None:
            raise
        raise translated from exc
