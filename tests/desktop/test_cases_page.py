"""The cases page: lazy table, filters, sort, text search and the case detail with spans."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import text

from tests.desktop.conftest import SEED_CASES, wait_idle


def open_cases(window: Any, qtbot: Any) -> Any:
    window.navigate("cases")
    page = window.pages["cases"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.busy)
    wait_idle(qtbot)
    return page


def db_count(ws: Any, sql: str, **params: Any) -> int:
    with ws.read() as conn:
        return int(conn.execute(text(sql), params).scalar_one())


def test_lists_all_cases_lazily(window: Any, seeded: Any, qtbot: Any) -> None:
    page = open_cases(window, qtbot)
    total = db_count(seeded, "SELECT COUNT(*) FROM cases")
    assert total == SEED_CASES - SEED_CASES // 25  # rows without a case number are quarantined
    assert page.model.rowCount() == total
    assert page.count_label.text() == f"共 {total:,} 件案件"
    assert page.model.index(0, 0).data() == "（2023）浙0782民初1号"
    # Only the painted pages were fetched, not one query per row.
    assert page.model.page_fetches <= 2


def test_filter_by_cause_and_feature(window: Any, seeded: Any, qtbot: Any) -> None:
    page = open_cases(window, qtbot)
    assert page.filters.select(page.filters.cause, "民间借贷纠纷")
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        pass
    expected = db_count(seeded, "SELECT COUNT(*) FROM cases WHERE cause = '民间借贷纠纷'")
    assert 0 < page.model.rowCount() == expected < db_count(seeded, "SELECT COUNT(*) FROM cases")
    assert {page.model.index(r, 2).data() for r in range(page.model.rowCount())} == {"民间借贷纠纷"}
    page.filters.flag_actions["mediation"].setChecked(True)
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        pass
    expected = db_count(
        seeded,
        "SELECT COUNT(*) FROM cases c JOIN case_flags f ON f.case_id = c.id "
        "WHERE c.cause = '民间借贷纠纷' AND f.mediation = 1",
    )
    assert 0 < page.model.rowCount() == expected
    assert page.count_label.text() == f"符合筛选条件的案件 {expected} 件"
    page.filters.reset()
    qtbot.waitUntil(lambda: page.model.rowCount() == db_count(seeded, "SELECT COUNT(*) FROM cases"))
    wait_idle(qtbot)


def test_filter_by_filing_dates(window: Any, seeded: Any, qtbot: Any) -> None:
    from PySide6.QtCore import QDate

    page = open_cases(window, qtbot)
    page.filters.use_dates.setChecked(True)
    page.filters.date_from.setDate(QDate(2023, 3, 1))
    page.filters.date_to.setDate(QDate(2023, 3, 31))
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        pass
    expected = db_count(
        seeded, "SELECT COUNT(*) FROM cases WHERE filing_date BETWEEN '2023-03-01' AND '2023-03-31'"
    )
    assert 0 < page.model.rowCount() == expected
    assert all(page.model.index(r, 3).data().startswith("2023-03") for r in range(expected))
    wait_idle(qtbot)


def test_sort_by_header_click_uses_sql_order(window: Any, seeded: Any, qtbot: Any) -> None:
    page = open_cases(window, qtbot)
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.table.sortByColumn(8, Qt.SortOrder.DescendingOrder)
    amounts = [
        float(page.model.index(r, 8).data().replace(",", "")) for r in range(page.model.rowCount())
    ]
    assert amounts == sorted(amounts, reverse=True)
    with seeded.read() as conn:
        top = conn.execute(text("SELECT MAX(claim_amount) FROM cases")).scalar_one()
    assert amounts[0] == top
    wait_idle(qtbot)


def test_open_case_highlights_feature_spans(window: Any, seeded: Any, qtbot: Any) -> None:
    page = open_cases(window, qtbot)
    with seeded.read() as conn:
        case_id, start, end = conn.execute(
            text(
                "SELECT case_id, start, \"end\" FROM case_features WHERE name = 'default_judgment' "
                "ORDER BY case_id LIMIT 1"
            )
        ).one()
    row = page.model.row_of(case_id)
    with qtbot.waitSignal(page.detail.loaded, timeout=5000):
        page.table.selectRow(row)
    detail = page.detail
    assert detail.title.text() == page.model.index(row, 0).data()
    spans = [
        s
        for s in detail.text.spans
        if (s.start, s.end) == (start, end) and s.label.startswith("缺席判决")
    ]
    assert spans, "the default-judgment span is highlighted"
    with seeded.read() as conn:
        full = conn.execute(
            text("SELECT full_text FROM case_texts WHERE case_id = :c"), {"c": case_id}
        ).scalar_one()
    assert detail.text.highlighted_text(spans[0]) == full[start:end]
    assert any(cue in full[start:end] for cue in ("缺席", "拒不到庭"))
    labels = [detail.features.item(i).text() for i in range(detail.features.count())]
    assert any(label.startswith("缺席判决") for label in labels)
    # Parties link to their entities.
    parties = detail.parties
    assert parties.topLevelItemCount() >= 2
    assert parties.topLevelItem(0).text(3).startswith("实体 #")
    wait_idle(qtbot)


def test_text_search_streams_hits_and_marks_them(window: Any, seeded: Any, qtbot: Any) -> None:
    page = open_cases(window, qtbot)
    page.search_box.setText("公告送达起诉状")  # typed through an input method
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.search_op is None and not page.model.busy, timeout=10000)
    expected = db_count(
        seeded, "SELECT COUNT(*) FROM case_texts WHERE instr(full_text, '公告送达起诉状') > 0"
    )
    assert 0 < page.model.rowCount() == expected
    assert page.count_label.text() == f"{expected} 件案件的全文含“公告送达起诉状”"
    with qtbot.waitSignal(page.detail.loaded, timeout=5000):
        page.table.selectRow(0)
    marked = [s for s in page.detail.text.spans if s.label == "公告送达起诉状"]
    assert marked and page.detail.text.highlighted_text(marked[0]) == "公告送达起诉状"
    page.clear_search()
    qtbot.waitUntil(lambda: page.model.rowCount() == db_count(seeded, "SELECT COUNT(*) FROM cases"))
    wait_idle(qtbot)


def test_entity_link_opens_entity_with_its_cases(window: Any, seeded: Any, qtbot: Any) -> None:
    from desktop.dialogs.entity import EntityDialog

    page = open_cases(window, qtbot)
    with seeded.read() as conn:
        entity_id, cases = conn.execute(
            text("SELECT id, case_count FROM entities WHERE display_name = '李强'")
        ).one()
    page.open_entity(entity_id)
    dialog = page.findChild(EntityDialog)
    qtbot.waitUntil(lambda: dialog.entity is not None)
    assert dialog.mentions.topLevelItemCount() >= cases > 1
    assert "李强" in dialog.header.text()
    first = dialog.mentions.topLevelItem(0)
    case_no = first.text(0)
    dialog.mentions.itemActivated.emit(first, 0)  # a double-click closes the dialog
    qtbot.waitUntil(lambda: page.detail.case is not None and page.detail.case["case_no"] == case_no)
    assert page.model.case_id(page.table.currentIndex().row()) == page.detail.case["id"]
    wait_idle(qtbot)
