"""Seeded draft fields and helpers to read a rendered .docx, for the drafting tests."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

from core.drafting.fields import AnnexCase, DraftFields

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"
CAUSES = ("民间借贷纠纷", "金融借款合同纠纷", "买卖合同纠纷", "离婚纠纷", "劳务合同纠纷")
METHODS = ("判决", "调解", "撤诉", "驳回")
PROBLEMS = (
    "同一原告短期内集中起诉，借条格式雷同",
    "被告下落不明即适用公告送达",
    "调解协议约定利息超过法定上限",
    "当事人自认借款事实但无资金往来凭证",
)
DRAFT_DAY = date(2026, 11, 23)


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def make_cases(count: int, seed: int = 7) -> list[AnnexCase]:
    """Return ``count`` annex rows with distinct case numbers."""
    rng = random.Random(seed)
    cases = []
    for index in range(count):
        year = rng.choice((2023, 2024, 2025))
        cases.append(
            AnnexCase(
                case_no=f"（{year}）浙0782民初{1000 + index}号",
                cause=rng.choice(CAUSES),
                parties=f"原告：{person(rng)}\n被告：{person(rng)}",
                closing_method=rng.choice(METHODS),
                problem=rng.choice(PROBLEMS),
            )
        )
    return cases


def make_fields(case_count: int = 5, **overrides: Any) -> DraftFields:
    """Return complete draft fields with ``case_count`` annex rows."""
    values: dict[str, Any] = {
        "procuratorate": "浙江省义乌市人民检察院",
        "procuratorate_abbr": "义",
        "doc_number": "义检民建〔2026〕3号",
        "recipient": "义乌市人民法院",
        "date": DRAFT_DAY,
        "origin": "本院在履行民事诉讼监督职责中，对辖区法院近三年审结的民间借贷案件开展专项筛查。",
        "facts": (
            "经审查查明：2023年至2025年间，同一出借人先后提起民间借贷诉讼四十余件。\n"
            "\n"
            "上述案件多数以调解结案，借条金额多为整数 & 利率约定接近上限 <见附件>。"
        ),
        "problems": "上述案件反映出以下问题：\n一、立案审查不够严格。同一原告集中起诉未被识别。\n（二）送达程序不够规范。部分案件径行公告送达。",
        "conclusion": "为规范民间借贷案件审理，",
        "suggestions": ["一、加强立案审查，建立职业放贷人名录。", "规范送达程序。"],
        "cc": "金华市人民检察院",
        "cases": make_cases(case_count),
    }
    values.update(overrides)
    return DraftFields(**values)


W_T = qn("w:t")


def paragraph_text(paragraph: Any) -> str:
    return "".join(t.text or "" for t in paragraph.iter(W_T))


def body_texts(path: Path) -> list[str]:
    """Return the text of every paragraph of the body, tables excluded."""
    document = docx.Document(str(path))
    return [paragraph_text(p) for p in document.element.body.iterchildren(qn("w:p"))]


def table_rows(path: Path) -> list[list[str]]:
    """Return the cell texts of every row of the first table."""
    document = docx.Document(str(path))
    table = document.tables[0]
    return [[cell.text for cell in row.cells] for row in table.rows]


def all_runs(path: Path) -> Iterator[tuple[str, Any]]:
    """Yield (story name, run element) for every run in the body, headers and footers."""
    document = docx.Document(str(path))
    for run in document.element.body.iter(qn("w:r")):
        yield "body", run
    for section in document.sections:
        for name in ("footer", "even_page_footer", "header"):
            part = getattr(section, name)
            if not part.is_linked_to_previous:
                for run in part._element.iter(qn("w:r")):
                    yield name, run


def east_asia(run: Any) -> str | None:
    rfonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    return None if rfonts is None else rfonts.get(qn("w:eastAsia"))
