"""Draft fields to template context: numerals, limits, paragraphs, cleaning."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.drafting.fields import (
    AnnexCase,
    build_context,
    chinese_number,
    clean_text,
    context_names,
    date_text,
    month_limit,
    split_paragraphs,
)
from core.errors import UserError
from tests.core.drafting.draftdata import make_fields


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "一"), (2, "二"), (10, "十"), (11, "十一"), (20, "二十"), (23, "二十三"), (99, "九十九")],
)
def test_chinese_number(n: int, expected: str) -> None:
    assert chinese_number(n) == expected


@pytest.mark.parametrize(
    ("months", "expected"), [(1, "一个月"), (2, "两个月"), (3, "三个月"), (12, "十二个月")]
)
def test_month_limit(months: int, expected: str) -> None:
    assert month_limit(months) == expected


@pytest.mark.parametrize("months", [0, -1, 25])
def test_month_limit_refuses_nonsense(months: int) -> None:
    with pytest.raises(UserError):
        month_limit(months)


def test_date_in_arabic_numerals_without_zero_padding() -> None:
    assert date_text(date(2026, 11, 23)) == "2026年11月23日"
    assert date_text(date(2026, 1, 5)) == "2026年1月5日"


def test_free_text_splits_into_trimmed_paragraphs() -> None:
    text = "  第一段。\r\n\r\n\u3000\u3000第二段。\r第三段。\n   \n"
    assert split_paragraphs(text) == ["第一段。", "第二段。", "第三段。"]


def test_xml_illegal_characters_are_removed() -> None:
    assert clean_text("甲\x0b乙\x07丙\x00丁\tz") == "甲乙丙丁\tz"


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(max_size=60))
def test_split_paragraphs_never_keeps_breaks_or_blanks(text: str) -> None:
    for paragraph in split_paragraphs(text):
        assert paragraph.strip()
        assert "\n" not in paragraph and "\r" not in paragraph
        assert not any(ord(ch) < 0x20 and ch != "\t" for ch in paragraph)


def test_context_fills_template_defaults() -> None:
    context = build_context(
        make_fields(2), reply_months=3, legal_basis="《甲法》第一条", kind="retrial"
    )
    assert context["reply_months"] == 3
    assert context["reply_limit"] == "三个月"
    assert context["legal_basis"] == "《甲法》第一条"
    assert context["signature"] == "浙江省义乌市人民检察院"
    assert context["date_text"] == "2026年11月23日"
    assert context["case_count"] == 2


def test_fields_override_template_defaults() -> None:
    fields = make_fields(0, reply_months=1, legal_basis="", signature="某某检察院")
    context = build_context(fields, reply_months=3, legal_basis="《甲法》", kind="x")
    assert (context["reply_limit"], context["legal_basis"], context["signature"]) == (
        "一个月",
        "",
        "某某检察院",
    )


def test_lead_phrases_and_typed_numbers_are_not_doubled() -> None:
    context = build_context(make_fields(0), reply_months=2, legal_basis="", kind="x")
    assert context["facts_paragraphs"][0].startswith("2023年")
    assert context["suggestions"] == ["加强立案审查，建立职业放贷人名录。", "规范送达程序。"]
    assert context["problems_paragraphs"][1].startswith("一、")


def test_multiline_suggestion_becomes_one_paragraph() -> None:
    fields = make_fields(0, suggestions=["（1）完善制度，\n加强培训。", "", "  "])
    context = build_context(fields, reply_months=2, legal_basis="", kind="x")
    assert context["suggestions"] == ["完善制度，加强培训。"]


@pytest.mark.parametrize("missing", ["procuratorate", "doc_number", "recipient"])
def test_required_fields_must_not_be_blank(missing: str) -> None:
    with pytest.raises(UserError):
        build_context(make_fields(0, **{missing: " \n"}), reply_months=2, legal_basis="", kind="x")


def test_annex_cases_are_cleaned() -> None:
    fields = make_fields(0, cases=[AnnexCase(" （2024）浙0782民初1号\x0c ", problem="a\r\nb")])
    case = build_context(fields, reply_months=2, legal_basis="", kind="x")["cases"][0]
    assert case == AnnexCase("（2024）浙0782民初1号", "", "", "", "a\nb")


def test_context_names_list_every_field_templates_use() -> None:
    names = context_names()
    for name in ("procuratorate", "doc_number", "recipient", "cases", "reply_limit", "cc"):
        assert name in names


@pytest.mark.parametrize(
    ("conclusion", "expected"),
    [
        ("为规范审理，", "为规范审理，"),
        ("为规范审理", "为规范审理，"),
        ("为规范审理。", "为规范审理，"),
        ("", ""),
    ],
)
def test_conclusion_runs_on_with_a_comma(conclusion: str, expected: str) -> None:
    fields = make_fields(0, conclusion=conclusion)
    assert build_context(fields, reply_months=2, legal_basis="", kind="x")["conclusion"] == expected


def test_one_line_fields_lose_their_line_breaks() -> None:
    fields = make_fields(0, recipient="义乌市\n人民法院", doc_number=" 义检民建\r\n〔2026〕3号 ")
    context = build_context(fields, reply_months=2, legal_basis="《甲法》\n第一条", kind="x")
    assert (context["recipient"], context["doc_number"], context["legal_basis"]) == (
        "义乌市人民法院",
        "义检民建〔2026〕3号",
        "《甲法》第一条",
    )
