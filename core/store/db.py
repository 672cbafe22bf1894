"""Opening the workspace database: pragmas, Alembic migrations and the pre-migration backup."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    # Pragmas must run outside a transaction: journal_mode silently does nothing inside one.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


def _json_dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def make_engine(db_path: Path) -> Engine:
    """Return an engine on ``db_path`` with WAL, foreign keys and full sync on every connection."""
    # JSON columns keep Chinese readable (and searchable with LIKE) instead of \uXXXX escapes.
    engine = create_engine(f"sqlite:///{db_path}", json_serializer=_json_dumps)
    event.listen(engine, "connect", _on_connect)
    return engine


def _alembic_config() -> Config:
    cfg = Config()
    script_dir = resources.files("core.store") / "migrations"
    cfg.set_main_option("script_location", str(script_dir))
    return cfg


def head_revision() -> str:
    """Return the newest migration revision shipped with this program."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_database(db_path: Path, target: Path) -> Path:
    """Copy a live database to ``target`` with SQLite's online backup API; return the target."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _has_data(engine: Engine) -> bool:
    with engine.connect() as conn:
        names = {
            r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
        }
        for table in ("cases", "list_records", "audit_log"):
            if table in names and conn.execute(text(f"SELECT 1 FROM {table} LIMIT 1")).first():
                return True
    return False


def migrate(engine: Engine, db_path: Path, backups_dir: Path) -> Path | None:
    """Upgrade the schema to head, backing up first when the database holds data.

    Returns the backup path when one was made.
    """
    current = current_revision(engine)
    if current == head_revision():
        return None
    backup: Path | None = None
    if current is not None and _has_data(engine):
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_database(db_path, backups_dir / f"迁移前备份-{current}-{stamp}.db")
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup
