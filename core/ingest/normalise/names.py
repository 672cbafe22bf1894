"""Cleaning party names, building their matching keys, and telling organisations from persons."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from core.ingest.normalise.cells import clean_text, to_halfwidth
from core.ingest.normalise.lexicons import load_lexicon, string_list

# Middle dots in minority names arrive in many code points; · (U+00B7) is the standard one.
# Brackets become full-width because registered organisation names use （）.
_NAME_TABLE = str.maketrans(
    {
        "•": "·",
        "・": "·",
        "‧": "·",
        "∙": "·",
        "⋅": "·",
        "●": "·",
        "(": "（",
        ")": "）",
    }
)
_EDGE_PUNCTUATION = ",.;:!?、。，；：！？'\"“”‘’-_/\\|"
_SPECIAL_CHARS = frozenset(" \t\r\n.()（）•・‧∙⋅●") | frozenset(_EDGE_PUNCTUATION)
_TRAILING_BRACKET_RE = re.compile(r"（[^（）]*）$")
_LATIN_WORD_RE = re.compile(r"[a-z]+")
_PERSON_NAME_RE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff·]{1,7}")
_JOINING_WORD_RE = re.compile(r"[和与及]")


@dataclass(frozen=True)
class _OrganisationLexicon:
    """The organisation markers and company-form variants, compiled for fast lookups."""

    suffixes: tuple[str, ...]
    single_char_suffixes: tuple[str, ...]
    keyword_re: re.Pattern[str] | None
    latin_keywords: frozenset[str]
    variants: tuple[tuple[str, str], ...]  # longest first


def clean_name(value: object) -> str:
    """Return a party name stripped, half-width Latin, full-width （）, CJK spaces removed."""
    try:
        s = to_halfwidth(clean_text(value))
    except Exception:
        return ""
    if _SPECIAL_CHARS.isdisjoint(s):
        return s  # the common case: a plain name, nothing to fix
    s = s.translate(_NAME_TABLE)
    if "." in s:
        s = _dots_to_middle_dots(s)
    if " " in s or "\t" in s or "\n" in s or "\r" in s:
        s = _join_tokens(s.split())
    return s.strip(_EDGE_PUNCTUATION + " ")


def name_key(name: str) -> str:
    """Return the matching key of a name: cleaned, company forms collapsed, Latin casefolded."""
    s = clean_name(name)
    if not s:
        return ""
    for variant, replacement in _lexicon().variants:
        if variant in s:
            s = s.replace(variant, replacement)
    return s.casefold()


def company_form_variant(name: str) -> str | None:
    """Return the company-form wording name_key collapses in this name (有限责任公司), or None."""
    s = clean_name(name)
    for variant, _replacement in _lexicon().variants:
        if variant in s:
            return variant
    return None


def is_organisation(name: str) -> bool:
    """Return True when the name carries an organisation marker (公司, 银行, 委员会 …)."""
    try:
        if isinstance(name, str):
            return _is_organisation_cached(name)
        return _is_organisation_clean(clean_name(name))
    except Exception:
        return False


@lru_cache(maxsize=65536)
def _is_organisation_cached(name: str) -> bool:
    """Return is_organisation for a string (cached: the same names recur across rows)."""
    return _is_organisation_clean(clean_name(name))


def _is_organisation_clean(s: str) -> bool:
    """Return is_organisation for an already cleaned name."""
    if not s:
        return False
    lexicon = _lexicon()
    base = _TRAILING_BRACKET_RE.sub("", s) or s
    if base.endswith(lexicon.suffixes):
        for suffix in lexicon.suffixes:
            if base.endswith(suffix) and len(base) >= len(suffix) + 2:
                return True
    if len(base) >= 4 and base.endswith(lexicon.single_char_suffixes):
        return True
    if "·" in s:
        return False  # minority person names (阿卜杜拉·买买提) carry a middle dot
    if lexicon.keyword_re is not None and lexicon.keyword_re.search(s):
        return True
    if not s.isascii() and not any("a" <= ch.lower() <= "z" for ch in s):
        return False
    return not lexicon.latin_keywords.isdisjoint(_LATIN_WORD_RE.findall(s.casefold()))


def joined_person_names(text: str) -> list[str] | None:
    """Return the two persons of 张三和李四 (张三与李四, 张三及李四), or None when the text is
    one name (王和平, 和平公司, 张三和李四贸易有限公司)."""
    if is_organisation(text):
        return None
    for match in _JOINING_WORD_RE.finditer(text):
        left, right = text[: match.start()], text[match.end() :]
        if _is_person_name(left) and _is_person_name(right):
            return [left, right]
    return None


def _is_person_name(text: str) -> bool:
    """Return True when text looks like one person's name (2 to 4 characters, or with ·)."""
    if not _PERSON_NAME_RE.fullmatch(text) or is_organisation(text):
        return False
    return len(text) <= 4 or "·" in text


def _dots_to_middle_dots(s: str) -> str:
    """Return s with a "." between two non-ASCII characters (买买提.吐尔逊) made a middle dot."""
    chars = list(s)
    for i in range(1, len(chars) - 1):
        if chars[i] == "." and not chars[i - 1].isascii() and not chars[i + 1].isascii():
            chars[i] = "·"
    return "".join(chars)


def _join_tokens(tokens: list[str]) -> str:
    """Return tokens joined: one space between Latin words, none next to CJK text."""
    if not tokens:
        return ""
    out = [tokens[0]]
    for token in tokens[1:]:
        if out[-1][-1].isascii() and token[0].isascii():
            out.append(" ")
        out.append(token)
    return "".join(out)


@cache
def _lexicon() -> _OrganisationLexicon:
    """Return the organisation lexicon from resources/lexicons (read once)."""
    data = load_lexicon("organisation_markers.yaml")
    suffixes = string_list(data, "suffixes")
    keywords = sorted(set(string_list(data, "keywords")), key=len, reverse=True)
    variants_raw: dict[str, Any] = data.get("company_form_variants") or {}
    variants = sorted(
        ((clean_name(str(k)), str(v or "")) for k, v in variants_raw.items()),
        key=lambda kv: len(kv[0]),
        reverse=True,
    )
    return _OrganisationLexicon(
        suffixes=tuple(sorted((x for x in suffixes if len(x) > 1), key=len, reverse=True)),
        single_char_suffixes=tuple(x for x in suffixes if len(x) == 1),
        keyword_re=re.compile("|".join(map(re.escape, keywords))) if keywords else None,
        latin_keywords=frozenset(x.casefold() for x in string_list(data, "latin_keywords")),
        variants=tuple(variants),
    )
