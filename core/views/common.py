"""Small helpers the view modules share."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text


def table_exists(conn: Connection, name: str) -> bool:
    """Return whether the workspace has table ``name`` (features added by later migrations)."""
    found = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type='table' AND name=:n"), {"n": name}
    ).first()
    return found is not None


def parse_date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def load_json(raw: Any) -> Any:
    if raw is None:
        return {}
    if isinstance(raw, str | bytes):
        try:
            return json.loads(raw)
        except ValueError:
            return {}
    return raw


@dataclass(frozen=True)
class CountSeries:
    """Labelled counts for a chart: ``labels[i]`` has ``values[i]``."""

    labels: list[str] = field(default_factory=list)
    values: list[int] = field(default_factory=list)
