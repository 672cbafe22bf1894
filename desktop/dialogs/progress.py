"""The progress dialog an operation shows once it has run longer than half a second."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ProgressDialog(QDialog):
    """A bar, the current step, the elapsed time and a Cancel button."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None, title: str, cancellable: bool) -> None:
        super().__init__(parent)
        self.setObjectName("progressDialog")
        self.setWindowTitle(title or self.tr("Working"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        self._started = time.monotonic()
        layout = QVBoxLayout(self)
        self.title_label = QLabel(title)
        self.title_label.setStyleSheet("font-weight: bold")
        self.stage_label = QLabel(self.tr("Please wait…"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.elapsed_label = QLabel()
        layout.addWidget(self.title_label)
        layout.addWidget(self.stage_label)
        layout.addWidget(self.bar)
        layout.addWidget(self.elapsed_label)
        buttons = QDialogButtonBox()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(cancellable)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self._cancel)
        layout.addWidget(buttons)

    def set_progress(self, done: int, total: int, label: str) -> None:
        if label:
            self.stage_label.setText(label)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)
        seconds = int(time.monotonic() - self._started)
        self.elapsed_label.setText(self.tr("Elapsed: %n s", "", seconds))

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.stage_label.setText(self.tr("Cancelling…"))
        self.cancel_requested.emit()

    def reject(self) -> None:  # Esc or the window's close button mean Cancel
        if self.cancel_button.isEnabled():
            self._cancel()

    def finish(self) -> None:
        self.done(0)
        self.deleteLater()
