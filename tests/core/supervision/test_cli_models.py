"""The ``models``, ``run`` and ``clues`` commands, driven like the clueworks CLI drives them."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from core.cli_models import register
from core.errors import UserError
from core.workspace import Workspace


def cli(capsys: pytest.CaptureFixture[str], ws: Workspace | Path | None, *argv: str) -> str:
    parser = argparse.ArgumentParser(prog="clueworks")
    parser.add_argument("--workspace")
    register(parser.add_subparsers(dest="command", required=True))
    root = ws.root if isinstance(ws, Workspace) else ws
    args = parser.parse_args([*(["--workspace", str(root)] if root else []), *argv])
    capsys.readouterr()
    assert args.func(args) == 0
    return capsys.readouterr().out


def as_json(capsys: pytest.CaptureFixture[str], ws: Any, *argv: str) -> Any:
    return json.loads(cli(capsys, ws, *argv, "--json"))


def test_models_list_show_export_import(
    capsys: pytest.CaptureFixture[str], workspace: Workspace, tmp_path: Path
) -> None:
    listed = as_json(capsys, workspace, "models", "list")
    assert len(listed) == 8 and {"id", "version", "name", "kind", "rule_text"} <= set(listed[0])
    text = cli(capsys, workspace, "models", "show", "lending.professional_lender")
    assert "法律依据" in text and "已知误报" in text and "jiangsu_2019" in text
    out = tmp_path / "exp" / "m.yaml"
    cli(capsys, workspace, "models", "export", "lending.professional_lender", "-o", str(out))
    doc = yaml.safe_load(out.read_text(encoding="utf-8"))
    doc["model"]["id"] = "user.lender"
    out.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with pytest.raises(UserError, match="校验值不符"):
        cli(capsys, workspace, "models", "import", str(out))


def test_run_and_work_the_clues(
    capsys: pytest.CaptureFixture[str], planted: Workspace, tmp_path: Path
) -> None:
    report = as_json(
        capsys,
        planted,
        "run",
        "--model",
        "social.pension_after_death",
        "--model",
        "lending.false_litigation",
    )
    assert [m["model_id"] for m in report["models"]] == [
        "social.pension_after_death",
        "lending.false_litigation",
    ]
    assert report["clues"]["new"] == 7
    clues = as_json(capsys, planted, "clues", "list", "--model", "social.pension_after_death")
    assert len(clues) == 3 and all(c["subject_type"] == "person" for c in clues)
    first = clues[0]["id"]
    shown = cli(capsys, planted, "clues", "show", str(first))
    assert "死亡人员冒领养老金" in shown and "处理记录" in shown
    cli(capsys, planted, "clues", "set-status", str(first), "reviewing")
    with pytest.raises(UserError, match="须写明理由"):
        cli(capsys, planted, "clues", "set-status", str(first), "dismissed")
    cli(capsys, planted, "clues", "set-status", str(first), "已排除", "--reason", "已追回")
    cli(capsys, planted, "clues", "annotate", str(first), "社保中心已追回全部款项")
    detail = as_json(capsys, planted, "clues", "show", str(first))
    assert detail["status"] == "dismissed" and detail["notes"][0]["text"].startswith("社保中心")
    assert [h["to_value"] for h in detail["history"] if h["action"] == "status"] == [
        "reviewing",
        "dismissed",
    ]
    assert as_json(capsys, planted, "clues", "list", "--status", "dismissed")[0]["id"] == first
    out = tmp_path / "all.json"
    cli(capsys, planted, "clues", "export", "--format", "json", "-o", str(out))
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 7
    precision = as_json(capsys, planted, "clues", "precision")
    pension = next(p for p in precision if p["model_id"] == "social.pension_after_death")
    assert pension["dismissed"] == 1 and pension["dismissal_reasons"] == {"已追回": 1}


def test_run_with_inputs(capsys: pytest.CaptureFixture[str], planted: Workspace) -> None:
    with pytest.raises(UserError, match="--input 参数格式"):
        cli(capsys, planted, "run", "--input", "left")
    with pytest.raises(UserError, match="没有编号为 999 的数据集"):
        cli(
            capsys,
            planted,
            "run",
            "--model",
            "traffic.drunk_driving_licence",
            "--input",
            "left=999",
        )
    report = as_json(
        capsys,
        planted,
        "run",
        "--model",
        "traffic.drunk_driving_licence",
        "--input",
        "traffic.drunk_driving_licence:right=6",
    )
    assert report["models"][0]["datasets"]["right"] == [6]
