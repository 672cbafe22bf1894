"""The clues page: the clue list in risk order with filters, and the selected clue in full."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
)

from core.views import ClueChoices, ClueQuery, clue_choices
from desktop.context import AppContext
from desktop.labels import status_label
from desktop.models.clues_model import CluesModel
from desktop.operations import Change, Job, Operation
from desktop.pages.base import Page
from desktop.widgets.clue_view import ClueView

STATUSES = (
    "new",
    "reviewing",
    "confirmed",
    "dismissed",
    "transferred",
    "suggestion_issued",
    "closed",
)


class CluesPage(Page):
    interests = Change.CLUES | Change.DRAFTS | Change.WORKSPACE

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.undo_stack = QUndoStack(self)
        ctx.undo_group.addStack(self.undo_stack)
        self.model = CluesModel(ctx.ws, self)
        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.model_filter = QComboBox()
        self.model_filter.setObjectName("clueModelFilter")
        self.model_filter.setMinimumWidth(180)
        self.model_filter.addItem(self.tr("All models"), None)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("clueStatusFilter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.status_filter.addItem(status_label(status), status)
        self.score_filter = QDoubleSpinBox()
        self.score_filter.setObjectName("clueScoreFilter")
        self.score_filter.setRange(0, 100)
        self.score_filter.setDecimals(0)
        self.score_filter.setPrefix(self.tr("score ≥ "))
        self.assignee_filter = QComboBox()
        self.assignee_filter.setObjectName("clueAssigneeFilter")
        self.assignee_filter.addItem(self.tr("Any assignee"), None)
        self.assignee_filter.addItem(self.tr("Nobody assigned"), "")
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("clueTagFilter")
        self.tag_filter.addItem(self.tr("Any tag"), None)
        self.text_filter = QLineEdit()
        self.text_filter.setObjectName("clueTextFilter")
        self.text_filter.setPlaceholderText(self.tr("Title, case number, name or ID number"))
        self.text_filter.setClearButtonEnabled(True)
        for widget in (
            self.model_filter,
            self.status_filter,
            self.score_filter,
            self.assignee_filter,
            self.tag_filter,
        ):
            bar.addWidget(widget)
        bar.addWidget(self.text_filter, 1)
        layout.addLayout(bar)

        row = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("clueCount")
        row.addWidget(self.count_label)
        row.addStretch(1)
        self.export_button = QPushButton(self.tr("Export list…"))
        self.export_button.clicked.connect(self.export)
        self.handed_button = QPushButton(self.tr("Handed-down clues"))
        self.handed_button.setToolTip(
            self.tr("Import clues handed down by a superior procuratorate, or report back on them")
        )
        handed = QMenu(self.handed_button)
        handed.addAction(self.tr("Import a hand-down sheet…"), self._handed_import)
        handed.addAction(self.tr("Write the report back…"), self._handed_report)
        self.handed_button.setMenu(handed)
        self.draft_button = QPushButton(self.tr("Draft a procuratorial suggestion"))
        self.draft_button.setObjectName("draftButton")
        self.draft_button.setToolTip(
            self.tr("Select one or more confirmed clues, then draft the suggestion.")
        )
        self.draft_button.clicked.connect(self.draft)
        row.addWidget(self.handed_button)
        row.addWidget(self.export_button)
        row.addWidget(self.draft_button)
        layout.addLayout(row)

        self.table = QTableView()
        self.table.setObjectName("clueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(24)
        vertical.setVisible(False)
        for col, width in enumerate((48, 112, 320, 150, 170, 70, 90, 110)):
            self.table.setColumnWidth(col, width)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        self.view = ClueView(ctx.ws, self.undo_stack)
        self.view.setObjectName("clueView")
        self.view.case_requested.connect(lambda case_id: ctx.navigate("cases", case_id))
        self.view.notice.connect(ctx.show_status)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.view)
        self.splitter.setSizes([620, 660])
        layout.addWidget(self.splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.apply_filters)
        for combo in (self.model_filter, self.status_filter, self.assignee_filter, self.tag_filter):
            combo.currentIndexChanged.connect(lambda _i: self._timer.start())
        self.score_filter.valueChanged.connect(lambda _v: self._timer.start())
        self.text_filter.textChanged.connect(lambda _t: self._timer.start())
        self.model.loaded.connect(self._loaded)
        self.model.modelReset.connect(self._reselect)
        self._filling = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ctx.undo_group.setActiveStack(self.undo_stack)
        self.view.actor = self.ctx.user or None

    def refresh(self) -> None:
        ws = self.ctx.ws

        def work(job: Job) -> ClueChoices:
            return clue_choices(ws)

        Operation(self, work, title=self.tr("Reading clues"), lane="read", dialog=False).success(
            self._choices
        ).run()
        self.apply_filters()

    def _choices(self, choices: ClueChoices) -> None:
        self._filling = True
        try:
            for combo, items in (
                (self.model_filter, [(f"{name}（{n}）", mid) for mid, name, n in choices.models]),
                (self.tag_filter, [(t, t) for t in choices.tags]),
            ):
                current = combo.currentData()
                while combo.count() > 1:
                    combo.removeItem(1)
                for text, data in items:
                    combo.addItem(text, data)
                combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
            current = self.assignee_filter.currentData()
            while self.assignee_filter.count() > 2:
                self.assignee_filter.removeItem(2)
            for name in choices.assignees:
                self.assignee_filter.addItem(name, name)
            found = self.assignee_filter.findData(current) if current is not None else 0
            self.assignee_filter.setCurrentIndex(max(found, 0))
        finally:
            self._filling = False
        self._timer.stop()

    def query(self) -> ClueQuery:
        score = self.score_filter.value()
        return ClueQuery(
            model_id=self.model_filter.currentData(),
            status=self.status_filter.currentData(),
            min_score=score if score > 0 else None,
            assignee=self.assignee_filter.currentData(),
            tag=self.tag_filter.currentData(),
            text=self.text_filter.text().strip() or None,
            sort=self.model.query.sort,
            descending=self.model.query.descending,
        )

    def apply_filters(self) -> Operation[Any]:
        self._timer.stop()
        return self.model.set_query(self.query())

    def _loaded(self, count: int) -> None:
        if self.model.query.filtered:
            self.count_label.setText(self.tr("%1 clues match").replace("%1", f"{count:,}"))
        else:
            self.count_label.setText(
                self.tr("%1 clues, highest risk first").replace("%1", f"{count:,}")
            )

    def _reselect(self) -> None:
        clue = self.view.clue_id
        if clue is None:
            return
        row = self.model.row_of(clue)
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)

    def _selected(self, *_args: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) >= 1:
            self.view.show_clue(self.model.clue_id(rows[-1].row()))

    def selected_ids(self) -> list[int]:
        return [self.model.clue_id(i.row()) for i in self.table.selectionModel().selectedRows()]

    def open_item(self, argument: object) -> None:
        """Open a clue id, or apply a filter given as {"status": ...}."""
        if isinstance(argument, dict):
            status = argument.get("status")
            if status:
                self.status_filter.setCurrentIndex(max(self.status_filter.findData(status), 0))
            return
        if isinstance(argument, int):
            self.view.show_clue(argument)
            row = self.model.row_of(argument)
            if row >= 0:
                self.table.selectRow(row)

    def draft(self) -> None:
        from desktop.dialogs.drafting import DraftingDialog

        ids = self.selected_ids()
        dialog = DraftingDialog(self.ctx, ids, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def _handed_import(self) -> None:
        from desktop.handed_actions import ask_and_import

        ask_and_import(self, self.ctx)

    def _handed_report(self) -> None:
        from desktop.handed_actions import ask_and_report

        ask_and_report(self, self.ctx)

    def export(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        default = self.ctx.ws.exports_dir / "线索清单.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export clues"), str(default), "Excel (*.xlsx);;CSV (*.csv)"
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Any) -> Operation[Any]:
        from core.clues.export import export_clues
        from core.clues.queries import ClueFilter

        q = self.query()
        flt = ClueFilter(
            model_ids=(q.model_id,) if q.model_id else (),
            statuses=(q.status,) if q.status else (),
            assignee=q.assignee or None,
            tag=q.tag,
            text=q.text,
            min_score=q.min_score,
        )
        fmt = "csv" if str(path).lower().endswith(".csv") else "xlsx"
        ws = self.ctx.ws
        op: Operation[Any] = Operation(
            self,
            lambda job: export_clues(ws, fmt, path, flt),
            title=self.tr("Exporting clues"),
            changes=Change.AUDIT,
        )
        op.success(
            lambda n: self.ctx.show_status(
                self.tr("%1 clues exported to %2").replace("%1", str(n)).replace("%2", str(path))
            )
        )
        return op.run()

    def save_state(self, settings: Any) -> None:
        settings.setValue("clues/splitter", self.splitter.saveState())
