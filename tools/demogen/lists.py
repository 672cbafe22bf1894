"""Person lists keyed to the people of the cases: deaths, pensions, convictions, licences.

Background lists never collide by chance: pensions stop in the month of death or the
month after (the pension model wants two months or more), and every drunk-driving
convict who holds a licence has it revoked within 30 days of the judgment.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from tools.demogen import pools
from tools.demogen.fast import Weighted, between, pick
from tools.demogen.idcards import excel_mangled, to_15_digits
from tools.demogen.numerals import cn_int
from tools.demogen.people import Person, PersonPool, Place
from tools.demogen.records import (
    CaseRecord,
    DeathRecord,
    DriverLicence,
    DrunkDrivingConviction,
    PensionPayment,
)

_LICENCE_CLASS = Weighted(pools.LICENCE_CLASSES)


@dataclass(frozen=True, slots=True)
class IdQuirks:
    """How often a list shows an ID number badly: lower-case x, 15 digits, Excel float."""

    lower_x: float = 0.4
    fifteen: float = 0.0
    mangled: float = 0.0


def shown_id(rng: random.Random, true_id: str, q: IdQuirks) -> str:
    """Return the ID number as the list's cell shows it."""
    roll = rng.random()
    if roll < q.mangled and true_id[-1] != "X":
        return excel_mangled(true_id)
    if roll < q.mangled + q.fifteen and true_id[6:8] == "19" and true_id[8:10] < "90":
        return to_15_digits(true_id)
    if true_id[-1] == "X" and rng.random() < q.lower_x:
        return true_id[:-1] + "x"
    return true_id


def people_of_cases(cases: Sequence[CaseRecord]) -> tuple[list[Person], dict[str, date]]:
    """Return the natural persons of the cases and the last date each one acted in a case."""
    last: dict[str, date] = {}
    people: dict[str, Person] = {}
    for c in cases:
        for p in (*c.plaintiffs, *c.defendants, *c.third_parties, *c.agents):
            if p.true_id and p.birth_date and p.gender and p.kind in ("person", "relative"):
                if p.true_id not in people:
                    people[p.true_id] = Person(
                        p.name, p.true_id, p.gender, p.birth_date, p.address or "", p.address or ""
                    )
                if last.get(p.true_id, date.min) < c.closing_date:
                    last[p.true_id] = c.closing_date
    return list(people.values()), last


def _day_in(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=between(rng, 0, max(0, (end - start).days)))


def death_registry(
    rng: random.Random,
    pool: PersonPool,
    place: Place,
    cases: Sequence[CaseRecord],
    n: int,
    period: tuple[date, date],
    quirks: IdQuirks,
) -> list[DeathRecord]:
    """Return ``n`` deaths: older people from the cases (after their last case) and others."""
    people, last = people_of_cases(cases)
    older = [p for p in people if p.birth_date.year < 1968]
    rng.shuffle(older)
    chosen: list[tuple[Person, date]] = []
    for p in older[: n // 3]:
        start = max(period[0], last[p.id_number] + timedelta(days=30))
        if start < period[1]:
            chosen.append((p, _day_in(rng, start, period[1])))
    while len(chosen) < n:
        p = pool.new_person(place, born=(1928, 1962), local_p=0.95)
        chosen.append((p, _day_in(rng, period[0], period[1])))
    out = []
    for p, died in chosen:
        source = pick(rng, ("公安户籍注销", "殡葬火化信息", "医学死亡证明"))
        out.append(
            DeathRecord(
                p.name,
                shown_id(rng, p.id_number, quirks),
                p.gender,
                p.birth_date,
                died,
                died + timedelta(days=between(rng, 3, 60)),
                p.address,
                source,
                p.id_number,
            )
        )
    out.sort(key=lambda r: (r.death_date, r.true_id))
    return out


def _month_add(d: date, months: int) -> date:
    m = d.year * 12 + d.month - 1 + months
    return date(m // 12, m % 12 + 1, 1)


def pension_payments(
    rng: random.Random,
    pool: PersonPool,
    place: Place,
    deaths: Sequence[DeathRecord],
    cases: Sequence[CaseRecord],
    n_persons: int,
    months: tuple[date, date],
    quirks: IdQuirks,
) -> list[PensionPayment]:
    """Return monthly payments to pensioners; a deceased one's stop by the month after death."""
    people, _ = people_of_cases(cases)
    retired = [p for p in people if p.birth_date.year < 1963]
    rng.shuffle(retired)
    dead_by_id = {d.true_id: d for d in deaths}
    recipients: list[tuple[str, str, date]] = [
        (d.name, d.true_id, d.birth_date) for d in deaths if d.birth_date.year < 1963
    ]
    for p in retired[: n_persons // 3]:
        if p.id_number not in dead_by_id:
            recipients.append((p.name, p.id_number, p.birth_date))
    while len(recipients) < n_persons:
        p = pool.new_person(place, born=(1935, 1962), local_p=0.95)
        recipients.append((p.name, p.id_number, p.birth_date))
    first, final = (
        date(months[0].year, months[0].month, 1),
        date(months[1].year, months[1].month, 1),
    )
    rows: list[PensionPayment] = []
    for name, true_id, birth in recipients:
        rural = rng.random() < 0.55
        base = Decimal(between(rng, 180, 420)) if rural else Decimal(between(rng, 2200, 5200))
        kind = "城乡居民基本养老保险" if rural else "企业职工基本养老保险"
        shown = shown_id(rng, true_id, quirks)
        retire = _month_add(date(birth.year, birth.month, 1), 60 * 12 + 1)
        start = max(first, retire)
        stop = final
        died = dead_by_id.get(true_id)
        if died is not None:
            lag = 1 if rng.random() < 0.3 else 0
            stop = min(final, _month_add(date(died.death_date.year, died.death_date.month, 1), lag))
        pay_day = pick(rng, (10, 15, 20))
        month = start
        while month <= stop:
            raise_years = month.year - first.year - (1 if month.month < 7 else 0)
            amount = (base * (Decimal("1.03") ** max(0, raise_years))).quantize(Decimal("0.01"))
            rows.append(
                PensionPayment(
                    name,
                    shown,
                    month,
                    month.replace(day=pay_day),
                    amount,
                    kind,
                    "正常发放",
                    true_id,
                )
            )
            month = _month_add(month, 1)
    rows.sort(key=lambda r: (r.month, r.true_id))
    return rows


def _sentence(rng: random.Random) -> str:
    months = pick(rng, (1, 1, 2, 2, 3, 4, 5, 6))
    fine = pick(rng, (2000, 3000, 4000, 5000, 6000, 8000, 10000, 15000, 20000))
    text = f"拘役{cn_int(months)}个月"
    if rng.random() < 0.35:
        text += f"，缓刑{cn_int(months * 2)}个月"
    return text + f"，并处罚金人民币{fine}元"


def drunk_driving_convictions(
    rng: random.Random,
    pool: PersonPool,
    courts: Sequence[tuple[str, str, Place]],
    cases: Sequence[CaseRecord],
    n: int,
    period: tuple[date, date],
    quirks: IdQuirks,
) -> list[DrunkDrivingConviction]:
    """Return 危险驾驶罪 judgments, numbered 刑初 per court and year in date order."""
    people, _ = people_of_cases(cases)
    drivers_age = [p for p in people if 1960 <= p.birth_date.year <= 2000 and p.gender == "男"]
    rng.shuffle(drivers_age)
    picked: list[tuple[Person, date, int]] = []
    for p in drivers_age[: n // 4]:
        picked.append((p, _day_in(rng, period[0], period[1]), below_courts(rng, courts)))
    while len(picked) < n:
        court_idx = below_courts(rng, courts)
        gender = "男" if rng.random() < 0.92 else "女"
        p = pool.new_person(courts[court_idx][2], gender=gender, born=(1960, 2002))
        picked.append((p, _day_in(rng, period[0], period[1]), court_idx))
    picked.sort(key=lambda t: (t[2], t[1], t[0].id_number))
    seqs: dict[tuple[int, int], int] = {}
    out = []
    for p, when, ci in picked:
        court, code, _ = courts[ci]
        key = (ci, when.year)
        seqs[key] = seqs.get(key, between(rng, 5, 60)) + between(rng, 1, 4)
        out.append(
            DrunkDrivingConviction(
                p.name,
                shown_id(rng, p.id_number, quirks),
                p.gender,
                p.birth_date,
                f"（{when.year}）{code}刑初{seqs[key]}号",
                court,
                when,
                _sentence(rng),
                between(rng, 81, 260),
                p.id_number,
            )
        )
    return out


def below_courts(rng: random.Random, courts: Sequence[object]) -> int:
    """Return the index of the court a conviction comes from (mostly the first)."""
    return 0 if len(courts) == 1 or rng.random() < 0.8 else between(rng, 1, len(courts) - 1)


def driver_licences(
    rng: random.Random,
    pool: PersonPool,
    place: Place,
    convictions: Sequence[DrunkDrivingConviction],
    cases: Sequence[CaseRecord],
    n_extra: int,
    as_of: date,
    quirks: IdQuirks,
) -> list[DriverLicence]:
    """Return licences: convicts' revoked within 30 days of judgment, others mostly valid."""
    out: list[DriverLicence] = []
    seen: set[str] = set()
    serial = between(rng, 100_000, 300_000)

    def file_no() -> str:
        """Return the next 12-digit licence file number."""
        nonlocal serial
        serial += between(rng, 1, 9)
        return f"{place.region[:4]}{serial:08d}"

    for c in convictions:
        if c.true_id in seen:
            continue
        seen.add(c.true_id)  # also those without a licence: never listed as valid holders
        if rng.random() < 0.12:  # some drove without a licence
            continue
        revoked = c.judgment_date + timedelta(days=between(rng, -45, 25))
        issued = min(_first_issue(rng, c.birth_date), c.judgment_date - timedelta(days=200))
        out.append(
            DriverLicence(
                file_no(),
                c.name,
                shown_id(rng, c.true_id, quirks),
                _LICENCE_CLASS.draw(rng),
                issued,
                "吊销",
                revoked,
                c.true_id,
            )
        )
    people, _ = people_of_cases(cases)
    holders = [
        p for p in people if p.birth_date.year <= as_of.year - 20 and p.id_number not in seen
    ]
    rng.shuffle(holders)
    extra = holders[: n_extra // 2]
    while len(extra) < n_extra:
        extra.append(pool.new_person(place, born=(1955, 2003)))
    for p in extra:
        seen.add(p.id_number)
        status = pick(rng, ("正常",) * 17 + ("注销", "暂扣", "吊销"))
        issued = _first_issue(rng, p.birth_date)
        changed = (
            issued
            if status == "正常"
            else _day_in(rng, max(issued, as_of - timedelta(days=1400)), as_of)
        )
        out.append(
            DriverLicence(
                file_no(),
                p.name,
                shown_id(rng, p.id_number, quirks),
                _LICENCE_CLASS.draw(rng),
                issued,
                status,
                changed,
                p.id_number,
            )
        )
    return out


def _first_issue(rng: random.Random, birth: date) -> date:
    year = min(2024, birth.year + between(rng, 18, 35))
    return date(year, between(rng, 1, 12), between(rng, 1, 28))


DEFAULT_PERIOD = (date(2021, 1, 1), date(2024, 12, 31))
DEATH_QUIRKS = IdQuirks(lower_x=0.3, fifteen=0.03, mangled=0.01)
PENSION_QUIRKS = IdQuirks(lower_x=0.5, fifteen=0.02, mangled=0.0)
CONVICTION_QUIRKS = IdQuirks(lower_x=0.2, fifteen=0.0, mangled=0.02)
LICENCE_QUIRKS = IdQuirks(lower_x=0.6, fifteen=0.01, mangled=0.0)
