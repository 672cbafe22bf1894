"""Seeded generator of fictitious county-court data for demos, tests and benchmarks.

All persons, firms, addresses, ID numbers and judgments it makes are invented.

    cases = generate_cases(2500, seed=1)
    write_cases_xlsx("cases.xlsx", cases, header_style="court_a")

For planted supervision clues, build a :class:`Scenario`, add background and planted
drafts, then ``finish_cases`` and ``add_background_lists``.
"""

from __future__ import annotations

from tools.demogen.drafts import CaseDraft, Court
from tools.demogen.list_generators import (
    generate_death_registry,
    generate_driver_licences,
    generate_drunk_driving_convictions,
    generate_pension_payments,
)
from tools.demogen.lists import IdQuirks
from tools.demogen.records import (
    CaseRecord,
    DeathRecord,
    DriverLicence,
    DrunkDrivingConviction,
    Party,
    PensionPayment,
)
from tools.demogen.scenario import Scenario, generate_cases, period_of
from tools.demogen.writers import (
    ods_available,
    write_cases_csv,
    write_cases_xlsx,
    write_list_csv,
    write_list_xlsx,
    write_ods,
)

__all__ = [
    "CaseDraft",
    "CaseRecord",
    "Court",
    "DeathRecord",
    "DriverLicence",
    "DrunkDrivingConviction",
    "IdQuirks",
    "Party",
    "PensionPayment",
    "Scenario",
    "generate_cases",
    "generate_death_registry",
    "generate_driver_licences",
    "generate_drunk_driving_convictions",
    "generate_pension_payments",
    "ods_available",
    "period_of",
    "write_cases_csv",
    "write_cases_xlsx",
    "write_list_csv",
    "write_list_xlsx",
    "write_ods",
]
