"""Web pages saved as .xls (what many case and agency systems export) are read as sheets."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from core.errors import RefusedInput
from core.ingest.html_tables import read_tables
from core.ingest.pipeline import import_file
from core.ingest.plan import inspect_file
from tests.conftest import table_counts

PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>案件查询结果</title><script>alert('never run')</script></head><body>
<table><tr><td>查询条件：2023年</td></tr></table>
<table border="1">
<tr><th colspan="6">某县人民法院2023年民间借贷案件</th></tr>
<tr><th>案号</th><th>案由</th><th>立案日期</th><th>原告</th><th>被告</th><th>标的额</th></tr>
<tr><td rowspan="2">（2023）浙0782民初1号</td><td rowspan="2">民间借贷纠纷</td>
    <td rowspan="2">2023-03-01</td><td rowspan="2">张三</td><td>李四</td><td rowspan="2">50,000.00</td></tr>
<tr><td>王&nbsp;五</td></tr>
<tr><td>（2023）浙0782民初2号</td><td>民间借贷纠纷</td><td>2023-03-02</td>
    <td>张三<br>赵六</td><td>钱七&#12289;孙八</td><td>8万元</td></tr>
</table></body></html>"""


def _page(folder: Path, name: str = "案件查询.xls", encoding: str = "gb18030") -> Path:
    path = folder / name
    path.write_bytes(PAGE.encode(encoding))
    return path


def test_a_web_page_saved_as_xls_imports_as_cases(tmp_path: Path, workspace) -> None:
    path = _page(tmp_path)
    plan = inspect_file(path)
    assert plan.sheet == "表格2"  # the table with the data, not the query note above it
    assert plan.header_row == 1 and plan.kind == "cases"
    report = import_file(workspace, path, plan=plan)
    assert report.rows_imported == 2 and report.quarantined == []
    with workspace.read() as conn:
        cases = conn.execute(text("SELECT seq, cause, filing_date, claim_amount FROM cases ORDER BY seq")).all()
        defendants = conn.execute(text(
            "SELECT c.seq, p.name FROM case_parties cp JOIN parties p ON p.id = cp.party_id"
            " JOIN cases c ON c.id = cp.case_id WHERE cp.role = 'defendant' ORDER BY c.seq, cp.position"
        )).all()
    assert [(c.seq, c.cause, c.filing_date, c.claim_amount) for c in cases] == [
        (1, "民间借贷纠纷", "2023-03-01", 50_000), (2, "民间借贷纠纷", "2023-03-02", 80_000)]
    # The rowspan row adds its defendant to case 1 (a name's inner space is dropped).
    assert [(d.seq, d.name) for d in defendants] == [(1, "李四"), (1, "王五"), (2, "钱七"), (2, "孙八")]
    with workspace.read() as conn:
        plaintiffs = conn.execute(text("SELECT plaintiffs FROM cases WHERE seq = 2")).scalar_one()
    assert plaintiffs == "张三\n赵六"  # <br> is a line break; the page's own breaks are spaces


def test_utf8_page_without_charset_and_html_extension(tmp_path: Path) -> None:
    path = tmp_path / "导出.html"
    path.write_text(PAGE.replace("charset=gb2312", ""), encoding="utf-8")
    tables = read_tables(path)
    assert tables[0] == [["查询条件：2023年"]]
    assert tables[1][0] == ["某县人民法院2023年民间借贷案件"] * 6  # colspan covers its columns
    assert tables[1][1] == ["案号", "案由", "立案日期", "原告", "被告", "标的额"]
    assert tables[1][3] == ["（2023）浙0782民初1号", "民间借贷纠纷", "2023-03-01", "张三", "王 五", "50,000.00"]


def test_rowspans_and_colspans_cover_every_cell() -> None:
    from core.ingest.html_tables import _TableParser

    parser = _TableParser()
    parser.feed("<table><tr><td rowspan=3>A</td><td colspan=2>B</td></tr>"
                "<tr><td>c</td><td rowspan=2>d</td></tr><tr><td>e</td></tr></table>")
    parser.close()
    assert parser.tables == [[["A", "B", "B"], ["A", "c", "d"], ["A", "e", "d"]]]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("<html><body><p>没有数据</p></body></html>", "没有表格数据"),
        ("<html><body><table><tr><td></td></tr></table></body></html>", "没有表格数据"),
    ],
)
def test_pages_without_a_table_are_refused_and_change_nothing(
    tmp_path: Path, workspace, body: str, message: str
) -> None:
    path = tmp_path / "空网页.xls"
    path.write_text(body, encoding="utf-8")
    before = table_counts(workspace)
    with pytest.raises(RefusedInput, match=message):
        import_file(workspace, path)
    assert table_counts(workspace) == before


def test_plain_text_named_xls_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "其实是文本.xls"
    path.write_text("案号\t原告\n（2023）浙0782民初1号\t张三\n", encoding="utf-8")
    with pytest.raises(RefusedInput, match="内容不是电子表格"):
        inspect_file(path)


def test_a_page_spanning_too_many_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "恶意.xls"
    path.write_text("<table><tr>" + '<td colspan="1000">x</td>' * 3 + "</tr></table>", encoding="utf-8")
    with pytest.raises(RefusedInput, match="超过 1,024 列"):
        inspect_file(path)
