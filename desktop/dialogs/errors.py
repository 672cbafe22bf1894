"""Showing a failure to the user: a readable Chinese message, with details to copy."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from core.errors import UserError

log = logging.getLogger(__name__)
shown: list[QMessageBox] = []  # the dialogs on screen, newest last (tests look here)


def error_texts(exc: BaseException, trace: str) -> tuple[str, str, bool]:
    """Return (message, details, is_bug) for a failure; bugs are logged with their traceback."""
    if isinstance(exc, UserError):
        return exc.message, exc.details or "", False
    child_trace = getattr(exc, "trace", "")
    if child_trace:  # the helper process's traceback says where it really went wrong
        trace = f"{child_trace}\n{trace}"
    from core.logs import log_crash

    try:
        where = str(log_crash(trace))
    except OSError:  # the log folder may be read-only; the dialog still shows the trace
        where = ""
    log.error("operation failed:\n%s", trace)
    message = QCoreApplication.translate(
        "ErrorDialog",
        "An internal error stopped the operation. Data already saved is not affected.",
    )
    details = trace + (
        (
            "\n"
            + QCoreApplication.translate("ErrorDialog", "Details were written to: %1").replace(
                "%1", where
            )
        )
        if where
        else ""
    )
    return message, details, True


def show_error(parent: QWidget | None, title: str, exc: BaseException, trace: str) -> QMessageBox:
    """Open a non-blocking message box for ``exc``; its details can be copied."""
    message, details, bug = error_texts(exc, trace)
    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Critical if bug else QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("ErrorDialog", "Operation failed"))
    box.setText(message)
    if details:
        box.setDetailedText(details)
        copy = box.addButton(
            QCoreApplication.translate("ErrorDialog", "Copy details"),
            QMessageBox.ButtonRole.ActionRole,
        )
        # An action-role button closes the box by default; keep it open after copying.
        copy.clicked.disconnect()
        copy.clicked.connect(lambda: _copy(message, details))
    box.addButton(QMessageBox.StandardButton.Ok)
    box.finished.connect(lambda _r: shown.remove(box) if box in shown else None)
    shown.append(box)
    box.open()
    return box


def _copy(message: str, details: str) -> None:
    QApplication.clipboard().setText(f"{message}\n\n{details}")
