"""The import wizard: a changed mapping, the preview, a cancel, the report and its export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWizard
from sqlalchemy import text

from core.ingest import pipeline
from desktop.dialogs.import_wizard import ImportWizard
from tests.desktop.conftest import wait_idle
from tests.desktop.data import ODD_HEADERS, write_cases_csv, write_cases_xlsx


@pytest.fixture
def ctx(workspace: Any) -> Any:
    from desktop.context import AppContext

    return AppContext(workspace)


def start_wizard(ctx: Any, qtbot: Any, paths: list[Path]) -> ImportWizard:
    wizard = ImportWizard(ctx, [str(p) for p in paths])
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentPage() is wizard.files_page
    return wizard


def click_next(wizard: ImportWizard, qtbot: Any, expected: Any) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is expected, timeout=10000)


def test_import_with_a_changed_mapping(
    ctx: Any, workspace: Any, qtbot: Any, tmp_path: Path
) -> None:
    sheet = write_cases_xlsx(tmp_path / "东阳法院导出.xlsx", 60, headers=ODD_HEADERS)
    wizard = start_wizard(ctx, qtbot, [sheet])
    click_next(wizard, qtbot, wizard.sheet_page)
    assert wizard.sheet_page.cases_radio.isChecked()
    assert "第 2 行" in wizard.sheet_page.header_label.text()  # below the merged title row
    click_next(wizard, qtbot, wizard.mapping_page)

    page = wizard.mapping_page
    headers = wizard.session.plan.headers
    closing = headers.index("审结情况")
    assert page.combos[closing].currentData() == "closing_method"
    assert page.is_low(closing), "a 60% match is highlighted"
    assert not page.is_low(headers.index("案由"))
    judge = headers.index("主审人")
    assert page.combos[judge].currentData() is None
    samples = page.table.item(judge, page.COL_SAMPLES).text()
    assert samples.count("｜") == 2  # three sample values
    # The user maps 主审人 to the judge field and drops the 代理人 column.
    page.choose("主审人", "judge")
    page.choose("代理人", None)
    assert page.table.item(judge, page.COL_BY).text() == "用户指定"
    # Taking case_no away blocks the wizard until it is given back.
    page.choose("案件编码", None)
    assert not page.isComplete() and "案号" in page.warning.text()
    page.choose("案件编码", "case_no")
    assert page.isComplete()

    click_next(wizard, qtbot, wizard.preview_page)
    preview = wizard.preview_page
    assert "judge" in preview.preview.columns and "agents" not in preview.preview.columns
    assert len(preview.preview.quarantined) == 2  # rows 25 and 50 have no case number
    assert "案号为空" in preview.quarantine.topLevelItem(0).text(2)
    assert preview.rows.topLevelItemCount() == 58

    click_next(wizard, qtbot, wizard.report_page)
    report = wizard.session.files[0].report
    assert (report.rows_read, report.rows_imported, report.quarantined_count) == (60, 58, 2)
    assert "导入 58" in wizard.report_page.summary.text()
    with workspace.read() as conn:
        judges = conn.execute(
            text("SELECT COUNT(*) FROM cases WHERE judge IS NOT NULL")
        ).scalar_one()
        agents = conn.execute(
            text("SELECT COUNT(*) FROM cases WHERE agents IS NOT NULL")
        ).scalar_one()
        mapping = conn.execute(text("SELECT mapping FROM datasets")).scalar_one()
        flags = conn.execute(text("SELECT COUNT(*) FROM case_flags")).scalar_one()
    assert judges == 58 and agents == 0
    assert '"judge": {"header": "主审人", "confidence": 1.0, "by": "user"}' in mapping
    assert flags == 58, "the new cases were analysed after the import"

    out = wizard.report_page.export_to(tmp_path / "报告.xlsx")
    from openpyxl import load_workbook

    book = load_workbook(out, read_only=True)
    assert book.sheetnames == ["摘要", "隔离", "重复", "已在工作区"]
    rows = list(book["隔离"].iter_rows(values_only=True))
    assert rows[0] == ("行号", "原因") and len(rows) == 3
    wizard.close()
    wait_idle(qtbot)


def test_cancel_during_import_changes_nothing(
    ctx: Any, workspace: Any, qtbot: Any, tmp_path: Path
) -> None:
    # 20,000 rows are written in ten chunks; Cancel lands after the first is reported.
    sheet = write_cases_csv(tmp_path / "cases.csv", 20000)
    wizard = start_wizard(ctx, qtbot, [sheet])
    click_next(wizard, qtbot, wizard.sheet_page)
    click_next(wizard, qtbot, wizard.mapping_page)
    click_next(wizard, qtbot, wizard.preview_page)
    click_next(wizard, qtbot, wizard.run_page)
    run = wizard.run_page
    qtbot.waitUntil(lambda: run.bar.value() > 0, timeout=30000)
    run.cancel_button.click()
    qtbot.waitUntil(lambda: run.op.state == "cancelled", timeout=30000)
    assert run.stage.text() == "已取消。"
    assert not run.isComplete()
    with workspace.read() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM datasets")).scalar_one() == 0
        assert conn.execute(text("SELECT COUNT(*) FROM cases")).scalar_one() == 0
    wizard.close()
    wait_idle(qtbot)


def test_refused_file_shows_a_chinese_error(ctx: Any, qtbot: Any, tmp_path: Path) -> None:
    from desktop.dialogs import errors

    junk = tmp_path / "空表.csv"
    junk.write_text("", encoding="utf-8")
    wizard = start_wizard(ctx, qtbot, [junk])
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: bool(errors.shown), timeout=10000)
    box = errors.shown[-1]
    assert "空表.csv" in box.text() or "没有数据" in box.text()
    assert wizard.currentPage() is wizard.files_page
    box.close()
    box.done(0)
    wizard.close()
    wait_idle(qtbot)


def test_second_import_of_the_same_file_adds_nothing(
    ctx: Any, workspace: Any, qtbot: Any, tmp_path: Path
) -> None:
    sheet = write_cases_xlsx(tmp_path / "a.xlsx", 30)
    pipeline.import_file(workspace, sheet)
    wizard = start_wizard(ctx, qtbot, [sheet])
    for page in (wizard.sheet_page, wizard.mapping_page, wizard.preview_page, wizard.report_page):
        click_next(wizard, qtbot, page)
    assert "之前已导入" in wizard.report_page.summary.text()
    wizard.close()
    wait_idle(qtbot)


def test_list_import_with_kind_and_list_type(
    ctx: Any, workspace: Any, qtbot: Any, tmp_path: Path
) -> None:
    from tests.conftest import write_xlsx

    rows = [
        ["王伟", "330782195001011234", "2024-03-05", "义乌市稠城街道"],
        ["李娜", "330782194807152345", "2024-04-10", "义乌市北苑街道"],
        ["", "", "2024-05-01", "义乌市"],
    ]
    sheet = write_xlsx(
        tmp_path / "死亡人员名单.xlsx", ["姓名", "公民身份号码", "死亡日期", "户籍地址"], rows
    )
    wizard = start_wizard(ctx, qtbot, [sheet])
    click_next(wizard, qtbot, wizard.sheet_page)
    page = wizard.sheet_page
    assert page.list_radio.isChecked() and page.list_type.isEnabled()
    assert page.list_type.currentData() == "death_registry"
    assert page.list_type.currentText() == "死亡人员名单"
    # The user says it is a list of some other kind.
    page.list_type.setCurrentIndex(page.list_type.findData("other"))
    page.list_type.activated.emit(page.list_type.currentIndex())
    click_next(wizard, qtbot, wizard.mapping_page)
    fields = {c.currentData() for c in wizard.mapping_page.combos}
    assert {"name", "id_number", "event_date"} <= fields
    click_next(wizard, qtbot, wizard.preview_page)
    assert wizard.preview_page.preview.quarantined[0][1] == "姓名和身份证号均为空"
    click_next(wizard, qtbot, wizard.report_page)
    with workspace.read() as conn:
        kind, list_type, rows_imported = conn.execute(
            text("SELECT kind, list_type, rows_imported FROM datasets")
        ).one()
    assert (kind, list_type, rows_imported) == ("list", "other", 2)
    wizard.close()
    wait_idle(qtbot)


def test_big_files_are_read_in_a_helper_process(
    ctx: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.dialogs import import_wizard

    monkeypatch.setattr(import_wizard, "BIG_FILE", 0)  # every file counts as big
    sheet = write_cases_xlsx(tmp_path / "大表.xlsx", 20, headers=ODD_HEADERS)
    wizard = start_wizard(ctx, qtbot, [sheet])
    click_next(wizard, qtbot, wizard.sheet_page)
    assert isinstance(wizard.inspect_op._fn, import_wizard.ChildCall)
    click_next(wizard, qtbot, wizard.mapping_page)
    assert wizard.mapping_page.combos[0].currentData() == "case_no"
    wizard.close()
    wait_idle(qtbot)
