"""The bundle's entry script starts the CLI or the window by the executable's name."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

ENTRY = Path(__file__).resolve().parents[2] / "installers" / "entry.py"


def _recorder(calls: list[str], name: str) -> Callable[[], int]:
    def record() -> int:
        calls.append(name)
        return 0

    return record


def _entry() -> ModuleType:
    spec = importlib.util.spec_from_file_location("clueworks_entry", ENTRY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("executable", "started"),
    [
        ("/opt/clueworks/clueworks", "cli"),
        ("C:\\Program Files\\clueworks\\clueworks.exe", "cli"),
        ("/opt/clueworks/clueworks-gui", "gui"),
        ("C:\\Program Files\\clueworks\\CLUEWORKS-GUI.EXE", "gui"),
    ],
)
def test_executable_name_picks_the_program(
    executable: str, started: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import core.cli
    import desktop.app

    calls: list[str] = []
    monkeypatch.setattr(sys, "executable", executable.replace("\\", "/"))
    monkeypatch.setattr(core.cli, "main", _recorder(calls, "cli"))
    monkeypatch.setattr(desktop.app, "main", _recorder(calls, "gui"))
    monkeypatch.delenv("CLUEWORKS_QUIT_WHEN_SHOWN", raising=False)
    assert _entry().main() == 0
    assert calls == [started]


def test_freeze_support_comes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    import core.cli

    order: list[str] = []
    monkeypatch.setattr(sys, "executable", "/opt/clueworks/clueworks")
    monkeypatch.setattr(multiprocessing, "freeze_support", _recorder(order, "freeze"))
    monkeypatch.setattr(core.cli, "main", _recorder(order, "cli"))
    _entry().main()
    assert order == ["freeze", "cli"]
