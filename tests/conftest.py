"""Shared fixtures: real workspaces in tmp_path and real spreadsheet files."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as _hypothesis_settings

# Deterministic property tests with no per-example deadline: CI machines are shared and slow.
_hypothesis_settings.register_profile("clueworks", derandomize=True, deadline=None, print_blob=True)
_hypothesis_settings.load_profile("clueworks")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CLUEWORKS_USER", "测试员")


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Any]:
    from core.workspace import open_workspace

    ws = open_workspace(tmp_path / "ws")
    yield ws
    ws.close()


def write_xlsx(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    title: str | None = None,
    sheet: str = "Sheet1",
) -> Path:
    """Write a real .xlsx (shared strings, like Excel) with an optional merged title row."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False})
    ws = wb.add_worksheet(sheet)
    r = 0
    if title:
        ws.merge_range(0, 0, 0, max(len(header) - 1, 1), title)
        r = 1
    ws.write_row(r, 0, list(header))
    for i, row in enumerate(rows, start=r + 1):
        for j, value in enumerate(row):
            ws.write_string(i, j, value) if isinstance(value, str) else ws.write(i, j, value)
    wb.close()
    return path


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    encoding: str = "utf-8-sig",
    title: str | None = None,
) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        if title:
            w.writerow([title])
        w.writerow(header)
        w.writerows(rows)
    return path


def table_counts(ws: Any) -> dict[str, int]:
    from sqlalchemy import text

    tables = (
        "datasets",
        "source_rows",
        "cases",
        "case_texts",
        "parties",
        "case_parties",
        "list_records",
        "quarantined_rows",
        "audit_log",
    )
    with ws.read() as conn:
        return {
            t: int(conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()) for t in tables
        }
