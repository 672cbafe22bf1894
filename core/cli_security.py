"""CLI commands for the secure room: init's first administrator, users, audit, backup, restore.

``register`` also puts every command registered before it behind the session check of
core.security.cli_session, so it must be the last registration in ``build_parser``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from core.errors import UserError
from core.security.cli_session import Handler, ask_password, requested_user, run_as_user
from core.security.roles import ROLES, role_label

EXIT_BROKEN = 4  # audit verify found a broken chain


def _json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def _ws(args: argparse.Namespace) -> Any:
    from core.workspace import open_workspace

    return open_workspace(args.workspace)


def _new_password(username: str) -> str:
    """Return a new password: CLUEWORKS_NEW_PASSWORD, else typed twice at the terminal."""
    given = os.environ.get("CLUEWORKS_NEW_PASSWORD")
    if given:
        return given
    first = ask_password(f"为“{username}”设置新密码：")
    if ask_password("再输入一次：") != first:
        raise UserError("两次输入的密码不一致，未作修改。")
    return first


def cmd_init(args: argparse.Namespace) -> int:
    from core.security.accounts import create_first_administrator, has_accounts
    from core.security.login import login

    ws = _ws(args)
    print(f"工作区已就绪：{ws.root}")
    if has_accounts(ws):
        print("本工作区已启用账户。")
        return 0
    password = os.environ.get("CLUEWORKS_PASSWORD")
    if not (args.admin or password):
        print("本工作区尚未设置账户（开放模式：操作人取自 --user、CLUEWORKS_USER 或系统用户名）。")
        print("如需启用账户：clueworks --user 用户名 init --admin")
        return 0
    name = requested_user(args)
    if not name:
        raise UserError("请用 --user 或 CLUEWORKS_USER 指定第一个管理员的用户名。")
    if not password:
        password = _new_password(name)
    create_first_administrator(ws, name, password)
    login(ws, name, password)
    print(f"已创建第一个管理员账户“{name}”。此后使用本工作区需要登录：")
    print("  用户名：--user 或 CLUEWORKS_USER；密码：提示输入，或脚本中用 CLUEWORKS_PASSWORD。")
    return 0


def cmd_users_add(args: argparse.Namespace) -> int:
    from core.security.accounts import create_account, has_accounts
    from core.security.guard import require

    ws = _ws(args)
    if has_accounts(ws):
        require("accounts", ws)  # before asking for a password nobody may set
    info = create_account(ws, args.name, _new_password(args.name), args.role, args.display)
    print(f"已创建账户“{info.username}”（{info.role_label}）。")
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    from core.security.accounts import list_accounts

    accounts = list_accounts(_ws(args))
    if args.json:
        _json([a.to_json() for a in accounts])
        return 0
    if not accounts:
        print("尚无账户（开放模式）。")
    for a in accounts:
        state = "正常" if a.active else "已停用"
        if a.locked_until:
            state += f"，锁定至 {a.locked_until[:16]}"
        print(f"{a.username:<16} {a.role_label:<6} {state:<10} 上次登录 {a.last_login_at or '—'}")
    return 0


def cmd_users_passwd(args: argparse.Namespace) -> int:
    from core.security.accounts import change_password
    from core.security.guard import require
    from core.security.session import current_session

    user = current_session()
    name = args.name or (user.username if user and not user.open_mode else None)
    if not name:
        raise UserError("请指定要修改密码的用户名。")
    own = user is not None and not user.open_mode and user.username == name
    ws = _ws(args)
    old = None
    if own:
        old = os.environ.get("CLUEWORKS_PASSWORD") or ask_password("原密码：")
    else:
        require("accounts", ws)  # before asking for a password nobody may set
    change_password(ws, name, _new_password(name), old_password=old)
    print(f"已修改“{name}”的密码。")
    return 0


def cmd_users_role(args: argparse.Namespace) -> int:
    from core.security.accounts import set_role

    info = set_role(_ws(args), args.name, args.role)
    print(f"“{info.username}”的角色现在是{info.role_label}。")
    return 0


def cmd_users_state(args: argparse.Namespace) -> int:
    from core.security.accounts import set_active, unlock_account

    ws = _ws(args)
    if args.users_cmd == "unlock":
        unlock_account(ws, args.name)
        print(f"已解除“{args.name}”的锁定。")
    else:
        set_active(ws, args.name, args.users_cmd == "enable")
        print(f"已{'启用' if args.users_cmd == 'enable' else '停用'}账户“{args.name}”。")
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from core.audit import check_chain
    from core.security import heads

    ws = _ws(args)
    extra: list[tuple[Path, heads.ChainHead | None]] = []
    if args.head:
        try:
            extra.append((Path(args.head), heads.read_head(Path(args.head))))
        except ValueError as exc:
            raise UserError(f"“{args.head}”不是审计链头文件。") from exc
    with ws.read() as conn:
        report = check_chain(conn, heads=heads.known_heads(ws.root) + extra)
    if args.json:
        _json(report.to_json())
    elif report.ok:
        print(f"审计日志完整：共 {report.entries} 条，核对了 {report.heads_checked} 个外部链头。")
        print(f"最新记录第 {report.last_id} 条，校验值 {report.last_hash}")
    else:
        sys.stderr.write(f"审计日志校验未通过：第 {report.first_broken} 条起不可信。\n")
        sys.stderr.write(f"原因：{report.problem}\n")
    for note in report.notes:
        print(f"说明：{note}")
    return 0 if report.ok else EXIT_BROKEN


def cmd_audit_export(args: argparse.Namespace) -> int:
    from core.security.audit_export import export_log

    done = export_log(_ws(args), Path(args.output) if args.output else None, args.format)
    state = "完整" if done.report.ok else f"不完整（第 {done.report.first_broken} 条起）"
    print(f"已导出审计日志 {done.entries} 条到：{done.path}")
    print(f"导出时校验结果：{state}；最新校验值 {done.report.last_hash}")
    return 0


def cmd_audit_head(args: argparse.Namespace) -> int:
    from core.backup import refresh_head
    from core.security.heads import head_text

    ws = _ws(args)
    head = refresh_head(ws)
    if head is None:
        print("审计日志还是空的。")
        return 0
    if args.json:
        _json(head.to_json())
    else:
        print(head_text(head, ws.root))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from core.backup import backup_workspace, list_backups
    from core.security.guard import require

    ws = _ws(args)
    if args.list:
        require("backup", ws)
        for b in list_backups(ws):
            head = f"审计至第 {b.head_id} 条" if b.head_id else ""
            print(f"{b.modified}  {b.size / 1024**2:8.1f} MB  {b.path.name}  {head}")
        return 0
    done = backup_workspace(ws, Path(args.output) if args.output else None)
    if args.json:
        _json(done.to_json())
        return 0
    print(f"已备份到：{done.path}（{done.size / 1024**2:.1f} MB，用时 {done.seconds:.1f} 秒）")
    print(f"SHA-256：{done.sha256}")
    if done.head_id:
        print(f"备份中的审计日志至第 {done.head_id} 条；链头已写在备份旁（.head.json）。")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from core.security.restore import check_backup, restore_workspace

    ws = _ws(args)
    key = Path(args.key) if args.key else None
    if args.check_only:
        check = check_backup(ws, Path(args.file), key_file=key)
        if check.ok:
            print(f"备份文件可用：审计日志 {check.entries} 条，数据库版本 {check.revision}。")
            return 0
        sys.stderr.write("备份文件未通过校验：\n" + "\n".join(check.problems) + "\n")
        return 2
    done = restore_workspace(ws, Path(args.file), key_file=key)
    print(f"已从“{done.source.name}”恢复工作区；恢复前的状态已备份到：{done.pre_restore_backup}")
    print(f"审计日志现有 {done.entries} 条，恢复操作记录为第 {done.restore_entry} 条。")
    return 0


def _parsers(sub: Any, prefix: str = "") -> Iterator[tuple[str, argparse.ArgumentParser]]:
    seen: set[int] = set()
    for name, child in sub.choices.items():
        if id(child) in seen:
            continue  # an alias of a parser already visited
        seen.add(id(child))
        path = f"{prefix} {name}".strip()
        yield path, child
        for action in child._actions:
            if isinstance(action, argparse._SubParsersAction):
                yield from _parsers(action, path)


def _guard(handler: Handler, command: str) -> Handler:
    def guarded(args: argparse.Namespace) -> int:
        return run_as_user(args, handler, command)

    guarded.__dict__["security_guarded"] = True
    return guarded


def _add_commands(sub: Any) -> None:
    audit = sub.add_parser("audit", help="审计日志：校验、导出、链头").add_subparsers(
        dest="audit_cmd", required=True, metavar="子命令"
    )
    p = audit.add_parser("verify", help="校验审计日志；发现问题时报告第一条不可信的记录并返回 4")
    p.add_argument("--head", help="另外核对一个链头文件（如打印存档或备份旁的 .head.json）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_audit_verify)
    p = audit.add_parser("export", help="导出审计日志及其校验链，供检查人员核对")
    p.add_argument("-o", "--output", help="目标文件（默认：工作区 exports/ 下）")
    p.add_argument("--format", choices=["json", "csv"], default="json")
    p.set_defaults(func=cmd_audit_export)
    p = audit.add_parser("head", help="写出并打印当前链头（可打印存档）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_audit_head)

    p = sub.add_parser("backup", help="在线备份工作区（程序运行时也可进行）")
    p.add_argument("-o", "--output", help="备份文件（默认：工作区 backups/ 下）")
    p.add_argument("--list", action="store_true", help="列出已有备份")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="校验备份文件并恢复（先自动备份当前状态）")
    p.add_argument("file")
    p.add_argument("--key", help="备份所属工作区的审计密钥文件（在另一台电脑上恢复时需要）")
    p.add_argument("--check-only", action="store_true", help="只校验备份文件，不恢复")
    p.set_defaults(func=cmd_restore)

    users = sub.add_parser("users", help="账户管理（管理员）").add_subparsers(
        dest="users_cmd", required=True, metavar="子命令"
    )
    roles = ", ".join(f"{r}（{role_label(r)}）" for r in ROLES)
    p = users.add_parser("add", help="新建账户；密码在提示时输入或放在 CLUEWORKS_NEW_PASSWORD")
    p.add_argument("name")
    p.add_argument("--role", choices=ROLES, required=True, help=roles)
    p.add_argument("--display", help="显示名称（默认同用户名）")
    p.set_defaults(func=cmd_users_add)
    p = users.add_parser("list", help="列出账户")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_users_list)
    p = users.add_parser("passwd", help="修改密码（自己的，或管理员重设他人的）")
    p.add_argument("name", nargs="?")
    p.set_defaults(func=cmd_users_passwd)
    p = users.add_parser("role", help="修改账户角色")
    p.add_argument("name")
    p.add_argument("role", choices=ROLES)
    p.set_defaults(func=cmd_users_role)
    for name, text in (("disable", "停用账户"), ("enable", "重新启用账户"), ("unlock", "解除锁定")):
        p = users.add_parser(name, help=text)
        p.add_argument("name")
        p.set_defaults(func=cmd_users_state)


def register(sub: Any, parser: argparse.ArgumentParser | None = None) -> None:
    """Add the security commands and put every command behind login and role checks.

    Call it last in build_parser: commands registered after it are not guarded. With
    ``parser`` the option --user goes before the command (clueworks --user 张三 import …).
    """
    if parser is not None:
        parser.add_argument(
            "--user", help="用户名（默认：$CLUEWORKS_USER）；密码提示输入或取自 $CLUEWORKS_PASSWORD"
        )
    init = sub.choices.get("init")
    if init is not None:
        init.add_argument("--admin", action="store_true", help="同时创建第一个管理员账户")
        init.set_defaults(func=cmd_init)
    _add_commands(sub)
    for command, child in _parsers(sub):
        handler = child.get_default("func")
        if handler is None or getattr(handler, "security_guarded", False):
            continue
        if parser is None:
            child.add_argument("--user", help="用户名（默认：$CLUEWORKS_USER）")
        child.set_defaults(func=_guard(handler, command))
