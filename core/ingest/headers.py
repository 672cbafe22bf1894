"""Finding the header row and mapping source headers to canonical fields."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from core.ingest.instances import court_of_instance
from core.ingest.lexicon import (
    header_exclusions,
    header_rules,
    header_synonyms,
    list_type_words,
)

_BRACKETED = re.compile(r"[（(\[【][^）)\]】]*[）)\]】]")
_UNIT_SUFFIX = re.compile(r"\s*/\s*(人民币)?(万元|元|万)\s*$")  # "标的额/万元"
# A header that names its money unit: 标的额（万元）, 金额/万元, 执行标的(万).
_HEADER_UNIT = re.compile(r"(亿|万|千)元|[（(/](亿|万|千)[)）]?$")
_UNIT_SCALES = {"亿": 100_000_000, "万": 10_000, "千": 1_000}
_BRACKET_CHARS = re.compile(r"[（()）\[\]【】]")
_NOISE = re.compile(r"[\s:：*＊#＃/、_\-—.。]+")
_CASE_NO = re.compile(r"[（(〔\[［]\s*\d{4}\s*[）)〕\]］].{0,12}?\d+\s*号")
_WITH_AGENT = re.compile(r"^(.+?)及其?(?:委托)?(?:诉讼)?代理(?:人|律师)(?:信息)?$")
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
    """Return the header reduced for matching: NFKC, no units (in brackets or after /), no spaces."""
    text = unicodedata.normalize("NFKC", str(header)).strip()
    stripped = _UNIT_SUFFIX.sub("", _BRACKETED.sub("", text))
    if stripped.strip():
        text = stripped
    return _NOISE.sub("", text).lower()


def amount_scale(header: str) -> int:
    """Return what a bare number in a money column is worth in yuan, by the column's header."""
    match = _HEADER_UNIT.search(header.strip())
    return _UNIT_SCALES[match[1] or match[2]] if match is not None else 1


def _header_score(header_norm: str, synonyms: Sequence[str]) -> tuple[float, int]:
    """Return the best score of ``header_norm`` against ``synonyms`` and that synonym's rank."""
    if not header_norm:
        return 0.0, len(synonyms)
    best, rank = 0.0, len(synonyms)
    for idx, syn in enumerate(synonyms):
        syn_norm = normalise_header(syn)
        if header_norm == syn_norm:
            return 1.0, idx
        if len(syn_norm) >= 2 and (syn_norm in header_norm or header_norm in syn_norm):
            # Containment: "原告姓名" holds "原告"; the closer in length, the surer.
            ratio = min(len(syn_norm), len(header_norm)) / max(len(syn_norm), len(header_norm))
            score = 0.75 + 0.2 * ratio
        else:
            score = fuzz.ratio(header_norm, syn_norm) / 100 * 0.8
        if score > best:
            best, rank = score, idx
    return best, rank


def _blocked(forms: Sequence[str], field: str) -> bool:
    """Return whether the header (in any of its ``forms``) must not map to ``field``."""
    rules = header_rules()
    if any(f.startswith(rules.never_prefixes) for f in forms if f):
        return True  # "是否公告送达" holds 是/否, not a service method
    return field in rules.count_fields and any(
        f.endswith(rules.count_suffixes) for f in forms if f
    )  # "原告人数" holds a count, not the plaintiffs


def scored_fields(headers: Sequence[str], family: str) -> list[dict[str, tuple[float, int]]]:
    """Return, per column, each field's (score, synonym rank); a lower rank is preferred."""
    synonyms = header_synonyms()[family]
    excluded = {f: {normalise_header(w) for w in words} for f, words in header_exclusions().items()}
    return [_column_scores(header, synonyms, excluded) for header in headers]


def _column_scores(
    header: str, synonyms: Mapping[str, Sequence[str]], excluded: Mapping[str, set[str]]
) -> dict[str, tuple[float, int]]:
    norm = normalise_header(header)
    # "当事人（原告）" says its field inside the brackets: score the bracketed words too.
    kept = normalise_header(_BRACKET_CHARS.sub("", header))
    forms = [norm] if kept == norm else [norm, kept]
    inner = normalise_header(_BRACKET_CHARS.sub("", "".join(_BRACKETED.findall(str(header)))))
    if inner and inner != norm:
        forms.append(inner + norm)  # "日期（立案）" reads as 立案日期, "当事人（原告）" as 原告当事人
    # "原告及委托代理人" is the plaintiff's cell with its agent inside: a party column.
    combined = [m.group(1) for f in forms if (m := _WITH_AGENT.match(f))]
    out: dict[str, tuple[float, int]] = {}
    for fld, syns in synonyms.items():
        if norm in excluded.get(fld, ()) or _blocked(forms, fld) or (combined and fld == "agents"):
            out[fld] = (0.0, len(syns))
            continue
        out[fld] = max((_header_score(f, syns) for f in combined or forms), key=_by_score)
    return out


def _by_score(scored: tuple[float, int]) -> tuple[float, int]:
    return scored[0], -scored[1]


def field_scores(headers: Sequence[str], family: str) -> list[dict[str, float]]:
    """Return, per column, the header score of every field of ``family`` (cases|lists)."""
    return [{f: s for f, (s, _) in per.items()} for per in scored_fields(headers, family)]


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
    scores = scored_fields(headers, family)
    hints = _value_hints(samples, len(headers))
    result: dict[str, FieldMatch] = {}
    taken: set[int] = set()
    for field, wanted in (overrides or {}).items():
        col = _find_header(headers, wanted)
        result[field] = FieldMatch(field, col, headers[col], 1.0, "user")
        taken.add(col)
    # Best score first; on a tie the preferred synonym (listed first), then the leftmost column.
    candidates: list[tuple[float, int, int, str, str]] = []
    for col, per_field in enumerate(scores):
        for field, (score, rank) in per_field.items():
            by = "header"
            hint = hints[col].get(field, 0.0)
            if hint > score:
                score, rank, by = hint, 0, "values"
            if score >= MIN_CONFIDENCE:
                # Rank only orders exact names: 案由 before 罪名, 原告代理人 before 被告代理人.
                candidates.append((round(score, 6), -rank if score >= 1.0 else 0, -col, field, by))
    for score, _rank, neg_col, field, by in sorted(candidates, reverse=True):
        col = -neg_col
        if field in result or col in taken:
            continue
        result[field] = FieldMatch(field, col, headers[col], round(score, 2), by)
        taken.add(col)
    _court_of_the_case(result, headers, samples, scores)
    if "party_name" not in result:
        # A role or ID column means something only beside a one-party-per-row name column;
        # alone (an ID column of a wide case sheet) it stays an extra column.
        for field in ("party_role", "party_id"):
            if field in result and result[field].by != "user":
                del result[field]
    return result


def _court_of_the_case(
    result: dict[str, FieldMatch],
    headers: Sequence[str],
    samples: Sequence[Sequence[str]],
    scores: Sequence[Mapping[str, tuple[float, int]]],
) -> None:
    """Swap 一审法院 for a free 二审法院 column when the case numbers are 民终 (and back)."""
    court = result.get("court")
    if court is None or court.by != "header" or "case_no" not in result:
        return
    taken = {m.column for m in result.values()}
    free = {c: s["court"][0] for c, s in enumerate(scores)
            if s["court"][0] >= MIN_CONFIDENCE and c not in taken}
    col = court_of_instance(headers, samples, result["case_no"].column, court.column, list(free))
    if col != court.column:
        result["court"] = FieldMatch("court", col, headers[col], round(free[col], 2), "header")


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


def detect_list_type(
    headers: Sequence[str],
    file_name: str,
    sheet: str,
    samples: Sequence[Sequence[str]] = (),
) -> str:
    """Return the list type suggested by the file name, sheet name, headers and values.

    A word in the file or sheet name weighs 2, in a header 1; a column whose header and
    most of whose values fit the type (罪名 holding 危险驾驶罪) weighs 3.
    """
    names = f"{file_name} {sheet}"
    head = " ".join(headers)
    best, best_type = 0, "other"
    for list_type, spec in list_type_words().items():
        score = sum(2 for w in spec["words"] if w in names) + sum(
            1 for w in spec["words"] if w in head
        )
        score += 3 * _value_evidence(headers, samples, spec.get("values") or {})
        if score > best:
            best, best_type = score, list_type
    return best_type


def _value_evidence(
    headers: Sequence[str], samples: Sequence[Sequence[str]], rules: Mapping[str, Sequence[str]]
) -> int:
    """Return how many columns have a header word of ``rules`` and mostly its value words."""
    found = 0
    for col, header in enumerate(headers):
        words = [w for key, ws in rules.items() if key in header for w in ws]
        values = [r[col] for r in samples if col < len(r) and r[col]]
        if words and values:
            hits = sum(1 for v in values if any(w in v for w in words))
            found += hits * 2 >= len(values)
    return found
