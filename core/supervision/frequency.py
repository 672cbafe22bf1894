"""Entity frequency: cases of one resolved entity in a role, counted in rolling windows.

Set queries select the rows: the entities with enough cases at all (candidates); their
cases in the role with date, court, amount and cue kinds; and, when the test counts
counterparts, the counterpart entities of those cases. The rolling windows over each
candidate's dated cases are then walked in one pass (``rolling``): a self-join did the
same in SQL but grew with the square of a big lender's caseload. Only the few qualifying
entities are then fetched to write their reasons.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, case, func, literal, not_, or_, select

from core.ingest.normalise.party_lexicon import legal_professional_words
from core.supervision.conditions import (
    CASE_PARTIES,
    ENTITIES,
    PARTIES,
    PARTY_ENTITIES,
    case_from,
    compile_all,
    compile_condition,
    joined,
)
from core.supervision.describe import fill, money, show
from core.supervision.evidence import CaseInfo, flag_spans, load_cases
from core.supervision.hits import Hit, Reason, Span, entity_subject, ratio_score
from core.supervision.rolling import CaseRow, Limits, RollingWindow, members, qualifying_windows
from core.supervision.rules import EntityFrequencyRule, FrequencyTest
from core.supervision.spec import ResolvedModel
from core.supervision.vocabulary import ROLES

ENTITY_CHUNK = 2000  # candidate entities per window query (bound parameters stay few)


def _base(
    rule: EntityFrequencyRule,
    test: FrequencyTest,
    datasets: list[int] | None,
    with_cues: bool,
    entities: list[int] | None = None,
) -> Any:
    """Return the SELECT of distinct (entity, case, date, court, amount[, cue flags]) rows."""
    src = case_from("c")
    cp, p = CASE_PARTIES.alias("cp"), PARTIES.alias("p")
    pe, e = PARTY_ENTITIES.alias("pe"), ENTITIES.alias("e")
    cues = (
        [
            case((compile_condition(cue.when, src), 1), else_=0).label(f"cue_{cue.id}")
            for cue in test.cues
            if cue.enabled
        ]
        if with_cues
        else []
    )
    where = [
        cp.c.role == test.role,
        compile_all(rule.where, src),
        compile_all(test.where, src),
        e.c.kind.in_(list(rule.entity_kinds)),
        pe.c.score >= rule.min_link_score,
        src.case.c.filing_date.is_not(None),
    ]
    if rule.exclude_financial:
        where.append(e.c.is_financial == literal(False))
    if test.non_lawyer:
        where += citizen_agent(p)
    if datasets is not None:
        where.append(src.case.c.dataset_id.in_(datasets))
    if entities is not None:
        where.append(pe.c.entity_id.in_(entities))
    return (
        select(
            pe.c.entity_id,
            src.case.c.id.label("case_id"),
            src.case.c.filing_date,
            src.case.c.court,
            src.case.c.claim_amount,
            *cues,
        )
        .select_from(
            joined(src)
            .join(cp, cp.c.case_id == src.case.c.id)
            .join(p, p.c.id == cp.c.party_id)
            .join(pe, pe.c.party_id == p.c.id)
            .join(e, e.c.id == pe.c.entity_id)
        )
        .where(*where)
        .distinct()
    )


def citizen_agent(p: Any) -> list[Any]:
    """Return the conditions on a parties row (``p``) for a citizen agent: a person with no
    law firm whose own text does not call them a lawyer or legal service worker (王五（律师）,
    王五，法律工作者, 李六，该所律师 with no firm before it)."""
    conditions: list[Any] = [or_(p.c.law_firm.is_(None), p.c.law_firm == ""), p.c.kind == "person"]
    words = legal_professional_words()
    if words.words:
        raw = func.coalesce(p.c.raw, "")
        professional = or_(*(raw.contains(w, autoescape=True) for w in words.words))
        negated = [raw.contains(w, autoescape=True) for w in words.negations]
        conditions.append(or_(not_(professional), *negated))
    return conditions


def _candidates(
    conn: Connection, rule: EntityFrequencyRule, test: FrequencyTest, datasets: list[int] | None
) -> list[int]:
    """Return the entities with at least ``min_cases`` cases at all (one pass over the rows)."""
    plain = _base(rule, test, datasets, with_cues=False).subquery()
    q = (
        select(plain.c.entity_id)
        .group_by(plain.c.entity_id)
        .having(func.count(plain.c.case_id) >= test.min_cases)
    )
    return [int(e) for e in conn.execute(q).scalars()]


def counterparts_query(base: Any, test: FrequencyTest) -> Any:
    """Return the SELECT of (case, counterpart entity, name) for the cases of ``base``."""
    cp, p, pe = CASE_PARTIES.alias("dcp"), PARTIES.alias("dp"), PARTY_ENTITIES.alias("dpe")
    return (
        select(cp.c.case_id, pe.c.entity_id, p.c.name)
        .select_from(cp.join(p, p.c.id == cp.c.party_id).join(pe, pe.c.party_id == p.c.id))
        .where(cp.c.case_id.in_(select(base.c.case_id)), cp.c.role == test.distinct_role)
    )


Qualified = dict[int, tuple[RollingWindow, set[int]]]


def _windows(
    conn: Connection, rule: EntityFrequencyRule, test: FrequencyTest, datasets: list[int] | None
) -> Qualified:
    """Return, per qualifying entity, its best window (most cases, then most counterparts)
    and the cases inside any of its qualifying windows."""
    candidates = _candidates(conn, rule, test, datasets)
    qualified: Qualified = {}
    for i in range(0, len(candidates), ENTITY_CHUNK):
        _chunk_windows(conn, rule, test, datasets, candidates[i : i + ENTITY_CHUNK], qualified)
    return qualified


def _chunk_windows(
    conn: Connection,
    rule: EntityFrequencyRule,
    test: FrequencyTest,
    datasets: list[int] | None,
    entities: list[int],
    qualified: Qualified,
) -> None:
    base = _base(rule, test, datasets, True, entities).subquery(f"cand_{test.id}")
    cue_cols = [c for c in base.c if c.name.startswith("cue_")]
    by_entity: dict[int, list[CaseRow]] = defaultdict(list)
    ordered = select(base).order_by(base.c.entity_id, base.c.filing_date, base.c.case_id)
    for r in conn.execute(ordered):
        by_entity[int(r.entity_id)].append(CaseRow(
            int(r.case_id), _iso(r.filing_date), r.court,
            float(r.claim_amount) if r.claim_amount is not None else None,
            tuple(int(r._mapping[c.name] or 0) for c in cue_cols)))
    counted = test.distinct_role is not None and test.min_distinct is not None
    others: dict[int, list[tuple[int, str]]] = defaultdict(list)
    names: dict[int, str] = {}
    if counted:
        for case_id, other, name in conn.execute(counterparts_query(base, test)):
            others[int(case_id)].append((int(other), name or ""))
        if test.distinct_other_surname:
            names = {int(e): n or "" for e, n in conn.execute(
                select(ENTITIES.c.id, ENTITIES.c.display_name).where(ENTITIES.c.id.in_(entities)))}
    limits = Limits(test.window_months, test.min_cases, test.min_amount, test.min_cues,
                    test.min_distinct if counted else None)
    for eid, rows in by_entity.items():
        cps = _counted_others(eid, rows, others, names.get(eid), test) if counted else None
        for group in _court_groups(rows, test.same_court):
            found = qualifying_windows(group, limits, cps)
            if not found:
                continue
            best, inside = qualified.get(eid) or (found[0], set())
            for w in found:
                if (w.cases, w.distinct or 0) > (best.cases, best.distinct or 0):
                    best = w
            inside.update(members(group, found))
            qualified[eid] = (best, inside)


def _iso(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _court_groups(rows: list[CaseRow], same_court: bool) -> list[list[CaseRow]]:
    """Return the rows as one group, or one per court (a case without a court in none)."""
    if not same_court:
        return [rows]
    groups: dict[str, list[CaseRow]] = defaultdict(list)
    for r in rows:
        if r.court is not None:
            groups[r.court].append(r)
    return list(groups.values())


def _counted_others(entity_id: int, rows: list[CaseRow], others: dict[int, list[tuple[int, str]]],
                    display_name: str | None, test: FrequencyTest) -> dict[int, list[int]]:
    """Return, per case, the counterpart entities that count (not the entity itself)."""
    initial = display_name[:1] if test.distinct_other_surname and display_name is not None else None
    return {
        r.case_id: [o for o, name in others.get(r.case_id, ())
                    if o != entity_id and (initial is None or name[:1] != initial)]
        for r in rows
    }


def run_frequency(
    conn: Connection, model: ResolvedModel, datasets: list[int] | None, count_only: bool = False
) -> list[Hit]:
    """Return one hit per entity meeting any enabled test."""
    rule = model.rule
    assert isinstance(rule, EntityFrequencyRule)
    found: dict[int, list[tuple[FrequencyTest, RollingWindow, list[int]]]] = defaultdict(list)
    for test in (t for t in rule.tests if t.enabled):
        for eid, (w, cases) in _windows(conn, rule, test, datasets).items():
            found[eid].append((test, w, sorted(cases)))
    if count_only:
        return [_stub(model, eid) for eid in sorted(found)]
    return _hits(conn, model, found)


def _stub(model: ResolvedModel, entity_id: int) -> Hit:
    s = model.spec
    return Hit(s.id, s.version, s.name, "entity", f"entity-id:{entity_id}", "", "", 0, 0, (), ())


def _hits(
    conn: Connection,
    model: ResolvedModel,
    found: dict[int, list[tuple[FrequencyTest, RollingWindow, list[int]]]],
) -> list[Hit]:
    spec = model.spec
    ents = {
        r.id: r
        for r in conn.execute(
            select(
                ENTITIES.c.id,
                ENTITIES.c.key,
                ENTITIES.c.display_name,
                ENTITIES.c.id_number,
                ENTITIES.c.kind,
            ).where(ENTITIES.c.id.in_(list(found)))
        )
    }
    infos = load_cases(conn, {c for items in found.values() for _, _, cs in items for c in cs})
    hits = []
    for eid, items in sorted(found.items()):
        ent = ents[eid]
        reasons: list[Reason] = []
        score = 0.0
        all_cases: set[int] = set()
        for test, w, cases in items:
            all_cases.update(cases)
            score = max(score, ratio_score(w.cases, test.min_cases))
            reasons.append(_test_reason(model, test, w, [infos[c] for c in cases if c in infos]))
            reasons.extend(_cue_reasons(model, test, [infos[c] for c in cases if c in infos]))
        ordered = sorted(all_cases, key=lambda c: (infos[c].fields.get("filing_date"), c))
        test, w, _ = max(items, key=lambda t: t[1].cases)
        fields = {
            **{k: show(v) for k, v in model.values.items()},
            "entity": ent.display_name,
            "id_number": ent.id_number or "",
            "count": w.cases,
            "window": test.window_months,
            "role": ROLES[test.role],
            "score": show(score),
            "cases": len(ordered),
        }
        summary = "；".join(r.detail for r in reasons if r.indicator.startswith("test:"))
        persons = ({"name": ent.display_name, "id_number": ent.id_number, "role": test.role},)
        hits.append(
            Hit(
                spec.id,
                spec.version,
                spec.name,
                "entity",
                entity_subject(ent.key),
                fill(spec.clue.title, fields),
                summary,
                score,
                float(w.cases),
                tuple(reasons),
                tuple(ordered),
                persons,
            )
        )
    return hits


def _test_reason(
    model: ResolvedModel, test: FrequencyTest, w: RollingWindow, cases: list[CaseInfo]
) -> Reason:
    cases = sorted(cases, key=lambda i: (i.fields.get("filing_date"), i.id))
    label = fill(test.label, model.values) if test.label else f"{ROLES[test.role]}高频涉案"
    values: dict[str, Any] = {
        "窗口起始立案日期": w.start,
        "窗口月数": test.window_months,
        "窗口内案件数": w.cases,
        "案号": [i.case_no for i in cases],
    }
    bits = [f"自{values['窗口起始立案日期']}起{test.window_months}个月内涉案{w.cases}件"]
    if w.distinct is not None and test.distinct_role:
        values[f"不同{ROLES[test.distinct_role]}数"] = w.distinct
        bits.append(f"涉及不同{ROLES[test.distinct_role]}{w.distinct}个")
    if test.min_amount is not None and w.amount is not None:
        values["标的额合计"] = w.amount
        bits.append(f"标的额合计{money(w.amount)}")
    if test.min_cues:
        values["具有情形种数"] = w.cues
        bits.append(f"具有所列情形{w.cues}种")
    courts = sorted({str(i.fields.get("court")) for i in cases if i.fields.get("court")})
    if test.same_court and courts:
        values["法院"] = courts
    return Reason(
        f"test:{test.id}", label, f"{label}：" + "，".join(bits), None, None, None, values
    )


def _cue_reasons(model: ResolvedModel, test: FrequencyTest, cases: list[CaseInfo]) -> list[Reason]:
    out = []
    for cue in (c for c in test.cues if c.enabled):
        spans: list[Span] = []
        for info in cases:
            flag = cue.when.flag
            if flag is not None and bool(info.flags.get(flag)) == (cue.when.is_ is not False):
                spans.extend(flag_spans(info, flag, cue.when.is_ is not False)[:1])
        if spans:
            label = fill(cue.label, model.values)
            out.append(
                Reason(
                    f"cue:{cue.id}",
                    label,
                    f"{label}：见{len(spans)}件案件",
                    None,
                    None,
                    None,
                    {"案号": [s.case_no for s in spans]},
                    tuple(spans[:5]),
                )
            )
    return out
