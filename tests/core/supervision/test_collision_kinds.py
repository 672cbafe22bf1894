"""List collisions a user builds: inside an interval from the other list, days apart, fuzzy names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core.clues.queries import ClueFilter, list_clues
from core.ingest.pipeline import import_file
from core.ingest.plan import ImportOptions
from core.supervision.catalogue import save_user_model
from core.supervision.runner import run_models
from core.workspace import Workspace
from tests.conftest import write_csv

A = "330799195001011238"  # paid while in custody
B = "33079919520202000X"  # paid only after release


def _spec(model_id: str, rule: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": model_id,
        "version": 1,
        "name": "羁押期间领取养老金",
        "category": "行政",
        "kind": "list_collision",
        "summary": "测试",
        "description": "测试用碰撞模型。",
        "inputs": [
            {"role": "left", "kind": "list", "list_type": "other", "label": "羁押人员名单"},
            {
                "role": "right",
                "kind": "list",
                "list_type": "pension_payments",
                "label": "养老金发放名单",
            },
        ],
        "rule": rule,
        "clue": {"title": "{name}：{count}条"},
    }


@pytest.fixture
def lists(workspace: Workspace, tmp_path: Path) -> dict[str, int]:
    custody = write_csv(
        tmp_path / "羁押人员.csv",
        ["姓名", "身份证号", "出生日期", "羁押日期", "释放日期"],
        [
            ["张三", A, "1950-01-01", "2023-03-01", "2023年6月30日"],
            ["李四", B.lower(), "1952-02-02", "2023-01-01", "2023-02-01"],
            ["王小明", "", "1940-05-05", "2023-01-01", "2023-12-31"],
        ],
    )
    pensions = write_csv(
        tmp_path / "养老金发放.csv",
        ["姓名", "身份证号码", "出生日期", "发放年月", "发放金额"],
        [
            *[["张三", A, "1950-01-01", f"2023-{m:02d}", "3000"] for m in range(2, 9)],
            *[["李四", B, "1952-02-02", f"2023-{m:02d}", "3000"] for m in range(3, 5)],
            ["王晓明", "", "1940-05-05", "2023-03", "2000"],
        ],
    )
    opts = ImportOptions(kind="list", list_type="other", mapping={"event_date": "羁押日期"})
    left = import_file(workspace, custody, opts).dataset_id
    right = import_file(workspace, pensions, ImportOptions(kind="list")).dataset_id
    assert left is not None and right is not None
    return {"left": left, "right": right}


def _persons(ws: Workspace, model_id: str) -> list[str]:
    return sorted(
        p["name"] for c in list_clues(ws, ClueFilter(model_ids=[model_id])) for p in c.persons
    )


def test_within_an_interval_from_the_other_list(
    workspace: Workspace, lists: dict[str, int]
) -> None:
    save_user_model(
        workspace,
        _spec(
            "user.custody",
            {
                "match": {"key": "id_number"},
                "date": {"type": "within", "end_field": "extra.释放日期"},
            },
        ),
    )
    report = run_models(workspace, ["user.custody"], inputs={"left": [lists["left"]]})
    assert report.outcomes[0].datasets == {"left": [lists["left"]], "right": [lists["right"]]}
    clues = list_clues(workspace)
    assert _persons(workspace, "user.custody") == ["张三"]
    assert "4条" in clues[0].title  # March to June, inside 2023-03-01 … 2023年6月30日


def test_days_apart(workspace: Workspace, lists: dict[str, int]) -> None:
    save_user_model(
        workspace,
        _spec(
            "user.apart", {"match": {"key": "id_number"}, "date": {"type": "apart", "days": 100}}
        ),
    )
    run_models(workspace, ["user.apart"], inputs={"left": [lists["left"]]})
    assert _persons(workspace, "user.apart") == ["张三"]  # 李四's rows are 59 and 90 days apart


@pytest.mark.parametrize(("fuzzy", "expected"), [(False, []), (True, ["王小明"])])
def test_name_and_birth_date_key(
    workspace: Workspace, lists: dict[str, int], fuzzy: bool, expected: list[str]
) -> None:
    save_user_model(
        workspace,
        _spec(
            "user.names",
            {
                "match": {"key": "name_birth", "fuzzy_names": fuzzy, "name_similarity": 60},
                "date": {"type": "after"},
            },
        ),
    )
    run_models(workspace, ["user.names"], inputs={"left": [lists["left"]]})
    names = _persons(workspace, "user.names")
    # 张三 and 李四 match by exact name and birth date too; the fuzzy key adds 王小明/王晓明
    assert [n for n in names if n.startswith("王")] == expected
    assert {"张三", "李四"} <= set(names)
