"""The clues page's 交办 actions: import a superior procuratorate's sheet, write the report back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from desktop.operations import Change, Operation


def import_from(parent: QWidget, ctx: Any, path: Path, source: str, doc_no: str | None) -> Operation[Any]:
    """Import the handed-down clues in ``path`` on a worker; report the counts in the status bar."""
    from core.clues.handed import import_handed

    ws, actor = ctx.ws, ctx.user or None
    op: Operation[Any] = Operation(
        parent,
        lambda job: import_handed(ws, path, source, doc_no, actor),
        title=QCoreApplication.translate("HandedClues", "Importing handed-down clues"),
        changes=Change.CLUES | Change.AUDIT,
    )
    op.success(
        lambda rep: ctx.show_status(
            QCoreApplication.translate("HandedClues", "%1 handed-down clues added, %2 were already here, %3 rows skipped.")
            .replace("%1", str(rep.created))
            .replace("%2", str(rep.already))
            .replace("%3", str(len(rep.problems)))
        )
    )
    return op.run()


def report_to(parent: QWidget, ctx: Any, path: Path) -> Operation[Any]:
    """Write the report back on every handed-down clue to ``path`` (.xlsx)."""
    from core.clues.handed import write_handed_report

    ws = ctx.ws
    op: Operation[Any] = Operation(
        parent,
        lambda job: write_handed_report(ws, path),
        title=QCoreApplication.translate("HandedClues", "Writing the report back"),
        changes=Change.AUDIT,
    )
    op.success(
        lambda n: ctx.show_status(
            QCoreApplication.translate("HandedClues", "Report on %1 handed-down clues written to %2")
            .replace("%1", str(n))
            .replace("%2", str(path))
        )
    )
    return op.run()


def ask_and_import(parent: QWidget, ctx: Any) -> None:
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("HandedClues", "Handed-down clues"), "", QCoreApplication.translate("HandedClues", "Spreadsheets (*.xlsx *.xls *.ods *.csv)")
    )
    if not path:
        return
    source, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("HandedClues", "Handed-down clues"), QCoreApplication.translate("HandedClues", "Handed down by (procuratorate):"), QLineEdit.EchoMode.Normal
    )
    if not ok or not source.strip():
        return
    doc_no, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("HandedClues", "Handed-down clues"), QCoreApplication.translate("HandedClues", "Document number of the hand-down (optional):")
    )
    if ok:
        import_from(parent, ctx, Path(path), source, doc_no.strip() or None)


def ask_and_report(parent: QWidget, ctx: Any) -> None:
    default = ctx.ws.exports_dir / "交办线索办理情况反馈表.xlsx"
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("HandedClues", "Write the report back"), str(default), "Excel (*.xlsx)"
    )
    if path:
        report_to(parent, ctx, Path(path))
