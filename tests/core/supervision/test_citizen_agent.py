"""The citizen-agent model on real imports: lawyers and legal service workers whose firm the
cell does not name are not citizen agents; relatives, employees and 公民代理 still are."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, insert, select

from core.analysis import analyse_workspace
from core.clues.queries import ClueFilter, list_clues
from core.ingest.normalise.party_lexicon import legal_professional_words
from core.ingest.pipeline import import_file
from core.ingest.plan import ImportOptions
from core.supervision.conditions import PARTIES
from core.supervision.frequency import citizen_agent
from core.supervision.runner import run_models
from core.workspace import Workspace
from tests.conftest import write_csv

MODEL = "agent.frequent_citizen_agent"
# Each agent cell is used in five cases for five plaintiffs of different surnames (the model's
# default: five cases and five such principals within 24 months).
PLAINTIFF_SURNAMES = "陈杨黄吴徐"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"

CITIZENS = {
    "张卫国（原告之子）": "张卫国",
    "林建华，员工": "林建华",
    "何志强（示例县某某贸易有限公司员工）": "何志强",
    "罗文斌（公民代理）": "罗文斌",
    "高小明（公民代理，非律师）": "高小明",
    "梁大成": "梁大成",
}
LEGAL_PROFESSIONALS = {
    "王立新（律师）": "王立新",
    "赵永刚 律师": "赵永刚",
    "钱学文(执业律师)": "钱学文",
    "孙红梅，法律工作者": "孙红梅",
    "周海涛（浙江某律所）": "周海涛",
    "郑国庆（浙江某某律师事务所）、吴秀英，该所律师": "吴秀英",
    "冯志伟、韩丽（浙江某某律师事务所律师）": "冯志伟",
    "浙江某某律师事务所律师曹建军": "曹建军",
    "马明（浙江甲律师事务所）；朱亮（义乌市某某法律服务所）": "朱亮",
    "胡军，系示例县城关镇法律服务所法律工作者": "胡军",
}


@pytest.fixture
def flagged(workspace: Workspace, tmp_path: Path) -> set[str]:
    """Import the cases, analyse, run the model; return the names it flags."""
    rows = []
    for n, agent in enumerate([*CITIZENS, *LEGAL_PROFESSIONALS]):
        for k, surname in enumerate(PLAINTIFF_SURNAMES):
            case_no = f"（2023）浙0799民初{n * 10 + k + 1}号"
            plaintiff = f"{surname}{GIVEN[n]}{GIVEN[k]}"
            rows.append([case_no, f"2023-0{k + 1}-1{n % 10}", "民间借贷纠纷", plaintiff, "被告某", agent])
    path = write_csv(
        tmp_path / "案件.csv", ["案号", "立案日期", "案由", "原告", "被告", "委托诉讼代理人"], rows
    )
    import_file(workspace, path, ImportOptions(kind="cases"))
    analyse_workspace(workspace)
    run_models(workspace, [MODEL])
    return {
        p["name"] for c in list_clues(workspace, ClueFilter(model_ids=[MODEL])) for p in c.persons
    }


def test_citizen_agents_are_flagged_and_lawyers_without_a_named_firm_are_not(
    flagged: set[str],
) -> None:
    assert flagged == set(CITIZENS.values())


@settings(max_examples=100)
@given(
    st.lists(
        st.sampled_from(["王五", "（", "）", "，", "律师", "非律师", "律所", "法律工作者", "原告之子", "员工", "%", "_"]),
        max_size=6,
    ).map("".join)
)
def test_the_model_reads_raw_as_the_lexicon_does(raw: str) -> None:
    """The SQL condition and LegalProfessionalWords.matches agree on any agent text."""
    engine = create_engine("sqlite://")
    PARTIES.create(engine)
    with engine.begin() as conn:
        conn.execute(insert(PARTIES).values(id=1, name="王五", name_key="王五", kind="person", raw=raw))
        p = PARTIES.alias("p")
        citizen = conn.execute(select(p.c.id).where(*citizen_agent(p))).first() is not None
    assert citizen == (not legal_professional_words().matches(raw))
