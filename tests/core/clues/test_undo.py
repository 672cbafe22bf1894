"""Undoing one's own latest status change and retracting one's own note."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from core import audit
from core.clues.queries import clue_detail
from core.clues.service import add_note, history, notes, retract_note, revert_status, set_status
from core.errors import UserError
from core.supervision.runner import run_models
from core.workspace import Workspace


def _a_clue(ws: Workspace) -> int:
    run_models(ws)
    with ws.read() as conn:
        return int(conn.execute(text("SELECT MIN(id) FROM clues")).scalar_one())


def test_the_latest_change_is_undone_by_its_author_only(planted: Workspace) -> None:
    clue = _a_clue(planted)
    set_status(planted, clue, "reviewing", actor="张检察官")
    with pytest.raises(UserError, match="只能由本人"):
        revert_status(planted, clue, "new", actor="李检察官")
    assert revert_status(planted, clue, "new", "误点", actor="张检察官") == "new"
    assert clue_detail(planted, clue).row.status == "new"
    with pytest.raises(UserError, match="最近一次"):  # nothing left to undo
        revert_status(planted, clue, "new", actor="张检察官")
    set_status(planted, clue, "reviewing", actor="张检察官")
    set_status(planted, clue, "confirmed", actor="张检察官")
    with pytest.raises(UserError, match="最近一次"):  # not the latest change
        revert_status(planted, clue, "new", actor="张检察官")
    revert_status(planted, clue, "reviewing", actor="张检察官")  # undo walks back step by step
    revert_status(planted, clue, "new", actor="张检察官")
    assert clue_detail(planted, clue).row.status == "new"
    events = [(e["action"], e["from_value"], e["to_value"]) for e in history(planted, clue)]
    assert ("status_revert", "reviewing", "new") in events  # the undoing stays in the history
    with planted.read() as conn:
        assert audit.verify(conn) is None


def test_an_issued_suggestion_is_not_undone(planted: Workspace) -> None:
    clue = _a_clue(planted)
    for status in ("reviewing", "confirmed", "suggestion_issued"):
        set_status(planted, clue, status, actor="张检察官")
    with pytest.raises(UserError, match="文书已登记编号"):
        revert_status(planted, clue, "confirmed", actor="张检察官")


def test_a_retracted_note_is_hidden_but_kept(planted: Workspace) -> None:
    clue = _a_clue(planted)
    keep = add_note(planted, clue, "已调取卷宗", actor="王检察官")
    wrong = add_note(planted, clue, "写错了线索", actor="王检察官")
    with pytest.raises(UserError, match="只能由本人"):
        retract_note(planted, wrong, actor="张检察官")
    retract_note(planted, wrong, actor="王检察官")
    assert [n["id"] for n in notes(planted, clue)] == [keep]
    assert [n["id"] for n in clue_detail(planted, clue).notes] == [keep]
    kept = notes(planted, clue, retracted=True)
    assert [(n["id"], n["retracted_by"]) for n in kept] == [(keep, None), (wrong, "王检察官")]
    with pytest.raises(UserError, match="已被撤回"):
        retract_note(planted, wrong, actor="王检察官")
    with planted.read() as conn:
        logged = conn.execute(text("SELECT COUNT(*) FROM audit_log WHERE action = 'clue_note_retracted'"))
        assert logged.scalar_one() == 1
