"""The models page: catalogue, parameter editing with validation, dry run, save, run, export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import text

from tests.desktop.conftest import wait_idle


def open_model(window: Any, qtbot: Any, model_id: str) -> Any:
    window.navigate("models")
    page = window.pages["models"]
    qtbot.waitUntil(lambda: page.list.topLevelItemCount() >= 8, timeout=5000)
    page.open_item(model_id)
    qtbot.waitUntil(lambda: page.current is not None and page.current.id == model_id)
    return page


def test_catalogue_describes_each_model(window: Any, qtbot: Any) -> None:
    page = open_model(window, qtbot, "lending.false_litigation")
    names = [page.list.topLevelItem(i).text(0) for i in range(page.list.topLevelItemCount())]
    assert "民间借贷虚假诉讼风险" in names and "职业放贷人识别" in names
    about = page.about.toPlainText()
    assert "法律依据" in about and "民事诉讼法" in about
    assert "合计达到4分" in about  # the rule in plain Chinese with current values
    wait_idle(qtbot)


def test_edit_validate_and_dry_run(window: Any, seeded: Any, qtbot: Any) -> None:
    page = open_model(window, qtbot, "lending.false_litigation")
    editor = page.editor
    causes = editor.inputs["causes"]
    causes.setText("")
    assert "案由关键词" in editor.problem_labels["causes"].text()
    assert not page.save_button.isEnabled() and not page.dry_run_button.isEnabled()
    causes.setText("民间借贷")
    editor.inputs["threshold"].setValue(3)
    assert "合计达到3分" in page.rule_preview.text()
    assert page.save_button.isEnabled()
    with seeded.read() as conn:
        at_four = conn.execute(
            text("SELECT COUNT(*) FROM clue_hits WHERE model_id = 'lending.false_litigation'")
        ).scalar_one()
    page.dry_run_button.click()
    qtbot.waitUntil(lambda: page.last_dry_run is not None, timeout=10000)
    assert page.last_dry_run.count > at_four  # a lower threshold raises more clues
    assert f"将产生 {page.last_dry_run.count} 条线索" in page.dry_run_label.text()
    with seeded.read() as conn:  # nothing saved, nothing changed
        assert (
            conn.execute(
                text("SELECT COUNT(*) FROM clue_hits WHERE model_id = 'lending.false_litigation'")
            ).scalar_one()
            == at_four
        )
    assert not (seeded.root / "models").exists()
    wait_idle(qtbot)


def test_save_then_run_selected_model(window: Any, seeded: Any, qtbot: Any) -> None:
    page = open_model(window, qtbot, "lending.false_litigation")
    page.editor.inputs["threshold"].setValue(3)
    op = page.save()
    qtbot.waitUntil(lambda: op.state == "done", timeout=10000)
    qtbot.waitUntil(
        lambda: page.current is not None and page.current.origin == "内置（已修改）", timeout=5000
    )
    assert (seeded.root / "models" / "lending.false_litigation.yaml").exists()
    assert page.current.spec.version == 2
    run = page.run_models(selected_only=True)
    qtbot.waitUntil(lambda: run.state == "done", timeout=20000)
    with seeded.read() as conn:
        runs = conn.execute(
            text("SELECT COUNT(*) FROM model_runs WHERE status = 'done'")
        ).scalar_one()
    assert runs == 2
    qtbot.waitUntil(lambda: page.runs.topLevelItemCount() == 2, timeout=5000)
    wait_idle(qtbot)


def test_switched_off_model_is_not_run(window: Any, seeded: Any, qtbot: Any) -> None:
    page = open_model(window, qtbot, "lending.false_litigation")
    for i in range(page.list.topLevelItemCount()):
        item = page.list.topLevelItem(i)
        if item.data(0, Qt.ItemDataRole.UserRole) != "traffic.repeat_claimant":
            item.setCheckState(0, Qt.CheckState.Unchecked)
    run = page.run_models(selected_only=False)
    qtbot.waitUntil(lambda: run.state == "done", timeout=20000)
    assert [o.model_id for o in run.result.outcomes] == ["traffic.repeat_claimant"]
    wait_idle(qtbot)
    from core.supervision.switches import disabled_models

    # Kept in the workspace, so other accounts and the command line skip them too.
    everything = {m.id for m in page.catalogue.models}
    assert disabled_models(seeded) == everything - {"traffic.repeat_claimant"}


def test_export_and_import_model_file(window: Any, seeded: Any, qtbot: Any, tmp_path: Path) -> None:
    page = open_model(window, qtbot, "traffic.repeat_claimant")
    target = tmp_path / "shared.yaml"
    op = page.export_path(target)
    qtbot.waitUntil(lambda: op.state == "done", timeout=10000)
    assert "clueworks-model/1" in target.read_text(encoding="utf-8")
    back = page.import_path(target)
    qtbot.waitUntil(lambda: back.state == "done", timeout=10000)
    with seeded.read() as conn:
        actions = [r[0] for r in conn.execute(text("SELECT action FROM audit_log ORDER BY id"))]
    assert "model_export" in actions and "model_import" in actions
    wait_idle(qtbot)


def test_copy_as_a_new_model(window: Any, seeded: Any, qtbot: Any) -> None:
    page = open_model(window, qtbot, "traffic.repeat_claimant")
    count = page.list.topLevelItemCount()
    op = page.copy_as("交通事故高频原告（本院试行）")
    qtbot.waitUntil(lambda: op.state == "done", timeout=10000)
    qtbot.waitUntil(lambda: page.list.topLevelItemCount() == count + 1, timeout=5000)
    assert page.current.id == "traffic.repeat_claimant_copy" and page.current.origin == "自建"
    assert page.list.selectedItems()[0].text(0) == "交通事故高频原告（本院试行）"
    assert (seeded.root / "models" / "traffic.repeat_claimant_copy.yaml").exists()
    wait_idle(qtbot)
