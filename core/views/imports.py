"""How an import would turn out: the sample rows normalised, and the rows it would quarantine."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from core.views.cases import CASE_COLUMNS


@dataclass(frozen=True)
class ImportPreview:
    """The first sample rows as they would be stored, and the ones that would be quarantined."""

    columns: list[str]  # canonical field names of ``rows``
    rows: list[list[str]]
    quarantined: list[tuple[int, str, list[str]]]  # (row number, reason, source cells)
    problems: list[tuple[int, str]]  # (row number, data problem kept with an imported row)


def preview_import(plan: Any, limit: int = 50) -> ImportPreview:
    """Return how the sample rows of ``plan`` (an ImportPlan) normalise under its mapping."""
    from core.ingest.convert import RowConverter
    from core.ingest.records import iso

    converter = RowConverter(plan)
    cols = converter.cols
    if plan.kind == "cases":
        # One party per row fills the party columns it names (原告/被告/第三人).
        per_row = ("plaintiffs", "defendants", "third_parties") if "party_name" in cols else ()
        fields = [f for f in CASE_COLUMNS if f in cols or f == "case_no" or f in per_row]
        fields += [f for f in ("service_method", "procedure", "judge") if f in cols]
    else:
        fields = [
            f
            for f in (
                "name",
                "id_number",
                "birth_date",
                "gender",
                "event_date",
                "amount",
                "status",
                "address",
                "case_no",
            )
            if f in cols or f in ("birth_date", "gender")
        ]
    rows: list[list[str]] = []
    quarantined: list[tuple[int, str, list[str]]] = []
    problems: list[tuple[int, str]] = []
    for index, cells in enumerate(plan.samples[:limit]):
        row_number = plan.header_row + 2 + index
        values = converter.values(cells)
        if isinstance(values, str):
            quarantined.append((row_number, values, list(cells)))
            continue
        merged: dict[str, Any] = dict(values.fields)
        if plan.kind == "cases":
            merged["case_no"] = values.case_no  # type: ignore[union-attr]
        rows.append(
            [
                _shown(iso(v) if isinstance(v, dt.date) else v)
                for v in (merged.get(f) for f in fields)
            ]
        )
        problems.extend((row_number, p) for p in values.extra.get("_数据问题", []))
    return ImportPreview(fields, rows, quarantined, problems)


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)
