"""Tests for parse_case_number and canonical_case_no."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.ingest.normalise.case_numbers import CaseNumber, canonical_case_no, parse_case_number
from tests.core.ingest.normalise_strategies import any_cell, tricky_text

SETTINGS = settings(derandomize=True, max_examples=300, deadline=None)
CANON = "（2023）浙0782民初1234号"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("（2023）浙0782民初1234号", CaseNumber(CANON, 2023, "浙0782", "民初", 1234)),
        ("(2023)浙0782民初1234号", CaseNumber(CANON, 2023, "浙0782", "民初", 1234)),
        ("〔2023〕浙0782民初1234号", CaseNumber(CANON, 2023, "浙0782", "民初", 1234)),
        ("[2023]浙0782民初1234号", CaseNumber(CANON, 2023, "浙0782", "民初", 1234)),
        ("【2023】浙0782民初1234号", CaseNumber(CANON, 2023, "浙0782", "民初", 1234)),
        ("（2023） 浙 0782 民初 1234 号", CaseNumber(CANON, 2023, "浙0782", "民初", 1234)),
        ("（２０２３）浙０７８２民初１２３４号", CaseNumber(CANON, 2023, "浙0782", "民初", 1234)),
        ("（2023）浙0782民初1234", CaseNumber(CANON, 2023, "浙0782", "民初", 1234)),
        ("\u3000（2023）浙0782民初01234号\u200b", CaseNumber(CANON, 2023, "浙0782", "民初", 1234)),
        (
            "（2022）浙07民终567号",
            CaseNumber("（2022）浙07民终567号", 2022, "浙07", "民终", 567),
        ),
        (
            "（2021）京0105执12345号",
            CaseNumber("（2021）京0105执12345号", 2021, "京0105", "执", 12345),
        ),
        (
            "（2023）浙0782刑初88号",
            CaseNumber("（2023）浙0782刑初88号", 2023, "浙0782", "刑初", 88),
        ),
        (
            "（2023）浙0782民特12号",
            CaseNumber("（2023）浙0782民特12号", 2023, "浙0782", "民特", 12),
        ),
        ("（2020）最高法民再1号", CaseNumber("（2020）最高法民再1号", 2020, "最高法", "民再", 1)),
        ("（2023）浙0782执恢3号", CaseNumber("（2023）浙0782执恢3号", 2023, "浙0782", "执恢", 3)),
        (
            "（2023）浙0782执异15号",
            CaseNumber("（2023）浙0782执异15号", 2023, "浙0782", "执异", 15),
        ),
        ("（2023）浙0782行初9号", CaseNumber("（2023）浙0782行初9号", 2023, "浙0782", "行初", 9)),
        ("（2023）浙民申100号", CaseNumber("（2023）浙民申100号", 2023, "浙", "民申", 100)),
        (
            "（2023）浙0782民初1234号之一",
            CaseNumber("（2023）浙0782民初1234号之一", 2023, "浙0782", "民初", 1234),
        ),
        (
            "（2012）金义民初字第123号",
            CaseNumber("（2012）金义民初123号", 2012, "金义", "民初", 123),
        ),
    ],
)
def test_parse_case_number(value: object, expected: CaseNumber) -> None:
    assert parse_case_number(value) == expected


@pytest.mark.parametrize(
    ("value", "canonical"),
    [
        ("random text", "randomtext"),
        ("案号 待 补", "案号待补"),
        ("ＡＢＣ１２３", "ABC123"),
        (12345, "12345"),
        ("2023浙", "2023浙"),
    ],
)
def test_unparsed_keeps_cleaned_text(value: object, canonical: str) -> None:
    assert parse_case_number(value) == CaseNumber(canonical, None, None, None, None)


@pytest.mark.parametrize("value", [None, "", "   ", "\u3000", float("nan")])
def test_empty_is_none(value: object) -> None:
    assert parse_case_number(value) is None
    assert canonical_case_no(value) == ""


def test_canonical_case_no() -> None:
    assert canonical_case_no("(2023)浙0782民初1234号") == CANON


PROVINCES = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵云藏陕甘青宁新"
TYPES = [
    "民初",
    "民终",
    "民再",
    "民特",
    "民申",
    "执",
    "执恢",
    "执异",
    "刑初",
    "刑终",
    "行初",
    "行终",
]
STYLES = [
    "（{y}）{c}{t}{s}号",
    "({y}){c}{t}{s}号",
    "〔{y}〕{c}{t}{s}号",
    "[{y}]{c}{t}{s}号",
    "（{y}） {c} {t} {s} 号",
    "({y}){c}{t}{s}",
    " （{y}）{c}{t}{s}号 ",
]
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@SETTINGS
@given(
    st.integers(min_value=1990, max_value=2100),
    st.sampled_from(PROVINCES),
    st.integers(min_value=0, max_value=9999),
    st.sampled_from(TYPES),
    st.integers(min_value=1, max_value=999_999),
)
def test_round_trips_styles(year: int, province: str, digits: int, kind: str, seq: int) -> None:
    court = f"{province}{digits:04d}"
    expected = CaseNumber(f"（{year}）{court}{kind}{seq}号", year, court, kind, seq)
    for style in STYLES:
        text = style.format(y=year, c=court, t=kind, s=seq)
        assert parse_case_number(text) == expected, text
        assert parse_case_number(text.translate(_FULLWIDTH)) == expected, text


@SETTINGS
@given(st.one_of(any_cell, tricky_text))
def test_never_raises(value: object) -> None:
    result = parse_case_number(value)
    assert result is None or (result.canonical and " " not in result.canonical)


@pytest.mark.parametrize(
    "text",
    [
        "浙江省义乌市人民法院（2023）浙0782民初1234号",  # court name before the number
        "（2023）浙0782民初1234号民事判决书",  # document named after it
        "（2023）浙0782民初1234号调解书",
        "﹙2023﹚浙0782民初1234号",  # small-form brackets
        "2023年浙0782民初1234号",  # 年 instead of brackets
        "（2023年）浙0782民初1234号",
        "（2023）浙0782 民初 1,234号",  # a spreadsheet's thousands separator
    ],
)
def test_other_offices_case_numbers_share_one_key(text: str) -> None:
    parsed = parse_case_number(text)
    assert parsed is not None
    assert parsed.canonical == "（2023）浙0782民初1234号"
    assert (parsed.year, parsed.court_code, parsed.case_type, parsed.seq) == (2023, "浙0782", "民初", 1234)


def test_two_numbers_in_one_cell_stay_unparsed() -> None:
    parsed = parse_case_number("（2023）浙0782民初1234号、1235号")
    assert parsed is not None and parsed.year is None
