"""Header sets from other offices' exports, read from real files through the plan API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from core.ingest.normalise.id_numbers import check_digit
from core.ingest.pipeline import import_file
from core.ingest.plan import ImportPlan, inspect_file
from tests.conftest import write_csv, write_xlsx


def _id(i: int) -> str:
    body = f"3307821985010{i % 10}{i:03d}"[:17]
    return body + check_digit(body)


def _case_no(i: int, kind: str = "民初") -> str:
    return f"（2023）浙0782{kind}{i}号"


def _plan(path: Path, header: list[str], row: Any, n: int = 6) -> ImportPlan:
    rows = [row(i) for i in range(1, n + 1)]
    if path.suffix == ".csv":
        return inspect_file(write_csv(path, header, rows))
    return inspect_file(write_xlsx(path, header, rows))


def _headers(plan: ImportPlan) -> dict[str, str]:
    return {f: m.header for f, m in plan.mapping.items()}


@pytest.mark.parametrize("cause_header", ["案由", "案  由"])
def test_case_type_left_of_cause_does_not_take_cause(tmp_path: Path, cause_header: str) -> None:
    header = ["案号", "案件类型", cause_header, "原告", "被告"]
    plan = _plan(tmp_path / "案件.xlsx", header,
                 lambda i: [_case_no(i), "民事一审", "民间借贷纠纷", "张三", "李四"])
    assert _headers(plan)["cause"] == cause_header
    assert plan.mapping["cause"].confidence == 1.0
    assert "案件类型" in plan.unmapped


def test_case_type_alone_stays_an_extra_column(tmp_path: Path) -> None:
    plan = _plan(tmp_path / "案件.csv", ["案号", "案件类型", "原告", "被告"],
                 lambda i: [_case_no(i), "民事一审", "张三", "李四"])
    assert "案件类型" not in _headers(plan).values()
    assert plan.unmapped == ["案件类型"]


def test_count_columns_do_not_take_party_fields(tmp_path: Path) -> None:
    header = ["案号", "原告人数", "原告姓名或名称", "被告人数", "被告名称", "第三人数量"]
    plan = _plan(tmp_path / "案件.xlsx", header,
                 lambda i: [_case_no(i), "1", "张三", "2", "李四、王五", "0"])
    got = _headers(plan)
    assert got["plaintiffs"] == "原告姓名或名称" and got["defendants"] == "被告名称"
    assert plan.mapping["plaintiffs"].confidence == 1.0
    assert {"原告人数", "被告人数", "第三人数量"} <= set(plan.unmapped)


def test_yes_no_flag_columns_stay_extra(tmp_path: Path) -> None:
    header = ["案号", "案由", "原告", "被告", "是否公告送达", "是否缺席判决", "送达方式"]
    plan = _plan(tmp_path / "案件.csv", header,
                 lambda i: [_case_no(i), "民间借贷纠纷", "张三", "李四", "是", "否", "公告送达"])
    assert _headers(plan)["service_method"] == "送达方式"
    alone = _plan(tmp_path / "案件2.csv", header[:-1],
                  lambda i: [_case_no(i), "民间借贷纠纷", "张三", "李四", "是", "否"])
    assert "service_method" not in alone.mapping
    assert {"是否公告送达", "是否缺席判决"} <= set(alone.unmapped)


@pytest.mark.parametrize(
    ("plaintiff_header", "defendant_header"),
    [("原告及委托代理人", "被告及委托代理人"), ("原告及其代理人", "被告及其代理人")],
)
def test_party_with_agent_columns_are_party_columns(
    tmp_path: Path, plaintiff_header: str, defendant_header: str
) -> None:
    plan = _plan(
        tmp_path / "案件.xlsx", ["案号", plaintiff_header, defendant_header],
        lambda i: [_case_no(i), "张三；委托代理人：王五，浙江某某律师事务所律师", "李四"],
    )
    got = _headers(plan)
    assert got["plaintiffs"] == plaintiff_header and got["defendants"] == defendant_header
    assert "agents" not in got


DRUNK_HEADER = ["被告人", "身份证号", "案号", "罪名", "判决日期", "判处刑罚"]


def _drunk_row(i: int) -> list[Any]:
    crime = "危险驾驶罪" if i % 4 else "醉酒驾驶机动车（危险驾驶罪）"
    return [f"被告{i}", _id(i), _case_no(i, "刑初"), crime, f"2023-0{i % 9 + 1}-15", "拘役二个月"]


@pytest.mark.parametrize("file_name", ["刑事判决名单.xlsx", "2023年判决情况.xlsx"])
def test_drunk_driving_list_found_from_crime_values(tmp_path: Path, file_name: str) -> None:
    plan = _plan(tmp_path / file_name, DRUNK_HEADER, _drunk_row)
    assert plan.kind == "list" and plan.list_type == "drunk_driving_convictions"
    got = _headers(plan)
    assert got["id_number"] == "身份证号" and got["name"] == "被告人"
    assert got["event_date"] == "判决日期"


def test_drunk_driving_list_imports_person_fields(tmp_path: Path, workspace: Any) -> None:
    path = write_xlsx(tmp_path / "刑事判决名单.xlsx", DRUNK_HEADER, [_drunk_row(i) for i in (1, 2)])
    report = import_file(workspace, path)
    assert report.kind == "list" and report.list_type == "drunk_driving_convictions"
    with workspace.read() as conn:
        rec = conn.execute(text("SELECT name, id_number, event_date FROM list_records ORDER BY id")).first()
    assert rec is not None
    assert (rec.name, rec.id_number, rec.event_date) == ("被告1", _id(1), "2023-02-15")


def test_other_crimes_are_not_a_drunk_driving_list(tmp_path: Path) -> None:
    plan = _plan(tmp_path / "刑事判决名单.xlsx", DRUNK_HEADER,
                 lambda i: [*_drunk_row(i)[:3], "盗窃罪", *_drunk_row(i)[4:]])
    assert plan.list_type != "drunk_driving_convictions"


def test_criminal_case_sheet_reads_crime_as_cause(tmp_path: Path) -> None:
    header = ["案号", "被告人", "罪名", "公诉机关", "判决日期", "审判长"]
    plan = _plan(tmp_path / "刑事案件.xlsx", header,
                 lambda i: [_case_no(i, "刑初"), "张三", "盗窃罪", "某县人民检察院", "2023-05-06", "周某"])
    assert plan.kind == "cases" and _headers(plan)["cause"] == "罪名"


@pytest.mark.parametrize(
    ("date_header", "amount_header"),
    [("发放年月", "本月实发"), ("待遇所属期", "实发金额"), ("费款所属期", "本月实发")],
)
def test_pension_list_found_from_headers(tmp_path: Path, date_header: str, amount_header: str) -> None:
    header = ["姓名", "身份证号", date_header, amount_header, "发放状态"]
    plan = _plan(tmp_path / "社保数据.xlsx", header,
                 lambda i: [f"参保{i}", _id(i), "2023-05", "3,200.50", "正常发放"])
    assert plan.kind == "list" and plan.list_type == "pension_payments"
    got = _headers(plan)
    assert got["event_date"] == date_header and got["amount"] == amount_header


@pytest.mark.parametrize("date_header", ["注销日期", "户口注销日期"])
def test_death_list_found_from_cancellation_reason(tmp_path: Path, date_header: str) -> None:
    plan = _plan(tmp_path / "公安推送数据.xlsx", ["姓名", "身份证号", date_header, "注销原因"],
                 lambda i: [f"人员{i}", _id(i), "2023-02-01", "死亡"])
    assert plan.kind == "list" and plan.list_type == "death_registry"
    assert _headers(plan)["event_date"] == date_header


def test_cancellations_for_other_reasons_are_not_deaths(tmp_path: Path) -> None:
    plan = _plan(tmp_path / "公安推送数据.xlsx", ["姓名", "身份证号", "注销日期", "注销原因"],
                 lambda i: [f"人员{i}", _id(i), "2023-02-01", "迁出"])
    assert plan.list_type == "other"


@pytest.mark.parametrize("date_header", ["状态更新时间", "最近状态变化时间"])
def test_licence_status_time_is_the_event_date(tmp_path: Path, date_header: str) -> None:
    plan = _plan(tmp_path / "驾驶证.xlsx", ["姓名", "身份证号", "驾驶证状态", date_header],
                 lambda i: [f"驾驶人{i}", _id(i), "正常", "2023-08-01 10:00:00"])
    assert plan.list_type == "driver_licences"
    assert _headers(plan)["event_date"] == date_header


def test_two_agent_columns_keep_the_other_as_extra(tmp_path: Path, workspace: Any) -> None:
    header = ["案号", "案由", "原告", "原告代理人", "被告", "被告代理人"]
    path = write_xlsx(tmp_path / "案件.xlsx", header,
                      [[_case_no(1), "民间借贷纠纷", "张三", "王五", "李四", "赵六（公民代理）"]])
    report = import_file(workspace, path)
    assert report.mapping["agents"]["header"] == "原告代理人"
    assert report.unmapped == ["被告代理人"]
    with workspace.read() as conn:
        extra = conn.execute(text("SELECT extra FROM cases")).scalar_one()
    assert "赵六（公民代理）" in extra
    alone = _plan(tmp_path / "案件2.xlsx", ["案号", "原告", "被告", "被告代理人"],
                  lambda i: [_case_no(i), "张三", "李四", "赵六"])
    assert _headers(alone)["agents"] == "被告代理人" and alone.mapping["agents"].confidence == 1.0


@pytest.mark.parametrize(
    ("header", "field"),
    [("合议庭成员", "judge"), ("执行标的", "claim_amount"), ("执行标的额", "claim_amount")],
)
def test_more_case_headers_map(tmp_path: Path, header: str, field: str) -> None:
    plan = _plan(tmp_path / "案件.csv", ["案号", "申请执行人", "被执行人", header],
                 lambda i: [_case_no(i, "执"), "张三", "李四", "50000"])
    assert _headers(plan)[field] == header


@pytest.mark.parametrize(("kind", "court"), [("民终", "二审法院"), ("民初", "一审法院")])
def test_court_of_the_case_numbers_instance(tmp_path: Path, kind: str, court: str) -> None:
    header = ["案号", "一审法院", "二审法院", "原告", "被告"]
    plan = _plan(tmp_path / "案件.xlsx", header,
                 lambda i: [_case_no(i, kind), "义乌市人民法院", "金华市中级人民法院", "张三", "李四"])
    assert _headers(plan)["court"] == court
    assert court != "二审法院" or "一审法院" in plan.unmapped


def test_court_header_naming_no_instance_is_kept(tmp_path: Path) -> None:
    plan = _plan(tmp_path / "案件.xlsx", ["案号", "原审法院", "审理法院", "原告"],
                 lambda i: [_case_no(i, "民初"), "义乌市人民法院", "金华市中级人民法院", "张三"])
    assert _headers(plan)["court"] == "审理法院"
