"""Online backups, daily backups kept N deep, and restore only after the file checks out."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from core import audit
from core.backup import backup_workspace, daily_backup_if_due, list_backups
from core.errors import RefusedInput, UserError
from core.ingest.pipeline import import_file
from core.security import heads
from core.security.restore import check_backup, restore_workspace
from core.workspace import open_workspace
from tests.conftest import table_counts, write_xlsx
from tests.core.ingest.casedata import HEADERS_A, case_rows


@pytest.fixture
def filled(workspace: Any, tmp_path: Path) -> Any:
    import_file(workspace, write_xlsx(tmp_path / "案件.xlsx", HEADERS_A, case_rows(30)))
    return workspace


def chain_ok(ws: Any) -> audit.ChainReport:
    with ws.read() as conn:
        return audit.check_chain(conn)


def test_backup_is_a_consistent_single_file_with_its_head(filled: Any) -> None:
    done = backup_workspace(filled)
    assert done.path.parent == filled.backups_dir and done.path.exists()
    assert not done.path.with_name(done.path.name + "-wal").exists()
    con = sqlite3.connect(done.path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert con.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 30
    con.close()
    head = heads.read_head(heads.sidecar_path(done.path))
    assert head.entry_id == done.head_id == 1  # the import; the backup entry comes after
    with filled.read() as conn:
        last = conn.execute(text("SELECT action, details FROM audit_log ORDER BY id DESC")).first()
    assert last is not None and last[0] == "backup" and done.sha256 in last[1]
    assert chain_ok(filled).ok and chain_ok(filled).heads_checked == 2


def test_backup_runs_while_another_connection_writes(filled: Any) -> None:
    """The online backup API copies a consistent snapshot while the program keeps writing."""
    stop = threading.Event()

    def keep_writing() -> None:
        n = 0
        while not stop.is_set():
            with filled.write() as conn:
                audit.append(conn, "clue_note", {"n": n})
            n += 1

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        done = [backup_workspace(filled) for _ in range(3)]
    finally:
        stop.set()
        writer.join()
    for result in done:
        con = sqlite3.connect(result.path)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()
        assert check_backup(filled, result.path).ok
    assert chain_ok(filled).ok


def test_backup_refuses_to_overwrite(filled: Any, tmp_path: Path) -> None:
    target = tmp_path / "外部备份.db"
    backup_workspace(filled, target)
    assert heads.sidecar_path(filled.backups_dir / target.name).exists()  # a copy of the head stays
    with pytest.raises(UserError, match="已存在"):
        backup_workspace(filled, target)


def test_daily_backup_once_a_day_keeping_the_newest(filled: Any) -> None:
    start = dt.datetime(2024, 3, 1, 9, 0)
    made = [daily_backup_if_due(filled, start + dt.timedelta(days=d)) for d in range(10)]
    assert all(m is not None for m in made)
    assert daily_backup_if_due(filled, start + dt.timedelta(days=9, hours=3)) is None
    daily = sorted(p.name for p in filled.backups_dir.glob("每日备份-*.db"))
    assert len(daily) == 7 and daily[0].startswith("每日备份-20240304")
    assert len(list(filled.backups_dir.glob("每日备份-*.head.json"))) == 10  # heads are kept
    assert chain_ok(filled).ok


def test_daily_backup_respects_the_setting_and_skips_empty_workspaces(
    workspace: Any, filled: Any
) -> None:
    with filled.write() as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('backup.keep', '0')"))
    assert daily_backup_if_due(filled) is None
    fresh = open_workspace(filled.root.parent / "空的")
    assert daily_backup_if_due(fresh) is None
    fresh.close()


def test_restore_round_trip(filled: Any, tmp_path: Path) -> None:
    saved = backup_workspace(filled)
    before = table_counts(filled)
    import_file(
        filled, write_xlsx(tmp_path / "更多.xlsx", HEADERS_A, case_rows(10, seed=5, year=2020))
    )
    assert table_counts(filled)["cases"] == 40
    done = restore_workspace(filled, saved.path)
    after = table_counts(filled)
    assert after["cases"] == before["cases"] == 30
    assert done.pre_restore_backup is not None and done.pre_restore_backup.exists()
    with filled.read() as conn:
        actions = [r[0] for r in conn.execute(text("SELECT action FROM audit_log ORDER BY id"))]
    assert actions[-1] == "restore"
    result = chain_ok(filled)
    assert result.ok, result.problem  # heads written before the restore do not raise alarms
    # The pre-restore backup still verifies (with the key it was signed with).
    assert check_backup(filled, done.pre_restore_backup).ok


def test_restore_refuses_a_tampered_backup_and_changes_nothing(filled: Any) -> None:
    saved = backup_workspace(filled)
    con = sqlite3.connect(saved.path)
    con.execute("UPDATE audit_log SET actor = '他人' WHERE id = 1")
    con.commit()
    con.close()
    before = table_counts(filled)
    with pytest.raises(RefusedInput, match="未通过校验"):
        restore_workspace(filled, saved.path)
    assert table_counts(filled) == before
    assert not list(filled.backups_dir.glob("恢复前*"))


def test_restore_refuses_a_backup_cut_short(filled: Any) -> None:
    with filled.write() as conn:
        audit.append(conn, "clue_note", {"n": 1})
    saved = backup_workspace(filled)
    con = sqlite3.connect(saved.path)
    con.execute("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)")
    con.commit()
    con.close()
    check = check_backup(filled, saved.path)
    assert not check.ok and any("截断" in p for p in check.problems)


@pytest.mark.parametrize("kind", ["garbage", "truncated", "other_sqlite", "newer_version"])
def test_restore_refuses_bad_files(filled: Any, tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.db"
    if kind == "garbage":
        path.write_bytes(b"PK\x03\x04" + b"\0" * 1000)
    elif kind == "truncated":
        data = backup_workspace(filled).path.read_bytes()
        path.write_bytes(data[: len(data) // 3])
    elif kind == "other_sqlite":
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
    else:
        shutil.copy(backup_workspace(filled).path, path)
        con = sqlite3.connect(path)
        con.execute("UPDATE alembic_version SET version_num = '9999'")
        con.commit()
        con.close()
    before = table_counts(filled)
    with pytest.raises(UserError) as info:
        restore_workspace(filled, path)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in info.value.message)
    assert table_counts(filled) == before and filled.integrity_ok()


def test_restore_from_another_workspace_needs_its_key(filled: Any, tmp_path: Path) -> None:
    saved = backup_workspace(filled)
    other = open_workspace(tmp_path / "新电脑")
    with other.write() as conn:
        audit.append(conn, "clue_note", {"n": 1})
    with pytest.raises(RefusedInput, match="密钥"):
        restore_workspace(other, saved.path)
    done = restore_workspace(other, saved.path, key_file=filled.root / "keys" / "audit.key")
    assert done.key_changed
    assert table_counts(other)["cases"] == 30
    result = chain_ok(other)
    assert result.ok, result.problem
    with other.write() as conn:  # and the restored workspace keeps writing under that key
        audit.append(conn, "clue_note", {"n": 2})
    assert chain_ok(other).ok
    other.close()


def test_cli_backup_and_restore(
    filled: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from core.cli import main

    root = str(filled.root)
    target = tmp_path / "u盘" / "备份.db"
    assert main(["--workspace", root, "backup", "-o", str(target)]) == 0
    assert target.exists() and heads.sidecar_path(target).exists()
    assert main(["--workspace", root, "restore", str(target), "--check-only"]) == 0
    assert main(["--workspace", root, "restore", str(target)]) == 0
    out = capsys.readouterr().out
    assert "已从" in out and "恢复前的状态已备份" in out
    assert main(["--workspace", root, "audit", "verify"]) == 0
    assert len(list_backups(filled)) >= 2
