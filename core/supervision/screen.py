"""Case screen: conditions on one case's fields and text features, weighted indicators, a threshold."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, case, literal, select

from core.supervision.conditions import case_from, compile_all, compile_condition, joined
from core.supervision.describe import condition_text, fill, show
from core.supervision.evidence import explain, load_cases, persons_of
from core.supervision.hits import Hit, Reason, case_subject, ratio_score
from core.supervision.rules import CaseScreenRule
from core.supervision.spec import ResolvedModel


def screen_query(rule: CaseScreenRule, case_datasets: list[int] | None) -> Any:
    """Return the SELECT of (id, case_no_key, one 0/weight column per indicator, score)."""
    src = case_from("c")
    active = [i for i in rule.indicators if i.enabled]
    cols: list[Any] = [
        case((compile_condition(i.when, src), literal(float(i.weight))), else_=literal(0.0)).label(
            f"ind_{i.id}"
        )
        for i in active
    ]
    total: Any = literal(0.0)
    for col in cols:
        total = total + col
    where = compile_all(rule.where, src)
    if case_datasets is not None:
        where = where & src.case.c.dataset_id.in_(case_datasets)
    inner = (
        select(src.case.c.id, src.case.c.case_no_key, *cols, total.label("score"))
        .select_from(joined(src))
        .where(where)
        .subquery("screen")
    )
    stmt = select(inner)
    if active and rule.threshold is not None:
        stmt = stmt.where(inner.c.score >= rule.threshold)
    return stmt.order_by(inner.c.id)


def count_screen(conn: Connection, model: ResolvedModel, case_datasets: list[int] | None) -> int:
    from sqlalchemy import func

    sub = screen_query(model.rule, case_datasets).subquery()  # type: ignore[arg-type]
    return int(conn.execute(select(func.count()).select_from(sub)).scalar_one())


def run_screen(
    conn: Connection, model: ResolvedModel, case_datasets: list[int] | None
) -> list[Hit]:
    """Return one hit per case that passes the filters and reaches the threshold."""
    rule = model.rule
    assert isinstance(rule, CaseScreenRule)
    rows = conn.execute(screen_query(rule, case_datasets)).mappings().all()
    infos = load_cases(conn, [r["id"] for r in rows])
    active = [i for i in rule.indicators if i.enabled]
    spec = model.spec
    hits = []
    for row in rows:
        info = infos[row["id"]]
        reasons = []
        for ind in active:
            weight = float(row[f"ind_{ind.id}"])
            if weight <= 0:  # did not fire (or weighs nothing): not a reason
                continue
            values, spans = explain(conn, ind.when, info)
            label = fill(ind.label, model.values)
            reasons.append(
                Reason(
                    ind.id,
                    label,
                    _detail(label, values, weight),
                    weight,
                    info.id,
                    info.case_no,
                    values,
                    tuple(spans),
                )
            )
        for cond in rule.where:
            values, spans = explain(conn, cond, info)
            label = condition_text(cond)
            reasons.append(
                Reason(
                    "filter",
                    label,
                    _detail(f"筛选条件：{label}", values, None),
                    None,
                    info.id,
                    info.case_no,
                    values,
                    tuple(spans),
                )
            )
        raw = float(row["score"])
        threshold = float(rule.threshold) if rule.threshold is not None else raw
        labels = "、".join(r.label for r in reasons if r.indicator != "filter")
        fields = {
            **{k: show(v) for k, v in model.values.items()},
            "case_no": info.case_no,
            "cause": info.fields.get("cause") or "",
            "court": info.fields.get("court") or "",
            "score": show(raw),
            "indicators": labels,
            "parties": "、".join(p["name"] for p in persons_of(info)),
        }
        summary = (
            f"命中指标：{labels}（合计{show(raw)}分，阈值{show(threshold)}分）"
            if active
            else "符合筛选条件"
        )
        hits.append(
            Hit(
                spec.id,
                spec.version,
                spec.name,
                "case",
                case_subject(row["case_no_key"]),
                fill(spec.clue.title, fields),
                summary,
                ratio_score(raw, threshold) if active else 60.0,
                raw,
                tuple(reasons),
                (info.id,),
                tuple(persons_of(info)),
            )
        )
    return hits


def _detail(label: str, values: dict[str, Any], weight: float | None) -> str:
    shown = "；".join(f"{k}：{show(v)}" for k, v in values.items() if not isinstance(v, bool))
    points = f"（{show(weight)}分）" if weight is not None else ""
    return f"{label}{points}" + (f"——{shown}" if shown else "")
