"""The workspace database: pragmas, migrations, backup, audit chain."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from core import audit
from core.store.db import backup_database, current_revision, head_revision
from core.workspace import open_workspace, resolve_workspace_dir


def test_open_creates_folders_and_pragmas(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "w")
    assert ws.db_path.exists() and ws.backups_dir.is_dir() and ws.exports_dir.is_dir()
    with ws.read() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    assert current_revision(ws.engine) == head_revision()
    ws.close()
    again = open_workspace(tmp_path / "w")
    assert again.migration_backup is None
    again.close()


def test_workspace_dir_precedence(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CLUEWORKS_WORKSPACE", str(tmp_path / "env"))
    assert resolve_workspace_dir(str(tmp_path / "cli")) == tmp_path / "cli"
    assert resolve_workspace_dir(None) == tmp_path / "env"
    monkeypatch.delenv("CLUEWORKS_WORKSPACE")
    assert "clueworks" in str(resolve_workspace_dir(None))


def test_foreign_keys_enforced(workspace) -> None:
    import pytest
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), workspace.write() as conn:
        conn.execute(text("INSERT INTO case_texts (case_id, full_text) VALUES (999, 'x')"))


def test_migration_backs_up_a_database_with_data(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "w")
    with ws.write() as conn:
        audit.append(conn, "test", {"n": 1})
        conn.execute(text("UPDATE alembic_version SET version_num = 'older'"))
    ws.close()
    # An unknown older revision cannot be upgraded, but the backup must come first.
    import pytest

    from core.errors import UserError

    with pytest.raises(UserError):
        open_workspace(tmp_path / "w")
    backups = list((tmp_path / "w" / "backups").glob("*.db"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == 1
    con.close()


def test_backup_database_copies_live_db(workspace, tmp_path: Path) -> None:
    with workspace.write() as conn:
        audit.append(conn, "test", {"n": 1})
    target = backup_database(workspace.db_path, tmp_path / "b" / "copy.db")
    con = sqlite3.connect(target)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT action FROM audit_log").fetchone()[0] == "test"
    con.close()


def test_audit_chain_detects_edit(workspace) -> None:
    with workspace.write() as conn:
        for i in range(5):
            audit.append(conn, "test", {"i": i})
    with workspace.read() as conn:
        assert audit.verify(conn) is None
    with workspace.write() as conn:
        conn.execute(text("UPDATE audit_log SET details = :d WHERE id = 3"), {"d": '{"i":9}'})
    with workspace.read() as conn:
        assert audit.verify(conn) == 3


def test_migrations_match_the_models(workspace) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from core.store.models import Base

    with workspace.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
