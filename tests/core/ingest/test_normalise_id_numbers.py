"""Tests for parse_id_number, check_digit and is_valid_id."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.ingest.normalise.id_numbers import (
    PROBLEM_BIRTH_DATE,
    PROBLEM_CHECK_DIGIT,
    PROBLEM_DIGITS_LOST,
    PROBLEM_LENGTH,
    check_digit,
    is_valid_id,
    parse_id_number,
)
from tests.core.ingest.normalise_strategies import any_cell, tricky_text

SETTINGS = settings(derandomize=True, max_examples=300, deadline=None)

# The worked example of GB 11643-1999: 11010519491231002 -> check character X.
SAMPLE = "11010519491231002X"
_FULLWIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


@st.composite
def valid_ids(draw: st.DrawFn, first_year: int = 1900, last_year: int = 2020) -> str:
    """Draw a valid 18-character ID: region + birth date + sequence + check character."""
    region = draw(st.integers(min_value=110000, max_value=829999))
    birth = draw(st.dates(min_value=date(first_year, 1, 1), max_value=date(last_year, 12, 31)))
    seq = draw(st.integers(min_value=0, max_value=999))
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + _reference_check(first17)


def _reference_check(first17: str) -> str:
    """Return the check character computed the textbook way: weights 2^(17-i) mod 11."""
    total = sum(int(c) * (2 ** (17 - i) % 11) for i, c in enumerate(first17))
    return "10X98765432"[total % 11]


def test_gb11643_example() -> None:
    assert check_digit(SAMPLE[:17]) == "X"
    parsed = parse_id_number(SAMPLE)
    assert parsed is not None
    assert parsed.valid and parsed.value == SAMPLE and parsed.problem is None
    assert parsed.birth_date == date(1949, 12, 31)
    assert parsed.gender == "女"  # sequence 002 is even


@pytest.mark.parametrize(
    "value",
    [
        "11010519491231002x",
        " 110105 19491231 002X ",
        "110105-19491231-002X",
        "１１０１０５１９４９１２３１００２Ｘ",
        "110105491231002",  # the 15-digit form of the same person
        110105491231002,
        110105491231002.0,
        "110105491231002.0",
    ],
)
def test_normalises_to_sample(value: object) -> None:
    parsed = parse_id_number(value)
    assert parsed is not None
    assert (parsed.value, parsed.valid, parsed.problem) == (SAMPLE, True, None)


@pytest.mark.parametrize(
    "value",
    [
        1.1010519491231e17,
        "1.10105194912310E+17",
        "1.1010519491231e17",
        "1.1010519491231E17",
        110105194912310000,
    ],
)
def test_scientific_notation_lost_digits(value: object) -> None:
    parsed = parse_id_number(value)
    assert parsed is not None
    assert parsed.value is None and not parsed.valid
    assert parsed.problem == PROBLEM_DIGITS_LOST


@pytest.mark.parametrize(
    ("value", "norm", "problem"),
    [
        ("110105194912310021", "110105194912310021", PROBLEM_CHECK_DIGIT),
        ("110105194913310021", "110105194913310021", PROBLEM_BIRTH_DATE),
        ("110105194902300021", "110105194902300021", PROBLEM_BIRTH_DATE),
        ("123", None, PROBLEM_LENGTH),
        ("1101051949123100", None, PROBLEM_LENGTH),
    ],
)
def test_problems(value: str, norm: str | None, problem: str) -> None:
    parsed = parse_id_number(value)
    assert parsed is not None
    assert (parsed.value, parsed.valid, parsed.problem) == (norm, False, problem)
    assert parsed.raw == value


def test_future_birth_date_is_invalid() -> None:
    first17 = "11010521990101001"
    parsed = parse_id_number(first17 + check_digit(first17))
    assert parsed is not None and parsed.problem == PROBLEM_BIRTH_DATE


@pytest.mark.parametrize("value", [None, "", "  ", float("nan")])
def test_empty_is_none(value: object) -> None:
    assert parse_id_number(value) is None


def test_check_digit_bad_input_gives_empty() -> None:
    assert check_digit("123") == ""
    assert check_digit("1101051949123100A") == ""
    assert check_digit("１１０１０５１９４９１２３１００２") == ""


@SETTINGS
@given(valid_ids())
def test_valid_ids_round_trip(id18: str) -> None:
    assert check_digit(id18[:17]) == id18[17]
    for form in (
        id18,
        id18.lower(),
        f" {id18[:6]} {id18[6:14]} {id18[14:]} ",
        id18.translate(_FULLWIDTH),
    ):
        parsed = parse_id_number(form)
        assert parsed is not None and parsed.valid, form
        assert parsed.value == id18
        assert parsed.birth_date == date(int(id18[6:10]), int(id18[10:12]), int(id18[12:14]))
        assert parsed.gender == ("男" if int(id18[16]) % 2 else "女")
    assert is_valid_id(id18)


@SETTINGS
@given(valid_ids(1900, 1999))  # 15-digit numbers only exist for people born in the 1900s
def test_fifteen_digit_form_converts(id18: str) -> None:
    id15 = id18[:6] + id18[8:17]
    parsed = parse_id_number(id15)
    assert parsed is not None and parsed.valid
    assert parsed.value == id18
    assert parsed.raw == id15


@SETTINGS
@given(valid_ids(), st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=9))
def test_changing_one_character_invalidates(id18: str, position: int, shift: int) -> None:
    alphabet = "0123456789X" if position == 17 else "0123456789"
    old = alphabet.index(id18[position])
    new = alphabet[(old + shift) % len(alphabet)]
    assert new != id18[position]
    mutated = id18[:position] + new + id18[position + 1 :]
    # MOD 11-2 catches every single-character substitution.
    assert not is_valid_id(mutated)
    parsed = parse_id_number(mutated)
    assert parsed is not None and not parsed.valid and parsed.problem is not None


@SETTINGS
@given(st.one_of(any_cell, tricky_text))
def test_never_raises(value: object) -> None:
    parsed = parse_id_number(value)
    if parsed is not None:
        assert parsed.valid == (parsed.problem is None)
        assert parsed.value is None or len(parsed.value) == 18
