"""Checking and normalising citizen ID numbers (公民身份号码, GB 11643)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from numbers import Integral, Real
from operator import mul

from core.ingest.normalise.cells import clean_text, to_halfwidth

PROBLEM_CHECK_DIGIT = "校验位不符"
PROBLEM_DIGITS_LOST = "疑被Excel转为科学计数法，末尾数字已丢失"
PROBLEM_LENGTH = "长度不符"
PROBLEM_BIRTH_DATE = "出生日期无效"
PROBLEM_CHARACTERS = "含有非数字字符"

# ISO 7064 MOD 11-2 as GB 11643 gives it: weights 2^(17-i) mod 11, remainder -> check char.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_ZERO_OFFSET = ord("0") * sum(_WEIGHTS)
_MIN_BIRTH_YEAR = 1880
_RECENT_YEAR = date.today().year - 1

# What Excel shows for a long number: 1.10105194912310E+17, 1.1010519491231e17.
_SCIENTIFIC_RE = re.compile(r"\d(?:\.\d*)?E\+?\d{1,3}")
_DELETE_CHARS = str.maketrans("", "", " -_\t\r\n'\"")
# Float values at or above this lost digits: doubles hold ~15-16 significant digits.
_EXACT_FLOAT_LIMIT = 1e15


@dataclass(frozen=True)
class IdNumber:
    """An ID number as found in a cell, with whether it can be trusted and why not."""

    value: str | None  # normalised 18 characters, upper-case X; None if unusable
    raw: str
    valid: bool
    problem: str | None  # Chinese reason when not valid
    birth_date: date | None
    gender: str | None  # "男" / "女"


def check_digit(first17: str) -> str:
    """Return the check character for 17 leading digits; "" when they are not 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        return ""
    # Byte values minus ord("0") are the digits; subtracting once keeps the sum in C.
    total = sum(map(mul, first17.encode("ascii"), _WEIGHTS)) - _ZERO_OFFSET
    return _CHECK_CHARS[total % 11]


def is_valid_id(s: object) -> bool:
    """Return True when s is a usable ID number with a correct check digit and birth date."""
    parsed = parse_id_number(s)
    return parsed is not None and parsed.valid


def parse_id_number(value: object) -> IdNumber | None:
    """Return the checked ID number in a cell, None for an empty cell."""
    try:
        return _parse(value)
    except Exception:
        raw = _safe_raw(value)
        return IdNumber(None, raw, False, PROBLEM_CHARACTERS, None, None) if raw else None


def _parse(value: object) -> IdNumber | None:
    """Return the checked ID number; see parse_id_number."""
    if isinstance(value, str):
        return _parse_text(value)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Integral):
        return _parse_int(int(value))
    if isinstance(value, (float, Decimal, Real)):
        return _parse_float(float(value), clean_text(value))
    return _parse_text(clean_text(value))


def _parse_text(text: str) -> IdNumber | None:
    """Return the checked ID number in a text cell."""
    raw = clean_text(text)
    if not raw:
        return None
    s = to_halfwidth(raw)
    if not s.isdigit():
        s = s.translate(_DELETE_CHARS).upper()
        if s.endswith(".0") and s[:-2].isdigit():
            s = s[:-2]  # a 15-digit number read from a numeric cell as text
        if _SCIENTIFIC_RE.fullmatch(s):
            return IdNumber(None, raw, False, PROBLEM_DIGITS_LOST, None, None)
    return _parse_clean(s, raw)


def _parse_float(number: float, raw: str) -> IdNumber | None:
    """Return the ID in a numeric cell: 18-digit ones have lost their last digits."""
    if math.isnan(number) or math.isinf(number):
        return None
    if number >= _EXACT_FLOAT_LIMIT:
        return IdNumber(None, raw, False, PROBLEM_DIGITS_LOST, None, None)
    if number.is_integer() and number > 0:
        return _parse_clean(str(int(number)), raw)
    return IdNumber(None, raw, False, PROBLEM_LENGTH, None, None)


def _parse_int(number: int) -> IdNumber | None:
    """Return the ID in an integer cell; 18 digits ending in 000 with a bad check digit
    are what Excel leaves of an ID typed as a number."""
    s = str(number)
    parsed = _parse_clean(s, s)
    if (
        parsed is not None
        and parsed.problem == PROBLEM_CHECK_DIGIT
        and len(s) == 18
        and s.endswith("000")
    ):
        return IdNumber(None, s, False, PROBLEM_DIGITS_LOST, None, None)
    return parsed


def _parse_clean(s: str, raw: str) -> IdNumber:
    """Return the checked form of a compact, upper-case candidate string."""
    n = len(s)
    if n == 18:
        body, last = s[:17], s[17]
        if not (body.isascii() and body.isdigit() and (last.isdigit() or last == "X")):
            return IdNumber(None, raw, False, PROBLEM_CHARACTERS, None, None)
        return _check18(s, raw)
    if n == 15:
        if not (s.isascii() and s.isdigit()):
            return IdNumber(None, raw, False, PROBLEM_CHARACTERS, None, None)
        first17 = s[:6] + "19" + s[6:]
        return _check18(first17 + check_digit(first17), raw)
    problem = PROBLEM_LENGTH if s.isascii() and s.rstrip("X").isdigit() else PROBLEM_CHARACTERS
    return IdNumber(None, raw, False, problem, None, None)


def _check18(s: str, raw: str) -> IdNumber:
    """Return the result for 17 digits plus a check character."""
    birth = _birth_date(s[6:14])
    gender = "男" if int(s[16]) % 2 == 1 else "女"
    if birth is None:
        return IdNumber(s, raw, False, PROBLEM_BIRTH_DATE, None, gender)
    if check_digit(s[:17]) != s[17]:
        return IdNumber(s, raw, False, PROBLEM_CHECK_DIGIT, birth, gender)
    return IdNumber(s, raw, True, None, birth, gender)


def _birth_date(yyyymmdd: str) -> date | None:
    """Return the birth date of the 8 date digits when it exists and is not in the future."""
    try:
        birth = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:]))
    except ValueError:
        return None
    if birth.year < _MIN_BIRTH_YEAR:
        return None
    if birth.year >= _RECENT_YEAR and birth > date.today():
        return None  # asking the clock only for recent years keeps this cheap
    return birth


def _safe_raw(value: object) -> str:
    """Return the cell text, or "" when even that fails."""
    try:
        return clean_text(value)
    except Exception:
        return ""
