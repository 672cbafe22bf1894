"""Planted supervision patterns: positives and near-miss decoys for every bundled model.

Use on a scenario in two steps around ``finish_cases``::

    sc = Scenario.new(seed); sc.add_background_cases(...)
    plant_cases(sc)                 # drafts: lenders, false litigation, links, agents
    sc.finish_cases(); sc.add_background_lists(...)
    plant_lists(sc)                 # deaths x pensions, convictions x licences
    truth = truth_table(sc)         # model id -> {"positives": [...], "decoys": [...]}

Every planted person is new, has a unique name and shows an ID number where the export
shows one, so a planted pattern never leans on a background person (and vice versa).
A truth item says what clue to expect: ``{"case": 案号}``, ``{"pair": (案号, 案号)}``,
``{"entity": 姓名}`` or ``{"person": 身份证号}``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from tools.demogen.drafts import CaseDraft, Court
from tools.demogen.lists import _month_add
from tools.demogen.records import (
    DeathRecord,
    DriverLicence,
    DrunkDrivingConviction,
    Party,
    PensionPayment,
)
from tools.demogen.scenario import NEIGHBOUR_CODE, NEIGHBOUR_COURT, Scenario, period_of
from tools.demogen.writers import (
    write_cases_csv,
    write_cases_xlsx,
    write_list_csv,
    write_list_xlsx,
)

LENDING = "民间借贷纠纷"
TRAFFIC = "机动车交通事故责任纠纷"
DIVORCE = "离婚纠纷"
P_LENDER = "lending.professional_lender"
P_FALSE = "lending.false_litigation"
P_NOTICE = "service.notice_default_reachable"
P_DIVORCE = "family.divorce_debt"
P_TRAFFIC = "traffic.repeat_claimant"
P_AGENT = "agent.frequent_citizen_agent"
P_PENSION = "social.pension_after_death"
P_LICENCE = "traffic.drunk_driving_licence"
MODELS = (P_LENDER, P_FALSE, P_NOTICE, P_DIVORCE, P_TRAFFIC, P_AGENT, P_PENSION, P_LICENCE)
PERIOD = (date(2021, 1, 1), date(2024, 12, 31))


def _person(
    sc: Scenario,
    court: Court,
    *,
    surname: str | None = None,
    gender: str | None = None,
    born: tuple[int, int] = (1962, 1995),
    village: str | None = None,
    address: str | None = None,
) -> Party:
    p = sc.pool.new_person(
        court.place,
        gender=gender,
        born=born,
        surname=surname,
        village=village,
        address=address,
        unique_name=True,
    )
    sc.pool.block(p, reserve_name=True)
    return Party(
        p.name, p.id_number, p.address, p.gender, p.birth_date, kind="person", true_id=p.id_number
    )


def _client(sc: Scenario, court: Court, agent: Party) -> Party:
    """Return a new person whose surname differs from the agent's (an unrelated client)."""
    while True:
        p = _person(sc, court)
        if p.name[0] != agent.name[0]:
            return p


def _citizen_agent(a: Party, principal: Party) -> Party:
    return replace(a, kind="citizen", principal=principal.name, relation="所在社区推荐的公民")


def _truth(sc: Scenario, model: str, item: dict[str, Any], decoy: bool = False) -> None:
    sc.truth.setdefault(("decoy:" if decoy else "") + model, []).append(item)


def _case(
    sc: Scenario,
    court: Court,
    cause: str,
    filing: date,
    *,
    days: int = 60,
    plaintiffs: Sequence[Party] | None = None,
    defendants: Sequence[Party] | None = None,
    closing: str = "判决",
    defence: str = "contest",
    service: str = "直接送达",
    evidence: str | None = None,
    relation: str | None = None,
    agents: Sequence[Party] | None = None,
) -> CaseDraft:
    """Return an added draft of ``cause`` with the given particulars (the rest as drawn)."""
    d = sc.draft_case(cause, court, PERIOD, filing=filing)
    if plaintiffs is not None:
        d.plaintiffs = list(plaintiffs)
    if defendants is not None:
        d.defendants = list(defendants)
        d.details.pop("spouses", None)
        d.details.pop("guarantor", None)
    d.closing_method, d.defence, d.service_method = closing, defence, service
    d.closing_date = filing + timedelta(days=days)
    d.mediation_failed = False
    d.plaintiff_absent = False
    if service == "公告送达":
        d.procedure = "普通程序"
    if evidence is not None:
        d.evidence = evidence
    if cause == LENDING:
        d.relation = relation
        d.details.pop("cash_part", None)
        if d.evidence == "mixed":
            d.details["cash_part"] = Decimal(10000)
    d.agents = (
        list(agents)
        if agents is not None
        else [a for a in d.agents if a.kind in ("lawyer", "legal_worker")]
    )
    d.tags.add("planted")
    return sc.add_case(d)


def _months(start: date, n: int, step_days: int) -> list[date]:
    return [start + timedelta(days=i * step_days) for i in range(n)]


def plant_lenders(sc: Scenario, court: Court) -> None:
    """Professional lenders (≥10 suits, ≥10 borrowers, 24 months) and three near misses."""
    for start, n in ((date(2021, 3, 2), 11), (date(2022, 6, 6), 13)):
        lender = _person(sc, court, born=(1965, 1985))
        for f in _months(start, n, 55):
            _case(
                sc,
                court,
                LENDING,
                f,
                plaintiffs=[lender],
                defendants=[_person(sc, court)],
                evidence="iou_transfer",
            )
        _truth(sc, P_LENDER, {"entity": lender.name})
    firm = sc.pool.firm(court.place, reuse_p=0.0)
    firm_party = Party(
        firm.name, firm.credit_code, firm.address, kind="company", true_id=firm.credit_code
    )
    for f in _months(date(2023, 1, 9), 10, 60):
        d = _case(
            sc,
            court,
            LENDING,
            f,
            plaintiffs=[firm_party],
            defendants=[_person(sc, court)],
            evidence="transfer",
        )
        d.details.setdefault("reps", {})[firm.name] = firm.representative
    _truth(sc, P_LENDER, {"entity": firm.name})
    # decoys: a licensed lender; suits spread thin; ten suits against three borrowers
    bank = sc.pool.institution(court.place, "bank")
    bank_party = Party(
        bank.name, bank.credit_code, bank.address, kind="bank", true_id=bank.credit_code
    )
    for f in _months(date(2021, 5, 3), 12, 50):
        d = _case(
            sc,
            court,
            LENDING,
            f,
            plaintiffs=[bank_party],
            defendants=[_person(sc, court)],
            evidence="transfer",
        )
        d.details.setdefault("reps", {})[bank.name] = bank.representative
    _truth(sc, P_LENDER, {"entity": bank.name}, decoy=True)
    thin = _person(sc, court, born=(1965, 1985))
    for f in _months(date(2021, 1, 20), 12, 118):  # at most 7 in any 24 months
        _case(
            sc,
            court,
            LENDING,
            f,
            plaintiffs=[thin],
            defendants=[_person(sc, court)],
            evidence="iou_transfer",
        )
    _truth(sc, P_LENDER, {"entity": thin.name}, decoy=True)
    few = _person(sc, court, born=(1965, 1985))
    borrowers = [_person(sc, court) for _ in range(3)]
    for i, f in enumerate(_months(date(2022, 2, 14), 10, 60)):
        _case(
            sc,
            court,
            LENDING,
            f,
            plaintiffs=[few],
            defendants=[borrowers[i % 3]],
            evidence="iou_transfer",
        )
    _truth(sc, P_LENDER, {"entity": few.name}, decoy=True)


# (evidence, defence, closing, relation, days): indicators fired, per the six of the model
_FALSE_POSITIVE = (
    ("iou_cash", "admit", "判决", "朋友", 40),  # iou, cash, admission, related = 4
    ("iou_cash", "contest", "调解", "亲属", 12),  # iou, cash, mediation, related, short = 5
    ("iou", "admit", "判决", None, 10),  # iou, admission, short + same surname/address = 4
    ("mixed", "admit", "判决", "同事", 9),  # cash, admission, related, short = 4
)
_FALSE_DECOY = (
    ("iou_cash", "admit", "判决", None, 45),  # iou, cash, admission = 3
    (
        "mixed",
        "contest",
        "调解",
        "朋友",
        50,
    ),  # cash, mediation, related = 3 (mixed is not IOU-only)
    ("transfer", "admit", "判决", "兄弟", 10),  # admission, related, short = 3
)


def plant_false_litigation(sc: Scenario, court: Court) -> None:
    """Private-lending suits with four or more of the six indicators, and ones with three."""
    starts = _months(date(2021, 4, 6), 7, 170)
    for i, (evidence, defence, closing, relation, days) in enumerate(
        _FALSE_POSITIVE + _FALSE_DECOY
    ):
        decoy = i >= len(_FALSE_POSITIVE)
        brothers = relation == "兄弟"
        lender = _person(sc, court, born=(1960, 1990), gender="男" if brothers else None)
        if i == 2:  # related only by surname and address
            borrower = _person(sc, court, surname=lender.name[0], address=lender.address)
        elif brothers:
            borrower = _person(sc, court, surname=lender.name[0], gender="男")
        else:
            borrower = _person(sc, court)
        d = _case(
            sc,
            court,
            LENDING,
            starts[i],
            days=days,
            plaintiffs=[lender],
            defendants=[borrower],
            closing=closing,
            defence=defence,
            evidence=evidence,
            relation=relation,
        )
        _truth(sc, P_FALSE, {"case": d}, decoy=decoy)


def plant_notice_links(sc: Scenario, court: Court) -> None:
    """Defaults after public notice while the defendant was reachable elsewhere; near misses."""
    plans = (  # (months from A's closing to B's filing, B's service, B's defence, positive)
        (2, "直接送达", "contest", True),
        (-3, "邮寄送达", "admit", True),
        (4, "直接送达", "silent", True),
        (11, "直接送达", "contest", False),  # B too late
        (1, "公告送达", "absent", False),  # B also by notice, defendant absent
    )
    for i, (gap, service, defence, positive) in enumerate(plans):
        who = _person(sc, court)
        filing_a = date(2021, 9, 1) + timedelta(days=150 * i)
        a = _case(
            sc,
            court,
            "买卖合同纠纷",
            filing_a,
            days=90,
            defendants=[who],
            closing="判决",
            defence="absent",
            service="公告送达",
        )
        filing_b = a.closing_date + timedelta(days=30 * gap)
        b = _case(
            sc,
            court,
            "民间借贷纠纷" if i % 2 else "劳务合同纠纷",
            filing_b,
            days=50,
            defendants=[who],
            closing="判决",
            defence=defence,
            service=service,
            evidence="transfer",
        )
        _truth(sc, P_NOTICE, {"pair": (a, b)}, decoy=not positive)


def plant_divorce_debts(sc: Scenario, court: Court) -> None:
    """Relatives suing one spouse around a divorce, settled or admitted; near misses."""
    plans = (  # (months B is filed before A's filing, relation, closing, defence, positive)
        (2, "兄弟", "调解", "contest", True),
        (-1, "朋友", "判决", "admit", True),  # during the divorce
        (12, "兄弟", "调解", "contest", False),  # too early
        (1, None, "判决", "contest", False),  # unrelated lender, contested
    )
    for i, (before, relation, closing, defence, positive) in enumerate(plans):
        husband = _person(sc, court, gender="男", born=(1975, 1990))
        wife = _person(sc, court, gender="女", born=(1977, 1992))
        filing_a = date(2022, 3, 1) + timedelta(days=200 * i)
        a = _case(
            sc,
            court,
            DIVORCE,
            filing_a,
            days=120,
            plaintiffs=[wife],
            defendants=[husband],
            closing="判决",
            defence="contest",
        )
        surname = husband.name[0] if relation == "兄弟" else None
        lender = _person(sc, court, surname=surname, gender="男")
        b = _case(
            sc,
            court,
            LENDING,
            filing_a - timedelta(days=30 * before),
            days=30,
            plaintiffs=[lender],
            defendants=[husband],
            closing=closing,
            defence=defence,
            evidence="transfer",
            relation=relation,
        )
        _truth(sc, P_DIVORCE, {"pair": (a, b)}, decoy=not positive)


def plant_traffic(sc: Scenario, court: Court) -> None:
    """Repeat traffic claimants and a busy non-lawyer agent; near misses."""
    for start, n, step, positive in (
        (date(2021, 6, 1), 3, 200, True),
        (date(2023, 2, 1), 4, 150, True),
        (date(2021, 2, 1), 3, 420, False),
        (date(2022, 8, 1), 2, 100, False),
    ):
        victim = _person(sc, court)
        for f in _months(start, n, step):
            _case(sc, court, TRAFFIC, f, plaintiffs=[victim], closing="调解")
        _truth(sc, P_TRAFFIC, {"entity": victim.name}, decoy=not positive)
    agent = _person(sc, court, born=(1970, 1985))
    for f in _months(date(2022, 1, 10), 6, 90):
        victim = _client(sc, court, agent)
        _case(sc, court, TRAFFIC, f, plaintiffs=[victim], agents=[_citizen_agent(agent, victim)])
    _truth(sc, P_TRAFFIC, {"entity": agent.name})
    _truth(sc, P_AGENT, {"entity": agent.name})  # the same agent is a citizen-agent clue too
    lawyer = sc.pool.lawyer(court.place)
    for f in _months(date(2021, 3, 10), 8, 80):
        _case(sc, court, TRAFFIC, f, plaintiffs=[_person(sc, court)], agents=[lawyer])
    _truth(sc, P_TRAFFIC, {"entity": lawyer.name}, decoy=True)
    _truth(sc, P_AGENT, {"entity": lawyer.name}, decoy=True)


def plant_agents(sc: Scenario, court: Court) -> None:
    """Citizen agents for many unrelated plaintiffs; relatives and staff as near misses."""
    causes = ("劳务合同纠纷", "买卖合同纠纷", "房屋租赁合同纠纷", "民间借贷纠纷")
    busy = _person(sc, court, born=(1968, 1988))
    for i, f in enumerate(_months(date(2023, 1, 5), 6, 75)):
        client = _client(sc, court, busy)
        _case(
            sc,
            court,
            causes[i % 4],
            f,
            plaintiffs=[client],
            agents=[_citizen_agent(busy, client)],
            evidence="transfer",
        )
    _truth(sc, P_AGENT, {"entity": busy.name})
    parent = _person(sc, court, born=(1950, 1960), gender="男")
    son = _person(
        sc, court, surname=parent.name[0], gender="男", born=(1978, 1985), address=parent.address
    )
    son_agent = replace(son, kind="relative", principal=parent.name, relation="之子")
    for i, f in enumerate(_months(date(2021, 7, 5), 6, 70)):
        _case(
            sc,
            court,
            causes[i % 4],
            f,
            plaintiffs=[parent],
            agents=[son_agent],
            evidence="transfer",
        )
    _truth(sc, P_AGENT, {"entity": son.name}, decoy=True)
    few = _person(sc, court, born=(1968, 1988))
    for i, f in enumerate(_months(date(2022, 4, 5), 4, 80)):
        client = _client(sc, court, few)
        _case(
            sc,
            court,
            causes[i % 4],
            f,
            plaintiffs=[client],
            agents=[_citizen_agent(few, client)],
            evidence="transfer",
        )
    _truth(sc, P_AGENT, {"entity": few.name}, decoy=True)


def plant_cases(sc: Scenario, court: Court | None = None) -> None:
    """Add every planted case draft (call before ``finish_cases``)."""
    court = court or sc.court()
    plant_lenders(sc, court)
    plant_false_litigation(sc, court)
    plant_notice_links(sc, court)
    plant_divorce_debts(sc, court)
    plant_traffic(sc, court)
    plant_agents(sc, court)


def plant_lists(sc: Scenario, court: Court | None = None) -> None:
    """Add planted list rows (call after ``add_background_lists``)."""
    court = court or sc.court()
    _plant_pensions(sc, court)
    _plant_licences(sc, court)


def _pension_rows(
    p: Party, first: date, last: date, status: str = "正常发放", shown: str | None = None
) -> list[PensionPayment]:
    rows = []
    month = date(first.year, first.month, 1)
    while month <= last:
        rows.append(
            PensionPayment(
                p.name,
                shown or str(p.id_number),
                month,
                month.replace(day=15),
                Decimal("2650.00"),
                "企业职工基本养老保险",
                status,
                str(p.true_id),
            )
        )
        month = _month_add(month, 1)
    return rows


def _death(p: Party, died: date, shown: str | None = None) -> DeathRecord:
    assert p.birth_date is not None and p.gender is not None
    return DeathRecord(
        p.name,
        shown or str(p.id_number),
        p.gender,
        p.birth_date,
        died,
        died + timedelta(days=20),
        p.address or "",
        "公安户籍注销",
        str(p.true_id),
    )


def _plant_pensions(sc: Scenario, court: Court) -> None:
    # (death date, last paid month, status, positive)
    plans = (
        (date(2022, 5, 10), date(2022, 11, 1), "正常发放", True),
        (date(2023, 1, 28), date(2023, 4, 1), "正常发放", True),  # paid to month +3
        (date(2023, 9, 3), date(2024, 6, 1), "正常发放", True),
        (date(2022, 8, 20), date(2022, 9, 1), "正常发放", False),  # stopped the month after
        (date(2024, 2, 11), date(2024, 8, 1), "已追回", False),  # paid but recovered
    )
    for i, (died, last, status, positive) in enumerate(plans):
        p = _person(sc, court, born=(1935, 1955))
        while i == 0 and not str(p.id_number).endswith("X"):  # one check digit X at least
            p = _person(sc, court, born=(1935, 1955))
        pid = str(p.id_number)
        # the two lists write a final X differently (x / X): the keys must still agree
        lower = pid[:-1] + "x" if pid.endswith("X") else pid
        sc.deaths.append(_death(p, died, lower if i % 2 == 0 else None))
        month = date(died.year, died.month, 1)
        sc.pensions.extend(_pension_rows(p, date(2021, 1, 1), month))
        sc.pensions.extend(
            _pension_rows(
                p, _month_add(month, 1), last, status=status, shown=lower if i % 2 else None
            )
        )
        _truth(sc, P_PENSION, {"person": pid, "name": p.name}, decoy=not positive)
    # a namesake born the same day, alive and paid: an ID key keeps them apart
    dead = sc.deaths[-5]
    twin = _person(sc, court, born=(dead.birth_date.year, dead.birth_date.year))
    twin = replace(twin, name=dead.name, birth_date=dead.birth_date)
    sc.pensions.extend(_pension_rows(twin, date(2021, 1, 1), date(2024, 12, 1)))
    _truth(sc, P_PENSION, {"person": str(twin.id_number), "name": twin.name}, decoy=True)
    sc.pensions.sort(key=lambda r: (r.month, r.true_id))


def _plant_licences(sc: Scenario, court: Court) -> None:
    # the list's latest status date is the reference the model checks against (the
    # background may date a revocation a little after the period's end)
    as_of = max([PERIOD[1], *(lic.status_date for lic in sc.licences)])
    # (judgment date, licence status, status date, positive)
    plans = (
        (date(2022, 7, 12), "正常", date(2015, 3, 2), True),
        (date(2024, 3, 5), "正常", date(2019, 8, 9), True),
        (date(2023, 10, 30), "有效", date(2012, 5, 20), True),
        (as_of - timedelta(days=12), "正常", date(2016, 4, 1), False),  # within the 30 days
        (date(2023, 5, 8), "吊销", date(2023, 5, 30), False),  # revoked in time
        (date(2018, 6, 1), "正常", date(2024, 2, 1), False),  # over five years: re-licensed
    )
    seq = 900
    for judged, status, changed, positive in plans:
        p = _person(sc, court, gender="男", born=(1970, 1995))
        seq += 7
        sc.convictions.append(
            DrunkDrivingConviction(
                p.name,
                str(p.id_number),
                "男",
                p.birth_date or date(1980, 1, 1),
                f"（{judged.year}）{court.code}刑初{seq}号",
                court.name,
                judged,
                "拘役二个月，并处罚金人民币四千元",
                160,
                str(p.true_id),
            )
        )
        sc.licences.append(
            DriverLicence(
                f"{court.place.region[:4]}9{seq:07d}",
                p.name,
                str(p.id_number),
                "C1",
                date(2010, 6, 1),
                status,
                changed,
                str(p.true_id),
            )
        )
        _truth(sc, P_LICENCE, {"person": str(p.id_number), "name": p.name}, decoy=not positive)
    # pin the licence list's latest status date to the export day (the reference date)
    p = _person(sc, court, born=(1950, 1960))
    sc.licences.append(
        DriverLicence(
            f"{court.place.region[:4]}8000001",
            p.name,
            str(p.id_number),
            "C1",
            date(1990, 1, 1),
            "注销",
            as_of,
            str(p.true_id),
        )
    )


def clue_matches(
    item: dict[str, Any],
    subject_type: str,
    case_nos: Sequence[str],
    persons: Sequence[dict[str, Any]],
) -> bool:
    """Return whether a clue (its subject type, case numbers, persons) is the expected one."""
    if "case" in item:
        return subject_type == "case" and item["case"] in case_nos
    if "pair" in item:
        return subject_type == "case_pair" and sorted(case_nos) == list(item["pair"])
    if "entity" in item:
        # an agent's cell may keep its note in the name: 张三（公民代理）
        return subject_type == "entity" and any(
            re.sub(r"[（(].*$", "", p.get("name") or "") == item["entity"] for p in persons
        )
    return subject_type == "person" and any(
        (p.get("id_number") or "").upper() == item["person"].upper() for p in persons
    )


def truth_table(sc: Scenario) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Return model id -> positives and decoys, with case drafts replaced by case numbers."""

    def resolve(item: dict[str, Any]) -> dict[str, Any]:
        out = dict(item)
        if "case" in out:
            out["case"] = out["case"].case_no
        if "pair" in out:
            out["pair"] = tuple(sorted(d.case_no for d in out["pair"]))
        return out

    return {
        m: {
            "positives": [resolve(x) for x in sc.truth.get(m, [])],
            "decoys": [resolve(x) for x in sc.truth.get("decoy:" + m, [])],
        }
        for m in MODELS
    }


def write_planted(out: Path, n_cases: int, seed: int) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Write a planted scenario as office spreadsheets into ``out``; return its truth table.

    Case files have 案件 in their names (import them as cases); the four lists follow.
    """
    out.mkdir(parents=True, exist_ok=True)
    sc = Scenario.new(seed)
    period = period_of(2021, 4)
    main = sc.court()
    sc.add_background_cases(n_cases, main, period)
    sc.add_background_cases(
        max(100, n_cases // 5), sc.court(NEIGHBOUR_COURT, NEIGHBOUR_CODE), period
    )
    plant_cases(sc, main)
    sc.finish_cases((600, 1200))
    sc.add_background_lists(deaths=300, pensioners=400, convictions=150, licences_extra=800)
    plant_lists(sc, main)
    home = [c for c in sc.cases if c.court == main.name]
    other = [c for c in sc.cases if c.court != main.name]
    write_cases_xlsx(
        out / "示例县人民法院_民事案件.xlsx",
        home,
        header_style="court_a",
        title_row=True,
        seed=seed,
    )
    write_cases_csv(
        out / "邻县人民法院_案件导出.csv",
        other,
        header_style="court_b",
        encoding="gb18030",
        title_row=False,
        seed=seed,
    )
    write_list_xlsx(
        out / "死亡人员名单.xlsx",
        sc.deaths,
        header_style="a",
        title="死亡人员名单",
        date_format="excel",
    )
    write_list_csv(
        out / "养老金发放明细.csv",
        sc.pensions,
        header_style="a",
        encoding="utf-8",
        date_format="dash",
    )
    write_list_xlsx(
        out / "危险驾驶罪判决名单.xlsx", sc.convictions, header_style="a", date_format="cn"
    )
    write_list_xlsx(out / "驾驶证状态信息.xlsx", sc.licences, header_style="b", date_format="dash")
    return truth_table(sc)
