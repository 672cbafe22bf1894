"""The import wizard's mapping step: each source column, its samples, its field, how sure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from core.ingest.headers import LOW_CONFIDENCE
from core.ingest.lexicon import CASE_MAPPABLE, LIST_FIELDS
from desktop.labels import field_label

if TYPE_CHECKING:
    from desktop.dialogs.import_wizard import ImportWizard

LOW_COLOUR = "#fff3bf"
USER_COLOUR = "#e3f2fd"
SAMPLES_SHOWN = 3


class MappingPage(QWizardPage):
    """One row per source column; the user can point any column at any field, or at none."""

    COL_HEADER, COL_SAMPLES, COL_FIELD, COL_CONFIDENCE, COL_BY = range(5)

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr(
                "Each column of the sheet and the field it goes to. Check the rows marked in yellow: the match is uncertain."
            )
        )
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("mappingTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Source header"),
                self.tr("Sample values"),
                self.tr("Field"),
                self.tr("Confidence"),
                self.tr("Matched by"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.COL_SAMPLES, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.warning = QLabel()
        self.warning.setObjectName("mappingWarning")
        self.warning.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        legend = QLabel(
            self.tr(
                "Yellow: uncertain match · Blue: chosen by you · Columns without a field are kept as extra data."
            )
        )
        legend.setStyleSheet("color: gray")
        layout.addWidget(legend)
        self.combos: list[QComboBox] = []
        self._filling = False

    def fields(self) -> tuple[str, ...]:
        plan = self.w.session.plan
        assert plan is not None
        return CASE_MAPPABLE if plan.kind == "cases" else LIST_FIELDS

    def initializePage(self) -> None:
        plan = self.w.session.plan
        assert plan is not None
        self._filling = True
        by_column = {m.column: m for m in plan.mapping.values()}
        self.table.setRowCount(len(plan.headers))
        self.combos = []
        by_names = {
            "header": self.tr("header"),
            "values": self.tr("values"),
            "user": self.tr("user"),
        }
        for col, header in enumerate(plan.headers):
            samples = [r[col] for r in plan.samples if col < len(r) and r[col]][:SAMPLES_SHOWN]
            shown = "｜".join(s.replace("\n", " ")[:40] for s in samples)
            self.table.setItem(col, self.COL_HEADER, QTableWidgetItem(header))
            sample_item = QTableWidgetItem(shown)
            sample_item.setToolTip("\n".join(s[:300] for s in samples))
            self.table.setItem(col, self.COL_SAMPLES, sample_item)
            combo = QComboBox()
            combo.addItem(self.tr("(not imported as a field)"), None)
            for name in self.fields():
                combo.addItem(field_label(name), name)
                # The code is what the CLI's --map takes; shown on hover only.
                combo.setItemData(combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
            match = by_column.get(col)
            combo.setCurrentIndex(max(combo.findData(match.field), 0) if match else 0)
            combo.currentIndexChanged.connect(lambda _i, c=col: self._changed(c))
            self.table.setCellWidget(col, self.COL_FIELD, combo)
            self.combos.append(combo)
            confidence = QTableWidgetItem(f"{match.confidence:.0%}" if match else "")
            confidence.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(col, self.COL_CONFIDENCE, confidence)
            self.table.setItem(
                col,
                self.COL_BY,
                QTableWidgetItem(by_names.get(match.by, match.by) if match else ""),
            )
            self._colour(col, match.confidence if match else None, match.by if match else None)
        self.table.resizeColumnToContents(self.COL_HEADER)
        self.table.setColumnWidth(self.COL_FIELD, 230)
        self.table.resizeColumnToContents(self.COL_CONFIDENCE)
        self.table.resizeColumnToContents(self.COL_BY)
        self._filling = False
        self._check()

    def _colour(self, col: int, confidence: float | None, by: str | None) -> None:
        if by == "user":
            colour, tip = USER_COLOUR, self.tr("Chosen by you.")
        elif confidence is not None and confidence < LOW_CONFIDENCE:
            colour, tip = LOW_COLOUR, self.tr("Uncertain match: please check this column.")
        else:
            colour, tip = "", ""
        for c in (self.COL_HEADER, self.COL_SAMPLES, self.COL_CONFIDENCE, self.COL_BY):
            item = self.table.item(col, c)
            if item is None:
                continue
            item.setBackground(QBrush(QColor(colour)) if colour else QBrush())
            if c != self.COL_SAMPLES:
                item.setToolTip(tip)

    def is_low(self, col: int) -> bool:
        """Return whether row ``col`` is shown as an uncertain match (tests use this)."""
        item = self.table.item(col, self.COL_HEADER)
        return item is not None and item.background().color() == QColor(LOW_COLOUR)

    def choose(self, header: str, field: str | None) -> None:
        """Point the column named ``header`` at ``field`` (None: no field)."""
        plan = self.w.session.plan
        assert plan is not None
        col = plan.headers.index(header)
        combo = self.combos[col]
        combo.setCurrentIndex(combo.findData(field) if field else 0)

    def _changed(self, col: int) -> None:
        if self._filling:
            return
        chosen = self.combos[col].currentData()
        self._filling = True
        if chosen:
            for other, combo in enumerate(self.combos):
                if other != col and combo.currentData() == chosen:
                    combo.setCurrentIndex(0)  # a field takes one column
                    self.table.item(other, self.COL_CONFIDENCE).setText("")
                    self.table.item(other, self.COL_BY).setText("")
                    self._colour(other, None, None)
        self._filling = False
        self.table.item(col, self.COL_CONFIDENCE).setText("100%" if chosen else "")
        self.table.item(col, self.COL_BY).setText(self.tr("user") if chosen else "")
        self._colour(col, 1.0 if chosen else None, "user" if chosen else None)
        self._check()

    def columns(self) -> dict[int, str | None]:
        return {col: combo.currentData() for col, combo in enumerate(self.combos)}

    def _check(self) -> None:
        chosen = {f for f in self.columns().values() if f}
        plan = self.w.session.plan
        assert plan is not None
        if plan.kind == "cases" and "case_no" not in chosen:
            self.warning.setText(
                self.tr(
                    "Choose the column with the case number (案号): cases cannot be imported without it."
                )
            )
        elif plan.kind == "list" and not chosen & {"id_number", "name"}:
            self.warning.setText(self.tr("Choose the column with the ID number or the name."))
        else:
            self.warning.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.warning.text()

    def validatePage(self) -> bool:
        self.w.session.set_mapping(self.columns())
        return True
