"""Chinese messages for spec problems: which file, which field, what is wrong."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import ValidationError

from core.errors import UserError

# pydantic error type -> what a lawyer should read
_MESSAGES = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的字段（可能拼写有误）",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数，不能有小数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "string_type": "应为文字",
    "list_type": "应为列表（每项一行，以“- ”开头）",
    "dict_type": "应为由“名称: 值”组成的段落",
    "model_type": "应为由“名称: 值”组成的段落",
    "literal_error": "取值不在允许范围内",
    "enum": "取值不在允许范围内",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "greater_than": "数值过小",
    "less_than": "数值过大",
    "too_short": "内容过少",
    "too_long": "内容过多",
    "string_too_short": "不能为空",
    "string_too_long": "文字过长",
    "string_pattern_mismatch": "格式不符合要求",
    "date_from_datetime_parsing": "应为日期，如 2023-05-06",
    "date_parsing": "应为日期，如 2023-05-06",
    "date_type": "应为日期，如 2023-05-06",
}


class SpecError(UserError):
    """A model spec that cannot be used; the message names the file, the field and the problem."""

    def __init__(self, source: str, problems: Sequence[tuple[str, str]]) -> None:
        self.source = source
        self.problems = list(problems)
        first_field, first_problem = self.problems[0]
        where = f"字段“{first_field}”" if first_field else "文件内容"
        message = f"模型文件“{source}”中{where}有误：{first_problem}"
        details = None
        if len(self.problems) > 1:
            details = "其他问题：\n" + "\n".join(
                f"  字段“{f}”：{p}" if f else f"  {p}" for f, p in self.problems[1:12]
            )
        super().__init__(message, details)


def field_path(loc: Iterable[Any]) -> str:
    """Return a pydantic location as a readable path: rule.indicators[2].weight."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        elif str(part).startswith("function-") or str(part) in ("str", "int", "float", "bool"):
            continue
        else:
            out += ("." if out else "") + str(part)
    return out


def _problem(err: Any) -> str:
    kind = str(err.get("type", ""))
    if kind == "value_error":
        msg = str(err.get("msg", ""))
        return msg.removeprefix("Value error, ")
    base = _MESSAGES.get(kind)
    ctx = err.get("ctx") or {}
    if base is None:
        return f"内容不合要求（{err.get('msg', kind)}）"
    if kind in ("greater_than_equal", "greater_than") and "ge" in ctx:
        return f"{base}，不能小于 {ctx['ge']}"
    if kind in ("greater_than_equal", "greater_than") and "gt" in ctx:
        return f"{base}，应大于 {ctx['gt']}"
    if kind in ("less_than_equal", "less_than") and "le" in ctx:
        return f"{base}，不能大于 {ctx['le']}"
    if kind == "literal_error" and "expected" in ctx:
        return f"{base}，可选：{ctx['expected']}"
    if kind == "extra_forbidden":
        return base
    got = err.get("input")
    if kind != "missing" and isinstance(got, str | int | float | bool) and len(str(got)) < 40:
        return f"{base}（当前为“{got}”）"
    return base


def from_validation(source: str, exc: ValidationError, prefix: str = "") -> SpecError:
    """Return a SpecError listing every pydantic problem in Chinese."""
    problems: list[tuple[str, str]] = []
    for err in exc.errors():
        path = field_path(err.get("loc", ()))
        if prefix:
            path = f"{prefix}.{path}" if path else prefix
        problems.append((path, _problem(err)))
    return SpecError(source, problems or [("", "内容不合要求")])
