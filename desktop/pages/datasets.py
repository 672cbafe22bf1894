"""The data page: imported datasets, how each was mapped, and the rows kept in quarantine."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from core.cases import DatasetInfo, list_datasets
from core.views import QuarantinedRow, dataset_mapping, quarantined_rows
from desktop.context import AppContext
from desktop.labels import field_label, kind_label
from desktop.operations import Change, Job, Operation
from desktop.pages.base import Page


@dataclass(frozen=True)
class DatasetDetail:
    mapping: dict[str, dict[str, object]]
    quarantined: list[QuarantinedRow]


class DatasetsPage(Page):
    interests = Change.DATASETS | Change.WORKSPACE

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.datasets: list[DatasetInfo] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Imported datasets"))
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        top.addWidget(title)
        top.addStretch(1)
        self.import_button = QPushButton(self.tr("Import spreadsheets…"))
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(lambda: ctx.start_import([]))
        self.analyse_button = QPushButton(self.tr("Analyse again"))
        self.analyse_button.setToolTip(
            self.tr("Recompute text features and party entities for cases that need it.")
        )
        self.analyse_button.clicked.connect(self.analyse)
        top.addWidget(self.analyse_button)
        top.addWidget(self.import_button)
        layout.addLayout(top)
        hint = QLabel(self.tr("Tip: drag spreadsheet files onto the window to import them."))
        hint.setStyleSheet("color: gray")
        layout.addWidget(hint)

        self.table = QTreeWidget()
        self.table.setObjectName("datasetTable")
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels(
            [
                self.tr("No."),
                self.tr("File"),
                self.tr("Sheet"),
                self.tr("Kind"),
                self.tr("Rows imported"),
                self.tr("Duplicates"),
                self.tr("Quarantined"),
                self.tr("Imported at"),
                self.tr("By"),
            ]
        )
        self.table.itemSelectionChanged.connect(self._selected)

        self.tabs = QTabWidget()
        self.mapping = QTreeWidget()
        self.mapping.setObjectName("datasetMapping")
        self.mapping.setRootIsDecorated(False)
        self.mapping.setHeaderLabels(
            [
                self.tr("Field"),
                self.tr("Source header"),
                self.tr("Confidence"),
                self.tr("Matched by"),
            ]
        )
        self.quarantine = QTreeWidget()
        self.quarantine.setObjectName("quarantineTable")
        self.quarantine.setRootIsDecorated(False)
        self.quarantine.setHeaderLabels([self.tr("Row"), self.tr("Reason"), self.tr("Cells")])
        self.tabs.addTab(self.mapping, self.tr("Header mapping"))
        self.tabs.addTab(self.quarantine, self.tr("Quarantined rows"))

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setSizes([380, 300])
        layout.addWidget(splitter, 1)
        self.empty = QLabel(
            self.tr("No data yet. Import the spreadsheets you were given: File → Import (Ctrl+I).")
        )
        self.empty.setObjectName("emptyHint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty)

    def refresh(self) -> None:
        ws = self.ctx.ws

        def work(job: Job) -> list[DatasetInfo]:
            return list_datasets(ws)

        Operation(self, work, title=self.tr("Reading datasets"), lane="read", dialog=False).success(
            self._show
        ).run()

    def _show(self, datasets: list[DatasetInfo]) -> None:
        selected = self.selected_id()
        self.datasets = datasets
        self.table.clear()
        for d in datasets:
            item = QTreeWidgetItem(
                [
                    str(d.id),
                    d.name,
                    d.sheet,
                    kind_label(d.kind, d.list_type),
                    f"{d.rows:,}",
                    f"{d.duplicates:,}",
                    f"{d.quarantined:,}",
                    d.imported_at[:16],
                    d.imported_by,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, d.id)
            for col in (0, 4, 5, 6):
                item.setTextAlignment(
                    col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            self.table.addTopLevelItem(item)
            if d.id == selected:
                item.setSelected(True)
        for col in range(9):
            self.table.resizeColumnToContents(col)
        self.empty.setVisible(not datasets)
        if datasets and not self.table.selectedItems():
            self.table.topLevelItem(len(datasets) - 1).setSelected(True)

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return int(items[0].data(0, Qt.ItemDataRole.UserRole)) if items else None

    def open_item(self, argument: object) -> None:
        for i in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(i)
            item.setSelected(item.data(0, Qt.ItemDataRole.UserRole) == argument)

    def _selected(self) -> None:
        dataset_id = self.selected_id()
        if dataset_id is None:
            return
        ws = self.ctx.ws

        def work(job: Job) -> DatasetDetail:
            return DatasetDetail(dataset_mapping(ws, dataset_id), quarantined_rows(ws, dataset_id))

        Operation(self, work, title=self.tr("Reading dataset"), lane="read", dialog=False).success(
            self._show_detail
        ).run()

    def _show_detail(self, detail: DatasetDetail) -> None:
        self.mapping.clear()
        by_names = {
            "header": self.tr("header"),
            "values": self.tr("values"),
            "user": self.tr("user"),
        }
        for field, info in detail.mapping.items():
            confidence = info.get("confidence")
            self.mapping.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        field_label(field),
                        str(info.get("header", "")),
                        f"{float(confidence):.0%}" if isinstance(confidence, int | float) else "",
                        by_names.get(str(info.get("by")), str(info.get("by", ""))),
                    ]
                )
            )
        self.quarantine.clear()
        for row in detail.quarantined:
            cells = "；".join(f"{k}={v}" for k, v in row.cells.items() if v)
            self.quarantine.addTopLevelItem(
                QTreeWidgetItem([str(row.row_number), row.reason, cells[:300]])
            )
        self.tabs.setTabText(
            1, self.tr("Quarantined rows (%1)").replace("%1", str(len(detail.quarantined)))
        )
        for tree in (self.mapping, self.quarantine):
            tree.resizeColumnToContents(0)
            tree.resizeColumnToContents(1)

    def analyse(self) -> None:
        from desktop.child import ChildCall

        stage = self.tr("Analysing judgment texts and parties…")
        call = ChildCall("desktop.jobs:analyse", str(self.ctx.ws.root), {"label": stage})
        Operation(
            self,
            call,
            title=self.tr("Analysing"),
            changes=Change.FEATURES | Change.ENTITIES | Change.AUDIT,
        ).success(lambda _s: self.ctx.show_status(self.tr("Analysis finished."))).run()
