"""Entry point of the frozen (PyInstaller) program: ``clueworks`` (CLI) or ``clueworks-gui``.

Both executables of the bundle run this script; the executable's own name says which
program the user started. ``multiprocessing.freeze_support()`` comes first, because the
import and analysis steps start "spawn" helper processes, which in a frozen program
re-run this executable with ``--multiprocessing-fork`` arguments.

``CLUEWORKS_QUIT_WHEN_SHOWN=1`` makes the window program quit as soon as its event loop
runs (the main window is then open): the smoke test times a cold start with it.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path


def _quit_when_shown() -> None:
    from PySide6.QtCore import QTimer

    from desktop.app import application

    # A zero timer fires on the event loop's first turn, after the window was shown.
    QTimer.singleShot(0, application().quit)


def main() -> int:
    """Run the GUI when started as ``clueworks-gui``, otherwise the command line."""
    multiprocessing.freeze_support()
    if Path(sys.executable).stem.lower().endswith("-gui"):
        from desktop.app import main as gui_main

        if os.environ.get("CLUEWORKS_QUIT_WHEN_SHOWN") == "1":
            _quit_when_shown()
        return gui_main()
    from core.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
