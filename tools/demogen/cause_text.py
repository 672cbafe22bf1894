"""What a judgment says about the merits, per cause: claims, defence, facts, reasons, orders."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from tools.demogen.drafts import CaseDraft
from tools.demogen.fast import between, pick
from tools.demogen.numerals import upper_amount

Money = Callable[[Decimal], str]


@lru_cache(maxsize=8192)
def ymd(d: date) -> str:
    """Return 2023年5月6日."""
    return f"{d.year}年{d.month}月{d.day}日"


@dataclass(slots=True)
class Content:
    """The cause-specific sentences a judgment, ruling or mediation statement is built from."""

    requests: list[str]
    reasons: str
    facts: str
    reasoning: str
    orders: list[str]
    laws: str
    mediation: list[str]
    admit: str
    contest: str
    evidence: str
    features: set[str] = field(default_factory=set)


def _civil_code(*articles: str) -> str:
    return "《中华人民共和国民法典》" + "、".join(f"第{a}条" for a in articles)


def lending(d: CaseDraft, rng: random.Random, m: Money, lab: dict[str, str]) -> Content:
    """民间借贷: IOU, transfer, cash or WeChat delivery, as ``d.evidence`` says."""
    p, d1 = lab["p"], lab["d"]
    amt = d.claim_amount or Decimal(0)
    det = d.details
    when = ymd(det["event_date"])
    feats: set[str] = set()
    rate = det.get("rate") or ""
    rate_txt = f"，约定{rate}" if rate else "，未约定利息"
    ev = d.evidence
    if ev in ("iou", "iou_cash", "iou_transfer", "mixed"):
        feats.add("iou")
        note = pick(rng, ("借条", "借条", "欠条", "借据"))
        lent = f"{d1}向{p}出具{note}一份，载明借款人民币{upper_amount(amt)}（¥{amt}元）{rate_txt}"
    else:
        note = ""
        lent = f"双方未签订书面借款合同{rate_txt}"
    if ev == "iou":
        delivery = f"{p}称已将借款交付给{d1}"
        proof = f"{note}一份"
    elif ev == "iou_cash":
        feats.add("cash_delivery")
        delivery = f"{p}当日以现金方式向{d1}交付了借款"
        proof = f"{note}一份"
    elif ev == "mixed":
        feats |= {"cash_delivery", "transfer"}
        cash = det.get("cash_part", Decimal(1000))
        delivery = f"{p}通过现金{m(cash)}和银行转账{m(amt - cash)}的方式向{d1}交付了借款"
        proof = f"{note}一份、银行转账凭证一份"
    elif ev == "wechat":
        feats.add("transfer")
        delivery = f"{p}通过微信转账方式分次向{d1}支付了借款共计{m(amt)}"
        proof = "微信转账记录及聊天记录截图"
    else:
        feats.add("transfer")
        delivery = f"{p}通过银行转账方式向{d1}支付了借款{m(amt)}"
        proof = (f"{note}一份、" if note else "") + pick(
            rng, ("银行转账凭证一份", "银行流水一份", "转账凭证两份")
        )
    repaid = det.get("repaid")
    left = amt - repaid if repaid else amt
    repay_txt = f"后{d1}归还了{m(repaid)}，余款经催讨未还" if repaid else f"到期后{d1}未归还"
    relation = ""
    if d.relation:
        feats.add("relationship")
        relation = pick(rng, ("原、被告系{r}关系。", "{p}与{d}系{r}。")).format(
            r=d.relation, p=p, d=d1
        )
    spouses = ""
    if det.get("spouses") and len(d.defendants) > 1:
        feats.add("spouses_defendants")
        spouses = f"被告{d1}与被告{d.defendants[1].name}系夫妻。"
    story = f"{spouses}{when}，{d1}因{det['purpose']}向{p}借款{m(amt)}，{lent}。{delivery}。"
    interest = (
        f"并按{rate}支付自{when}起至实际清偿之日止的利息（以不超过合同成立时一年期贷款市场报价利率四倍为限）"
        if rate
        else "并支付自起诉之日起按一年期贷款市场报价利率计算的逾期利息"
    )
    orders = [f"被告{d1}于本判决生效之日起十日内归还原告{p}借款本金{m(left)}，{interest}"]
    if len(d.defendants) > 1:
        d2 = d.defendants[1].name
        verb = "承担共同还款责任" if det.get("spouses") else "承担连带保证责任"
        orders.append(f"被告{d2}对上述债务{verb}")
    pay_by = ymd(d.closing_date + timedelta(days=pick(rng, (30, 60, 90, 180))))
    return Content(
        requests=[f"判令被告{lab['ds']}归还借款本金{m(left)}及利息", "本案诉讼费用由被告负担"],
        reasons=f"{story}{repay_txt}。{relation}",
        facts=f"{story}{repay_txt}。{relation}",
        reasoning=(
            f"合法的借贷关系受法律保护。{p}与{d1}之间的借贷关系，有{proof}及{p}的陈述为证，"
            f"事实清楚，本院予以确认。{d1}未按约归还借款，应承担还款责任。"
        ),
        orders=orders,
        laws=_civil_code("六百六十七", "六百七十四", "六百七十五", "六百七十六")
        + "，《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条、第二十八条",
        mediation=[
            f"被告{d1}于{pay_by}前归还原告{p}借款{m(left)}",
            f"如被告{d1}未按期足额履行上述付款义务，原告{p}可就全部未付款项申请强制执行",
            f"原告{p}放弃其他诉讼请求",
        ],
        admit=pick(
            rng,
            (
                f"对{p}主张的借款事实无异议，但目前经济困难，无力一次性归还，希望分期还款",
                "借款属实，本人愿意归还，但利息请求法院依法调整",
                "对原告所述借款事实予以认可，因生意亏损暂时无法还款，愿意尽快筹款归还",
            ),
        ),
        contest=pick(
            rng,
            (
                f"借款后已陆续归还部分款项，{p}主张的数额与事实不符",
                "双方约定的利息过高，超出法律保护范围的部分不应支持",
                f"该款项系双方合伙经营的投资款，并非借款，{p}的诉请缺乏依据",
            ),
        ),
        evidence=proof,
        features=feats,
    )


def finance(d: CaseDraft, rng: random.Random, m: Money, lab: dict[str, str]) -> Content:
    """金融借款合同: loan contract, guarantee, overdue principal and penalty interest."""
    p, d1 = lab["p"], lab["d"]
    det = d.details
    amt = d.claim_amount or Decimal(0)
    when = ymd(det["event_date"])
    guarantors = [x.name for x in d.defendants[1:]]
    g_txt = f"，{'、'.join(guarantors)}为该笔借款提供连带责任保证" if guarantors else ""
    story = (
        f"{when}，{d1}与{p}签订编号为{det['contract_no']}的借款合同，约定借款{m(amt)}，"
        f"期限{det['term_months']}个月，年利率{det['rate']}{g_txt}。合同签订后，{p}依约发放了贷款，"
        f"{d1}自第{between(rng, 3, 15)}期起未按约还本付息"
    )
    orders = [
        f"被告{d1}于本判决生效之日起十日内归还原告{p}借款本金{m(amt)}，并支付利息、罚息及复利（按合同约定计算至实际清偿之日止）"
    ]
    if guarantors:
        orders.append(
            f"被告{'、'.join(guarantors)}对上述债务承担连带清偿责任，其承担保证责任后，有权向被告{d1}追偿"
        )
    return Content(
        requests=[
            f"判令被告{d1}归还借款本金{m(amt)}及利息、罚息",
            *(["判令保证人承担连带清偿责任"] if guarantors else []),
            "本案诉讼费用由被告负担",
        ],
        reasons=story + "，已构成违约。",
        facts=story + "，截至起诉之日尚欠本金" + m(amt) + "。",
        reasoning=f"{p}与{d1}签订的借款合同系双方真实意思表示，合法有效。{p}依约发放贷款后，{d1}未按约还款，应承担违约责任。",
        orders=orders,
        laws=_civil_code("五百零九", "六百七十五", "六百七十六", "六百八十八"),
        mediation=[
            f"被告{d1}于{ymd(d.closing_date + timedelta(days=90))}前归还原告{p}借款本金{m(amt)}及相应利息",
            "如被告未按期履行，原告可就全部未付款项申请强制执行",
        ],
        admit="对借款及逾期事实无异议，但因经营困难暂时无力归还",
        contest="对罚息及复利的计算标准有异议，认为过高",
        evidence=f"借款合同、{'保证合同、' if guarantors else ''}借款借据及还款明细",
    )


def credit_card(d: CaseDraft, rng: random.Random, m: Money, lab: dict[str, str]) -> Content:
    """信用卡: overdraft principal, interest and fees on a card ending in four digits."""
    p, d1 = lab["p"], lab["d"]
    det = d.details
    story = (
        f"{d1}向{p}申领了尾号为{det['card_tail']}的信用卡，并签署了领用合约。{d1}使用该卡透支消费后未按约还款，"
        f"截至{ymd(d.filing_date - timedelta(days=10))}，尚欠透支本金{m(det['principal'])}、利息{m(det['interest'])}、"
        f"费用{m(det['fee'])}"
    )
    return Content(
        requests=[
            f"判令被告{d1}偿还信用卡透支本金、利息及费用合计{m(d.claim_amount or Decimal(0))}",
            "本案诉讼费用由被告负担",
        ],
        reasons=story + "。",
        facts=story + "。",
        reasoning=f"{d1}向{p}申领信用卡并透支使用，双方形成信用卡合同关系。{d1}未按约还款，应承担还款责任。",
        orders=[
            f"被告{d1}于本判决生效之日起十日内偿还原告{p}信用卡透支本金{m(det['principal'])}及相应利息、费用"
        ],
        laws=_civil_code("五百零九", "五百七十七", "六百七十五"),
        mediation=[
            f"被告{d1}分{between(rng, 6, 24)}期归还原告{p}透支款{m(d.claim_amount or Decimal(0))}，每月最后一日前支付"
        ],
        admit="对透支事实无异议，但利息和费用过高，请求减免",
        contest="部分消费并非本人所为",
        evidence="信用卡申请表、领用合约及交易明细",
    )


def contract_generic(d: CaseDraft, rng: random.Random, m: Money, lab: dict[str, str]) -> Content:
    """买卖, 劳务, 物业, 租赁: a contract performed by one side and unpaid by the other."""
    p, d1, ds = lab["p"], lab["d"], lab["ds"]
    det = d.details
    amt = d.claim_amount or Decimal(0)
    when = ymd(det["event_date"])
    feats: set[str] = set()
    if d.cause == "买卖合同纠纷":
        story = f"{when}起，{p}陆续向{d1}供应{det['goods']}，{d1}未能按约付清货款"
        if det.get("statement"):
            story += f"，经双方对账确认尚欠货款{m(amt)}"
        item, laws = "货款", _civil_code("五百零九", "五百七十七", "六百二十六")
        proof = "购销合同、送货单及对账单"
    elif d.cause == "劳务合同纠纷":
        story = f"{when}起，{lab['ps']}在{d1}承包的{det['site']}从事劳务工作，完工后{d1}尚欠劳务费{m(amt)}未付"
        if det.get("iou"):
            feats.add("iou")
            story += "，并出具欠条一份"
        item, laws = "劳务费", _civil_code("五百零九", "五百七十七")
        proof = "欠条、工时记录及证人证言" if det.get("iou") else "工时记录及证人证言"
    elif d.cause == "物业服务合同纠纷":
        story = (
            f"{p}为{det['compound']}提供物业服务，{d1}系该小区{det['room']}的业主，建筑面积{det['area']}平方米，"
            f"物业费标准为每月每平方米{det['fee']}元，{d1}已拖欠{det['months']}个月物业费{m(amt)}"
        )
        item, laws = "物业费", _civil_code("九百三十七", "九百三十九", "九百四十四")
        proof = "物业服务合同、收费标准备案表及催缴通知"
    else:
        story = (
            f"{when}，{p}将位于{det['premises']}的房屋出租给{d1}使用，月租金{m(det['rent'])}，"
            f"{d1}自承租后拖欠租金{det['months']}个月共计{m(amt)}"
        )
        item, laws = "租金", _civil_code("七百零三", "七百二十一", "七百二十二")
        proof = "房屋租赁合同及催款记录"
    return Content(
        requests=[f"判令被告{ds}支付{item}{m(amt)}及逾期付款损失", "本案诉讼费用由被告负担"],
        reasons=story + "。",
        facts=story + "。",
        reasoning=f"{p}与{d1}之间的合同关系合法有效，{p}已履行了合同义务，{d1}应按约支付{item}。",
        orders=[f"被告{d1}于本判决生效之日起十日内支付原告{lab['ps']}{item}{m(amt)}"],
        laws=laws,
        mediation=[
            f"被告{d1}于{ymd(d.closing_date + timedelta(days=pick(rng, (15, 30, 60))))}前支付原告{lab['ps']}{item}{m(amt)}",
            f"原告{p}放弃其他诉讼请求",
        ],
        admit=f"对欠付{item}的事实无异议，愿意分期支付",
        contest=f"{p}主张的{item}数额计算有误，且其履行存在瑕疵",
        evidence=proof,
        features=feats,
    )


def divorce(d: CaseDraft, rng: random.Random, m: Money, lab: dict[str, str]) -> Content:
    """离婚: marriage, children, breakdown; granted or refused, or divorce by agreement."""
    p, d1 = lab["p"], lab["d"]
    det = d.details
    kids = det["children"]
    kid_txt = {0: "婚后未生育子女", 1: "婚后生育一子", 2: "婚后生育一子一女"}[kids]
    story = (
        f"原、被告系夫妻关系，于{det['met_year']}年经人介绍相识，{det['marry_year']}年登记结婚，"
        f"{kid_txt}。"
    )
    support = Decimal(pick(rng, (800, 1000, 1200, 1500, 2000)))
    grant = det.get("grant", True)
    orders = [f"准予原告{p}与被告{d1}离婚"]
    if kids:
        orders.append(
            f"婚生子女由原告{p}抚养，被告{d1}每月支付抚养费{m(support)}至子女年满十八周岁止"
        )
    if not grant:
        orders = [f"不准予原告{p}与被告{d1}离婚"]
    return Content(
        requests=[
            f"判令原告{p}与被告{d1}离婚",
            *(["婚生子女由原告抚养"] if kids else []),
            "本案诉讼费用由被告负担",
        ],
        reasons=story + "婚后双方因性格差异经常争吵，夫妻感情确已破裂。",
        facts=story + "后双方因家庭琐事产生矛盾。",
        reasoning=(
            "原、被告婚后未能建立起深厚的夫妻感情，分居时间较长，现原告坚决要求离婚，应认定夫妻感情确已破裂。"
            if grant
            else "原、被告系自主婚姻，婚后有一定的感情基础，现夫妻感情尚未完全破裂，仍有和好可能。"
        ),
        orders=orders,
        laws=_civil_code("一千零七十九", "一千零八十四", "一千零八十五"),
        mediation=[
            f"原告{p}与被告{d1}自愿离婚",
            *([f"婚生子女由{p}抚养，{d1}每月支付抚养费{m(support)}"] if kids else []),
            "双方无其他争议",
        ],
        admit="对原告所述婚姻状况无异议，同意离婚，但对子女抚养问题有不同意见",
        contest="双方感情尚未破裂，不同意离婚",
        evidence="结婚证及户口簿",
        features={"relationship"},
    )


def traffic(d: CaseDraft, rng: random.Random, m: Money, lab: dict[str, str]) -> Content:
    """机动车交通事故: accident, liability finding, injury grade, itemised losses."""
    p = lab["p"]
    det = d.details
    driver = d.defendants[0].name
    insurer = d.defendants[-1].name
    items = det["items"]
    total = d.claim_amount or Decimal(0)
    grade = f"，经{det['assessor']}鉴定，{p}的损伤构成{det['grade']}伤残" if det["grade"] else ""
    story = (
        f"{ymd(det['event_date'])}，{driver}驾驶车牌号为{det['plate']}的小型轿车行驶至{det['place']}时，与{p}发生碰撞，"
        f"致{p}受伤。经交警部门认定，{driver}负事故{det['liability']}责任。{p}伤后住院治疗{det['hospital_days']}天{grade}。"
        f"该车在{insurer}投保了交强险及商业第三者责任保险"
    )
    listing = "、".join(f"{k}{m(v)}" for k, v in items.items())
    share = {"全部": Decimal(1), "主要": Decimal("0.7"), "同等": Decimal("0.5")}[det["liability"]]
    award = (total * share).quantize(Decimal("1"))
    return Content(
        requests=[f"判令各被告赔偿原告{p}{listing}，合计{m(total)}", "本案诉讼费用由被告负担"],
        reasons=story + "。",
        facts=story + f"，事故发生在保险期间内。{p}的各项损失经核定为{m(total)}。",
        reasoning=f"本次事故经交警部门认定，{driver}负{det['liability']}责任，{insurer}应在保险责任限额内承担赔偿责任。",
        orders=[f"被告{insurer}于本判决生效之日起十日内赔偿原告{p}各项损失{m(award)}"],
        laws=_civil_code("一千一百七十九", "一千二百零八", "一千二百一十三")
        + "，《中华人民共和国道路交通安全法》第七十六条",
        mediation=[
            f"被告{insurer}于{ymd(d.closing_date + timedelta(days=15))}前赔偿原告{p}各项损失{m(award)}",
            f"原告{p}放弃其他诉讼请求，双方就本次事故再无其他争议",
        ],
        admit="对事故经过及责任认定无异议，但部分费用的计算标准过高",
        contest="对伤残鉴定意见有异议，误工期及护理期过长，非医保用药部分不应由保险公司承担",
        evidence=f"事故责任认定书、病历资料、医疗费发票{'、司法鉴定意见书' if det['grade'] else ''}",
    )


CONTENT_OF_CAUSE: dict[
    str, Callable[[CaseDraft, random.Random, Money, dict[str, str]], Content]
] = {
    "民间借贷纠纷": lending,
    "金融借款合同纠纷": finance,
    "信用卡纠纷": credit_card,
    "买卖合同纠纷": contract_generic,
    "劳务合同纠纷": contract_generic,
    "物业服务合同纠纷": contract_generic,
    "房屋租赁合同纠纷": contract_generic,
    "离婚纠纷": divorce,
    "机动车交通事故责任纠纷": traffic,
}
