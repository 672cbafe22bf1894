"""Tests for parse_date and parse_month."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.ingest.normalise.dates import excel_serial_to_date, parse_date, parse_month
from tests.core.ingest.normalise_strategies import any_cell, tricky_text

SETTINGS = settings(derandomize=True, max_examples=300, deadline=None)
DATES = st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 12, 31))
MAY_6 = date(2023, 5, 6)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023年5月6日", MAY_6),
        ("2023年05月06日", MAY_6),
        ("2023/5/6", MAY_6),
        ("2023-05-06", MAY_6),
        ("2023.5.6", MAY_6),
        ("2023-05-06 10:30:00", MAY_6),
        ("2023-05-06T10:30", MAY_6),
        ("2023/05/06 00:00:00", MAY_6),
        ("2023年5月6日 10时30分", MAY_6),
        ("20230506", MAY_6),
        ("二〇二三年五月六日", MAY_6),
        ("二零二三年十二月三十一日", date(2023, 12, 31)),
        ("二〇二〇年二月二十九日", date(2020, 2, 29)),
        ("二〇二三年十月十日", date(2023, 10, 10)),
        ("２０２３年５月６日", MAY_6),
        ("２０２３－０５－０６", MAY_6),
        (" 2023 年 5 月 6 日 ", MAY_6),
        ("2023 / 5 / 6", MAY_6),
        ("\u30002023-05-06\u3000", MAY_6),
        ("2023-5-6号", MAY_6),
        ("2023年5月", date(2023, 5, 1)),
        ("2023-05", date(2023, 5, 1)),
        ("2023.05", date(2023, 5, 1)),
        ("202305", date(2023, 5, 1)),
        ("二〇二三年五月", date(2023, 5, 1)),
        (45052, MAY_6),
        (45052.75, MAY_6),
        ("45052", MAY_6),
        ("45052.0", MAY_6),
        (20230506, MAY_6),
        (1, date(1900, 1, 1)),
        (59, date(1900, 2, 28)),
        (61, date(1900, 3, 1)),
        (date(2023, 5, 6), MAY_6),
        (datetime(2023, 5, 6, 23, 59), MAY_6),
    ],
)
def test_parse_date_accepts(value: object, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "2023-02-30",
        "2023年13月1日",
        "2023-00-10",
        "1899-12-31",
        "2101-01-01",
        "18991231",
        "21010101",
        60,  # Excel's 1900-02-29, a day that never existed
        0,
        -5,
        1_000_000,
        float("nan"),
        float("inf"),
        True,
        None,
        "",
        "   ",
        "abc",
        "2023",
        "5/6/2023",
        "2023-05-06 and more text",
        "1234567",
        date(1850, 1, 1),
    ],
)
def test_parse_date_rejects(value: object) -> None:
    assert parse_date(value) is None


def test_excel_serial_known_values() -> None:
    assert excel_serial_to_date(43831) == date(2020, 1, 1)
    assert excel_serial_to_date(2958465) is None  # 9999-12-31, outside the accepted years
    assert excel_serial_to_date(float("nan")) is None


def test_parse_month() -> None:
    assert parse_month("2023-05-06") == date(2023, 5, 1)
    assert parse_month("2023年5月") == date(2023, 5, 1)
    assert parse_month("garbage") is None


def _excel_serial(d: date) -> int:
    """Return Excel's serial for a date after 1900-02-28 (it counts the fake 1900-02-29)."""
    return (d - date(1899, 12, 30)).days


@SETTINGS
@given(DATES)
def test_round_trips_common_formats(d: date) -> None:
    texts = [
        f"{d.year}年{d.month}月{d.day}日",
        d.isoformat(),
        d.strftime("%Y%m%d"),
        f"{d.year}/{d.month}/{d.day}",
        f"{d.year}.{d.month:02d}.{d.day:02d}",
        f"{d.isoformat()} 08:15:00",
    ]
    for text in texts:
        assert parse_date(text) == d, text
    serial = _excel_serial(d)
    if 1900 <= serial <= 2100:
        # Days of 1905 as serials read as yyyy(.mm) numbers instead (see the table below).
        assert parse_date(serial) != d
    else:
        assert parse_date(serial) == d
        assert parse_date(float(serial) + 0.5) == d
    assert parse_date(datetime(d.year, d.month, d.day, 12)) == d


@SETTINGS
@given(DATES)
def test_round_trips_chinese_numerals(d: date) -> None:
    digits = "〇一二三四五六七八九"

    def small(n: int) -> str:
        tens, units = divmod(n, 10)
        return (("" if tens == 1 else digits[tens]) + "十" if tens else "") + (
            digits[units] if units else ""
        )

    text = "".join(digits[int(c)] for c in str(d.year)) + f"年{small(d.month)}月{small(d.day)}日"
    assert parse_date(text) == d, text


@SETTINGS
@given(st.integers(min_value=1, max_value=59))
def test_serials_before_the_fake_leap_day(serial: int) -> None:
    assert parse_date(serial) == date(1900, 1, 1) + timedelta(days=serial - 1)


@SETTINGS
@given(st.one_of(any_cell, tricky_text))
def test_never_raises(value: object) -> None:
    result = parse_date(value)
    assert result is None or 1900 <= result.year <= 2100


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Pay months typed as numbers in social-security sheets (not Excel serials of 1905).
        (2023.05, date(2023, 5, 1)),
        (2023.5, date(2023, 5, 1)),
        (2023.12, date(2023, 12, 1)),
        (2023.1, date(2023, 1, 1)),  # Excel shows 2023.10 as 2023.1: the number says January
        (1998.07, date(1998, 7, 1)),
        (2023.0, None),  # a bare year is no date
        (2023, None),
        (2023.13, None),
        (1905.123, None),
        (45052, date(2023, 5, 6)),  # real serials still work
        # Words around the date that do not change it.
        ("2023年5月6日（星期六）", date(2023, 5, 6)),
        ("2023/5/6 星期六", date(2023, 5, 6)),
        ("2023年5月6日 周日", date(2023, 5, 6)),
        ("2023年5月6日下午", date(2023, 5, 6)),
        ("2023年5月份", date(2023, 5, 1)),
        ("2023.05.06.", date(2023, 5, 6)),
        ("2023—05—06", date(2023, 5, 6)),
        ("2023–5–6", date(2023, 5, 6)),
        ("20230506 103000", date(2023, 5, 6)),
        ("20230506 1030", date(2023, 5, 6)),
        # Still refused: ranges and orders that cannot be told apart.
        ("2023.5.6-2023.6.1", None),
        ("5/6/2023", None),
        ("周六", None),
    ],
)
def test_other_offices_forms(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected
