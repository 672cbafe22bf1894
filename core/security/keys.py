"""The per-workspace audit key, kept in a file outside the database.

The audit chain is keyed (HMAC-SHA256) so that someone who can edit workspace.db cannot
recompute a valid chain after changing the log: they would also need this key, which
lives in ``<workspace>/keys/audit.key`` (folder 0700, file 0600 on Linux; on Windows the
workspace sits in the user's profile, whose ACL keeps other users out). Limits: the OS
account that runs the program, and any administrator of the PC, can read the key; the
chain heads written outside the database (heads.py), kept with every backup and
printable for a paper file, are the second line of defence against them.

The key file also records the anchor: the last entry written before the key existed
(an older workspace's plain SHA-256 entries), so those stay verifiable and cannot be
rewritten either — changing any of them changes the anchored hash.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from core.errors import UserError

KEY_DIR = "keys"
KEY_FILE = "audit.key"
FORMAT = "clueworks-audit-key"
GENESIS = "0" * 64

_cache: dict[Path, tuple[float, AuditKey]] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class AuditKey:
    secret: bytes
    key_id: str
    created_at: str
    anchor_id: int
    anchor_hash: str


def key_path(root: Path) -> Path:
    return root / KEY_DIR / KEY_FILE


def workspace_root(conn: Connection) -> Path | None:
    """Return the folder of the database ``conn`` is open on (None for in-memory databases)."""
    database = conn.engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).resolve().parent


def key_id_of(secret: bytes) -> str:
    """Return the public fingerprint of a key: it names the key without revealing it."""
    return hashlib.sha256(b"clueworks-audit-key-id:" + secret).hexdigest()[:16]


def _parse(raw: bytes, where: Path) -> AuditKey:
    try:
        doc = json.loads(raw.decode("utf-8"))
        if doc.get("format") != FORMAT:
            raise ValueError("format")
        secret = base64.b64decode(doc["key"], validate=True)
        if len(secret) < 32 or key_id_of(secret) != doc["key_id"]:
            raise ValueError("key")
        anchor = doc["anchor"]
        return AuditKey(
            secret,
            str(doc["key_id"]),
            str(doc["created_at"]),
            int(anchor["id"]),
            str(anchor["hash"]),
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise UserError(
            f"审计密钥文件已损坏：{where}",
            "请从保管的副本恢复该文件；在此之前无法写入或验证审计日志。",
        ) from exc


def load_key(root: Path) -> AuditKey | None:
    """Return the workspace's audit key, or None when it has none yet."""
    path = key_path(root)
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return None
    with _lock:
        cached = _cache.get(path)
        if cached is not None and cached[0] == mtime:
            return cached[1]
    key = _parse(path.read_bytes(), path)
    with _lock:
        _cache[path] = (mtime, key)
    return key


def forget_cached_keys() -> None:
    """Drop cached keys (after a key file is replaced)."""
    with _lock:
        _cache.clear()


def _document(secret: bytes, anchor_id: int, anchor_hash: str) -> bytes:
    doc = {
        "format": FORMAT,
        "version": 1,
        "key": base64.b64encode(secret).decode("ascii"),
        "key_id": key_id_of(secret),
        "created_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "anchor": {"id": anchor_id, "hash": anchor_hash},
        "note": "审计日志密钥：请勿删除或外传；管理员应另存一份副本于保密介质。",
    }
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def _write_exclusive(path: Path, data: bytes) -> bool:
    """Create ``path`` with ``data`` and mode 0600 unless it exists; return whether we made it."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)  # appears complete or not at all; fails if another process won
        made = True
    except FileExistsError:
        made = False
    except OSError:
        # No hard links (FAT/exFAT USB drives): exclusive create, then write.
        made = _create_directly(path, data)
    finally:
        tmp.unlink()
    _fsync_dir(path.parent)
    return made


def _create_directly(path: Path, data: bytes) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    return True


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open folders; its metadata writes are journaled
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def create_key(root: Path, anchor_id: int = 0, anchor_hash: str = GENESIS) -> AuditKey:
    """Create the workspace's key anchored after entry ``anchor_id``; return the key in force."""
    path = key_path(root)
    _write_exclusive(path, _document(secrets.token_bytes(32), anchor_id, anchor_hash))
    key = load_key(root)
    assert key is not None
    return key


def _archived_path(root: Path, key_id: str) -> Path:
    return root / KEY_DIR / f"audit-{key_id}.key"


def all_keys(root: Path) -> dict[str, AuditKey]:
    """Return every key kept for the workspace, the one in force and earlier ones, by key id."""
    found: dict[str, AuditKey] = {}
    folder = root / KEY_DIR
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.key")):
        try:
            key = _parse(path.read_bytes(), path)
        except UserError:
            continue
        found.setdefault(key.key_id, key)
    active = load_key(root)
    if active is not None:
        found[active.key_id] = active
    return found


def find_key(root: Path, key_id: str) -> AuditKey | None:
    """Return the workspace's key (in force or archived) with fingerprint ``key_id``."""
    active = load_key(root)
    if active is not None and active.key_id == key_id:
        return active
    return all_keys(root).get(key_id)


def read_key_file(path: Path) -> AuditKey:
    """Return the key stored in a key file (e.g. the administrator's saved copy)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"无法读取审计密钥文件：{path}", str(exc)) from exc
    return _parse(raw, path)


def keep_key(root: Path, key: AuditKey) -> Path:
    """Store ``key`` among the workspace's archived keys (not in force); return its file."""
    path = _archived_path(root, key.key_id)
    if not path.exists():
        _write_exclusive(path, _document(key.secret, key.anchor_id, key.anchor_hash))
    return path


def new_key(anchor_id: int, anchor_hash: str) -> AuditKey:
    """Return a fresh key anchored after entry ``anchor_id`` (not yet stored anywhere)."""
    secret = secrets.token_bytes(32)
    created = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    return AuditKey(secret, key_id_of(secret), created, anchor_id, anchor_hash)


def activate_key(root: Path, key: AuditKey) -> None:
    """Put ``key`` in force, keeping the previous key among the archived ones."""
    path = key_path(root)
    current = load_key(root) if path.exists() else None
    if current is not None and current.key_id == key.key_id:
        return
    if current is not None:
        keep_key(root, current)
    keep_key(root, key)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, _document(key.secret, key.anchor_id, key.anchor_hash))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    _fsync_dir(path.parent)
    forget_cached_keys()
