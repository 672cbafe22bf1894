"""Chinese numerals for judgments: 二〇二三年五月六日, 第一百四十七条, 伍万元整."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

_DIGITS = "〇一二三四五六七八九"
_SMALL = "零一二三四五六七八九"
_UPPER = "零壹贰叁肆伍陆柒捌玖"


@lru_cache(maxsize=4096)
def cn_date(d: date) -> str:
    """Return a date the way a judgment's signature block writes it (二〇二三年五月六日)."""
    year = "".join(_DIGITS[int(c)] for c in str(d.year))
    return f"{year}年{cn_int(d.month)}月{cn_int(d.day)}日"


@lru_cache(maxsize=1024)
def cn_int(n: int) -> str:
    """Return 0-99999 in lower-case Chinese numerals (十五, 一百四十七, 一千零五)."""
    if n == 0:
        return "零"
    units = ("", "十", "百", "千", "万")
    digits = [int(c) for c in str(n)]
    out: list[str] = []
    zero = False
    for i, dgt in enumerate(digits):
        pos = len(digits) - 1 - i
        if dgt == 0:
            zero = True
            continue
        if zero and out:
            out.append("零")
        zero = False
        out.append(_SMALL[dgt] + units[pos])
    text = "".join(out)
    return text[1:] if text.startswith("一十") else text


def _upper_group(n: int) -> str:
    """Return 1-9999 in upper-case numerals (贰仟零伍)."""
    units = ("", "拾", "佰", "仟")
    digits = f"{n:04d}"
    out: list[str] = []
    zero = False
    started = False
    for i, c in enumerate(digits):
        dgt = int(c)
        if dgt == 0:
            zero = started
            continue
        if zero:
            out.append("零")
        zero = False
        started = True
        out.append(_UPPER[dgt] + units[3 - i])
    return "".join(out)


def upper_amount(amount: Decimal | int) -> str:
    """Return a yuan amount in financial upper case (伍万元整, 壹万贰仟叁佰肆拾伍元陆角柒分)."""
    value = Decimal(amount).quantize(Decimal("0.01"))
    yuan = int(value)
    cents = int((value - yuan) * 100)
    parts: list[str] = []
    yi, rest = divmod(yuan, 100_000_000)
    wan, low = divmod(rest, 10_000)
    if yi:
        parts.append(_upper_group(yi) + "亿")
    if wan:
        if yi and wan < 1000:
            parts.append("零")
        parts.append(_upper_group(wan) + "万")
    if low:
        if (yi or wan) and low < 1000:
            parts.append("零")
        parts.append(_upper_group(low))
    text = "".join(parts) or "零"
    text += "元"
    jiao, fen = divmod(cents, 10)
    if not cents:
        return text + "整"
    if jiao:
        text += _UPPER[jiao] + "角"
    elif yuan:
        text += "零"
    if fen:
        text += _UPPER[fen] + "分"
    return text


def wan_amount(amount: Decimal | int) -> str:
    """Return an amount in 万元 when that is how a clerk would type it (5万元, 12.5万元)."""
    value = Decimal(amount) / Decimal(10_000)
    text = f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"
    return f"{text}万元"
