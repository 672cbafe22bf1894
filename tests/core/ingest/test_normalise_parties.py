"""Tests for split_parties: party cells as they come in court spreadsheets."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.ingest.normalise.cells import to_halfwidth
from core.ingest.normalise.id_numbers import PROBLEM_DIGITS_LOST
from core.ingest.normalise.names import name_key
from core.ingest.normalise.parties import (
    ROLES,
    PartyMention,
    _lexicon,
    _split_general,
    split_parties,
)
from core.ingest.normalise.party_lexicon import legal_professional_words
from tests.core.ingest.normalise_strategies import any_cell, tricky_text

SETTINGS = settings(derandomize=True, max_examples=200, deadline=None)

ID_MALE_1985 = "330782198503152416"  # valid check character; sequence 241 is odd


class Expected(NamedTuple):
    """The fields of a PartyMention a row checks (None = must be None)."""

    name: str
    role: str
    kind: str = "person"
    address: str | None = None
    gender: str | None = None
    birth_date: date | None = None
    law_firm: str | None = None
    id_value: str | None = None


def _view(mention: PartyMention) -> Expected:
    """Return the checked fields of a mention."""
    return Expected(
        mention.name,
        mention.role,
        mention.kind,
        mention.address,
        mention.gender,
        mention.birth_date,
        mention.law_firm,
        mention.id_number.value if mention.id_number else None,
    )


P, D = "plaintiff", "defendant"
CASES: list[tuple[str, str, list[Expected]]] = [
    ("张三、李四", P, [Expected("张三", P), Expected("李四", P)]),
    ("张三，李四", D, [Expected("张三", D), Expected("李四", D)]),
    ("张三；李四", P, [Expected("张三", P), Expected("李四", P)]),
    ("张三\n李四\n", P, [Expected("张三", P), Expected("李四", P)]),
    ("张三 李四", P, [Expected("张三", P), Expected("李四", P)]),
    ("张  三", P, [Expected("张三", P)]),
    ("原告：张三 被告：李四", P, [Expected("张三", P), Expected("李四", D)]),
    ("原告张三、李四", D, [Expected("张三", P), Expected("李四", P)]),
    (
        "上诉人（原审被告）：张三\n被上诉人（原审原告）：李四",
        P,
        [Expected("张三", P), Expected("李四", D)],
    ),
    (
        "申请执行人：某某银行股份有限公司义乌分行；被执行人：张三、李四",
        P,
        [
            Expected("某某银行股份有限公司义乌分行", P, "organisation"),
            Expected("张三", D),
            Expected("李四", D),
        ],
    ),
    (
        "第三人：某某村股份经济合作社",
        D,
        [Expected("某某村股份经济合作社", "third_party", "organisation")],
    ),
    (
        f"张三（身份证号：{ID_MALE_1985}）",
        D,
        [Expected("张三", D, gender="男", birth_date=date(1985, 3, 15), id_value=ID_MALE_1985)],
    ),
    (
        f"张三({ID_MALE_1985})、李四",
        D,
        [
            Expected("张三", D, gender="男", birth_date=date(1985, 3, 15), id_value=ID_MALE_1985),
            Expected("李四", D),
        ],
    ),
    (
        "张三，男，1980年1月1日出生，汉族，住浙江省义乌市稠城街道某某路1号",
        D,
        [
            Expected(
                "张三",
                D,
                address="浙江省义乌市稠城街道某某路1号",
                gender="男",
                birth_date=date(1980, 1, 1),
            )
        ],
    ),
    (
        "张三，女，一九八〇年一月一日生，住浙江省义乌市某某村，李四，男，住浙江省金华市某某街2号",
        D,
        [
            Expected(
                "张三", D, address="浙江省义乌市某某村", gender="女", birth_date=date(1980, 1, 1)
            ),
            Expected("李四", D, address="浙江省金华市某某街2号", gender="男"),
        ],
    ),
    (
        "张三（男，1980年1月1日生）",
        D,
        [Expected("张三", D, gender="男", birth_date=date(1980, 1, 1))],
    ),
    (
        "某某小额贷款有限公司，法定代表人王五",
        P,
        [Expected("某某小额贷款有限公司", P, "organisation")],
    ),
    (
        "某某小额贷款有限公司，住所地浙江省义乌市某某大道100号，法定代表人：王五，该公司总经理",
        P,
        [Expected("某某小额贷款有限公司", P, "organisation", address="浙江省义乌市某某大道100号")],
    ),
    (
        "李律，浙江某某律师事务所律师",
        "agent",
        [Expected("李律", "agent", law_firm="浙江某某律师事务所")],
    ),
    (
        "李律（浙江某某律师事务所）、钱律，浙江某某律师事务所（特殊普通合伙）实习律师",
        "agent",
        [
            Expected("李律", "agent", law_firm="浙江某某律师事务所"),
            Expected("钱律", "agent", law_firm="浙江某某律师事务所（特殊普通合伙）"),
        ],
    ),
    ("赵六，系被告之父", "agent", [Expected("赵六", "agent")]),
    (
        "王七，某某法律服务所法律工作者",
        "agent",
        [Expected("王七", "agent", law_firm="某某法律服务所")],
    ),
    (
        "原告：张三，委托诉讼代理人：李律，浙江某某律师事务所律师。被告：某某有限公司",
        D,
        [
            Expected("张三", P),
            Expected("李律", "agent", law_firm="浙江某某律师事务所"),
            Expected("某某有限公司", D, "organisation"),
        ],
    ),
    (
        "被告：张三、李四，两被告共同委托诉讼代理人：孙律，浙江某某律师事务所律师",
        P,
        [
            Expected("张三", D),
            Expected("李四", D),
            Expected("孙律", "agent", law_firm="浙江某某律师事务所"),
        ],
    ),
    ("赵六，原告之父", "agent", [Expected("赵六", "agent")]),
    ("张三、李四（已故）", D, [Expected("张三", D), Expected("李四", D)]),
    # / | 和 与 及 between two persons' names
    ("张三/李四", P, [Expected("张三", P), Expected("李四", P)]),
    ("张三 / 李四", P, [Expected("张三", P), Expected("李四", P)]),
    ("张三|李四", P, [Expected("张三", P), Expected("李四", P)]),
    ("张三和李四", P, [Expected("张三", P), Expected("李四", P)]),
    ("张三与李四", P, [Expected("张三", P), Expected("李四", P)]),
    ("王和平和李四", P, [Expected("王和平", P), Expected("李四", P)]),
    ("王和平", P, [Expected("王和平", P)]),
    ("和平公司", P, [Expected("和平公司", P, "organisation")]),
    ("张三和李四贸易有限公司", P, [Expected("张三和李四贸易有限公司", P, "organisation")]),
    ("张三，男，1980/1/1出生", D, [Expected("张三", D, gender="男", birth_date=date(1980, 1, 1))]),
    # the first of several: 等 / 等3人 / 等五人
    ("陈海燕等3人", D, [Expected("陈海燕", D)]),
    ("张三等", D, [Expected("张三", D)]),
    ("张三等五人", D, [Expected("张三", D)]),
    ("张三、李四等5人", D, [Expected("张三", D), Expected("李四", D)]),
    # a short-name note is not part of the name
    ("某某有限公司（以下简称某某公司）", P, [Expected("某某有限公司", P, "organisation")]),
    (
        "浙江某某科技有限公司(以下简称:某某公司)",
        P,
        [Expected("浙江某某科技有限公司", P, "organisation")],
    ),
    # agents: firms named, shared or pointed to
    ("王五（浙江某律所）", "agent", [Expected("王五", "agent", law_firm="浙江某律所")]),
    (
        "王五（浙江某某律师事务所）；赵六（义乌市某某法律服务所）",
        "agent",
        [
            Expected("王五", "agent", law_firm="浙江某某律师事务所"),
            Expected("赵六", "agent", law_firm="义乌市某某法律服务所"),
        ],
    ),
    (
        "王五、李六（浙江某某律师事务所律师）",
        "agent",
        [
            Expected("王五", "agent", law_firm="浙江某某律师事务所"),
            Expected("李六", "agent", law_firm="浙江某某律师事务所"),
        ],
    ),
    (
        "张三（原告之子）、李六（浙江某某律师事务所律师）",
        "agent",
        [Expected("张三", "agent"), Expected("李六", "agent", law_firm="浙江某某律师事务所")],
    ),
    (
        "王五，浙江某某律师事务所律师，李六，该所律师",
        "agent",
        [
            Expected("王五", "agent", law_firm="浙江某某律师事务所"),
            Expected("李六", "agent", law_firm="浙江某某律师事务所"),
        ],
    ),
    (
        "王五（浙江某某律师事务所）、李六（该所实习律师）",
        "agent",
        [
            Expected("王五", "agent", law_firm="浙江某某律师事务所"),
            Expected("李六", "agent", law_firm="浙江某某律师事务所"),
        ],
    ),
    ("李六，该所律师", "agent", [Expected("李六", "agent")]),
    (
        "浙江某某律师事务所律师王五",
        "agent",
        [Expected("王五", "agent", law_firm="浙江某某律师事务所")],
    ),
    (
        "北京某某（杭州）律师事务所王五、李六",
        "agent",
        [
            Expected("王五", "agent", law_firm="北京某某（杭州）律师事务所"),
            Expected("李六", "agent", law_firm="北京某某（杭州）律师事务所"),
        ],
    ),
    (
        "王五（北京某某（杭州）律师事务所）",
        "agent",
        [Expected("王五", "agent", law_firm="北京某某（杭州）律师事务所")],
    ),
    (
        "张三、王五 浙江某某律师事务所",
        "agent",
        [
            Expected("张三", "agent", law_firm="浙江某某律师事务所"),
            Expected("王五", "agent", law_firm="浙江某某律师事务所"),
        ],
    ),
    ("浙江某某律师事务所（特殊普通合伙）", P, [Expected("浙江某某律师事务所（特殊普通合伙）", P, "organisation")]),
    ("王五（律师）", "agent", [Expected("王五", "agent")]),
    ("王五 律师", "agent", [Expected("王五", "agent")]),
    ("王五(执业律师)", "agent", [Expected("王五", "agent")]),
    ("王五，法律工作者", "agent", [Expected("王五", "agent")]),
    ("马某（某某银行股份有限公司示例县支行员工）", "agent", [Expected("马某", "agent")]),
    ("王五律师", "agent", [Expected("王五", "agent")]),
    ("律师王五", "agent", [Expected("王五", "agent")]),
    ("法律援助律师王五", "agent", [Expected("王五", "agent")]),
    ("王五律师", P, [Expected("王五律师", P)]),  # a title is read only in agent cells
    ("王律师", "agent", [Expected("王律师", "agent")]),
    ("孙律师、李律师", "agent", [Expected("孙律师", "agent"), Expected("李律师", "agent")]),
    ("王五，专职律师", "agent", [Expected("王五", "agent")]),
    ("张三等人", D, [Expected("张三", D)]),
    ("某某公司（原名某某厂）", D, [Expected("某某公司", D, "organisation")]),
    (
        "浙江某某有限公司，以下简称某某公司",
        P,
        [Expected("浙江某某有限公司", P, "organisation")],
    ),
    ("张三、无", P, [Expected("张三", P)]),
    ("徐某（李某之妻）", "agent", [Expected("徐某", "agent")]),
    (
        "买买提.吐尔逊、阿卜杜拉·艾尼",
        D,
        [Expected("买买提·吐尔逊", D), Expected("阿卜杜拉·艾尼", D)],
    ),
    (
        "某某(中国)有限公司、义乌市某某五金店（个体工商户）",
        D,
        [
            Expected("某某（中国）有限公司", D, "organisation"),
            Expected("义乌市某某五金店（个体工商户）", D, "organisation"),
        ],
    ),
]


@pytest.mark.parametrize(("cell", "default_role", "expected"), CASES)
def test_split_parties(cell: str, default_role: str, expected: list[Expected]) -> None:
    assert [_view(m) for m in split_parties(cell, default_role)] == expected


def test_raw_keeps_the_party_text() -> None:
    cell = "张三，男，住浙江省义乌市某某路1号；李四"
    first, second = split_parties(cell, "defendant")
    assert first.raw == "张三，男，住浙江省义乌市某某路1号"
    assert second.raw == "李四"


def test_lost_id_digits_are_flagged_not_used() -> None:
    (mention,) = split_parties("被告：张三，公民身份号码1.10105194912310E+17", "plaintiff")
    assert mention.id_number is not None
    assert mention.id_number.value is None
    assert mention.id_number.problem == PROBLEM_DIGITS_LOST
    assert mention.birth_date is None


def test_law_firm_only_for_agents() -> None:
    (mention,) = split_parties("李律，浙江某某律师事务所律师", "plaintiff")
    assert mention.law_firm is None


@pytest.mark.parametrize(
    "cell", [None, "", "  ", "\u3000", float("nan"), "，、；", "/", "无", "不详", "暂无", "未委托"]
)
def test_empty_cells(cell: object) -> None:
    assert split_parties(cell, "plaintiff") == []


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"
person_names = st.builds(
    lambda s, g: s + g,
    st.sampled_from(SURNAMES),
    st.text(alphabet=GIVEN, min_size=1, max_size=2),
)
company_names = st.builds(
    lambda a, b: f"义乌市{a}{b}",
    st.text(alphabet="金华通达鑫源恒泰", min_size=2, max_size=4),
    st.sampled_from(["有限公司", "小额贷款有限公司", "商贸有限公司", "五金店"]),
)


@SETTINGS
@given(
    st.lists(st.one_of(person_names, company_names), min_size=1, max_size=5),
    st.sampled_from(["、", "，", "；", "\n", ",", ";", "，\n", "/", " / ", "|"]),
)
def test_separated_names_round_trip(names: list[str], separator: str) -> None:
    mentions = split_parties(separator.join(names), "defendant")
    assert [m.name for m in mentions] == names
    assert all(m.role == "defendant" for m in mentions)
    for m in mentions:
        assert m.kind == ("organisation" if "义乌市" in m.name else "person")


@SETTINGS
@given(st.one_of(any_cell, tricky_text, st.text()))
def test_never_raises(value: object) -> None:
    mentions = split_parties(value, "plaintiff")
    for m in mentions:
        assert m.name
        assert m.kind in {"person", "organisation"}


@pytest.mark.parametrize(
    ("cell", "role", "names"),
    [
        ("贺江军（公民代理）", "agent", ["贺江军"]),
        ("李新超（李东福之子）、王五", "plaintiff", ["李新超", "王五"]),
        ("中国农业银行股份有限公司示例县支行（91330799MA2AB3CD1K）", "plaintiff", ["中国农业银行股份有限公司示例县支行"]),
        ("李律，浙江某某律师事务所（特殊普通合伙、义乌分所）律师", "agent", ["李律"]),
        ("某某（义乌）贸易有限公司", "defendant", ["某某（义乌）贸易有限公司"]),
    ],
)
def test_bracketed_notes_and_separators_inside_brackets(cell: str, role: str, names: list[str]) -> None:
    assert [p.name for p in split_parties(cell, role)] == names


_NAME_CHARS = "张王李赵陈示例县建设银行有限公司股份·和等律师事务所"
_ID_LIKE = st.one_of(
    st.from_regex(r"\d{17}[\dXx]", fullmatch=True),
    st.from_regex(r"\d{15}", fullmatch=True),
    st.sampled_from(["11010519491231002X", "110105194912310021", "110105491231002"]),
)


@SETTINGS
@given(
    st.text(alphabet=_NAME_CHARS, min_size=1, max_size=12),
    st.one_of(st.none(), _ID_LIKE),
    st.sampled_from(["()", "（）"]),
    st.sampled_from(ROLES),
)
def test_quick_paths_match_the_general_reading(name: str, ident: str | None, brackets: str,
                                               role: str) -> None:
    """"张三" and "张三（身份证号）" skip the general reading; they must come out the same."""
    cell = name if ident is None else f"{name}{brackets[0]}{ident}{brackets[1]}"
    norm = to_halfwidth(cell)
    assert split_parties(cell, role) == _split_general(cell, norm, role, _lexicon())


def test_party_row_follows_the_parties_table() -> None:
    from core.ingest.convert import TABLES
    from core.ingest.records import party_row

    columns = dict(TABLES)["parties"][1:]
    (mention,) = split_parties("张三（11010519491231002x）", "defendant")
    row = dict(zip(columns, party_row(mention), strict=True))
    assert row["name"] == "张三" and row["kind"] == "person" and row["raw"] == "张三（11010519491231002x）"
    assert row["id_number"] == "11010519491231002X" and row["id_problem"] is None
    assert row["birth_date"] == "1949-12-31" and row["gender"] == "女"
    (bank,) = split_parties("某某银行股份有限公司示例支行", "plaintiff")
    assert dict(zip(columns, party_row(bank), strict=True))["kind"] == "organisation"


two_char_names = st.builds(
    lambda s, g: s + g, st.sampled_from(SURNAMES), st.text(alphabet=GIVEN, min_size=1, max_size=2)
)


@SETTINGS
@given(two_char_names, two_char_names, st.sampled_from("和与及"))
def test_two_persons_joined_by_a_word(first: str, second: str, word: str) -> None:
    cell = f"{first}{word}{second}"
    assert [m.name for m in split_parties(cell, "plaintiff")] == [first, second]
    # ... but not inside a company's name
    company = f"{cell}贸易有限公司"
    assert [(m.name, m.kind) for m in split_parties(company, "plaintiff")] == [(company, "organisation")]


@SETTINGS
@given(
    st.lists(person_names, min_size=1, max_size=3),
    st.sampled_from(["等", "等3人", "等五人", "等12名", "等两户"]),
)
def test_the_first_of_several(names: list[str], others: str) -> None:
    cell = "、".join(names) + others
    mentions = split_parties(cell, "defendant")
    assert [m.name for m in mentions] == names
    assert mentions[-1].raw == names[-1] + others


@pytest.mark.parametrize(
    "note", ["（以下简称某某公司）", "(以下简称:某某公司)", "（下称某某公司）", "(简称“某某公司”)"]
)
def test_a_short_name_note_leaves_the_name_key_alone(note: str) -> None:
    company = "浙江某某科技有限公司"
    (mention,) = split_parties(company + note, "plaintiff")
    assert name_key(mention.name) == name_key(company)
    assert mention.raw == company + note


LAWYER_CELLS = [
    "王五（律师）",
    "王五 律师",
    "王五(执业律师)",
    "王律师",
    "王五，法律工作者",
    "王五（基层法律服务工作者）",
    "李六，该所律师",
    "王五（法律援助律师）",
]
CITIZEN_CELLS = [
    "张某（原告之子）",
    "李某，员工",
    "李某（某某有限公司员工）",
    "赵六（公民代理）",
    "赵六（公民代理，非律师）",
    "钱七",
]


@pytest.mark.parametrize("cell", LAWYER_CELLS)
def test_a_lawyer_without_a_firm_is_told_by_the_words_kept_in_raw(cell: str) -> None:
    (mention,) = split_parties(cell, "agent")
    assert mention.kind == "person" and mention.law_firm is None
    assert legal_professional_words().matches(mention.raw)


@pytest.mark.parametrize("cell", CITIZEN_CELLS)
def test_a_citizen_agent_is_not_taken_for_a_lawyer(cell: str) -> None:
    (mention,) = split_parties(cell, "agent")
    assert mention.kind == "person" and mention.law_firm is None
    assert not legal_professional_words().matches(mention.raw)


firm_names = st.builds(
    lambda place, word, marker: f"{place}{word}{marker}",
    st.sampled_from(["浙江", "义乌市", "北京", "示例县城关镇"]),
    st.text(alphabet="金华通达鑫源恒泰正衡", min_size=2, max_size=3),
    st.sampled_from(["律师事务所", "法律服务所", "律所"]),
)


@SETTINGS
@given(
    st.lists(st.tuples(person_names, firm_names), min_size=1, max_size=4),
    st.sampled_from(["{name}（{firm}）", "{name}，{firm}律师", "{firm}律师{name}", "{name}({firm}律师)"]),
    st.sampled_from(["、", "；", "\n"]),
)
def test_every_agent_keeps_its_own_firm(
    agents: list[tuple[str, str]], form: str, separator: str
) -> None:
    cell = separator.join(form.format(name=name, firm=firm) for name, firm in agents)
    mentions = split_parties(cell, "agent")
    assert [(m.name, m.law_firm) for m in mentions] == agents
