"""Parsing money amounts (Arabic or Chinese numerals, 万/千 units, 元角分) into yuan."""

from __future__ import annotations

import math
import re
import warnings
from decimal import Decimal
from numbers import Real

from core.ingest.normalise.cells import clean_text, to_halfwidth

# Currency words before the number; matched after spaces are removed and case is folded.
_PREFIXES = (
    "人民币",
    "RMB",
    "CNY",
    "¥",
    "￥",
    "(大写)",
    "(小写)",
    "大写",
    "小写",
    "约",
    "共计",
    "合计",
    "计",
    "金额",
    # What the money is, written before it in a claim column (借款50000元).
    "诉讼标的额",
    "诉讼标的",
    "标的额",
    "标的",
    "本金",
    "借款",
    "欠款",
    "货款",
)
_TRAILERS = ("整", "正")

# The common case: an Arabic number with optional thousands separators, an optional
# 万/千 unit and an optional 元. One compiled pattern keeps it at regex speed.
_ARABIC_RE = re.compile(
    r"([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(亿|万|千|仟|百|佰)?(?:元|圆|块)?(?:人民币)?"
)
_ARABIC_RUN_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")

_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "貳": 2,
    "两": 2,
    "三": 3,
    "叁": 3,
    "參": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_YUAN = frozenset("元圆块")
_FRACTION_UNITS = {"角": 0.1, "毛": 0.1, "分": 0.01}
_NUMBER_CHARS = frozenset("0123456789.,")
# "About" words that do not change the figure: 5万余元, 5万多元, 100万元以上, 5万元左右.
_QUALIFIER_RE = re.compile(r"(?<=[\d万千仟百佰拾十亿])(?:余|多)(?=[元万千亿]|$)|(?:以上|左右|上下)$")
# The spoken 3万5 (three and a half 万): a single digit after 万 counts thousands.
_WAN_AND_DIGIT_RE = re.compile(r"(\d+)万(\d)")
# An amount followed by what else is claimed (50000元及利息, 5万元；利息2000元): the leading
# amount is the principal and is what the cell gives.
_LEADING_AMOUNT_RE = re.compile(r"(.+?元)(?:整)?(?:及|和|与|加|另|\+|;|，|,|、).+")


def parse_amount(value: object) -> float | None:
    """Return the amount in yuan a cell holds, or None when it is not an amount."""
    try:
        if isinstance(value, str):
            return _parse_text(value)
        return _parse_object(value)
    except Exception:
        # Any malformed input means "no amount", never a failed import.
        return None


def _parse_object(value: object) -> float | None:
    """Return the amount of a non-string cell (numbers; other objects via their text)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float, Real, Decimal)):
        number = float(value)
        return None if math.isnan(number) or math.isinf(number) else number
    return _parse_text(clean_text(value))


def _parse_text(text: str) -> float | None:
    """Return the amount in a text cell, or None."""
    s = to_halfwidth(clean_text(text))
    if not s:
        return None
    if " " in s or "\t" in s or "\n" in s:
        s = "".join(s.split())
    if s.endswith(")") and "(" in s and not s.startswith("("):
        s = s[: s.index("(")]  # 50000元（大写：伍万元整）: the figure before the note counts
    s = _strip_affixes(s.upper())
    if not s:
        return None
    match = _ARABIC_RE.fullmatch(s)
    if match is not None:
        return _arabic_value(*match.groups())
    if (spoken := _WAN_AND_DIGIT_RE.fullmatch(s)) is not None:
        return float(int(spoken[1]) * 10_000 + int(spoken[2]) * 1_000)
    value = _combined_value(s)
    return _loose_value(s) if value is None else value


def _loose_value(s: str) -> float | None:
    """Return the amount of looser forms: 5万余元, 50000元及利息; None if none fits."""
    loose = _QUALIFIER_RE.sub("", s)
    if loose != s and loose:
        return _parse_text(loose)
    if (leading := _LEADING_AMOUNT_RE.fullmatch(s)) is not None:
        return _parse_text(leading[1])
    return None


def _strip_affixes(s: str) -> str:
    """Return s without currency prefixes (人民币, RMB, ¥) and trailers (整)."""
    stripped = True
    while stripped:
        stripped = False
        for prefix in _PREFIXES:
            if s.startswith(prefix):
                s = s[len(prefix) :].lstrip(":")
                stripped = True
    while s and s[-1] in _TRAILERS:
        s = s[:-1]
    return s


def _arabic_value(sign: str, whole: str, fraction: str | None, unit: str | None) -> float:
    """Return the value of an Arabic-number match, scaled by its 万/千 unit."""
    number = float(whole.replace(",", "") + (fraction or ""))
    if unit:
        # Round so that 1.1万 gives 11000.0, not 11000.000000000002.
        number = round(number * (_SMALL_UNITS.get(unit) or _BIG_UNITS[unit]), 2)
    return -number if sign == "-" else number


def _combined_value(s: str) -> float | None:
    """Return the value of a mixed or Chinese-numeral amount (伍万元整, 5万3千, 123元4角5分)."""
    negative = s.startswith(("-", "负"))
    if negative:
        s = s[1:]
    yuan_at = next((i for i, ch in enumerate(s) if ch in _YUAN), -1)
    if yuan_at >= 0:
        integer_part, rest = s[:yuan_at], s[yuan_at + 1 :]
    elif s[-1:] in _FRACTION_UNITS:
        # No 元 but 角/分 (五角, 3角5分): the digit before the first unit starts the fraction.
        unit_at = next(i for i, ch in enumerate(s) if ch in _FRACTION_UNITS)
        integer_part, rest = s[: max(unit_at - 1, 0)], s[max(unit_at - 1, 0) :]
    else:
        integer_part, rest = s, ""
    total = _integer_value(integer_part) if integer_part else 0.0
    if total is None:
        return None
    if rest:
        fraction = _fraction_value(rest)
        if fraction is None:
            return None
        total += fraction
    elif not integer_part:
        return None
    total = round(total, 2)
    return -total if negative else total


def _integer_value(s: str) -> float | None:
    """Return the value of a numeral string made of digits (Arabic or Chinese) and units."""
    yi_part = 0.0
    wan_part = 0.0
    section = 0.0
    number: float | None = None
    previous_was_digit = False
    seen_any = False
    i = 0
    while i < len(s):
        ch = s[i]
        if ch in _NUMBER_CHARS:
            run = _ARABIC_RUN_RE.match(s, i)
            if run is None or previous_was_digit:
                return None
            number = float(run.group().replace(",", ""))
            i = run.end()
            previous_was_digit = seen_any = True
            continue
        if ch in _DIGITS:
            digit = _DIGITS[ch]
            # 一二三 read digit by digit; 零 between units just marks a gap (一百零五).
            number = number * 10 + digit if previous_was_digit and number else float(digit)
            previous_was_digit = seen_any = True
        elif ch in _SMALL_UNITS:
            section += (1.0 if number is None else number) * _SMALL_UNITS[ch]
            number = None
            previous_was_digit = False
            seen_any = True
        elif ch in _BIG_UNITS:
            if not seen_any:
                return None
            group = section + (number or 0.0)
            if _BIG_UNITS[ch] == 100_000_000:
                yi_part = (yi_part + wan_part + group) * 100_000_000
                wan_part = 0.0
            else:
                wan_part = (wan_part + group) * 10_000
            section = 0.0
            number = None
            previous_was_digit = False
        else:
            return _cn2an_fallback(s)
        i += 1
    if not seen_any:
        return None
    return yi_part + wan_part + section + (number or 0.0)


def _fraction_value(s: str) -> float | None:
    """Return the value of the part after 元: 肆角伍分, 5角, 3分; None if malformed."""
    total = 0.0
    digit: float | None = None
    for ch in s:
        if ch in _DIGITS:
            digit = float(_DIGITS[ch])
        elif ch.isdigit():
            digit = float(ch)
        elif ch in _FRACTION_UNITS and digit is not None:
            total += digit * _FRACTION_UNITS[ch]
            digit = None
        elif ch == "零":
            continue
        else:
            return None
    if digit is not None:
        return None  # a bare digit after 元 (五元三) is too ambiguous to guess
    return total


def _cn2an_fallback(s: str) -> float | None:
    """Return cn2an's reading of a numeral our parser does not know, or None."""
    try:
        import cn2an  # deferred: importing it costs start-up time and most calls never get here

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = cn2an.cn2an(s, "smart")
        return float(result)
    except Exception:
        return None
