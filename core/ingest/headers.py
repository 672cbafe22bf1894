"""Finding the header row and mapping source headers to canonical fields."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from core.ingest.lexicon import header_exclusions, header_synonyms, list_type_words

_BRACKETED = re.compile(r"[（(\[【][^）)\]】]*[）)\]】]")
_BRACKET_CHARS = re.compile(r"[（()）\[\]【】]")
_NOISE = re.compile(r"[\s:：*＊#＃/、_\-—.。]+")
_CASE_NO = re.compile(r"[（(〔\[［]\s*\d{4}\s*[）)〕\]］].{0,12}?\d+\s*号")
_ID_LIKE = re.compile(r"^\s*\d{15}(\d{2}[\dXx])?\s*$")
MIN_CONFIDENCE = 0.6
LOW_CONFIDENCE = 0.8


@dataclass(frozen=True)
class FieldMatch:
    field: str
    column: int
    header: str
    confidence: float
    by: str  # "header" | "values" | "user"


def normalise_header(header: str) -> str:
    """Return the header reduced for matching: NFKC, no units in brackets, no spaces."""
    text = unicodedata.normalize("NFKC", str(header)).strip()
    stripped = _BRACKETED.sub("", text)
    if stripped.strip():
        text = stripped
    return _NOISE.sub("", text).lower()


def _header_score(header_norm: str, synonyms: Sequence[str]) -> float:
    if not header_norm:
        return 0.0
    best = 0.0
    for syn in synonyms:
        syn_norm = normalise_header(syn)
        if header_norm == syn_norm:
            return 1.0
        if len(syn_norm) >= 2 and (syn_norm in header_norm or header_norm in syn_norm):
            # Containment: "原告姓名" holds "原告"; the closer in length, the surer.
            ratio = min(len(syn_norm), len(header_norm)) / max(len(syn_norm), len(header_norm))
            best = max(best, 0.75 + 0.2 * ratio)
        else:
            best = max(best, fuzz.ratio(header_norm, syn_norm) / 100 * 0.8)
    return best


def field_scores(headers: Sequence[str], family: str) -> list[dict[str, float]]:
    """Return, per column, the header score of every field of ``family`` (cases|lists)."""
    synonyms = header_synonyms()[family]
    excluded = {f: {normalise_header(w) for w in words} for f, words in header_exclusions().items()}
    out: list[dict[str, float]] = []
    for header in headers:
        norm = normalise_header(header)
        # "当事人（原告）" says its field inside the brackets: score the bracketed words too.
        kept = normalise_header(_BRACKET_CHARS.sub("", header))
        out.append({f: 0.0 if norm in excluded.get(f, ()) else
                    max(_header_score(norm, syns), _header_score(kept, syns) if kept != norm else 0.0)
                    for f, syns in synonyms.items()})
    return out


def _value_hints(samples: Sequence[Sequence[str]], n_cols: int) -> list[dict[str, float]]:
    hints: list[dict[str, float]] = [{} for _ in range(n_cols)]
    for col in range(n_cols):
        values = [r[col] for r in samples if col < len(r) and r[col]]
        if not values:
            continue
        share_case = sum(1 for v in values if _CASE_NO.search(v)) / len(values)
        share_id = sum(1 for v in values if _ID_LIKE.match(v)) / len(values)
        avg_len = sum(len(v) for v in values) / len(values)
        if share_case >= 0.6 and avg_len < 60:
            hints[col]["case_no"] = 0.7 + 0.1 * share_case
        if share_id >= 0.6:
            hints[col]["id_number"] = 0.7 + 0.1 * share_id
        if avg_len >= 300:
            hints[col]["full_text"] = 0.75
    return hints


def map_headers(
    headers: Sequence[str],
    samples: Sequence[Sequence[str]],
    family: str,
    overrides: Mapping[str, str] | None = None,
) -> dict[str, FieldMatch]:
    """Map columns to fields greedily by confidence; ``overrides`` maps field -> header."""
    scores = field_scores(headers, family)
    hints = _value_hints(samples, len(headers))
    result: dict[str, FieldMatch] = {}
    taken: set[int] = set()
    for field, wanted in (overrides or {}).items():
        col = _find_header(headers, wanted)
        result[field] = FieldMatch(field, col, headers[col], 1.0, "user")
        taken.add(col)
    candidates: list[tuple[float, int, str, str]] = []
    for col, per_field in enumerate(scores):
        for field, score in per_field.items():
            by = "header"
            hint = hints[col].get(field, 0.0)
            if hint > score:
                score, by = hint, "values"
            if score >= MIN_CONFIDENCE:
                candidates.append((score, -col, field, by))
    for score, neg_col, field, by in sorted(candidates, reverse=True):
        col = -neg_col
        if field in result or col in taken:
            continue
        result[field] = FieldMatch(field, col, headers[col], round(score, 2), by)
        taken.add(col)
    return result


def _find_header(headers: Sequence[str], wanted: str) -> int:
    from core.errors import UserError

    for col, header in enumerate(headers):
        if header == wanted:
            return col
    target = normalise_header(wanted)
    for col, header in enumerate(headers):
        if normalise_header(header) == target:
            return col
    raise UserError(
        f"指定的表头“{wanted}”在表中不存在", "现有表头：" + "、".join(h for h in headers if h)
    )


def header_row_score(row: Sequence[str]) -> float:
    """Return how much a row looks like a header row (recognised, short, distinct labels)."""
    cells = [c for c in row if c]
    if not cells:
        return 0.0
    if any(len(c) > 40 for c in cells):
        return 0.0
    score = 0.0
    for family in ("cases", "lists"):
        per_col = field_scores(cells, family)
        score = max(score, sum(max(s.values()) for s in per_col if max(s.values()) >= 0.8))
    return score + 0.05 * len(set(cells))


def find_header_row(rows: Sequence[Sequence[str]]) -> int:
    """Return the index of the header row among the first rows (a title row may sit above)."""
    best, best_idx = 0.0, 0
    for idx, row in enumerate(rows[:30]):
        score = header_row_score(row)
        if score > best + 0.5:
            best, best_idx = score, idx
    return best_idx


def detect_list_type(headers: Sequence[str], file_name: str, sheet: str) -> str:
    """Return the list type suggested by the file name, sheet name and headers."""
    names = f"{file_name} {sheet}"
    head = " ".join(headers)
    best, best_type = 0, "other"
    for list_type, spec in list_type_words().items():
        score = sum(2 for w in spec["words"] if w in names) + sum(
            1 for w in spec["words"] if w in head
        )
        if score > best:
            best, best_type = score, list_type
    return best_type
