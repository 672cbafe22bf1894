"""Parsing the date formats found in court and agency spreadsheets into datetime.date."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from numbers import Real

from core.ingest.normalise.cells import clean_text, to_halfwidth

MIN_YEAR = 1900
MAX_YEAR = 2100

# Excel's 1900 date system counts 1900-01-01 as serial 1 and wrongly includes 1900-02-29
# (serial 60), so serials from 61 on are one day ahead of a plain day count.
_EXCEL_EPOCH_BEFORE_BUG = date(1899, 12, 31)
_EXCEL_EPOCH_AFTER_BUG = date(1899, 12, 30)
_EXCEL_FAKE_LEAP_DAY = 60
_EXCEL_MAX_SERIAL = (date(MAX_YEAR, 12, 31) - _EXCEL_EPOCH_AFTER_BUG).days

# year, month, optional day, optional time of day (ignored). Separators: 年月日 / - . and
# spaces around them; "号" is a common spoken form of 日.
_DATE_RE = re.compile(
    r"(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*"
    r"(?:(?:月|[-/.])\s*(?:(\d{1,2})\s*[日号]?)?)?"
    r"\s*(?:T?\s*\d{1,2}\s*[:时点](?:.*))?"
)
_SERIAL_STR_RE = re.compile(r"\d{5}(?:\.\d*)?")
# Words around a date that say nothing about the day: a weekday (（星期六）, 周六), part of
# the day (下午), 份 in 5月份, a trailing full stop, a time after a compact date.
_NOISE_RE = re.compile(
    r"[(（]?(?:星期|礼拜|周)[一二三四五六日天七1-7][)）]?|(?:上午|下午|中午|晚上|凌晨)$|(?<=月)份|\.$"
)
_COMPACT_WITH_TIME_RE = re.compile(r"(\d{8})[ T]\d{4,6}")
_DASHES = str.maketrans({"—": "-", "–": "-", "－": "-", "―": "-"})

_CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_TEN = "十"
_CN_CHARS = frozenset(_CN_DIGITS) - {"O"} | {_CN_TEN}


def parse_date(value: object) -> date | None:
    """Return the date a cell holds, or None when it holds no valid date in 1900..2100."""
    try:
        if isinstance(value, str):
            return _parse_text_cached(value) if len(value) <= _CACHED_TEXT_CHARS else _parse_text(value)
        return _parse_object(value)
    except Exception:
        # Malformed input of any kind is "no date", never an import failure.
        return None


_CACHED_TEXT_CHARS = 40


@lru_cache(maxsize=8192)
def _parse_text_cached(text: str) -> date | None:
    """Return _parse_text(text): a court's dates repeat, and parsed dates are immutable."""
    return _parse_text(text)


def parse_month(value: object) -> date | None:
    """Return the first day of the month a cell holds, or None."""
    parsed = parse_date(value)
    return parsed.replace(day=1) if parsed is not None else None


def excel_serial_to_date(serial: float) -> date | None:
    """Return the date of an Excel 1900-system serial (time of day dropped), or None."""
    if isinstance(serial, bool) or math.isnan(serial) or math.isinf(serial):
        return None
    day = int(serial)
    if day < 1 or day > _EXCEL_MAX_SERIAL or day == _EXCEL_FAKE_LEAP_DAY:
        # Serial 60 is Excel's 1900-02-29, a day that never existed.
        return None
    if day < _EXCEL_FAKE_LEAP_DAY:
        return _EXCEL_EPOCH_BEFORE_BUG + timedelta(days=day)
    return _EXCEL_EPOCH_AFTER_BUG + timedelta(days=day)


def _parse_object(value: object) -> date | None:
    """Return the date of a non-string cell: date/datetime objects and numbers."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return _in_range(value.date())
    if isinstance(value, date):
        return _in_range(value)
    if isinstance(value, int):
        return _parse_number(float(value))
    if isinstance(value, (Real, Decimal)):
        return _parse_number(float(value))
    return _parse_text(clean_text(value))


def _parse_number(number: float) -> date | None:
    """Return the date of a numeric cell: yyyymmdd, yyyymm, yyyy.mm or an Excel serial."""
    if math.isnan(number) or math.isinf(number):
        return None
    if number.is_integer() and number >= 100000:
        return _parse_digits(str(int(number)))
    if MIN_YEAR <= number < MAX_YEAR + 1:
        # Serials 1900..2100 are days of 1905, which no record here is about; social-security
        # sheets type pay months as numbers: 2023.05 is May 2023. Excel shows 2023.10 as
        # 2023.1, so .1 reads as January — the number cannot say more.
        return _year_month_number(number)
    return excel_serial_to_date(number)


def _year_month_number(number: float) -> date | None:
    """Return the first day of the month a yyyy.mm number names (None for a bare year)."""
    whole, _, fraction = repr(number).partition(".")
    if not fraction or fraction == "0" or len(fraction) > 2:
        return None
    return _make(int(whole), int(fraction), 1)


def _parse_text(text: str) -> date | None:
    """Return the date in a text cell, or None."""
    s = text.strip()
    if not s.isascii():
        s = to_halfwidth(clean_text(s))
        if not s.isascii() and not _CN_CHARS.isdisjoint(s):
            s = _cn_numerals_to_digits(s)
    if not s:
        return None
    if s.isdigit():
        return _parse_digits(s)
    if not s.isascii() or s.endswith(".") or " " in s:
        s = _NOISE_RE.sub("", s.translate(_DASHES)).strip()
        if (compact := _COMPACT_WITH_TIME_RE.fullmatch(s)) is not None:
            return _parse_digits(compact[1])
    if len(s) == 10 and s[4] == "-" and s[7] == "-" and s[:4].isdigit():
        # The ISO form is the most common one; let C code parse it.
        try:
            return _in_range(date.fromisoformat(s))
        except ValueError:
            return None
    match = _DATE_RE.fullmatch(s)
    if match is not None:
        year, month, day = match.groups()
        return _make(int(year), int(month), int(day) if day else 1)
    if _SERIAL_STR_RE.fullmatch(s):
        return excel_serial_to_date(float(s))
    return None


def _parse_digits(s: str) -> date | None:
    """Return the date of a digit run: yyyymmdd, yyyymm, or a 5-digit Excel serial."""
    n = len(s)
    if n == 8:
        return _make(int(s[:4]), int(s[4:6]), int(s[6:]))
    if n == 6:
        return _make(int(s[:4]), int(s[4:]), 1)
    if n == 5:
        return excel_serial_to_date(int(s))
    return None


def _make(year: int, month: int, day: int) -> date | None:
    """Return date(year, month, day) when it exists and the year is in range, else None."""
    if year < MIN_YEAR or year > MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _in_range(d: date) -> date | None:
    """Return d when its year is within MIN_YEAR..MAX_YEAR, else None."""
    return d if MIN_YEAR <= d.year <= MAX_YEAR else None


def _cn_numerals_to_digits(s: str) -> str:
    """Return s with runs of Chinese numerals (二〇二三, 十二, 三十一) as Arabic digits."""
    out: list[str] = []
    run: list[str] = []
    for ch in s:
        if ch in _CN_DIGITS or ch == _CN_TEN:
            run.append(ch)
            continue
        if run:
            out.append(_cn_run_value(run))
            run = []
        out.append(ch)
    if run:
        out.append(_cn_run_value(run))
    return "".join(out)


def _cn_run_value(run: list[str]) -> str:
    """Return one numeral run as digits: digit by digit for years, with 十 as a number."""
    if _CN_TEN not in run:
        return "".join(str(_CN_DIGITS[ch]) for ch in run)
    ten_at = run.index(_CN_TEN)
    before, after = run[:ten_at], run[ten_at + 1 :]
    if len(before) > 1 or len(after) > 1 or _CN_TEN in after:
        return "".join(run)  # not a day or month number: leave it unparsed
    tens = _CN_DIGITS[before[0]] if before else 1
    units = _CN_DIGITS[after[0]] if after else 0
    return str(tens * 10 + units)
