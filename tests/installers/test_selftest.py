"""`clueworks --self-test`: the whole chain in a throw-away workspace, and its failures."""

from __future__ import annotations

import datetime as dt
import tempfile
import zipfile
from pathlib import Path

import pytest

from core import demo, selftest
from core.cli import main


def test_self_test_runs_the_chain_and_writes_a_real_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert selftest.run_self_test(tmp_path) == 0
    out = capsys.readouterr().out
    draft = tmp_path / "自检文书.docx"
    with zipfile.ZipFile(draft) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    number = f"示检民建〔{dt.date.today().year}〕1号"
    assert number in body and selftest.RECIPIENT in body and selftest.OFFICE in body
    assert out.startswith("自检通过") and number in out
    assert f"导入示例文件 {len(demo.sample_files())} 个" in out
    clues = int(out.split("产生线索 ")[1].split(" 条")[0])
    assert clues > 0


def _fake_result() -> selftest.SelfTestResult:
    return selftest.SelfTestResult(6, 100, 3, 2, 1, "示检民建〔2026〕1号", 10, 0.5)


def test_default_run_uses_a_temporary_folder_and_removes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[Path] = []

    def fake(folder: Path) -> selftest.SelfTestResult:
        (folder / "workspace").mkdir()
        seen.append(folder)
        return _fake_result()

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(selftest, "exercise", fake)
    assert main(["--self-test"]) == 0
    assert capsys.readouterr().out == selftest.summary(_fake_result()) + "\n"
    assert seen and seen[0].parent == tmp_path and not seen[0].exists()


def test_missing_demo_data_fails_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(demo, "sample_files", lambda: [])
    assert selftest.run_self_test(tmp_path) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("自检失败：") and "示例数据" in captured.err


def test_an_internal_error_fails_with_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(_ws: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(demo, "load_demo", broken)
    assert selftest.run_self_test(tmp_path) == 1
    err = capsys.readouterr().err
    assert "自检失败：程序内部错误" in err and "boom" in err


def test_other_arguments_are_not_the_self_test(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(selftest, "exercise", lambda _folder: _fake_result())
    with pytest.raises(SystemExit):
        main(["--self-test", "extra"])
    assert "自检通过" not in capsys.readouterr().out
