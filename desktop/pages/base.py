"""What pages share: refresh when the workspace changed in a way they care about."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.operations import Change, bus


class Page(QWidget):
    """A navigation page; ``refresh()`` re-reads what it shows, lazily when hidden."""

    interests: Change = Change.ALL

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._stale = True
        bus().changed.connect(self._on_changed)

    def _on_changed(self, changes: Change) -> None:
        if not (changes & self.interests):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        """Re-read what the page shows (override)."""

    def open_item(self, argument: object) -> None:
        """Show one item the page holds, e.g. a case id (override)."""
