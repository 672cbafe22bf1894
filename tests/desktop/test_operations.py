"""The one way to run core calls: off the GUI thread, progress only when slow, errors shown."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox

from core.errors import UserError
from desktop import operations
from desktop.dialogs import errors
from desktop.operations import Change, Job, Operation, bus


def test_quick_work_shows_no_dialog_and_announces_changes(qtbot: Any) -> None:
    seen: list[Change] = []
    bus().changed.connect(seen.append)
    done: list[int] = []
    op: Operation[int] = Operation(None, lambda job: threading.get_ident(), changes=Change.CLUES)
    op.success(done.append)
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.run()
    assert done and done[0] != threading.get_ident(), "ran on a worker thread"
    assert op._dialog is None
    assert seen == [Change.CLUES]
    bus().changed.disconnect(seen.append)


def test_slow_work_gets_a_progress_dialog_whose_cancel_works(qtbot: Any) -> None:
    started = threading.Event()

    def work(job: Job) -> str:
        started.set()
        while True:
            job.progress(1, 2)
            job.check()  # raises Cancelled once the user clicked Cancel
            threading.Event().wait(0.01)

    op: Operation[str] = Operation(None, work, title="慢操作")
    cancelled: list[bool] = []
    op.cancelled(lambda: cancelled.append(True))
    op.run()
    qtbot.waitUntil(lambda: op._dialog is not None and op._dialog.isVisible(), timeout=10000)
    dialog = op._dialog
    assert dialog.bar.maximum() == 2 and dialog.bar.value() == 1
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: op.state == "cancelled", timeout=5000)
    assert cancelled == [True]
    assert not operations.running()


def test_a_user_error_becomes_a_chinese_message(qtbot: Any) -> None:
    def work(job: Job) -> None:
        raise UserError("文件“甲.xlsx”中找不到案号列。", "识别到的表头：姓名、金额")

    op: Operation[None] = Operation(None, work, title="导入")
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.run()
    box = errors.shown[-1]
    assert box.text() == "文件“甲.xlsx”中找不到案号列。"
    assert box.detailedText() == "识别到的表头：姓名、金额"
    assert box.icon() == QMessageBox.Icon.Warning
    box.done(0)


def test_a_bug_is_logged_and_its_details_can_be_copied(
    qtbot: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setattr("core.logs.log_dir", lambda: tmp_path)

    def work(job: Job) -> None:
        raise KeyError("boom")

    op: Operation[None] = Operation(None, work, title="运行模型")
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.run()
    box = errors.shown[-1]
    assert box.text().startswith("程序内部错误")
    assert "KeyError: 'boom'" in box.detailedText()
    assert "KeyError" in (tmp_path / "errors.log").read_text(encoding="utf-8")
    copy = next(b for b in box.buttons() if b.text() == "复制详情")
    copy.click()
    assert "KeyError: 'boom'" in QApplication.clipboard().text()
    assert box.isVisible(), "copying keeps the message open"
    box.done(0)


def test_writes_run_one_at_a_time(qtbot: Any) -> None:
    inside = threading.Lock()
    overlaps: list[bool] = []

    def work(job: Job) -> None:
        if not inside.acquire(blocking=False):
            overlaps.append(True)
            return
        try:
            threading.Event().wait(0.02)
        finally:
            inside.release()

    ops = [Operation(None, work) for _ in range(5)]
    for op in ops:
        op.run()
    qtbot.waitUntil(lambda: all(op.state == "done" for op in ops), timeout=5000)
    assert overlaps == []


def test_dropping_spreadsheets_on_the_window_opens_the_wizard(
    window: Any, qtbot: Any, tmp_path: Any
) -> None:
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    from desktop.dialogs.import_wizard import ImportWizard
    from tests.desktop.data import write_cases_xlsx

    sheet = write_cases_xlsx(tmp_path / "拖入的表.xlsx", 5)
    (tmp_path / "说明.txt.bak").write_text("x", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls(
        [QUrl.fromLocalFile(str(sheet)), QUrl.fromLocalFile(str(tmp_path / "说明.txt.bak"))]
    )
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    wizard = window.findChild(ImportWizard)
    assert wizard is not None and [f.path for f in wizard.session.files] == [sheet]
    wizard.close()


def test_helper_process_streams_and_cancels(seeded: Any, qtbot: Any) -> None:
    from desktop.child import ChildCall

    got: list[Any] = []
    labels: list[str] = []
    call = ChildCall(
        "tests.desktop.jobs_for_tests:stream_then_wait", str(seeded.root), {"items": 50}
    )
    op: Operation[Any] = Operation(None, call, title="子进程", dialog=False)
    op.items(got.extend).progress(lambda d, t, label: labels.append(label))
    op.run()
    qtbot.waitUntil(lambda: len(got) == 50 and "等待取消" in labels, timeout=20000)
    assert got == list(range(50))
    op.cancel()
    qtbot.waitUntil(lambda: op.state == "cancelled", timeout=10000)


def test_helper_process_errors_reach_the_user(seeded: Any, qtbot: Any) -> None:
    from desktop.child import ChildCall

    refused: Operation[Any] = Operation(
        None, ChildCall("tests.desktop.jobs_for_tests:refuse", str(seeded.root))
    )
    with qtbot.waitSignal(refused.finished, timeout=20000):
        refused.run()
    box = errors.shown[-1]
    assert (box.text(), box.detailedText()) == (
        "工作区中没有可用的名单。",
        "请先导入死亡人员名单。",
    )
    box.done(0)
    crashed: Operation[Any] = Operation(
        None, ChildCall("tests.desktop.jobs_for_tests:crash", str(seeded.root))
    )
    with qtbot.waitSignal(crashed.finished, timeout=20000):
        crashed.run()
    box = errors.shown[-1]
    assert box.text().startswith("程序内部错误")
    assert "jobs_for_tests.py" in box.detailedText() and "KeyError" in box.detailedText()
    box.done(0)
