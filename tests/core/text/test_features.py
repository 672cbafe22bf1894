"""Tests for the judgment text features: labelled passages, spans, columns, cue versions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import UserError
from core.text import BOOLEAN_FEATURES, CUE_VERSION, extract_features, load_cues
from core.text.cuebook import default_cue_dir
from core.text.evaluation import LABEL_KEYS, evaluate, labelled_from_mapping

PASSAGES_FILE = Path(__file__).with_name("passages.yaml")
PASSAGES = yaml.safe_load(PASSAGES_FILE.read_text(encoding="utf-8"))["passages"]


def test_passage_set_is_large_and_well_formed() -> None:
    ids = [p["id"] for p in PASSAGES]
    assert len(ids) >= 150
    assert len(set(ids)) == len(ids)
    for item in PASSAGES:
        assert set(item["labels"]) <= set(LABEL_KEYS), item["id"]


@pytest.mark.parametrize("item", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_passage_labels(item: dict[str, object]) -> None:
    found = extract_features(str(item["text"]), item.get("columns"))  # type: ignore[arg-type]
    assert found.labels() == set(item["labels"]), item.get("note", "")  # type: ignore[call-overload]
    if "principal" in item:
        assert found.principal() == pytest.approx(float(item["principal"]))  # type: ignore[arg-type]


def test_per_feature_precision_and_recall() -> None:
    result = evaluate(labelled_from_mapping(p) for p in PASSAGES)
    for score in result.scores:
        if score.precision is not None:
            assert score.precision >= 0.95, score
        if score.recall is not None:
            assert score.recall >= 0.95, score
    assert result.principal_correct == result.principal_checked


@pytest.mark.parametrize("item", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_spans_hold_their_cue(item: dict[str, object]) -> None:
    text = str(item["text"])
    for feature in extract_features(text).features:
        assert 0 <= feature.start < feature.end <= len(text)
        assert feature.cue in text[feature.start : feature.end]


def test_negated_cue_span_covers_the_negation() -> None:
    text = "被告王某经本院传票传唤，无正当理由拒不到庭参加诉讼。"
    absent = extract_features(text).first("absent")
    assert absent is not None and absent.party == "defendant"
    assert text[absent.start : absent.end] == absent.cue == "拒不到庭"


def test_flags_report_every_boolean_feature() -> None:
    flags = extract_features("被告未作答辩。原告以现金方式交付借款，被告出具借条。").flags()
    assert set(flags) == set(BOOLEAN_FEATURES)
    assert flags["no_defence"] and flags["cash_delivery"] and flags["iou_only"]
    assert not flags["mediation"] and not flags["appeared"]


def test_addresses_come_from_the_party_list() -> None:
    text = (
        "原告：张三，男，1980年1月1日出生，汉族，住浙江省义乌市稠城街道。"
        "委托诉讼代理人：李律，浙江某律师事务所律师，住浙江省杭州市。"
        "被告：王五，女，住浙江省金华市婺城区。被告：王六，男，住址同上。"
        "原告张三与被告王五、王六民间借贷纠纷一案"
    )
    addresses = {(f.party, f.value) for f in extract_features(text).all("address")}
    assert addresses == {
        ("张三", "浙江省义乌市稠城街道"),
        ("王五", "浙江省金华市婺城区"),
        ("王六", "浙江省金华市婺城区"),
    }


def test_party_names_from_the_header_give_roles() -> None:
    text = "原告：李某1，男。被告：周某2，女。\n\n原告李某1诉称，借款未还。周某2未到庭参加诉讼。"
    found = extract_features(text)
    assert "absent@defendant" in found.labels()


# ---------- columns against text ----------


def test_closing_column_wins_and_notes_the_conflict() -> None:
    text = "经本院主持调解，双方当事人自愿达成如下协议："
    found = extract_features(text, {"closing_method": "判决"})
    assert not found.has("mediation")
    assert found.notes == ("结案方式列为“判决”，但文书内容显示调解结案",)


def test_closing_column_supplies_a_feature_without_span() -> None:
    found = extract_features("原告诉称被告借款未还。", {"closing_method": "调解"})
    mediation = found.first("mediation")
    assert mediation is not None
    assert (mediation.start, mediation.end, mediation.cue) == (-1, -1, "列:结案方式")
    assert found.notes == ()


def test_doc_type_mediation_statement_means_mediation() -> None:
    found = extract_features("原告诉称被告借款未还。", {"doc_type": "调解书"})
    feature = found.first("mediation")
    assert feature is not None and feature.cue == "列:文书类型"


def test_withdrawal_column_drops_default_judgment() -> None:
    text = "被告经本院传票传唤，无正当理由拒不到庭。"
    found = extract_features(text, {"closing_method": "撤诉"})
    assert not found.has("default_judgment")
    assert found.has("absent")
    assert found.notes == ("结案方式列为“撤诉”，但文书内容显示缺席判决",)


def test_service_column_wins_over_text() -> None:
    text = "本院依法向被告公告送达了起诉状副本。"
    direct = extract_features(text, {"service_method": "直接送达"})
    assert not direct.has("notice_service")
    assert direct.notes == ("送达方式列为“直接送达”，但文书内容显示公告送达",)
    notice = extract_features("被告未到庭。", {"service_method": "公告送达"})
    assert notice.first("notice_service") is not None
    assert notice.first("notice_service").cue == "列:送达方式"  # type: ignore[union-attr]


def test_agreeing_or_empty_columns_add_no_notes() -> None:
    text = "经本院主持调解，双方当事人自愿达成如下协议："
    agree = extract_features(text, {"closing_method": "调解", "service_method": None})
    assert agree.notes == () and agree.first("mediation").start >= 0  # type: ignore[union-attr]
    empty = extract_features(text, {"closing_method": float("nan"), "doc_type": ""})
    assert empty.has("mediation") and empty.notes == ()


# ---------- cue data ----------


def _copy_cues(tmp_path: Path) -> Path:
    target = tmp_path / "cues"
    shutil.copytree(default_cue_dir(), target)
    return target


def test_cue_version_follows_the_cue_files(tmp_path: Path) -> None:
    folder = _copy_cues(tmp_path)
    assert load_cues(folder).version == CUE_VERSION
    text = "被告在微信里说会想办法筹钱。"
    assert not extract_features(text, cues=load_cues(folder)).has("self_admission")
    features = folder / "features.yaml"
    features.write_text(
        features.read_text(encoding="utf-8").replace(
            "      - 认账\n", "      - 认账\n      - 想办法筹钱\n"
        ),
        encoding="utf-8",
    )
    edited = load_cues(folder)
    assert edited.version != CUE_VERSION
    assert extract_features(text, cues=edited).has("self_admission")


@pytest.mark.parametrize(
    ("cue", "message"),
    [
        ("'到庭)'", "不是有效的正则表达式"),
        ("'(?P<x>到庭)'", "须以固定的字开头"),
        ("'到(庭)'", "捕获分组"),
        ("'到庭|出庭'", "分组外含有"),
    ],
)
def test_bad_cues_are_user_errors(tmp_path: Path, cue: str, message: str) -> None:
    folder = _copy_cues(tmp_path)
    features = folder / "features.yaml"
    text = features.read_text(encoding="utf-8")
    features.write_text(text.replace("      - 到庭\n", f"      - {cue}\n", 1), encoding="utf-8")
    with pytest.raises(UserError, match=message):
        load_cues(folder)


def test_older_context_file_without_new_keys_reads_the_same(tmp_path: Path) -> None:
    folder = _copy_cues(tmp_path)
    context = folder / "context.yaml"
    data = yaml.safe_load(context.read_text(encoding="utf-8"))
    del data["kin_of_party"]
    for key in ("repay_before", "demand_before", "total_opener"):
        del data["principal"][key]
    context.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    older = load_cues(folder)
    for text in (
        "原告请求判令被告偿还借款本金6万元。2020年被告归还原告借款1万元。",
        "被告先后两次向原告借款，合计人民币柒万元。",
        "原告与被告的母亲系多年好友。",
    ):
        assert extract_features(text, cues=older) == extract_features(text), text


def test_broken_yaml_is_a_user_error(tmp_path: Path) -> None:
    folder = _copy_cues(tmp_path)
    (folder / "context.yaml").write_text("roles: [unclosed", encoding="utf-8")
    with pytest.raises(UserError, match="YAML"):
        load_cues(folder)


# ---------- robustness ----------

_CHARS = "原被告未到庭答辩调解公告送达借条转账现金元万本金利息系夫妻朋友，。；：、（）\n 0123456789"
_WORDS = ["经本院", "不予认可", "无异议", "拒不", "伍万", "1,000", "某1", "之妻", "住"]
_ALPHABET = st.sampled_from([*_CHARS, *_WORDS])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_never_raises_on_cue_soup(text: str) -> None:
    found = extract_features(text)
    for feature in found.features:
        assert feature.start == feature.end == -1 or 0 <= feature.start < feature.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    assert extract_features(text).features is not None
