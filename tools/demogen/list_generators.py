"""Person lists for callers without a Scenario: each call takes the cases and a seed."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date
from typing import Any

from tools.demogen.lists import (
    CONVICTION_QUIRKS,
    DEATH_QUIRKS,
    DEFAULT_PERIOD,
    LICENCE_QUIRKS,
    PENSION_QUIRKS,
    IdQuirks,
    death_registry,
    driver_licences,
    drunk_driving_convictions,
    pension_payments,
)
from tools.demogen.people import PersonPool, Place, place_for
from tools.demogen.records import (
    CaseRecord,
    DeathRecord,
    DriverLicence,
    DrunkDrivingConviction,
    PensionPayment,
)


def _pool_for(seed: int, cases: Sequence[CaseRecord], *known: Sequence[Any]) -> PersonPool:
    """Return a fresh pool that will not issue an ID already used by the given records."""
    pool = PersonPool(random.Random(seed))
    for c in cases:
        for p in (*c.plaintiffs, *c.defendants, *c.third_parties, *c.agents):
            if p.true_id:
                pool.ids.add(p.true_id)
    for rows in known:
        pool.ids.update(r.true_id for r in rows)
    return pool


def _place(court: str, court_code: str) -> Place:
    return place_for(court, court_code)


def generate_death_registry(
    cases: Sequence[CaseRecord],
    seed: int,
    *,
    n: int = 300,
    period: tuple[date, date] = DEFAULT_PERIOD,
    court: str = "示例县人民法院",
    court_code: str = "浙0799",
    quirks: IdQuirks = DEATH_QUIRKS,
) -> list[DeathRecord]:
    """Return a death registry: some older people of ``cases`` (after their last case), others new."""
    pool = _pool_for(seed, cases)
    return death_registry(pool.rng, pool, _place(court, court_code), cases, n, period, quirks)


def generate_pension_payments(
    cases: Sequence[CaseRecord],
    deaths: Sequence[DeathRecord],
    seed: int,
    *,
    n_persons: int = 400,
    months: tuple[date, date] = DEFAULT_PERIOD,
    court: str = "示例县人民法院",
    court_code: str = "浙0799",
    quirks: IdQuirks = PENSION_QUIRKS,
) -> list[PensionPayment]:
    """Return one row per pensioner per month; the dead are paid at most one month on."""
    pool = _pool_for(seed, cases, deaths)
    return pension_payments(
        pool.rng, pool, _place(court, court_code), deaths, cases, n_persons, months, quirks
    )


def generate_drunk_driving_convictions(
    cases: Sequence[CaseRecord],
    seed: int,
    *,
    n: int = 150,
    period: tuple[date, date] = DEFAULT_PERIOD,
    courts: Sequence[tuple[str, str]] = (("示例县人民法院", "浙0799"), ("邻县人民法院", "浙0798")),
    quirks: IdQuirks = CONVICTION_QUIRKS,
) -> list[DrunkDrivingConviction]:
    """Return 危险驾驶罪 judgments (name, ID, case number, date, sentence)."""
    pool = _pool_for(seed, cases)
    places = [(name, code, _place(name, code)) for name, code in courts]
    return drunk_driving_convictions(pool.rng, pool, places, cases, n, period, quirks)


def generate_driver_licences(
    cases: Sequence[CaseRecord],
    convictions: Sequence[DrunkDrivingConviction],
    seed: int,
    *,
    n_extra: int = 800,
    as_of: date = DEFAULT_PERIOD[1],
    court: str = "示例县人民法院",
    court_code: str = "浙0799",
    quirks: IdQuirks = LICENCE_QUIRKS,
) -> list[DriverLicence]:
    """Return licences with 准驾车型 and status; convicts' are revoked within 30 days."""
    pool = _pool_for(seed, cases, convictions)
    return driver_licences(
        pool.rng, pool, _place(court, court_code), convictions, cases, n_extra, as_of, quirks
    )
