"""The clues page: list in risk order, filters, the clue view, status changes with undo, notes."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import text

from tests.desktop.conftest import wait_idle


def open_clues(window: Any, qtbot: Any) -> Any:
    window.navigate("clues")
    page = window.pages["clues"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.busy)
    wait_idle(qtbot)
    return page


def status_of(ws: Any, clue_id: int) -> str:
    with ws.read() as conn:
        return str(
            conn.execute(
                text("SELECT status FROM clues WHERE id = :i"), {"i": clue_id}
            ).scalar_one()
        )


def select_first(page: Any, qtbot: Any) -> int:
    with qtbot.waitSignal(page.view.loaded, timeout=5000):
        page.table.selectRow(0)
    return int(page.view.clue_id)


def test_clues_listed_by_risk_and_filtered(window: Any, seeded: Any, qtbot: Any) -> None:
    page = open_clues(window, qtbot)
    with seeded.read() as conn:
        total = conn.execute(text("SELECT COUNT(*) FROM clues")).scalar_one()
        lending = conn.execute(
            text(
                "SELECT COUNT(DISTINCT clue_id) FROM clue_hits WHERE model_id = 'lending.false_litigation'"
            )
        ).scalar_one()
    assert page.model.rowCount() == total
    scores = [float(page.model.index(r, 0).data()) for r in range(total)]
    assert scores == sorted(scores, reverse=True)
    assert page.model.index(0, 1).data() == "待核查"
    page.model_filter.setCurrentIndex(page.model_filter.findData("lending.false_litigation"))
    qtbot.waitUntil(lambda: page.model.rowCount() == lending and not page.model.busy, timeout=5000)
    assert page.count_label.text() == f"符合条件的线索 {lending} 条"
    wait_idle(qtbot)


def test_clue_view_shows_reasons_with_highlighted_evidence(
    window: Any, seeded: Any, qtbot: Any
) -> None:
    page = open_clues(window, qtbot)
    page.model_filter.setCurrentIndex(page.model_filter.findData("lending.false_litigation"))
    qtbot.waitUntil(
        lambda: not page.model.busy and page.model.query.model_id is not None, timeout=5000
    )
    select_first(page, qtbot)
    view = page.view
    qtbot.waitUntil(lambda: bool(view.text.spans), timeout=5000)
    reason = view.reasons.currentItem().data(0, 0x0100)
    span = reason["spans"][0]
    painted = [s for s in view.text.spans if (s.start, s.end) == (span["start"], span["end"])]
    assert painted, "the chosen reason's evidence is highlighted"
    with seeded.read() as conn:
        full = conn.execute(
            text("SELECT full_text FROM case_texts WHERE case_id = :c"), {"c": span["case_id"]}
        ).scalar_one()
    assert view.text.highlighted_text(painted[0]) == full[span["start"] : span["end"]]
    assert view.cases.topLevelItemCount() >= 1 and view.persons.topLevelItemCount() >= 1
    wait_idle(qtbot)


def test_status_change_and_undo(window: Any, seeded: Any, qtbot: Any) -> None:
    page = open_clues(window, qtbot)
    clue = select_first(page, qtbot)
    view = page.view
    assert set(view.status_buttons) == {"reviewing"}
    # new → reviewing has no way back in the lifecycle; one's own latest change can be undone.
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.status_buttons["reviewing"].click()
    assert status_of(seeded, clue) == "reviewing"
    assert page.undo_stack.count() == 1
    assert set(view.status_buttons) == {"confirmed", "dismissed"}
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.status_buttons["confirmed"].click()
    assert status_of(seeded, clue) == "confirmed"
    assert window.ctx.undo_group.canUndo()
    # Edit → Undo (Ctrl+Z) walks it back, with the reason recorded.
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.ctx.undo_group.undo()
    assert status_of(seeded, clue) == "reviewing"
    with seeded.read() as conn:
        last = conn.execute(
            text(
                "SELECT from_value, to_value, reason FROM clue_events WHERE clue_id = :c ORDER BY id DESC LIMIT 1"
            ),
            {"c": clue},
        ).one()
    assert last[:2] == ("confirmed", "reviewing") and "撤销" in last[2]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.ctx.undo_group.undo()
    assert status_of(seeded, clue) == "new"
    for _ in range(2):
        with qtbot.waitSignal(view.loaded, timeout=5000):
            window.ctx.undo_group.redo()
    assert status_of(seeded, clue) == "confirmed"
    assert view.history.topLevelItemCount() >= 5
    wait_idle(qtbot)


def test_dismissal_needs_a_reason(window: Any, seeded: Any, qtbot: Any) -> None:
    from desktop.dialogs import errors

    page = open_clues(window, qtbot)
    clue = select_first(page, qtbot)
    view = page.view
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.change_status("reviewing")
    assert view.change_status("dismissed", "") is False
    assert errors.shown and "理由" in errors.shown[-1].text()
    errors.shown[-1].done(0)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        assert view.change_status("dismissed", "借款有银行流水佐证，排除")
    assert status_of(seeded, clue) == "dismissed"
    wait_idle(qtbot)


def test_note_assignee_and_tag(window: Any, seeded: Any, qtbot: Any) -> None:
    page = open_clues(window, qtbot)
    clue = select_first(page, qtbot)
    view = page.view
    view.note_edit.setPlainText("已调取卷宗，待核实资金流水。")
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.note_button.click()
    assert view.notes.topLevelItem(0).text(2) == "已调取卷宗，待核实资金流水。"
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.ctx.undo_group.undo()  # the note is retracted: kept, no longer listed
    assert view.notes.topLevelItemCount() == 0
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.ctx.undo_group.redo()
    assert view.notes.topLevelItem(0).text(2) == "已调取卷宗，待核实资金流水。"
    view.assignee.setText("王检察官")
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.save_assignee()
    view.tag_edit.setText("重点")
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.add_tag()
    with seeded.read() as conn:
        row = conn.execute(
            text("SELECT assignee, tags FROM clues WHERE id = :c"), {"c": clue}
        ).one()
        notes = conn.execute(
            text("SELECT text FROM clue_notes WHERE clue_id = :c"), {"c": clue}
        ).all()
    assert row[0] == "王检察官" and json.loads(row[1]) == ["重点"]
    assert [n[0] for n in notes] == ["已调取卷宗，待核实资金流水。"] * 2  # the retracted one kept
    qtbot.waitUntil(lambda: page.tag_filter.findData("重点") > 0, timeout=5000)
    wait_idle(qtbot)


def test_handed_down_clues_import_and_report(window: Any, seeded: Any, qtbot: Any, tmp_path: Any) -> None:
    from openpyxl import load_workbook

    from desktop.handed_actions import import_from, report_to
    from tests.conftest import write_xlsx

    page = open_clues(window, qtbot)
    assert page.handed_button.menu() is not None and len(page.handed_button.menu().actions()) == 2
    sheet = write_xlsx(
        tmp_path / "交办.xlsx",
        ["交办编号", "案号", "当事人", "线索内容"],
        [["J-1", "", "张某某", "疑似虚假诉讼，请核查"], ["J-2", "", "李某", "疑似职业放贷"]],
    )
    op = import_from(page, window.ctx, sheet, "某市人民检察院", "某检交〔2026〕3号")
    qtbot.waitUntil(lambda: op.state == "done", timeout=10000)
    assert (op.result.created, op.result.already) == (2, 0)
    with seeded.read() as conn:
        origins = [r[0] for r in conn.execute(text("SELECT origin FROM clues WHERE origin LIKE '交办%'"))]
    assert origins == ["交办：某市人民检察院（某检交〔2026〕3号）"] * 2
    out = tmp_path / "反馈.xlsx"
    done = report_to(page, window.ctx, out)
    qtbot.waitUntil(lambda: done.state == "done", timeout=10000)
    rows = list(load_workbook(out).active.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == ["J-1", "J-2"] and all(r[5] == "待核查" for r in rows)
    wait_idle(qtbot)
