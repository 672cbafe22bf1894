"""What every page can reach: the workspace, navigation and app-wide services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup

from core.workspace import Workspace


class AppContext(QObject):
    """The open workspace plus the few window services pages call (navigate, import, status)."""

    navigate_requested = Signal(str, object)  # page key, argument (e.g. a case id)
    import_requested = Signal(list)  # file paths (may be empty: ask the user)
    status_message = Signal(str)

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.undo_group = QUndoGroup(self)
        self.user = ""
        self._hooks: dict[str, Callable[..., Any]] = {}

    def navigate(self, page: str, argument: object = None) -> None:
        """Show ``page`` ("home", "data", "cases", …), optionally opening ``argument`` there."""
        self.navigate_requested.emit(page, argument)

    def start_import(self, paths: list[str] | None = None) -> None:
        self.import_requested.emit(list(paths or []))

    def show_status(self, text: str) -> None:
        self.status_message.emit(text)
