"""A workspace: a folder with workspace.db, backups/ and exports/."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

from core.errors import UserError
from core.store.db import make_engine, migrate

DB_NAME = "workspace.db"


def default_workspace_dir() -> Path:
    """Return the per-user default workspace folder."""
    return Path(user_data_dir("clueworks", appauthor=False)) / "workspace"


def resolve_workspace_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Pick the workspace folder: the explicit one, else $CLUEWORKS_WORKSPACE, else per-user."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("CLUEWORKS_WORKSPACE")
    if env:
        return Path(env).expanduser()
    return default_workspace_dir()


@dataclass
class Workspace:
    root: Path
    engine: Engine
    migration_backup: Path | None = field(default=None)
    _checkpoints: list[threading.Thread] = field(default_factory=list, repr=False, compare=False)

    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def exports_dir(self) -> Path:
        return self.root / "exports"

    @contextmanager
    def write(self, *, checkpoint_later: bool = False) -> Iterator[Connection]:
        """Yield a connection in one write transaction (taken with BEGIN IMMEDIATE).

        ``checkpoint_later``: for a transaction that writes hundreds of megabytes. The
        commit makes it durable in the write-ahead log as always, but copying the log into
        the database file (seconds per gigabyte) is left to a background thread instead of
        being done before this returns.
        """
        with self.engine.connect() as conn:
            if checkpoint_later:
                conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    conn.rollback()
                    raise
                conn.commit()
            finally:
                if checkpoint_later:
                    conn.exec_driver_sql("PRAGMA wal_autocheckpoint=1000")
        if checkpoint_later:
            self._checkpoint_in_background()

    def _checkpoint_in_background(self) -> None:
        def run() -> None:
            try:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
            except Exception:
                pass

        thread = threading.Thread(target=run, name="clueworks-checkpoint")
        thread.start()
        self._checkpoints.append(thread)

    def wait_for_checkpoints(self) -> None:
        """Wait until background checkpoints (see ``write``) have finished."""
        while self._checkpoints:
            self._checkpoints.pop().join()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def session(self) -> Session:
        return Session(self.engine)

    def close(self) -> None:
        self.wait_for_checkpoints()
        self.engine.dispose()

    def integrity_ok(self) -> bool:
        with self.read() as conn:
            return conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def open_workspace(root: str | os.PathLike[str] | None = None, *, create: bool = True) -> Workspace:
    """Open (and if needed create and upgrade) the workspace folder ``root``."""
    folder = resolve_workspace_dir(root)
    db = folder / DB_NAME
    if not db.exists() and not create:
        raise UserError(f"工作区不存在：{folder}", "请先运行 clueworks init 创建工作区。")
    try:
        for sub in (folder, folder / "backups", folder / "exports"):
            sub.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"无法创建工作区文件夹：{folder}", str(exc)) from exc
    engine = make_engine(db)
    try:
        backup = migrate(engine, db, folder / "backups")
    except Exception as exc:
        engine.dispose()
        from alembic.util import CommandError

        if isinstance(exc, CommandError):
            raise UserError(
                f"工作区数据库的版本无法识别（可能由更新版本的本程序创建）：{db}",
                "请使用创建该工作区的程序版本打开，或联系管理员。数据未被改动。",
            ) from exc
        if "file is not a database" in str(exc) or "malformed" in str(exc):
            raise UserError(f"工作区数据库已损坏或不是数据库文件：{db}", str(exc)) from exc
        raise
    return Workspace(root=folder, engine=engine, migration_backup=backup)
