"""Tests for clean_text and to_halfwidth."""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.ingest.normalise.cells import clean_text, to_halfwidth
from tests.core.ingest.normalise_strategies import BrokenStr, any_cell

SETTINGS = settings(derandomize=True, max_examples=300, deadline=None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (math.nan, ""),
        (float("inf"), ""),
        ("  张三  ", "张三"),
        ("\u3000张三\u3000", "张三"),
        ("\xa0张三\xa0", "张三"),
        ("张\u200b三\ufeff", "张三"),
        ("\ufeff 50000", "50000"),
        (50000, "50000"),
        (50000.0, "50000"),
        (50000.5, "50000.5"),
        (-3.0, "-3"),
        (1.1010519491231e17, "1.1010519491231e+17"),
        (Decimal("12.50"), "12.5"),
        (Decimal("100"), "100"),
        (True, "True"),
        (date(2023, 5, 6), "2023-05-06"),
        (datetime(2023, 5, 6), "2023-05-06"),
        (datetime(2023, 5, 6, 10, 30), "2023-05-06 10:30:00"),
        (BrokenStr(), ""),
        ("", ""),
    ],
)
def test_clean_text(value: object, expected: str) -> None:
    assert clean_text(value) == expected


def test_clean_text_pandas_missing_values() -> None:
    import pandas as pd

    assert clean_text(pd.NA) == ""
    assert clean_text(pd.NaT) == ""
    assert clean_text(pd.Timestamp("2023-05-06")) == "2023-05-06"


def test_clean_text_numpy_scalars() -> None:
    import numpy as np

    assert clean_text(np.int64(42)) == "42"
    assert clean_text(np.float64(42.0)) == "42"
    assert clean_text(np.float32(2.5)) == "2.5"
    assert clean_text(np.float64("nan")) == ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("２０２３年５月６日", "2023年5月6日"),
        ("ＡＢＣ有限公司", "ABC有限公司"),
        ("（2023）浙0782民初1234号", "(2023)浙0782民初1234号"),
        ("张三\u3000李四", "张三 李四"),
        ("５０，０００元", "50,000元"),
        ("、。《》", "、。《》"),
        ("plain ascii", "plain ascii"),
    ],
)
def test_to_halfwidth(value: str, expected: str) -> None:
    assert to_halfwidth(value) == expected


@SETTINGS
@given(any_cell)
def test_clean_text_never_raises_and_is_stripped(value: object) -> None:
    text = clean_text(value)
    assert isinstance(text, str)
    assert text == text.strip()
    assert "\u200b" not in text


@SETTINGS
@given(st.text())
def test_to_halfwidth_keeps_length_and_leaves_no_fullwidth_ascii(value: str) -> None:
    result = to_halfwidth(value)
    assert len(result) == len(value)  # callers rely on offsets carrying over
    assert not any("\uff01" <= ch <= "\uff5e" or ch == "\u3000" for ch in result)
