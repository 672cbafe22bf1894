"""Text features of a civil judgment (mediation, default, notice, admission, evidence, amount…).

``extract_features(text, columns)`` scans the text once with the cue book from
``resources/cues`` and returns a ``FeatureSet``: every feature that fired, with the span
of its evidence and the cue that made it fire, plus Chinese data-quality notes where the
case's columns and its text disagree (the columns win).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from core.text.columns import apply_columns
from core.text.cuebook import CueBook, cue_version, load_cues
from core.text.header import parse_header
from core.text.scan import RawFeature, scan

# Features that are either there or not; ``flags()`` reports each of them.
BOOLEAN_FEATURES = (
    "mediation",
    "default_judgment",
    "notice_service",
    "self_admission",
    "no_defence",
    "iou_only",
    "cash_delivery",
    "appeared",
    "absent",
    "relationship",
)
# Features that carry a value: the loan principal (yuan) and a party's address.
VALUE_FEATURES = ("principal", "address")
# Chinese names for display.
FEATURE_LABELS = {
    "mediation": "调解结案",
    "default_judgment": "缺席判决",
    "notice_service": "公告送达",
    "self_admission": "被告自认",
    "no_defence": "未答辩",
    "iou_only": "仅有借条",
    "cash_delivery": "现金交付",
    "appeared": "到庭",
    "absent": "未到庭",
    "relationship": "当事人关系",
    "principal": "借款本金",
    "address": "住址",
}
# Whose appearance is reported per role, for ``labels()``.
_PARTY_FEATURES = ("appeared", "absent")

CUE_VERSION: str = cue_version()


@dataclass(frozen=True)
class Feature:
    """One fired feature: its value, the span of the evidence (-1 for a column) and the cue."""

    name: str
    value: str | float | bool
    start: int
    end: int
    cue: str
    party: str | None = None  # which party/role it concerns, e.g. "defendant" or a name


@dataclass(frozen=True)
class FeatureSet:
    """All features of one judgment plus data-quality notes (Chinese)."""

    features: tuple[Feature, ...]
    notes: tuple[str, ...]

    def has(self, name: str) -> bool:
        """Return whether a feature of this name fired."""
        return any(f.name == name for f in self.features)

    def first(self, name: str) -> Feature | None:
        """Return the first feature of this name in text order, or None."""
        return next((f for f in self.features if f.name == name), None)

    def all(self, name: str) -> tuple[Feature, ...]:
        """Return every feature of this name, in text order."""
        return tuple(f for f in self.features if f.name == name)

    def flags(self) -> dict[str, bool]:
        """Return each boolean feature's name → whether it fired."""
        fired = {f.name for f in self.features}
        return {name: name in fired for name in BOOLEAN_FEATURES}

    def labels(self) -> set[str]:
        """Return the fired labels as evaluation keys.

        Boolean features by name, except appearance which is per role (``absent@defendant``);
        a relationship between a plaintiff and a defendant also gives
        ``relationship@plaintiff-defendant``.
        """
        out: set[str] = set()
        for f in self.features:
            if f.name in _PARTY_FEATURES:
                if f.party is not None:
                    out.add(f"{f.name}@{f.party}")
            elif f.name in BOOLEAN_FEATURES:
                out.add(f.name)
                if f.name == "relationship" and f.party == "plaintiff-defendant":
                    out.add("relationship@plaintiff-defendant")
        return out

    def principal(self) -> float | None:
        """Return the loan principal in yuan, or None when the text gives none."""
        found = self.first("principal")
        return None if found is None else float(found.value)


@lru_cache(maxsize=1)
def _bundled() -> CueBook:
    return load_cues()


def extract_features(
    text: str, columns: Mapping[str, object] | None = None, *, cues: CueBook | None = None
) -> FeatureSet:
    """Return the features of one judgment text, with the case's columns taking precedence.

    ``columns`` may hold the canonical fields ``closing_method`` (判决/调解/撤诉/驳回),
    ``service_method`` (直接送达/邮寄送达/电子送达/公告送达) and ``doc_type`` (调解书 means
    mediation). ``cues`` replaces the bundled cue book (e.g. a user's edited copy).
    """
    book = cues if cues is not None else _bundled()
    text = text if isinstance(text, str) else ""
    header = parse_header(text, book.context)
    raw = scan(text, book, header)
    raw.extend(_derived(raw))
    for party in header.parties:
        for address in party.addresses:
            raw.append(
                RawFeature(
                    "address", address.value, address.start, address.end, address.marker, party.name
                )
            )
    raw, notes = apply_columns(raw, columns)
    features = tuple(Feature(*r) for r in sorted(raw, key=_order))
    return FeatureSet(features=features, notes=tuple(notes))


def _derived(raw: list[RawFeature]) -> list[RawFeature]:
    """Return features implied by others: an absent defendant means a default judgment."""
    absent = next((r for r in raw if r.name == "absent" and r.party == "defendant"), None)
    if absent is None or any(r.name == "mediation" for r in raw):
        return []
    return [RawFeature("default_judgment", True, absent.start, absent.end, absent.cue, "defendant")]


def _order(r: RawFeature) -> tuple[int, int, str]:
    # Column features (-1) first, then text order.
    return (r.start, r.end, r.name)
