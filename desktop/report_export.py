"""Writing an import report to .xlsx (summary, quarantined rows, duplicates, conflicts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: Any) -> Any:
    """Return a cell value that a spreadsheet will not run as a formula (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_report_xlsx(report: Any, path: Path, labels: dict[str, str]) -> Path:
    """Write ``report`` (an ImportReport) to ``path``; ``labels`` are the translated headings."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    summary = wb.create_sheet(labels["summary"])
    rows = [
        (labels["file"], report.file_name),
        (labels["sheet"], report.sheet),
        (
            labels["kind"],
            report.kind if report.list_type is None else f"{report.kind}/{report.list_type}",
        ),
        (labels["rows_read"], report.rows_read),
        (labels["rows_imported"], report.rows_imported),
        (labels["duplicates"], report.duplicates),
        (labels["conflicts"], report.conflict_count),
        (labels["quarantined"], report.quarantined_count),
        (labels["seconds"], round(report.seconds, 1)),
    ]
    for label, value in rows:
        summary.append([safe_cell(label), safe_cell(value)])
    for field, info in report.mapping.items():
        summary.append([safe_cell(f"{labels['mapping']}：{field}"), safe_cell(info.get("header"))])
    sections = (
        ("quarantined", report.quarantined, ("row", "reason")),
        ("duplicates", report.duplicate_rows, ("row", "first_row", "case_no")),
        ("conflicts", report.conflicts, ("row", "case_no", "reason")),
    )
    for key, items, cols in sections:
        sheet = wb.create_sheet(labels[key])
        sheet.append([labels.get(f"col_{c}", c) for c in cols])
        for item in items:
            sheet.append([safe_cell(item.get(c)) for c in cols])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(path))
    return path
