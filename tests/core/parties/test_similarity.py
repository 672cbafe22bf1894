"""Address and organisation-name comparisons behind party resolution, table-driven."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.parties.similarity import (
    Place,
    compare_addresses,
    normalise_address,
    org_block,
    org_core,
    org_names_near,
)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("住址：义乌市稠城街道工人北路5号", "义乌市稠城街道工人北路5号"),
        ("户籍地 浙江省义乌市 稠城街道（工人北路）5号", "浙江省义乌市稠城街道工人北路5号"),
        ("义乌市稠城街道工人北路５号", "义乌市稠城街道工人北路5号"),
        (None, ""),
        ("", ""),
    ],
)
def test_normalise_address(raw: str | None, key: str) -> None:
    assert normalise_address(raw) == key


@pytest.mark.parametrize(
    ("a", "b", "place"),
    [
        ("义乌市稠城街道工人北路5号", "义乌市稠城街道工人北路5号", Place.SAME),
        ("义乌市稠城街道工人北路5号", "浙江省义乌市稠城街道工人北路5号", Place.SAME),
        ("义乌市稠城街道工人北路5号", "义乌市稠城街道工人北路5号301室", Place.SAME),
        ("义乌市北苑街道上宅村12号", "义乌市北苑街道上宅村12号附", Place.SAME),
        ("义乌市稠城街道工人北路5号", "义乌市稠城街道工人北路7号", Place.UNCLEAR),
        ("义乌市北山街道人民路12号", "东阳市北山街道人民路12号", Place.UNCLEAR),
        ("义乌市稠城街道", "浙江省义乌市稠城街道工人北路5号", Place.UNCLEAR),
        ("义乌市稠城街道工人北路5号", "哈尔滨市道里区中央大街120号", Place.DIFFERENT),
        ("义乌市稠城街道工人北路5号", "", Place.UNCLEAR),
    ],
)
def test_compare_addresses(a: str, b: str, place: Place) -> None:
    assert compare_addresses(a, b)[0] is place
    assert compare_addresses(b, a)[0] is place


address = st.text(alphabet="义乌市东阳稠城街道工人北路村组号室0123456789", max_size=24)


@settings(max_examples=200, derandomize=True)
@given(address, address)
def test_compare_addresses_is_symmetric_and_bounded(a: str, b: str) -> None:
    place, score = compare_addresses(a, b)
    assert compare_addresses(b, a) == (place, score)
    assert 0.0 <= score <= 1.0
    if a and a == b:
        assert place is Place.SAME


@pytest.mark.parametrize(
    ("key", "core"),
    [
        ("义乌市华鑫贸易有限公司", "义乌市华鑫贸易"),
        ("义乌市华鑫贸易股份有限公司", "义乌市华鑫贸易"),
        ("义乌市某某律师事务所（普通合伙）", "义乌市某某律师事务所"),
        ("中国工商银行股份有限公司义乌分行", "中国工商银行股份有限公司义乌分行"),
        ("有限公司", "有限公司"),
    ],
)
def test_org_core(key: str, core: str) -> None:
    assert org_core(key) == core


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("义乌市华鑫贸易", "义乌华鑫贸易", True),
        ("中国银行股份有限公司义乌市支行", "中国银行股份有限公司义乌支行", True),
        ("义乌市华鑫贸易", "义乌市华新贸易", False),  # a changed character: maybe another firm
        (
            "中国人民财产保险股份有限公司义乌市支公司",
            "中国人寿财产保险股份有限公司义乌市支公司",
            False,
        ),
        ("中国银行股份有限公司永康市支行", "中国农业银行股份有限公司永康市支行", False),
        ("义乌市第一建筑", "义乌市第二建筑", False),
        ("义乌第一建筑", "义乌市第1建筑", False),
        ("华鑫", "华鑫贸", False),  # too short to be sure
    ],
)
def test_org_names_near(a: str, b: str, near: bool) -> None:
    assert (org_names_near(a, b) >= 90) is near


def test_org_block_uses_first_and_last_four_characters() -> None:
    assert org_block("义乌市华鑫贸易") == "义华鑫贸易"
    assert org_block("义乌华鑫贸易") == org_block("义乌市华鑫贸易")
