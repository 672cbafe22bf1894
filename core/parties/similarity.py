"""Comparisons party resolution needs: addresses of people, near names of organisations."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from enum import Enum

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

# Addresses at least this similar (and with compatible house numbers) are "the same place".
ADDRESS_SAME = 0.85
# Below this, two addresses are clearly different places: namesakes there are not merged.
ADDRESS_DIFFER = 0.5
# Organisation names (without the company form) at least this similar, and no more apart
# than one character added or dropped, are one organisation.
ORG_NEAR = 90.0
# A changed character is as often another firm as a typo (中国人民财产保险 / 中国人寿财产保险),
# and two edits another firm sharing boilerplate (中国银行…支行 / 中国农业银行…支行).
_ORG_MAX_INDEL = 1

_ADDRESS_LABEL = re.compile(r"^(?:户籍所在地|户籍地|经常居住地|现住址|住所地|住址|现住|住所|住)")
_ADDRESS_NOISE = re.compile(r"[\s,，。.、;；:：\-—－–#＃()（）\[\]【】\"'“”‘’]")
_DIGITS = re.compile(r"\d+")
# A contained address is only evidence of the same place when it goes down to a house or
# a village group; "义乌市稠城街道" is shared by tens of thousands of people.
_FINE_GRAIN = re.compile(r"\d|[号室幢栋弄组村]")

_ORG_FORM = re.compile(
    r"(?:[（(]有限合伙[)）]|[（(]普通合伙[)）]|股份有限公司|有限责任公司|有限公司|股份公司|合伙企业|公司)$"
)
_NUMERALS = frozenset("0123456789零〇一二三四五六七八九十百千万第")


class Place(Enum):
    """How two addresses relate."""

    SAME = "same"
    DIFFERENT = "different"
    UNCLEAR = "unclear"


def normalise_address(value: str | None) -> str:
    """Return the address as a comparison key: NFKC, no punctuation or spaces, no 住址 label."""
    if not value:
        return ""
    text = _ADDRESS_NOISE.sub("", unicodedata.normalize("NFKC", value))
    return _ADDRESS_LABEL.sub("", text)


def compare_addresses(a: str, b: str) -> tuple[Place, float]:
    """Return how two normalised addresses relate and their similarity (0–1)."""
    if not a or not b:
        return Place.UNCLEAR, 0.0
    if a == b:
        return Place.SAME, 1.0
    score = fuzz.ratio(a, b) / 100.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if short in long_:
        # One address is the other with the province/city written out, or a coarser form.
        if _FINE_GRAIN.search(short) and _digits_compatible(short, long_):
            return Place.SAME, max(score, ADDRESS_SAME)
        return Place.UNCLEAR, score
    if score >= ADDRESS_SAME and _digits_compatible(a, b) and _replaced_chars(a, b) <= 1:
        return Place.SAME, score
    if score < ADDRESS_DIFFER:
        return Place.DIFFERENT, score
    return Place.UNCLEAR, score


def _digits_compatible(a: str, b: str) -> bool:
    """Return whether the house numbers agree: one address's numbers appear, in order, in the other's."""
    da, db = _DIGITS.findall(a), _DIGITS.findall(b)
    short, long_ = (da, db) if len(da) <= len(db) else (db, da)
    it = iter(long_)
    return all(n in it for n in short)


def _replaced_chars(a: str, b: str) -> int:
    """Return how many characters one address changes (not adds or drops) against the other.

    Added text is detail (浙江省…, …301室); changed text is another place: 义乌市北山街道人民路
    12号 and 东阳市北山街道人民路12号 are 92 % alike but 60 km apart.
    """
    return sum(op.tag == "replace" for op in Levenshtein.editops(a, b))


def addresses_differ(left: Sequence[str], right: Sequence[str]) -> bool:
    """Return whether every address on one side is clearly a different place from every one on the other."""
    if not left or not right:
        return False
    return all(compare_addresses(a, b)[0] is Place.DIFFERENT for a in left for b in right)


def org_core(name_key: str) -> str:
    """Return an organisation's name key without its company form (有限公司, 股份有限公司 …)."""
    core = name_key
    while True:
        stripped = _ORG_FORM.sub("", core)
        if stripped == core or not stripped:
            return core
        core = stripped


def org_block(core: str) -> str:
    """Return the blocking key for near-name search: first character + last four characters."""
    return core[:1] + core[-4:]


def org_names_near(a_core: str, b_core: str) -> float:
    """Return the similarity (0–100) of two organisation cores; 0 unless one character apart.

    One character added or dropped (义乌市华鑫 / 义乌华鑫) is the same firm; a changed
    character or more is too often another firm (中国人民 / 中国人寿 …, 中国银行 / 中国农业银行).
    """
    # 第一建筑 / 第二建筑 and 1号店 / 2号店 are different firms however close the strings are.
    if sorted(c for c in a_core if c in _NUMERALS) != sorted(c for c in b_core if c in _NUMERALS):
        return 0.0
    if Indel.distance(a_core, b_core, score_cutoff=_ORG_MAX_INDEL) > _ORG_MAX_INDEL:
        return 0.0
    return fuzz.ratio(a_core, b_core)
