"""The clue table: ids of the filtered clues in risk order; rows fetched by page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from core.views import CLUE_COLUMNS, ClueQuery, clue_ids, clue_rows
from core.workspace import Workspace
from desktop.labels import status_label
from desktop.models.id_table import IdTableModel

STATUS_COLOURS = {
    "new": "#1a5fb4",
    "reviewing": "#b36b00",
    "confirmed": "#1e7b34",
    "dismissed": "#888888",
}


class CluesModel(IdTableModel):
    """Clues selected by a ``ClueQuery``."""

    def __init__(self, ws: Workspace, parent: Any = None) -> None:
        headers = [
            self.tr("Score"),
            self.tr("Status"),
            self.tr("Clue"),
            self.tr("Models"),
            self.tr("Cases"),
            self.tr("Assignee"),
            self.tr("Tags"),
            self.tr("Updated"),
        ]
        super().__init__(
            CLUE_COLUMNS,
            headers,
            ClueQuery(),
            lambda q: clue_ids(ws, q),
            lambda ids: clue_rows(ws, ids),
            parent,
        )
        self.ws = ws

    def clue_id(self, row: int) -> int:
        return self.row_id(row)

    def cell(self, values: Any, column: str, role: int) -> Any:
        value = values[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if values["stale"]:
                return QBrush(QColor("#999999"))
            if column == "status":
                return QBrush(QColor(STATUS_COLOURS.get(value, "#000000")))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "score":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if values["stale"]:
                return self.tr("No longer found by the last run of its models.")
            if column in ("title", "case_nos", "models"):
                return self._text(column, value)
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(column, value)

    def _text(self, column: str, value: Any) -> str:
        if column == "score":
            return f"{value:.0f}"
        if column == "status":
            return status_label(value)
        if column in ("case_nos", "tags"):
            return "、".join(value)
        if column == "updated_at":
            return str(value)[:16].replace("T", " ")
        return "" if value is None else str(value)
