"""Model specs: the bundled catalogue loads; bad specs give Chinese messages naming file and field."""

from __future__ import annotations

import copy
import importlib.resources
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import UserError
from core.supervision.catalogue import bundled_specs, parse_spec_text
from core.supervision.describe import rule_text
from core.supervision.spec import load_resolved, parameter_values, parse_spec, spec_data
from core.supervision.spec_errors import SpecError

BUNDLED_IDS = {
    "lending.professional_lender",
    "lending.false_litigation",
    "service.notice_default_reachable",
    "family.divorce_debt",
    "traffic.repeat_claimant",
    "agent.frequent_citizen_agent",
    "social.pension_after_death",
    "traffic.drunk_driving_licence",
}


def bundled(model_id: str) -> dict[str, Any]:
    return copy.deepcopy(spec_data(bundled_specs()[model_id][0]))


def test_all_eight_bundled_models_load_and_are_documented() -> None:
    specs = {mid: spec for mid, (spec, _) in bundled_specs().items()}
    assert set(specs) == BUNDLED_IDS
    kinds = {s.kind for s in specs.values()}
    assert kinds == {"case_screen", "entity_frequency", "case_link", "list_collision"}
    for spec in specs.values():
        assert spec.description and spec.rationale and spec.legal_basis and spec.false_positives
        assert all("\u4e00" <= ch <= "\u9fff" for ch in spec.name[:2])


@pytest.mark.parametrize(
    ("model_id", "expected"),
    [
        (
            "lending.professional_lender",
            ["24个月", "不少于10件", "不同的被告不少于10个", "持牌金融机构除外"],
        ),
        ("lending.false_litigation", ["不超过15天", "合计达到4分"]),
        ("service.notice_default_reachable", ["前6个月", "后6个月", "直接送达"]),
        ("family.divorce_debt", ["离婚纠纷", "前6个月", "调解结案"]),
        ("traffic.repeat_claimant", ["不少于3件", "不少于5件", "非律师"]),
        ("agent.frequent_citizen_agent", ["不少于5件", "不同姓"]),
        ("social.pension_after_death", ["后第2个月", "公民身份号码"]),
        ("traffic.drunk_driving_licence", ["已满30天", "60个月", "正常"]),
    ],
)
def test_rule_reads_in_chinese_with_defaults(model_id: str, expected: list[str]) -> None:
    spec, path = bundled_specs()[model_id]
    text = rule_text(load_resolved(spec, path))
    for part in expected:
        assert part in text, (part, text)


def test_rule_text_follows_the_parameter_values() -> None:
    spec, path = bundled_specs()["lending.false_litigation"]
    text = rule_text(load_resolved(spec, path, {"threshold": 5, "short_days": 20}))
    assert "合计达到5分" in text and "不超过20天" in text


def test_presets_change_the_rule() -> None:
    spec, path = bundled_specs()["lending.professional_lender"]
    zj = rule_text(load_resolved(spec, path, preset="zhejiang_2018"))
    js = rule_text(load_resolved(spec, path, preset="jiangsu_2019"))
    assert "同一法院" in zj and "100万元" in zj and "至少2种" in zj and "36个月" in zj
    assert "任意12个月内涉案不少于5件" in js and "同一法院" not in js


def _problem(data: dict[str, Any]) -> SpecError:
    with pytest.raises(SpecError) as info:
        parse_spec(data, "我的模型.yaml")
    return info.value


def _drop(data: dict[str, Any], key: str) -> dict[str, Any]:
    data.pop(key)
    return data


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (lambda d: _drop(d, "name"), "name", "缺少必填项"),
        (lambda d: d.update(colour="红"), "colour", "不认识的字段"),
        (lambda d: d.update(version="一"), "version", "应为整数"),
        (lambda d: d.update(category="经济"), "category", "取值不在允许范围内"),
        (lambda d: d.update(kind="magic"), "kind", "取值不在允许范围内"),
        (
            lambda d: d["parameters"]["threshold"].update(default=99),
            "parameters.threshold",
            "不能大于 30",
        ),
        (
            lambda d: d["parameters"]["threshold"].update(default="四"),
            "parameters.threshold",
            "应为数字",
        ),
        (
            lambda d: d["rule"].update(threshold="$nothing"),
            "rule.threshold",
            "未定义的参数“nothing”",
        ),
        (
            lambda d: d["rule"]["indicators"][0]["when"].update(flag="magic"),
            "rule.indicators[1].when",
            "不认识的文书特征",
        ),
        (
            lambda d: d["rule"]["indicators"][1].update(weight=-1),
            "rule.indicators[2].weight",
            "不能小于 0",
        ),
        (
            lambda d: d["rule"]["where"].append({"field": "colour", "in": ["红"]}),
            "rule.where[2]",
            "不认识的案件字段",
        ),
        (lambda d: d["clue"].update(title="{nothing}"), "clue.title", "占位符“{nothing}”"),
        (lambda d: d["inputs"].clear(), "inputs", "内容过少"),
        (lambda d: d.update(preset="nowhere"), "", "未定义的预设"),
    ],
)
def test_bad_spec_names_file_field_and_problem(change: Any, field: str, words: str) -> None:
    data = bundled("lending.false_litigation")
    change(data)
    err = _problem(data)
    assert err.message.startswith("模型文件“我的模型.yaml”")
    if field:
        assert any(f.startswith(field) for f, _ in err.problems), err.problems
    assert words in str(err), str(err)
    assert isinstance(err, UserError)


def test_collision_spec_needs_two_lists() -> None:
    data = bundled("social.pension_after_death")
    data["inputs"] = data["inputs"][:1]
    assert "left 和 right" in str(_problem(data))


def test_frequency_test_checks_its_own_fields() -> None:
    data = bundled("traffic.repeat_claimant")
    data["rule"]["tests"][0]["non_lawyer"] = True  # only for agents
    assert "non_lawyer 只适用于 role: agent" in str(_problem(data))


def test_yaml_syntax_error_gives_the_line() -> None:
    with pytest.raises(SpecError) as info:
        parse_spec_text("id: a.b\nname: [未闭合\nversion: 1\n", "坏文件.yaml")
    assert "坏文件.yaml" in info.value.message and "YAML 格式错误" in info.value.message
    assert "行" in info.value.message


def test_preset_values_are_checked() -> None:
    data = bundled("lending.professional_lender")
    data["presets"]["jiangsu_2019"]["values"]["js_year_cases"] = 0
    err = _problem(data)
    assert (
        "presets.jiangsu_2019.values.js_year_cases" in err.message and "不能小于 2" in err.message
    )


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ({"threshold": 0}, "不能小于 1"),
        ({"threshold": 31}, "不能大于 30"),
        ({"short_days": 2.5}, "应为整数"),
        ({"causes": []}, "至少一个词语"),
        ({"nothing": 1}, "没有名为“nothing”的参数"),
    ],
)
def test_parameter_ranges(values: dict[str, Any], words: str) -> None:
    spec, path = bundled_specs()["lending.false_litigation"]
    with pytest.raises(SpecError) as info:
        parameter_values(spec, values, source=path)
    assert words in str(info.value)


def test_parameter_in_range_is_accepted() -> None:
    spec, path = bundled_specs()["lending.false_litigation"]
    values = parameter_values(spec, {"threshold": 30, "short_days": 1}, source=path)
    assert values["threshold"] == 30 and values["short_days"] == 1


def _mutations() -> st.SearchStrategy[tuple[list[str], Any]]:
    junk = st.one_of(
        st.none(),
        st.integers(-5, 5),
        st.text(max_size=5),
        st.lists(st.integers(), max_size=2),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    )
    return st.tuples(
        st.lists(
            st.sampled_from(
                [
                    "rule",
                    "where",
                    "indicators",
                    "parameters",
                    "clue",
                    "inputs",
                    "threshold",
                    "when",
                    "weight",
                    "tests",
                    "a",
                    "b",
                    "time",
                    "date",
                    "match",
                    "default",
                    "kind",
                    "id",
                    "0",
                    "1",
                ]
            ),
            min_size=1,
            max_size=4,
        ),
        junk,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(BUNDLED_IDS)), _mutations())
def test_a_damaged_spec_never_crashes(model_id: str, mutation: tuple[list[str], Any]) -> None:
    data: Any = bundled(model_id)
    path, value = mutation
    node = data
    for key in path[:-1]:
        node = (
            node[int(key)]
            if isinstance(node, list) and key.isdigit() and int(key) < len(node)
            else (node.get(key) if isinstance(node, dict) else None)
        )
        if node is None:
            return
    last = path[-1]
    if isinstance(node, dict):
        node[last] = value
    elif isinstance(node, list) and last.isdigit() and int(last) < len(node):
        node[int(last)] = value
    try:
        spec = parse_spec(data, "变异.yaml")
    except SpecError as exc:
        assert exc.message.startswith("模型文件“变异.yaml”")
        return
    rule_text(load_resolved(spec, "变异.yaml"))


def test_bundled_files_are_plain_yaml_with_a_warning() -> None:
    folder = importlib.resources.files("resources") / "models"
    for entry in folder.iterdir():
        if entry.name.endswith(".yaml"):
            text = entry.read_text(encoding="utf-8")
            assert text.startswith("# 内置模型"), entry.name
            assert yaml.safe_load(text)["id"] + ".yaml" == entry.name


@pytest.mark.parametrize("kind", ["case_screen", "entity_frequency", "case_link", "list_collision"])
def test_editor_starters_are_valid_and_checked_live(kind: str) -> None:
    from core.supervision.editor import check, starter

    data = starter(kind, "user.my_model", "我的模型")
    result = check(data)
    assert result.ok and result.rule_text.endswith("。"), result.problems
    data["rule"]["oops"] = 1
    broken = check(data)
    assert not broken.ok and broken.problems[0][0].startswith("rule")
