"""Re-running models updates clues in place; work on a clue survives; lost evidence goes stale."""

from __future__ import annotations

from sqlalchemy import text

from core.clues.queries import ClueFilter, clue_detail, list_clues
from core.clues.service import add_note, assign, history, set_status, set_tags
from core.supervision.catalogue import save_user_model, set_parameters
from core.supervision.runner import run_models
from core.workspace import Workspace

FL = "lending.false_litigation"

SECOND = {
    "id": "user.cash_iou",
    "version": 1,
    "name": "现金交付且仅有借条",
    "category": "民事",
    "kind": "case_screen",
    "summary": "测试用",
    "description": "民间借贷案件以现金交付且仅有借条。",
    "inputs": [{"role": "cases", "kind": "cases", "label": "民事案件"}],
    "rule": {
        "where": [
            {"field": "cause", "contains": ["民间借贷"]},
            {"flag": "cash_delivery"},
            {"flag": "iou_only"},
        ]
    },
    "clue": {"title": "{case_no}：现金交付且仅有借条"},
}


def _count(ws: Workspace, table: str) -> int:
    with ws.read() as conn:
        return int(conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one())


def test_rerun_keeps_status_notes_assignee_tags_and_adds_nothing(planted: Workspace) -> None:
    first = run_models(planted)
    clues = list_clues(planted)
    assert first.merge is not None and first.merge.new == len(clues) > 0
    target = clues[0].id
    set_status(planted, target, "reviewing")
    add_note(planted, target, "先看资金流水")
    assign(planted, target, "赵检察官")
    set_tags(planted, target, add=["重点"])
    again = run_models(planted)
    assert again.merge is not None
    assert (again.merge.new, again.merge.stale, again.merge.updated) == (0, 0, 0)
    assert again.merge.unchanged == len(clues)
    after = {c.id: c for c in list_clues(planted)}
    assert set(after) == {c.id for c in clues}
    row = after[target]
    assert (row.status, row.assignee, row.tags) == ("reviewing", "赵检察官", ["重点"])
    assert [n["text"] for n in clue_detail(planted, target).notes] == ["先看资金流水"]
    assert _count(planted, "clue_hits") == sum(len(c.model_ids) for c in clues)


def test_lost_evidence_marks_stale_and_comes_back(planted: Workspace) -> None:
    run_models(planted, [FL])
    clues = list_clues(planted, ClueFilter(model_ids=[FL]))
    four = [c for c in clues if "风险4分" in c.title]
    assert four and len(four) < len(clues)
    set_status(planted, four[0].id, "reviewing")
    set_status(planted, four[0].id, "dismissed", "正常借贷")
    # a stricter threshold: the four-point cases are no longer found
    set_parameters(planted, FL, {"threshold": 5})
    rerun = run_models(planted, [FL])
    assert rerun.merge is not None and rerun.merge.stale == len(four)
    current = {c.id: c for c in list_clues(planted)}
    assert set(current) == {c.id for c in clues}  # kept, not deleted
    assert all(current[c.id].stale for c in four)
    assert current[four[0].id].status == "dismissed"
    assert list_clues(planted, ClueFilter(model_ids=[FL], include_stale=False)) != []
    detail = clue_detail(planted, four[0].id)
    assert detail.hits[0]["active"] is False and detail.hits[0]["reasons"]  # evidence kept
    assert [e["action"] for e in history(planted, four[0].id)][-2:] == ["hit_gone", "stale"]
    set_parameters(planted, FL, {"threshold": 4})
    back = run_models(planted, [FL])
    assert back.merge is not None and back.merge.revived == len(four)
    row = {c.id: c for c in list_clues(planted)}[four[0].id]
    assert not row.stale and row.status == "dismissed"
    versions = {h["model_version"] for h in clue_detail(planted, four[0].id).hits}
    assert versions == {3}  # two saves of the workspace copy after the bundled version 1


def test_running_one_model_leaves_others_clues_alone(planted: Workspace) -> None:
    run_models(planted)
    total = len(list_clues(planted))
    run_models(planted, ["traffic.repeat_claimant"])
    assert len(list_clues(planted, ClueFilter(include_stale=False))) == total


def test_several_models_on_one_case_make_one_clue(planted: Workspace) -> None:
    save_user_model(planted, SECOND)
    run_models(planted, [FL, SECOND["id"]])
    fl_cases = {n for c in list_clues(planted, ClueFilter(model_ids=[FL])) for n in c.case_nos}
    both = [c for c in list_clues(planted) if set(c.model_ids) == {FL, SECOND["id"]}]
    assert both, "a planted case with cash and an IOU only must be hit by both models"
    for clue in both:
        same_case = [c for c in list_clues(planted) if c.case_nos == clue.case_nos]
        assert len(same_case) == 1 and clue.case_nos[0] in fl_cases
        reasons = clue_detail(planted, clue.id).reasons()
        assert {r["model_id"] for r in reasons} == {FL, SECOND["id"]}
        fl_score = max(
            h["score"] for h in clue_detail(planted, clue.id).hits if h["model_id"] == FL
        )
        assert clue.score == min(100.0, fl_score + 5)
    # the second model alone, later: the shared clue keeps both models' reasons
    run_models(planted, [SECOND["id"]])
    assert {m for c in list_clues(planted) if c.id == both[0].id for m in c.model_ids} == {
        FL,
        SECOND["id"],
    }
