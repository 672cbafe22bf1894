"""The main window: navigation, status bar, menus and shortcuts, remembered settings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt

from desktop.main_window import PAGES, MainWindow
from tests.desktop.conftest import wait_idle


def test_navigation_shows_every_page_in_chinese(window: Any, qtbot: Any) -> None:
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels == ["工作台", "数据", "案件", "模型", "线索", "文书", "统计", "审计"]
    for row, (key, _module, _cls) in enumerate(PAGES):
        window.nav.setCurrentRow(row)
        assert window.stack.currentWidget() is window.pages[key]
    wait_idle(qtbot)


def test_status_bar_names_workspace_and_user(window: Any, seeded: Any) -> None:
    assert str(seeded.root) in window.workspace_label.text()
    assert window.user_label.text() == "用户：测试员"
    window.set_user("张检察官")
    assert window.user_label.text() == "用户：张检察官"


def test_shortcuts_switch_pages(window: Any, qtbot: Any) -> None:
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "cases"
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "audit"
    wait_idle(qtbot)


def test_menus_are_file_edit_view_help(window: Any) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]


def test_geometry_and_recent_workspaces_are_remembered(seeded: Any, qtbot: Any) -> None:
    win = MainWindow(seeded)
    qtbot.addWidget(win)
    win.show()
    win.resize(760, 560)
    win.splitter.setSizes([150, 610])
    win.close()
    assert str(seeded.root) in QSettings().value("recent_workspaces")
    again = MainWindow(seeded)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (760, 560)
    assert again.splitter.sizes()[0] == 150
    wait_idle(qtbot)
