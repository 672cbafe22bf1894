"""Import pipeline on real .xlsx and .csv files written in the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from core.errors import Cancelled, CancelToken
from core.ingest.pipeline import import_file
from core.ingest.plan import ImportOptions, inspect_file
from tests.conftest import table_counts, write_csv, write_xlsx
from tests.core.ingest.casedata import HEADERS_A, HEADERS_B, case_rows

EXPECTED_A = {
    "case_no": "案件字号",
    "court": "审理法院",
    "cause": "案件案由",
    "filing_date": "收案日期",
    "closing_date": "结案时间",
    "closing_method": "审结方式",
    "plaintiffs": "原告（申请人）",
    "defendants": "被告（被申请人）",
    "agents": "委托诉讼代理人",
    "claim_amount": "诉讼标的金额（元）",
    "service_method": "文书送达方式",
    "judge": "承办法官",
    "full_text": "判决书内容",
}


def test_xlsx_with_title_row_maps_non_canonical_headers(tmp_path: Path, workspace) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx", HEADERS_A, case_rows(300), title="某县人民法院2023年结案统计表"
    )
    plan = inspect_file(path)
    assert plan.header_row == 1
    assert plan.kind == "cases"
    assert {f: m.header for f, m in plan.mapping.items()} == EXPECTED_A
    report = import_file(workspace, path)
    assert report.rows_read == 300 and report.rows_imported == 300
    assert report.quarantined == [] and report.duplicates == 0
    assert set(report.unmapped) == {"序号", "备注"}
    with workspace.read() as conn:
        row = conn.execute(
            text(
                "SELECT case_no, case_no_key, year, case_type, seq, filing_date, claim_amount,"
                " closing_method FROM cases WHERE seq = 5"
            )
        ).one()
        assert row.case_no == "(2023) 浙0782民初5号"  # as imported
        assert row.case_no_key == "（2023）浙0782民初5号"
        assert (row.year, row.case_type, row.seq) == (2023, "民初", 5)
        assert row.filing_date is not None and len(row.filing_date) == 10
        assert row.claim_amount and row.claim_amount >= 10000
        roles = conn.execute(text("SELECT role, COUNT(*) FROM case_parties GROUP BY role")).all()
        assert dict(roles) == {"plaintiff": 300, "defendant": 600, "agent": 300}
        assert conn.execute(text("SELECT COUNT(*) FROM case_texts")).scalar_one() == 300
        cells = conn.execute(text("SELECT cells FROM source_rows LIMIT 1")).scalar_one()
        assert "序号" in cells and "判决书内容" not in cells


def test_gb18030_csv_with_other_headers(tmp_path: Path, workspace) -> None:
    path = write_csv(
        tmp_path / "b.csv", HEADERS_B, case_rows(200, seed=2, style="B"), encoding="gb18030"
    )
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    report = import_file(workspace, path)
    assert report.encoding == "gb18030"
    assert report.rows_imported == 200
    assert set(report.mapping) >= {
        "case_no",
        "court",
        "cause",
        "filing_date",
        "closing_date",
        "plaintiffs",
        "defendants",
        "claim_amount",
        "service_method",
        "full_text",
    }
    with workspace.read() as conn:
        assert (
            conn.execute(text("SELECT court FROM cases LIMIT 1")).scalar_one()
            == "浙江省东阳市人民法院"
        )


def test_reimport_adds_nothing(tmp_path: Path, workspace) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", HEADERS_A, case_rows(50))
    first = import_file(workspace, path)
    before = table_counts(workspace)
    again = import_file(workspace, path)
    assert again.already_imported and again.dataset_id == first.dataset_id
    assert again.rows_imported == 0
    assert table_counts(workspace) == before


def test_duplicates_in_file_and_conflicts_across_files(tmp_path: Path, workspace) -> None:
    rows = case_rows(20)
    rows.append(list(rows[3]))  # the same case number twice in one file
    rows[-1][1] = rows[-1][1].replace("（", "(").replace("）", ")")  # written differently
    first = import_file(workspace, write_xlsx(tmp_path / "a.xlsx", HEADERS_A, rows))
    assert first.rows_imported == 20 and first.duplicates == 1
    assert first.duplicate_rows[0]["first_row"] == 5
    other = case_rows(10, seed=9)  # same numbers 1..10, other content, other file
    second = import_file(workspace, write_xlsx(tmp_path / "b.xlsx", HEADERS_A, other))
    assert second.rows_imported == 0 and len(second.conflicts) == 10
    with workspace.read() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM cases")).scalar_one() == 20


def test_rows_without_case_number_are_quarantined(tmp_path: Path, workspace) -> None:
    rows = case_rows(10)
    rows[2][1] = ""
    rows[6][1] = "   "
    report = import_file(workspace, write_xlsx(tmp_path / "q.xlsx", HEADERS_A, rows, title="标题"))
    assert report.rows_imported == 8
    assert [q["row"] for q in report.quarantined] == [5, 9]
    assert all(q["reason"] == "案号为空" for q in report.quarantined)
    with workspace.read() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM quarantined_rows")).scalar_one() == 2


def test_formula_like_text_is_stored_as_text(tmp_path: Path, workspace) -> None:
    rows = case_rows(3)
    rows[0][3] = '=HYPERLINK("http://x","点击")'
    rows[1][12] = "+1+2"
    rows[2][14] = "@SUM(A1:A2)"
    import_file(workspace, write_xlsx(tmp_path / "f.xlsx", HEADERS_A, rows))
    with workspace.read() as conn:
        causes = [r[0] for r in conn.execute(text("SELECT cause FROM cases ORDER BY id"))]
        judges = [r[0] for r in conn.execute(text("SELECT judge FROM cases ORDER BY id"))]
    assert causes[0].startswith("=HYPERLINK")
    assert judges[1] == "+1+2"


def test_cancel_leaves_workspace_unchanged(tmp_path: Path, workspace) -> None:
    path = write_csv(tmp_path / "big.csv", HEADERS_B, case_rows(5000, style="B"))
    before = table_counts(workspace)
    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done >= 2000:
            token.cancel()

    with pytest.raises(Cancelled):
        import_file(workspace, path, progress=progress, cancel=token)
    assert seen and seen[0] == 2000
    assert table_counts(workspace) == before
    assert workspace.integrity_ok()
    report = import_file(workspace, path)  # and the same file still imports afterwards
    assert report.rows_imported == 5000


def test_failure_midway_rolls_back(tmp_path: Path, workspace) -> None:
    path = write_csv(tmp_path / "big.csv", HEADERS_B, case_rows(4500, style="B"))
    before = table_counts(workspace)

    def boom(done: int, total: int) -> None:
        raise OSError("磁盘已满")

    with pytest.raises(OSError):
        import_file(workspace, path, progress=boom)
    assert table_counts(workspace) == before


def test_user_mapping_override(tmp_path: Path, workspace) -> None:
    header = ["编号", "当事人甲", "当事人乙", "事由"]
    rows = [[f"（2023）浙0782民初{i}号", f"张{i}", f"李{i}", "民间借贷纠纷"] for i in range(1, 6)]
    path = write_xlsx(tmp_path / "m.xlsx", header, rows)
    opts = ImportOptions(
        kind="cases", mapping={"plaintiffs": "当事人甲", "defendants": "当事人乙", "cause": "事由"}
    )
    report = import_file(workspace, path, opts)
    assert report.mapping["case_no"]["header"] == "编号"  # found from the values
    assert report.mapping["plaintiffs"] == {"header": "当事人甲", "confidence": 1.0, "by": "user"}
    assert report.rows_imported == 5


def test_list_import_death_registry(tmp_path: Path, workspace) -> None:
    from core.ingest.normalise.id_numbers import check_digit

    wang = "33078219500101123" + check_digit("33078219500101123")
    li = "33078219520202002" + check_digit("33078219520202002")
    header = ["姓名", "公民身份号码", "性别", "死亡日期", "户籍地址"]
    rows = [
        ["王建国", wang, "男", "2023年3月5日", "某村"],
        ["李 芳", li.lower(), "女", "2023/4/1", "某村"],
        ["赵六", 3.30782195303031e17, "男", "2023-05-06", "某村"],
        ["", "", "", "2023-05-06", ""],
        ["李 芳", li.lower(), "女", "2023/4/1", "某村"],
    ]
    report = import_file(workspace, write_xlsx(tmp_path / "死亡人员名单.xlsx", header, rows))
    assert report.kind == "list" and report.list_type == "death_registry"
    assert report.rows_imported == 3 and report.duplicates == 1
    assert report.quarantined == [{"row": 5, "reason": "姓名和身份证号均为空"}]
    with workspace.read() as conn:
        recs = conn.execute(
            text("SELECT name, id_number, id_problem, event_date FROM list_records ORDER BY id")
        ).all()
    assert recs[0].event_date == "2023-03-05"
    assert recs[0].id_number == wang
    assert recs[1].name == "李芳" and recs[1].id_number == li.upper()
    assert (
        recs[2].id_number is None and recs[2].id_problem
    )  # Excel scientific notation: never joined on


def test_csv_with_long_texts_full_of_chinese_commas(tmp_path: Path, workspace) -> None:
    rows = case_rows(30, style="B")
    for r in rows:
        r[-1] = ("原告称，被告长期拖延，给其生产生活造成了较大困难。\n" * 40) + r[-1]
    report = import_file(workspace, write_csv(tmp_path / "t.csv", HEADERS_B, rows))
    assert report.rows_imported == 30 and "full_text" in report.mapping
