"""Background cases: realistic volume that stays below every supervision model's bar.

How the background is kept tame (the planting code adds the positives):
- a private person or firm sues as lender in at most two 民间借贷 suits (one *name* in
  at most three), far below the ≥5-a-year and ≥10-in-24-months presets;
- traffic plaintiffs sue once (one name at most twice); citizen agents (relatives,
  employees) are new people each time, one name at most twice;
- defendants served by public notice are new people with names nobody else has, and
  are never reused, so no served-elsewhere pair exists;
- spouses in divorce suits have unique names and are never reused;
- a 民间借贷 case scores at most three of the six false-litigation indicators.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from decimal import Decimal

from tools.demogen.cause_parties import CAUSES, PARTS_OF_CAUSE, Gen
from tools.demogen.drafts import CaseDraft
from tools.demogen.fast import Weighted, below, between, pick
from tools.demogen.pools import AGENT_RELATIONS
from tools.demogen.records import Party

CLOSINGS = {
    "民间借贷纠纷": (50, 25, 20, 5),
    "金融借款合同纠纷": (65, 15, 18, 2),
    "信用卡纠纷": (70, 10, 20, 0),
    "买卖合同纠纷": (45, 30, 22, 3),
    "离婚纠纷": (35, 35, 30, 0),
    "机动车交通事故责任纠纷": (50, 35, 15, 0),
    "劳务合同纠纷": (45, 35, 17, 3),
    "物业服务合同纠纷": (55, 15, 30, 0),
    "房屋租赁合同纠纷": (50, 30, 18, 2),
}
_METHODS = ("判决", "调解", "撤诉", "驳回")
_SMALL_CLAIM_CAUSES = frozenset(
    {
        "物业服务合同纠纷",
        "信用卡纠纷",
        "民间借贷纠纷",
        "买卖合同纠纷",
        "房屋租赁合同纠纷",
        "劳务合同纠纷",
    }
)
N_STYLES = 5
_HOUSE_NO = re.compile(r"\d")


_CAUSE_MIX = Weighted([(c, w) for c, w, _ in CAUSES])
_CLOSING_MIX = {
    cause: Weighted(list(zip(_METHODS, ws, strict=True))) for cause, ws in CLOSINGS.items()
}


def pick_cause(rng: random.Random) -> str:
    """Return a cause of action with the background mix (~35% private lending)."""
    return _CAUSE_MIX.draw(rng)


def draft_background(
    g: Gen, cause: str, period: tuple[date, date], *, filing: date | None = None
) -> CaseDraft:
    """Return one background case of ``cause`` filed within ``period``."""
    rng = g.rng
    closing = _CLOSING_MIX[cause].draw(rng)
    defence = _defence(rng, closing, cause)
    service = _service(rng, closing, defence, cause, period[0].year)
    parts = PARTS_OF_CAUSE[cause](g, service == "公告送达")
    procedure = _procedure(rng, cause, service, parts.amount)
    start, end = period
    if filing is None:
        filing = start + timedelta(days=below(rng, max(1, (end - start).days - 20)))
    closing_date = min(end, filing + timedelta(days=_duration(rng, procedure, closing)))
    closing_date = max(closing_date, filing + timedelta(days=3))
    details = parts.details
    lead = details.pop("lead_days", 180)
    details["event_date"] = filing - timedelta(days=lead)
    draft = CaseDraft(
        court=g.court,
        cause=cause,
        filing_date=filing,
        closing_date=closing_date,
        closing_method=closing,
        procedure=procedure,
        service_method=service,
        plaintiffs=parts.plaintiffs,
        defendants=parts.defendants,
        third_parties=parts.third_parties,
        claim_amount=parts.amount,
        defence=defence,
        evidence=parts.evidence,
        relation=parts.relation,
        plaintiff_absent=closing == "撤诉" and rng.random() < 0.15,
        mediation_failed=closing in ("判决", "驳回")
        and defence != "absent"
        and rng.random() < 0.35,
        details=details,
        tags={"background"},
    )
    draft.details["reps"] = dict(g.reps)
    g.reps.clear()
    staff(g, draft)
    draft.agents = agents_for(g, draft)
    if cause == "民间借贷纠纷":
        tame_lending(rng, draft)
    return draft


def _defence(rng: random.Random, closing: str, cause: str) -> str:
    if closing == "调解":
        return "contest"
    if closing == "驳回":
        return "absent" if rng.random() < 0.15 else "contest"
    if closing == "撤诉":
        return "absent" if rng.random() < 0.5 else "contest"
    absent = 0.55 if cause in ("金融借款合同纠纷", "信用卡纠纷", "物业服务合同纠纷") else 0.38
    roll = rng.random()
    if roll < absent:
        return "absent"
    roll = (roll - absent) / (1 - absent)
    return "admit" if roll < 0.4 else "silent" if roll < 0.48 else "contest"


def _service(rng: random.Random, closing: str, defence: str, cause: str, year: int) -> str:
    notice_p = 0.45 if cause == "离婚纠纷" else 0.28
    if defence == "absent" and closing in ("判决", "驳回") and rng.random() < notice_p:
        return "公告送达"
    if closing == "撤诉" and defence == "absent" and rng.random() < 0.05:
        return "公告送达"
    e = min(0.4, 0.14 + 0.06 * max(0, year - 2021))
    roll = rng.random()
    return "电子送达" if roll < e else "直接送达" if roll < (1 + e) / 2 else "邮寄送达"


def _procedure(rng: random.Random, cause: str, service: str, amount: Decimal | None) -> str:
    if service == "公告送达" or (amount is not None and amount > 1_000_000):
        return "普通程序"
    if (
        cause in _SMALL_CLAIM_CAUSES
        and amount is not None
        and amount <= 50_000
        and rng.random() < 0.4
    ):
        return "小额诉讼程序"
    return "普通程序" if rng.random() < 0.08 else "简易程序"


def _duration(rng: random.Random, procedure: str, closing: str) -> int:
    if closing == "撤诉":
        return between(rng, 5, 60)
    if closing == "调解":
        return between(rng, 6, 55) if procedure != "普通程序" else between(rng, 30, 150)
    if procedure == "小额诉讼程序":
        return between(rng, 12, 45)
    if procedure == "简易程序":
        return between(rng, 18, 88)
    return between(rng, 75, 200)


def staff(g: Gen, draft: CaseDraft) -> None:
    """Set judge, panel, clerk and the writing style (each judge has a habitual style)."""
    rng = g.rng
    judges, clerks, jurors = g.staff_lists()
    idx = below(rng, len(judges))
    draft.judge = judges[idx]
    draft.clerk = pick(rng, clerks)
    if draft.procedure == "普通程序":
        if rng.random() < 0.6:
            draft.panel = [
                ("审判长", draft.judge),
                ("人民陪审员", pick(rng, jurors)),
                ("人民陪审员", pick(rng, jurors)),
            ]
        else:
            other = judges[(idx + 1) % len(judges)]
            draft.panel = [
                ("审判长", draft.judge),
                ("审判员", other),
                ("人民陪审员", pick(rng, jurors)),
            ]
    else:
        draft.panel = [("审判员", draft.judge)]
    draft.style = idx % N_STYLES if rng.random() < 0.8 else below(rng, N_STYLES)


def agents_for(g: Gen, draft: CaseDraft) -> list[Party]:
    """Return agents: lawyers often, relatives or employees now and then, each new."""
    rng = g.rng
    out: list[Party] = []
    present = draft.defence != "absent" or draft.closing_method == "调解"
    for side, parties in (("原告", draft.plaintiffs), ("被告", draft.defendants)):
        for party in parties:
            institution = party.kind in ("bank", "insurer")
            if side == "被告" and not (present or institution):
                continue
            p = 0.85 if party.kind != "person" else (0.45 if side == "原告" else 0.3)
            if draft.cause == "民间借贷纠纷" and side == "原告" and draft.plaintiff_absent:
                p = 0.0
            if rng.random() >= p:
                continue
            out.append(_agent(g, party))
    return out


def _agent(g: Gen, principal: Party) -> Party:
    rng = g.rng
    place = g.court.place
    roll = rng.random()
    if principal.kind != "person":
        if roll < 0.8:
            return _lawyer_for(g, principal)
        emp = g.pool.pick("citizen_agent", place, name_cap=2, born=(1975, 2000))
        g.pool.block(emp)
        return Party(
            emp.name,
            None,
            None,
            emp.gender,
            emp.birth_date,
            None,
            "employee",
            principal.name,
            "员工",
            emp.id_number,
        )
    if roll < 0.8:
        return _lawyer_for(g, principal)
    relation, gender = pick(rng, AGENT_RELATIONS)
    birth = principal.birth_date or date(1970, 1, 1)
    offset = {"之子": 26, "之女": 26, "之父": -27}.get(relation, 0)
    year = min(2003, max(1940, birth.year + offset + between(rng, -3, 3)))
    surname = None if relation in ("之夫", "之妻") else principal.name[0]
    rel = g.pool.pick(
        "citizen_agent",
        place,
        name_cap=2,
        gender=gender,
        born=(year, year),
        surname=surname,
        address=principal.address,
    )
    g.pool.block(rel)
    return Party(
        rel.name,
        rel.id_number,
        rel.address,
        rel.gender,
        rel.birth_date,
        None,
        "relative",
        principal.name,
        relation,
        rel.id_number,
    )


def _lawyer_for(g: Gen, principal: Party) -> Party:
    lawyer = g.pool.lawyer(g.court.place)
    return Party(
        lawyer.name,
        None,
        None,
        lawyer.gender,
        lawyer.birth_date,
        lawyer.law_firm,
        lawyer.kind,
        principal.name,
        None,
        lawyer.true_id,
    )


def locality(address: str) -> str:
    """Return an address up to its house number (the village or the road)."""
    match = _HOUSE_NO.search(address)
    return address[: match.start()] if match else address


def lending_indicators(draft: CaseDraft) -> dict[str, bool]:
    """Return the six false-litigation indicators as this draft's text will show them."""
    p = draft.plaintiffs[0]
    d = draft.defendants[0]
    same_place = (
        p.name[:1] == d.name[:1]
        and bool(p.address and d.address)
        and locality(p.address or "") == locality(d.address or "")
    )
    return {
        "iou_only": draft.evidence in ("iou", "iou_cash"),
        "cash": draft.evidence in ("iou_cash", "mixed"),
        "admission_or_no_defence": draft.closing_method != "调解"
        and draft.defence in ("admit", "silent", "absent"),
        "mediation": draft.closing_method == "调解",
        "short": draft.duration_days <= 15,
        "related": draft.relation is not None or bool(draft.details.get("spouses")) or same_place,
    }


def tame_lending(rng: random.Random, draft: CaseDraft) -> None:
    """Bring a background 民间借贷 case down to at most three false-litigation indicators."""
    fixes = ("relation", "evidence", "duration")
    for fix in fixes:
        if sum(lending_indicators(draft).values()) <= 3:
            return
        if fix == "relation":
            draft.relation = None
        elif fix == "evidence":
            draft.evidence = pick(rng, ("iou_transfer", "transfer"))
        else:
            draft.closing_date = draft.filing_date + timedelta(days=between(rng, 16, 20))
