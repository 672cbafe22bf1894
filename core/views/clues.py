"""The clue list by ids, like the case list: filters and sort in SQL, rows fetched a page at a time."""

from __future__ import annotations

import json
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from core.views.common import load_json, table_exists
from core.workspace import Workspace

# Displayed clue columns (besides the id).
CLUE_COLUMNS: tuple[str, ...] = (
    "score",
    "status",
    "title",
    "models",
    "case_nos",
    "assignee",
    "tags",
    "updated_at",
)
_SORT_SQL = {
    "score": "c.stale ASC, c.score",
    "status": "c.status",
    "title": "c.title",
    "models": "models",
    "case_nos": "c.cases",
    "assignee": "c.assignee",
    "tags": "c.tags",
    "updated_at": "c.updated_at",
    "id": "c.id",
}
_MODELS = (
    "(SELECT group_concat(h.model_name, '、') FROM clue_hits h "
    "WHERE h.clue_id = c.id AND h.active = 1) AS models"
)


@dataclass(frozen=True)
class ClueQuery:
    """What the clue list shows; the default is every clue, highest risk first."""

    model_id: str | None = None
    status: str | None = None
    min_score: float | None = None
    assignee: str | None = None  # "" means: nobody assigned
    tag: str | None = None
    text: str | None = None
    sort: str = "score"
    descending: bool = True

    @property
    def filtered(self) -> bool:
        return any(
            v not in (None, "")
            for v in (self.model_id, self.status, self.min_score, self.tag, self.text)
        ) or (self.assignee is not None)


def _where(q: ClueQuery) -> tuple[str, list[Any]]:
    conds: list[str] = []
    params: list[Any] = []
    if q.model_id:
        conds.append(
            "EXISTS (SELECT 1 FROM clue_hits h WHERE h.clue_id = c.id AND h.active = 1 "
            "AND h.model_id = ?)"
        )
        params.append(q.model_id)
    if q.status:
        conds.append("c.status = ?")
        params.append(q.status)
    if q.min_score is not None:
        conds.append("c.score >= ?")
        params.append(q.min_score)
    if q.assignee is not None:
        if q.assignee == "":
            conds.append("c.assignee IS NULL")
        else:
            conds.append("c.assignee = ?")
            params.append(q.assignee)
    if q.tag:
        conds.append("EXISTS (SELECT 1 FROM json_each(c.tags) t WHERE t.value = ?)")
        params.append(q.tag)
    if q.text and q.text.strip():
        needle = q.text.strip()
        # JSON columns may hold escaped Chinese: look inside with json_each, not in the raw text.
        conds.append(
            "(instr(c.title, ?) > 0 "
            "OR EXISTS (SELECT 1 FROM json_each(c.cases) k "
            "WHERE instr(json_extract(k.value, '$.case_no'), ?) > 0) "
            "OR EXISTS (SELECT 1 FROM json_each(c.persons) p "
            "WHERE instr(json_extract(p.value, '$.name'), ?) > 0 "
            "OR instr(json_extract(p.value, '$.id_number'), ?) > 0))"
        )
        params.extend([needle] * 4)
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def clue_ids(ws: Workspace, q: ClueQuery) -> array[int]:
    """Return the ids of the clues ``q`` selects, in its order (stale clues last by score)."""
    if q.sort not in _SORT_SQL:
        raise ValueError(f"cannot sort clues by {q.sort}")
    where, params = _where(q)
    direction = "DESC" if q.descending else "ASC"
    order = f"{_SORT_SQL[q.sort]} {direction}, c.id ASC"
    select = (
        f"SELECT c.id, {_MODELS} FROM clues c" if q.sort == "models" else "SELECT c.id FROM clues c"
    )
    sql = f"{select}{where} ORDER BY {order}"
    with ws.read() as conn:
        if not table_exists(conn, "clues"):
            return array("q")
        cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            # One JSON array unpacked in C (see core.views.cases._raw_ids).
            cur.execute(f"SELECT json_group_array(id) FROM ({sql})", params)
            packed = cur.fetchone()[0]
        finally:
            cur.close()
    return array("q", json.loads(packed) if packed else [])


def clue_rows(ws: Workspace, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Return {id: displayed values} for ``ids`` (case numbers and tags as lists)."""
    if not ids:
        return {}
    sql = (
        f"SELECT c.id, c.score, c.status, c.title, {_MODELS}, c.cases, c.assignee, c.tags, "
        f"c.updated_at, c.stale, c.subject_type FROM clues c "
        f"WHERE c.id IN ({','.join('?' * len(ids))})"
    )
    with ws.read() as conn:
        cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cur.execute(sql, list(ids))
            rows = cur.fetchall()
        finally:
            cur.close()
    out: dict[int, dict[str, Any]] = {}
    for r in rows:
        cases = load_json(r[5]) or []
        out[int(r[0])] = {
            "score": float(r[1]),
            "status": str(r[2]),
            "title": str(r[3]),
            "models": str(r[4] or ""),
            "case_nos": [str(c.get("case_no", "")) for c in cases if isinstance(c, dict)],
            "assignee": r[6],
            "tags": list(load_json(r[7]) or []),
            "updated_at": str(r[8] or ""),
            "stale": bool(r[9]),
            "subject_type": str(r[10]),
        }
    return out


@dataclass(frozen=True)
class ClueChoices:
    """What the clue filters offer: models with clues, statuses, assignees and tags in use."""

    models: list[tuple[str, str, int]]  # (model id, name, clues)
    statuses: dict[str, int]
    assignees: list[str]
    tags: list[str]


def clue_choices(ws: Workspace) -> ClueChoices:
    """Return the values the clue filters can offer."""
    with ws.read() as conn:
        if not table_exists(conn, "clues"):
            return ClueChoices([], {}, [], [])
        models = [
            (str(r[0]), str(r[1]), int(r[2]))
            for r in conn.execute(
                text(
                    "SELECT model_id, MAX(model_name), COUNT(DISTINCT clue_id) FROM clue_hits "
                    "WHERE active = 1 GROUP BY model_id ORDER BY MAX(model_name)"
                )
            )
        ]
        statuses = {
            str(r[0]): int(r[1])
            for r in conn.execute(text("SELECT status, COUNT(*) FROM clues GROUP BY status"))
        }
        assignees = [
            str(r[0])
            for r in conn.execute(
                text(
                    "SELECT DISTINCT assignee FROM clues WHERE assignee IS NOT NULL ORDER BY assignee"
                )
            )
        ]
        tags = [
            str(r[0])
            for r in conn.execute(
                text("SELECT DISTINCT t.value FROM clues c, json_each(c.tags) t ORDER BY t.value")
            )
        ]
    return ClueChoices(models, statuses, assignees, tags)
