"""Exporting clues as JSON, CSV or a formatted .xlsx in which no cell can become a formula."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from core import audit
from core.clues.queries import ClueFilter, clue_detail, list_clues
from core.errors import UserError
from core.workspace import Workspace

FORMATS = ("json", "csv", "xlsx")
# OWASP CSV injection: a cell starting with one of these is read as a formula by spreadsheets
_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r", "\n")
COLUMNS = (
    ("id", "线索编号", 10),
    ("status_label", "状态", 12),
    ("score", "风险分", 8),
    ("subject_label", "对象类型", 10),
    ("title", "线索", 50),
    ("models", "模型", 28),
    ("case_nos", "涉及案号", 34),
    ("persons", "涉及人员", 30),
    ("reasons", "理由", 80),
    ("assignee", "承办人", 10),
    ("tags", "标签", 16),
    ("stale", "数据已变化", 10),
    ("updated_at", "更新时间", 20),
)


def safe_text(value: str) -> str:
    """Return text that a spreadsheet shows as text: formula-like starts get a leading '."""
    return "'" + value if value.startswith(_FORMULA_LEADS) else value


def clue_records(ws: Workspace, flt: ClueFilter | None = None) -> list[dict[str, Any]]:
    """Return every matching clue as the JSON export writes it (risk order)."""
    out = []
    for row in list_clues(ws, flt):
        detail = clue_detail(ws, row.id)
        item = row.to_json()
        item["cases"] = row.cases
        item["reasons"] = [
            {
                k: r.get(k)
                for k in (
                    "model_id",
                    "model_name",
                    "indicator",
                    "label",
                    "detail",
                    "case_no",
                    "values",
                    "spans",
                )
            }
            for r in detail.reasons()
        ]
        item["notes"] = [
            {"at": n["at"], "actor": n["actor"], "text": n["text"]} for n in detail.notes
        ]
        out.append(item)
    return out


def _flat(item: dict[str, Any]) -> dict[str, Any]:
    persons = "；".join(
        p["name"] + (f"（{p['id_number']}）" if p.get("id_number") else "")
        for p in item["persons"]
        if p.get("name")
    )
    return {
        "id": item["id"],
        "status_label": item["status_label"],
        "score": item["score"],
        "subject_label": item["subject_label"],
        "title": item["title"],
        "models": "、".join(item["model_names"]),
        "case_nos": "\n".join(item["case_nos"]),
        "persons": persons,
        "reasons": "\n".join(f"【{r['model_name']}】{r['detail']}" for r in item["reasons"]),
        "assignee": item["assignee"] or "",
        "tags": "、".join(item["tags"]),
        "stale": "是" if item["stale"] else "",
        "updated_at": item["updated_at"],
    }


def export_clues(ws: Workspace, fmt: str, target: Path, flt: ClueFilter | None = None) -> int:
    """Write the matching clues to ``target`` as json, csv or xlsx; return how many."""
    if fmt not in FORMATS:
        raise UserError(f"不支持的导出格式“{fmt}”，可用：{'、'.join(FORMATS)}")
    records = clue_records(ws, flt)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "json":
            target.write_text(
                json.dumps(records, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
            )
        elif fmt == "csv":
            _write_csv(target, [_flat(r) for r in records])
        else:
            _write_xlsx(target, [_flat(r) for r in records])
    except OSError as exc:
        raise UserError(f"无法写入文件“{target}”：{exc}") from exc
    with ws.write() as conn:
        audit.append(
            conn,
            "clue_export",
            {"format": fmt, "file": str(target), "clues": [r["id"] for r in records]},
        )
    return len(records)


def _write_csv(target: Path, rows: list[dict[str, Any]]) -> None:
    # utf-8 with BOM: Excel on a Chinese Windows opens it without garbling
    with target.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([label for _, label, _ in COLUMNS])
        for row in rows:
            w.writerow(
                [
                    safe_text(v) if isinstance(v, str) else v
                    for v in (row[key] for key, _, _ in COLUMNS)
                ]
            )


def _write_xlsx(target: Path, rows: list[dict[str, Any]]) -> None:
    write_xlsx_table(target, "监督线索", COLUMNS, rows)


def write_xlsx_table(target: Path, title: str, columns: Sequence[tuple[str, str, int]],
                     rows: list[dict[str, Any]]) -> None:
    """Write rows as a sheet with a bold header, wrapped text, filters; text never a formula."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = title
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for col, (_, label, width) in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=col, value=label)
        cell.font, cell.fill = bold, fill
        sheet.column_dimensions[get_column_letter(col)].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, start=2):
        for col, (key, _, _) in enumerate(columns, start=1):
            value = row[key]
            cell = sheet.cell(row=r, column=col)
            if isinstance(value, str):
                cell.value = safe_text(ILLEGAL_CHARACTERS_RE.sub("", value))
                cell.data_type = "s"  # never a formula, whatever the text
            else:
                cell.value = value
            cell.alignment = wrap
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{max(1, len(rows) + 1)}"
    wb.save(target)
