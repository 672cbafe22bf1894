"""Financial-institution lexicon: which organisation names are institutions, and of what kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import UserError
from core.parties.institutions import (
    financial_kind,
    is_licensed_financial,
    load_lexicon,
    parse_lexicon,
)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("中国工商银行股份有限公司义乌分行", "银行"),
        ("中国农业银行股份有限公司义乌稠城支行", "银行"),
        ("中国邮政储蓄银行股份有限公司金华市分行", "银行"),
        ("中国银行股份有限公司银行卡中心", "银行"),  # 银行 occurs outside 银行卡 too
        ("浙江义乌农村商业银行股份有限公司", "农村商业银行"),
        ("义乌农商银行福田支行", "农村商业银行"),
        ("浙江义乌联合村镇银行股份有限公司", "村镇银行"),
        ("义乌市农村信用合作联社", "信用社"),
        ("东阳市信用合作社", "信用社"),
        ("义乌市稠州小额贷款股份有限公司", "小额贷款"),
        ("金华市某某小贷有限公司", "小额贷款"),
        ("重庆市某某网络小额贷款有限公司", "网络小贷"),
        ("马上消费金融股份有限公司", "消费金融"),
        ("招联消费金融股份有限公司", "消费金融"),
        ("中国人寿保险股份有限公司义乌市支公司", "保险"),
        ("中国平安财产保险股份有限公司金华中心支公司", "保险"),
        ("中融国际信托有限公司", "信托"),
        ("义乌市某某典当有限责任公司", "典当"),
        ("浙江省某某融资担保有限公司", "融资担保"),
        ("某某金融租赁股份有限公司", "金融租赁"),
        ("上汽通用汽车金融有限责任公司", "汽车金融"),
        ("中国华融资产管理股份有限公司浙江省分公司", "资产管理"),
        ("某某证券股份有限公司义乌营业部", "证券"),
        ("某某期货有限公司", "期货"),
        ("某某基金管理有限公司", "基金"),
        ("某某集团财务有限公司", "财务公司"),
        ("某某融资租赁有限公司", "融资租赁"),
    ],
)
def test_institutions_are_recognised(name: str, kind: str) -> None:
    assert financial_kind(name, kind="organisation") == kind
    assert financial_kind(name) == kind  # the name alone says it is an organisation
    assert is_licensed_financial(name)


@pytest.mark.parametrize(
    "name",
    [
        "义乌市某某商贸有限公司",
        "义乌市华鑫贸易有限责任公司",
        "义乌市某某银行卡服务有限公司",
        "某某保险柜制造有限公司",
        "某某慈善基金会",
        "义乌市某某财务咨询有限公司",
        "义乌市某某财务管理有限公司",
        "义乌市银行路店",
        "某某投资咨询有限公司",
        "",
        "   ",
    ],
)
def test_ordinary_organisations_are_not_institutions(name: str) -> None:
    assert financial_kind(name, kind="organisation") is None
    assert not is_licensed_financial(name, kind="organisation")


@pytest.mark.parametrize("name", ["金保", "王保险", "李银行", "张信托"])
def test_persons_are_never_institutions(name: str) -> None:
    assert financial_kind(name, kind="person") is None
    assert not is_licensed_financial(name, kind="person")


def test_short_person_name_without_kind_is_not_an_insurer() -> None:
    assert financial_kind("金保") is None


def test_general_guarantee_company_is_marked_but_not_licensed() -> None:
    assert financial_kind("义乌市某某非融资性担保有限公司") == "担保"
    assert not is_licensed_financial("义乌市某某非融资性担保有限公司")
    assert financial_kind("义乌市某某投资担保有限公司") == "担保"


def test_spaces_inside_a_name_do_not_hide_it() -> None:
    assert financial_kind("义乌市 农村信用　合作联社", kind="organisation") == "信用社"


def test_a_user_lexicon_replaces_the_bundled_one(tmp_path: Path) -> None:
    path = tmp_path / "lex.yaml"
    path.write_text(
        "categories:\n"
        "  - kind: 互助会\n    keywords: [互助会]\n    exclusions: [互助会馆]\n"
        "  - kind: 投资\n    keywords: [投资]\n    licensed: false\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon(path)
    assert financial_kind("义乌某某互助会", kind="organisation", lexicon=lexicon) == "互助会"
    assert financial_kind("某某互助会馆有限公司", kind="organisation", lexicon=lexicon) is None
    assert financial_kind("中国工商银行义乌分行", kind="organisation", lexicon=lexicon) is None
    assert financial_kind("某某投资有限公司", lexicon=lexicon) == "投资"
    assert not is_licensed_financial("某某投资有限公司", lexicon=lexicon)


def test_first_matching_category_wins() -> None:
    lexicon = parse_lexicon(
        "categories:\n  - kind: 甲\n    keywords: [农商]\n  - kind: 乙\n    keywords: [银行]\n"
    )
    assert financial_kind("义乌农商银行", kind="organisation", lexicon=lexicon) == "甲"


@pytest.mark.parametrize(
    "text",
    [
        "categories: [",
        "- just a list",
        "categories: []",
        "categories:\n  - keywords: [银行]\n",
        "categories:\n  - kind: 银行\n",
        "categories:\n  - kind: 银行\n    keywords: 银行\n",
        "categories:\n  - kind: 银行\n    keywords: [银行]\n    licensed: 是\n",
        "categories:\n  - 银行\n",
    ],
)
def test_malformed_lexicon_is_a_user_error(text: str) -> None:
    with pytest.raises(UserError):
        parse_lexicon(text)


def test_missing_lexicon_file_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="无法读取"):
        load_lexicon(tmp_path / "missing.yaml")


def test_bundled_lexicon_loads() -> None:
    kinds = [c.kind for c in load_lexicon().categories]
    for kind in [
        "银行",
        "农村商业银行",
        "村镇银行",
        "信用社",
        "小额贷款",
        "消费金融",
        "保险",
        "信托",
    ]:
        assert kind in kinds
    assert kinds.index("农村商业银行") < kinds.index("银行")
