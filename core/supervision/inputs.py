"""Which datasets a model reads: by list type by default, or as the user says."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select

from core.errors import UserError
from core.supervision.conditions import DATASETS
from core.supervision.spec import ModelSpec

# role -> dataset ids; a key "model.id:role" applies to that model only
Inputs = Mapping[str, Sequence[int]]


@dataclass(frozen=True)
class Selection:
    """The datasets chosen per input role, or why the model cannot run."""

    datasets: dict[str, list[int]]
    all_cases: bool  # the "cases" role reads every case dataset
    missing: str | None


def parse_input_args(items: Sequence[str]) -> dict[str, list[int]]:
    """Return ``ROLE=ID`` (or ``MODEL:ROLE=ID``) arguments as role -> dataset ids."""
    out: dict[str, list[int]] = {}
    for item in items:
        role, sep, value = item.partition("=")
        if not sep or not role.strip() or not value.strip().isdigit():
            raise UserError(f"--input 参数格式应为 角色=数据集编号（如 left=3），收到：{item}")
        out.setdefault(role.strip(), []).append(int(value))
    return out


def select_inputs(conn: Connection, spec: ModelSpec, given: Inputs | None = None) -> Selection:
    """Return the datasets each of the model's inputs reads."""
    rows = conn.execute(
        select(DATASETS.c.id, DATASETS.c.kind, DATASETS.c.list_type, DATASETS.c.file_name).order_by(
            DATASETS.c.id
        )
    ).all()
    known = {r.id: r for r in rows}
    given = given or {}
    chosen: dict[str, list[int]] = {}
    all_cases = False
    for inp in spec.inputs:
        ids = list(given.get(f"{spec.id}:{inp.role}", given.get(inp.role, [])))
        for i in ids:
            if i not in known:
                raise UserError(
                    f"没有编号为 {i} 的数据集（模型“{spec.name}”的输入“{inp.label}”）。"
                )
            want = "cases" if inp.kind == "cases" else "list"
            if known[i].kind != want:
                kind = "案件" if want == "cases" else "名单"
                raise UserError(
                    f"数据集 {i}（{known[i].file_name}）不是{kind}数据，"
                    f"不能作为模型“{spec.name}”的“{inp.label}”。"
                )
        if not ids:
            if inp.kind == "cases":
                ids = [r.id for r in rows if r.kind == "cases"]
                all_cases = True
            else:
                ids = [r.id for r in rows if r.kind == "list" and r.list_type == inp.list_type]
        if not ids:
            what = "案件数据" if inp.kind == "cases" else f"{inp.label}（名单类型 {inp.list_type}）"
            return Selection(
                chosen,
                all_cases,
                f"工作区中没有{what}；请先导入，或用 --input {inp.role}=数据集编号 指定",
            )
        chosen[inp.role] = ids
    return Selection(chosen, all_cases, None)
