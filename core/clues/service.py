"""Working a clue: status changes, notes, assignee and tags — each recorded and audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert, select, update

from core import audit
from core.clues.lifecycle import STATUS_LABELS, can_undo, check_transition, parse_status
from core.errors import UserError
from core.store.clue_models import table
from core.workspace import Workspace

CLUES = table("clues")
EVENTS = table("clue_events")
NOTES = table("clue_notes")
MAX_NOTE = 20000


def _pk(result: Any) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _clue(conn: Connection, clue_id: int) -> Any:
    row = conn.execute(select(CLUES).where(CLUES.c.id == clue_id)).mappings().first()
    if row is None:
        raise UserError(f"没有编号为 {clue_id} 的线索。")
    return row


def _event(
    conn: Connection,
    clue_id: int,
    who: str,
    action: str,
    frm: str | None,
    to: str | None,
    reason: str | None,
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
            run_id=None,
        )
    )


def _move(conn: Connection, clue_id: int, who: str, action: str, current: str, target: str,
          reason: str | None) -> None:
    """Set the status, with its history event (``action``) and audit entry (``clue_<action>``)."""
    text = reason.strip() if reason else None
    conn.execute(update(CLUES).where(CLUES.c.id == clue_id).values(status=target, updated_at=_now()))
    _event(conn, clue_id, who, action, current, target, text)
    audit.append(conn, f"clue_{action}", {"clue": clue_id, "from": current, "to": target,
                                          "reason": text}, actor=who)


def set_status(
    ws: Workspace, clue_id: int, status: str, reason: str | None = None, actor: str | None = None
) -> str:
    """Move a clue to ``status`` (code or Chinese name) if the lifecycle allows; return it."""
    from core.security.guard import require

    require("work_clues", ws)
    target = parse_status(status)
    who = actor or audit.current_actor()
    with ws.write() as conn:
        row = _clue(conn, clue_id)
        current = str(row["status"])
        check_transition(current, target, reason)
        _move(conn, clue_id, who, "status", current, target, reason)
    return target


def add_note(ws: Workspace, clue_id: int, text: str, actor: str | None = None) -> int:
    """Add a note to a clue; return the note id."""
    from core.security.guard import require

    require("annotate", ws)
    body = (text or "").strip()
    if not body:
        raise UserError("批注内容不能为空。")
    if len(body) > MAX_NOTE:
        raise UserError(f"批注过长（{len(body)} 字），请控制在 {MAX_NOTE} 字以内。")
    who = actor or audit.current_actor()
    with ws.write() as conn:
        _clue(conn, clue_id)
        result = conn.execute(
            insert(NOTES).values(clue_id=clue_id, at=_now(), actor=who, text=body)
        )
        note_id = _pk(result)
        _event(conn, clue_id, who, "note", None, None, body[:200])
        audit.append(conn, "clue_note", {"clue": clue_id, "note": note_id, "text": body}, actor=who)
    return note_id


def revert_status(
    ws: Workspace, clue_id: int, back_to: str, reason: str | None = None, actor: str | None = None
) -> str:
    """Undo the clue's latest status change, made by ``actor``, back to ``back_to``.

    This is the way back the lifecycle itself does not offer (待核查 → 核查中 has no
    return): only the latest change not yet undone (so undoing walks back step by step),
    only by the person who made it, and never one that issued a numbered document. Both
    the change and its undoing stay in the history.
    """
    from core.security.guard import require

    require("work_clues", ws)
    target = parse_status(back_to)
    who = actor or audit.current_actor()
    with ws.write() as conn:
        row = _clue(conn, clue_id)
        current = str(row["status"])
        last = _latest_change(conn, clue_id)
        if last is None or last["to_value"] != current or last["from_value"] != target:
            raise UserError("只能撤销该线索最近一次的状态变更。")
        if last["actor"] != who:
            raise UserError(f"这次状态变更是“{last['actor']}”做的，只能由本人撤销。")
        if not can_undo(current):
            raise UserError(
                "已制发检察建议的线索不能撤销状态：文书已登记编号。",
                "如需更正，请在文书登记中处理。",
            )
        _move(conn, clue_id, who, "status_revert", current, target, reason)
    return target


def _latest_change(conn: Connection, clue_id: int) -> Any:
    """Return the latest status change not already undone (each undo cancels the latest)."""
    undone = 0
    events = conn.execute(
        select(EVENTS)
        .where(EVENTS.c.clue_id == clue_id, EVENTS.c.action.in_(("status", "status_revert")))
        .order_by(EVENTS.c.id.desc())
    ).mappings()
    for event in events:
        if event["action"] == "status_revert":
            undone += 1
        elif undone:
            undone -= 1
        else:
            return event
    return None


def retract_note(ws: Workspace, note_id: int, actor: str | None = None) -> None:
    """Retract one's own note: it is no longer listed, but kept with who and when."""
    from core.security.guard import require

    require("annotate", ws)
    who = actor or audit.current_actor()
    with ws.write() as conn:
        row = conn.execute(select(NOTES).where(NOTES.c.id == note_id)).mappings().first()
        if row is None or row["retracted_at"] is not None:
            raise UserError(f"没有编号为 {note_id} 的批注，或它已被撤回。")
        if row["actor"] != who:
            raise UserError(f"这条批注是“{row['actor']}”写的，只能由本人撤回。")
        conn.execute(
            update(NOTES).where(NOTES.c.id == note_id).values(retracted_at=_now(), retracted_by=who)
        )
        _event(conn, int(row["clue_id"]), who, "note_retracted", None, None, str(row["text"])[:200])
        audit.append(
            conn, "clue_note_retracted", {"clue": row["clue_id"], "note": note_id}, actor=who
        )


def assign(ws: Workspace, clue_id: int, assignee: str | None, actor: str | None = None) -> None:
    """Set (or clear, with None) who works the clue."""
    from core.security.guard import require

    require("work_clues", ws)
    who = actor or audit.current_actor()
    name = assignee.strip() if assignee and assignee.strip() else None
    with ws.write() as conn:
        row = _clue(conn, clue_id)
        before = row["assignee"]
        if before == name:
            return
        conn.execute(
            update(CLUES).where(CLUES.c.id == clue_id).values(assignee=name, updated_at=_now())
        )
        _event(conn, clue_id, who, "assign", before, name, None)
        audit.append(conn, "clue_assign", {"clue": clue_id, "from": before, "to": name}, actor=who)


def set_tags(
    ws: Workspace,
    clue_id: int,
    add: Sequence[str] = (),
    remove: Sequence[str] = (),
    actor: str | None = None,
) -> list[str]:
    """Add and remove tags on a clue; return the tags it now has."""
    from core.security.guard import require

    require("work_clues", ws)
    who = actor or audit.current_actor()
    with ws.write() as conn:
        row = _clue(conn, clue_id)
        before = list(row["tags"] or [])
        after = [t for t in before if t not in set(remove)]
        for tag in (t.strip() for t in add):
            if tag and tag not in after:
                if len(tag) > 50:
                    raise UserError(f"标签“{tag[:20]}…”过长（最多 50 字）。")
                after.append(tag)
        if after == before:
            return after
        conn.execute(
            update(CLUES).where(CLUES.c.id == clue_id).values(tags=after, updated_at=_now())
        )
        _event(conn, clue_id, who, "tags", "、".join(before), "、".join(after), None)
        audit.append(conn, "clue_tags", {"clue": clue_id, "from": before, "to": after}, actor=who)
    return after


def history(ws: Workspace, clue_id: int) -> list[dict[str, Any]]:
    """Return every recorded change of a clue, oldest first (who, when, what, from, to, why)."""
    with ws.read() as conn:
        _clue(conn, clue_id)
        rows = (
            conn.execute(select(EVENTS).where(EVENTS.c.clue_id == clue_id).order_by(EVENTS.c.id))
            .mappings()
            .all()
        )
    out = []
    for r in rows:
        item = dict(r)
        if r["action"] == "status":
            item["from_label"] = STATUS_LABELS.get(r["from_value"] or "", r["from_value"])
            item["to_label"] = STATUS_LABELS.get(r["to_value"] or "", r["to_value"])
        out.append(item)
    return out


def notes(ws: Workspace, clue_id: int, *, retracted: bool = False) -> list[dict[str, Any]]:
    """Return a clue's notes, oldest first; retracted ones only when ``retracted``."""
    query = select(NOTES).where(NOTES.c.clue_id == clue_id).order_by(NOTES.c.id)
    if not retracted:
        query = query.where(NOTES.c.retracted_at.is_(None))
    with ws.read() as conn:
        _clue(conn, clue_id)
        rows = conn.execute(query).mappings().all()
    return [dict(r) for r in rows]
