"""A read-only text view that highlights character spans (features, evidence, search words)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

PALETTE = (
    "#ffe08a",
    "#b9e4c9",
    "#ffc9c9",
    "#c5d8ff",
    "#f5c6ff",
    "#ffd8a8",
    "#c3fae8",
    "#e9ecef",
)
SEARCH_COLOUR = "#fff176"


@dataclass(frozen=True)
class Span:
    """Characters ``start``..``end`` of the text, painted in ``colour``; ``label`` is its tip."""

    start: int
    end: int
    colour: str
    label: str = ""


def colour_for(name: str, names: list[str]) -> str:
    """Return a stable colour for feature ``name`` among ``names``."""
    if name not in names:
        names.append(name)
    return PALETTE[names.index(name) % len(PALETTE)]


class HighlightText(QPlainTextEdit):
    """Shows a text with highlighted spans; ``spans`` keeps what is painted (tests read it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.spans: list[Span] = []

    def show_text(self, text: str, spans: Iterable[Span] = (), search: str = "") -> None:
        self.setPlainText(text)
        found = list(spans)
        if search:
            at = text.find(search)
            while at >= 0 and len(found) < 2000:
                found.append(Span(at, at + len(search), SEARCH_COLOUR, search))
                at = text.find(search, at + len(search))
        self.spans = [s for s in found if 0 <= s.start < s.end <= len(text)]
        units = _utf16_offsets(text)
        selections = []
        for span in self.spans:
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(span.colour))
            if span.label:
                fmt.setToolTip(span.label)
            sel.format = fmt  # type: ignore[attr-defined]
            cursor = QTextCursor(self.document())
            cursor.setPosition(units(span.start))
            cursor.setPosition(units(span.end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor  # type: ignore[attr-defined]
            selections.append(sel)
        self.setExtraSelections(selections)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def highlighted_text(self, span: Span) -> str:
        return self.toPlainText()[span.start : span.end]

    def reveal(self, start: int, end: int) -> None:
        """Scroll to and select characters ``start``..``end``."""
        units = _utf16_offsets(self.toPlainText())
        cursor = self.textCursor()
        cursor.setPosition(units(start))
        cursor.setPosition(units(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()


def _utf16_offsets(text: str) -> Callable[[int], int]:
    """Return a map from Python character offsets to Qt's UTF-16 positions."""
    if text.isascii() or all(ord(c) <= 0xFFFF for c in text):
        return lambda i: i
    wide = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]  # each takes two UTF-16 units
    return lambda i: i + bisect_left(wide, i)
