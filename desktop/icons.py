"""Icons shipped as SVG files under resources/icons."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtGui import QIcon


@cache
def icon(name: str) -> QIcon | None:
    """Return the icon resources/icons/<name>.svg, or None when it is missing."""
    path = resources.files("resources") / "icons" / f"{name}.svg"
    if not path.is_file():
        return None
    return QIcon(str(path))
