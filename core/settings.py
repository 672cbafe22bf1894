"""Workspace settings (the procuratorate's name and abbreviation, …), stored and audited."""

from __future__ import annotations

from sqlalchemy import Connection, text

from core import audit
from core.errors import UserError
from core.workspace import Workspace

KNOWN = {
    "procuratorate": "本院名称，例如“示例县人民检察院”（文书标题与落款）",
    "procuratorate_abbr": "本院简称，用于文号，例如“示”→ 示检民建〔2026〕1号",
    "superior": "上级检察院名称（抄送/备案）",
}


def all_known() -> dict[str, str]:
    """Return every settable key with its description (workspace and security settings)."""
    from core.security.settings import SETTINGS

    return {**KNOWN, **{k: spec.label for k, spec in SETTINGS.items()}}


def get_setting(ws: Workspace, key: str, default: str | None = None) -> str | None:
    with ws.read() as conn:
        row = conn.execute(text("SELECT value FROM settings WHERE key = :k"), {"k": key}).first()
    return str(row[0]) if row else default


def all_settings(ws: Workspace) -> dict[str, str]:
    with ws.read() as conn:
        return {
            str(k): str(v)
            for k, v in conn.execute(text("SELECT key, value FROM settings ORDER BY key"))
        }


def store_setting(conn: Connection, key: str, value: str) -> None:
    """Write one settings row inside the caller's transaction (checks and audit are theirs)."""
    conn.execute(
        text(
            "INSERT INTO settings (key, value) VALUES (:k, :v) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
        ),
        {"k": key, "v": value},
    )


def set_setting(ws: Workspace, key: str, value: str) -> None:
    """Store a setting (administrators only once accounts exist); only known keys are accepted."""
    from core.security.guard import require
    from core.security.settings import SETTINGS

    require("settings", ws)
    if key in SETTINGS:
        value = SETTINGS[key].check(value)
    elif key not in KNOWN:
        raise UserError(
            f"未知的设置项“{key}”。", "可用：" + "；".join(f"{k}：{v}" for k, v in all_known().items())
        )
    value = value.strip()
    if not value:
        raise UserError(f"设置项“{key}”不能为空。")
    with ws.write() as conn:
        old = conn.execute(text("SELECT value FROM settings WHERE key = :k"), {"k": key}).first()
        store_setting(conn, key, value)
        audit.append(
            conn, "setting_change", {"key": key, "from": old[0] if old else None, "to": value}
        )
