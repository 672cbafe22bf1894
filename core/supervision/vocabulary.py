"""The words a model spec may use for case fields, flags, roles and list fields, with Chinese labels."""

from __future__ import annotations

ROLES = {
    "plaintiff": "原告",
    "defendant": "被告",
    "third_party": "第三人",
    "agent": "委托诉讼代理人",
}

# case field -> (label, type); "duration_days" and "principal_amount" are derived/feature columns
CASE_FIELDS: dict[str, tuple[str, str]] = {
    "case_no": ("案号", "text"),
    "court": ("法院", "text"),
    "cause": ("案由", "text"),
    "procedure": ("审理程序", "text"),
    "doc_type": ("文书类型", "text"),
    "case_type": ("案件类型", "text"),
    "closing_method": ("结案方式", "text"),
    "service_method": ("送达方式", "text"),
    "judge": ("承办法官", "text"),
    "claim_amount": ("标的额", "number"),
    "principal_amount": ("借款本金", "number"),
    "filing_date": ("立案日期", "date"),
    "closing_date": ("结案日期", "date"),
    "duration_days": ("立案至结案天数", "number"),
}

# case_flags column -> (label when true, label when false, the case_features names that evidence it)
FLAGS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "mediation": ("调解结案", "非调解结案", ("mediation",)),
    "default_judgment": ("缺席判决", "非缺席判决", ("default_judgment",)),
    "notice_service": ("公告送达", "未公告送达", ("notice_service",)),
    "self_admission": ("被告自认", "被告未自认", ("self_admission",)),
    "no_defence": ("被告未答辩", "被告已答辩", ("no_defence",)),
    "iou_only": ("仅有借条等凭证、无转账记录", "有转账等付款记录", ("iou_only",)),
    "cash_delivery": ("现金交付", "非现金交付", ("cash_delivery",)),
    "defendant_appeared": ("被告到庭", "被告未到庭", ("appeared", "absent")),
    "plaintiff_appeared": ("原告到庭", "原告未到庭", ("appeared", "absent")),
    "related": ("当事人之间有亲友等关系", "当事人之间未见亲友关系", ("relationship",)),
}
# which party an appearance flag is about (case_features.party)
FLAG_PARTY = {"defendant_appeared": "defendant", "plaintiff_appeared": "plaintiff"}

# case_features names a condition may test directly (with an optional party), and labels
FEATURES = {
    "mediation": "调解结案",
    "default_judgment": "缺席判决",
    "notice_service": "公告送达",
    "self_admission": "自认",
    "no_defence": "未答辩",
    "iou_only": "仅有借条",
    "cash_delivery": "现金交付",
    "appeared": "到庭",
    "absent": "未到庭",
    "relationship": "当事人之间的关系",
}
FEATURE_PARTIES = {
    "plaintiff": "原告",
    "defendant": "被告",
    "plaintiff-defendant": "原告与被告之间",
    "defendant-defendant": "被告之间",
}

# list_records field -> (label, type)
LIST_FIELDS: dict[str, tuple[str, str]] = {
    "name": ("姓名", "text"),
    "id_number": ("公民身份号码", "text"),
    "birth_date": ("出生日期", "date"),
    "gender": ("性别", "text"),
    "event_date": ("事件日期", "date"),
    "amount": ("金额", "number"),
    "status": ("状态", "text"),
    "address": ("住址", "text"),
    "case_no": ("案号", "text"),
}

CATEGORIES = ("民事", "刑事", "行政", "公益诉讼")
KINDS = {
    "case_screen": "案件筛查",
    "entity_frequency": "主体频次",
    "case_link": "案件关联",
    "list_collision": "名单碰撞",
}
SUBJECTS = {"case": "案件", "case_pair": "关联案件", "entity": "主体", "person": "人员"}
