"""Render a draft into the full text of its judgment, ruling or mediation statement."""

from __future__ import annotations

import random
from datetime import timedelta

from tools.demogen.cause_text import CONTENT_OF_CAUSE, Content, ymd
from tools.demogen.drafts import CaseDraft
from tools.demogen.fast import between, pick
from tools.demogen.filler import filler_paragraphs, short_tail
from tools.demogen.judgment_parts import (
    CPL,
    DISMISS_LAW,
    absent_defendants,
    acceptance_fee,
    attendance,
    costs,
    cpl_articles,
    defence,
    evidence,
    labels,
    money,
    numbered,
    party_lines,
    procedure_paragraph,
    signature,
)
from tools.demogen.numerals import cn_int
from tools.demogen.styles import MEDIATION_OPEN, NOTICE_DONE, STYLES, Style


def _header(d: CaseDraft, st: Style, case_no: str) -> str:
    doc = "民事" + d.doc_type
    return st.header.format(court=d.court.name, doc=doc, doc_spaced=" ".join(doc), no=case_no)


def _claims(st: Style, c: Content, lab: dict[str, str]) -> str:
    reqs = "；".join(f"{i + 1}.{r}" for i, r in enumerate(c.requests)) + "。"
    return st.claim_intro.format(P=lab["P"]) + reqs + st.reasons_intro + c.reasons


def _judgment(
    d: CaseDraft,
    st: Style,
    c: Content,
    lab: dict[str, str],
    rng: random.Random,
    detail: int,
    feats: set[str],
) -> tuple[list[str], dict[str, int]]:
    arts = cpl_articles(d.closing_date)
    paras = party_lines(d, st, detail)
    paras.append(procedure_paragraph(d, st, lab, rng, feats) + attendance(d, lab, rng, feats))
    paras.append(_claims(st, c, lab))
    paras.append(defence(d, st, c, rng, feats))
    if detail and (st.evidence_first or (st.describes_service and rng.random() < 0.5)):
        paras.append(evidence(d, c, lab))
    feats |= c.features
    paras.append(st.facts_intro + c.facts)
    slots = {"facts": len(paras) - 1}
    absent = absent_defendants(d)
    laws = c.laws
    reasoning = st.reason_intro + c.reasoning
    orders = c.orders
    payer = lab["D"]
    if d.closing_method == "驳回":
        feats.add("dismissal")
        denial = "" if absent else f"被告{lab['d']}对此不予认可，"
        reasoning = (
            f"{st.reason_intro}{lab['p']}主张的事实，仅有其本人陈述及{c.evidence}，"
            f"{denial}{lab['p']}提交的证据不足以证明其主张，应承担举证不能的不利后果。"
        )
        orders = [f"驳回原告{lab['ps']}的诉讼请求"]
        laws = DISMISS_LAW
        payer = lab["P"]
    elif d.cause == "离婚纠纷" and not d.details.get("grant", True):
        payer = lab["P"]
    verdict_word = "判决如下："
    if absent:
        feats.add("default_judgment")
        names = "被告" + "、".join(x.name for x in absent)
        reasoning += (
            f"{names}经本院合法传唤，无正当理由拒不到庭参加诉讼，视为放弃抗辩和质证的权利。"
        )
        laws += f"，{CPL}第{cn_int(arts['default'])}条"
        if rng.random() < 0.4:
            verdict_word = "缺席判决如下："
    paras.append(reasoning)
    slots["reason"] = len(paras) - 1
    intro = st.verdict_intro.format(laws=laws).replace("判决如下：", verdict_word)
    verdict = intro + "\n" + numbered(orders)
    if d.claim_amount is not None and d.closing_method == "判决":
        verdict += (
            f"\n如果未按本判决指定的期间履行给付金钱义务，应当依照{CPL}"
            f"第{cn_int(arts['delay'])}条之规定，加倍支付迟延履行期间的债务利息。"
        )
    paras.append(verdict)
    paras.append(costs(d, lab, rng, feats, payer))
    if d.procedure == "小额诉讼程序":
        paras.append("本判决为终审判决。")
    else:
        paras.append(
            "如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按照对方当事人"
            f"或者代表人的人数提出副本，上诉于{d.court.appeal_court}。"
        )
    return paras, slots


def _mediation(
    d: CaseDraft,
    st: Style,
    c: Content,
    lab: dict[str, str],
    rng: random.Random,
    detail: int,
    feats: set[str],
) -> tuple[list[str], dict[str, int]]:
    feats.add("mediation")
    feats |= c.features
    paras = party_lines(d, st, detail)
    paras.append(procedure_paragraph(d, st, lab, rng, feats))
    paras.append(_claims(st, c, lab))
    slots = {"narrative": len(paras) - 1}
    fee = acceptance_fee(d.claim_amount, d.cause)
    items = [*c.mediation, f"案件受理费减半收取计{max(25, fee // 2)}元，由{lab['D']}负担"]
    paras.append(pick(rng, MEDIATION_OPEN) + "\n" + numbered(items))
    paras.append(
        "上述协议，不违反法律规定，本院予以确认。\n本调解书经双方当事人签收后，即具有法律效力。"
    )
    return paras, slots


def _ruling(
    d: CaseDraft,
    st: Style,
    c: Content,
    lab: dict[str, str],
    rng: random.Random,
    detail: int,
    feats: set[str],
) -> tuple[list[str], dict[str, int]]:
    feats.add("withdrawal")
    feats |= c.features
    arts = cpl_articles(d.closing_date)
    paras = party_lines(d, st, detail)
    proc = f"{lab['P']}与{lab['D']}{d.cause}一案，本院于{ymd(d.filing_date)}立案。"
    if d.service_method == "公告送达" and st.describes_service:
        feats.add("notice_service")
        proc += pick(rng, NOTICE_DONE).format(d=lab["d"])
    paras.append(proc)
    paras.append(_claims(st, c, lab))
    slots = {"narrative": len(paras) - 1}
    if d.plaintiff_absent:
        feats.add("plaintiff_absent")
        paras.append(
            f"本院依法向{lab['P']}送达了开庭传票，{lab['P']}经本院传票传唤，无正当理由拒不到庭参加诉讼。"
        )
        paras.append(
            f"本院认为，{lab['P']}经传票传唤，无正当理由拒不到庭，应按撤诉处理。依照{CPL}"
            f"第{cn_int(arts['absent_pl'])}条之规定，裁定如下：\n本案按撤诉处理。"
        )
    else:
        why = pick(
            rng, ("双方已自行和解", "被告已履行部分款项", "需进一步收集证据", "双方已协商解决")
        )
        asked = ymd(d.closing_date - timedelta(days=between(rng, 0, 3)))
        paras.append(f"{asked}，{lab['P']}以{why}为由，向本院申请撤回起诉。")
        paras.append(
            f"本院认为，{lab['P']}的撤诉申请符合法律规定，应予准许。依照{CPL}"
            f"第{cn_int(arts['withdraw'])}条之规定，裁定如下：\n准许{lab['P']}撤回起诉。"
        )
    paras.append(costs(d, lab, rng, feats, lab["P"]))
    return paras, slots


_BUILDERS = {"判决": _judgment, "驳回": _judgment, "调解": _mediation, "撤诉": _ruling}


def render(
    d: CaseDraft, case_no: str, rng: random.Random, text_chars: tuple[int, int]
) -> tuple[str, frozenset[str]]:
    """Return the document text (inside ``text_chars`` where the core fits) and its cues."""
    lo, hi = text_chars
    st = STYLES[d.style % len(STYLES)]
    lab = labels(d)
    builder = _BUILDERS[d.closing_method]
    head = _header(d, st, case_no)
    for detail in (2, 1, 0):
        feats: set[str] = set()
        content = CONTENT_OF_CAUSE[d.cause](d, rng, money, lab)
        paras, slots = builder(d, st, content, lab, rng, detail, feats)
        paras.insert(0, head)
        slots = {k: v + 1 for k, v in slots.items()}
        paras.append(signature(d, st))
        size = sum(map(len, paras)) + len(paras) - 1
        if size <= hi - 40:
            break
    if size < hi:
        low = max(lo, size)
        target = between(rng, min(hi, low + 60), hi)
        budget = target - size
        names = list(slots)
        share = rng.uniform(0.35, 0.65) if len(names) > 1 else 1.0
        inserts: list[tuple[int, list[str]]] = []
        for i, slot in enumerate(names):
            part = int(budget * share) if i == 0 else budget
            extra, used = filler_paragraphs(rng, d.cause, slot, part)
            budget -= used
            size += used
            inserts.append((slots[slot], extra))
        for idx, extra in sorted(inserts, reverse=True):
            paras[idx + 1 : idx + 1] = extra
        last = max(slots.values())
        while size < lo:
            tail = short_tail(rng)
            paras[last] += tail
            size += len(tail)
    return "\n".join(paras), frozenset(feats)
