"""The filter bar over the case table: cause, court, closing method, filing dates, features."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QWidget,
)

from core.text.features import FEATURE_LABELS
from core.views import FILTER_FLAGS, CaseQuery, FilterChoices

DEBOUNCE_MS = 200


class CaseFilters(QWidget):
    """Emits ``changed`` (debounced) when any filter changes; ``query()`` reads them."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._filling = True  # no change signals while the bar is being built
        self.flag_actions: dict[str, QAction] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.changed)
        self.cause = self._combo(self.tr("All causes"), "causeFilter", 170)
        self.court = self._combo(self.tr("All courts"), "courtFilter", 170)
        self.closing = self._combo(self.tr("All closing methods"), "closingFilter", 130)
        self.use_dates = QCheckBox(self.tr("Filed"))
        self.use_dates.setObjectName("dateFilter")
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self._touch)
        self.date_from.setDate(QDate(2015, 1, 1))
        self.date_to.setDate(QDate.currentDate())
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)
        self.use_dates.toggled.connect(self._touch)
        self.flags_button = QToolButton()
        self.flags_button.setObjectName("flagFilter")
        self.flags_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.flags_menu = QMenu(self.flags_button)
        for flag in FILTER_FLAGS:
            label = FEATURE_LABELS.get(
                flag, self.tr("Parties related") if flag == "related" else flag
            )
            action = self.flags_menu.addAction(label)
            action.setCheckable(True)
            action.toggled.connect(self._touch)
            self.flag_actions[flag] = action
        self.flags_button.setMenu(self.flags_menu)
        self._label_flags()
        self.reset_button = QToolButton()
        self.reset_button.setText(self.tr("Clear filters"))
        self.reset_button.clicked.connect(self.reset)
        for widget in (self.cause, self.court, self.closing, self.use_dates, self.date_from):
            layout.addWidget(widget)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.date_to)
        layout.addWidget(self.flags_button)
        layout.addWidget(self.reset_button)
        layout.addStretch(1)
        self._filling = False

    def _combo(self, everything: str, name: str, width: int) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setMinimumWidth(width)
        combo.setMaxVisibleItems(20)
        combo.addItem(everything, None)
        combo.currentIndexChanged.connect(self._touch)
        return combo

    def _touch(self, *_args: object) -> None:
        if self.flag_actions:
            self._label_flags()
        if not self._filling:
            self._timer.start()

    def _label_flags(self) -> None:
        chosen = [f for f, a in self.flag_actions.items() if a.isChecked()]
        text = (
            self.tr("Features")
            if not chosen
            else self.tr("Features (%1)").replace("%1", str(len(chosen)))
        )
        self.flags_button.setText(text + " ▾")

    def set_choices(self, choices: FilterChoices) -> None:
        """Offer the values present in the workspace, keeping the current choice."""
        self._filling = True
        try:
            for combo, values in (
                (self.cause, choices.causes),
                (self.court, choices.courts),
                (self.closing, choices.closing_methods),
            ):
                current = combo.currentData()
                while combo.count() > 1:
                    combo.removeItem(1)
                for value, count in values:
                    combo.addItem(f"{value}（{count}）", value)
                found = combo.findData(current) if current is not None else 0
                combo.setCurrentIndex(max(found, 0))
            if choices.first_date and not self.use_dates.isChecked():
                self.date_from.setDate(QDate(choices.first_date.year, choices.first_date.month, 1))
            if choices.last_date and not self.use_dates.isChecked():
                self.date_to.setDate(
                    QDate(choices.last_date.year, choices.last_date.month, choices.last_date.day)
                )
        finally:
            self._filling = False

    def query(self, sort: str = "id", descending: bool = False) -> CaseQuery:
        """Return the filters as a query (without a text search)."""
        date_from: dt.date | None = None
        date_to: dt.date | None = None
        if self.use_dates.isChecked():
            date_from = self.date_from.date().toPython()  # type: ignore[assignment]
            date_to = self.date_to.date().toPython()  # type: ignore[assignment]
        return CaseQuery(
            cause=self.cause.currentData(),
            court=self.court.currentData(),
            closing_method=self.closing.currentData(),
            date_from=date_from,
            date_to=date_to,
            flags=tuple(f for f, a in self.flag_actions.items() if a.isChecked()),
            sort=sort,
            descending=descending,
        )

    def set_flags(self, flags: list[str]) -> None:
        for flag, action in self.flag_actions.items():
            action.setChecked(flag in flags)

    def reset(self) -> None:
        self._filling = True
        try:
            for combo in (self.cause, self.court, self.closing):
                combo.setCurrentIndex(0)
            self.use_dates.setChecked(False)
            for action in self.flag_actions.values():
                action.setChecked(False)
        finally:
            self._filling = False
        self._label_flags()
        self.changed.emit()

    def select(self, combo: QComboBox, value: str) -> bool:
        """Choose ``value`` in ``combo`` (tests and links use this); return whether it exists."""
        index = combo.findData(value)
        if index < 0:
            return False
        combo.setCurrentIndex(index)
        return True

    def keyPressEvent(self, event: object) -> None:  # Esc clears the filters
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            self.reset()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
