"""A table over row ids: the ids come from a background query, rows are fetched by page.

Only the ordered ids live in memory (8 bytes a row); ``data()`` fetches the displayed
columns of the page a row falls in and keeps the most recently used pages. Sorting is
done by the query (SQL ``ORDER BY``), never by comparing rows in Python.
"""

from __future__ import annotations

import dataclasses
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.operations import Job, Operation

PAGE_ROWS = 200
CACHED_PAGES = 40
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class IdTableModel(QAbstractTableModel):
    """Rows selected by a frozen query dataclass with ``sort`` and ``descending`` fields."""

    loaded = Signal(int)
    loading = Signal()

    def __init__(
        self,
        columns: Sequence[str],
        headers: Sequence[str],
        query: Any,
        fetch_ids: Callable[[Any], Sequence[int]],
        fetch_rows: Callable[[list[int]], dict[int, Any]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.headers = list(headers)
        self.query = query
        self._fetch_ids = fetch_ids
        self._fetch_rows = fetch_rows
        self._ids: Sequence[int] = array("q")  # an array, or a range when ids have no gaps
        self._pages: OrderedDict[int, dict[int, Any]] = OrderedDict()
        self._op: Operation[Sequence[int]] | None = None
        self.page_fetches = 0  # how often the database was asked for rows (tests, benchmark)

    # querying ----------------------------------------------------------------
    def set_query(self, query: Any) -> Operation[Sequence[int]]:
        """Run ``query`` on the read lane; the table switches when the ids arrive."""
        if self._op is not None and self._op.is_running:
            self._op.cancel()
        self.query = query
        fetch = self._fetch_ids

        def work(job: Job) -> Sequence[int]:
            return fetch(query)

        op: Operation[Sequence[int]] = Operation(None, work, lane="read", dialog=False)
        op.success(lambda ids, q=query: self._set_ids(ids, q))
        self._op = op
        self.loading.emit()
        return op.run()

    def reload(self) -> Operation[Sequence[int]]:
        return self.set_query(self.query)

    def _set_ids(self, ids: Sequence[int], query: Any) -> None:
        if query != self.query:  # a newer query is on its way
            return
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()
        self.loaded.emit(len(ids))

    def show_ids(self, ids: list[int]) -> None:
        """Show exactly these rows in this order (e.g. a search that is still streaming)."""
        if self._op is not None and self._op.is_running:
            self._op.cancel()
        self.beginResetModel()
        self._ids = array("q", ids)
        self._pages.clear()
        self.endResetModel()

    def append_ids(self, ids: list[int]) -> None:
        if not ids:
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(ids) - 1)
        if not isinstance(self._ids, array):
            self._ids = array("q", self._ids)
        self._ids.extend(ids)
        self.endInsertRows()

    def forget_rows(self) -> None:
        """Drop cached rows (their values changed) and repaint."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1)
            )

    def row_id(self, row: int) -> int:
        return int(self._ids[row])

    def row_of(self, row_id: int) -> int:
        """Return the row showing ``row_id``, or -1."""
        try:
            return self._ids.index(row_id)
        except ValueError:
            return -1

    @property
    def busy(self) -> bool:
        return self._op is not None and self._op.is_running

    # Qt model ----------------------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def values(self, row: int) -> Any:
        """Return the fetched values of ``row`` (None when the row vanished meanwhile)."""
        if row >= len(self._ids):
            return None
        number = row // PAGE_ROWS
        page = self._pages.get(number)
        if page is None:
            ids = self._ids[number * PAGE_ROWS : (number + 1) * PAGE_ROWS]
            page = self._fetch_rows(list(ids))
            self.page_fetches += 1
            self._pages[number] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page.get(int(self._ids[row]))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.row_id(index.row())
        values = self.values(index.row())
        if values is None:
            return None
        return self.cell(values, self.columns[index.column()], role)

    def cell(self, values: Any, column: str, role: int) -> Any:
        """Return what ``column`` shows for ``role`` (override)."""
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column] if 0 <= column < len(self.columns) else "id"
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self.query.sort and descending == self.query.descending:
            return
        self.set_query(dataclasses.replace(self.query, sort=key, descending=descending))
