"""Legacy .xls and OpenDocument .ods files import like .xlsx (calamine reads all three)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from core.ingest.pipeline import import_file
from tests.core.ingest.casedata import HEADERS_A, case_rows
from tests.core.ingest.legacy import write_ods, write_xls


def _check(workspace, path: Path) -> None:
    report = import_file(workspace, path)
    assert report.rows_imported == 40 and report.mapping["case_no"]["header"] == "案件字号"
    with workspace.read() as conn:
        first = conn.execute(text("SELECT case_no_key, filing_date FROM cases ORDER BY id LIMIT 1")).one()
    assert first.case_no_key == "（2023）浙0782民初1号" and first.filing_date is not None


def test_xls_with_title_row(tmp_path: Path, workspace) -> None:
    _check(workspace, write_xls(tmp_path / "cases.xls", HEADERS_A, case_rows(40), title="某县法院结案表"))


def test_ods(tmp_path: Path, workspace) -> None:
    _check(workspace, write_ods(tmp_path / "cases.ods", HEADERS_A, case_rows(40)))


def test_xls_named_xlsx_is_read_by_content(tmp_path: Path, workspace) -> None:
    path = write_xls(tmp_path / "cases.xls", HEADERS_A, case_rows(40))
    _check(workspace, path.rename(tmp_path / "其实是xls.xlsx"))
