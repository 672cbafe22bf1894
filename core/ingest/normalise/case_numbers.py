"""Parsing court case numbers (案号) such as （2023）浙0782民初1234号 into a canonical form."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.ingest.normalise.cells import clean_text, to_halfwidth


@dataclass(frozen=True)
class CaseNumber:
    """A case number: canonical text plus its parts (None where it did not parse)."""

    canonical: str
    year: int | None
    court_code: str | None
    case_type: str | None
    seq: int | None


# Every bracket style seen around the year becomes ( ) before matching; the canonical
# form uses full-width （）.
_BRACKETS = str.maketrans(
    {
        "[": "(",
        "]": ")",
        "〔": "(",
        "〕": ")",
        "【": "(",
        "】": ")",
        "﹝": "(",
        "﹞": ")",
        "﹙": "(",
        "﹚": ")",
        "〖": "(",
        "〗": ")",
        "號": "号",
    }
)

_BRACKET_CHARS_RE = re.compile(r"[\[\]〔〕【】﹝﹞﹙﹚〖〗號]")

# (year) court-letters court-digits type seq 号 suffix. The court letters are matched
# lazily and fixed up in _split_court when the court code has no digits (浙民终, 最高法民再).
_CASE_RE = re.compile(
    r"(?:[^()]*?法院)?"  # a court name written before the number
    r"\(?(\d{4})年?\)?"
    r"([^\d()]+?)(\d*)"
    r"([^\d()]+?)"
    r"(\d+)号?"
    r"(之[一二三四五六七八九十\d]+)?"
    r"(?:[民刑行]事)?(?:判决|裁定|调解|决定|支付令)?书?"  # the document named after it
)

# The first character of a case type (民初, 刑终, 行初, 执恢, 知民终, 赔, 司救 …); used to find
# where a court code without digits ends.
_TYPE_START_CHARS = frozenset("民刑行执赔司知破商财监请协送")
_OLD_STYLE_FILLERS = ("字第", "字", "第")


def parse_case_number(value: object) -> CaseNumber | None:
    """Return the parsed case number, None only for an empty cell."""
    try:
        compact = _compact(value)
    except Exception:
        return None
    if not compact:
        return None
    try:
        parsed = _parse_compact(compact)
    except Exception:
        parsed = None
    return parsed or CaseNumber(compact, None, None, None, None)


def canonical_case_no(value: object) -> str:
    """Return the canonical text of a case number ("" for an empty cell)."""
    parsed = parse_case_number(value)
    return parsed.canonical if parsed is not None else ""


def _compact(value: object) -> str:
    """Return the cell as half-width text without any whitespace, brackets unified."""
    s = to_halfwidth(clean_text(value))
    if " " in s or "\t" in s or "\n" in s or "\r" in s:
        s = "".join(s.split())
    if "," in s:
        s = s.replace(",", "")  # 1,234号 as a number formatted by a spreadsheet
    if _BRACKET_CHARS_RE.search(s) is None:
        return s
    return s.translate(_BRACKETS)


def _parse_compact(s: str) -> CaseNumber | None:
    """Return the parts of a compact case number, or None when it does not look like one."""
    match = _CASE_RE.fullmatch(s)
    if match is None:
        return None
    year_text, letters, digits, type_text, seq_text, suffix = match.groups()
    if digits:
        court, case_type = letters + digits, type_text
    else:
        split = _split_court(letters + type_text)
        if split is None:
            return None
        court, case_type = split
    case_type = _strip_fillers(case_type)
    if not case_type or not court:
        return None
    year, seq = int(year_text), int(seq_text)
    canonical = f"（{year}）{court}{case_type}{seq}号{suffix or ''}"
    return CaseNumber(canonical, year, court, case_type, seq)


def _split_court(letters: str) -> tuple[str, str] | None:
    """Return (court, type) for a court code without digits: 浙民终 -> (浙, 民终)."""
    for i in range(1, len(letters)):
        if letters[i] in _TYPE_START_CHARS:
            return letters[:i], letters[i:]
    return None


def _strip_fillers(case_type: str) -> str:
    """Return the case type without the 字第 of old-style numbers (民初字第 -> 民初)."""
    for filler in _OLD_STYLE_FILLERS:
        if case_type.endswith(filler):
            return case_type[: -len(filler)]
    return case_type
