"""Drafting from clues: the dialog writes and registers the .docx; the register follows replies."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text

from core.clues.service import set_status
from desktop.dialogs.drafting import DraftingDialog
from tests.desktop.conftest import wait_idle


def confirmed_clue(ws: Any) -> int:
    with ws.read() as conn:
        clue = int(
            conn.execute(
                text(
                    "SELECT clue_id FROM clue_hits WHERE model_id = 'lending.false_litigation' "
                    "ORDER BY clue_id LIMIT 1"
                )
            ).scalar_one()
        )
    set_status(ws, clue, "reviewing")
    set_status(ws, clue, "confirmed")
    return clue


def test_draft_from_a_clue_writes_registers_and_marks(window: Any, seeded: Any, qtbot: Any) -> None:
    import docx

    clue = confirmed_clue(seeded)
    window.navigate("clues")
    page = window.pages["clues"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.busy)
    page.table.selectRow(page.model.row_of(clue))
    page.draft_button.click()
    dialog = page.findChild(DraftingDialog)
    dialog.open_when_done = False
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    assert dialog.case_table.topLevelItemCount() >= 1
    assert dialog.recipient.text().endswith("人民法院")  # the court of the clue's case
    assert dialog.facts.toPlainText()
    dialog.procuratorate.setText("浙江省义乌市人民检察院")
    dialog.abbr.setText("义")
    dialog.template.setCurrentIndex(dialog.template.findData("社会治理检察建议书"))
    year = dt.date.today().year
    assert dialog.number.text() == f"义检民建〔{year}〕1号"
    dialog.suggestions.setPlainText("加强立案审查。\n规范公告送达。")
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.issued is not None, timeout=30000)
    issued = dialog.issued
    assert issued.number == f"义检民建〔{year}〕1号" and issued.path.exists()
    body = "\n".join(p.text for p in docx.Document(str(issued.path)).paragraphs)
    assert "规范公告送达" in body and "浙江省义乌市人民检察院" in body
    with seeded.read() as conn:
        row = conn.execute(text("SELECT number, status, clue_ids FROM suggestions")).one()
        status = conn.execute(
            text("SELECT status FROM clues WHERE id = :c"), {"c": clue}
        ).scalar_one()
    assert row[0] == issued.number and row[1] == "issued" and str(clue) in row[2]
    assert status == "suggestion_issued"
    dialog.close()

    window.navigate("documents")
    docs = window.pages["documents"]
    qtbot.waitUntil(lambda: docs.table.topLevelItemCount() == 1, timeout=5000)
    assert docs.table.topLevelItem(0).text(0) == issued.number
    assert docs.table.topLevelItem(0).text(5) == "待回复"
    op = docs.save_reply(issued.number, dt.date.today(), "已整改")
    qtbot.waitUntil(lambda: op.state == "done", timeout=5000)
    qtbot.waitUntil(lambda: docs.table.topLevelItem(0).text(5).startswith("已回复"), timeout=5000)
    wait_idle(qtbot)


def test_missing_fields_are_named(window: Any, qtbot: Any) -> None:
    dialog = DraftingDialog(window.ctx, [], window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    dialog.procuratorate.setText("")
    dialog.abbr.setText("")
    assert dialog.write() is None
    assert "收文单位" in dialog.message.text() and "院简称" in dialog.message.text()
    wait_idle(qtbot)
