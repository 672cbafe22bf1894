"""The documents page: the register of issued suggestions, replies due and overdue."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.drafting.register import SuggestionRow, list_suggestions
from desktop.context import AppContext
from desktop.operations import Change, Job, Operation
from desktop.pages.base import Page


class ReplyDialog(QDialog):
    """Asks when the reply came and what it said."""

    def __init__(self, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record the reply to %1").replace("%1", number))
        form = QFormLayout(self)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What the recipient answered (optional)"))
        form.addRow(self.tr("Reply received on:"), self.date)
        form.addRow(self.tr("Note:"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class DocumentsPage(Page):
    interests = Change.DRAFTS | Change.WORKSPACE

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.rows: list[SuggestionRow] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Register of procuratorial suggestions"))
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        top.addWidget(title)
        self.summary = QLabel()
        self.summary.setObjectName("registerSummary")
        top.addWidget(self.summary)
        top.addStretch(1)
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.overdue_only.setObjectName("overdueOnly")
        self.overdue_only.toggled.connect(self.refresh)
        self.draft_button = QPushButton(self.tr("Draft a suggestion…"))
        self.draft_button.clicked.connect(self.draft)
        self.reply_button = QPushButton(self.tr("Record reply…"))
        self.reply_button.clicked.connect(self.record_reply)
        self.open_button = QPushButton(self.tr("Open document"))
        self.open_button.clicked.connect(self.open_document)
        for widget in (self.overdue_only, self.open_button, self.reply_button, self.draft_button):
            top.addWidget(widget)
        layout.addLayout(top)
        self.table = QTreeWidget()
        self.table.setObjectName("registerTable")
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Kind"),
                self.tr("Recipient"),
                self.tr("Issued"),
                self.tr("Reply due"),
                self.tr("Status"),
                self.tr("Cases"),
            ]
        )
        self.table.itemActivated.connect(lambda _i, _c: self.open_document())
        layout.addWidget(self.table, 1)
        self.empty = QLabel(
            self.tr(
                "No suggestions issued yet. Select confirmed clues on the Clues page and choose “Draft a procuratorial suggestion”."
            )
        )
        self.empty.setObjectName("emptyHint")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty, 1)

    def refresh(self, *_args: object) -> None:
        ws = self.ctx.ws
        overdue = self.overdue_only.isChecked()

        def work(job: Job) -> list[SuggestionRow]:
            return list_suggestions(ws, overdue_only=overdue)

        Operation(
            self, work, title=self.tr("Reading the register"), lane="read", dialog=False
        ).success(self._show).run()

    def _show(self, rows: list[SuggestionRow]) -> None:
        from core.drafting.templates import kinds

        self.rows = rows
        self.table.clear()
        labels = {k: v.label for k, v in kinds().items()}
        overdue = 0
        awaiting = 0
        for r in rows:
            if r.status == "replied":
                status = self.tr("replied %1").replace("%1", r.replied_on or "")
            elif r.overdue:
                status = self.tr("overdue")
                overdue += 1
            else:
                status = self.tr("awaiting reply")
            awaiting += r.status != "replied"
            item = QTreeWidgetItem(
                [
                    r.number,
                    labels.get(r.kind, r.kind),
                    r.recipient,
                    r.issued_on,
                    r.due_on,
                    status,
                    "、".join(r.case_nos[:3]) + ("…" if len(r.case_nos) > 3 else ""),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            if r.overdue:
                for col in range(7):
                    item.setForeground(col, QBrush(QColor("#c0392b")))
            self.table.addTopLevelItem(item)
        for col in range(6):
            self.table.resizeColumnToContents(col)
        self.summary.setText(
            self.tr("%1 issued · %2 awaiting a reply · %3 overdue")
            .replace("%1", str(len(rows)))
            .replace("%2", str(awaiting))
            .replace("%3", str(overdue))
        )
        empty = not rows and not self.overdue_only.isChecked()
        self.empty.setVisible(empty)
        self.table.setVisible(not empty)

    def open_item(self, argument: object) -> None:
        if isinstance(argument, dict) and argument.get("overdue"):
            self.overdue_only.setChecked(True)

    def selected(self) -> SuggestionRow | None:
        items = self.table.selectedItems()
        if not items:
            return None
        wanted = items[0].data(0, Qt.ItemDataRole.UserRole)
        return next((r for r in self.rows if r.id == wanted), None)

    def draft(self) -> None:
        from desktop.dialogs.drafting import DraftingDialog

        dialog = DraftingDialog(self.ctx, [], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def record_reply(self) -> None:
        row = self.selected()
        if row is None or row.status == "replied":
            return
        dialog = ReplyDialog(row.number, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        day: dt.date = dialog.date.date().toPython()  # type: ignore[assignment]
        self.save_reply(row.number, day, dialog.note.text().strip() or None)

    def save_reply(self, number: str, day: dt.date, note: str | None) -> Operation[Any]:
        from core.drafting.register import record_reply

        ws = self.ctx.ws
        op: Operation[Any] = Operation(
            self,
            lambda job: record_reply(ws, number, day, note),
            title=self.tr("Recording the reply"),
            changes=Change.DRAFTS | Change.AUDIT,
        )
        return op.run()

    def open_document(self) -> None:
        row = self.selected()
        if row is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(row.file_path))
