"""The interface is fully translated: the catalogue is complete and no visible text is English."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QWidget,
    QWizardPage,
)

from tests.desktop.conftest import wait_idle
from tools import build_translations

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
WORD = re.compile(r"[A-Za-z][A-Za-z_.]*")
# Words that stay Latin in a Chinese interface: file types, products, keys, units.
ALLOWED = {
    "PNG",
    "xlsx",
    "xls",
    "ods",
    "csv",
    "CSV",
    "docx",
    "yaml",
    "yml",
    "Excel",
    "Word",
    "Ctrl",
    "Shift",
    "Enter",
    "YAML",
    "English",
}


def catalogue() -> set[tuple[str, str]]:
    tree = ET.parse(build_translations.ts_path("zh_CN"))
    return {
        (ctx.findtext("name") or "", msg.findtext("source") or "")
        for ctx in tree.getroot().iter("context")
        for msg in ctx.iter("message")
    }


def source_strings() -> set[tuple[str, str]]:
    """Return (context, text) of every tr()/translate() call with literal text in desktop/."""
    found: set[tuple[str, str]] = set()
    for path in DESKTOP.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            for call in [n for n in ast.walk(cls) if isinstance(n, ast.Call)]:
                f = call.func
                if isinstance(f, ast.Attribute) and f.attr == "tr" and call.args:
                    arg = call.args[0]
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found.add((cls.name, arg.value))
        for call in [n for n in ast.walk(tree) if isinstance(n, ast.Call)]:
            f = call.func
            if isinstance(f, ast.Attribute) and f.attr == "translate" and len(call.args) >= 2:
                ctx, text = call.args[0], call.args[1]
                if isinstance(ctx, ast.Constant) and isinstance(text, ast.Constant):
                    found.add((str(ctx.value), str(text.value)))
    return found


def test_catalogue_is_complete_and_compiled() -> None:
    assert build_translations.untranslated("zh_CN") == []
    assert build_translations.qm_is_current("zh_CN"), "run tools/build_translations.py"


def test_every_string_in_the_code_is_in_the_catalogue() -> None:
    missing = source_strings() - catalogue()
    assert not missing, f"run tools/build_translations.py; not in the .ts: {sorted(missing)[:10]}"


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    """Return (widget, text) for every text a user can see or hover on under ``top``."""
    out: list[tuple[str, str]] = [(type(top).__name__, top.windowTitle())]
    for w in [top, *top.findChildren(QWidget)]:
        name = f"{type(w).__name__}#{w.objectName()}"
        texts = [w.toolTip()]
        if isinstance(w, QLabel):
            texts.append(re.sub(r"<[^>]+>", " ", w.text()))
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QLineEdit | QPlainTextEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabWidget):
            texts.extend(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QComboBox):
            texts.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QWizardPage):
            texts.extend((w.title(), w.subTitle()))
        elif isinstance(w, QMenu):
            texts.extend(a.text() for a in w.actions())
        if isinstance(w, QTreeWidget):
            texts.extend(w.headerItem().text(c) for c in range(w.columnCount()))
        elif isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            texts.extend(
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount(QModelIndex()))
            )
        out.extend((name, t) for t in texts if t)
    return out


def english(texts: list[tuple[str, str]], skip: set[str]) -> list[tuple[str, str]]:
    bad = []
    for name, text in texts:
        if name.split("#")[-1] in skip:
            continue
        for word in WORD.findall(text):
            if (
                len(word) >= 3
                and word not in ALLOWED
                and "_" not in word
                and "." not in word.strip(".")
            ):
                bad.append((name, text))
                break
    return bad


def test_no_visible_english_on_any_page(window: Any, qtbot: Any, tmp_path: Path) -> None:
    from desktop.dialogs.drafting import DraftingDialog
    from desktop.dialogs.import_wizard import ImportWizard
    from desktop.main_window import PAGES
    from tests.desktop.data import write_cases_xlsx

    for key, _m, _c in PAGES:
        window.navigate(key)
        wait_idle(qtbot)
    clues = window.pages["clues"]
    qtbot.waitUntil(lambda: clues.model.rowCount() > 0)
    with qtbot.waitSignal(clues.view.loaded, timeout=5000):
        clues.table.selectRow(0)
    cases = window.pages["cases"]
    with qtbot.waitSignal(cases.detail.loaded, timeout=5000):
        cases.table.selectRow(0)
    wizard = ImportWizard(window.ctx, [str(write_cases_xlsx(tmp_path / "a.xlsx", 10))], window)
    qtbot.addWidget(wizard)
    wizard.show()
    for _ in range(2):
        current = wizard.currentPage()
        wizard.next()
        qtbot.waitUntil(lambda c=current: wizard.currentPage() is not c, timeout=10000)
    dialog = DraftingDialog(window.ctx, [clues.view.clue_id], window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    wait_idle(qtbot)
    skip = {"workspaceLabel", "modelAbout", "caseText", "clueText", "sheetCombo"}  # data, not UI
    texts = visible_texts(window) + visible_texts(wizard) + visible_texts(dialog)
    assert len(texts) > 300
    bad = english(texts, skip)
    assert not bad, "\n".join(f"{n}: {t}" for n, t in sorted(set(bad)))
    wizard.close()
    dialog.close()
    wait_idle(qtbot)


@pytest.mark.parametrize("language, home", [("en", "Home"), ("zh_CN", "工作台")])
def test_language_can_be_switched(
    seeded: Any, qtbot: Any, qapp: Any, language: str, home: str
) -> None:
    from desktop.i18n import install_translators
    from desktop.main_window import MainWindow

    install_translators(qapp, language)
    try:
        win = MainWindow(seeded)
        qtbot.addWidget(win)
        assert win.nav.item(0).text() == home
    finally:
        install_translators(qapp, "zh_CN")
    wait_idle(qtbot)
