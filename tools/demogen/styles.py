"""Five court writing styles: section order, headings and the wording of stock sentences."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Style:
    """How one judge (or court) writes: headings, party lines and stock phrases."""

    header: str
    agent_word: str
    person_line: str
    id_part: str
    proc: str
    claim_intro: str
    reasons_intro: str
    defence_intro: str
    facts_intro: str
    reason_intro: str
    verdict_intro: str
    evidence_first: bool
    describes_service: bool
    tail: str


STYLES: tuple[Style, ...] = (
    Style(  # the 2016 national template
        header="{court}\n{doc}\n{no}",
        agent_word="委托诉讼代理人",
        person_line="{role}：{name}，{gender}，{birth}出生，汉族，住{addr}{id}。",
        id_part="，公民身份号码{id}",
        proc="{P}与{D}{cause}一案，本院于{filing}立案后，依法适用{procedure}，公开开庭进行了审理。",
        claim_intro="{P}向本院提出诉讼请求：",
        reasons_intro="事实和理由：",
        defence_intro="{X}辩称，",
        facts_intro="本院经审理认定事实如下：",
        reason_intro="本院认为，",
        verdict_intro="依照{laws}之规定，判决如下：",
        evidence_first=False,
        describes_service=True,
        tail="",
    ),
    Style(  # older "诉称" style with ID numbers and a certified-copy line
        header="{court}\n{doc_spaced}\n{no}",
        agent_word="委托代理人",
        person_line="{role}{name}，{gender}，汉族，{birth}生，住{addr}{id}。",
        id_part="，公民身份号码{id}",
        proc="{P}诉{D}{cause}一案，本院受理后，依法适用{procedure}，于{hearing}公开开庭进行了审理。",
        claim_intro="{P}诉称：",
        reasons_intro="",
        defence_intro="{X}辩称：",
        facts_intro="经审理查明：",
        reason_intro="本院认为：",
        verdict_intro="据此，依照{laws}之规定，判决如下：",
        evidence_first=False,
        describes_service=True,
        tail="本件与原本核对无异",
    ),
    Style(  # terse element style used for small claims
        header="{court}{doc}　{no}",
        agent_word="委托诉讼代理人",
        person_line="{role}：{name}{id}，住{addr}。",
        id_part="（公民身份号码：{id}）",
        proc="本院于{filing}立案受理{P}诉{D}{cause}一案后，依法适用{procedure}进行审理。",
        claim_intro="原告诉讼请求：",
        reasons_intro="主要事实与理由：",
        defence_intro="{X}答辩意见：",
        facts_intro="本院查明：",
        reason_intro="本院认为：",
        verdict_intro="依照{laws}之规定，判决如下：",
        evidence_first=False,
        describes_service=False,
        tail="",
    ),
    Style(  # evidence first, then findings, with a summing-up
        header="{court}\n{doc}\n{no}",
        agent_word="委托诉讼代理人",
        person_line="{role}：{name}，{gender}，{birth}出生，汉族，住{addr}{id}。",
        id_part="，公民身份号码：{id}",
        proc="{P}与{D}{cause}一案，本院于{filing}受理后，依法适用{procedure}，于{hearing}公开开庭进行了审理。",
        claim_intro="{P}向本院提出诉讼请求：",
        reasons_intro="事实与理由：",
        defence_intro="{X}辩称，",
        facts_intro="根据当事人陈述和经审查确认的证据，本院认定事实如下：",
        reason_intro="本院认为，",
        verdict_intro="综上所述，依照{laws}之规定，判决如下：",
        evidence_first=True,
        describes_service=True,
        tail="",
    ),
    Style(  # plain rural-court style
        header="{court}\n{doc}\n{no}",
        agent_word="委托诉讼代理人",
        person_line="{role}：{name}，{gender}，{birth}出生，住{addr}{id}。",
        id_part="，身份证号码：{id}",
        proc="{P}与{D}{cause}一案，本院立案受理后，依法适用{procedure}，公开开庭进行了审理。",
        claim_intro="{P}起诉称，",
        reasons_intro="",
        defence_intro="{X}答辩称，",
        facts_intro="经审理，本院认定如下事实：",
        reason_intro="本院认为，",
        verdict_intro="依照{laws}的规定，判决如下：",
        evidence_first=False,
        describes_service=True,
        tail="",
    ),
)

ABSENT = (
    "{D}经本院传票传唤，无正当理由拒不到庭参加诉讼",
    "{D}经本院合法传唤，无正当理由未到庭",
    "{D}经传票传唤无正当理由拒不到庭",
    "{D}未到庭参加诉讼",
)
ABSENT_NOTICE = (
    "{D}经本院公告送达开庭传票，未到庭参加诉讼",
    "{D}经公告传唤，无正当理由未到庭",
)
DEFAULT_ADDON = ("，本院依法缺席审理", "，本院依法进行了缺席审理", "", "")
NO_DEFENCE_ABSENT = (
    "{D}未作答辩，亦未提交证据。",
    "{D}未到庭，亦未提交书面答辩状。",
    "{D}未答辩。",
    "{D}未提出答辩意见，亦未向本院提交证据。",
)
NO_DEFENCE_PRESENT = (
    "{D}到庭后未作答辩。",
    "{D}虽到庭参加诉讼，但未提交书面答辩状，亦未发表答辩意见。",
)
MEDIATION_FAILED = (
    "案经调解未果。",
    "本案经调解，双方未能达成协议。",
    "庭审中，本院主持调解，因双方分歧较大，调解不成。",
    "经本院主持调解，双方各执己见，无法调解。",
)
MEDIATION_OPEN = (
    "本案审理过程中，经本院主持调解，双方当事人自愿达成如下协议：",
    "经本院主持调解，当事人自愿达成如下协议：",
    "在本院主持下，双方当事人自愿达成如下协议：",
)
SERVICE_DONE = {
    "直接送达": "本院依法向被告直接送达了起诉状副本及开庭传票。",
    "邮寄送达": "本院依法向被告邮寄送达了起诉状副本、应诉通知书及开庭传票。",
    "电子送达": "经被告同意，本院通过电子送达方式向其送达了起诉状副本及开庭传票。",
}
NOTICE_DONE = (
    "因被告{d}下落不明，本院依法向其公告送达了起诉状副本、应诉通知书、举证通知书及开庭传票。",
    "因无法直接送达，本院依法向被告{d}公告送达了起诉状副本及开庭传票等诉讼文书。",
)
