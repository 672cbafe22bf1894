"""Backups of the workspace database with SQLite's online backup API, daily and on demand.

A backup is a consistent snapshot taken while the program runs (other readers and the
writer carry on), written to a temporary name, flushed, then renamed, so a crash never
leaves a half-written file under a backup's name. Next to each backup lies the head of
its audit chain (core.security.heads); the backup itself is entered in the audit log.
Restoring, which checks a file before it replaces anything, is in core.security.restore.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, text

from core import audit
from core.errors import UserError
from core.security import heads
from core.security.guard import require
from core.security.settings import get_int
from core.workspace import Workspace

DAILY_PREFIX = "每日备份-"
PARTIAL = ".partial"


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    sha256: str
    head_id: int | None
    seconds: float
    auto: bool
    reason: str

    def to_json(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["path"] = str(self.path)
        out["seconds"] = round(self.seconds, 2)
        return out


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    modified: str
    head_id: int | None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(4 * 1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open folders
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_only_uri(path: Path) -> str:
    """Return a URI opening ``path`` read-only; immutable unless a -wal file must be read."""
    uri = path.resolve().as_uri().replace("file://", "file:", 1)
    wal = path.with_name(path.name + "-wal")
    return f"{uri}?mode=ro" if wal.exists() else f"{uri}?mode=ro&immutable=1"


def snapshot(source: Path | str, target: Path, *, uri: bool = False) -> Path:
    """Copy a database to ``target`` in one consistent step; the copy is a single file.

    The copy is written under a temporary name, switched to rollback-journal mode (so it
    needs no -wal/-shm companions), flushed to disk and only then renamed.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + PARTIAL)
    partial.unlink(missing_ok=True)
    try:
        with (
            closing(sqlite3.connect(source, uri=uri)) as src,
            closing(sqlite3.connect(partial)) as dst,
        ):
            dst.execute("PRAGMA synchronous=FULL")
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            dst.commit()
        with partial.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)
    return target


def file_head(path: Path, root: Path) -> heads.ChainHead | None:
    """Return the audit head of the database file at ``path`` (signed with ``root``'s key)."""
    engine = create_engine(f"sqlite:///{read_only_uri(path)}&uri=true")
    try:
        with engine.connect() as conn:
            return heads.make_head(conn, root)
    finally:
        engine.dispose()


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def _free_name(folder: Path, stem: str) -> Path:
    path = folder / f"{stem}.db"
    n = 2
    while path.exists() or path.with_name(path.name + PARTIAL).exists():
        path = folder / f"{stem}-{n}.db"
        n += 1
    return path


def backup_workspace(
    ws: Workspace,
    target: Path | None = None,
    *,
    reason: str = "手动备份",
    auto: bool = False,
    stem: str | None = None,
) -> BackupResult:
    """Back up the live database to ``target`` (default: backups/备份-<time>.db); audited.

    ``auto`` marks backups the program takes itself (daily, before a restore): those need
    no permission. The chain head of the copy is written next to it and in backups/.
    """
    if not auto:
        require("backup", ws)
    started = time.perf_counter()
    if target is None:
        target = _free_name(ws.backups_dir, stem or f"备份-{_stamp()}")
    target = Path(target).expanduser()
    if target.suffix.lower() != ".db":
        target = target.with_name(target.name + ".db")
    if target.exists():
        raise UserError(f"备份文件已存在：{target}", "请换一个文件名，已有文件不会被覆盖。")
    if target.resolve() == ws.db_path.resolve():
        raise UserError("不能把工作区备份到它自己的数据库文件上。")
    try:
        snapshot(ws.db_path, target)
    except (sqlite3.Error, OSError) as exc:
        raise UserError(f"备份失败：无法写入 {target}", str(exc)) from exc
    head = file_head(target, ws.root)
    if head is not None:
        heads.write_head(head, heads.sidecar_path(target), force=True)
        if target.parent.resolve() != ws.backups_dir.resolve():
            heads.write_head(head, heads.sidecar_path(ws.backups_dir / target.name), force=True)
    size = target.stat().st_size
    digest = file_sha256(target)
    with ws.write() as conn:
        audit.append(
            conn,
            "backup",
            {
                "file": str(target),
                "sha256": digest,
                "size": size,
                "reason": reason,
                "auto": auto,
                "head_id": head.entry_id if head else None,
                "head_hash": head.entry_hash if head else None,
            },
        )
    refresh_head(ws)
    return BackupResult(
        target,
        size,
        digest,
        head.entry_id if head else None,
        time.perf_counter() - started,
        auto,
        reason,
    )


def refresh_head(ws: Workspace, *, force: bool = False) -> heads.ChainHead | None:
    """Write the live log's head to <workspace>/audit-head.json; return it (None: empty log)."""
    with ws.read() as conn:
        head = heads.make_head(conn, ws.root)
    if head is not None:
        heads.write_head(head, heads.workspace_head_path(ws.root), force=force)
    return head


def _has_data(conn: Connection) -> bool:
    for table in ("cases", "list_records", "audit_log"):
        if conn.execute(text(f"SELECT 1 FROM {table} LIMIT 1")).first():
            return True
    return False


def daily_backup_if_due(ws: Workspace, now: dt.datetime | None = None) -> BackupResult | None:
    """Take today's automatic backup on the first call of the day; keep the newest N.

    N is the setting backup.keep (default 7; 0 turns daily backups off). A workspace
    without data is not backed up. Returns the backup made, or None.
    """
    keep = get_int(ws, "backup.keep")
    if keep <= 0:
        return None
    with ws.read() as conn:
        if not _has_data(conn):
            return None
    moment = now or dt.datetime.now()
    day = moment.strftime("%Y%m%d")
    if any(ws.backups_dir.glob(f"{DAILY_PREFIX}{day}-*.db")):
        return None
    stem = f"{DAILY_PREFIX}{day}-{moment:%H%M%S}"
    result = backup_workspace(ws, reason="每日自动备份", auto=True, stem=stem)
    prune_daily(ws, keep)
    return result


def prune_daily(ws: Workspace, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` daily backups (their heads stay as evidence)."""
    daily = sorted(ws.backups_dir.glob(f"{DAILY_PREFIX}*.db"))
    gone = daily[: max(len(daily) - keep, 0)]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


def list_backups(ws: Workspace) -> list[BackupInfo]:
    """Return the backups in the workspace's backups folder, newest first."""
    found: list[BackupInfo] = []
    for path in ws.backups_dir.glob("*.db"):
        if path.name.startswith("."):
            continue
        stat = path.stat()
        head_id: int | None = None
        sidecar = heads.sidecar_path(path)
        if sidecar.exists():
            try:
                head_id = heads.read_head(sidecar).entry_id
            except ValueError:
                head_id = None
        modified = dt.datetime.fromtimestamp(stat.st_mtime).isoformat(sep=" ", timespec="seconds")
        found.append(BackupInfo(path, stat.st_size, modified, head_id))
    return sorted(found, key=lambda b: b.modified, reverse=True)
