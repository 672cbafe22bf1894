"""A scenario: one random source, one person pool, the cases and lists drawn from them.

Planting code (a later ``plant.py``) works on a scenario: it makes drafts with
``draft_case``, edits them (parties, closing method, service, evidence, dates), adds
them with ``add_case`` and records what it planted in ``truth``. ``finish_cases``
then numbers every case per court and year in filing order and writes the texts, so
planted and background cases look alike.
"""

from __future__ import annotations

import multiprocessing as mp
import random
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tools.demogen.background import draft_background, pick_cause
from tools.demogen.cause_parties import Gen
from tools.demogen.drafts import CaseDraft, Court
from tools.demogen.fast import between
from tools.demogen.judgment import render
from tools.demogen.lists import (
    CONVICTION_QUIRKS,
    DEATH_QUIRKS,
    DEFAULT_PERIOD,
    LICENCE_QUIRKS,
    PENSION_QUIRKS,
    death_registry,
    driver_licences,
    drunk_driving_convictions,
    pension_payments,
)
from tools.demogen.people import PersonPool, place_for
from tools.demogen.records import (
    CaseRecord,
    DeathRecord,
    DriverLicence,
    DrunkDrivingConviction,
    PensionPayment,
)

DEFAULT_COURT = "示例县人民法院"
DEFAULT_CODE = "浙0799"
NEIGHBOUR_COURT = "邻县人民法院"
NEIGHBOUR_CODE = "浙0798"


@dataclass
class Scenario:
    """The state a generation run shares: rng, pool, courts, drafts, records and truth."""

    seed: int
    rng: random.Random
    pool: PersonPool
    courts: dict[str, Court] = field(default_factory=dict)
    drafts: list[CaseDraft] = field(default_factory=list)
    cases: list[CaseRecord] = field(default_factory=list)
    deaths: list[DeathRecord] = field(default_factory=list)
    pensions: list[PensionPayment] = field(default_factory=list)
    convictions: list[DrunkDrivingConviction] = field(default_factory=list)
    licences: list[DriverLicence] = field(default_factory=list)
    truth: dict[str, list[Any]] = field(default_factory=dict)

    @classmethod
    def new(cls, seed: int) -> Scenario:
        """Return an empty scenario seeded with ``seed``."""
        rng = random.Random(seed)
        return cls(seed, rng, PersonPool(rng))

    def court(self, name: str = DEFAULT_COURT, code: str = DEFAULT_CODE) -> Court:
        """Return the court of that name, creating it on first use."""
        if name not in self.courts:
            place = place_for(name, code)
            appeal = f"{place.province}{place.city}中级人民法院"
            self.courts[name] = Court(name, code, place, appeal)
        return self.courts[name]

    def gen(self, court: Court) -> Gen:
        """Return the drawing context the per-cause functions use."""
        return Gen(self.rng, self.pool, court)

    def draft_case(
        self, cause: str, court: Court, period: tuple[date, date], *, filing: date | None = None
    ) -> CaseDraft:
        """Return a realistic draft of ``cause`` (not yet added) for planting code to edit."""
        draft = draft_background(self.gen(court), cause, period, filing=filing)
        draft.tags.discard("background")
        return draft

    def add_case(
        self, draft: CaseDraft, *, truth_key: str | None = None, truth: Any = None
    ) -> CaseDraft:
        """Add a draft; with ``truth_key`` also record ``truth`` (or the draft) as ground truth."""
        self.drafts.append(draft)
        if truth_key is not None:
            self.truth.setdefault(truth_key, []).append(draft if truth is None else truth)
        return draft

    def add_background_cases(self, n: int, court: Court, period: tuple[date, date]) -> None:
        """Add ``n`` background cases of the usual cause mix filed within ``period``."""
        g = self.gen(court)
        for _ in range(n):
            self.drafts.append(draft_background(g, pick_cause(self.rng), period))

    def add_background_lists(
        self,
        *,
        deaths: int = 300,
        pensioners: int = 400,
        convictions: int = 150,
        licences_extra: int = 800,
        period: tuple[date, date] = DEFAULT_PERIOD,
    ) -> None:
        """Fill the four person lists from this scenario's cases and pool (cases first)."""
        courts = list(self.courts.values()) or [self.court()]
        home = courts[0].place
        rng = self.rng
        self.deaths = death_registry(rng, self.pool, home, self.cases, deaths, period, DEATH_QUIRKS)
        self.pensions = pension_payments(
            rng, self.pool, home, self.deaths, self.cases, pensioners, period, PENSION_QUIRKS
        )
        places = [(c.name, c.code, c.place) for c in courts]
        self.convictions = drunk_driving_convictions(
            rng, self.pool, places, self.cases, convictions, period, CONVICTION_QUIRKS
        )
        self.licences = driver_licences(
            rng,
            self.pool,
            home,
            self.convictions,
            self.cases,
            licences_extra,
            period[1],
            LICENCE_QUIRKS,
        )

    def finish_cases(
        self, text_chars: tuple[int, int] = (600, 1500), *, workers: int = 1
    ) -> list[CaseRecord]:
        """Number all drafts per court and year in filing order, render texts, return records.

        Texts draw from one random source per fixed chunk of cases, so the result does
        not depend on ``workers``; more workers render in forked processes.
        """
        order = sorted(
            range(len(self.drafts)),
            key=lambda i: (self.drafts[i].court.code, self.drafts[i].filing_date, i),
        )
        counters: dict[tuple[str, int], int] = {}
        numbered: list[tuple[int, str]] = []
        for i in order:
            d = self.drafts[i]
            key = (d.court.code, d.filing_date.year)
            seq = counters.get(key, between(self.rng, 1, 40)) + (
                2 if self.rng.random() < 0.1 else 1
            )
            counters[key] = seq
            d.case_no = f"（{d.filing_date.year}）{d.court.code}民初{seq}号"
            numbered.append((i, d.case_no))
        texts = _render_all(self.drafts, numbered, self.seed, text_chars, workers)
        records = [
            _record(self.drafts[i], case_no, *texts[k]) for k, (i, case_no) in enumerate(numbered)
        ]
        records.sort(key=lambda r: (r.court, r.filing_date, r.case_no))
        self.cases = records
        return records


_Job = tuple[list[CaseDraft], list[tuple[int, str]], int, tuple[int, int]]
_JOB: _Job | None = None
_CHUNK = 2000


def _render_range(bounds: tuple[int, int]) -> list[tuple[str, frozenset[str]]]:
    assert _JOB is not None
    drafts, numbered, seed, text_chars = _JOB
    # One random source per fixed chunk: the texts do not depend on how many workers run.
    rng = random.Random(seed * 1_000_003 + bounds[0])
    return [
        render(drafts[i], case_no, rng, text_chars)
        for i, case_no in numbered[bounds[0] : bounds[1]]
    ]


def _render_all(
    drafts: list[CaseDraft],
    numbered: list[tuple[int, str]],
    seed: int,
    text_chars: tuple[int, int],
    workers: int,
) -> list[tuple[str, frozenset[str]]]:
    global _JOB
    _JOB = (drafts, numbered, seed, text_chars)
    try:
        n = len(numbered)
        ranges = [(a, min(n, a + _CHUNK)) for a in range(0, n, _CHUNK)]
        if workers <= 1 or n <= _CHUNK or "fork" not in mp.get_all_start_methods():
            return [t for r in ranges for t in _render_range(r)]
        # Forked workers inherit the drafts; only (text, cues) travel back.
        with mp.get_context("fork").Pool(workers) as pool:
            return [t for chunk in pool.imap(_render_range, ranges) for t in chunk]
    finally:
        _JOB = None


def _record(d: CaseDraft, case_no: str, text: str, feats: frozenset[str]) -> CaseRecord:
    return CaseRecord(
        case_no=case_no,
        court=d.court.name,
        cause=d.cause,
        procedure=d.procedure,
        doc_type=d.doc_type,
        filing_date=d.filing_date,
        closing_date=d.closing_date,
        closing_method=d.closing_method,
        plaintiffs=tuple(d.plaintiffs),
        defendants=tuple(d.defendants),
        third_parties=tuple(d.third_parties),
        agents=tuple(d.agents),
        claim_amount=d.claim_amount,
        service_method=d.service_method,
        judge=d.judge,
        full_text=text,
        text_features=feats,
        tags=frozenset(d.tags),
    )


def period_of(start_year: int, years: int) -> tuple[date, date]:
    """Return 1 January of ``start_year`` to 31 December of the last year."""
    return date(start_year, 1, 1), date(start_year + years - 1, 12, 31)


def generate_cases(
    n: int,
    seed: int,
    *,
    text_chars: tuple[int, int] = (600, 1500),
    start_year: int = 2021,
    years: int = 4,
    court: str = DEFAULT_COURT,
    court_code: str = DEFAULT_CODE,
    workers: int = 1,
) -> list[CaseRecord]:
    """Return ``n`` background civil cases of one court, filed over ``years`` years."""
    sc = Scenario.new(seed)
    sc.add_background_cases(n, sc.court(court, court_code), period_of(start_year, years))
    return sc.finish_cases(text_chars, workers=workers)
