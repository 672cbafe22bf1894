"""Chain heads written outside the database, so that a truncated or rewritten log shows.

A head names the newest audit entry (id, hash, time) at the moment it was written. It is
kept in ``<workspace>/audit-head.json`` (refreshed after every CLI command, login, logout
and backup), next to every backup file, and can be printed for a paper file. Deleting the
newest entries leaves the log shorter than a head; rewriting the log changes the hash a
head recorded. A head carries an HMAC under the audit key, so it cannot be forged
without the key either (an old, genuine head can be put back, but then the newer copies
in backups/ still show the truncation).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from core.security.keys import AuditKey, find_key, load_key

HEAD_FILE = "audit-head.json"
HEAD_SUFFIX = ".head.json"
FORMAT = "clueworks-audit-head"


@dataclass(frozen=True)
class ChainHead:
    entry_id: int
    entry_hash: str
    entry_at: str
    written_at: str
    key_id: str | None
    mac: str | None
    source: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "entry_id": self.entry_id,
            "entry_hash": self.entry_hash,
            "entry_at": self.entry_at,
            "written_at": self.written_at,
            "key_id": self.key_id,
            "mac": self.mac,
        }


def _mac_payload(
    entry_id: int, entry_hash: str, entry_at: str, written_at: str, key_id: str | None
) -> bytes:
    body = [FORMAT, entry_id, entry_hash, entry_at, written_at, key_id]
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def head_mac(key: AuditKey, entry_id: int, entry_hash: str, entry_at: str, written_at: str) -> str:
    payload = _mac_payload(entry_id, entry_hash, entry_at, written_at, key.key_id)
    return hmac.new(key.secret, payload, hashlib.sha256).hexdigest()


def mac_ok(head: ChainHead, key: AuditKey | None) -> bool:
    """Return whether the head was written by someone holding ``key`` (True for unkeyed logs)."""
    if head.key_id is None:
        return key is None or head.entry_id <= key.anchor_id
    if key is None or head.mac is None:
        return False
    want = head_mac(key, head.entry_id, head.entry_hash, head.entry_at, head.written_at)
    return hmac.compare_digest(want, head.mac)


def last_entry(conn: Connection) -> tuple[int, str, str] | None:
    """Return (id, hash, at) of the newest audit entry, or None for an empty log."""
    row = conn.execute(text("SELECT id, hash, at FROM audit_log ORDER BY id DESC LIMIT 1")).first()
    return (int(row[0]), str(row[1]), str(row[2])) if row else None


def _log_key(conn: Connection, root: Path | None) -> AuditKey | None:
    """Return the key the log in ``conn`` is signed with (it names it in its settings)."""
    if root is None:
        return None
    row = conn.execute(text("SELECT value FROM settings WHERE key = 'audit.key_id'")).first()
    if row is None:
        return load_key(root)
    return find_key(root, str(row[0]))


def make_head(conn: Connection, root: Path | None) -> ChainHead | None:
    """Return the head of the log ``conn`` holds, signed with the workspace key if there is one."""
    last = last_entry(conn)
    if last is None:
        return None
    key = _log_key(conn, root)
    written = dt.datetime.now().astimezone().isoformat(timespec="microseconds")
    entry_id, entry_hash, entry_at = last
    if key is None or entry_id <= key.anchor_id:
        return ChainHead(entry_id, entry_hash, entry_at, written, None, None)
    mac = head_mac(key, entry_id, entry_hash, entry_at, written)
    return ChainHead(entry_id, entry_hash, entry_at, written, key.key_id, mac)


def read_head(path: Path) -> ChainHead:
    """Return the head stored at ``path``; raise ValueError when it is not a head file."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc.get("format") != FORMAT:
            raise ValueError("format")
        return ChainHead(
            int(doc["entry_id"]),
            str(doc["entry_hash"]),
            str(doc["entry_at"]),
            str(doc["written_at"]),
            doc.get("key_id"),
            doc.get("mac"),
            str(path),
        )
    except (OSError, UnicodeDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(str(exc)) from exc


def write_head(head: ChainHead, path: Path, *, force: bool = False) -> bool:
    """Write ``head`` to ``path`` atomically; never move an existing head backwards unless forced.

    Returns whether the file was written.
    """
    if not force and path.exists():
        try:
            if read_head(path).entry_id > head.entry_id:
                return False
        except ValueError:
            pass  # an unreadable head is replaced; verification already reports it
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    data = json.dumps(head.to_json(), ensure_ascii=False, indent=2).encode("utf-8")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return True


def workspace_head_path(root: Path) -> Path:
    return root / HEAD_FILE


def sidecar_path(backup: Path) -> Path:
    """Return where the head of a backup file is kept: next to it, same name + .head.json."""
    return backup.with_name(backup.name + HEAD_SUFFIX)


def known_heads(root: Path) -> list[tuple[Path, ChainHead | None]]:
    """Return every head kept for this workspace; None marks a file that is not a valid head."""
    paths = [workspace_head_path(root)]
    backups = root / "backups"
    if backups.is_dir():
        paths += sorted(backups.glob("*" + HEAD_SUFFIX))
    found: list[tuple[Path, ChainHead | None]] = []
    for path in paths:
        if not path.exists():
            continue
        try:
            found.append((path, read_head(path)))
        except ValueError:
            found.append((path, None))
    return found


def head_text(head: ChainHead, workspace: Path | None = None) -> str:
    """Return the head as a short block to print and file on paper."""
    lines = ["审计日志链头（请打印存档，核验时与 clueworks audit verify 的结果比对）"]
    if workspace is not None:
        lines.append(f"工作区：{workspace}")
    lines += [
        f"最新记录编号：{head.entry_id}",
        f"记录时间：{head.entry_at}",
        f"校验值：{head.entry_hash}",
        f"密钥编号：{head.key_id or '（未加密钥）'}",
        f"写出时间：{head.written_at}",
    ]
    return "\n".join(lines)
