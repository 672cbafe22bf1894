"""A guard against a PySide6 6.12 defect on Python 3.11: None/True/False losing references.

PySide6 6.12.0 returns ``None`` from void methods and ``True`` from ``Signal.emit`` without
taking a reference, which is harmless on Python 3.12+ (those objects are immortal there,
PEP 683) but on 3.11 each call removes one reference; after some hundred thousand calls
the interpreter aborts with "deallocating None". Measured here: 1,000 ``processEvents()``
calls drop 1,000 references to None; PySide6 6.11.2 drops none. The real fix is a
dependency pin (PySide6 < 6.12 while Python 3.11 is supported); until then this gives the
three objects a reference count they cannot run out of in any session, which is what
Python 3.12 does for every interpreter.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40  # far more calls than a program makes in years


def needs_guard(python: tuple[int, int], pyside: str) -> bool:
    """Return whether this Python and PySide6 pair has the defect."""
    return python < (3, 12) and pyside.startswith("6.12.")


def guard_immortals() -> bool:
    """Make None, True and False unable to reach a zero count; return whether it was needed."""
    import PySide6

    if sys.implementation.name != "cpython" or not needs_guard(
        sys.version_info[:2], PySide6.__version__
    ):
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object (non-debug builds).
        ctypes.c_ssize_t.from_address(id(obj)).value += HEADROOM
    return True
