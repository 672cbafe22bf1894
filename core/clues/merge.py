"""Turning a run's hits into clues: one clue per subject, updated in place on every run.

A clue's status, notes, assignee, tags and history are never touched here. A model that
ran and no longer finds a subject leaves its old hit inactive; a clue with no active hit
left is marked stale (kept, with its evidence as last seen). A stale clue found again
becomes current again.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, select, update

from core.store.clue_models import table
from core.supervision.conditions import CASES
from core.supervision.hits import Hit

CLUES = table("clues")
HITS = table("clue_hits")
EVENTS = table("clue_events")
CLUE_CASES = table("clue_cases")
CHUNK = 500
EXTRA_MODEL_BONUS = 5  # each further model that finds the same subject adds this to the score


@dataclass(frozen=True)
class MergeSummary:
    new: int
    updated: int
    unchanged: int
    stale: int
    revived: int


def _pk(result: Any) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _chunks(items: Sequence[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(items), CHUNK):
        yield list(items[i : i + CHUNK])


def _case_briefs(conn: Connection, case_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    ids = sorted(set(case_ids))
    out: dict[int, dict[str, Any]] = {}
    for part in _chunks(ids):
        q = select(
            CASES.c.id, CASES.c.case_no, CASES.c.cause, CASES.c.court, CASES.c.filing_date
        ).where(CASES.c.id.in_(part))
        for r in conn.execute(q):
            out[r.id] = {
                "case_id": r.id,
                "case_no": r.case_no,
                "cause": r.cause,
                "court": r.court,
                "filing_date": r.filing_date.isoformat() if r.filing_date else None,
            }
    return out


def _reasons_json(hit: Hit) -> list[dict[str, Any]]:
    # through JSON once so that dates and tuples compare equal to what is read back
    data: list[dict[str, Any]] = json.loads(
        json.dumps([r.to_json() for r in hit.reasons], ensure_ascii=False, default=str)
    )
    return data


def _event(
    conn: Connection,
    clue_id: int,
    action: str,
    who: str,
    run_id: int | None,
    frm: str | None = None,
    to: str | None = None,
    reason: str | None = None,
) -> None:
    conn.execute(
        insert(EVENTS).values(
            clue_id=clue_id,
            at=_now(),
            actor=who,
            action=action,
            from_value=frm,
            to_value=to,
            reason=reason,
            run_id=run_id,
        )
    )


def apply_hits(
    conn: Connection, run_id: int, models_run: Sequence[str], hits: Sequence[Hit], actor: str
) -> MergeSummary:
    """Merge a run's hits into the clue tables inside the caller's transaction."""
    by_subject: dict[str, list[Hit]] = defaultdict(list)
    for h in hits:
        by_subject[h.subject_key].append(h)
    existing: dict[str, Any] = {}
    for part in _chunks(sorted(by_subject)):
        for r in conn.execute(select(CLUES).where(CLUES.c.subject_key.in_(part))).mappings():
            existing[r["subject_key"]] = r
    briefs = _case_briefs(conn, {c for h in hits for c in h.case_ids})
    new = updated = unchanged = revived = 0
    touched: set[int] = set()
    for key, group in by_subject.items():
        group = _one_per_model(group)
        row = existing.get(key)
        if row is None:
            clue_id = _insert_clue(conn, run_id, group, actor)
            new += 1
        else:
            clue_id = int(row["id"])
            changed = _update_hits(conn, clue_id, run_id, group, actor)
            if row["stale"]:
                conn.execute(update(CLUES).where(CLUES.c.id == clue_id).values(stale=False))
                _event(conn, clue_id, "revived", actor, run_id, reason="重新运行模型后再次命中")
                revived += 1
            if changed:
                updated += 1
            else:
                unchanged += 1
        touched.add(clue_id)
    gone = _deactivate_missing(conn, run_id, models_run, actor)
    touched |= gone
    stale = _refresh(conn, sorted(touched), briefs, run_id, actor)
    return MergeSummary(new, updated, unchanged, stale, revived)


def _one_per_model(group: list[Hit]) -> list[Hit]:
    # a model reports a subject once; keep its best hit if a query gave it twice
    best: dict[str, Hit] = {}
    for h in group:
        if h.model_id not in best or h.score > best[h.model_id].score:
            best[h.model_id] = h
    return list(best.values())


def _hit_values(h: Hit, run_id: int) -> dict[str, Any]:
    return {
        "model_id": h.model_id,
        "model_version": h.model_version,
        "model_name": h.model_name,
        "score": h.score,
        "title": h.title,
        "summary": h.summary,
        "reasons": _reasons_json(h),
        "active": True,
        "last_run_id": run_id,
        "case_ids": list(h.case_ids),
        "persons": [dict(p) for p in h.persons],
    }


def _insert_clue(conn: Connection, run_id: int, group: list[Hit], who: str) -> int:
    top = max(group, key=lambda h: h.score)
    now = _now()
    result = conn.execute(
        insert(CLUES).values(
            subject_type=top.subject_type,
            subject_key=top.subject_key,
            title=top.title,
            score=top.score,
            status="new",
            stale=False,
            assignee=None,
            tags=[],
            cases=[],
            persons=[],
            origin="本院模型",
            created_at=now,
            updated_at=now,
            first_run_id=run_id,
            last_run_id=run_id,
        )
    )
    clue_id = _pk(result)
    for h in group:
        values = _hit_values(h, run_id)
        conn.execute(insert(HITS).values(clue_id=clue_id, first_run_id=run_id, **values))
    _event(
        conn,
        clue_id,
        "created",
        who,
        run_id,
        to="new",
        reason="由模型生成：" + "、".join(h.model_name for h in group),
    )
    return clue_id


def _update_hits(conn: Connection, clue_id: int, run_id: int, group: list[Hit], who: str) -> bool:
    old = {
        r["model_id"]: r
        for r in conn.execute(select(HITS).where(HITS.c.clue_id == clue_id)).mappings()
    }
    changed = False
    for h in group:
        values = _hit_values(h, run_id)
        prev = old.get(h.model_id)
        if prev is None:
            conn.execute(insert(HITS).values(clue_id=clue_id, first_run_id=run_id, **values))
            _event(
                conn,
                clue_id,
                "hit_added",
                who,
                run_id,
                to=h.model_id,
                reason=f"模型“{h.model_name}”也命中此线索",
            )
            changed = True
            continue
        same = (
            prev["reasons"] == values["reasons"]
            and prev["active"]
            and float(prev["score"]) == h.score
            and prev["model_version"] == h.model_version
        )
        conn.execute(update(HITS).where(HITS.c.id == prev["id"]).values(**values))
        if not same:
            changed = True
            _event(
                conn,
                clue_id,
                "hit_updated",
                who,
                run_id,
                to=h.model_id,
                reason=f"模型“{h.model_name}”（第{h.model_version}版）重新运行，命中理由有变化",
            )
    return changed


def _deactivate_missing(
    conn: Connection, run_id: int, models_run: Sequence[str], who: str
) -> set[int]:
    if not models_run:
        return set()
    rows = conn.execute(
        select(HITS.c.id, HITS.c.clue_id, HITS.c.model_name).where(
            HITS.c.model_id.in_(list(models_run)),
            HITS.c.active.is_(True),
            HITS.c.last_run_id != run_id,
        )
    ).all()
    for r in rows:
        conn.execute(update(HITS).where(HITS.c.id == r.id).values(active=False))
        _event(
            conn,
            r.clue_id,
            "hit_gone",
            who,
            run_id,
            reason=f"模型“{r.model_name}”重新运行后不再命中",
        )
    return {int(r.clue_id) for r in rows}


def _refresh(
    conn: Connection,
    clue_ids: Sequence[int],
    briefs: dict[int, dict[str, Any]],
    run_id: int,
    who: str,
) -> int:
    """Recompute title, score, cases and persons of touched clues; mark empty ones stale."""
    stale = 0
    for part in _chunks(clue_ids):
        hits: dict[int, list[Any]] = defaultdict(list)
        for r in conn.execute(select(HITS).where(HITS.c.clue_id.in_(part))).mappings():
            hits[int(r["clue_id"])].append(r)
        current = {
            r.id: r
            for r in conn.execute(select(CLUES.c.id, CLUES.c.stale).where(CLUES.c.id.in_(part)))
        }
        missing = sorted(
            {c for hs in hits.values() for h in hs if h["active"] for c in h["case_ids"]}
            - set(briefs)
        )
        briefs.update(_case_briefs(conn, missing))
        for clue_id in part:
            active = [h for h in hits[clue_id] if h["active"]]
            if not active:
                if not current[clue_id].stale:
                    conn.execute(
                        update(CLUES)
                        .where(CLUES.c.id == clue_id)
                        .values(stale=True, updated_at=_now(), last_run_id=run_id)
                    )
                    _event(
                        conn,
                        clue_id,
                        "stale",
                        who,
                        run_id,
                        reason="重新运行后，所有模型都不再命中（依据的数据可能已变化）；线索保留备查",
                    )
                    stale += 1
                continue
            _write_summary(conn, clue_id, active, briefs, run_id)
    return stale


def _write_summary(
    conn: Connection,
    clue_id: int,
    active: list[Any],
    briefs: dict[int, dict[str, Any]],
    run_id: int,
) -> None:
    top = max(active, key=lambda h: float(h["score"]))
    score = min(100.0, float(top["score"]) + EXTRA_MODEL_BONUS * (len(active) - 1))
    case_ids: list[int] = []
    persons: list[dict[str, Any]] = []
    seen: set[tuple[Any, Any]] = set()
    for h in sorted(active, key=lambda h: -float(h["score"])):
        for c in h["case_ids"]:
            if c not in case_ids:
                case_ids.append(c)
        for p in h["persons"]:
            k = (p.get("name"), p.get("id_number"))
            if k not in seen:
                seen.add(k)
                persons.append(p)
    conn.execute(
        update(CLUES)
        .where(CLUES.c.id == clue_id)
        .values(
            title=top["title"],
            score=score,
            cases=[briefs[c] for c in case_ids if c in briefs],
            persons=persons,
            updated_at=_now(),
            last_run_id=run_id,
            stale=False,
        )
    )
    conn.execute(delete(CLUE_CASES).where(CLUE_CASES.c.clue_id == clue_id))
    if case_ids:
        conn.execute(
            insert(CLUE_CASES),
            [{"clue_id": clue_id, "case_id": c} for c in case_ids if c in briefs],
        )


def active_models(conn: Connection, clue_id: int) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            select(HITS.c.model_id)
            .where(and_(HITS.c.clue_id == clue_id, HITS.c.active.is_(True)))
            .order_by(HITS.c.model_id)
        )
    ]
