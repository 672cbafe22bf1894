"""Home, data, audit and statistics pages: what they show matches the workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage
from sqlalchemy import text

from tests.desktop.conftest import wait_idle


def scalar(ws: Any, sql: str) -> Any:
    with ws.read() as conn:
        return conn.execute(text(sql)).scalar_one()


def test_home_shows_what_needs_attention(window: Any, seeded: Any, qtbot: Any) -> None:
    page = window.pages["home"]
    qtbot.waitUntil(lambda: page.data.figure.text() != "—", timeout=5000)
    wait_idle(qtbot)
    assert page.data.figure.text() == f"{scalar(seeded, 'SELECT COUNT(*) FROM cases'):,} 件案件"
    assert page.new_clues.figure.text() == str(
        scalar(seeded, "SELECT COUNT(*) FROM clues WHERE status = 'new'")
    )
    assert "义乌法院民事案件.xlsx" in page.last_import.detail.text()
    assert page.last_run.figure.text() != "—" and "测试员" in page.last_run.detail.text()
    assert page.pending.figure.text() == "0" and not page.pending.button.isEnabled()
    page.new_clues.button.click()
    assert window.current_key() == "clues"
    clues = window.pages["clues"]
    assert clues.status_filter.currentData() == "new"
    wait_idle(qtbot)


def test_data_page_lists_datasets_mapping_and_quarantine(
    window: Any, seeded: Any, qtbot: Any
) -> None:
    window.navigate("data")
    page = window.pages["data"]
    qtbot.waitUntil(lambda: page.table.topLevelItemCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: page.quarantine.topLevelItemCount() > 0, timeout=5000)
    item = page.table.topLevelItem(0)
    assert item.text(1) == "义乌法院民事案件.xlsx" and item.text(3) == "案件"
    assert item.text(6) == str(scalar(seeded, "SELECT quarantined FROM datasets"))
    assert page.quarantine.topLevelItem(0).text(1) == "案号为空"
    fields = [page.mapping.topLevelItem(i).text(0) for i in range(page.mapping.topLevelItemCount())]
    assert "案号" in fields and "文书全文" in fields
    assert not page.empty.isVisible()
    wait_idle(qtbot)


def test_audit_page_lists_entries_and_verifies_the_chain(
    window: Any, seeded: Any, qtbot: Any
) -> None:
    window.navigate("audit")
    page = window.pages["audit"]
    total = scalar(seeded, "SELECT COUNT(*) FROM audit_log")
    qtbot.waitUntil(lambda: page.table.topLevelItemCount() == total, timeout=5000)
    assert page.table.topLevelItem(total - 1).text(3) == "导入"
    page.verify_button.click()
    qtbot.waitUntil(lambda: page.verdict.text() != "", timeout=5000)
    assert page.verdict.text() == f"✔ 日志完整（已校验 {total} 条）。"
    with seeded.write() as conn:  # someone edits an entry behind the program's back
        conn.execute(text("UPDATE audit_log SET actor = '他人' WHERE id = 1"))
    page.verify_button.click()
    qtbot.waitUntil(lambda: "✘" in page.verdict.text(), timeout=5000)
    assert page.verdict.text() == "✘ 日志在第 1 条处被改动。"
    wait_idle(qtbot)


def test_statistics_page_draws_and_exports_charts(
    window: Any, seeded: Any, qtbot: Any, tmp_path: Path
) -> None:
    window.navigate("statistics")
    page = window.pages["statistics"]
    qtbot.waitUntil(lambda: page.figures is not None, timeout=5000)
    wait_idle(qtbot)
    clues = scalar(seeded, "SELECT COUNT(*) FROM clues")
    assert page.figures.clues.funnel[0] == ("线索", clues)
    series = page.by_model.chart.series()
    assert len(series) == 1
    total = sum(s.sum() for s in series[0].barSets())
    pairs = scalar(
        seeded,
        "SELECT COUNT(*) FROM (SELECT DISTINCT model_name, clue_id FROM clue_hits WHERE active = 1)",
    )
    assert total == pairs  # a clue counts once for each model that raised it
    assert page.cases.chart.series() and not page.cases.empty.isVisible()
    for box in page.boxes:
        out = box.save_png(tmp_path / f"{box.name}.png")
        image = QImage(str(out))
        assert not image.isNull() and image.width() > 100
