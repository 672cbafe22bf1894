"""The import wizard's first pages: the files, then the sheet and the kind of data."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from core.ingest.lexicon import LIST_TYPES
from core.ingest.plan import ImportOptions, ImportPlan
from desktop.labels import list_type_label

if TYPE_CHECKING:
    from desktop.dialogs.import_wizard import ImportWizard

FILE_FILTER = "*.xlsx *.xls *.xlsm *.ods *.csv *.txt *.tsv *.htm *.html"


class FilesPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Choose the files"))
        self.setSubTitle(
            self.tr(
                "Spreadsheets from courts or other agencies: .xlsx, .xls, .ods or .csv. You can also drop files here."
            )
        )
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("fileList")
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add files…"))
        self.add_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._ready_for: Path | None = None

    def initializePage(self) -> None:
        self.w.session.index = self.w.session.next_pending()
        self.refresh_list()

    def refresh_list(self) -> None:
        self.list.clear()
        for i, f in enumerate(self.w.session.files):
            if f.report is not None:
                status = self.tr("imported")
            elif i == self.w.session.next_pending():
                status = self.tr("next")
            else:
                status = self.tr("waiting")
            item = QListWidgetItem(f"{f.path.name}  —  {status}")
            item.setToolTip(str(f.path))
            self.list.addItem(item)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.session.next_pending() < len(self.w.session.files)

    def choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose spreadsheets"),
            "",
            self.tr("Spreadsheets (%1)").replace("%1", FILE_FILTER),
        )
        if paths:
            self.w.add_files(paths)

    def remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.w.session.files) and self.w.session.files[row].report is None:
            del self.w.session.files[row]
            self.refresh_list()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        from desktop.main_window import dropped_files

        files = dropped_files(event.mimeData().urls())
        if files:
            event.acceptProposedAction()
            self.w.add_files(files)

    def validatePage(self) -> bool:
        session = self.w.session
        session.index = session.next_pending()
        current = session.current
        if current is None:
            return False
        if self._ready_for == current.path and session.plan is not None:
            return True

        def ready(_plan: ImportPlan) -> None:
            self._ready_for = current.path
            self.w.next()

        self.w.inspect(ImportOptions(), ready)
        return False

    def cleanupPage(self) -> None:
        self._ready_for = None


class SheetPage(QWizardPage):
    """Which sheet, where the header is, and whether the rows are cases or a list."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Sheet and kind of data"))
        self.setSubTitle(
            self.tr("Check the sheet and whether the rows are court cases or a list of persons.")
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.file_label = QLabel()
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheetCombo")
        self.sheet.activated.connect(self._sheet_chosen)
        self.header_label = QLabel()
        self.header_label.setWordWrap(True)
        form.addRow(self.tr("File:"), self.file_label)
        form.addRow(self.tr("Sheet:"), self.sheet)
        form.addRow(self.tr("Header:"), self.header_label)
        layout.addLayout(form)
        kind_row = QHBoxLayout()
        self.cases_radio = QRadioButton(self.tr("Court cases (one row per case)"))
        self.cases_radio.setObjectName("kindCases")
        self.list_radio = QRadioButton(
            self.tr("A list of persons (deaths, pensions, licences, convictions…)")
        )
        self.list_radio.setObjectName("kindList")
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.cases_radio)
        self.kind_group.addButton(self.list_radio)
        self.kind_group.buttonClicked.connect(self._kind_chosen)
        kind_row.addWidget(self.cases_radio)
        kind_row.addWidget(self.list_radio)
        kind_row.addStretch(1)
        layout.addWidget(QLabel(self.tr("Kind of data:")))
        layout.addLayout(kind_row)
        type_row = QHBoxLayout()
        self.list_type = QComboBox()
        self.list_type.setObjectName("listTypeCombo")
        for code in LIST_TYPES:
            self.list_type.addItem(list_type_label(code), code)
        self.list_type.activated.connect(self._list_type_chosen)
        type_row.addWidget(QLabel(self.tr("List type:")))
        type_row.addWidget(self.list_type)
        type_row.addStretch(1)
        layout.addLayout(type_row)
        self.busy = QLabel()
        self.busy.setStyleSheet("color: gray")
        layout.addWidget(self.busy)
        layout.addStretch(1)
        self._busy = False

    def initializePage(self) -> None:
        self.show_plan()

    def show_plan(self) -> None:
        plan = self.w.session.plan
        if plan is None:
            return
        self.file_label.setText(plan.file_name + (f"（{plan.encoding}）" if plan.encoding else ""))
        self.sheet.clear()
        for info in plan.sheets:
            self.sheet.addItem(
                self.tr("%1 (%2 rows)")
                .replace("%1", info.name or self.tr("(text)"))
                .replace("%2", f"{info.rows:,}"),
                info.name,
            )
        self.sheet.setCurrentIndex(max(self.sheet.findData(plan.sheet), 0))
        self.sheet.setEnabled(len(plan.sheets) > 1)
        shown = "、".join(h for h in plan.headers[:12] if h)
        self.header_label.setText(
            self.tr("row %1: %2").replace("%1", str(plan.header_row + 1)).replace("%2", shown)
            + ("…" if len(plan.headers) > 12 else "")
        )
        (self.cases_radio if plan.kind == "cases" else self.list_radio).setChecked(True)
        self.list_type.setCurrentIndex(max(self.list_type.findData(plan.list_type or "other"), 0))
        self.list_type.setEnabled(plan.kind == "list")
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setText(self.tr("Reading the file again…") if busy else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self._busy and self.w.session.plan is not None

    def _options(self) -> ImportOptions:
        kind = "cases" if self.cases_radio.isChecked() else "list"
        return ImportOptions(
            sheet=self.sheet.currentData(),
            kind=kind,
            list_type=self.list_type.currentData() if kind == "list" else None,
        )

    def _reinspect(self, options: ImportOptions) -> None:
        self._set_busy(True)
        op = self.w.inspect(options, lambda _plan: self.show_plan())
        op.failure(lambda _e, _t: self._failed())

    def _failed(self) -> None:
        self.show_plan()

    def _sheet_chosen(self, _index: int) -> None:
        plan = self.w.session.plan
        if plan is not None and self.sheet.currentData() != plan.sheet:
            self._reinspect(ImportOptions(sheet=self.sheet.currentData()))

    def _kind_chosen(self, _button: object) -> None:
        self.list_type.setEnabled(self.list_radio.isChecked())
        self._reinspect(self._options())

    def _list_type_chosen(self, _index: int) -> None:
        plan = self.w.session.plan
        if plan is not None and plan.kind == "list":
            self.w.session.plan = dataclasses.replace(plan, list_type=self.list_type.currentData())
