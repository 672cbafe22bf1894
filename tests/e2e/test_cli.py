"""The clueworks command line, run in-process, with the JSON shapes scripts depend on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import main
from tests.conftest import write_csv, write_xlsx
from tests.core.ingest.casedata import HEADERS_A, HEADERS_B, case_rows


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_import_datasets_cases_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = str(tmp_path / "ws")
    xlsx = write_xlsx(tmp_path / "a.xlsx", HEADERS_A, case_rows(30), title="标题")
    rep = run_json(capsys, "--workspace", ws, "import", str(xlsx), "--json")
    assert isinstance(rep, dict)
    for key in (
        "dataset_id",
        "kind",
        "list_type",
        "rows_read",
        "rows_imported",
        "duplicates",
        "quarantined",
        "mapping",
        "already_imported",
    ):
        assert key in rep
    assert (
        rep["kind"] == "cases" and rep["rows_imported"] == 30 and rep["already_imported"] is False
    )
    assert rep["mapping"]["case_no"]["header"] == "案件字号"
    assert 0 < rep["mapping"]["case_no"]["confidence"] <= 1
    again = run_json(capsys, "--workspace", ws, "import", str(xlsx), "--json")
    assert again["already_imported"] is True and again["rows_imported"] == 0
    csv_path = write_csv(tmp_path / "b.csv", HEADERS_B, case_rows(5, style="B"), encoding="gb18030")
    run_json(capsys, "--workspace", ws, "import", str(csv_path), "--json")
    datasets = run_json(capsys, "--workspace", ws, "datasets", "--json")
    assert [(d["id"], d["kind"], d["rows"]) for d in datasets] == [
        (1, "cases", 30),
        (2, "cases", 5),
    ]
    assert set(datasets[0]) >= {"id", "name", "kind", "list_type", "rows"}
    cases = run_json(capsys, "--workspace", ws, "cases", "list", "--json", "--limit", "3")
    assert len(cases) == 3
    assert cases[0]["case_no"] == "（2023）浙0782民初1号"
    assert len(cases[0]["filing_date"]) == 10 and cases[0]["filing_date"][4] == "-"
    capsys.readouterr()
    assert main(["--workspace", ws, "cases", "show", "(2023)浙0782民初2号"]) == 0
    shown = capsys.readouterr().out
    assert "（2023）浙0782民初2号" in shown and "原告" in shown


def test_unknown_case_and_bad_map_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(tmp_path / "ws")
    assert main(["--workspace", ws, "cases", "show", "（2023）浙0782民初999号"]) == 2
    assert "没有案号" in capsys.readouterr().err
    xlsx = write_xlsx(tmp_path / "a.xlsx", HEADERS_A, case_rows(3))
    assert main(["--workspace", ws, "import", str(xlsx), "--map", "case_no=不存在的列"]) == 2
    assert "不存在" in capsys.readouterr().err


def test_console_script_runs_from_environment(tmp_path: Path) -> None:
    env = dict(os.environ, CLUEWORKS_WORKSPACE=str(tmp_path / "envws"))
    out = subprocess.run(
        [sys.executable, "-m", "core.cli", "init"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert "工作区已就绪" in out.stdout
    assert (tmp_path / "envws" / "workspace.db").exists()
    assert (tmp_path / "envws" / "backups").is_dir() and (tmp_path / "envws" / "exports").is_dir()
