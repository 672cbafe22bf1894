"""Every bundled model on a real planted workspace: positives found, decoys and background not."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.dialects import mysql, postgresql

from core.clues.queries import ClueFilter, list_clues
from core.errors import Cancelled, CancelToken, UserError
from core.supervision.catalogue import catalogue, resolved
from core.supervision.collision import pair_query as collision_query
from core.supervision.conditions import CASES
from core.supervision.evidence import features_query
from core.supervision.frequency import _base, _windows, counterparts_query
from core.supervision.inputs import select_inputs
from core.supervision.link import pair_query as link_query
from core.supervision.runner import dry_run, run_models
from core.supervision.screen import screen_query
from core.workspace import Workspace
from tools.demogen.plant import MODELS, clue_matches


def _clues(ws: Workspace, model: str) -> list[Any]:
    return list_clues(ws, ClueFilter(model_ids=[model], include_stale=False))


def _found(item: dict[str, Any], clues: list[Any]) -> bool:
    return any(clue_matches(item, c.subject_type, c.case_nos, c.persons) for c in clues)


def test_each_model_finds_its_planted_positives_and_no_decoy(
    planted: Workspace, truth: dict[str, Any]
) -> None:
    report = run_models(planted)
    assert [o.model_id for o in report.outcomes if o.skipped] == []
    for model in MODELS:
        clues = _clues(planted, model)
        positives, decoys = truth[model]["positives"], truth[model]["decoys"]
        assert positives and decoys
        missed = [p for p in positives if not _found(p, clues)]
        raised = [d for d in decoys if _found(d, clues)]
        extra = [
            c.title
            for c in clues
            if not any(clue_matches(p, c.subject_type, c.case_nos, c.persons) for p in positives)
        ]
        assert (missed, raised, extra) == ([], [], []), model


def test_reasons_carry_values_and_text_spans(planted: Workspace, truth: dict[str, Any]) -> None:
    from core.clues.queries import clue_detail

    run_models(planted, ["lending.false_litigation", "social.pension_after_death"])
    case_clue = _clues(planted, "lending.false_litigation")[0]
    reasons = clue_detail(planted, case_clue.id).reasons()
    fired = [r for r in reasons if r["indicator"] != "filter"]
    assert len(fired) >= 4 and all(r["weight"] == 1.0 for r in fired)
    spans = [s for r in fired for s in r["spans"] if s["start"] >= 0]
    assert spans and all(s["text"] and s["cue"] in s["text"] for s in spans)
    with planted.read() as conn:
        full = conn.execute(
            text(
                "SELECT full_text FROM case_texts t JOIN cases c ON c.id = t.case_id "
                "WHERE c.case_no = :n"
            ),
            {"n": spans[0]["case_no"]},
        ).scalar_one()
    assert full[spans[0]["start"] : spans[0]["end"]] == spans[0]["cue"]
    person = _clues(planted, "social.pension_after_death")[0]
    right = next(r for r in clue_detail(planted, person.id).reasons() if r["indicator"] == "right")
    assert right["values"]["记录数"] >= 1 and "第" in right["values"]["记录示例"][0]["来源"]


def test_jiangsu_preset_flags_a_year_of_five_suits(
    planted: Workspace, truth: dict[str, Any]
) -> None:
    from core.supervision.catalogue import set_parameters

    set_parameters(planted, "lending.professional_lender", {}, preset="jiangsu_2019")
    run_models(planted, ["lending.professional_lender"])
    clues = _clues(planted, "lending.professional_lender")
    decoys = truth["lending.professional_lender"]["decoys"]
    by_name = {d["entity"]: _found(d, clues) for d in decoys}
    # ten suits against three borrowers in 18 months: five a year, so Jiangsu counts it;
    # twelve suits spread over four years never reach five in a year; banks never count
    assert sorted(by_name.values()) == [False, False, True]
    for p in truth["lending.professional_lender"]["positives"]:
        assert _found(p, clues)


def test_every_model_compiles_for_server_databases(planted: Workspace) -> None:
    with planted.read() as conn:
        for info in catalogue(planted).models:
            model = resolved(planted, info.id)
            sel = select_inputs(conn, model.spec)
            rule: Any = model.rule
            if info.spec.kind == "case_screen":
                stmts = [screen_query(rule, None)]
            elif info.spec.kind == "case_link":
                stmts = [link_query(rule, None)]
            elif info.spec.kind == "entity_frequency":
                stmts = [_base(rule, t, None, True) for t in rule.tests]
                for t in rule.tests:
                    base = _base(rule, t, None, True, [1, 2]).subquery()
                    stmts += [counterparts_query(base, t)] if t.distinct_role else []
            else:
                stmts = [collision_query(conn, rule, sel.datasets["left"], sel.datasets["right"])]
            for stmt in stmts:
                for dialect in (postgresql.dialect(), mysql.dialect()):
                    sql = str(stmt.compile(dialect=dialect))
                    assert "julianday" not in sql and "start of month" not in sql, info.id
        for dialect in (postgresql.dialect(), mysql.dialect()):
            assert "max(" not in str(features_query([1]).compile(dialect=dialect)).lower()
        freq = resolved(planted, "lending.professional_lender")
        assert _windows(conn, freq.rule, freq.rule.tests[0], None)  # type: ignore[union-attr]


def test_progress_and_run_record(planted: Workspace) -> None:
    seen: list[tuple[float, str]] = []
    report = run_models(
        planted,
        ["traffic.repeat_claimant", "social.pension_after_death"],
        progress=lambda f, m: seen.append((f, m)),
    )
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any("交通事故赔偿高频原告" in m for _, m in seen)
    with planted.read() as conn:
        row = (
            conn.execute(
                text("SELECT status, models, datasets, seconds FROM model_runs WHERE id = :i"),
                {"i": report.run_id},
            )
            .mappings()
            .one()
        )
    import json

    models = json.loads(row["models"])
    assert row["status"] == "done" and row["seconds"] > 0
    assert [m["model_id"] for m in models] == [
        "traffic.repeat_claimant",
        "social.pension_after_death",
    ]
    assert models[0]["version"] == 1 and models[0]["parameters"]["min_plaintiff_cases"] == 3
    assert set(models[1]["datasets"]) == {"left", "right"} and json.loads(row["datasets"])


def test_cancel_changes_no_clue_and_is_recorded(planted: Workspace) -> None:
    token = CancelToken()

    def progress(fraction: float, message: str) -> None:
        if fraction > 0.2:
            token.cancel()

    with pytest.raises(Cancelled):
        run_models(planted, progress=progress, cancel=token)
    assert list_clues(planted) == []
    with planted.read() as conn:
        assert conn.execute(text("SELECT status FROM model_runs")).scalars().all() == ["cancelled"]


def test_inputs_by_list_type_or_as_told(planted: Workspace) -> None:
    with planted.read() as conn:
        ids = dict(
            conn.execute(text("SELECT list_type, id FROM datasets WHERE kind = 'list'")).all()
        )
        case_ds = conn.execute(text("SELECT id FROM datasets WHERE kind = 'cases'")).scalars().all()
    report = run_models(planted, ["social.pension_after_death"])
    assert report.outcomes[0].datasets == {
        "left": [ids["death_registry"]],
        "right": [ids["pension_payments"]],
    }
    first = report.outcomes[0].hits
    # told to read the licence list (dated status changes) as the right-hand list
    report = run_models(
        planted,
        ["social.pension_after_death"],
        inputs={"social.pension_after_death:right": [ids["driver_licences"]]},
    )
    assert report.outcomes[0].datasets["right"] == [ids["driver_licences"]]
    assert report.outcomes[0].hits != first
    with pytest.raises(UserError, match="不是名单数据"):
        run_models(planted, ["social.pension_after_death"], inputs={"left": [case_ds[0]]})
    with pytest.raises(UserError, match="没有编号为 999 的数据集"):
        run_models(planted, ["social.pension_after_death"], inputs={"left": [999]})


def test_missing_list_skips_the_model(workspace: Workspace) -> None:
    report = run_models(workspace, ["traffic.drunk_driving_licence"])
    assert report.outcomes[0].skipped and "危险驾驶罪判决名单" in report.outcomes[0].skipped


def test_dry_run_counts_without_writing(planted: Workspace, truth: dict[str, Any]) -> None:
    info = catalogue(planted).get("lending.false_litigation")
    base = dry_run(planted, info)
    assert base.count == len(truth["lending.false_litigation"]["positives"])
    looser = dry_run(planted, info, overrides={"threshold": 3})
    assert looser.count > base.count
    assert list_clues(planted) == []
    with planted.read() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM model_runs")).scalar_one() == 0
        assert conn.execute(CASES.select().limit(1)).first() is not None


def test_a_failing_model_changes_no_clue(
    planted: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    import core.supervision.runner as runner

    run_models(planted, ["traffic.repeat_claimant"])
    before = [(c.id, c.score) for c in list_clues(planted)]

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(runner, "run_collision", broken)
    with pytest.raises(RuntimeError):
        run_models(planted, ["lending.false_litigation", "social.pension_after_death"])
    assert [(c.id, c.score) for c in list_clues(planted)] == before
    with planted.read() as conn:
        statuses = conn.execute(text("SELECT status FROM model_runs ORDER BY id")).scalars().all()
    assert statuses == ["done", "failed"]
