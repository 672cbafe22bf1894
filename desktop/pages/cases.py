"""The cases page: a lazily fetched table with filters and text search, and the case in full."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QByteArray, QItemSelection, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
)

from core.search import TextHit, search_text
from core.views import CaseQuery, FilterChoices, case_id_for, filter_choices
from desktop.context import AppContext
from desktop.models.cases_model import CasesModel
from desktop.operations import Change, Job, Operation
from desktop.pages.base import Page
from desktop.widgets.case_detail import CaseDetail
from desktop.widgets.case_filters import CaseFilters

SEARCH_LIMIT = 2000


class CasesPage(Page):
    interests = Change.CASES | Change.FEATURES | Change.ENTITIES | Change.WORKSPACE

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.model = CasesModel(ctx.ws, self)
        self.search_op: Operation[list[TextHit]] | None = None
        self.search_term = ""
        self.hit_ids: list[int] | None = None
        self._pending_case: int | None = None
        layout = QVBoxLayout(self)

        self.filters = CaseFilters()
        self.filters.changed.connect(self.apply_filters)
        layout.addWidget(self.filters)

        search_row = QHBoxLayout()
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(
            self.tr("Search the judgment texts (e.g. 借条, 公告送达) — Enter")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.returnPressed.connect(self.start_search)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.clicked.connect(self.start_search)
        self.stop_button = QToolButton()
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop_search)
        self.search_bar = QProgressBar()
        self.search_bar.setMaximumWidth(160)
        self.search_bar.setTextVisible(False)
        self.search_bar.setVisible(False)
        self.count_label = QLabel()
        self.count_label.setObjectName("caseCount")
        search_row.addWidget(self.search_box, 1)
        search_row.addWidget(self.search_button)
        search_row.addWidget(self.stop_button)
        search_row.addWidget(self.search_bar)
        search_row.addWidget(self.count_label)
        layout.addLayout(search_row)

        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        # Fixed row heights let the view place a million rows without measuring any.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(24)
        vertical.setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for col, width in enumerate((190, 150, 120, 88, 88, 64, 120, 120, 96)):
            self.table.setColumnWidth(col, width)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.detail = CaseDetail(ctx.ws)
        self.detail.setObjectName("caseDetail")
        self.detail.entity_requested.connect(self.open_entity)
        self.splitter = QSplitter()
        self.splitter.setObjectName("casesSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 520])
        layout.addWidget(self.splitter, 1)

        self.model.loaded.connect(self._loaded)
        self.model.loading.connect(lambda: self.count_label.setText(self.tr("Loading…")))
        self.model.modelReset.connect(self._after_reset)
        self._restore()

    # state ---------------------------------------------------------------------
    def _restore(self) -> None:
        settings = QSettings()
        widths = settings.value("cases/widths")
        # Column widths only: restoring the header's whole state would also replay a sort.
        if isinstance(widths, list) and len(widths) == self.model.columnCount():
            for col, width in enumerate(widths):
                if str(width).isdigit() and 20 <= int(width) <= 2000:
                    self.table.setColumnWidth(col, int(width))
        split = settings.value("cases/splitter")
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(
            "cases/widths", [self.table.columnWidth(c) for c in range(self.model.columnCount())]
        )
        settings.setValue("cases/splitter", self.splitter.saveState())

    # loading -----------------------------------------------------------------------
    def refresh(self) -> None:
        ws = self.ctx.ws
        # The list first: the read lane runs in order, and the filter choices can wait.
        if self.hit_ids is not None and self.search_term:
            self.start_search()
        else:
            self.apply_filters()

        def choices(job: Job) -> FilterChoices:
            return filter_choices(ws)

        Operation(
            self, choices, title=self.tr("Reading filters"), lane="read", dialog=False
        ).success(self.filters.set_choices).run()

    def current_query(self) -> CaseQuery:
        base = self.filters.query(self.model.query.sort, self.model.query.descending)
        if self.hit_ids is not None:
            base = dataclasses.replace(base, only_ids=tuple(self.hit_ids))
        return base

    def apply_filters(self) -> Operation[Any] | None:
        if self.search_op is not None and self.search_op.is_running:
            return None  # the search applies the filters when it ends
        return self.model.set_query(self.current_query())

    def _loaded(self, count: int) -> None:
        self._show_count(count)

    def _show_count(self, count: int | None = None) -> None:
        shown = self.model.rowCount() if count is None else count
        if self.hit_ids is not None:
            text = (
                self.tr("%1 cases contain “%2”")
                .replace("%1", f"{shown:,}")
                .replace("%2", self.search_term)
            )
            if len(self.hit_ids) >= SEARCH_LIMIT:
                text += self.tr(" (first %1 shown)").replace("%1", str(SEARCH_LIMIT))
        elif self.current_query().filtered:
            text = self.tr("%1 cases match the filters").replace("%1", f"{shown:,}")
        else:
            text = self.tr("%1 cases").replace("%1", f"{shown:,}")
        self.count_label.setText(text)

    def _after_reset(self) -> None:
        if self._pending_case is not None:
            self._select_case(self._pending_case)

    # search --------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def start_search(self) -> None:
        term = self.search_box.text().strip()
        self.stop_search()
        if not term:
            self.search_term = ""
            self.hit_ids = None
            self.apply_filters()
            return
        self.search_term = term
        self.hit_ids = []
        self.model.show_ids([])
        ws = self.ctx.ws

        def work(job: Job) -> list[TextHit]:
            return search_text(
                ws,
                term,
                limit=SEARCH_LIMIT,
                on_hit=job.emit,
                progress=job.progress,
                cancel=job.cancel,
            )

        op: Operation[list[TextHit]] = Operation(
            self, work, title=self.tr("Searching"), lane="read", dialog=False
        )
        op.items(self._hits).progress(self._search_progress).success(lambda _h: self._search_done())
        op.cancelled(self._search_done).failure(lambda _e, _t: self._search_done())
        self.search_op = op
        self.stop_button.setEnabled(True)
        self.search_bar.setVisible(True)
        self.search_bar.setRange(0, 0)
        self.count_label.setText(self.tr("Searching…"))
        op.run()

    def _hits(self, hits: list[TextHit]) -> None:
        ids = [h.case_id for h in hits]
        assert self.hit_ids is not None
        self.hit_ids.extend(ids)
        if not self.filters.query().filtered:
            self.model.append_ids(ids)
        self.count_label.setText(
            self.tr("Searching… %1 found").replace("%1", str(len(self.hit_ids)))
        )

    def _search_progress(self, done: int, total: int, _label: str) -> None:
        if total > 0:
            self.search_bar.setRange(0, total)
            self.search_bar.setValue(done)

    def _search_done(self) -> None:
        self.stop_button.setEnabled(False)
        self.search_bar.setVisible(False)
        if self.search_op is not None:
            self.search_op = None
            self.model.set_query(self.current_query())

    def stop_search(self) -> None:
        if self.search_op is not None and self.search_op.is_running:
            self.search_op.cancel()

    def clear_search(self) -> None:
        self.search_box.clear()
        self.start_search()

    # selection ------------------------------------------------------------------------
    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.detail.show_case(self.model.case_id(rows[0].row()), self.search_term)

    def open_item(self, argument: object) -> None:
        """Open case ``argument`` (an id or a case number), listing it when it is hidden."""
        case_id = argument if isinstance(argument, int) else case_id_for(self.ctx.ws, str(argument))
        if case_id is None:
            self.ctx.show_status(
                self.tr("No case %1 in this workspace.").replace("%1", str(argument))
            )
            return
        if not self._select_case(case_id):
            self._pending_case = case_id
            if self.model.query.filtered or self.hit_ids is not None:
                self.search_box.clear()
                self.search_term = ""
                self.hit_ids = None
                self.filters.reset()
            self.detail.show_case(case_id)

    def _select_case(self, case_id: int) -> bool:
        row = self.model.row_of(case_id)
        if row < 0:
            return False
        self._pending_case = None
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def open_entity(self, entity_id: int) -> None:
        from desktop.dialogs.entity import EntityDialog

        dialog = EntityDialog(self.ctx.ws, entity_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.case_requested.connect(lambda no: (dialog.close(), self.open_item(no)))
        dialog.show()
