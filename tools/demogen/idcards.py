"""Citizen ID numbers (GB 11643) and unified social credit codes (GB 32100) for fake people."""

from __future__ import annotations

from datetime import date
from operator import mul

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ASCII_ZERO_SUM = 48 * sum(_ID_WEIGHTS)

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {c: i for i, c in enumerate(_USCC_CHARS)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def id_check_digit(first17: str) -> str:
    """Return the ISO 7064 MOD 11-2 check character for the first 17 digits."""
    # Multiplying the ASCII codes adds 48 * sum(weights), removed again before the modulo.
    return _ID_CHECK[(sum(map(mul, first17.encode(), _ID_WEIGHTS)) - _ASCII_ZERO_SUM) % 11]


def is_valid_id(value: str) -> bool:
    """Return True for an 18-character ID number with a correct check character."""
    if len(value) != 18 or not value[:17].isdigit():
        return False
    return id_check_digit(value[:17]) == value[17].upper()


def make_id(region: str, birth: date, seq: int) -> str:
    """Return an 18-character ID number; ``seq`` (0-999) is odd for men, even for women."""
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_digit(first17)


def to_15_digits(id18: str) -> str:
    """Return the old 15-digit form (no century, no check digit) of an ID born 1900-1999."""
    return id18[:6] + id18[8:17]


def excel_mangled(id18: str) -> str:
    """Return what Excel shows for an ID number typed as a number (last digits lost)."""
    return f"{float(id18[:17] + ('0' if id18[17] in 'Xx' else id18[17])):.14E}"


def _org_code(body8: str) -> str:
    total = sum(_ORG_CHARS.index(c) * w for c, w in zip(body8, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return body8 + ("X" if check == 10 else "0" if check == 11 else str(check))


def make_credit_code(region: str, serial: int) -> str:
    """Return a well-formed unified social credit code for an enterprise in ``region``."""
    org = _org_code(f"{(serial * 7919 + 12345678) % 100_000_000:08d}")
    first17 = f"91{region}{org}"
    total = sum(_USCC_VALUE[c] * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    check = (31 - total % 31) % 31
    return first17 + _USCC_CHARS[check]
