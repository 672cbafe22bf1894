"""A case before it has a number and a text: what planting code edits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from tools.demogen.people import Place
from tools.demogen.records import Party


@dataclass(frozen=True, slots=True)
class Court:
    """A court the scenario files cases in."""

    name: str
    code: str
    place: Place
    appeal_court: str


@dataclass(slots=True)
class CaseDraft:
    """Everything that decides a case's fields and the wording of its judgment.

    ``defence`` is how the (person) defendants took part: "admit" (appeared, admitted
    the claim), "contest" (appeared, disputed), "silent" (appeared, said nothing of
    substance) or "absent" (did not appear; a judgment is then a default judgment).
    ``evidence`` says how the money moved: "iou", "iou_cash", "transfer",
    "iou_transfer", "mixed" (cash and transfer), "wechat", or "documents" for
    non-lending causes. ``relation`` is how the plaintiff is related to the defendant
    (朋友, 同事, 亲属, 兄弟, 姐妹) or None. ``details`` holds cause-specific values
    (dates, rates, items) the text needs. ``case_no`` is set when the scenario numbers
    its cases, so ground truth kept as drafts can name the finished cases.
    """

    court: Court
    cause: str
    filing_date: date
    closing_date: date
    closing_method: str
    procedure: str
    service_method: str
    plaintiffs: list[Party]
    defendants: list[Party]
    third_parties: list[Party] = field(default_factory=list)
    agents: list[Party] = field(default_factory=list)
    claim_amount: Decimal | None = None
    judge: str = ""
    panel: list[tuple[str, str]] = field(default_factory=list)
    clerk: str = ""
    defence: str = "contest"
    evidence: str = "documents"
    relation: str | None = None
    mediation_failed: bool = False
    plaintiff_absent: bool = False
    style: int = 0
    details: dict[str, Any] = field(default_factory=dict)
    tags: set[str] = field(default_factory=set)
    case_no: str = ""

    @property
    def doc_type(self) -> str:
        """判决书, 裁定书 or 调解书, following the closing method."""
        if self.closing_method == "调解":
            return "调解书"
        if self.closing_method == "撤诉":
            return "裁定书"
        return "判决书"

    @property
    def duration_days(self) -> int:
        """Days from filing to closing."""
        return (self.closing_date - self.filing_date).days
