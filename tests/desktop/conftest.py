"""Desktop fixtures: the real app in Chinese, a seeded workspace per test, and a leak check.

The seeded workspace (spreadsheet imported and analysed) is built once per session and its
folder copied for each test, so every test gets its own database file without paying for
the import again.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

SEED_CASES = 120


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["clueworks-test"]


@pytest.fixture(scope="session", autouse=True)
def _app_settings(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> Iterator[None]:
    """Keep QSettings in a temporary folder and load the Chinese translation."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from desktop.i18n import install_translators
    from desktop.pyside_guard import guard_immortals

    guard_immortals()
    folder = tmp_path_factory.mktemp("qsettings")
    QCoreApplication.setOrganizationName("clueworks-tests")
    QCoreApplication.setApplicationName("Clue Workstation Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    install_translators(qapp, "zh_CN")
    yield


@pytest.fixture(scope="session")
def seeded_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a workspace folder with SEED_CASES cases imported, analysed and screened (once)."""
    from core.analysis import analyse_workspace
    from core.ingest.pipeline import import_file
    from core.supervision.runner import run_models
    from core.workspace import open_workspace
    from tests.desktop.data import write_cases_xlsx

    root = tmp_path_factory.mktemp("seed")
    sheet = write_cases_xlsx(root / "义乌法院民事案件.xlsx", SEED_CASES)
    ws = open_workspace(root / "ws")
    import_file(ws, sheet)
    analyse_workspace(ws)
    run_models(ws)
    ws.close()
    return root / "ws"


@pytest.fixture
def seeded(seeded_folder: Path, tmp_path: Path) -> Iterator[Any]:
    """A fresh copy of the seeded workspace, open."""
    from core.workspace import open_workspace

    target = tmp_path / "ws"
    shutil.copytree(seeded_folder, target)
    ws = open_workspace(target)
    yield ws
    ws.close()


@pytest.fixture
def window(seeded: Any, qtbot: Any) -> Iterator[Any]:
    """The main window over the seeded workspace."""
    from desktop.main_window import MainWindow

    win = MainWindow(seeded)
    qtbot.addWidget(win)
    win.show()
    yield win


@pytest.fixture(autouse=True)
def no_leftovers(qapp: Any) -> Iterator[None]:
    """Fail a test that leaves an operation, a thread or an active timer behind."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop import operations
    from desktop.dialogs import errors

    threads_before = {t.ident for t in threading.enumerate()}
    errors.shown.clear()
    yield
    left = operations.running()
    timers = [
        t
        for w in QApplication.topLevelWidgets()
        for t in w.findChildren(QTimer)
        # A status-bar message clearing itself later is harmless; anything else is a leak.
        if t.isActive() and type(t.parent()).__name__ != "QStatusBar"
    ]
    for op in left:
        op.cancel()
    idle = operations.wait_all(10000)
    QApplication.processEvents()
    for widget in QApplication.topLevelWidgets():
        widget.close()
    QApplication.processEvents()
    new_threads = [
        t
        for t in threading.enumerate()
        if t.ident not in threads_before and t.is_alive() and not t.daemon
    ]
    problems = []
    if left:
        problems.append(f"operations still running: {[op.title for op in left]}")
    if not idle:
        problems.append("worker lanes did not become idle")
    if timers:
        problems.append(
            "active timers: "
            + ", ".join(f"{type(t.parent()).__name__}/{t.interval()}ms" for t in timers)
        )
    if new_threads:
        problems.append(f"threads left running: {new_threads}")
    if errors.shown:
        problems.append(f"error dialogs left open: {[b.text() for b in errors.shown]}")
    errors.shown.clear()
    assert not problems, "; ".join(problems)


def wait_idle(qtbot: Any, timeout: int = 10000) -> None:
    """Wait until no operation is running (every result delivered to the GUI thread)."""
    from desktop import operations

    qtbot.waitUntil(lambda: not operations.running(), timeout=timeout)
