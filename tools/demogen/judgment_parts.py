"""The stock pieces of a civil document: party lines, attendance, defence, costs, signature."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from tools.demogen.cause_text import Content, ymd
from tools.demogen.drafts import CaseDraft
from tools.demogen.fast import between, pick
from tools.demogen.numerals import cn_date
from tools.demogen.records import Party
from tools.demogen.styles import (
    ABSENT,
    ABSENT_NOTICE,
    DEFAULT_ADDON,
    MEDIATION_FAILED,
    NO_DEFENCE_ABSENT,
    NO_DEFENCE_PRESENT,
    NOTICE_DONE,
    SERVICE_DONE,
    Style,
)

CPL = "《中华人民共和国民事诉讼法》"
DISMISS_LAW = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第九十条"
_ORDINALS = "一二三四五六七八九十"


def cpl_articles(closing: date) -> dict[str, int]:
    """Return the Civil Procedure Law article numbers in force when the case closed."""
    if closing < date(2022, 1, 1):
        return {"default": 144, "withdraw": 145, "absent_pl": 143, "delay": 253}
    return {
        "default": 147,
        "withdraw": 148,
        "absent_pl": 146,
        "delay": 260 if closing < date(2024, 1, 1) else 264,
    }


def acceptance_fee(amount: Decimal | None, cause: str) -> int:
    """Return the case acceptance fee under the 2007 fee measures (离婚 a flat 300)."""
    if cause == "离婚纠纷" or amount is None:
        return 300
    a = float(amount)
    bands = (
        (10_000, 0.0),
        (100_000, 0.025),
        (200_000, 0.02),
        (500_000, 0.015),
        (1_000_000, 0.01),
        (2_000_000, 0.009),
        (5_000_000, 0.008),
    )
    fee, low = 50.0, 0
    for top, rate in bands:
        if a > low:
            fee += (min(a, top) - low) * rate
        low = top
    return round(fee)


def money(x: Decimal) -> str:
    """Return an amount as the judgment writes it (50000元)."""
    return str(x) + "元"


def labels(d: CaseDraft) -> dict[str, str]:
    """Return the name labels a text uses: P/D with role word, p/d first names, ps/ds all names."""
    ps = "、".join(p.name for p in d.plaintiffs)
    ds = "、".join(p.name for p in d.defendants)
    return {
        "P": f"原告{ps}",
        "D": f"被告{ds}",
        "p": d.plaintiffs[0].name,
        "d": d.defendants[0].name,
        "ps": ps,
        "ds": ds,
    }


def party_lines(d: CaseDraft, st: Style, detail: int) -> list[str]:
    """Return the party block: one line per party, each followed by its agents."""
    reps = d.details.get("reps", {})
    lines: list[str] = []
    groups = (("原告", d.plaintiffs), ("被告", d.defendants), ("第三人", d.third_parties))
    for role, parties in groups:
        for party in parties:
            lines.append(_party_line(party, role, st, detail, reps.get(party.name)))
            for agent in d.agents:
                if agent.principal == party.name:
                    lines.append(_agent_line(agent, role, st, detail))
    return lines


def _party_line(p: Party, role: str, st: Style, detail: int, rep: str | None) -> str:
    if detail == 0:
        return f"{role}：{p.name}。"
    if p.kind != "person":
        line = f"{role}：{p.name}，住所地{p.address}。" if detail == 2 else f"{role}：{p.name}。"
        if rep:
            head, title = {
                "bank": ("负责人", "该行行长"),
                "insurer": ("负责人", "该公司经理"),
                "business": ("经营者", ""),
            }.get(p.kind, ("法定代表人", "该公司执行董事"))
            line += f"\n{head}：{rep}" + (f"，{title}。" if title else "。")
        return line
    if detail == 1:
        return f"{role}：{p.name}，{p.gender}，住{p.address}。"
    id_txt = st.id_part.format(id=p.id_number) if p.id_number else ""
    birth = ymd(p.birth_date) if p.birth_date else ""
    return st.person_line.format(
        role=role, name=p.name, gender=p.gender, birth=birth, addr=p.address, id=id_txt
    )


def _agent_line(a: Party, role: str, st: Style, detail: int) -> str:
    head = f"{st.agent_word}：{a.name}"
    if a.kind == "lawyer":
        return f"{head}，{a.law_firm}律师。"
    if a.kind == "legal_worker":
        return f"{head}，{a.law_firm}法律工作者。"
    if a.kind == "employee":
        return f"{head}，该单位员工。"
    if detail < 2 or a.birth_date is None:
        return f"{head}，系{role}{a.principal}{a.relation}。"
    return (
        f"{head}，{a.gender}，{ymd(a.birth_date)}出生，住{a.address}，"
        f"系{role}{a.principal}{a.relation}。"
    )


def absent_defendants(d: CaseDraft) -> list[Party]:
    """Return the defendants who did not appear (insurers and banks always appear)."""
    if d.defence != "absent":
        return []
    return [x for x in d.defendants if x.kind not in ("insurer", "bank")]


def procedure_paragraph(
    d: CaseDraft, st: Style, lab: dict[str, str], rng: random.Random, feats: set[str]
) -> str:
    """Return how the case came in and was heard, with the service where the style tells it."""
    hearing = d.filing_date + timedelta(days=max(1, min(d.duration_days - 1, between(rng, 10, 60))))
    text = st.proc.format(
        P=lab["P"],
        D=lab["D"],
        cause=d.cause,
        filing=ymd(d.filing_date),
        procedure=d.procedure,
        hearing=ymd(hearing),
    )
    if d.service_method == "公告送达":
        if st.describes_service:
            feats.add("notice_service")
            text += pick(rng, NOTICE_DONE).format(d=lab["d"])
    elif st.describes_service and rng.random() < 0.3:
        text += SERVICE_DONE[d.service_method]
    return text


def attendance(d: CaseDraft, lab: dict[str, str], rng: random.Random, feats: set[str]) -> str:
    """Return who appeared and who was absent; tags defendant_appeared."""
    absent = absent_defendants(d)
    present = [x for x in d.defendants if x not in absent]
    out = f"{lab['P']}"
    pl_agents = [a.name for a in d.agents if a.principal in {p.name for p in d.plaintiffs}]
    if pl_agents:
        out += f"及其委托诉讼代理人{'、'.join(pl_agents)}"
    if present:
        out += f"，被告{'、'.join(x.name for x in present)}"
    out += "到庭参加诉讼。"
    if present:
        feats.add("defendant_appeared")
    if absent:
        names = "被告" + "、".join(x.name for x in absent)
        pool = ABSENT_NOTICE if d.service_method == "公告送达" else ABSENT
        out += pick(rng, pool).format(D=names) + pick(rng, DEFAULT_ADDON) + "。"
    return out + "本案现已审理终结。"


def defence(d: CaseDraft, st: Style, c: Content, rng: random.Random, feats: set[str]) -> str:
    """Return what the defendants said (or that they said nothing) and any failed mediation."""
    absent = absent_defendants(d)
    present = [x for x in d.defendants if x not in absent]
    parts: list[str] = []
    if absent:
        feats.add("no_defence")
        names = "被告" + "、".join(x.name for x in absent)
        parts.append(pick(rng, NO_DEFENCE_ABSENT).format(D=names))
    if present:
        names = "被告" + "、".join(x.name for x in present)
        if d.defence == "silent":
            feats.add("no_defence")
            parts.append(pick(rng, NO_DEFENCE_PRESENT).format(D=names))
        elif d.defence == "admit" or (absent and d.cause == "机动车交通事故责任纠纷"):
            feats.add("admission")
            parts.append(st.defence_intro.format(X=names) + c.admit + "。")
        else:
            parts.append(st.defence_intro.format(X=names) + c.contest + "。")
    if d.mediation_failed:
        feats.add("mediation_failed")
        parts.append(pick(rng, MEDIATION_FAILED))
    return "".join(parts)


def evidence(d: CaseDraft, c: Content, lab: dict[str, str]) -> str:
    """Return the plaintiff's evidence and the court's boilerplate view of it."""
    text = f"{lab['P']}为证明其主张，向本院提交了{c.evidence}。"
    if absent_defendants(d):
        return text + "上述证据经本院审查，来源合法，内容真实，本院予以确认。"
    return text + "对双方当事人无异议的证据，本院予以确认并在卷佐证。"


def costs(
    d: CaseDraft, lab: dict[str, str], rng: random.Random, feats: set[str], payer: str
) -> str:
    """Return the acceptance fee (halved where due), any notice fee, and who bears them."""
    fee = acceptance_fee(d.claim_amount, d.cause)
    if d.procedure != "普通程序" or d.closing_method in ("调解", "撤诉"):
        text = f"案件受理费{fee}元，减半收取计{max(25, fee // 2)}元"
    else:
        text = f"案件受理费{fee}元"
    if d.service_method == "公告送达":
        feats.add("notice_fee")
        text += f"，公告费{pick(rng, (260, 300, 560, 600))}元"
    return text + f"，由{payer}负担。"


def numbered(items: list[str]) -> str:
    """Return orders numbered 一、二、… (a single order unnumbered)."""
    if len(items) == 1:
        return items[0] + "。"
    return "\n".join(f"{_ORDINALS[i]}、{t}；" for i, t in enumerate(items))[:-1] + "。"


def signature(d: CaseDraft, st: Style) -> str:
    """Return the bench, the date in Chinese numerals, and the clerk."""
    lines = [f"{role}　{name}" for role, name in d.panel] or [f"审判员　{d.judge}"]
    lines.append(cn_date(d.closing_date))
    if st.tail:
        lines.append(st.tail)
    lines.append(f"书记员　{d.clerk}")
    return "\n".join(lines)
