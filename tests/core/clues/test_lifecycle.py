"""The clue lifecycle: allowed and forbidden transitions, reasons, history, audit, precision."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from core import audit
from core.clues.lifecycle import STATUS_LABELS, TRANSITIONS, check_transition, parse_status
from core.clues.precision import model_precision
from core.clues.queries import ClueFilter, clue_detail, list_clues, status_counts
from core.clues.service import add_note, assign, history, notes, set_status, set_tags
from core.errors import UserError
from core.supervision.runner import run_models
from core.workspace import Workspace

ALLOWED = [(a, b) for a, targets in TRANSITIONS.items() for b in targets]
FORBIDDEN = [(a, b) for a in STATUS_LABELS for b in STATUS_LABELS if b not in TRANSITIONS[a]]


@pytest.mark.parametrize(("current", "target"), ALLOWED)
def test_allowed_transitions(current: str, target: str) -> None:
    check_transition(current, target, "核查发现的理由")


@pytest.mark.parametrize(("current", "target"), FORBIDDEN)
def test_forbidden_transitions(current: str, target: str) -> None:
    with pytest.raises(UserError, match="不能从"):
        check_transition(current, target, "理由")


def test_the_documented_path() -> None:
    assert TRANSITIONS["new"] == {"reviewing"}
    assert TRANSITIONS["reviewing"] == {"confirmed", "dismissed"}
    assert {"transferred", "suggestion_issued"} <= TRANSITIONS["confirmed"]
    assert TRANSITIONS["transferred"] == TRANSITIONS["suggestion_issued"] == {"closed"}
    assert TRANSITIONS["closed"] == frozenset()


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_dismissal_needs_a_reason(reason: str | None) -> None:
    with pytest.raises(UserError, match="须写明理由"):
        check_transition("reviewing", "dismissed", reason)


def test_status_by_chinese_name() -> None:
    assert parse_status("已制发检察建议") == "suggestion_issued"
    with pytest.raises(UserError, match="不认识的线索状态"):
        parse_status("完成")


def _first(ws: Workspace, model: str = "lending.false_litigation") -> int:
    run_models(ws, [model])
    return list_clues(ws, ClueFilter(model_ids=[model]))[0].id


def test_status_changes_are_recorded_and_audited(planted: Workspace) -> None:
    clue = _first(planted)
    set_status(planted, clue, "reviewing", actor="张检察官")
    set_status(planted, clue, "confirmed", "借条系事后补写，资金无来源", actor="张检察官")
    set_status(planted, clue, "已制发检察建议", actor="李检察官")
    with pytest.raises(UserError, match="不能从“已制发检察建议”改为“待核查”"):
        set_status(planted, clue, "new")
    set_status(planted, clue, "closed", "法院已回复并整改", actor="李检察官")
    with pytest.raises(UserError, match="最终状态"):
        set_status(planted, clue, "reviewing", "再看看")
    steps = [
        (e["actor"], e["from_value"], e["to_value"], e["reason"])
        for e in history(planted, clue)
        if e["action"] == "status"
    ]
    assert steps == [
        ("张检察官", "new", "reviewing", None),
        ("张检察官", "reviewing", "confirmed", "借条系事后补写，资金无来源"),
        ("李检察官", "confirmed", "suggestion_issued", None),
        ("李检察官", "suggestion_issued", "closed", "法院已回复并整改"),
    ]
    assert all(e["at"] for e in history(planted, clue))
    with planted.read() as conn:
        n = conn.execute(text("SELECT COUNT(*) FROM audit_log WHERE action = 'clue_status'"))
        assert n.scalar_one() == 4
        assert audit.verify(conn) is None
    assert status_counts(planted)["closed"] == 1


def test_notes_assignee_tags(planted: Workspace) -> None:
    clue = _first(planted)
    add_note(planted, clue, "已调取卷宗", actor="王检察官")
    with pytest.raises(UserError, match="不能为空"):
        add_note(planted, clue, "  ")
    assign(planted, clue, "王检察官")
    assert set_tags(planted, clue, add=["重点", "虚假诉讼"]) == ["重点", "虚假诉讼"]
    assert set_tags(planted, clue, remove=["重点"]) == ["虚假诉讼"]
    row = clue_detail(planted, clue).row
    assert row.assignee == "王检察官" and row.tags == ["虚假诉讼"]
    assert [n["text"] for n in notes(planted, clue)] == ["已调取卷宗"]
    assert [c.id for c in list_clues(planted, ClueFilter(tag="虚假诉讼"))] == [clue]
    assert [c.id for c in list_clues(planted, ClueFilter(assignee="王检察官"))] == [clue]
    actions = [e["action"] for e in history(planted, clue)]
    assert actions == ["created", "note", "assign", "tags", "tags"]
    with pytest.raises(UserError, match="没有编号为 9999 的线索"):
        set_status(planted, 9999, "reviewing")


def test_dismissal_reasons_become_precision(planted: Workspace) -> None:
    run_models(planted, ["lending.false_litigation", "traffic.repeat_claimant"])
    fl = [c.id for c in list_clues(planted, ClueFilter(model_ids=["lending.false_litigation"]))]
    for i, clue in enumerate(fl):
        set_status(planted, clue, "reviewing")
        if i == 0:
            set_status(planted, clue, "confirmed")
        else:
            set_status(planted, clue, "dismissed", "正常借贷，有银行流水" if i < 3 else "数据错误")
    stats = {p.model_id: p for p in model_precision(planted)}
    fl_stats = stats["lending.false_litigation"]
    assert (fl_stats.clues, fl_stats.confirmed, fl_stats.dismissed, fl_stats.open) == (4, 1, 3, 0)
    assert fl_stats.precision == pytest.approx(0.25)
    assert fl_stats.dismissal_reasons == {"正常借贷，有银行流水": 2, "数据错误": 1}
    assert stats["traffic.repeat_claimant"].precision is None


def test_allowed_targets_for_buttons() -> None:
    from core.clues.lifecycle import allowed_targets, needs_reason

    assert allowed_targets("new") == ["reviewing"]
    assert allowed_targets("reviewing") == ["confirmed", "dismissed"]
    assert allowed_targets("confirmed") == ["reviewing", "transferred", "suggestion_issued"]
    assert allowed_targets("closed") == []
    assert needs_reason("reviewing", "dismissed") and not needs_reason("new", "reviewing")
