"""The append-only, tamper-evident audit log: every service that changes data writes here.

Each entry stores the hash of the entry before it and its own hash over a canonical
encoding of (previous hash, id, time, actor, action, details). The hash is an
HMAC-SHA256 under the workspace's audit key (core.security.keys), kept outside the
database, so that editing the database alone cannot produce a valid chain. Entries
written before a workspace had a key (older versions of the program) keep their plain
SHA-256 hashes; the key file anchors the last of them. Heads written outside the
database (core.security.heads) reveal a log cut short or rewritten as a whole.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from core.errors import UserError
from core.security import heads as head_files
from core.security.keys import (
    GENESIS,
    AuditKey,
    create_key,
    find_key,
    load_key,
    workspace_root,
)
from core.security.session import current_session, os_user

KEY_ID_SETTING = "audit.key_id"
__all__ = ["GENESIS", "ChainReport", "append", "check_chain", "current_actor", "verify"]


class AuditKeyMissing(UserError):
    """The workspace's log is keyed but the key file is gone: nothing may be written."""


def current_actor() -> str:
    """Return the acting user's name: the session user, else CLUEWORKS_USER, else the OS login."""
    user = current_session()
    return user.username if user is not None else os_user()


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def _payload(
    prev_hash: str, entry_id: int, at: str, actor: str, action: str, details: str
) -> bytes:
    return canonical_json([prev_hash, entry_id, at, actor, action, details]).encode("utf-8")


def entry_hash(
    prev_hash: str, entry_id: int, at: str, actor: str, action: str, details: str
) -> str:
    """Return the plain SHA-256 of an entry (entries written before the workspace had a key)."""
    return hashlib.sha256(_payload(prev_hash, entry_id, at, actor, action, details)).hexdigest()


def entry_mac(
    key: AuditKey, prev_hash: str, entry_id: int, at: str, actor: str, action: str, details: str
) -> str:
    """Return the HMAC-SHA256 of an entry under the workspace key."""
    payload = _payload(prev_hash, entry_id, at, actor, action, details)
    return hmac.new(key.secret, payload, hashlib.sha256).hexdigest()


def _setting(conn: Connection, key: str) -> str | None:
    row = conn.execute(text("SELECT value FROM settings WHERE key = :k"), {"k": key}).first()
    return str(row[0]) if row else None


def _missing_key(root: Path) -> AuditKeyMissing:
    return AuditKeyMissing(
        f"审计密钥文件缺失：{root / 'keys' / 'audit.key'}",
        "本工作区的审计日志使用该密钥签名；请管理员从保管的副本恢复此文件后再操作。数据未改动。",
    )


def _key_for_append(
    conn: Connection, root: Path | None, prev_id: int, prev_hash: str, given: AuditKey | None
) -> AuditKey | None:
    """Return the key to sign with: the one the log names, else a new one for a fresh log."""
    recorded = _setting(conn, KEY_ID_SETTING)
    if given is not None:
        key: AuditKey | None = given
    elif root is None:
        return None
    elif recorded is not None:
        key = find_key(root, recorded)
        if key is None:
            raise _missing_key(root)
    else:
        key = load_key(root)
        if key is None:
            if any(h is not None and h.key_id for _, h in head_files.known_heads(root)):
                raise _missing_key(root)
            key = create_key(root, prev_id, prev_hash)
    assert key is not None
    if recorded is None:
        conn.execute(
            text("INSERT OR IGNORE INTO settings (key, value) VALUES (:k, :v)"),
            {"k": KEY_ID_SETTING, "v": key.key_id},
        )
    elif recorded != key.key_id:
        raise AuditKeyMissing(
            "审计密钥文件与本工作区不符（可能是从其他工作区复制来的）。",
            f"工作区记录的密钥编号 {recorded}，密钥文件的编号 {key.key_id}。数据未改动。",
        )
    return key


def append(
    conn: Connection,
    action: str,
    details: Mapping[str, Any],
    actor: str | None = None,
    *,
    root: Path | None = None,
    key: AuditKey | None = None,
) -> int:
    """Append one entry inside the caller's transaction; return its id.

    ``root`` names the workspace folder whose key signs the entry (by default the folder
    of the database ``conn`` is open on); ``key`` gives the key itself (restoring).
    """
    who = actor or current_actor()
    folder = root if root is not None else workspace_root(conn)
    last = conn.execute(text("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")).first()
    prev_id, prev_hash = (int(last[0]), str(last[1])) if last else (0, GENESIS)
    key = _key_for_append(conn, folder, prev_id, prev_hash, key)
    entry_id = prev_id + 1
    at = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    body = canonical_json(dict(details))
    if key is None or entry_id <= key.anchor_id:
        digest = entry_hash(prev_hash, entry_id, at, who, action, body)
    else:
        digest = entry_mac(key, prev_hash, entry_id, at, who, action, body)
    conn.execute(
        text(
            "INSERT INTO audit_log (id, at, actor, action, details, prev_hash, hash) "
            "VALUES (:id, :at, :actor, :action, :details, :prev, :hash)"
        ),
        {
            "id": entry_id,
            "at": at,
            "actor": who,
            "action": action,
            "details": body,
            "prev": prev_hash,
            "hash": digest,
        },
    )
    return entry_id


@dataclass(frozen=True)
class ChainReport:
    """What verification found: the first broken entry (None when intact) and why."""

    ok: bool
    entries: int
    first_broken: int | None
    problem: str | None
    last_id: int
    last_hash: str
    key_id: str | None
    keyed_from: int | None
    heads_checked: int
    notes: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "first_broken": self.first_broken,
            "problem": self.problem,
            "last_id": self.last_id,
            "last_hash": self.last_hash,
            "key_id": self.key_id,
            "keyed_from": self.keyed_from,
            "heads_checked": self.heads_checked,
            "notes": list(self.notes),
        }


@dataclass
class _Scan:
    entries: int = 0
    last_id: int = 0
    last_hash: str = GENESIS
    broken: int | None = None
    problem: str | None = None
    hashes: dict[int, str] = field(default_factory=dict)
    restore_cut: str | None = None

    def fail(self, entry_id: int, problem: str) -> None:
        if self.broken is None:
            self.broken, self.problem = entry_id, problem


def _scan(conn: Connection, key: AuditKey | None, wanted: set[int]) -> _Scan:
    scan = _Scan()
    rows = conn.execute(
        text("SELECT id, at, actor, action, details, prev_hash, hash FROM audit_log ORDER BY id")
    )
    for entry_id, at, actor, action, details, prev, digest in rows:
        scan.entries += 1
        expected = scan.last_id + 1
        if entry_id != expected and scan.broken is None:
            what = f"第 {expected} 条记录缺失（被删除）" if entry_id > expected else "记录编号重复"
            scan.fail(expected, what)
        if prev != scan.last_hash:
            scan.fail(
                entry_id, f"第 {entry_id} 条与前一条的链接不符（记录被删除、插入或调换了顺序）"
            )
        if key is None or entry_id <= key.anchor_id:
            want = entry_hash(prev, entry_id, at, actor, action, details)
        else:
            want = entry_mac(key, prev, entry_id, at, actor, action, details)
        if not hmac.compare_digest(want, str(digest)):
            scan.fail(entry_id, f"第 {entry_id} 条的内容与校验值不符（记录被改动或伪造）")
        if key is not None and entry_id == key.anchor_id and digest != key.anchor_hash:
            scan.fail(entry_id, f"第 {entry_id} 条与密钥文件记录的锚点不符（早期记录被改写）")
        if entry_id in wanted:
            scan.hashes[int(entry_id)] = str(digest)
        if action == "restore" and scan.broken is None:
            with contextlib.suppress(ValueError, AttributeError):
                scan.restore_cut = str(json.loads(details).get("superseded_before") or "") or None
        scan.last_id, scan.last_hash = int(entry_id), str(digest)
    return scan


def _not_after(a: str, b: str) -> bool:
    try:
        return dt.datetime.fromisoformat(a) <= dt.datetime.fromisoformat(b)
    except (ValueError, TypeError):
        return a <= b


def _check_heads(
    scan: _Scan, key: AuditKey | None, found: list[tuple[Path, Any]], notes: list[str]
) -> int:
    checked = 0
    for path, head in found:
        if head is None:
            scan.fail(scan.last_id + 1, f"外部链头文件无法读取或被改动：{path}")
            continue
        if head.key_id and key is not None and head.key_id != key.key_id:
            notes.append(f"跳过其他工作区的链头：{path.name}")
            continue
        if not head_files.mac_ok(head, key):
            scan.fail(
                min(head.entry_id, scan.last_id + 1),
                f"外部链头文件的签名无效（被伪造或改动）：{path}",
            )
            continue
        if scan.restore_cut is not None and _not_after(head.written_at, scan.restore_cut):
            notes.append(f"链头 {path.name} 早于最近一次恢复，已不适用")
            continue
        checked += 1
        if head.entry_id > scan.last_id:
            scan.fail(
                scan.last_id + 1,
                f"日志被截断：外部链头（{path.name}，{head.written_at[:19]} 写入）记录了第 "
                f"{head.entry_id} 条，数据库中只到第 {scan.last_id} 条",
            )
        elif scan.hashes.get(head.entry_id) != head.entry_hash:
            scan.fail(
                head.entry_id,
                f"第 {head.entry_id} 条与外部链头（{path.name}）记录的校验值不符（日志被改写）",
            )
    return checked


def check_chain(
    conn: Connection,
    *,
    root: Path | None = None,
    key: AuditKey | None = None,
    heads: list[tuple[Path, Any]] | None = None,
) -> ChainReport:
    """Verify the whole log: links, hashes under the key, the key's anchor, and stored heads.

    ``root`` is the workspace folder (default: the database's folder), whose key and heads
    are used unless ``key``/``heads`` are given (e.g. to check a backup file).
    """
    folder = root if root is not None else workspace_root(conn)
    recorded = _setting(conn, KEY_ID_SETTING)
    if key is None and folder is not None:
        # The log names its key; an archived key still verifies a log restored from backup.
        key = find_key(folder, recorded) if recorded is not None else load_key(folder)
    found = heads if heads is not None else (head_files.known_heads(folder) if folder else [])
    notes: list[str] = []
    if recorded is not None and (key is None or key.key_id != recorded):
        problem = (
            "审计密钥文件缺失，无法验证签名"
            if key is None
            else f"审计密钥与本工作区不符（工作区记录 {recorded}，密钥 {key.key_id}）"
        )
        last = head_files.last_entry(conn)
        return ChainReport(
            False,
            int(last[0]) if last else 0,
            1,
            problem,
            int(last[0]) if last else 0,
            last[1] if last else GENESIS,
            None,
            None,
            0,
            (),
        )
    wanted = {h.entry_id for _, h in found if h is not None}
    scan = _scan(conn, key, wanted)
    if key is not None and key.anchor_id > scan.last_id:
        scan.fail(
            scan.last_id + 1,
            f"日志被截断：密钥文件记录的锚点是第 {key.anchor_id} 条，"
            f"数据库中只到第 {scan.last_id} 条",
        )
    checked = _check_heads(scan, key, found, notes)
    return ChainReport(
        ok=scan.broken is None,
        entries=scan.entries,
        first_broken=scan.broken,
        problem=scan.problem,
        last_id=scan.last_id,
        last_hash=scan.last_hash,
        key_id=key.key_id if key else None,
        keyed_from=key.anchor_id + 1 if key else None,
        heads_checked=checked,
        notes=tuple(notes),
    )


def verify(conn: Connection) -> int | None:
    """Return the id of the first broken entry, or None when the log and its heads agree."""
    return check_chain(conn).first_broken
