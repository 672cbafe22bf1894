"""The whole workflow through the CLI: demo data → clues → confirm → draft → register → reply."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm

from core.cli import main
from core.demo import load_demo
from core.workspace import open_workspace


@pytest.fixture(scope="module")
def demo_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "ws"
    ws = open_workspace(folder)
    load_demo(ws)
    ws.close()
    return folder


@pytest.fixture
def ws_dir(demo_base: Path, tmp_path: Path) -> str:
    target = tmp_path / "ws"
    shutil.copytree(demo_base, target)
    return str(target)


def cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_confirm_draft_register_and_reply(ws_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clues = cli_json(capsys, "--workspace", ws_dir, "clues", "list", "--model", "social.pension_after_death", "--json")
    assert isinstance(clues, list) and len(clues) >= 2
    picked = [str(c["id"]) for c in clues[:2]]
    for cid in picked:
        assert main(["--workspace", ws_dir, "clues", "set-status", cid, "reviewing"]) == 0
        assert main(["--workspace", ws_dir, "clues", "set-status", cid, "已核实", "--reason", "经核查属实"]) == 0
    assert main(["--workspace", ws_dir, "settings", "set", "procuratorate", "示例县人民检察院"]) == 0
    assert main(["--workspace", ws_dir, "settings", "set", "procuratorate_abbr", "示"]) == 0
    fields = tmp_path / "fields.json"
    fields.write_text(json.dumps({"suggestions": ["建立死亡人员信息与养老金发放数据的定期比对机制", "追回多发的养老金"],
                                  "date": "2026-11-23"}, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "建议书.docx"
    capsys.readouterr()
    args = ["--workspace", ws_dir, "draft", "--template", "社会治理检察建议书", "--recipient", "示例县人力资源和社会保障局",
            "--fields", str(fields), "-o", str(out)]
    for cid in picked:
        args += ["--clue", cid]
    assert main(args) == 0
    assert "示检" in capsys.readouterr().out
    doc = Document(str(out))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "示检民建〔2026〕1号" in body and "示例县人力资源和社会保障局" in body
    assert "两个月" in body or "2个月" in body
    annex = "\n".join(cell.text for t in doc.tables for row in t.rows for cell in row.cells)
    shown = [c for c in clues[:2]]
    for clue in shown:
        for case_no in clue["case_nos"]:
            assert case_no in annex
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.top_margin - Mm(37)) < Mm(1)
    after = cli_json(capsys, "--workspace", ws_dir, "clues", "list", "--status", "suggestion_issued", "--json")
    assert sorted(str(c["id"]) for c in after) == sorted(picked)
    register = cli_json(capsys, "--workspace", ws_dir, "suggestions", "list", "--json")
    assert [r["number"] for r in register] == ["示检民建〔2026〕1号"]
    assert register[0]["due_on"] == "2027-01-23"
    assert main(["--workspace", ws_dir, "suggestions", "reply", "示检民建〔2026〕1号", "--date", "2027-01-10"]) == 0
    again = cli_json(capsys, "--workspace", ws_dir, "suggestions", "list", "--json")
    assert again[0]["status"] == "replied"


def test_drafting_refuses_without_settings_and_numbers_nothing(ws_dir: str, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    clues = cli_json(capsys, "--workspace", ws_dir, "clues", "list", "--json")
    out = tmp_path / "x.docx"
    code = main(["--workspace", ws_dir, "draft", "--clue", str(clues[0]["id"]), "--template", "再审检察建议书",
                 "--recipient", "示例县人民法院", "-o", str(out)])
    assert code == 2 and "本院名称" in capsys.readouterr().err
    assert not out.exists()
    assert cli_json(capsys, "--workspace", ws_dir, "suggestions", "list", "--json") == []


def test_templates_list_json(ws_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    items = cli_json(capsys, "--workspace", ws_dir, "templates", "list", "--json")
    assert {"社会治理检察建议书", "再审检察建议书", "线索移送函"} <= {t["name"] for t in items}
    assert all(set(t) >= {"name", "kind", "path"} for t in items)
