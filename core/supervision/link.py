"""Case link: two cases sharing a resolved entity, with a time relation and conditions on each."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, and_, literal, select

from core.supervision.conditions import (
    CASE_PARTIES,
    ENTITIES,
    PARTIES,
    PARTY_ENTITIES,
    case_from,
    compile_all,
    joined,
)
from core.supervision.describe import fill, show
from core.supervision.evidence import CaseInfo, explain, load_cases, persons_of
from core.supervision.hits import Hit, Reason, count_score, pair_subject
from core.supervision.rules import CaseLinkRule, DateBound, LinkSide
from core.supervision.spec import ResolvedModel
from core.supervision.sqlfuncs import DateShift
from core.supervision.vocabulary import CASE_FIELDS, ROLES


def _side(rule: CaseLinkRule, side: LinkSide, datasets: list[int] | None, name: str) -> Any:
    """Return the CTE of (entity, case, dates, role) rows meeting one side's conditions."""
    src = case_from(f"{name}c")
    cp, p = CASE_PARTIES.alias(f"{name}cp"), PARTIES.alias(f"{name}p")
    pe, e = PARTY_ENTITIES.alias(f"{name}pe"), ENTITIES.alias(f"{name}e")
    where = [
        cp.c.role.in_(list(side.roles)),
        compile_all(side.where, src),
        e.c.kind.in_(list(rule.entity_kinds)),
        pe.c.score >= rule.min_link_score,
    ]
    if rule.exclude_financial:
        where.append(e.c.is_financial == literal(False))
    if datasets is not None:
        where.append(src.case.c.dataset_id.in_(datasets))
    c = src.case.c
    return (
        select(
            pe.c.entity_id,
            c.id.label("case_id"),
            c.case_no_key,
            c.filing_date,
            c.closing_date,
            cp.c.role,
        )
        .select_from(
            joined(src)
            .join(cp, cp.c.case_id == c.id)
            .join(p, p.c.id == cp.c.party_id)
            .join(pe, pe.c.party_id == p.c.id)
            .join(e, e.c.id == pe.c.entity_id)
        )
        .where(*where)
        .distinct()
        .cte(f"link_{name}")
    )


def _bound(a: Any, bound: DateBound) -> Any:
    col = a.c[bound.a_field]
    if bound.months or bound.days:
        return DateShift(col, months=bound.months, days=bound.days)
    return col


def pair_query(rule: CaseLinkRule, datasets: list[int] | None) -> Any:
    """Return the SELECT of linked pairs: (a case, b case, shared entity, roles)."""
    a, b = _side(rule, rule.a, datasets, "a"), _side(rule, rule.b, datasets, "b")
    b_date = b.c[rule.time.b_field]
    cond = [a.c.entity_id == b.c.entity_id, a.c.case_id != b.c.case_id, b_date.is_not(None)]
    if rule.time.from_ is not None:
        cond.append(b_date >= _bound(a, rule.time.from_))
    if rule.time.to is not None:
        cond.append(b_date <= _bound(a, rule.time.to))
    return (
        select(
            a.c.case_id.label("a_id"),
            a.c.case_no_key.label("a_key"),
            b.c.case_id.label("b_id"),
            b.c.case_no_key.label("b_key"),
            a.c.entity_id,
            a.c.role.label("a_role"),
            b.c.role.label("b_role"),
        )
        .select_from(a.join(b, and_(*cond)))
        .distinct()
        .order_by(a.c.case_id, b.c.case_id)
    )


def run_link(
    conn: Connection, model: ResolvedModel, datasets: list[int] | None, count_only: bool = False
) -> list[Hit]:
    """Return one hit per linked pair of cases."""
    rule = model.rule
    assert isinstance(rule, CaseLinkRule)
    pairs: dict[str, dict[str, Any]] = {}
    for r in conn.execute(pair_query(rule, datasets)).mappings():
        key = pair_subject(r["a_key"], r["b_key"])
        item = pairs.setdefault(key, {"a": r["a_id"], "b": r["b_id"], "shared": defaultdict(set)})
        if item["a"] == r["a_id"]:  # the reverse pair (b as A) adds nothing new
            item["shared"][r["entity_id"]].add((r["a_role"], r["b_role"]))
    if count_only:
        s = model.spec
        return [Hit(s.id, s.version, s.name, "case_pair", k, "", "", 0, 0, (), ()) for k in pairs]
    infos = load_cases(conn, {v for p in pairs.values() for v in (p["a"], p["b"])})
    entity_ids = {e for p in pairs.values() for e in p["shared"]}
    ents = {
        r.id: r
        for r in conn.execute(
            select(ENTITIES.c.id, ENTITIES.c.display_name, ENTITIES.c.id_number).where(
                ENTITIES.c.id.in_(list(entity_ids))
            )
        )
    }
    return [
        _hit(conn, model, key, infos[p["a"]], infos[p["b"]], p["shared"], ents)
        for key, p in pairs.items()
    ]


def _hit(
    conn: Connection,
    model: ResolvedModel,
    key: str,
    a: CaseInfo,
    b: CaseInfo,
    shared: dict[int, set[tuple[str, str]]],
    ents: dict[int, Any],
) -> Hit:
    rule = model.rule
    assert isinstance(rule, CaseLinkRule)
    spec = model.spec
    reasons: list[Reason] = []
    for tag, side, info in (("a", rule.a, a), ("b", rule.b, b)):
        values: dict[str, Any] = {"案号": info.case_no, "案由": info.fields.get("cause")}
        spans = []
        for cond in side.where:
            v, s = explain(conn, cond, info)
            values.update(v)
            spans.extend(s)
        # a flag or feature that held is shown by its name; a field with its value
        shown = "；".join(
            k if v is True else f"{k}：{show(v)}"
            for k, v in values.items()
            if v is not None and v is not False
        )
        reasons.append(
            Reason(
                f"case_{tag}",
                f"{tag.upper()}案：{side.label}",
                f"{tag.upper()}案（{side.label}）{shown}",
                None,
                info.id,
                info.case_no,
                values,
                tuple(spans[:6]),
            )
        )
    names = []
    persons = []
    for eid, roles in sorted(shared.items()):
        ent = ents[eid]
        names.append(ent.display_name)
        persons.append(
            {
                "name": ent.display_name,
                "id_number": ent.id_number,
                "role": "、".join(sorted({ROLES[x] for pair in roles for x in pair})),
            }
        )
        role_text = "；".join(f"A案{ROLES[ra]}、B案{ROLES[rb]}" for ra, rb in sorted(roles))
        link = _link_reasons(a, b, eid)
        reasons.append(
            Reason(
                "shared",
                "同一主体",
                f"同一主体：{ent.display_name}（{role_text}）"
                + (f"，识别依据：{link}" if link else ""),
                None,
                None,
                None,
                {
                    "主体": ent.display_name,
                    "公民身份号码": ent.id_number,
                    "诉讼地位": role_text,
                    "识别依据": link,
                },
            )
        )
    b_field = rule.time.b_field
    a_dates = {CASE_FIELDS[f][0]: _iso(a.fields.get(f)) for f in ("filing_date", "closing_date")}
    b_date = b.fields.get(b_field)
    reasons.append(
        Reason(
            "time",
            "时间关系",
            f"B案{CASE_FIELDS[b_field][0]}{_iso(b_date)}；A案立案{a_dates['立案日期']}、"
            f"结案{a_dates['结案日期']}",
            None,
            None,
            None,
            {"A案" + k: v for k, v in a_dates.items()}
            | {"B案" + CASE_FIELDS[b_field][0]: _iso(b_date)},
        )
    )
    score = count_score(len(shared))
    fields = {
        **{k: show(v) for k, v in model.values.items()},
        "a_case_no": a.case_no,
        "b_case_no": b.case_no,
        "entity": "、".join(names),
        "a_label": rule.a.label,
        "b_label": rule.b.label,
        "score": show(score),
    }
    summary = f"{a.case_no}（{rule.a.label}）与{b.case_no}（{rule.b.label}）涉及同一主体{'、'.join(names)}"
    case_persons = {(p["name"], p["id_number"]): p for p in persons_of(a) + persons_of(b)}
    for p in persons:
        case_persons.setdefault((p["name"], p["id_number"]), p)
    return Hit(
        spec.id,
        spec.version,
        spec.name,
        "case_pair",
        key,
        fill(spec.clue.title, fields),
        summary,
        score,
        float(len(shared)),
        tuple(reasons),
        (a.id, b.id),
        tuple(case_persons.values()),
    )


def _link_reasons(a: CaseInfo, b: CaseInfo, entity_id: int) -> str:
    found = {
        p.get("link_reason")
        for p in a.parties + b.parties
        if p.get("entity_id") == entity_id and p.get("link_reason")
    }
    return "、".join(sorted(str(x) for x in found))


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value
