"""Resolving the workspace's party mentions into stored entities, and user merges/splits."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from core import audit
from core.errors import CancelToken, UserError
from core.parties.model import Mention, Override
from core.parties.resolve import resolve
from core.workspace import Workspace


@dataclass(frozen=True)
class ResolveSummary:
    mentions: int
    entities: int
    financial: int
    seconds: float


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def load_mentions(conn: Connection) -> list[Mention]:
    rows = conn.execute(text(
        "SELECT p.id, p.name, p.name_key, p.kind, p.id_number, p.address, p.birth_date, cp.role, "
        "cp.case_id, c.filing_date FROM parties p JOIN case_parties cp ON cp.party_id = p.id "
        "JOIN cases c ON c.id = cp.case_id ORDER BY p.id"))
    return [Mention(id=r[0], name=r[1], name_key=r[2], kind=r[3], id_number=r[4], address=r[5],
                    birth_date=_date(r[6]), role=r[7], case_id=r[8], case_date=_date(r[9]))
            for r in rows]


def load_overrides(conn: Connection) -> list[Override]:
    rows = conn.execute(text("SELECT kind, party_ids, apart_from FROM entity_overrides ORDER BY id"))
    return [Override(r[0], tuple(json.loads(r[1])), tuple(json.loads(r[2] or "[]"))) for r in rows]


def resolve_entities(
    ws: Workspace,
    *,
    progress: Callable[[float], None] | None = None,
    cancel: CancelToken | None = None,
    conn: Connection | None = None,
) -> ResolveSummary:
    """Re-resolve every party mention; entity ids are kept for keys that survive."""
    if conn is None:
        with ws.write() as own:
            return resolve_entities(ws, progress=progress, cancel=cancel, conn=own)
    started = dt.datetime.now()
    mentions = load_mentions(conn)
    result = resolve(mentions, load_overrides(conn), progress=progress, cancel=cancel)
    by_mention = {m.id: m for m in mentions}
    old = {r[0]: int(r[1]) for r in conn.execute(text("SELECT key, id FROM entities"))}
    next_id = max(old.values(), default=0) + 1
    ids: dict[str, int] = {}
    rows = []
    for ent in result.entities:
        eid = old.get(ent.key)
        if eid is None:
            eid, next_id = next_id, next_id + 1
        ids[ent.key] = eid
        cases = {by_mention[m].case_id for m in ent.mention_ids if m in by_mention}
        rows.append((eid, ent.key, ent.display_name, ent.kind, ent.id_number, ent.is_financial,
                     ent.financial_kind, json.dumps(list(ent.names), ensure_ascii=False),
                     len(ent.mention_ids), len(cases)))
    raw = conn.connection.driver_connection
    assert raw is not None
    cur = raw.cursor()
    cur.execute("DELETE FROM party_entities")
    cur.execute("DELETE FROM entities")
    cur.executemany(
        "INSERT INTO entities (id, key, display_name, kind, id_number, is_financial, financial_kind, "
        "names, mention_count, case_count) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    cur.executemany(
        "INSERT INTO party_entities (party_id, entity_id, reason, score) VALUES (?,?,?,?)",
        [(ln.mention_id, ids[ln.entity_key], ln.reason, ln.score) for ln in result.links])
    cur.close()
    financial = sum(1 for e in result.entities if e.is_financial)
    seconds = (dt.datetime.now() - started).total_seconds()
    audit.append(conn, "resolve_entities", {"mentions": len(mentions), "entities": len(rows),
                                            "financial": financial})
    return ResolveSummary(len(mentions), len(rows), financial, seconds)


def _entity_parties(conn: Connection, entity_id: int) -> list[int]:
    ids = [int(r[0]) for r in conn.execute(
        text("SELECT party_id FROM party_entities WHERE entity_id = :e ORDER BY party_id"), {"e": entity_id})]
    if not ids:
        raise UserError(f"没有编号为 {entity_id} 的实体。")
    return ids


def merge_entities(ws: Workspace, entity_ids: list[int], note: str | None = None) -> ResolveSummary:
    """Record that these entities are one and re-resolve; the decision survives re-runs."""
    from core.security.guard import require

    require("merge_entities", ws)
    if len(set(entity_ids)) < 2:
        raise UserError("合并至少需要两个不同的实体。")
    with ws.write() as conn:
        party_ids = [_entity_parties(conn, e)[0] for e in entity_ids]
        _store_override(conn, "merge", party_ids, [], note)
        audit.append(conn, "entity_merge", {"entities": entity_ids, "note": note})
        return resolve_entities(ws, conn=conn)


def split_entity(ws: Workspace, entity_id: int, party_ids: list[int], note: str | None = None) -> ResolveSummary:
    """Take ``party_ids`` out of an entity for good and re-resolve."""
    from core.security.guard import require

    require("merge_entities", ws)
    with ws.write() as conn:
        members = _entity_parties(conn, entity_id)
        taken = [p for p in party_ids if p in members]
        rest = [p for p in members if p not in taken]
        if not taken or not rest:
            raise UserError("拆分时须选出该实体中的部分当事人（不能为空，也不能是全部）。")
        _store_override(conn, "split", taken, rest, note)
        audit.append(conn, "entity_split", {"entity": entity_id, "parties": taken, "note": note})
        return resolve_entities(ws, conn=conn)


def _store_override(conn: Connection, kind: str, party_ids: list[int], apart: list[int], note: str | None) -> None:
    conn.execute(text(
        "INSERT INTO entity_overrides (kind, party_ids, apart_from, note, created_at, created_by) "
        "VALUES (:k, :p, :a, :n, :at, :by)"),
        {"k": kind, "p": json.dumps(party_ids), "a": json.dumps(apart), "n": note,
         "at": dt.datetime.now().isoformat(timespec="seconds"), "by": audit.current_actor()})


def list_entities(ws: Workspace, min_cases: int = 1, limit: int = 500) -> list[dict[str, Any]]:
    """Return entities with at least ``min_cases`` cases, most cases first."""
    with ws.read() as conn:
        rows = conn.execute(text(
            "SELECT id, key, display_name, kind, id_number, is_financial, financial_kind, names, "
            "mention_count, case_count FROM entities WHERE case_count >= :m "
            "ORDER BY case_count DESC, id LIMIT :l"), {"m": min_cases, "l": limit}).mappings().all()
    out = []
    for r in rows:
        item = dict(r)
        item["names"] = json.loads(item["names"])
        item["is_financial"] = bool(item["is_financial"])
        out.append(item)
    return out


def show_entity(ws: Workspace, entity_id: int) -> dict[str, Any]:
    """Return one entity with every mention: case, role, name as written, and why it is linked."""
    with ws.read() as conn:
        row = conn.execute(text("SELECT * FROM entities WHERE id = :e"), {"e": entity_id}).mappings().first()
        if row is None:
            raise UserError(f"没有编号为 {entity_id} 的实体。")
        ent = dict(row)
        ent["names"] = json.loads(ent["names"])
        ent["is_financial"] = bool(ent["is_financial"])
        mentions = conn.execute(text(
            "SELECT p.id AS party_id, p.name, p.id_number, p.address, cp.role, c.case_no, c.cause, "
            "c.filing_date, pe.reason, pe.score FROM party_entities pe JOIN parties p ON p.id = pe.party_id "
            "JOIN case_parties cp ON cp.party_id = p.id JOIN cases c ON c.id = cp.case_id "
            "WHERE pe.entity_id = :e ORDER BY c.filing_date, c.id"), {"e": entity_id}).mappings().all()
        ent["mentions"] = [dict(m) for m in mentions]
    roles: dict[str, int] = defaultdict(int)
    for m in ent["mentions"]:
        roles[m["role"]] += 1
    ent["roles"] = dict(roles)
    return ent
