"""Party resolution: which mentions become one entity, why, and how user decisions survive re-runs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import Cancelled, CancelToken
from core.ingest.normalise.names import clean_name, is_organisation, name_key
from core.parties.model import Mention, Override, Resolution
from core.parties.resolve import resolve

ID_A = "330782199001011236"
ID_B = "33078219851203452X"
ID_C = "330782197707070011"


class Batch:
    """Builds mentions the way import does: names cleaned, keys and kinds derived."""

    def __init__(self, start: int = 1) -> None:
        self.mentions: list[Mention] = []
        self.next_id = start

    def add(
        self,
        name: str,
        *,
        id_number: str | None = None,
        address: str | None = None,
        birth: date | None = None,
        role: str = "plaintiff",
        case: int | None = None,
        kind: str | None = None,
    ) -> int:
        cleaned = clean_name(name)
        mention_id = self.next_id
        self.next_id += 1
        self.mentions.append(
            Mention(
                id=mention_id,
                name=cleaned,
                name_key=name_key(cleaned),
                kind=kind or ("organisation" if is_organisation(cleaned) else "person"),
                id_number=id_number,
                address=address,
                birth_date=birth,
                role=role,
                case_id=case if case is not None else 1000 + mention_id,
                case_date=None,
            )
        )
        return mention_id


def together(result: Resolution, *mention_ids: int) -> bool:
    keys = result.entity_key_by_mention()
    return len({keys[i] for i in mention_ids}) == 1


def link_of(result: Resolution, mention_id: int) -> tuple[str, float]:
    link = next(link for link in result.links if link.mention_id == mention_id)
    return link.reason, link.score


def entity_of(result: Resolution, mention_id: int):  # type: ignore[no-untyped-def]
    key = result.entity_key_by_mention()[mention_id]
    return next(e for e in result.entities if e.key == key)


# --- names and ID numbers -------------------------------------------------------------


@pytest.mark.parametrize("variants", [("王建国", "王　建国", "王建国 ", " 王 建 国")])
def test_person_name_spacing_variants_merge(variants: tuple[str, ...]) -> None:
    b = Batch()
    with_id = [b.add(v, id_number=ID_A) for v in variants]
    name_only = [b.add(v) for v in variants]  # same role, no other information
    result = resolve(b.mentions)
    assert together(result, *with_id)
    assert together(result, *name_only)
    assert entity_of(result, with_id[0]).display_name == "王建国"
    assert entity_of(result, name_only[0]).names == ("王建国",)


def test_uncleaned_spaces_still_merge() -> None:
    # The resolver does not trust every caller to have cleaned the name key.
    b = Batch()
    b.add("王建国")
    b.add("王建国")
    b.mentions[1] = replace(b.mentions[1], name="王　建国", name_key="王　建国")
    assert together(resolve(b.mentions), 1, 2)


@pytest.mark.parametrize(
    ("a", "b_"),
    [
        ("义乌市华鑫贸易有限责任公司", "义乌市华鑫贸易有限公司"),
        ("义乌市华鑫贸易有限公司", "义乌市 华鑫贸易　有限公司"),
        ("浙江某某控股集团有限公司", "浙江某某控股集团有限责任公司"),
    ],
)
def test_company_form_and_spacing_variants_merge(a: str, b_: str) -> None:
    b = Batch()
    first, second = b.add(a), b.add(b_, role="defendant")
    result = resolve(b.mentions)
    assert together(result, first, second)
    entity = entity_of(result, first)
    assert entity.kind == "organisation"
    assert entity.key.startswith("org:")
    reasons = {link_of(result, first)[0], link_of(result, second)[0]}
    assert reasons <= {"名称相同", "名称相同（公司形式变体）", "名称相同（写法差异）"}


def test_company_form_variant_is_named_in_the_reason() -> None:
    b = Batch()
    b.add("义乌市华鑫贸易有限责任公司")
    b.add("义乌市华鑫贸易有限公司")
    result = resolve(b.mentions)
    assert link_of(result, 1) == ("名称相同（公司形式变体）", 1.0)
    assert link_of(result, 2) == ("名称相同（公司形式变体）", 1.0)


def test_same_id_number_with_different_spelling_merges() -> None:
    b = Batch()
    m1 = b.add("王建国", id_number=ID_A, address="义乌市稠城街道工人北路5号")
    m2 = b.add("王建囯", id_number=ID_A, address="杭州市西湖区文三路99号", role="defendant")
    result = resolve(b.mentions)
    assert together(result, m1, m2)
    entity = entity_of(result, m1)
    assert entity.key == f"id:{ID_A}"
    assert entity.id_number == ID_A
    assert set(entity.names) == {"王建国", "王建囯"}
    assert link_of(result, m2) == ("身份证号一致", 1.0)


def test_namesakes_with_different_id_numbers_stay_apart() -> None:
    b = Batch()
    address = "义乌市稠城街道工人北路5号"
    m1 = b.add("王芳", id_number=ID_A, address=address, case=1)
    m2 = b.add("王芳", id_number=ID_B, address=address, case=2)
    m3 = b.add("王芳", address=address, case=3)  # near both by address: must pick neither
    result = resolve(b.mentions)
    assert not together(result, m1, m2)
    assert not (together(result, m1, m3) and together(result, m2, m3))


def test_namesakes_with_clearly_different_addresses_stay_apart() -> None:
    b = Batch()
    m1 = b.add("王芳", address="义乌市稠城街道工人北路5号")
    m2 = b.add("王芳", address="哈尔滨市道里区中央大街120号")
    m3 = b.add("王芳", address="浙江省义乌市稠城街道工人北路5号")
    result = resolve(b.mentions)
    assert not together(result, m1, m2)
    assert together(result, m1, m3)
    reason, score = link_of(result, m3)
    assert reason.startswith("姓名相同且住址相近(")
    assert 0.85 <= score < 1.0


def test_neighbouring_house_numbers_are_no_evidence() -> None:
    b = Batch()
    m1 = b.add("王芳", address="义乌市稠城街道工人北路5号")
    m2 = b.add("王芳", address="义乌市稠城街道工人北路7号")
    assert not together(resolve(b.mentions), m1, m2)


def test_same_birth_date_merges_and_different_birth_dates_do_not() -> None:
    b = Batch()
    m1 = b.add("李明", id_number=ID_A)  # born 1990-01-01 per the ID number
    m2 = b.add("李明", birth=date(1990, 1, 1))
    m3 = b.add("李明", birth=date(1991, 5, 5), address="义乌市稠城街道工人北路5号")
    m4 = b.add("李明", birth=date(1992, 6, 6), address="义乌市稠城街道工人北路5号")
    result = resolve(b.mentions)
    assert together(result, m1, m2)
    assert link_of(result, m2)[0] == "姓名相同且出生日期一致"
    assert not together(result, m3, m4)  # same address, different birth dates


def test_persons_are_never_fuzzy_merged_on_names() -> None:
    b = Batch()
    address = "义乌市稠城街道工人北路5号"
    m1 = b.add("王伟芳", address=address)
    m2 = b.add("王伟芳娜", address=address)
    m3 = b.add("王伟方")
    m4 = b.add("王伟芳")
    result = resolve(b.mentions)
    assert not together(result, m1, m2)
    assert not together(result, m3, m4)


def test_name_only_persons_group_by_role() -> None:
    b = Batch()
    plaintiffs = [b.add("陈某某", case=c) for c in (1, 2, 3)]
    defendant = b.add("陈某某", role="defendant", case=4)
    with_id = b.add("陈某某", id_number=ID_C, case=5)
    result = resolve(b.mentions)
    assert together(result, *plaintiffs)
    assert not together(result, plaintiffs[0], defendant)
    # the only 陈某某 known by ID in that role: the bare plaintiffs are taken to be that person
    assert together(result, plaintiffs[0], with_id)
    assert link_of(result, with_id)[0] == "姓名相同且诉讼地位相同（同名者中仅一人有身份信息）"
    assert link_of(result, plaintiffs[1]) == ("姓名相同且诉讼地位相同（无身份信息）", 0.6)


def test_the_same_name_twice_in_one_case_is_one_party() -> None:
    b = Batch()
    m1 = b.add("赵六", id_number=ID_C, case=7)
    m2 = b.add("赵六", case=7)
    m3 = b.add("赵六", case=8, role="defendant")
    result = resolve(b.mentions)
    assert together(result, m1, m2)
    assert link_of(result, m2) == ("同一案件中姓名相同", 0.9)
    assert not together(result, m1, m3)


# --- organisations: near names and institutions ---------------------------------------


def test_near_organisation_names_merge_with_their_similarity() -> None:
    b = Batch()
    m1 = b.add("义乌市华鑫贸易有限公司")
    m2 = b.add("义乌华鑫贸易有限公司")
    result = resolve(b.mentions)
    assert together(result, m1, m2)
    reason, score = link_of(result, m2)
    assert reason == f"名称相近({score:.2f})"
    assert 0.9 <= score < 1.0


@pytest.mark.parametrize(
    ("a", "b_"),
    [
        ("义乌市第一建筑工程有限公司", "义乌市第二建筑工程有限公司"),
        ("义乌市华鑫贸易有限公司", "义乌市华新贸易有限公司"),
        ("中国工商银行股份有限公司义乌分行", "中国工商银行股份有限公司义乌支行"),
        ("义乌市1号仓储有限公司", "义乌市2号仓储有限公司"),
    ],
)
def test_different_organisations_with_close_names_stay_apart(a: str, b_: str) -> None:
    b = Batch()
    m1, m2 = b.add(a), b.add(b_)
    assert not together(resolve(b.mentions), m1, m2)


def test_financial_institutions_are_marked() -> None:
    b = Batch()
    names = {
        "中国农业银行股份有限公司义乌分行": "银行",
        "义乌市农村信用合作联社": "信用社",
        "义乌市稠州小额贷款股份有限公司": "小额贷款",
        "马上消费金融股份有限公司": "消费金融",
        "中国人寿保险股份有限公司义乌市支公司": "保险",
        "义乌市某某商贸有限公司": None,
    }
    ids = {name: b.add(name, kind="organisation") for name in names}
    person = b.add("金保")
    bank_person = b.add("王银行", kind="person")
    result = resolve(b.mentions)
    for name, kind in names.items():
        entity = entity_of(result, ids[name])
        assert entity.financial_kind == kind, name
        assert entity.is_financial is (kind is not None), name
    for m in (person, bank_person):
        assert not entity_of(result, m).is_financial
        assert entity_of(result, m).financial_kind is None


# --- user overrides survive re-runs ---------------------------------------------------


def test_merge_and_split_survive_reimport_with_new_mentions() -> None:
    b = Batch()
    a1 = b.add("王芳", address="义乌市稠城街道工人北路5号", case=1)
    a2 = b.add("王芳", address="东阳市吴宁街道某某村8组", case=2)  # no evidence: apart
    c1 = b.add("张伟", id_number=ID_C, case=3)
    c2 = b.add("张伟", id_number=ID_C, case=4)
    c3 = b.add("张伟", id_number=ID_C, case=5)
    overrides = [
        Override("merge", (a1, a2)),
        Override("split", (c1,), apart_from=(c2, c3)),
    ]
    first = resolve(b.mentions)
    assert not together(first, a1, a2)
    assert together(first, c1, c2, c3)

    applied = resolve(b.mentions, overrides)
    assert together(applied, a1, a2)
    assert link_of(applied, a2) == ("用户合并", 1.0)
    assert not together(applied, c1, c2)
    assert together(applied, c2, c3)
    assert link_of(applied, c1)[0] == "用户拆分"
    assert applied.superseded_overrides == ()

    # Re-import: more mentions arrive, ids continue; the same decisions are re-applied.
    a3 = b.add("王芳", address="浙江省义乌市稠城街道工人北路5号", case=6)
    c4 = b.add("张伟", id_number=ID_C, case=7)
    c5 = b.add("张伟", case=7)
    again = resolve(b.mentions, overrides)
    assert together(again, a1, a2, a3)
    assert not together(again, c1, c2)
    assert not together(again, c1, c4)
    assert together(again, c2, c3, c4, c5)
    # The split-off mention and the rest keep distinct, stable keys.
    keys = again.entity_key_by_mention()
    assert keys[c2] == f"id:{ID_C}"
    assert keys[c1] == f"id:{ID_C}#{c1}"
    assert keys[a1] == applied.entity_key_by_mention()[a1]


def test_a_split_cannot_be_bridged_by_a_new_mention() -> None:
    b = Batch()
    m1 = b.add("刘洋", birth=date(1980, 1, 1), case=1)
    m2 = b.add("刘洋", birth=date(1980, 1, 1), case=2)
    overrides = [Override("split", (m1,), apart_from=(m2,))]
    bridge = b.add("刘洋", birth=date(1980, 1, 1), address="义乌市某某村3组", case=3)
    same_case = b.add("刘洋", birth=date(1980, 1, 1), case=1)  # same case as m1, too
    result = resolve(b.mentions, overrides)
    assert not together(result, m1, m2)
    # With nothing to choose between the sides, new mentions join the side not split off.
    assert together(result, m2, bridge, same_case)


def test_later_decision_wins() -> None:
    b = Batch()
    m1 = b.add("孙丽", id_number=ID_A)
    m2 = b.add("孙丽", id_number=ID_A)
    split_then_merge = [Override("split", (m1,), (m2,)), Override("merge", (m1, m2))]
    merge_then_split = [Override("merge", (m1, m2)), Override("split", (m1,), (m2,))]
    assert together(resolve(b.mentions, split_then_merge), m1, m2)
    result = resolve(b.mentions, merge_then_split)
    assert not together(result, m1, m2)
    assert result.superseded_overrides == (0,)


def test_overrides_naming_deleted_mentions_are_skipped() -> None:
    b = Batch()
    m1, m2 = b.add("周强"), b.add("周强", role="defendant")
    overrides = [Override("merge", (m1, 999)), Override("merge", (m1, m2, 998))]
    result = resolve(b.mentions, overrides)
    assert together(result, m1, m2)
    assert result.superseded_overrides == (0,)


@pytest.mark.parametrize(
    "make",
    [
        lambda: Override("merge", (1,)),
        lambda: Override("merge", (1, 2), apart_from=(3,)),
        lambda: Override("split", (1,)),
        lambda: Override("split", (1, 2), apart_from=(2,)),
        lambda: Override("join", (1, 2)),  # type: ignore[arg-type]
    ],
)
def test_malformed_overrides_are_refused(make) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        make()


# --- output shape, determinism, progress ----------------------------------------------


def _sample() -> list[Mention]:
    b = Batch()
    b.add("王建国", id_number=ID_A, case=1)
    b.add("王　建国", id_number=ID_A, case=2)
    b.add("王建国", case=2)
    b.add("王芳", address="义乌市稠城街道工人北路5号", case=3)
    b.add("王芳", address="浙江省义乌市稠城街道工人北路5号", case=4)
    b.add("王芳", id_number=ID_B, case=5)
    b.add("王芳", case=6)
    b.add("王芳", case=7)
    b.add("义乌市华鑫贸易有限责任公司", case=8)
    b.add("义乌市华鑫贸易有限公司", case=9)
    b.add("义乌华鑫贸易有限公司", case=10)
    b.add("中国工商银行股份有限公司义乌分行", case=11)
    b.add("李明", birth=date(1990, 1, 1), case=12)
    b.add("李明", id_number=ID_A, case=13)
    return b.mentions


def test_every_mention_has_one_reasoned_link() -> None:
    mentions = _sample()
    result = resolve(mentions)
    assert [link.mention_id for link in result.links] == sorted(m.id for m in mentions)
    keys = {e.key for e in result.entities}
    assert len(keys) == len(result.entities)
    for link in result.links:
        assert link.entity_key in keys
        assert link.reason
        assert 0.0 < link.score <= 1.0
    covered = sorted(i for e in result.entities for i in e.mention_ids)
    assert covered == sorted(m.id for m in mentions)
    assert [e.key for e in result.entities] == sorted(e.key for e in result.entities)
    lone = next(e for e in result.entities if e.display_name.startswith("中国工商银行"))
    assert link_of(result, lone.mention_ids[0]) == ("单独实体", 1.0)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.permutations(_sample()))
def test_output_does_not_depend_on_input_order(shuffled: list[Mention]) -> None:
    assert resolve(shuffled) == resolve(_sample())


def test_progress_is_reported_and_cancel_is_honoured() -> None:
    seen: list[float] = []
    resolve(_sample(), progress=seen.append)
    assert seen == sorted(seen)
    assert seen[-1] == 1.0
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        resolve(_sample(), cancel=token)


def test_duplicate_mention_ids_are_refused() -> None:
    mentions = _sample()
    with pytest.raises(ValueError):
        resolve([*mentions, mentions[0]])


def test_name_only_mentions_join_the_sole_known_person_of_that_role() -> None:
    from datetime import date as _date

    from core.parties.model import Mention
    from core.parties.resolve import resolve

    def m(i: int, id_number: str | None, role: str = "plaintiff") -> Mention:
        return Mention(id=i, name="吴放贷", name_key="吴放贷", kind="person", id_number=id_number,
                       address=None, birth_date=None, role=role, case_id=i, case_date=_date(2023, 1, i))

    known = "330782198001011237"
    one = resolve([m(1, known), m(2, known), m(3, None), m(4, None)])
    assert len({link.entity_key for link in one.links}) == 1
    other = "330782198502021234"
    two = resolve([m(1, known), m(2, other), m(3, None)])
    keys = {link.mention_id: link.entity_key for link in two.links}
    assert keys[3] not in (keys[1], keys[2])  # ambiguous: two known namesakes
    defendant = resolve([m(1, known), m(2, None, role="defendant")])
    assert len({link.entity_key for link in defendant.links}) == 2
