"""The clue lifecycle: statuses, their Chinese names and the allowed transitions."""

from __future__ import annotations

from core.errors import UserError

NEW = "new"
REVIEWING = "reviewing"
CONFIRMED = "confirmed"
DISMISSED = "dismissed"
TRANSFERRED = "transferred"
SUGGESTION_ISSUED = "suggestion_issued"
CLOSED = "closed"

STATUS_LABELS = {
    NEW: "待核查",
    REVIEWING: "核查中",
    CONFIRMED: "已核实",
    DISMISSED: "已排除",
    TRANSFERRED: "已移送",
    SUGGESTION_ISSUED: "已制发检察建议",
    CLOSED: "已办结",
}
# from -> allowed targets. Reopening a dismissed or confirmed clue for review is allowed,
# with a reason, because a later finding can overturn an earlier check.
TRANSITIONS: dict[str, frozenset[str]] = {
    NEW: frozenset({REVIEWING}),
    REVIEWING: frozenset({CONFIRMED, DISMISSED}),
    CONFIRMED: frozenset({TRANSFERRED, SUGGESTION_ISSUED, REVIEWING}),
    DISMISSED: frozenset({REVIEWING}),
    TRANSFERRED: frozenset({CLOSED}),
    SUGGESTION_ISSUED: frozenset({CLOSED}),
    CLOSED: frozenset(),
}
# statuses a change to cannot be undone: an issued suggestion's number is in the register
NOT_UNDOABLE = frozenset({SUGGESTION_ISSUED})
# targets that need a reason
NEEDS_REASON = frozenset({DISMISSED})
REOPEN_NEEDS_REASON = frozenset({(DISMISSED, REVIEWING), (CONFIRMED, REVIEWING)})
# statuses that count as "the model was right" / "the model was wrong" for precision
CONFIRMED_LIKE = frozenset({CONFIRMED, TRANSFERRED, SUGGESTION_ISSUED, CLOSED})
DISMISSED_LIKE = frozenset({DISMISSED})


def parse_status(value: str) -> str:
    """Return the status code for a code or its Chinese name."""
    text = value.strip()
    if text in STATUS_LABELS:
        return text
    for code, label in STATUS_LABELS.items():
        if text == label:
            return code
    names = "、".join(f"{c}（{lbl}）" for c, lbl in STATUS_LABELS.items())
    raise UserError(f"不认识的线索状态“{value}”。", f"可用的状态：{names}")


def allowed_targets(current: str) -> list[str]:
    """Return the statuses a clue in ``current`` may move to, in lifecycle order."""
    order = list(STATUS_LABELS)
    return sorted(TRANSITIONS.get(current, frozenset()), key=order.index)


def can_undo(target: str) -> bool:
    """Return whether a change to ``target`` may be undone by the one who made it."""
    return target not in NOT_UNDOABLE


def needs_reason(current: str, target: str) -> bool:
    """Return whether moving from ``current`` to ``target`` needs a written reason."""
    return target in NEEDS_REASON or (current, target) in REOPEN_NEEDS_REASON


def check_transition(current: str, target: str, reason: str | None) -> None:
    """Raise a UserError unless ``current`` may change to ``target`` with this reason."""
    if target not in TRANSITIONS.get(current, frozenset()):
        allowed = TRANSITIONS.get(current, frozenset())
        hint = (
            ("可改为：" + "、".join(STATUS_LABELS[s] for s in sorted(allowed)))
            if allowed
            else ("该状态已是最终状态，不能再改。")
        )
        raise UserError(
            f"线索状态不能从“{STATUS_LABELS.get(current, current)}”改为“{STATUS_LABELS[target]}”。",
            hint,
        )
    if needs_reason(current, target) and not (reason and reason.strip()):
        what = "排除线索" if target == DISMISSED else "重新核查"
        raise UserError(f"{what}须写明理由。")
