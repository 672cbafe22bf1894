"""Restoring a workspace from a backup file, after checking the file thoroughly.

The file is first copied to a staging file and checked there (SQLite integrity check,
that it is a workspace of a known version, its audit chain under the right key, and the
head kept next to it). Only then is the current state backed up, a "restore" entry
appended to the staged log (naming the head it replaces), and the staged copy put in
place with the online backup API — one transaction, so a crash leaves either the old or
the new database, never a mix.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from core import audit
from core.backup import (
    backup_workspace,
    file_sha256,
    fsync_dir,
    read_only_uri,
    refresh_head,
    snapshot,
)
from core.errors import RefusedInput, UserError
from core.security import heads, keys
from core.security.guard import require
from core.store.db import migrate
from core.workspace import Workspace

STAGING_PREFIX = ".恢复暂存-"


@dataclass(frozen=True)
class BackupCheck:
    path: Path
    ok: bool
    problems: tuple[str, ...]
    revision: str | None
    entries: int
    last_id: int
    last_hash: str
    key_id: str | None
    head_checked: bool


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    pre_restore_backup: Path | None
    entries: int
    restore_entry: int
    revision_before: str | None
    key_changed: bool


def known_revisions() -> set[str]:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("core.store") / "migrations"))
    return {rev.revision for rev in ScriptDirectory.from_config(cfg).walk_revisions()}


def _stage(source: Path, folder: Path) -> Path:
    if not source.is_file():
        raise RefusedInput(f"找不到备份文件：{source}")
    with source.open("rb") as fh:
        magic = fh.read(16)
    if magic != b"SQLite format 3\x00":
        raise RefusedInput(f"“{source.name}”不是工作区备份文件（不是 SQLite 数据库）。")
    for old in folder.glob(STAGING_PREFIX + "*"):
        old.unlink(missing_ok=True)
    staged = folder / f"{STAGING_PREFIX}{dt.datetime.now():%Y%m%d-%H%M%S-%f}.db"
    try:
        return snapshot(read_only_uri(source), staged, uri=True)
    except sqlite3.Error as exc:
        raise RefusedInput(f"备份文件“{source.name}”已损坏，无法读取。", str(exc)) from exc


def _choose_key(recorded: str | None, root: Path, key_file: Path | None) -> keys.AuditKey | None:
    if key_file is not None:
        given = keys.read_key_file(key_file)
        if recorded is None or given.key_id == recorded:
            return given
    if recorded is None:
        return None
    return keys.find_key(root, recorded)


def _check_staged(
    ws: Workspace, staged: Path, source: Path, key_file: Path | None
) -> tuple[BackupCheck, keys.AuditKey | None]:
    problems: list[str] = []
    with closing(sqlite3.connect(staged)) as raw:
        verdict = raw.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            problems.append(f"SQLite 完整性检查未通过：{verdict}")
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"audit_log", "alembic_version", "settings"} <= tables:
        raise RefusedInput(f"“{source.name}”是 SQLite 数据库，但不是本程序的工作区备份。")
    engine = create_engine(f"sqlite:///{read_only_uri(staged)}&uri=true")
    try:
        with engine.connect() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if revision not in known_revisions():
                problems.append(
                    f"备份由更新版本的程序创建（数据库版本 {revision}），本程序无法使用。"
                )
            recorded = conn.execute(
                text("SELECT value FROM settings WHERE key = :k"), {"k": audit.KEY_ID_SETTING}
            ).scalar()
            key = _choose_key(recorded, ws.root, key_file)
            if recorded is not None and key is None:
                problems.append(
                    f"备份的审计日志由另一把密钥（编号 {recorded}）签名，本工作区没有这把密钥；"
                    "请用 --key 指定该备份所属工作区的密钥文件（keys/audit.key）。"
                )
            sidecar = heads.sidecar_path(source)
            found: list[tuple[Path, heads.ChainHead | None]] = []
            if sidecar.exists():
                try:
                    found.append((sidecar, heads.read_head(sidecar)))
                except ValueError:
                    found.append((sidecar, None))
            chain = audit.check_chain(conn, key=key, heads=found)
    finally:
        engine.dispose()
    if (recorded is None or key is not None) and not chain.ok:
        problems.append(f"审计日志校验未通过：{chain.problem}")
    check = BackupCheck(
        source,
        not problems,
        tuple(problems),
        revision,
        chain.entries,
        chain.last_id,
        chain.last_hash,
        key.key_id if key else None,
        chain.heads_checked > 0,
    )
    return check, key


def check_backup(ws: Workspace, source: Path, *, key_file: Path | None = None) -> BackupCheck:
    """Check a backup file without changing anything; the result lists every problem found."""
    require("restore", ws)
    staged = _stage(Path(source), ws.backups_dir)
    try:
        return _check_staged(ws, staged, Path(source), key_file)[0]
    finally:
        staged.unlink(missing_ok=True)


def _swap_in(ws: Workspace, staged: Path) -> None:
    ws.engine.dispose()
    try:
        with closing(sqlite3.connect(staged)) as src, closing(sqlite3.connect(ws.db_path)) as dst:
            dst.execute("PRAGMA busy_timeout=10000")
            dst.execute("PRAGMA synchronous=FULL")
            src.backup(dst)  # one write transaction on the live database: all or nothing
    except sqlite3.DatabaseError:
        # The live file is too damaged to write through SQLite: replace the file itself.
        for extra in ("-wal", "-shm"):
            ws.db_path.with_name(ws.db_path.name + extra).unlink(missing_ok=True)
        os.replace(staged, ws.db_path)
        fsync_dir(ws.db_path.parent)


def _save_current(ws: Workspace) -> Path:
    """Back up the current state before it is replaced; copy the raw files if it is damaged."""
    stamp = f"{_now():%Y%m%d-%H%M%S}"
    try:
        return backup_workspace(ws, reason="恢复前备份", auto=True, stem=f"恢复前备份-{stamp}").path
    except (UserError, sqlite3.DatabaseError, SQLAlchemyError):
        target = ws.backups_dir / f"恢复前原文件-{stamp}.db"
        for extra in ("", "-wal"):
            src = ws.db_path.with_name(ws.db_path.name + extra)
            if src.exists():
                shutil.copy2(src, target.with_name(target.name + extra))
        return target


def _live_head(ws: Workspace) -> tuple[int, str, str] | None:
    try:
        with ws.read() as conn:
            return heads.last_entry(conn)
    except (sqlite3.DatabaseError, SQLAlchemyError):
        return None


def restore_workspace(
    ws: Workspace, source: Path, *, key_file: Path | None = None
) -> RestoreResult:
    """Replace the workspace's database with a checked backup; back up the current one first."""
    require("restore", ws)
    source = Path(source)
    if source.resolve() == ws.db_path.resolve():
        raise UserError("不能用工作区自己的数据库文件恢复。")
    staged = _stage(source, ws.backups_dir)
    try:
        check, key = _check_staged(ws, staged, source, key_file)
        if not check.ok:
            raise RefusedInput(
                f"备份文件“{source.name}”未通过校验，未恢复，工作区未改动。",
                "\n".join(check.problems),
            )
        if key is None:
            # The backup predates audit keys: its entries stay plain, a new key takes over.
            key = keys.new_key(check.last_id, check.last_hash)
        pre = _save_current(ws)
        replaced = _live_head(ws)
        cut = _now().isoformat(timespec="microseconds")
        details = {
            "file": str(source),
            "sha256": file_sha256(source),
            "backup_last_id": check.last_id,
            "replaced_head": {"id": replaced[0], "hash": replaced[1]} if replaced else None,
            "pre_restore_backup": str(pre),
            "superseded_before": cut,
        }
        engine = create_engine(f"sqlite:///{staged}")
        try:
            with engine.begin() as conn:
                entry = audit.append(conn, "restore", details, root=ws.root, key=key)
        finally:
            engine.dispose()
        active = keys.load_key(ws.root)
        key_changed = active is None or active.key_id != key.key_id
        if key_changed:
            keys.keep_key(ws.root, key)
        _swap_in(ws, staged)
        if key_changed:
            keys.activate_key(ws.root, key)
        migrate(ws.engine, ws.db_path, ws.backups_dir)
        refresh_head(ws, force=True)
        return RestoreResult(source, pre, check.entries + 1, entry, check.revision, key_changed)
    finally:
        staged.unlink(missing_ok=True)


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()
