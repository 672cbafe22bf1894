"""Tests for clean_name, name_key, company_form_variant and is_organisation."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.ingest.normalise.names import (
    clean_name,
    company_form_variant,
    is_organisation,
    name_key,
)
from tests.core.ingest.normalise_strategies import any_cell, tricky_text

SETTINGS = settings(derandomize=True, max_examples=300, deadline=None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("张三", "张三"),
        (" 张 三 ", "张三"),
        ("张\u3000\u3000三", "张三"),
        ("张三。", "张三"),
        ("张三，", "张三"),
        ("、张三", "张三"),
        ("某某(中国)有限公司", "某某（中国）有限公司"),
        ("某某（中国）有限公司", "某某（中国）有限公司"),
        ("ＡＢＣ有限公司", "ABC有限公司"),
        ("John  Smith", "John Smith"),
        ("ＡＢＣ  Trading Co., Ltd.", "ABC Trading Co., Ltd"),
        ("Apple 有限公司", "Apple有限公司"),
        ("买买提.吐尔逊", "买买提·吐尔逊"),
        ("阿卜杜拉•艾尼", "阿卜杜拉·艾尼"),
        ("阿卜杜拉・艾尼", "阿卜杜拉·艾尼"),
        ("张\u200b三", "张三"),
        (None, ""),
        (12345, "12345"),
    ],
)
def test_clean_name(value: object, expected: str) -> None:
    assert clean_name(value) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("某某有限责任公司", "某某有限公司"),
        ("某某(中国)有限责任公司", "某某（中国）有限公司"),
        ("浙江某某律师事务所（特殊普通合伙）", "浙江某某律师事务所"),
        ("某某投资中心(有限合伙)", "某某投资中心"),
        ("ABC Trading Co., Ltd.", "abc trading co., ltd"),
        (" 张 三 ", "张三"),
    ],
)
def test_name_key_collapses_variants(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("某某股份有限公司", "某某有限公司"),  # different legal forms stay apart
        ("张三", "张四"),
        ("某某（中国）有限公司", "某某有限公司"),
    ],
)
def test_name_key_keeps_distinct(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize(
    ("name", "variant"),
    [
        ("某某有限责任公司", "有限责任公司"),
        ("某某律师事务所(普通合伙)", "（普通合伙）"),
        ("某某投资中心（有限合伙）", "（有限合伙）"),
        ("某某有限公司", None),
        ("某某股份有限公司", None),
        ("张三", None),
    ],
)
def test_company_form_variant(name: str, variant: str | None) -> None:
    assert company_form_variant(name) == variant


@pytest.mark.parametrize(
    "name",
    [
        "某某小额贷款有限公司",
        "中国工商银行股份有限公司义乌分行",
        "义乌市农村信用合作联社",
        "某某村股份经济合作社",
        "某某村村民委员会",
        "义乌市人民政府稠城街道办事处",
        "义乌市公安局",
        "浙江某某律师事务所（特殊普通合伙）",
        "某某投资中心(有限合伙)",
        "义乌市中心医院",
        "某某五金店",
        "某某汽车修理厂",
        "某某集团",
        "ABC Trading Co., Ltd.",
        "Apple Inc",
        "义乌市某某贸易商行",
    ],
)
def test_organisations(name: str) -> None:
    assert is_organisation(name)


@pytest.mark.parametrize(
    "name",
    [
        "张三",
        "王伟芳",
        "欧阳娜娜",
        "买买提·吐尔逊",
        "阿卜杜拉·艾尼",
        "张中心",
        "王建局",
        "李建社",
        "张德行",
        "John Smith",
        "",
    ],
)
def test_persons(name: str) -> None:
    assert not is_organisation(name)


@SETTINGS
@given(st.one_of(any_cell, tricky_text))
def test_never_raise_and_clean_is_idempotent(value: object) -> None:
    cleaned = clean_name(value)
    assert clean_name(cleaned) == cleaned
    assert cleaned == cleaned.strip()
    assert "(" not in cleaned and ")" not in cleaned
    assert isinstance(name_key(cleaned), str)
    assert isinstance(is_organisation(cleaned), bool)
    variant = company_form_variant(cleaned)
    assert variant is None or variant in cleaned
