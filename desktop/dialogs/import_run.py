"""The import wizard's last pages: the preview, the import itself, and the report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from core.views import ImportPreview, preview_import
from desktop.child import ChildCall
from desktop.labels import field_label
from desktop.operations import Change, Operation

if TYPE_CHECKING:
    from desktop.dialogs.import_wizard import ImportWizard


class PreviewPage(QWizardPage):
    """The first sample rows as they will be stored, and the rows that will be quarantined."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(
            self.tr(
                "The first rows as they will be stored. Rows that cannot be imported are kept aside with the reason, not dropped."
            )
        )
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.rows = QTreeWidget()
        self.rows.setObjectName("previewRows")
        self.rows.setRootIsDecorated(False)
        self.rows.setAlternatingRowColors(True)
        layout.addWidget(self.rows, 3)
        layout.addWidget(
            QLabel(
                self.tr("Rows that will be quarantined, and data problems kept with imported rows:")
            )
        )
        self.quarantine = QTreeWidget()
        self.quarantine.setObjectName("previewQuarantine")
        self.quarantine.setRootIsDecorated(False)
        self.quarantine.setHeaderLabels(
            [self.tr("Row"), self.tr("What happens"), self.tr("Reason"), self.tr("Cells")]
        )
        layout.addWidget(self.quarantine, 2)
        self.preview: ImportPreview | None = None

    def initializePage(self) -> None:
        plan = self.w.session.plan
        assert plan is not None
        preview = preview_import(plan, limit=60)
        self.preview = preview
        self.rows.clear()
        self.rows.setHeaderLabels([field_label(c) for c in preview.columns])
        for values in preview.rows:
            self.rows.addTopLevelItem(QTreeWidgetItem([v.replace("\n", " ")[:80] for v in values]))
        for col in range(len(preview.columns)):
            self.rows.resizeColumnToContents(col)
        self.quarantine.clear()
        for row_number, reason, cells in preview.quarantined:
            item = QTreeWidgetItem(
                [
                    str(row_number),
                    self.tr("quarantined"),
                    reason,
                    "｜".join(c for c in cells if c)[:200],
                ]
            )
            item.setForeground(1, _brush("#c0392b"))
            self.quarantine.addTopLevelItem(item)
        for row_number, problem in preview.problems:
            self.quarantine.addTopLevelItem(
                QTreeWidgetItem([str(row_number), self.tr("imported, with a note"), problem, ""])
            )
        self.quarantine.resizeColumnToContents(1)
        self.quarantine.resizeColumnToContents(2)
        sample = len(preview.rows) + len(preview.quarantined)
        total = plan.total_rows
        text = (
            self.tr("Of the first %1 rows: %2 will be imported, %3 quarantined.")
            .replace("%1", str(sample))
            .replace("%2", str(len(preview.rows)))
            .replace("%3", str(len(preview.quarantined)))
        )
        if total > 0:
            text += " " + self.tr("The sheet has about %1 data rows.").replace("%1", f"{total:,}")
        self.summary.setText(text)
        self._set_import_button()

    def _set_import_button(self) -> None:
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Import"))


def _brush(colour: str) -> Any:
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(colour))


class RunPage(QWizardPage):
    """Imports with a progress bar and a working Cancel, then analyses the new cases."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(
            self.tr(
                "The whole file is imported in one step: if it is cancelled or fails, nothing is changed."
            )
        )
        layout = QVBoxLayout(self)
        self.stage = QLabel()
        self.stage.setObjectName("importStage")
        self.bar = QProgressBar()
        self.bar.setObjectName("importProgress")
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.clicked.connect(self.cancel)
        self.outcome = QLabel()
        self.outcome.setObjectName("importOutcome")
        self.outcome.setWordWrap(True)
        layout.addWidget(self.stage)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        self.op: Operation[Any] | None = None
        self._done = False

    def initializePage(self) -> None:
        self._done = False
        self.outcome.clear()
        self.start()

    def start(self) -> None:
        session = self.w.session
        plan = session.plan
        current = session.current
        assert plan is not None and current is not None
        ws = self.w.ctx.ws
        importing = self.tr("Importing %1…").replace("%1", plan.file_name)
        analysing = self.tr("Analysing judgment texts and parties…")

        call = ChildCall(
            "desktop.jobs:import_and_analyse",
            str(ws.root),
            {"plan": plan, "importing": importing, "analysing": analysing},
        )

        op: Operation[Any] = Operation(
            self.w,
            call,
            title=self.tr("Import"),
            dialog=False,
            changes=Change.DATASETS
            | Change.CASES
            | Change.FEATURES
            | Change.ENTITIES
            | Change.AUDIT,
        )
        op.progress(self._progress).success(self._finished).cancelled(self._cancelled)
        op.failure(lambda _e, _t: self._failed())
        self.op = op
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.stage.setText(importing)
        op.run()
        self.completeChanged.emit()

    def _progress(self, done: int, total: int, label: str) -> None:
        if label:
            self.stage.setText(label)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)

    def cancel(self) -> None:
        if self.op is not None and self.op.is_running:
            self.cancel_button.setEnabled(False)
            self.stage.setText(self.tr("Cancelling…"))
            self.op.cancel()

    def _finished(self, result: Any) -> None:
        report, analysis_cancelled = result.report, result.analysis_cancelled
        current = self.w.session.current
        assert current is not None
        current.report = report
        self._done = True
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.cancel_button.setEnabled(False)
        if analysis_cancelled:
            self.outcome.setText(
                self.tr(
                    "Imported. The text analysis was cancelled; run it later from the Data page."
                )
            )
        self.completeChanged.emit()
        self.w.imported.emit(report)
        self.w.next()

    def _cancelled(self) -> None:
        current = self.w.session.current
        if current is not None:
            current.cancelled = True
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.cancel_button.setEnabled(False)
        self.stage.setText(self.tr("Cancelled."))
        self.outcome.setText(
            self.tr(
                "The import was cancelled. Nothing was imported; go back to change the settings or close the wizard."
            )
        )
        self.completeChanged.emit()

    def _failed(self) -> None:
        self.cancel_button.setEnabled(False)
        self.stage.setText(self.tr("The import failed."))
        self.outcome.setText(
            self.tr("Nothing was imported. Go back to change the settings, or close the wizard.")
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._done

    def validatePage(self) -> bool:
        return self._done

    def cleanupPage(self) -> None:
        if self.op is not None and self.op.is_running:
            self.op.cancel()


class ReportPage(QWizardPage):
    """What the import did, with the rows it kept aside, exportable to .xlsx."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Import report"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("reportSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.details = QTreeWidget()
        self.details.setObjectName("reportRows")
        self.details.setRootIsDecorated(False)
        self.details.setHeaderLabels(
            [self.tr("Row"), self.tr("What happened"), self.tr("Case number"), self.tr("Reason")]
        )
        layout.addWidget(self.details, 1)
        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export report (.xlsx)…"))
        self.export_button.setObjectName("exportReport")
        self.export_button.clicked.connect(self.export)
        self.next_file_button = QPushButton(self.tr("Import the next file"))
        self.next_file_button.clicked.connect(self.next_file)
        row.addWidget(self.export_button)
        row.addWidget(self.next_file_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.notes.setMaximumHeight(70)
        self.notes.setVisible(False)
        layout.addWidget(self.notes)

    def initializePage(self) -> None:
        current = self.w.session.current
        assert current is not None
        r = current.report
        if r.already_imported:
            text = self.tr(
                "This sheet of this file was imported before (dataset %1); nothing was added."
            ).replace("%1", str(r.dataset_id))
        else:
            text = (
                self.tr(
                    "%1 rows read: %2 imported, %3 duplicates within the file, %4 already in the workspace, %5 quarantined."
                )
                .replace("%1", f"{r.rows_read:,}")
                .replace("%2", f"{r.rows_imported:,}")
                .replace("%3", f"{r.duplicates:,}")
                .replace("%4", f"{r.conflict_count:,}")
                .replace("%5", f"{r.quarantined_count:,}")
            )
        self.summary.setText(f"<b>{r.file_name}</b><br>{text}")
        self.details.clear()
        for q in r.quarantined:
            self.details.addTopLevelItem(
                QTreeWidgetItem([str(q["row"]), self.tr("quarantined"), "", str(q["reason"])])
            )
        for d in r.duplicate_rows:
            reason = self.tr("same as row %1").replace("%1", str(d.get("first_row")))
            self.details.addTopLevelItem(
                QTreeWidgetItem(
                    [str(d["row"]), self.tr("duplicate"), str(d.get("case_no", "")), reason]
                )
            )
        for c in r.conflicts:
            self.details.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        str(c["row"]),
                        self.tr("already in workspace"),
                        str(c.get("case_no", "")),
                        str(c.get("reason", "")),
                    ]
                )
            )
        for col in range(3):
            self.details.resizeColumnToContents(col)
        if r.unmapped:
            self.notes.setPlainText(
                self.tr("Columns kept as extra data: %1").replace("%1", "、".join(r.unmapped))
            )
            self.notes.setVisible(True)
        else:
            self.notes.setVisible(False)
        more = self.w.session.next_pending() < len(self.w.session.files)
        self.next_file_button.setVisible(more)

    def export(self) -> None:
        current = self.w.session.current
        assert current is not None
        default = self.w.ctx.ws.exports_dir / f"导入报告-{Path(current.report.file_name).stem}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export report"), str(default), "Excel (*.xlsx)"
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Path:
        from desktop.report_export import write_report_xlsx

        current = self.w.session.current
        assert current is not None
        labels = {
            "summary": self.tr("Summary"),
            "file": self.tr("File"),
            "sheet": self.tr("Sheet"),
            "kind": self.tr("Kind"),
            "rows_read": self.tr("Rows read"),
            "rows_imported": self.tr("Rows imported"),
            "duplicates": self.tr("Duplicates"),
            "conflicts": self.tr("Already in workspace"),
            "quarantined": self.tr("Quarantined"),
            "seconds": self.tr("Seconds"),
            "mapping": self.tr("Mapping"),
            "col_row": self.tr("Row"),
            "col_reason": self.tr("Reason"),
            "col_first_row": self.tr("First row"),
            "col_case_no": self.tr("Case number"),
        }
        written = write_report_xlsx(current.report, path, labels)
        self.w.ctx.show_status(self.tr("Report saved: %1").replace("%1", str(written)))
        return written

    def next_file(self) -> None:
        self.w.session.plan = None
        self.w.restart()
