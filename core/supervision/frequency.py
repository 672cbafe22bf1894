"""Entity frequency: cases of one resolved entity in a role, counted in rolling windows.

Three set queries per test: entities with enough cases at all (candidates); per candidate
and anchor case, the cases filed from the anchor's date to the window's end (a self-join),
with their amounts and cue kinds; and, when the test counts counterparts, the distinct
counterpart entities in the same windows. Only the few qualifying entities are then
fetched to write their reasons.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, case, func, literal, not_, or_, select

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
from core.supervision.rules import EntityFrequencyRule, FrequencyTest
from core.supervision.spec import ResolvedModel
from core.supervision.sqlfuncs import DateShift
from core.supervision.vocabulary import ROLES

ENTITY_CHUNK = 2000  # candidate entities per window query (bound parameters stay few)


@dataclass(frozen=True)
class Window:
    entity_id: int
    anchor: int
    start: Any
    cases: int
    amount: float | None
    cues: int
    distinct: int | None


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


def _window_join(a: Any, b: Any, test: FrequencyTest) -> Any:
    cond = and_(
        b.c.entity_id == a.c.entity_id,
        b.c.filing_date >= a.c.filing_date,
        b.c.filing_date < DateShift(a.c.filing_date, months=test.window_months),
    )
    if test.same_court:
        cond = and_(cond, b.c.court == a.c.court)
    return cond


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


def _windows(
    conn: Connection, rule: EntityFrequencyRule, test: FrequencyTest, datasets: list[int] | None
) -> list[Window]:
    candidates = _candidates(conn, rule, test, datasets)
    out: list[Window] = []
    for i in range(0, len(candidates), ENTITY_CHUNK):
        out.extend(_chunk_windows(conn, rule, test, datasets, candidates[i : i + ENTITY_CHUNK]))
    return out


def window_query(
    rule: EntityFrequencyRule,
    test: FrequencyTest,
    datasets: list[int] | None,
    entities: list[int],
) -> tuple[Any, Any]:
    """Return (the per-anchor window count SELECT, the candidates' rows CTE it reads)."""
    # only the candidates' rows from here on, reached through the entity index
    base = _base(rule, test, datasets, True, entities).cte(f"cand_{test.id}")
    a, b = base.alias("a"), base.alias("b")
    cue_ids = [f"cue_{c.id}" for c in test.cues if c.enabled]
    cue_sum: Any = literal(0)
    for cid in cue_ids:
        cue_sum = cue_sum + func.max(b.c[cid])
    n = func.count(b.c.case_id)
    amount = func.sum(b.c.claim_amount)
    having = [n >= test.min_cases]
    if test.min_amount is not None:
        having.append(func.coalesce(amount, 0) >= test.min_amount)
    if test.min_cues:
        having.append(cue_sum >= test.min_cues)
    q = (
        select(
            a.c.entity_id,
            a.c.case_id,
            a.c.filing_date,
            n.label("n"),
            amount.label("amount"),
            cue_sum.label("cues"),
        )
        .select_from(a.join(b, _window_join(a, b, test)))
        .group_by(a.c.entity_id, a.c.case_id, a.c.filing_date)
        .having(*having)
    )
    return q, base


def _chunk_windows(
    conn: Connection,
    rule: EntityFrequencyRule,
    test: FrequencyTest,
    datasets: list[int] | None,
    entities: list[int],
) -> list[Window]:
    q, base = window_query(rule, test, datasets, entities)
    rows = {(r.entity_id, r.case_id): r for r in conn.execute(q)}
    distinct: dict[tuple[int, int], int] = {}
    if test.distinct_role and test.min_distinct and rows:
        distinct = {
            (int(e), int(c)): int(k) for e, c, k in conn.execute(distinct_query(base, test))
        }
    out = []
    for key, r in rows.items():
        d = distinct.get(key) if test.distinct_role else None
        if test.distinct_role and (d is None or d < (test.min_distinct or 0)):
            continue
        out.append(
            Window(
                int(r.entity_id),
                int(r.case_id),
                r.filing_date,
                int(r.n),
                float(r.amount) if r.amount is not None else None,
                int(r.cues or 0),
                d,
            )
        )
    return out


def distinct_query(base: Any, test: FrequencyTest) -> Any:
    """Return the SELECT of distinct counterpart entities per (entity, anchor) window."""
    cp, p, pe = CASE_PARTIES.alias("dcp"), PARTIES.alias("dp"), PARTY_ENTITIES.alias("dpe")
    # the counterparts of the candidates' cases only, looked up by case (not by role)
    others = (
        select(cp.c.case_id, pe.c.entity_id, p.c.name)
        .select_from(cp.join(p, p.c.id == cp.c.party_id).join(pe, pe.c.party_id == p.c.id))
        .where(cp.c.case_id.in_(select(base.c.case_id)), cp.c.role == test.distinct_role)
        .cte(f"others_{test.id}")
    )
    a, b = base.alias("da"), base.alias("db")
    ea = ENTITIES.alias("dea")
    other = others.c.entity_id != a.c.entity_id
    if test.distinct_other_surname:
        other = and_(
            other, func.substr(others.c.name, 1, 1) != func.substr(ea.c.display_name, 1, 1)
        )
    n = func.count(func.distinct(others.c.entity_id))
    q = (
        select(a.c.entity_id, a.c.case_id, n)
        .select_from(
            a.join(b, _window_join(a, b, test))
            .join(others, others.c.case_id == b.c.case_id)
            .join(ea, ea.c.id == a.c.entity_id)
        )
        .where(other)
        .group_by(a.c.entity_id, a.c.case_id)
        .having(n >= test.min_distinct)
    )
    return q


def _members(
    conn: Connection,
    rule: EntityFrequencyRule,
    test: FrequencyTest,
    datasets: list[int] | None,
    windows: Sequence[Window],
) -> dict[tuple[int, int], list[int]]:
    """Return the cases in each qualifying window."""
    entities = sorted({w.entity_id for w in windows})
    base = _base(rule, test, datasets, False, entities).cte(f"mem_{test.id}")
    a, b = base.alias("ma"), base.alias("mb")
    q = select(a.c.entity_id, a.c.case_id, b.c.case_id.label("member")).select_from(
        a.join(b, _window_join(a, b, test))
    )
    wanted = {(w.entity_id, w.anchor) for w in windows}
    out: dict[tuple[int, int], list[int]] = defaultdict(list)
    for e, anchor, member in conn.execute(q):
        if (e, anchor) in wanted:
            out[(int(e), int(anchor))].append(int(member))
    return out


def run_frequency(
    conn: Connection, model: ResolvedModel, datasets: list[int] | None, count_only: bool = False
) -> list[Hit]:
    """Return one hit per entity meeting any enabled test."""
    rule = model.rule
    assert isinstance(rule, EntityFrequencyRule)
    found: dict[int, list[tuple[FrequencyTest, Window, list[int]]]] = defaultdict(list)
    for test in (t for t in rule.tests if t.enabled):
        windows = _windows(conn, rule, test, datasets)
        if not windows:
            continue
        members = {} if count_only else _members(conn, rule, test, datasets, windows)
        best: dict[int, Window] = {}
        cases: dict[int, set[int]] = defaultdict(set)
        for w in windows:
            if w.entity_id not in best or (w.cases, w.distinct or 0) > (
                best[w.entity_id].cases,
                best[w.entity_id].distinct or 0,
            ):
                best[w.entity_id] = w
            cases[w.entity_id].update(members.get((w.entity_id, w.anchor), []))
        for eid, w in best.items():
            found[eid].append((test, w, sorted(cases[eid])))
    if count_only:
        return [_stub(model, eid) for eid in sorted(found)]
    return _hits(conn, model, found)


def _stub(model: ResolvedModel, entity_id: int) -> Hit:
    s = model.spec
    return Hit(s.id, s.version, s.name, "entity", f"entity-id:{entity_id}", "", "", 0, 0, (), ())


def _hits(
    conn: Connection,
    model: ResolvedModel,
    found: dict[int, list[tuple[FrequencyTest, Window, list[int]]]],
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
    model: ResolvedModel, test: FrequencyTest, w: Window, cases: list[CaseInfo]
) -> Reason:
    cases = sorted(cases, key=lambda i: (i.fields.get("filing_date"), i.id))
    label = fill(test.label, model.values) if test.label else f"{ROLES[test.role]}高频涉案"
    values: dict[str, Any] = {
        "窗口起始立案日期": w.start.isoformat() if hasattr(w.start, "isoformat") else w.start,
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
