"""Seeded case spreadsheets for the desktop tests: features that fire, bad and duplicate rows."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

HEADERS = [
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
# Headers a court system might export that the lexicon only half recognises.
ODD_HEADERS = [
    "案件编码",
    "法院名称",
    "案由",
    "立案日期",
    "结案日期",
    "审结情况",
    "原告",
    "被告",
    "代理人",
    "标的额",
    "送达方式",
    "主审人",
    "裁判文书全文",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国"
COURTS = ["浙江省义乌市人民法院", "浙江省东阳市人民法院", "浙江省永康市人民法院"]
CAUSES = ["民间借贷纠纷", "买卖合同纠纷", "离婚纠纷", "机动车交通事故责任纠纷"]
METHODS = ["判决", "调解", "撤诉"]
SERVICE = ["直接送达", "邮寄送达", "公告送达"]
LENDER = "李强"  # sues often: a professional-lender pattern


def name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def judgment(
    rng: random.Random,
    plaintiff: str,
    defendant: str,
    cause: str,
    method: str,
    service: str,
    amount: int,
) -> str:
    """Return a short judgment text whose wording fires the features the row implies."""
    parts = [
        f"原告{plaintiff}与被告{defendant}{cause}一案，本院于立案后依法适用简易程序进行了审理。"
    ]
    parts.append(f"原告{plaintiff}诉称：被告于前年向原告借款{amount}元，约定一年内归还，至今未还。")
    if rng.random() < 0.5:
        parts.append("原告为证明其主张，提交了借条一份，借款以现金方式交付。")
    else:
        parts.append("原告提交了借条及银行转账凭证。")
    if service == "公告送达":
        parts.append("因被告下落不明，本院依法向被告公告送达起诉状副本及开庭传票。")
    if method == "调解":
        parts.append("本案经本院主持调解，双方当事人自愿达成如下协议：被告于三个月内归还借款。")
    elif rng.random() < 0.4:
        parts.append("被告经本院传票传唤，无正当理由拒不到庭，本院依法缺席判决。")
    else:
        parts.append(f"被告{defendant}辩称：对原告主张的借款事实无异议，但现无力偿还。")
    parts.append(
        "本院认为，合法的借贷关系受法律保护。判决如下：被告于本判决生效之日起十日内归还借款。"
    )
    return "".join(parts)


def case_rows(
    n: int, seed: int = 7, year: int = 2023, court_code: str = "浙0782"
) -> list[list[Any]]:
    """Return ``n`` rows in HEADERS order; every 25th row has no case number."""
    rng = random.Random(seed)
    rows: list[list[Any]] = []
    for i in range(1, n + 1):
        filed = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(330))
        closed = filed + dt.timedelta(days=rng.randrange(5, 90))
        plaintiff = LENDER if i % 4 == 0 else name(rng)
        defendant = name(rng)
        cause = CAUSES[0] if i % 3 else rng.choice(CAUSES)
        method = rng.choice(METHODS)
        service = rng.choice(SERVICE)
        amount = rng.randrange(1, 40) * 10000
        case_no = f"（{year}）{court_code}民初{i}号" if i % 25 else ""
        rows.append(
            [
                case_no,
                rng.choice(COURTS),
                cause,
                filed.isoformat(),
                closed.isoformat(),
                method,
                plaintiff,
                defendant,
                "" if rng.random() < 0.7 else f"{name(rng)}，浙江某律师事务所律师",
                f"{amount}元",
                service,
                name(rng),
                judgment(rng, plaintiff, defendant, cause, method, service, amount),
            ]
        )
    return rows


def write_cases_xlsx(
    path: Path, n: int, seed: int = 7, headers: list[str] | None = None, year: int = 2023
) -> Path:
    from tests.conftest import write_xlsx

    return write_xlsx(path, headers or HEADERS, case_rows(n, seed, year), title="民事案件导出表")


def write_cases_csv(path: Path, n: int, seed: int = 7, year: int = 2023) -> Path:
    from tests.conftest import write_csv

    return write_csv(path, HEADERS, case_rows(n, seed, year))
