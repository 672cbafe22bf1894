"""Header vocabularies and cell habits of the offices whose exports the samples imitate."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class HeaderStyle:
    """One office's export: its column headers and how it types values.

    ``dates``/``amounts`` list formats (see cells.py); the first is the office's own,
    the others turn up in ``mixed`` of the rows (hand-edited sheets).
    """

    columns: tuple[tuple[str, str], ...]
    dates: tuple[str, ...]
    amounts: tuple[str, ...]
    mixed: float
    party_sep: tuple[str, ...]
    party_prefix: bool
    with_id: float
    with_address: float
    agent_style: int
    messy_case_no: float
    serial_column: bool = False


CASE_STYLES: dict[str, HeaderStyle] = {
    "court_a": HeaderStyle(
        columns=(
            ("case_no", "案号"),
            ("court", "经办法院"),
            ("cause", "案由"),
            ("filing_date", "立案日期"),
            ("closing_date", "结案日期"),
            ("closing_method", "结案方式"),
            ("plaintiffs", "原告"),
            ("defendants", "被告"),
            ("third_parties", "第三人"),
            ("agents", "委托诉讼代理人"),
            ("claim_amount", "标的额"),
            ("service_method", "送达方式"),
            ("judge", "承办法官"),
            ("full_text", "裁判文书全文"),
        ),
        dates=("excel", "cn"),
        amounts=("number", "plain"),
        mixed=0.03,
        party_sep=("、",),
        party_prefix=False,
        with_id=0.0,
        with_address=0.0,
        agent_style=1,
        messy_case_no=0.0,
    ),
    "court_b": HeaderStyle(
        columns=(
            ("case_no", "案件字号"),
            ("court", "审理法院"),
            ("cause", "案件案由"),
            ("procedure", "适用程序"),
            ("filing_date", "收案日期"),
            ("closing_date", "结案时间"),
            ("closing_method", "审结方式"),
            ("plaintiffs", "原告（申请人）"),
            ("defendants", "被告（被申请人）"),
            ("agents", "诉讼代理人"),
            ("claim_amount", "诉讼标的金额（元）"),
            ("service_method", "文书送达方式"),
            ("judge", "审判员"),
            ("full_text", "判决书内容"),
        ),
        dates=("cn", "slash"),
        amounts=("comma", "plain"),
        mixed=0.05,
        party_sep=("；", "，"),
        party_prefix=False,
        with_id=0.8,
        with_address=0.0,
        agent_style=2,
        messy_case_no=0.02,
    ),
    "court_c": HeaderStyle(
        columns=(
            ("case_no", "案件编号"),
            ("court", "法院名称"),
            ("cause", "案由"),
            ("procedure", "审理程序"),
            ("doc_type", "文书类型"),
            ("filing_date", "立案时间"),
            ("closing_date", "结案日期"),
            ("closing_method", "结案方式"),
            ("plaintiffs", "当事人（原告）"),
            ("defendants", "当事人（被告）"),
            ("third_parties", "第三人"),
            ("agents", "代理人"),
            ("claim_amount", "涉案金额"),
            ("service_method", "送达方式"),
            ("judge", "主审法官"),
            ("full_text", "文书正文"),
        ),
        dates=("dash", "compact"),
        amounts=("wan", "plain"),
        mixed=0.08,
        party_sep=("\n",),
        party_prefix=True,
        with_id=0.3,
        with_address=0.6,
        agent_style=2,
        messy_case_no=0.05,
    ),
    "court_d": HeaderStyle(
        columns=(
            ("case_no", "案号"),
            ("cause", "案由"),
            ("filing_date", "起诉日期"),
            ("closing_date", "结案日期"),
            ("closing_method", "处理结果"),
            ("plaintiffs", "原告"),
            ("defendants", "被告"),
            ("agents", "代理人"),
            ("claim_amount", "金额"),
            ("service_method", "送达"),
            ("judge", "法官"),
            ("full_text", "判决书"),
        ),
        dates=("slash", "cn", "compact", "serial", "dash"),
        amounts=("plain", "upper", "wan", "comma"),
        mixed=0.5,
        party_sep=("，", "、", "；", ","),
        party_prefix=False,
        with_id=0.1,
        with_address=0.1,
        agent_style=0,
        messy_case_no=0.25,
        serial_column=True,
    ),
}

# List columns: field -> header, in two vocabularies per list kind.
LIST_STYLES: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    "DeathRecord": {
        "a": (
            ("name", "姓名"),
            ("id_number", "公民身份号码"),
            ("gender", "性别"),
            ("birth_date", "出生日期"),
            ("death_date", "死亡日期"),
            ("cancel_date", "户籍注销日期"),
            ("address", "户籍地址"),
            ("source", "信息来源"),
        ),
        "b": (
            ("name", "死者姓名"),
            ("id_number", "身份证号"),
            ("gender", "性别"),
            ("death_date", "死亡时间"),
            ("address", "住址"),
            ("source", "数据来源"),
        ),
    },
    "PensionPayment": {
        "a": (
            ("name", "姓名"),
            ("id_number", "身份证号码"),
            ("month", "发放年月"),
            ("pay_date", "发放日期"),
            ("amount", "发放金额"),
            ("insurance_type", "险种"),
            ("status", "发放状态"),
        ),
        "b": (
            ("name", "领取人姓名"),
            ("id_number", "公民身份号码"),
            ("month", "待遇所属期"),
            ("amount", "实发金额（元）"),
            ("insurance_type", "参保险种"),
            ("status", "状态"),
        ),
    },
    "DrunkDrivingConviction": {
        "a": (
            ("name", "被告人"),
            ("id_number", "身份证号码"),
            ("gender", "性别"),
            ("birth_date", "出生日期"),
            ("case_no", "案号"),
            ("court", "审判法院"),
            ("judgment_date", "判决日期"),
            ("sentence", "判处刑罚"),
            ("blood_alcohol", "血液酒精含量（mg/100ml）"),
        ),
        "b": (
            ("name", "姓名"),
            ("id_number", "公民身份号码"),
            ("case_no", "判决书案号"),
            ("judgment_date", "宣判日期"),
            ("sentence", "刑罚"),
        ),
    },
    "DriverLicence": {
        "a": (
            ("file_no", "档案编号"),
            ("name", "姓名"),
            ("id_number", "身份证明号码"),
            ("licence_class", "准驾车型"),
            ("first_issue_date", "初次领证日期"),
            ("status", "驾驶证状态"),
            ("status_date", "状态变更日期"),
        ),
        "b": (
            ("name", "驾驶人姓名"),
            ("id_number", "驾驶证号"),
            ("licence_class", "准驾车型"),
            ("status", "状态"),
            ("status_date", "状态日期"),
            ("file_no", "档案号"),
        ),
    },
}
