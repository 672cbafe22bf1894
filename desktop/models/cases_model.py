"""The case table: ids of the filtered, sorted cases; the displayed columns fetched by page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from core.views import CASE_COLUMNS, CaseQuery, case_ids, case_rows
from core.workspace import Workspace
from desktop.models.id_table import IdTableModel


class CasesModel(IdTableModel):
    """Cases selected by a ``CaseQuery``."""

    def __init__(self, ws: Workspace, parent: Any = None) -> None:
        headers = [
            self.tr("Case number"),
            self.tr("Court"),
            self.tr("Cause"),
            self.tr("Filed"),
            self.tr("Closed"),
            self.tr("Closing"),
            self.tr("Plaintiffs"),
            self.tr("Defendants"),
            self.tr("Claim (yuan)"),
        ]
        super().__init__(
            CASE_COLUMNS,
            headers,
            CaseQuery(),
            lambda q: case_ids(ws, q),
            lambda ids: case_rows(ws, ids),
            parent,
        )
        self.ws = ws

    def case_id(self, row: int) -> int:
        return self.row_id(row)

    def cell(self, values: Any, column: str, role: int) -> Any:
        value = values[self.columns.index(column)]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == "claim_amount":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if value is None:
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        if column == "claim_amount":
            return f"{float(value):,.2f}" if role == Qt.ItemDataRole.DisplayRole else None
        text = str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 20 else None
        return text.replace("\n", " ")
