"""The one exception family meant for the user: a Chinese message plus optional details."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can understand and act on; shown as-is, never as a traceback."""

    def __init__(self, message: str, details: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        if self.details:
            return f"{self.message}\n{self.details}"
        return self.message


class RefusedInput(UserError):
    """Input that cannot be imported at all (bad file, no usable columns)."""


class Cancelled(Exception):
    """Raised at a safe point when the user cancelled a long operation."""


class CancelToken:
    """A plain cancel flag a worker thread can check; mirrors ``threading.Event``."""

    def __init__(self) -> None:
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def is_set(self) -> bool:
        return self._cancelled

    def raise_if_cancelled(self) -> None:
        if self._cancelled:
            raise Cancelled()
