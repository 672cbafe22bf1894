"""Case columns (结案方式, 送达方式, 文书类型) against text features: columns win, conflicts noted."""

from __future__ import annotations

import math
from collections.abc import Mapping

from core.text.scan import RawFeature

_CLOSING_CUE = "列:结案方式"
_DOC_TYPE_CUE = "列:文书类型"
_SERVICE_CUE = "列:送达方式"
# Closing methods under which a default judgment cannot have happened.
_NO_DEFAULT = ("调解", "撤诉")


def apply_columns(
    raw: list[RawFeature], columns: Mapping[str, object] | None
) -> tuple[list[RawFeature], list[str]]:
    """Return the features after the columns had their say, and Chinese notes on conflicts."""
    if not columns:
        return raw, []
    notes: list[str] = []
    closing, closing_cue, closing_label = _closing(columns)
    service = _text(columns.get("service_method"))
    out = list(raw)
    if closing is not None:
        is_mediation = "调解" in closing
        if is_mediation:
            out = _ensure(out, "mediation", closing_cue)
        elif _has(out, "mediation"):
            out = _drop(out, "mediation")
            notes.append(f"{closing_label}列为“{closing}”，但文书内容显示调解结案")
        if any(word in closing for word in _NO_DEFAULT) and _has(out, "default_judgment"):
            out = _drop(out, "default_judgment")
            notes.append(f"{closing_label}列为“{closing}”，但文书内容显示缺席判决")
    if service is not None:
        if "公告" in service:
            out = _ensure(out, "notice_service", _SERVICE_CUE)
        elif _has(out, "notice_service"):
            out = _drop(out, "notice_service")
            notes.append(f"送达方式列为“{service}”，但文书内容显示公告送达")
    return out, notes


def _closing(columns: Mapping[str, object]) -> tuple[str | None, str, str]:
    """Return the closing method from 结案方式, else from 文书类型, with its cue and label."""
    closing = _text(columns.get("closing_method"))
    if closing is not None:
        return closing, _CLOSING_CUE, "结案方式"
    doc_type = _text(columns.get("doc_type"))
    if doc_type is None:
        return None, _DOC_TYPE_CUE, "文书类型"
    if "调解" in doc_type:
        return doc_type, _DOC_TYPE_CUE, "文书类型"
    if "判决" in doc_type:
        return doc_type, _DOC_TYPE_CUE, "文书类型"
    # A ruling (裁定书) may close by withdrawal or dismissal: it says nothing about mediation
    # unless it is one, and nothing about a default judgment.
    return None, _DOC_TYPE_CUE, "文书类型"


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    s = str(value).strip()
    return s if s and s.lower() not in ("nan", "none", "null") else None


def _has(raw: list[RawFeature], name: str) -> bool:
    return any(r.name == name for r in raw)


def _drop(raw: list[RawFeature], name: str) -> list[RawFeature]:
    return [r for r in raw if r.name != name]


def _ensure(raw: list[RawFeature], name: str, cue: str) -> list[RawFeature]:
    """Return raw with a column-sourced feature added when the text gave none."""
    if _has(raw, name):
        return raw
    return [*raw, RawFeature(name, True, -1, -1, cue, None)]
