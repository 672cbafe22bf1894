"""Small hand-made case rows in two offices' header styles, for import tests."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

HEADERS_A = [
    "序号",
    "案件字号",
    "审理法院",
    "案件案由",
    "收案日期",
    "结案时间",
    "审结方式",
    "原告（申请人）",
    "被告（被申请人）",
    "委托诉讼代理人",
    "诉讼标的金额（元）",
    "文书送达方式",
    "承办法官",
    "判决书内容",
    "备注",
]
HEADERS_B = [
    "案号",
    "法院名称",
    "案由",
    "立案日期",
    "结案日期",
    "结案方式",
    "原告",
    "被告",
    "代理人",
    "标的额",
    "送达方式",
    "审判员",
    "裁判文书全文",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国"
CAUSES = ["民间借贷纠纷", "买卖合同纠纷", "离婚纠纷", "机动车交通事故责任纠纷", "金融借款合同纠纷"]
METHODS = ["判决", "调解", "撤诉", "驳回起诉"]
SERVICE = ["直接送达", "邮寄送达", "公告送达", "电子送达"]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def case_rows(n: int, seed: int = 1, style: str = "A", year: int = 2023) -> list[list[Any]]:
    """Return ``n`` rows in header style A (with 序号 and 备注) or B."""
    rng = random.Random(seed)
    rows: list[list[Any]] = []
    for i in range(1, n + 1):
        filed = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(300))
        closed = filed + dt.timedelta(days=rng.randrange(10, 90))
        plaintiff, defendant = _name(rng), _name(rng)
        amount = rng.randrange(1, 50) * 10000
        cause = rng.choice(CAUSES)
        method = rng.choice(METHODS)
        text = (
            f"原告{plaintiff}与被告{defendant}{cause}一案，本院立案后依法适用简易程序公开开庭进行了审理。"
            f"原告{plaintiff}诉称：被告向原告借款{amount}元未还。" * 3
        )
        date_forms = [
            f"{filed.year}年{filed.month}月{filed.day}日",
            filed.strftime("%Y/%m/%d").replace("/0", "/"),
            filed.isoformat(),
            filed.strftime("%Y%m%d"),
        ]
        filed_cell = date_forms[i % 4]
        amount_cell = [str(amount), f"{amount:,.2f}元", f"{amount // 10000}万元"][i % 3]
        if style == "A":
            case_no = f"({year}) 浙0782民初{i}号" if i % 5 == 0 else f"（{year}）浙0782民初{i}号"
            rows.append(
                [
                    str(i),
                    case_no,
                    "浙江省义乌市人民法院",
                    cause,
                    filed_cell,
                    closed.isoformat(),
                    method,
                    f"原告：{plaintiff}",
                    f"{defendant}、{_name(rng)}",
                    f"{_name(rng)}，浙江某某律师事务所律师",
                    amount_cell,
                    rng.choice(SERVICE),
                    _name(rng),
                    text,
                    "",
                ]
            )
        else:
            rows.append(
                [
                    f"（{year}）浙0783民初{i}号",
                    "浙江省东阳市人民法院",
                    cause,
                    filed_cell,
                    closed.isoformat(),
                    method,
                    plaintiff,
                    defendant,
                    "",
                    amount_cell,
                    rng.choice(SERVICE),
                    _name(rng),
                    text,
                ]
            )
    return rows
