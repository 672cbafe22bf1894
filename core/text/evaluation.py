"""Precision and recall of the text features against hand-labelled judgment passages."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from core.errors import UserError
from core.text.cuebook import CueBook
from core.text.features import extract_features

# The boolean labels a passage is scored on; appearance per role, relationship also
# between a plaintiff and a defendant (the pair false-litigation screening cares about).
LABEL_KEYS = (
    "mediation",
    "default_judgment",
    "notice_service",
    "self_admission",
    "no_defence",
    "iou_only",
    "cash_delivery",
    "appeared@plaintiff",
    "appeared@defendant",
    "absent@plaintiff",
    "absent@defendant",
    "appeared@third_party",
    "absent@third_party",
    "relationship",
    "relationship@plaintiff-defendant",
)
# Amounts within this many yuan count as the same principal.
_AMOUNT_TOLERANCE = 0.5


@dataclass(frozen=True)
class LabelledText:
    """A passage with the labels a careful reader gives it."""

    id: str
    text: str
    labels: frozenset[str]
    unsure: frozenset[str] = frozenset()
    principal: float | None = None
    columns: Mapping[str, object] | None = None


@dataclass(frozen=True)
class KeyScore:
    """Counts for one label: true positives, false positives, false negatives."""

    key: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass(frozen=True)
class Miss:
    """One disagreement: the passage, the label, and whether it was missed or extra."""

    id: str
    key: str
    kind: str  # "missed" (false negative) or "extra" (false positive)
    detail: str = ""


@dataclass(frozen=True)
class Evaluation:
    """Per-label scores, principal accuracy and the list of disagreements."""

    scores: tuple[KeyScore, ...]
    principal_checked: int
    principal_correct: int
    misses: tuple[Miss, ...] = field(default=())

    def score(self, key: str) -> KeyScore:
        """Return the score of one label key."""
        return next(s for s in self.scores if s.key == key)


def labelled_from_mapping(item: Mapping[str, object], text: str | None = None) -> LabelledText:
    """Return a LabelledText from a YAML item (``text`` overrides the item's own text)."""
    ident = str(item.get("id", ""))
    body = text if text is not None else item.get("text")
    if not isinstance(body, str):
        raise UserError(f"标注条目 {ident} 缺少文本")
    labels = _keys(item.get("labels"), ident)
    unsure = _keys(item.get("unsure"), ident)
    principal = item.get("principal")
    columns = item.get("columns")
    return LabelledText(
        id=ident,
        text=body,
        labels=labels,
        unsure=unsure,
        principal=None if principal is None else float(str(principal)),
        columns=columns if isinstance(columns, Mapping) else None,
    )


def _keys(value: object, ident: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list):
        raise UserError(f"标注条目 {ident} 的标签应是列表")
    unknown = [v for v in value if v not in LABEL_KEYS]
    if unknown:
        raise UserError(f"标注条目 {ident} 有未知标签：{'、'.join(map(str, unknown))}")
    return frozenset(str(v) for v in value)


def evaluate(items: Iterable[LabelledText], cues: CueBook | None = None) -> Evaluation:
    """Return per-label precision/recall and principal accuracy of the features on ``items``."""
    counts = {key: [0, 0, 0] for key in LABEL_KEYS}
    misses: list[Miss] = []
    checked = correct = 0
    for item in items:
        found = extract_features(item.text, item.columns, cues=cues)
        fired = found.labels()
        for key in LABEL_KEYS:
            if key in item.unsure:
                continue
            want, got = key in item.labels, key in fired
            if want and got:
                counts[key][0] += 1
            elif got:
                counts[key][1] += 1
                misses.append(Miss(item.id, key, "extra", _evidence(found.features, key)))
            elif want:
                counts[key][2] += 1
                misses.append(Miss(item.id, key, "missed"))
        if item.principal is not None:
            checked += 1
            value = found.principal()
            if value is not None and abs(value - item.principal) <= _AMOUNT_TOLERANCE:
                correct += 1
            else:
                misses.append(Miss(item.id, "principal", "wrong", f"{value} ≠ {item.principal}"))
    scores = tuple(KeyScore(k, *counts[k]) for k in LABEL_KEYS)
    return Evaluation(scores, checked, correct, tuple(misses))


def _evidence(features: Iterable[object], key: str) -> str:
    name = key.split("@")[0]
    cues = [getattr(f, "cue", "") for f in features if getattr(f, "name", None) == name]
    return "、".join(cues[:3])


def format_table(evaluation: Evaluation) -> str:
    """Return the per-label table as plain text (label, tp/fp/fn, precision, recall)."""
    rows = [("特征", "tp", "fp", "fn", "precision", "recall")]
    for s in evaluation.scores:
        rows.append((s.key, str(s.tp), str(s.fp), str(s.fn), _pct(s.precision), _pct(s.recall)))
    if evaluation.principal_checked:
        share = evaluation.principal_correct / evaluation.principal_checked
        rows.append(
            (
                "principal (amount)",
                str(evaluation.principal_correct),
                "",
                str(evaluation.principal_checked - evaluation.principal_correct),
                _pct(share),
                "",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "-|-".join("-" * w for w in widths))
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"
