"""What a model run yields: hits with reasons, evidence spans and a 0–100 risk score."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """A stretch of a judgment text that made a feature fire (start -1: from a column)."""

    case_id: int
    case_no: str
    feature: str
    start: int
    end: int
    cue: str | None
    text: str | None  # the span with a little context


@dataclass(frozen=True)
class Reason:
    """One indicator that fired, with the field values or text spans behind it."""

    indicator: str
    label: str
    detail: str
    weight: float | None = None
    case_id: int | None = None
    case_no: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    spans: tuple[Span, ...] = ()

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["spans"] = [asdict(s) for s in self.spans]
        return out


@dataclass(frozen=True)
class Hit:
    """One subject a model found, ready to become (part of) a clue."""

    model_id: str
    model_version: int
    model_name: str
    subject_type: str  # case | case_pair | entity | person
    subject_key: str
    title: str
    summary: str
    score: float
    raw_score: float
    reasons: tuple[Reason, ...]
    case_ids: tuple[int, ...]
    persons: tuple[dict[str, Any], ...] = ()


def ratio_score(raw: float, threshold: float) -> float:
    """Return 60 at the threshold, rising 40 points for each further threshold's worth, max 100."""
    if threshold <= 0:
        return 60.0
    return float(min(100, max(0, round(60 + 40 * (raw / threshold - 1)))))


def count_score(count: int, base: int = 70, step: int = 3) -> float:
    """Return ``base`` for one finding plus ``step`` per further one, max 100."""
    return float(min(100, base + step * max(0, count - 1)))


def case_subject(case_no_key: str) -> str:
    return f"case:{case_no_key}"


def pair_subject(a_key: str, b_key: str) -> str:
    first, second = sorted((a_key, b_key))
    return f"pair:{first}|{second}"


def entity_subject(entity_key: str) -> str:
    return f"entity:{entity_key}"


def person_subject(id_number: str | None, name_key: str | None, birth: str | None) -> str:
    if id_number:
        return f"person:{id_number.upper()}"
    return f"person:{name_key}|{birth}"
