"""Pictures of every page for the README and for review: ``take_screenshots(workspace, out)``.

Opens the workspace, visits each page (the first case and the first clue opened), the
import wizard's mapping step on a small generated sheet and the drafting dialog, and
saves one PNG each. Nothing in the workspace changes: no import runs, no draft is written.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

SIZE = (1400, 860)
SAMPLE_HEADERS = [
    "案件编码",
    "法院名称",
    "案由",
    "立案日期",
    "审结情况",
    "原告",
    "被告",
    "标的额",
    "主审人",
    "裁判文书全文",
]
SAMPLE_ROWS = [
    [
        "（2024）浙0782民初101号",
        "浙江省义乌市人民法院",
        "民间借贷纠纷",
        "2024-03-02",
        "调解",
        "王伟",
        "李娜",
        "50000元",
        "张敏",
        "原告王伟与被告李娜民间借贷纠纷一案……",
    ],
    [
        "（2024）浙0782民初102号",
        "浙江省义乌市人民法院",
        "买卖合同纠纷",
        "2024/3/9",
        "判决",
        "某某贸易有限公司",
        "陈强",
        "12万元",
        "张敏",
        "原告某某贸易有限公司与被告陈强买卖合同纠纷一案……",
    ],
    [
        "（2024）浙0782民初103号",
        "浙江省义乌市人民法院",
        "民间借贷纠纷",
        "20240318",
        "撤诉",
        "王伟",
        "赵军",
        "伍万元",
        "刘洋",
        "原告王伟与被告赵军民间借贷纠纷一案……",
    ],
    [
        "",
        "浙江省义乌市人民法院",
        "离婚纠纷",
        "2024年4月1日",
        "判决",
        "周芳",
        "吴涛",
        "",
        "刘洋",
        "原告周芳与被告吴涛离婚纠纷一案……",
    ],
]


def settle(
    app: QApplication, until: Callable[[], bool] | None = None, timeout: float = 20.0
) -> None:
    """Run the event loop until no operation runs (and ``until`` holds), then a little more."""
    from desktop import operations

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if not operations.running() and (until is None or until()):
            break
        time.sleep(0.01)
    end = time.monotonic() + 0.2  # let the last paints happen
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _save(widget: QWidget, path: Path, app: QApplication) -> Path:
    settle(app)
    widget.grab().save(str(path), "PNG")
    return path


def _sample_sheet(folder: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "民事案件"
    sheet.append(SAMPLE_HEADERS)
    for row in SAMPLE_ROWS:
        sheet.append(row)
    path = folder / "法院导出-民事案件.xlsx"
    book.save(str(path))
    return path


def take_screenshots(workspace: Path, out_dir: Path) -> list[Path]:
    """Save a PNG of every page, the import mapping step, a clue and the drafting dialog."""
    from desktop.app import application
    from desktop.dialogs.drafting import DraftingDialog
    from desktop.dialogs.import_wizard import ImportWizard
    from desktop.main_window import PAGES, MainWindow

    app = application()
    out_dir.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QSettings

    from core.workspace import open_workspace

    # Fresh settings: pictures must not depend on (or change) the user's window layout.
    settings_dir = tempfile.TemporaryDirectory()
    ini = QSettings.Format.IniFormat
    before_format = QSettings.defaultFormat()
    before_path = Path(QSettings(ini, QSettings.Scope.UserScope, "x", "y").fileName()).parent.parent
    QSettings.setDefaultFormat(ini)
    QSettings.setPath(ini, QSettings.Scope.UserScope, settings_dir.name)

    ws = open_workspace(workspace)
    window = MainWindow(ws)
    window.resize(*SIZE)
    window.show()
    saved: list[Path] = []
    try:
        for number, (key, _m, _c) in enumerate(PAGES, start=1):
            window.navigate(key)
            settle(app)
            page = window.pages[key]
            if key == "cases" and page.model.rowCount():  # type: ignore[attr-defined]
                page.table.selectRow(0)  # type: ignore[attr-defined]
                settle(app, lambda p=page: p.detail.case is not None)  # type: ignore[attr-defined]
            if key == "clues" and page.model.rowCount():  # type: ignore[attr-defined]
                page.table.selectRow(0)  # type: ignore[attr-defined]
                settle(app, lambda p=page: p.view.data is not None)  # type: ignore[attr-defined]
            saved.append(_save(window, out_dir / f"{number:02d}-{key}.png", app))
        clues = window.pages["clues"]
        clue_id = clues.view.clue_id  # type: ignore[attr-defined]
        if clue_id is not None:
            window.navigate("clues")
            clues.view.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
            saved.append(_save(window, out_dir / "09-clue-cases.png", app))
            clues.view.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
        models = window.pages["models"]
        window.navigate("models")
        models.open_item("lending.false_litigation")  # type: ignore[attr-defined]
        settle(app)
        models.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
        saved.append(_save(window, out_dir / "13-model-parameters.png", app))
        with tempfile.TemporaryDirectory() as tmp:
            wizard = ImportWizard(window.ctx, [str(_sample_sheet(Path(tmp)))], window)
            wizard.resize(1100, 700)
            wizard.show()
            for _ in range(2):  # files → sheet → mapping
                current = wizard.currentPage()
                wizard.next()
                settle(app, lambda c=current: wizard.currentPage() is not c)
            saved.append(_save(wizard, out_dir / "10-import-mapping.png", app))
            wizard.next()
            settle(app)
            saved.append(_save(wizard, out_dir / "11-import-preview.png", app))
            wizard.hide()
            wizard.deleteLater()
        dialog = DraftingDialog(window.ctx, [clue_id] if clue_id is not None else [], window)
        dialog.open_when_done = False
        dialog.show()
        settle(app, lambda: dialog.loaded)
        if not dialog.procuratorate.text():
            dialog.procuratorate.setText("浙江省义乌市人民检察院")
            dialog.abbr.setText("义")
        dialog.suggestions.setPlainText(
            "一、加强对民间借贷案件的立案审查。\n二、规范公告送达的适用。"
        )
        dialog.tabs.setCurrentIndex(1)  # the facts, drafted from the clue
        saved.append(_save(dialog, out_dir / "12-drafting.png", app))
        dialog.hide()
        dialog.deleteLater()
    finally:
        from desktop import operations

        operations.cancel_all()
        operations.wait_all()
        window.hide()  # not close(): screenshots must not overwrite the user's window settings
        window.deleteLater()
        settle(app)
        ws.close()
        QSettings.setPath(ini, QSettings.Scope.UserScope, str(before_path))
        QSettings.setDefaultFormat(before_format)
        settings_dir.cleanup()
    return saved
