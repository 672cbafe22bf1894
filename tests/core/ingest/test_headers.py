"""Header-row detection, header mapping and list-type detection, table-driven."""

from __future__ import annotations

import pytest

from core.ingest.headers import detect_list_type, find_header_row, map_headers, normalise_header
from core.ingest.plan import decide_kind


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("案号", "case_no"), ("案件字号", "case_no"), ("案件编号", "case_no"), (" 案 号 ", "case_no"),
        ("经办法院", "court"), ("审理法院", "court"), ("案件案由", "cause"), ("立案日期", "filing_date"),
        ("收案时间", "filing_date"), ("结案日期", "closing_date"), ("审结日期", "closing_date"),
        ("结案方式", "closing_method"), ("审结方式", "closing_method"), ("原告（申请人）", "plaintiffs"),
        ("原告名称", "plaintiffs"), ("被告(被申请人)", "defendants"), ("第三人", "third_parties"),
        ("委托诉讼代理人", "agents"), ("诉讼标的金额（元）", "claim_amount"), ("标的额(元)", "claim_amount"),
        ("送达方式", "service_method"), ("承办法官", "judge"), ("裁判文书全文", "full_text"),
        ("判决书内容", "full_text"), ("文书类型", "doc_type"), ("适用程序", "procedure"),
    ],
)
def test_case_headers_map(header: str, field: str) -> None:
    mapping = map_headers([header], [], "cases")
    assert field in mapping, mapping
    assert mapping[field].confidence >= 0.8


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("姓名", "name"), ("死者姓名", "name"), ("公民身份号码", "id_number"), ("身份证号码", "id_number"),
        ("证件号码", "id_number"), ("死亡日期", "event_date"), ("发放月份", "event_date"),
        ("判决日期", "event_date"), ("发放金额（元）", "amount"), ("驾驶证状态", "status"),
        ("户籍地址", "address"), ("出生日期", "birth_date"), ("性别", "gender"),
    ],
)
def test_list_headers_map(header: str, field: str) -> None:
    assert field in map_headers([header], [], "lists")


def test_unrelated_headers_stay_unmapped() -> None:
    assert map_headers(["序号", "备注", "联系电话"], [], "cases") == {}


def test_values_find_a_case_number_column_with_odd_header() -> None:
    samples = [[f"（2023）浙0782民初{i}号", "x"] for i in range(10)]
    mapping = map_headers(["编号", "其他"], samples, "cases")
    assert mapping["case_no"].column == 0
    only_values = map_headers(["甲", "乙"], samples, "cases")
    assert only_values["case_no"].column == 0 and only_values["case_no"].by == "values"


def test_each_field_takes_one_column_best_first() -> None:
    mapping = map_headers(["原告", "原告代理人", "被告"], [], "cases")
    assert mapping["plaintiffs"].header == "原告"
    assert mapping["agents"].header == "原告代理人"


def test_header_row_below_merged_title() -> None:
    rows = [
        ["某某县人民法院2023年民事案件统计表", "", "", ""],
        ["", "", "", ""],
        ["案号", "原告", "被告", "案由"],
        ["（2023）浙0782民初1号", "张三", "李四", "民间借贷纠纷"],
    ]
    assert find_header_row(rows) == 2


def test_header_row_first_when_no_title() -> None:
    rows = [["姓名", "身份证号", "死亡日期"], ["张三", "330782195001011234", "2023-01-01"]]
    assert find_header_row(rows) == 0


@pytest.mark.parametrize(
    ("file_name", "headers", "expected"),
    [
        ("2023年死亡人员名单.xlsx", ["姓名", "身份证号", "日期"], "death_registry"),
        ("数据.xlsx", ["姓名", "身份证号", "死亡日期"], "death_registry"),
        ("养老金发放明细.csv", ["姓名", "身份证号", "发放月份", "金额"], "pension_payments"),
        ("醉驾案件.xlsx", ["被告人", "身份证号", "判决日期"], "drunk_driving_convictions"),
        ("驾驶证信息.xlsx", ["姓名", "身份证号", "准驾车型", "状态"], "driver_licences"),
        ("名单.xlsx", ["姓名", "身份证号", "电话"], "other"),
    ],
)
def test_list_type_detection(file_name: str, headers: list[str], expected: str) -> None:
    assert detect_list_type(headers, file_name, "Sheet1") == expected


def test_kind_decision() -> None:
    case_map = map_headers(["案号", "原告", "被告", "案由"], [], "cases")
    list_map = map_headers(["案号", "原告", "被告", "案由"], [], "lists")
    assert decide_kind(case_map, list_map, "other") == "cases"
    headers = ["案号", "被告人姓名", "身份证号", "判决日期", "罪名"]
    assert decide_kind(map_headers(headers, [], "cases"), map_headers(headers, [], "lists"),
                       "drunk_driving_convictions") == "list"


def test_normalise_header_drops_units_and_spaces() -> None:
    assert normalise_header(" 标的额（元） ") == "标的额"
    assert normalise_header("ＡＢＣ") == "abc"


def test_excluded_headers_do_not_map() -> None:
    mapping = map_headers(["驾驶人姓名", "驾驶证号", "档案号", "状态"], [], "lists")
    assert "case_no" not in mapping
    assert mapping["name"].header == "驾驶人姓名"


def test_exact_names_beat_later_synonyms_and_units_after_a_slash_are_dropped() -> None:
    mapping = map_headers(["案号", "执行标的(万元)", "标的额/万元"], [], "cases")
    assert mapping["claim_amount"].header == "标的额/万元"
    assert mapping["claim_amount"].confidence == 1.0
    assert normalise_header("标的额/万元") == "标的额"


def test_one_parties_column_stays_the_plaintiffs() -> None:
    # 当事人 holds both sides with 原告：/被告： cues; the splitter reads the roles from them.
    assert map_headers(["案号", "当事人", "案由"], [], "cases")["plaintiffs"].header == "当事人"


def test_list_type_from_values() -> None:
    headers = ["被告人", "身份证号", "罪名", "判决日期"]
    drunk = [["张三", "x", "危险驾驶罪", "2023-01-01"]] * 3
    theft = [["张三", "x", "盗窃罪", "2023-01-01"]] * 3
    assert detect_list_type(headers, "判决.xlsx", "Sheet1", drunk) == "drunk_driving_convictions"
    assert detect_list_type(headers, "判决.xlsx", "Sheet1", theft) == "other"
    assert detect_list_type(headers, "判决.xlsx", "Sheet1") == "other"
