"""The security and backup settings, with their defaults and the values they accept.

They live in the workspace's settings table like every other setting; core.settings
changes them (administrators only, audited). This module reads them with their defaults.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, text

from core.errors import UserError
from core.workspace import Workspace


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str
    default: str
    check: Callable[[str], str]


def _whole(low: int, high: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        try:
            number = int(value.strip())
        except ValueError:
            raise UserError(f"应为 {low} 到 {high} 之间的整数，收到：{value}") from None
        if not low <= number <= high:
            raise UserError(f"应为 {low} 到 {high} 之间的整数，收到：{value}")
        return str(number)

    return check


SETTINGS: Mapping[str, SettingSpec] = {
    s.key: s
    for s in (
        SettingSpec(
            "backup.keep", "保留的每日自动备份份数（0 表示不自动备份）", "7", _whole(0, 365)
        ),
        SettingSpec("security.idle_lock_minutes", "窗口闲置多少分钟后锁定", "10", _whole(1, 240)),
    )
}


def _spec(key: str) -> SettingSpec:
    if key not in SETTINGS:
        raise UserError(f"没有名为“{key}”的设置。", "可用设置：" + "、".join(SETTINGS))
    return SETTINGS[key]


def read_setting(conn: Connection, key: str) -> str:
    """Return a setting's value inside an open connection (its default when unset)."""
    spec = _spec(key)
    row = conn.execute(text("SELECT value FROM settings WHERE key = :k"), {"k": key}).first()
    return str(row[0]) if row else spec.default


def get_setting(ws: Workspace, key: str) -> str:
    """Return a setting's value (its default when unset)."""
    with ws.read() as conn:
        return read_setting(conn, key)


def get_int(ws: Workspace, key: str) -> int:
    """Return an integer setting; a stored value out of range counts as the default."""
    spec = _spec(key)
    try:
        return int(spec.check(get_setting(ws, key)))
    except UserError:
        return int(spec.default)
