"""Sheets in other offices' habits: money in 万元 columns, months typed as numbers, status
codes, total and note rows under the table, ID numbers kept from Excel with ="…"."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from core.ingest.normalise.id_numbers import check_digit
from core.ingest.pipeline import import_file
from core.ingest.plan import inspect_file
from core.ingest.records import FOOTER_REASON
from core.ingest.values import canonical_value, licence_status
from core.views.imports import preview_import
from tests.conftest import write_csv, write_xlsx


def _id(first17: str) -> str:
    return first17 + check_digit(first17)


WANG, LI, ZHAO = _id("33078219500101123"), _id("33078219520202002"), _id("33078219600303301")

CASE_HEADER = ["案号", "案由", "立案日期", "原告", "被告", "起诉标的额（万元）"]


def _case(seq: int, amount: object) -> list[object]:
    return [f"（2023）浙0782民初{seq}号", "民间借贷纠纷", "2023-03-01", "张三", f"被告{seq}", amount]


def test_money_in_a_wan_yuan_column_is_stored_in_yuan(tmp_path: Path, workspace) -> None:
    rows = [_case(1, 12.5), _case(2, "30"), _case(3, "5万元"), _case(4, "80000元"), _case(5, "")]
    path = write_xlsx(tmp_path / "cases.xlsx", CASE_HEADER, rows)
    plan = inspect_file(path)
    assert plan.mapping["claim_amount"].header == "起诉标的额（万元）"
    preview = preview_import(plan)
    shown = preview.rows[0][preview.columns.index("claim_amount")]
    assert shown == "125,000.00"
    import_file(workspace, path, plan=plan)
    with workspace.read() as conn:
        amounts = conn.execute(text("SELECT seq, claim_amount FROM cases ORDER BY seq")).all()
    # A bare number counts in the header's unit; a cell naming its own unit keeps it.
    assert [a.claim_amount for a in amounts] == [125_000, 300_000, 50_000, 80_000, None]


def test_total_and_note_rows_under_a_case_table_are_not_cases(tmp_path: Path, workspace) -> None:
    rows = [_case(1, 10), _case(2, 20), ["合计", "", "", "", "", 30],
            ["制表人：张某某  审核人：李某", "", "", "", "", ""], ["说明：金额单位为万元", "", "", "", "", ""]]
    report = import_file(workspace, write_xlsx(tmp_path / "cases.xlsx", CASE_HEADER, rows))
    assert report.rows_imported == 2
    assert [q["reason"] for q in report.quarantined] == [FOOTER_REASON] * 3
    assert [q["row"] for q in report.quarantined] == [4, 5, 6]
    with workspace.read() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM cases")).scalar_one() == 2
        kept = conn.execute(text("SELECT cells FROM quarantined_rows ORDER BY row_number")).all()
    assert "合计" in kept[0].cells  # quarantined rows keep what they said


def test_pension_months_typed_as_numbers_and_footer_rows(tmp_path: Path, workspace) -> None:
    header = ["姓名", "身份证号码", "发放月份", "发放金额"]
    rows = [
        ["王建国", WANG, 2023.05, 2100.5],
        ["王建国", WANG, 2023.12, 2100.5],
        ["李芳", LI, 2024.1, 1980],
        ["合计", "", "", 6181],
        ["制表单位：某县社会保险事业管理中心", "", "", ""],
    ]
    report = import_file(workspace, write_xlsx(tmp_path / "养老金发放名单.xlsx", header, rows))
    assert report.kind == "list" and report.list_type == "pension_payments"
    assert report.rows_imported == 3
    assert [q["reason"] for q in report.quarantined] == [FOOTER_REASON] * 2
    with workspace.read() as conn:
        months = conn.execute(text("SELECT event_date FROM list_records ORDER BY id")).scalars().all()
    # Not 1905-07-15, the Excel serial those numbers would be.
    assert months == ["2023-05-01", "2023-12-01", "2024-01-01"]


def test_licence_status_codes_are_spelt_out(tmp_path: Path, workspace) -> None:
    header = ["姓名", "身份证明号码", "准驾车型", "驾驶证状态", "初次领证日期"]
    rows = [["王建国", WANG, "C1", "A", "2001-05-06"], ["李芳", LI, "C1", "F", "2003-01-02"],
            ["赵六", ZHAO, "B2", "A,B", "2005-03-04"]]
    report = import_file(workspace, write_xlsx(tmp_path / "驾驶证信息.xlsx", header, rows))
    assert report.list_type == "driver_licences"
    with workspace.read() as conn:
        status = conn.execute(text("SELECT status FROM list_records ORDER BY id")).scalars().all()
    # The drunk-driving model looks for 正常/有效: a bare "A" would hide a valid licence.
    assert status == ["正常（A）", "吊销（F）", "正常（A）、超分（B）"]


def test_status_codes_are_spelt_out_only_for_licences() -> None:
    assert licence_status("G") == "注销（G）"
    assert licence_status("正常") == "正常"
    assert licence_status("Z") == "Z"


def test_id_numbers_kept_from_excel_with_equals_quotes(tmp_path: Path, workspace) -> None:
    header = ["姓名", "公民身份号码", "死亡日期"]
    rows = [["王建国", f'="{WANG}"', "2023-03-05"], ["李芳", f'="{LI}"', "2023-04-01"]]
    report = import_file(workspace, write_csv(tmp_path / "死亡人员名单.csv", header, rows))
    assert report.rows_imported == 2
    with workspace.read() as conn:
        ids = conn.execute(text("SELECT id_number, id_problem FROM list_records ORDER BY id")).all()
    assert [(r.id_number, r.id_problem) for r in ids] == [(WANG, None), (LI, None)]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("closing_method", "调解不成，判决", "判决"),
        ("closing_method", "经调解未果，判决", "判决"),
        ("closing_method", "判决驳回诉讼请求", "判决"),
        ("closing_method", "裁定驳回起诉", "驳回"),
        ("closing_method", "调解结案", "调解"),
        ("closing_method", "准予撤诉", "撤诉"),
        ("service_method", "未公告，直接送达", "直接送达"),
        ("service_method", "邮寄送达被退回后公告送达", "公告送达"),
        ("service_method", "法院专递", "邮寄送达"),
        ("gender", "男性", "男"),
        ("gender", "女性", "女"),
        ("gender", "不详", None),
    ],
)
def test_coded_values_read_past_negations(field: str, value: str, expected: str | None) -> None:
    assert canonical_value(field, value) == expected


def test_case_cells_merged_down_over_one_row_per_defendant(tmp_path: Path, workspace) -> None:
    import xlsxwriter

    path = tmp_path / "一案多行.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("结案")
    ws.merge_range(0, 0, 0, 4, "某县人民法院2023年民间借贷案件")
    ws.write_row(1, 0, ["案号", "案由", "立案日期", "原告", "被告"])
    # Case 1 has three defendants, one per row, its other cells merged down over them.
    for col, value in enumerate(["（2023）浙0782民初1号", "民间借贷纠纷", "2023-03-01", "张三"]):
        ws.merge_range(2, col, 4, col, value)
    for r, name in enumerate(["李四", "王五", "赵六"], start=2):
        ws.write(r, 4, name)
    ws.write_row(5, 0, ["（2023）浙0782民初2号", "民间借贷纠纷", "2023-03-02", "张三", "钱七"])
    wb.close()
    report = import_file(workspace, path)
    assert report.rows_imported == 2 and report.quarantined == []
    assert report.duplicates == 2
    with workspace.read() as conn:
        rows = conn.execute(text(
            "SELECT c.seq, p.name, cp.role, cp.position FROM case_parties cp JOIN cases c ON c.id = cp.case_id"
            " JOIN parties p ON p.id = cp.party_id ORDER BY c.seq, cp.position")).all()
        cause = conn.execute(text("SELECT cause FROM cases WHERE seq = 1")).scalar_one()
    assert cause == "民间借贷纠纷"
    assert [(r.seq, r.name, r.role, r.position) for r in rows] == [
        (1, "张三", "plaintiff", 0), (1, "李四", "defendant", 1), (1, "王五", "defendant", 2),
        (1, "赵六", "defendant", 3), (2, "张三", "plaintiff", 0), (2, "钱七", "defendant", 1)]


def test_repeated_rows_add_only_new_parties_and_far_repeats_stay_duplicates(
    tmp_path: Path, workspace
) -> None:
    header = ["案号", "原告", "被告"]
    rows = [
        ["（2023）浙0782民初1号", "张三", "李四"],
        ["（2023）浙0782民初1号", "张三", "王五"],  # the next defendant of the same case
        ["（2023）浙0782民初1号", "张三", "王五"],  # an exact repeat adds nothing
        ["（2023）浙0782民初2号", "张三", "钱七"],
        ["（2023）浙0782民初1号", "张三", "孙八"],  # far from its case: a duplicate, as before
    ]
    report = import_file(workspace, write_csv(tmp_path / "cases.csv", header, rows))
    assert report.rows_imported == 2 and report.duplicates == 3
    with workspace.read() as conn:
        names = conn.execute(text(
            "SELECT p.name FROM case_parties cp JOIN parties p ON p.id = cp.party_id"
            " JOIN cases c ON c.id = cp.case_id WHERE c.seq = 1 ORDER BY cp.position")).scalars().all()
    assert names == ["张三", "李四", "王五"]


def test_one_party_per_row_with_its_role_and_id(tmp_path: Path, workspace) -> None:
    header = ["案号", "案由", "立案日期", "当事人名称", "诉讼地位", "证件号码"]
    rows = [
        ["（2023）浙0782民初1号", "民间借贷纠纷", "2023-03-01", "张三", "原告", WANG],
        ["（2023）浙0782民初1号", "民间借贷纠纷", "2023-03-01", "李芳", "被告", LI],
        ["（2023）浙0782民初1号", "民间借贷纠纷", "2023-03-01", "某某小额贷款有限公司", "第三人", ""],
        ["（2023）浙0782民初2号", "民间借贷纠纷", "2023-03-02", "赵六", "被上诉人（原审原告）", ZHAO],
        ["（2023）浙0782民初2号", "民间借贷纠纷", "2023-03-02", "王芳", "上诉人（原审被告）", ""],
    ]
    path = write_xlsx(tmp_path / "当事人信息.xlsx", header, rows)
    plan = inspect_file(path)
    assert plan.kind == "cases"
    assert {f: plan.mapping[f].header for f in ("party_name", "party_role", "party_id")} == {
        "party_name": "当事人名称", "party_role": "诉讼地位", "party_id": "证件号码"}
    report = import_file(workspace, path, plan=plan)
    assert report.rows_imported == 2 and report.quarantined == []
    with workspace.read() as conn:
        rows_out = conn.execute(text(
            "SELECT c.seq, p.name, p.id_number, cp.role FROM case_parties cp"
            " JOIN parties p ON p.id = cp.party_id JOIN cases c ON c.id = cp.case_id"
            " ORDER BY c.seq, cp.position")).all()
        plaintiffs = conn.execute(text("SELECT plaintiffs FROM cases WHERE seq = 1")).scalar_one()
    assert [tuple(r) for r in rows_out] == [
        (1, "张三", WANG, "plaintiff"), (1, "李芳", LI, "defendant"),
        (1, "某某小额贷款有限公司", None, "third_party"),
        (2, "赵六", ZHAO, "defendant"), (2, "王芳", None, "plaintiff")]
    assert plaintiffs == f"张三（{WANG}）"


def test_an_id_column_of_a_wide_case_sheet_stays_an_extra_column(tmp_path: Path, workspace) -> None:
    header = ["案号", "原告", "被告", "身份证号"]
    rows = [["（2023）浙0782民初1号", "张三", "李芳", LI]]
    path = write_xlsx(tmp_path / "cases.xlsx", header, rows)
    plan = inspect_file(path)
    assert "party_id" not in plan.mapping and "party_name" not in plan.mapping
    import_file(workspace, path, plan=plan)
    with workspace.read() as conn:
        extra = conn.execute(text("SELECT extra FROM cases")).scalar_one()
    assert LI in extra
