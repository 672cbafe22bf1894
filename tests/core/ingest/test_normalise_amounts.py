"""Tests for parse_amount."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.ingest.normalise.amounts import parse_amount
from tests.core.ingest.normalise_strategies import any_cell, tricky_text

SETTINGS = settings(derandomize=True, max_examples=300, deadline=None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (50000, 50000.0),
        (50000.5, 50000.5),
        (Decimal("1234.56"), 1234.56),
        ("50000", 50000.0),
        ("50000.5", 50000.5),
        ("50,000.00元", 50000.0),
        ("50，000元", 50000.0),
        ("５０，０００元", 50000.0),
        ("1,234,567.89", 1234567.89),
        ("￥50,000", 50000.0),
        ("¥5万", 50000.0),
        ("5万元", 50000.0),
        ("5万元整", 50000.0),
        ("1.5万元", 15000.0),
        ("1.1万", 11000.0),
        ("5千元", 5000.0),
        ("5万3000元", 53000.0),
        ("3亿元", 300_000_000.0),
        ("人民币伍万元整", 50000.0),
        ("人民币（大写）伍万元", 50000.0),
        ("伍万元整", 50000.0),
        ("五万元", 50000.0),
        ("两千五百元", 2500.0),
        ("一百零五元", 105.0),
        ("十二万元", 120000.0),
        ("叁拾万零伍佰元整", 300500.0),
        ("一亿二千万元", 120_000_000.0),
        ("壹佰贰拾叁元肆角伍分", 123.45),
        ("叁元伍角", 3.5),
        ("五角", 0.5),
        ("人民币53000元", 53000.0),
        ("RMB 50000", 50000.0),
        ("rmb50000", 50000.0),
        ("CNY 1,000.00", 1000.0),
        ("金额：5万元", 50000.0),
        ("50000元人民币", 50000.0),
        (" 50000 ", 50000.0),
        ("-3,000", -3000.0),
        ("0", 0.0),
        ("50000元（大写：伍万元整）", 50000.0),
        ("伍万元整(50000元)", 50000.0),
    ],
)
def test_parse_amount_accepts(value: object, expected: float) -> None:
    assert parse_amount(value) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        float("nan"),
        float("inf"),
        "",
        "   ",
        "abc",
        "(500)",
        "元",
        "万元",
        "1,2345",
        "5元3",
        "约定",
        "50000 and 3",
        "nan",
        "inf",
        "1e5",
        "张三",
        "余元",
        "元及利息",
        "以上",
    ],
)
def test_parse_amount_rejects(value: object) -> None:
    assert parse_amount(value) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "About" words give the stated figure (the lower bound), not "no amount".
        ("5万余元", 50_000),
        ("50000余元", 50_000),
        ("5万多元", 50_000),
        ("100万元以上", 1_000_000),
        ("5万元左右", 50_000),
        # A label before the money.
        ("本金50000元", 50_000),
        ("借款50000元", 50_000),
        ("标的额：5万元", 50_000),
        # The principal when more is claimed beside it.
        ("50000元及利息", 50_000),
        ("50000元+利息", 50_000),
        ("5万元；利息2000元", 50_000),
        ("5万元整及违约金", 50_000),
        # Spoken: 3万5 is three and a half 万.
        ("3万5", 35_000),
        ("12万3千", 123_000),
        ("3万5元", 30_005),  # with 元 the 5 is yuan: read literally
    ],
)
def test_other_offices_amounts(text: str, expected: float) -> None:
    assert parse_amount(text) == expected


@SETTINGS
@given(st.integers(min_value=0, max_value=10**12))
def test_round_trips_integers_with_separators_and_units(n: int) -> None:
    assert parse_amount(f"{n:,}") == n
    assert parse_amount(f"{n:,}元") == n
    assert parse_amount(f"{n:,}.00元") == n
    assert parse_amount(f"￥{n:,}") == n
    assert parse_amount(f"{n}元") == n
    assert parse_amount(f"{n}万元") == n * 10_000


@SETTINGS
@given(st.integers(min_value=1, max_value=99_999_999))
def test_round_trips_capital_numerals(n: int) -> None:
    assert parse_amount(_capital(n) + "元整") == n


@SETTINGS
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_round_trips_decimal_yuan(whole: int, cents: int) -> None:
    assert parse_amount(f"{whole}.{cents:02d}元") == pytest.approx(whole + cents / 100)


@SETTINGS
@given(st.one_of(any_cell, tricky_text))
def test_never_raises(value: object) -> None:
    result = parse_amount(value)
    assert result is None or isinstance(result, float)


def _capital(n: int) -> str:
    """Return n in financial capital numerals (壹万贰仟零叁拾肆), written independently."""
    digits = "零壹贰叁肆伍陆柒捌玖"
    units = ["", "拾", "佰", "仟"]

    def below_10000(m: int) -> str:
        out, zero = "", False
        for power in (3, 2, 1, 0):
            d = m // 10**power % 10
            if d:
                if zero and out:
                    out += "零"
                out += digits[d] + units[power]
                zero = False
            else:
                zero = True
        return out

    high, low = divmod(n, 10_000)
    if not high:
        return below_10000(low)
    text = below_10000(high) + "万"
    if low:
        text += ("零" if low < 1000 else "") + below_10000(low)
    return text
