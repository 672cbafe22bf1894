"""The keyed audit chain: edits, deletions, insertions, reorders, truncation and rewrites show."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from core import audit
from core.backup import refresh_head
from core.security import heads
from core.security.keys import key_path
from tests.core.security.conftest import Secured, as_role

ENTRIES = 10


@pytest.fixture
def logged(workspace: Any) -> Any:
    """A workspace with ENTRIES audit entries and its head written outside the database."""
    for i in range(1, ENTRIES + 1):
        with workspace.write() as conn:
            audit.append(conn, "clue_note", {"n": i, "text": f"第{i}条批注"})
    refresh_head(workspace)
    return workspace


def raw(ws: Any) -> sqlite3.Connection:
    return sqlite3.connect(ws.db_path, isolation_level=None)


def rows(con: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return con.execute(
        "SELECT id, at, actor, action, details, prev_hash, hash FROM audit_log ORDER BY id"
    ).fetchall()


def report(ws: Any) -> audit.ChainReport:
    with ws.read() as conn:
        return audit.check_chain(conn)


def sha_rewrite(con: sqlite3.Connection, start: int) -> None:
    """Recompute a plain SHA-256 chain from entry ``start`` on: what an attacker without the key can do."""
    entries = rows(con)
    prev = entries[start - 2][6] if start > 1 else audit.GENESIS
    for entry_id, at, actor, action, details, _prev, _hash in entries[start - 1 :]:
        digest = audit.entry_hash(prev, entry_id, at, actor, action, details)
        con.execute(
            "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, entry_id)
        )
        prev = digest


def test_intact_log_verifies(logged: Any) -> None:
    result = report(logged)
    assert result.ok and result.entries == ENTRIES and result.heads_checked == 1
    assert result.keyed_from == 1 and result.key_id
    with logged.read() as conn:
        assert audit.verify(conn) is None


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("details", '{"n":4,"text":"改过"}'),
        ("actor", "他人"),
        ("at", "2020-01-01T00:00:00+08:00"),
        ("action", "login"),
    ],
)
def test_edited_entry_is_found(logged: Any, column: str, value: str) -> None:
    with raw(logged) as con:
        con.execute(f"UPDATE audit_log SET {column} = ? WHERE id = 4", (value,))
    result = report(logged)
    assert result.first_broken == 4 and "改动" in (result.problem or "")


def test_deleted_entry_is_found(logged: Any) -> None:
    with raw(logged) as con:
        con.execute("DELETE FROM audit_log WHERE id = 5")
    result = report(logged)
    assert result.first_broken == 5 and "缺失" in (result.problem or "")


def test_deleted_and_renumbered_entries_are_found(logged: Any) -> None:
    with raw(logged) as con:
        con.execute("DELETE FROM audit_log WHERE id = 5")
        for entry_id in range(6, ENTRIES + 1):
            con.execute("UPDATE audit_log SET id = ? WHERE id = ?", (entry_id - 1, entry_id))
    assert report(logged).first_broken == 5


def test_inserted_entry_is_found(logged: Any) -> None:
    with raw(logged) as con:
        for entry_id in range(ENTRIES, 4, -1):
            con.execute("UPDATE audit_log SET id = ? WHERE id = ?", (entry_id + 1, entry_id))
        prev = con.execute("SELECT hash FROM audit_log WHERE id = 4").fetchone()[0]
        fake = ("2024-01-01T00:00:00+08:00", "伪造者", "clue_note", '{"n":0}')
        digest = audit.entry_hash(prev, 5, *fake)
        con.execute(
            "INSERT INTO audit_log (id, at, actor, action, details, prev_hash, hash) "
            "VALUES (5, ?, ?, ?, ?, ?, ?)",
            (*fake, prev, digest),
        )
    assert report(logged).first_broken == 5


def test_forged_entry_at_the_end_is_found(logged: Any) -> None:
    with raw(logged) as con:
        prev = con.execute("SELECT hash FROM audit_log WHERE id = ?", (ENTRIES,)).fetchone()[0]
        fake = ("2030-01-01T00:00:00+08:00", "伪造者", "login", "{}")
        con.execute(
            "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?)",
            (ENTRIES + 1, *fake, prev, audit.entry_hash(prev, ENTRIES + 1, *fake)),
        )
    assert report(logged).first_broken == ENTRIES + 1


def test_reordered_entries_are_found(logged: Any) -> None:
    with raw(logged) as con:
        three, six = rows(con)[2], rows(con)[5]
        for target, source in ((3, six), (6, three)):
            con.execute(
                "UPDATE audit_log SET at=?, actor=?, action=?, details=?, prev_hash=?, hash=? "
                "WHERE id = ?",
                (*source[1:], target),
            )
    assert report(logged).first_broken == 3


def test_truncation_is_found_through_the_stored_head(logged: Any) -> None:
    with raw(logged) as con:
        con.execute("DELETE FROM audit_log WHERE id > 7")
    result = report(logged)
    assert not result.ok and result.first_broken == 8 and "截断" in (result.problem or "")


def test_plain_sha_rewrite_is_found_because_of_the_key(logged: Any) -> None:
    with raw(logged) as con:
        con.execute('UPDATE audit_log SET details = \'{"n":4,"text":"改写"}\' WHERE id = 4')
        sha_rewrite(con, 1)  # a complete, self-consistent plain chain
    heads.workspace_head_path(logged.root).unlink()  # and the evidence outside removed
    result = report(logged)
    assert result.first_broken == 1 and "改动" in (result.problem or "")


def test_rewrite_with_a_stolen_key_is_found_through_the_head(logged: Any) -> None:
    from core.security.keys import load_key

    key = load_key(logged.root)
    assert key is not None
    with raw(logged) as con:
        entries = rows(con)
        prev = entries[2][6]
        for entry_id, at, actor, action, details, _p, _h in entries[3:]:
            if entry_id == 4:
                details = '{"n":4,"text":"改写"}'
            digest = audit.entry_mac(key, prev, entry_id, at, actor, action, details)
            con.execute(
                "UPDATE audit_log SET details=?, prev_hash=?, hash=? WHERE id=?",
                (details, prev, digest, entry_id),
            )
            prev = digest
    result = report(logged)
    assert result.first_broken == ENTRIES and "外部链头" in (result.problem or "")


def test_forged_head_file_is_found(logged: Any) -> None:
    path = heads.workspace_head_path(logged.root)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["entry_id"] = ENTRIES + 5
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = report(logged)
    assert not result.ok and "签名无效" in (result.problem or "")


def test_missing_key_stops_writes_and_verification(logged: Any) -> None:
    key_path(logged.root).unlink()
    assert not report(logged).ok
    with pytest.raises(audit.AuditKeyMissing), logged.write() as conn:
        audit.append(conn, "clue_note", {"n": 99})


def test_entries_written_before_the_key_stay_verifiable(workspace: Any) -> None:
    """An older workspace: plain SHA-256 entries, then the key takes over at the next entry."""
    prev = audit.GENESIS
    with raw(workspace) as con:
        for entry_id in range(1, 4):
            fields = (
                f"2023-0{entry_id}-01T00:00:00+08:00",
                "旧版",
                "import",
                f'{{"n":{entry_id}}}',
            )
            digest = audit.entry_hash(prev, entry_id, *fields)
            con.execute(
                "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?)",
                (entry_id, *fields, prev, digest),
            )
            prev = digest
    assert not key_path(workspace.root).exists()
    with workspace.write() as conn:
        audit.append(conn, "clue_note", {"n": 4})
    result = report(workspace)
    assert result.ok and result.keyed_from == 4
    with raw(workspace) as con:  # rewriting the old part consistently breaks the anchor
        con.execute("UPDATE audit_log SET actor = '他人' WHERE id = 2")
        sha_rewrite(con, 2)
    result = report(workspace)
    assert not result.ok and result.first_broken in (3, 4)


def test_cli_verify_reports_the_first_broken_entry(
    logged: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from core.cli import main

    assert main(["--workspace", str(logged.root), "audit", "verify"]) == 0
    with raw(logged) as con:
        con.execute("UPDATE audit_log SET actor = '他人' WHERE id = 6")
    capsys.readouterr()
    assert main(["--workspace", str(logged.root), "audit", "verify"]) == 4
    err = capsys.readouterr().err
    assert "第 6 条" in err


def test_cli_verify_checks_a_printed_head(logged: Any, tmp_path: Path) -> None:
    from core.cli import main

    kept = tmp_path / "存档链头.json"
    kept.write_bytes(heads.workspace_head_path(logged.root).read_bytes())
    with raw(logged) as con:
        con.execute("DELETE FROM audit_log WHERE id > 6")
    heads.workspace_head_path(logged.root).unlink()  # the attacker removed the local copy
    assert (
        main(["--workspace", str(logged.root), "audit", "verify"]) == 0
    )  # nothing left to compare
    assert main(["--workspace", str(logged.root), "audit", "verify", "--head", str(kept)]) == 4


@pytest.fixture
def admin_logged(secured: Secured) -> Iterator[Secured]:
    as_role(secured, "administrator")
    with secured.ws.write() as conn:
        audit.append(conn, "clue_note", {"text": '=HYPERLINK("http://x")'})
    yield secured


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_carries_the_chain_and_is_audited(admin_logged: Secured, fmt: str) -> None:
    from core.security.audit_export import export_log

    done = export_log(admin_logged.ws, None, fmt)
    assert done.report.ok and done.path.parent == admin_logged.ws.exports_dir
    if fmt == "json":
        doc = json.loads(done.path.read_text(encoding="utf-8"))
        assert doc["verification"]["ok"] and len(doc["entries"]) == done.entries
        assert {"prev_hash", "hash"} <= set(doc["entries"][0])
    else:
        with done.path.open(encoding="utf-8-sig", newline="") as fh:
            table = list(csv.reader(fh))
        assert table[0] == ["id", "at", "actor", "action", "details", "prev_hash", "hash"]
        assert len(table) == done.entries + 1
        assert all(not cell.startswith("=") for row in table for cell in row)
    with admin_logged.ws.read() as conn:
        last = conn.execute(text("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1"))
        assert last.scalar() == "audit_export"
