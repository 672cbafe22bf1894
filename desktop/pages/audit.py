"""The audit page: the append-only log of every change, and a check that it is intact."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from core.audit import verify
from core.views import AuditRow, audit_count, audit_rows
from desktop.context import AppContext
from desktop.labels import action_label
from desktop.operations import Change, Job, Operation
from desktop.pages.base import Page

PAGE = 500


@dataclass(frozen=True)
class AuditPageData:
    rows: list[AuditRow]
    total: int


@dataclass(frozen=True)
class Verdict:
    broken_at: int | None
    entries: int


class AuditPage(Page):
    interests = Change.AUDIT | Change.WORKSPACE | Change.DATASETS | Change.CLUES | Change.DRAFTS

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.rows: list[AuditRow] = []
        self.total = 0
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Audit log"))
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        top.addWidget(title)
        self.count_label = QLabel()
        top.addWidget(self.count_label)
        top.addStretch(1)
        self.verdict = QLabel()
        self.verdict.setObjectName("auditVerdict")
        top.addWidget(self.verdict)
        self.verify_button = QPushButton(self.tr("Verify the log"))
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.setToolTip(
            self.tr("Recompute the hash chain: any edited or deleted entry is found.")
        )
        self.verify_button.clicked.connect(self.verify)
        top.addWidget(self.verify_button)
        layout.addLayout(top)
        self.table = QTreeWidget()
        self.table.setObjectName("auditTable")
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHeaderLabels(
            [
                self.tr("No."),
                self.tr("Time"),
                self.tr("User"),
                self.tr("Action"),
                self.tr("Details"),
            ]
        )
        layout.addWidget(self.table, 1)
        self.more_button = QPushButton(self.tr("Show older entries"))
        self.more_button.clicked.connect(self.load_more)
        self.more_button.setVisible(False)
        layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)

    def refresh(self) -> None:
        self._load(0)

    def load_more(self) -> None:
        self._load(len(self.rows))

    def _load(self, offset: int) -> None:
        ws = self.ctx.ws

        def work(job: Job) -> AuditPageData:
            return AuditPageData(audit_rows(ws, PAGE, offset), audit_count(ws))

        op = Operation(
            self, work, title=self.tr("Reading the audit log"), lane="read", dialog=False
        )
        op.success(lambda data: self._show(data, offset)).run()

    def _show(self, data: AuditPageData, offset: int) -> None:
        if offset == 0:
            self.table.clear()
            self.rows = []
        self.rows.extend(data.rows)
        self.total = data.total
        for row in data.rows:
            item = QTreeWidgetItem(
                [
                    str(row.id),
                    row.at[:19].replace("T", " "),
                    row.actor,
                    action_label(row.action),
                    row.details,
                ]
            )
            item.setToolTip(4, row.details[:2000])
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
        for col in range(4):
            self.table.resizeColumnToContents(col)
        self.count_label.setText(self.tr("%1 entries").replace("%1", f"{data.total:,}"))
        self.more_button.setVisible(len(self.rows) < data.total)

    def verify(self) -> None:
        ws = self.ctx.ws

        def work(job: Job) -> Verdict:
            with ws.read() as conn:
                broken = verify(conn)
            return Verdict(broken, audit_count(ws))

        self.verify_button.setEnabled(False)
        op = Operation(self, work, title=self.tr("Verifying the audit log"), lane="read")
        op.success(self._verdict)
        op.finished.connect(lambda: self.verify_button.setEnabled(True))
        op.run()

    def _verdict(self, verdict: Verdict) -> None:
        if verdict.broken_at is None:
            self.verdict.setText(
                self.tr("✔ The log is intact (%1 entries checked).").replace(
                    "%1", f"{verdict.entries:,}"
                )
            )
            self.verdict.setStyleSheet("color: #1e7b34; font-weight: bold;")
        else:
            self.verdict.setText(
                self.tr("✘ The log was altered at entry %1.").replace("%1", str(verdict.broken_at))
            )
            self.verdict.setStyleSheet("color: #c0392b; font-weight: bold;")
