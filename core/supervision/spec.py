"""A supervision model spec: what a YAML model file holds, validated with Chinese messages.

A spec's ``rule`` is written once with ``$name`` references to its parameters; the engine
fills in the values (defaults, a preset, or a user's run-time choice) and validates the
result as the rule of the spec's kind. Labels and the clue title may use ``{name}``
placeholders, filled with the same values, so the rule reads in plain Chinese.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from core.supervision.rules import RULES, AnyRule
from core.supervision.spec_errors import SpecError, from_validation

ParamType = Literal["integer", "number", "boolean", "keywords", "choice", "text", "date"]
TYPE_LABELS = {
    "integer": "整数",
    "number": "数字",
    "boolean": "是/否",
    "keywords": "词语列表",
    "choice": "选项",
    "text": "文字",
    "date": "日期",
}
# placeholders a clue title may use, per kind, besides the parameter names
TITLE_FIELDS = {
    "case_screen": {"case_no", "cause", "court", "score", "indicators", "parties"},
    "entity_frequency": {"entity", "id_number", "count", "window", "role", "score", "cases"},
    "case_link": {"a_case_no", "b_case_no", "entity", "a_label", "b_label", "score"},
    "list_collision": {
        "name",
        "id_number",
        "count",
        "first_date",
        "last_date",
        "left_date",
        "total",
        "score",
    },
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Parameter(_Strict):
    """A value a lawyer may tune, with its allowed range."""

    label: str = Field(min_length=1)
    type: ParamType
    default: Any = None
    min: float | None = None
    max: float | None = None
    unit: str | None = None
    choices: list[str] | None = None
    help: str | None = None

    @model_validator(mode="after")
    def _check(self) -> Parameter:
        if self.type == "choice" and not self.choices:
            raise ValueError("选项型参数须列出 choices")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("最小值 min 不能大于最大值 max")
        problem = check_value(self, self.default)
        if problem:
            raise ValueError(f"默认值 default {problem}")
        return self


class Preset(_Strict):
    label: str = Field(min_length=1)
    note: str | None = None
    values: dict[str, Any]


class InputSpec(_Strict):
    role: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: Literal["cases", "list"]
    list_type: str | None = None
    label: str = Field(min_length=1)
    date_label: str | None = None  # what the list's event date is, e.g. 死亡日期
    fields: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> InputSpec:
        if self.kind == "list" and not self.list_type:
            raise ValueError("名单输入须写 list_type（名单类型）")
        return self


class ClueTemplate(_Strict):
    title: str = Field(min_length=1)
    text: str | None = None


class ModelSpec(_Strict):
    """A whole model file (before parameter values are applied)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$", max_length=100)
    version: int = Field(ge=1)
    name: str = Field(min_length=1, max_length=100)
    category: Literal["民事", "刑事", "行政", "公益诉讼"]
    kind: Literal["case_screen", "entity_frequency", "case_link", "list_collision"]
    summary: str = Field(min_length=1)
    description: str = Field(min_length=1)
    rationale: str = ""
    legal_basis: list[str] = Field(default_factory=list)
    false_positives: list[str] = Field(default_factory=list)
    inputs: list[InputSpec] = Field(min_length=1)
    parameters: dict[str, Parameter] = Field(default_factory=dict)
    presets: dict[str, Preset] = Field(default_factory=dict)
    preset: str | None = None
    rule: dict[str, Any]
    clue: ClueTemplate
    based_on: str | None = None

    @model_validator(mode="after")
    def _check(self) -> ModelSpec:
        for name in self.parameters:
            if not name.isidentifier() or not name.isascii():
                raise ValueError(f"参数名“{name}”只能用英文字母、数字和下划线")
        if self.preset is not None and self.preset not in self.presets:
            raise ValueError(f"preset 引用了未定义的预设“{self.preset}”")
        roles = {i.role: i for i in self.inputs}
        if len(roles) != len(self.inputs):
            raise ValueError("inputs 中的 role 不能重复")
        if self.kind == "list_collision":
            if not all(r in roles and roles[r].kind == "list" for r in ("left", "right")):
                raise ValueError("名单碰撞模型的 inputs 须有 role 为 left 和 right 的两份名单")
        elif "cases" not in roles or roles["cases"].kind != "cases":
            raise ValueError("案件类模型的 inputs 须有一项 role: cases, kind: cases")
        return self


def check_value(param: Parameter, value: Any) -> str | None:
    """Return what is wrong with ``value`` for this parameter (Chinese), or None."""
    t = param.type
    if t == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            return f"应为整数（当前为“{value}”）"
    elif t == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"应为数字（当前为“{value}”）"
    elif t == "boolean":
        if not isinstance(value, bool):
            return "应为 true 或 false"
    elif t == "keywords":
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            return "应为至少一个词语的列表"
    elif t == "choice":
        if value not in (param.choices or []):
            return f"应为以下之一：{'、'.join(param.choices or [])}（当前为“{value}”）"
    elif t == "text":
        if not isinstance(value, str):
            return "应为文字"
    elif t == "date":
        if value in (None, ""):
            return None
        try:
            dt.date.fromisoformat(str(value))
        except ValueError:
            return f"应为日期，如 2024-12-31（当前为“{value}”）"
    if t in ("integer", "number"):
        if param.min is not None and value < param.min:
            return f"不能小于 {_num(param.min)}（当前为 {value}）"
        if param.max is not None and value > param.max:
            return f"不能大于 {_num(param.max)}（当前为 {value}）"
    return None


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


@dataclass(frozen=True)
class ResolvedModel:
    """A spec with its parameter values filled in: the rule the engine runs."""

    spec: ModelSpec
    values: Mapping[str, Any]
    rule: AnyRule
    source: str

    @property
    def id(self) -> str:
        return self.spec.id


def substitute(raw: Any, values: Mapping[str, Any], path: str = "rule") -> Any:
    """Return ``raw`` with every "$name" string replaced by that parameter's value."""
    if isinstance(raw, str) and raw.startswith("$"):
        name = raw[1:]
        if name not in values:
            raise _RefError(path, f"引用了未定义的参数“{name}”")
        return values[name]
    if isinstance(raw, list):
        return [substitute(v, values, f"{path}[{i + 1}]") for i, v in enumerate(raw)]
    if isinstance(raw, dict):
        return {k: substitute(v, values, f"{path}.{k}") for k, v in raw.items()}
    return raw


class _RefError(Exception):
    def __init__(self, path: str, problem: str) -> None:
        super().__init__(problem)
        self.path = path
        self.problem = problem


def parameter_values(
    spec: ModelSpec,
    overrides: Mapping[str, Any] | None = None,
    preset: str | None = None,
    source: str = "",
) -> dict[str, Any]:
    """Return the values to run with: defaults, then a preset's, then ``overrides``.

    ``spec.preset`` only records which preset the saved defaults came from; a preset is
    applied here only when asked for by name.
    """
    values = {name: p.default for name, p in spec.parameters.items()}
    chosen = preset
    layers: list[tuple[str, Mapping[str, Any]]] = []
    if chosen:
        if chosen not in spec.presets:
            raise SpecError(source or spec.id, [("preset", f"没有名为“{chosen}”的预设")])
        layers.append((f"presets.{chosen}.values", spec.presets[chosen].values))
    if overrides:
        layers.append(("参数", overrides))
    for where, layer in layers:
        for name, value in layer.items():
            if name not in spec.parameters:
                raise SpecError(source or spec.id, [(f"{where}.{name}", f"没有名为“{name}”的参数")])
            problem = check_value(spec.parameters[name], value)
            if problem:
                label = spec.parameters[name].label
                raise SpecError(source or spec.id, [(f"{where}.{name}", f"{label}{problem}")])
            values[name] = value
    return values


def resolve(spec: ModelSpec, values: Mapping[str, Any], source: str = "") -> ResolvedModel:
    """Return the spec with ``values`` filled into its rule, validated for its kind."""
    src = source or spec.id
    try:
        concrete = substitute(spec.rule, values)
    except _RefError as exc:
        raise SpecError(src, [(exc.path, exc.problem)]) from None
    try:
        rule = RULES[spec.kind].model_validate(concrete)
    except ValidationError as exc:
        raise from_validation(src, exc, prefix="rule") from None
    _check_templates(spec, rule, values, src)
    return ResolvedModel(spec=spec, values=dict(values), rule=rule, source=src)  # type: ignore[arg-type]


def _placeholders(template: str) -> set[str]:
    try:
        return {f for _, f, _, _ in string.Formatter().parse(template) if f}
    except ValueError as exc:
        raise ValueError(f"花括号不成对：{template}") from exc


def _check_templates(spec: ModelSpec, rule: Any, values: Mapping[str, Any], src: str) -> None:
    allowed = set(values)
    checks: list[tuple[str, str, set[str]]] = [
        ("clue.title", spec.clue.title, allowed | TITLE_FIELDS[spec.kind]),
    ]
    if spec.clue.text:
        checks.append(("clue.text", spec.clue.text, allowed | TITLE_FIELDS[spec.kind]))
    for i, ind in enumerate(getattr(rule, "indicators", [])):
        checks.append((f"rule.indicators[{i + 1}].label", ind.label, allowed))
    for i, test in enumerate(getattr(rule, "tests", [])):
        if test.label:
            checks.append((f"rule.tests[{i + 1}].label", test.label, allowed))
    for path, template, names in checks:
        try:
            unknown = _placeholders(template) - names
        except ValueError as exc:
            raise SpecError(src, [(path, str(exc))]) from None
        if unknown:
            raise SpecError(src, [(path, f"占位符“{{{sorted(unknown)[0]}}}”没有对应的参数或字段")])


def parse_spec(data: Any, source: str) -> ModelSpec:
    """Return the validated spec in ``data`` (parsed YAML), checking every preset resolves."""
    if not isinstance(data, dict):
        raise SpecError(source, [("", "文件内容应为“名称: 值”组成的模型说明")])
    try:
        spec = ModelSpec.model_validate(data)
    except ValidationError as exc:
        raise from_validation(source, exc) from None
    resolve(spec, parameter_values(spec, source=source), source)
    for name in spec.presets:
        resolve(spec, parameter_values(spec, preset=name, source=source), source)
    return spec


def load_resolved(
    spec: ModelSpec,
    source: str = "",
    overrides: Mapping[str, Any] | None = None,
    preset: str | None = None,
) -> ResolvedModel:
    """Return the spec resolved with its current values (preset and overrides applied)."""
    return resolve(spec, parameter_values(spec, overrides, preset, source), source)


def spec_data(spec: ModelSpec) -> dict[str, Any]:
    """Return the spec as plain data in file order, for saving and hashing."""
    return spec.model_dump(mode="json", exclude_none=True)
