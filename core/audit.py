"""The append-only audit log: every service that changes data writes one entry here."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import os
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, text

GENESIS = "0" * 64


def current_actor() -> str:
    """Return the acting user's name: CLUEWORKS_USER, else the OS login name."""
    name = os.environ.get("CLUEWORKS_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name on some locked-down machines
        return "unknown"


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def entry_hash(
    prev_hash: str, entry_id: int, at: str, actor: str, action: str, details: str
) -> str:
    payload = canonical_json([prev_hash, entry_id, at, actor, action, details])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(
    conn: Connection, action: str, details: Mapping[str, Any], actor: str | None = None
) -> int:
    """Append one entry inside the caller's transaction; return its id."""
    who = actor or current_actor()
    last = conn.execute(text("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")).first()
    prev_id, prev_hash = (int(last[0]), str(last[1])) if last else (0, GENESIS)
    entry_id = prev_id + 1
    at = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    body = canonical_json(dict(details))
    digest = entry_hash(prev_hash, entry_id, at, who, action, body)
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


def verify(conn: Connection) -> int | None:
    """Return the id of the first entry whose chain is broken, or None when intact."""
    prev_hash = GENESIS
    expected_id = 1
    rows = conn.execute(
        text("SELECT id, at, actor, action, details, prev_hash, hash FROM audit_log ORDER BY id")
    )
    for row in rows:
        entry_id, at, actor, action, details, prev, digest = row
        if entry_id != expected_id or prev != prev_hash:
            return int(entry_id)
        if entry_hash(prev, entry_id, at, actor, action, details) != digest:
            return int(entry_id)
        prev_hash = digest
        expected_id += 1
    return None
