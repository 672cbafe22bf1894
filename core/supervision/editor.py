"""What a model editor needs: a valid starting spec per kind, and a live check with the rule text."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from core.supervision.describe import rule_text
from core.supervision.spec import load_resolved, parse_spec
from core.supervision.spec_errors import SpecError

_CASES = [{"role": "cases", "kind": "cases", "label": "民事案件"}]
_RULES: dict[str, dict[str, Any]] = {
    "case_screen": {
        "where": [{"field": "cause", "contains": "$causes"}],
        "indicators": [
            {"id": "mediation", "label": "调解结案", "when": {"flag": "mediation"}, "weight": 1}
        ],
        "threshold": 1,
    },
    "entity_frequency": {
        "where": [{"field": "cause", "contains": "$causes"}],
        "tests": [
            {
                "id": "main",
                "role": "plaintiff",
                "window_months": "$window_months",
                "min_cases": "$min_cases",
            }
        ],
    },
    "case_link": {
        "a": {"label": "A案", "roles": ["defendant"], "where": [{"flag": "notice_service"}]},
        "b": {"label": "B案", "roles": ["defendant"], "where": [{"flag": "defendant_appeared"}]},
        "time": {
            "b_field": "filing_date",
            "from": {"a_field": "filing_date", "before_months": 6},
            "to": {"a_field": "closing_date", "after_months": 6},
        },
    },
    "list_collision": {
        "match": {"key": "id_number"},
        "date": {"type": "after", "months": 1},
    },
}
_PARAMS: dict[str, dict[str, Any]] = {
    "case_screen": {"causes": {"label": "案由关键词", "type": "keywords", "default": ["民间借贷"]}},
    "entity_frequency": {
        "causes": {"label": "案由关键词", "type": "keywords", "default": ["民间借贷"]},
        "window_months": {
            "label": "统计期间",
            "type": "integer",
            "default": 24,
            "min": 1,
            "max": 120,
            "unit": "个月",
        },
        "min_cases": {
            "label": "涉案不少于",
            "type": "integer",
            "default": 5,
            "min": 2,
            "max": 1000,
            "unit": "件",
        },
    },
    "case_link": {},
    "list_collision": {},
}
_TITLES = {
    "case_screen": "{case_no}：{indicators}",
    "entity_frequency": "{entity}：{window}个月内涉案{count}件",
    "case_link": "{a_case_no}与{b_case_no}涉及同一主体{entity}",
    "list_collision": "{name}（{id_number}）：名单比对命中{count}条",
}


def starter(kind: str, model_id: str, name: str, category: str = "民事") -> dict[str, Any]:
    """Return a small valid spec of ``kind`` for a user to edit (plain data, like the YAML)."""
    if kind not in _RULES:
        raise SpecError(f"{model_id}.yaml", [("kind", f"不认识的模型类型“{kind}”")])
    inputs = (
        _CASES
        if kind != "list_collision"
        else [
            {
                "role": "left",
                "kind": "list",
                "list_type": "death_registry",
                "label": "死亡人员名单",
            },
            {
                "role": "right",
                "kind": "list",
                "list_type": "pension_payments",
                "label": "养老金发放名单",
            },
        ]
    )
    return {
        "id": model_id,
        "version": 1,
        "name": name,
        "category": category,
        "kind": kind,
        "summary": name,
        "description": f"{name}（请补充说明：模型查找什么、为什么）。",
        "legal_basis": [],
        "false_positives": [],
        "inputs": copy.deepcopy(inputs),
        "parameters": copy.deepcopy(_PARAMS[kind]),
        "rule": copy.deepcopy(_RULES[kind]),
        "clue": {"title": _TITLES[kind]},
    }


@dataclass(frozen=True)
class Check:
    """The outcome of checking an edited spec: its rule in Chinese, or what is wrong."""

    ok: bool
    rule_text: str = ""
    problems: list[tuple[str, str]] = field(default_factory=list)


def check(
    data: Mapping[str, Any], values: Mapping[str, Any] | None = None, preset: str | None = None
) -> Check:
    """Validate an edited spec (never raises for its content) and describe its rule."""
    source = f"{data.get('id') or '新模型'}.yaml"
    try:
        spec = parse_spec(dict(data), source)
        return Check(True, rule_text(load_resolved(spec, source, values, preset)))
    except SpecError as exc:
        return Check(False, problems=exc.problems)
