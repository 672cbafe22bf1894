"""Parties, amounts and particulars of one background case, per cause of action."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from tools.demogen import pools
from tools.demogen.drafts import Court
from tools.demogen.fast import Weighted, between, pick
from tools.demogen.people import Firm, Person, PersonPool, Place
from tools.demogen.records import Party

GOODS = (
    "建材",
    "五金配件",
    "服装面料",
    "饰品",
    "电子元件",
    "包装材料",
    "食品原料",
    "钢材",
    "水泥",
    "塑料粒子",
    "家具",
    "茶叶",
)
PURPOSES = ("资金周转", "经营需要", "购房", "装修房屋", "进货", "归还他人欠款", "家庭开支")
PLACES = (
    "{county}人民路与建设路交叉口",
    "{county}环城南路",
    "{county}青石镇工业区路段",
    "{county}江滨路",
    "{county}商城大道",
    "省道某线{county}段",
    "{county}凤鸣街道学府路",
)


@dataclass(slots=True)
class Parts:
    """The cause-specific part of a draft."""

    plaintiffs: list[Party]
    defendants: list[Party]
    amount: Decimal | None
    evidence: str = "documents"
    relation: str | None = None
    third_parties: list[Party] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)


@dataclass
class Gen:
    """What the per-cause functions draw from: random source, pool, court, period."""

    rng: random.Random
    pool: PersonPool
    court: Court
    reps: dict[str, str] = field(default_factory=dict)
    _staff: tuple[list[str], list[str], list[str]] | None = None

    def staff_lists(self) -> tuple[list[str], list[str], list[str]]:
        """Return the court's judges, clerks and jurors (made once per court)."""
        if self._staff is None:
            place = self.court.place
            pool = self.pool
            self._staff = (
                pool.staff(place, "judges", 10),
                pool.staff(place, "clerks", 8),
                pool.staff(place, "jurors", 8),
            )
        return self._staff

    @property
    def place(self) -> Place:
        """The county of the court."""
        return self.court.place

    def person(self, p: Person, id_p: float = 0.92) -> Party:
        """Return a person as a party; the court did not record some ID numbers."""
        shown = p.id_number if self.rng.random() < id_p else None
        return Party(
            p.name, shown, p.address, p.gender, p.birth_date, kind="person", true_id=p.id_number
        )

    def firm(self, f: Firm) -> Party:
        """Return a firm as a party and remember its legal representative for the text."""
        self.reps[f.name] = f.representative
        return Party(f.name, f.credit_code, f.address, kind=f.kind, true_id=f.credit_code)

    def defendant(self, fresh: bool, **kw: Any) -> Party:
        """Return a person defendant; ``fresh`` ones (served by notice) are never reused."""
        pool = self.pool
        if fresh:
            p = pool.new_person(self.place, unique_name=True, **kw)
            pool.block(p, reserve_name=True)
            return self.person(p)
        return self.person(pool.pick("def", self.place, reuse_p=0.12, cap=3, **kw))

    def amount(self, median: float, sigma: float, lo: int, hi: int, step: int) -> Decimal:
        """Return a log-normal amount rounded the way claims are (to ``step`` yuan)."""
        x = math.exp(math.log(median) + sigma * self.rng.gauss(0.0, 1.0))
        x = min(max(x, lo), hi)
        return Decimal(max(step, round(x / step) * step))


_EVIDENCE = Weighted(
    [
        ("iou", 33),
        ("iou_transfer", 30),
        ("transfer", 20),
        ("iou_cash", 9),
        ("mixed", 5),
        ("wechat", 3),
    ]
)
_RELATION = Weighted([("朋友", 50), ("同事", 20), ("亲属", 15), ("兄弟", 15)])
_RATE = Weighted(
    [
        ("", 40),
        ("月利率1%", 20),
        ("月利率1.5%", 10),
        ("年利率6%", 10),
        ("年利率10%", 10),
        ("年利率12%", 10),
    ]
)


def lending(g: Gen, fresh: bool) -> Parts:
    """民间借贷: a private lender (capped at two suits) against one or two borrowers."""
    rng = g.rng
    if rng.random() < 0.9:
        lender = g.pool.pick("lend_pl", g.place, reuse_p=0.25, cap=2, name_cap=3, born=(1955, 1995))
        plaintiffs = [g.person(lender)]
    else:
        plaintiffs = [g.firm(g.pool.firm(g.place, reuse_p=0.0))]
    d1 = g.defendant(fresh, born=(1960, 1998))
    defendants = [d1]
    details: dict[str, Any] = {}
    roll = rng.random()
    if roll < 0.2:
        gender = "女" if d1.gender == "男" else "男"
        d2 = g.defendant(fresh, gender=gender, born=(1960, 1998))
        defendants.append(d2)
        details["spouses"] = True
    elif roll < 0.3:
        defendants.append(g.defendant(fresh, born=(1960, 1998)))
        details["guarantor"] = True
    evidence = _EVIDENCE.draw(rng)
    relation = None
    if plaintiffs[0].kind == "person" and rng.random() < 0.25:
        relation = _RELATION.draw(rng)
        same = plaintiffs[0].name[0] == d1.name[0]
        if relation == "兄弟" and not same:
            relation = "朋友"
        elif relation == "兄弟" and plaintiffs[0].gender == "女" and d1.gender == "女":
            relation = "姐妹"
        elif relation == "兄弟" and "女" in (plaintiffs[0].gender, d1.gender):
            relation = "亲属"
    details.update(
        lead_days=between(rng, 60, 900),
        term_months=pick(rng, (3, 6, 6, 12, 12, 12, 24)),
        rate=_RATE.draw(rng),
        purpose=pick(rng, PURPOSES),
    )
    amount = g.amount(60_000, 0.9, 3_000, 2_000_000, 1_000)
    if rng.random() < 0.2:
        details["repaid"] = Decimal(int(amount * Decimal("0.2") / 1000) * 1000)
    if evidence == "mixed":
        cash = Decimal(
            max(1000, int(amount * Decimal(pick(rng, ("0.1", "0.2", "0.3"))) / 1000) * 1000)
        )
        details["cash_part"] = min(cash, amount - 1000) if amount > 2000 else amount
    return Parts(plaintiffs, defendants, amount, evidence, relation, details=details)


def finance(g: Gen, fresh: bool) -> Parts:
    """金融借款合同: a bank, credit co-op or microfinance firm against borrower and guarantors."""
    rng = g.rng
    bank = g.firm(g.pool.institution(g.place, "bank"))
    if rng.random() < 0.8:
        defendants = [g.defendant(fresh, born=(1965, 1998))]
    else:
        defendants = [g.firm(g.pool.firm(g.place, reuse_p=0.2))]
    for _ in range(pick(rng, (0, 0, 1, 1, 2))):
        defendants.append(g.defendant(fresh, born=(1960, 1995)))
    details = {
        "lead_days": between(rng, 200, 1100),
        "term_months": pick(rng, (12, 12, 24, 36)),
        "rate": pick(rng, ("4.35%", "4.75%", "5.22%", "5.65%", "6.09%", "7.2%")),
        "contract_no": f"{between(rng, 10, 99)}0{between(rng, 1000000, 9999999)}",
    }
    amount = g.amount(200_000, 0.8, 20_000, 3_000_000, 1_000)
    return Parts([bank], defendants, amount, details=details)


def credit_card(g: Gen, fresh: bool) -> Parts:
    """信用卡: a card centre against a card holder; amounts carry cents."""
    rng = g.rng
    centre = g.firm(g.pool.institution(g.place, "card"))
    principal = g.amount(25_000, 0.7, 2_000, 150_000, 1)
    interest = (principal * Decimal(between(rng, 8, 30)) / 100).quantize(Decimal("0.01"))
    fee = Decimal(between(rng, 100, 3000)) + Decimal(between(rng, 0, 99)) / 100
    details = {
        "card_tail": f"{between(rng, 0, 9999):04d}",
        "principal": principal,
        "interest": interest,
        "fee": fee,
        "lead_days": between(rng, 120, 700),
    }
    return Parts(
        [centre],
        [g.defendant(fresh, born=(1970, 2000))],
        principal + interest + fee,
        details=details,
    )


def sale(g: Gen, fresh: bool) -> Parts:
    """买卖合同: a seller firm or shop against a buyer firm or person for unpaid goods."""
    rng = g.rng
    kind = "business" if rng.random() < 0.3 else "company"
    seller = g.firm(g.pool.firm(g.place, reuse_p=0.6, kind=kind))
    if rng.random() < 0.5:
        buyer = g.firm(g.pool.firm(g.place, reuse_p=0.5))
    else:
        buyer = g.defendant(fresh, born=(1960, 1995))
    details = {
        "goods": pick(rng, GOODS),
        "lead_days": between(rng, 90, 800),
        "statement": rng.random() < 0.5,
    }
    amount = g.amount(80_000, 1.0, 2_000, 3_000_000, 1)
    return Parts([seller], [buyer], amount, details=details)


def divorce(g: Gen, fresh: bool) -> Parts:
    """离婚: spouses with unique names, never reused, so no divorce matches by chance."""
    rng = g.rng
    pool = g.pool
    wife_sues = rng.random() < 0.65
    husband = pool.new_person(g.place, gender="男", born=(1965, 1998), unique_name=True)
    year = husband.birth_date.year
    wife = pool.new_person(
        g.place,
        gender="女",
        born=(year - 5, min(2000, year + 6)),
        unique_name=True,
        village=husband.village if rng.random() < 0.7 else None,
    )
    for p in (husband, wife):
        pool.block(p, reserve_name=True)
    first, second = (wife, husband) if wife_sues else (husband, wife)
    youngest = max(husband.birth_date.year, wife.birth_date.year)
    marry_year = min(2020, youngest + between(rng, 21, 30))
    details = {
        "met_year": marry_year - between(rng, 0, 3),
        "marry_year": marry_year,
        "children": pick(rng, (0, 1, 1, 1, 2, 2)),
        "grant": rng.random() < 0.6,
        "reconcile": rng.random() < 0.3,
    }
    return Parts([g.person(first)], [g.person(second)], None, relation="夫妻", details=details)


def traffic(g: Gen, fresh: bool) -> Parts:
    """机动车交通事故: the injured (one suit each) against driver and insurer."""
    rng = g.rng
    victim = g.pool.pick("traffic_pl", g.place, cap=1, name_cap=2, born=(1950, 2002))
    driver = g.defendant(fresh, born=(1965, 2000))
    defendants = [driver]
    if rng.random() < 0.2:
        defendants.append(g.firm(g.pool.firm(g.place, reuse_p=0.3)))
    defendants.append(g.firm(g.pool.institution(g.place, "insurer")))
    items = {
        "医疗费": Decimal(between(rng, 3_000, 120_000)),
        "住院伙食补助费": Decimal(between(rng, 3, 60) * 30),
        "营养费": Decimal(between(rng, 10, 90) * 30),
        "护理费": Decimal(between(rng, 20, 120) * 150),
        "误工费": Decimal(between(rng, 30, 240) * 180),
        "交通费": Decimal(between(rng, 2, 20) * 100),
    }
    grade = pick(rng, ("", "", "十级", "十级", "九级", "八级"))
    if grade:
        items["残疾赔偿金"] = Decimal(between(rng, 80_000, 260_000))
        items["精神损害抚慰金"] = Decimal(pick(rng, (3000, 5000, 8000)))
        items["鉴定费"] = Decimal(pick(rng, (1800, 2100, 2400)))
    details = {
        "lead_days": between(rng, 90, 600),
        "place": pick(rng, PLACES).format(county=g.place.county),
        "plate": f"{pools.VEHICLE_PLATE_PREFIX}{pick(rng, 'ABCDFHJK')}{between(rng, 1000, 9999)}",
        "liability": pick(rng, ("全部", "全部", "主要", "同等")),
        "grade": grade,
        "assessor": pick(rng, pools.ASSESSORS).format(city=g.place.city),
        "items": items,
        "hospital_days": between(rng, 3, 60),
    }
    return Parts([g.person(victim)], defendants, sum(items.values(), Decimal(0)), details=details)


def labour(g: Gen, fresh: bool) -> Parts:
    """劳务合同: one to three workers against a contractor or company for unpaid pay."""
    rng = g.rng
    n = pick(rng, (1, 1, 1, 1, 2, 3))
    workers = [
        g.person(g.pool.pick("labour_pl", g.place, cap=1, local_p=0.4, born=(1960, 2000)))
        for _ in range(n)
    ]
    if rng.random() < 0.6:
        payer = g.defendant(fresh, born=(1965, 1992))
    else:
        payer = g.firm(g.pool.firm(g.place, reuse_p=0.3))
    per = g.amount(18_000, 0.6, 2_500, 90_000, 100)
    details = {
        "lead_days": between(rng, 60, 500),
        "per_worker": per,
        "site": pick(rng, pools.TOWNS) + pick(rng, pools.COMPOUND_HEADS) + "项目",
        "iou": rng.random() < 0.5,
    }
    return Parts(workers, [payer], per * n, details=details)


def property_fee(g: Gen, fresh: bool) -> Parts:
    """物业服务合同: the estate's property firm against an owner for unpaid fees."""
    rng = g.rng
    firm = g.firm(g.pool.institution(g.place, "property"))
    owner = g.defendant(fresh, born=(1960, 1995))
    area = Decimal(between(rng, 60, 160))
    fee = Decimal(pick(rng, ("1.2", "1.5", "1.8", "2.2", "2.6")))
    months = between(rng, 12, 60)
    details = {
        "compound": pick(rng, pools.COMPOUND_HEADS) + pick(rng, pools.COMPOUND_TAILS),
        "room": f"{between(rng, 1, 30)}幢{between(rng, 1, 4)}单元{between(rng, 2, 26)}0{between(rng, 1, 4)}室",
        "area": area,
        "fee": fee,
        "months": months,
        "lead_days": between(rng, 30, 200),
    }
    return Parts([firm], [owner], (area * fee * months).quantize(Decimal("0.01")), details=details)


def lease(g: Gen, fresh: bool) -> Parts:
    """房屋租赁合同: a landlord against a tenant for rent in arrears."""
    rng = g.rng
    if rng.random() < 0.7:
        landlord = g.person(g.pool.pick("lessor", g.place, reuse_p=0.2, cap=2, born=(1955, 1990)))
    else:
        landlord = g.firm(g.pool.firm(g.place, reuse_p=0.2))
    if rng.random() < 0.3:
        tenant = g.firm(g.pool.firm(g.place, reuse_p=0.1, kind="business"))
    else:
        tenant = g.defendant(fresh, born=(1965, 2000))
    rent = Decimal(pick(rng, (800, 1200, 1500, 2000, 2500, 3000, 4500, 6000, 8000)))
    months = between(rng, 2, 18)
    details = {
        "rent": rent,
        "months": months,
        "lead_days": between(rng, 120, 900),
        "premises": landlord.address or g.place.county,
    }
    return Parts([landlord], [tenant], rent * months, details=details)


CAUSES: tuple[tuple[str, float, Any], ...] = (
    ("民间借贷纠纷", 35, lending),
    ("金融借款合同纠纷", 12, finance),
    ("信用卡纠纷", 7, credit_card),
    ("买卖合同纠纷", 10, sale),
    ("离婚纠纷", 10, divorce),
    ("机动车交通事故责任纠纷", 10, traffic),
    ("劳务合同纠纷", 6, labour),
    ("物业服务合同纠纷", 5, property_fee),
    ("房屋租赁合同纠纷", 5, lease),
)
PARTS_OF_CAUSE = {name: fn for name, _, fn in CAUSES}
