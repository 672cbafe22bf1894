"""Turning any spreadsheet cell value into clean text; the first step of every normaliser."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import Decimal
from numbers import Integral, Real

# Removed everywhere, not only at the edges: they are invisible in Excel and break joins.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH_TABLE = dict.fromkeys(map(ord, _ZERO_WIDTH))
# str.translate looks up every character; a regex search first is ~6x cheaper when, as
# in most cells, there is nothing to translate.
_ZERO_WIDTH_RE = re.compile(f"[{_ZERO_WIDTH}]")

# Full-width ASCII block (！ .. ～) maps to ASCII by a fixed offset; the ideographic space
# becomes a plain space. Everything else (CJK, 、。 and 《》) is left alone.
_HALFWIDTH_TABLE: dict[int, int] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_HALFWIDTH_TABLE[0x3000] = 0x20
_FULLWIDTH_RE = re.compile("[\uff01-\uff5e\u3000]")

# Floats at or above this size lost digits in Excel (15 significant digits); printing them
# as integers would invent trailing zeros, so they keep their scientific form.
_EXACT_FLOAT_LIMIT = 1e15

_MISSING_TYPE_NAMES = frozenset({"NAType", "NaTType", "NoneType"})


def clean_text(value: object) -> str:
    """Return the cell as stripped text: "" for None/NaN, integral floats without ".0".

    A CSV cell written as ="330782…" (the way systems keep Excel from turning long digit
    runs into numbers) is the text between the quotes: that is what Excel shows.
    """
    if isinstance(value, str):
        if value[:2] == '="' and value[-1:] == '"' and len(value) >= 3:
            value = value[2:-1]
        if value.isascii() or _ZERO_WIDTH_RE.search(value) is None:
            return value.strip()
        return value.translate(_ZERO_WIDTH_TABLE).strip()
    if value is None:
        return ""
    try:
        return _non_text_to_str(value)
    except Exception:
        # A broken __str__ or an exotic type must not stop a 100,000-row import.
        return ""


def _non_text_to_str(value: object) -> str:
    """Return the text of a non-string cell (numbers, dates, pandas/numpy scalars)."""
    if type(value).__name__ in _MISSING_TYPE_NAMES:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return _float_to_str(value)
    if isinstance(value, Integral):
        return str(int(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            return ""
        if value == value.to_integral_value():
            return str(int(value))
        return str(value.normalize())
    if isinstance(value, Real):
        return _float_to_str(float(value))
    if isinstance(value, datetime):
        if value.hour == value.minute == value.second == value.microsecond == 0:
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return clean_text(value.decode("utf-8", errors="replace"))
    return clean_text(str(value))


def _float_to_str(value: float) -> str:
    """Return a float as text: "" for NaN/inf, "50000" for 50000.0, repr otherwise."""
    if math.isnan(value) or math.isinf(value):
        return ""
    if value.is_integer() and abs(value) < _EXACT_FLOAT_LIMIT:
        return str(int(value))
    return repr(value)


def to_halfwidth(s: str) -> str:
    """Return s with full-width letters, digits and punctuation and \\u3000 made half-width."""
    if s.isascii() or _FULLWIDTH_RE.search(s) is None:
        return s
    return s.translate(_HALFWIDTH_TABLE)
