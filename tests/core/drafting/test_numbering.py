"""Document numbers: standard form, tolerant parsing, round trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.drafting.numbering import DocNumber, format_doc_number, parse_doc_number
from core.errors import UserError


@pytest.mark.parametrize(
    ("office", "code", "year", "serial", "expected"),
    [
        ("义", "民建", 2026, 3, "义检民建〔2026〕3号"),
        ("义检", "民建", 2026, 3, "义检民建〔2026〕3号"),
        (" 金 ", "民违监", 2025, 12, "金检民违监〔2025〕12号"),
        ("浙", "民监", 2024, 100, "浙检民监〔2024〕100号"),
    ],
)
def test_format_gives_the_standard_form(
    office: str, code: str, year: int, serial: int, expected: str
) -> None:
    assert format_doc_number(office, code, year, serial) == expected


@pytest.mark.parametrize(
    ("office", "code", "year", "serial"),
    [
        ("", "民建", 2026, 1),
        ("检", "民建", 2026, 1),
        ("义", "", 2026, 1),
        ("义", "民〔建", 2026, 1),
        ("义", "民建", 26, 1),
        ("义", "民建", 2026, 0),
        ("义乌 市", "民建", 2026, 1),
    ],
)
def test_format_refuses_bad_parts(office: str, code: str, year: int, serial: int) -> None:
    with pytest.raises(UserError):
        format_doc_number(office, code, year, serial)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("义检民建〔2026〕3号", DocNumber("义", "民建", 2026, 3)),
        ("义检民建[2026]3号", DocNumber("义", "民建", 2026, 3)),
        ("义检民建【2026】第003号", DocNumber("义", "民建", 2026, 3)),
        ("义检民建（2026）3号", DocNumber("义", "民建", 2026, 3)),
        (" 金检民违监 〔2025〕 12 号 ", DocNumber("金", "民违监", 2025, 12)),
        ("义检民建〔2026〕0号", None),
        ("义检民建2026年3号", None),
        ("（2023）浙0782民初1234号", None),
        ("", None),
    ],
)
def test_parse_accepts_typing_variants(text: str, expected: DocNumber | None) -> None:
    assert parse_doc_number(text) == expected


_part = st.text(
    alphabet=st.characters(whitelist_categories=("Lo",), blacklist_characters="检号〔〕【】"),
    min_size=1,
    max_size=4,
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(_part, _part, st.integers(1000, 9999), st.integers(1, 99999))
def test_format_then_parse_round_trips(office: str, code: str, year: int, serial: int) -> None:
    text = format_doc_number(office, code, year, serial)
    assert "第" not in text.replace(office, "").replace(code, "")
    assert parse_doc_number(text) == DocNumber(office, code, year, serial)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(max_size=40))
def test_parse_never_crashes(text: str) -> None:
    result = parse_doc_number(text)
    assert result is None or isinstance(result, DocNumber)
