"""The generated records: parties, cases and the rows of the person lists."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Party:
    """One party or agent of a case, with the truth behind what the cells show.

    ``kind`` is person, company, business (个体工商户), bank, insurer, or for agents
    lawyer, legal_worker (法律服务所), relative, employee, citizen. ``id_number`` is
    None when the court did not record it; ``true_id`` always holds the real key (ID
    number or credit code) so tests can check entity resolution.
    """

    name: str
    id_number: str | None = None
    address: str | None = None
    gender: str | None = None
    birth_date: date | None = None
    law_firm: str | None = None
    kind: str = "person"
    principal: str | None = None
    relation: str | None = None
    true_id: str | None = None

    @property
    def is_person(self) -> bool:
        """True for natural persons (parties and citizen agents)."""
        return self.kind in ("person", "relative", "employee", "citizen", "lawyer", "legal_worker")


@dataclass(frozen=True, slots=True)
class CaseRecord:
    """One closed civil case with the canonical fields and the judgment text.

    ``text_features`` names the cues the text really contains (mediation,
    mediation_failed, default_judgment, notice_service, notice_fee, admission,
    no_defence, iou, transfer, cash_delivery, relationship, plaintiff_absent,
    withdrawal, defendant_appeared, spouses_defendants, dismissal); ``tags`` says where the case came from
    ("background", or a planting label).
    """

    case_no: str
    court: str
    cause: str
    procedure: str
    doc_type: str
    filing_date: date
    closing_date: date
    closing_method: str
    plaintiffs: tuple[Party, ...]
    defendants: tuple[Party, ...]
    third_parties: tuple[Party, ...]
    agents: tuple[Party, ...]
    claim_amount: Decimal | None
    service_method: str
    judge: str
    full_text: str
    text_features: frozenset[str] = field(default_factory=frozenset)
    tags: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class DeathRecord:
    """A row of the death registry (死亡人员名单); ``id_number`` as the cell shows it."""

    name: str
    id_number: str
    gender: str
    birth_date: date
    death_date: date
    cancel_date: date
    address: str
    source: str
    true_id: str


@dataclass(frozen=True, slots=True)
class PensionPayment:
    """One monthly pension payment to one person (养老金发放明细)."""

    name: str
    id_number: str
    month: date
    pay_date: date
    amount: Decimal
    insurance_type: str
    status: str
    true_id: str


@dataclass(frozen=True, slots=True)
class DrunkDrivingConviction:
    """A 危险驾驶罪 judgment against one person."""

    name: str
    id_number: str
    gender: str
    birth_date: date
    case_no: str
    court: str
    judgment_date: date
    sentence: str
    blood_alcohol: int
    true_id: str


@dataclass(frozen=True, slots=True)
class DriverLicence:
    """A driving licence and its current status (驾驶证状态信息)."""

    file_no: str
    name: str
    id_number: str
    licence_class: str
    first_issue_date: date
    status: str
    status_date: date
    true_id: str
