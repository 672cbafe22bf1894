"""The desktop entry point: a QApplication with the main window over one workspace."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class MainWindow(QMainWindow):
    def __init__(self, workspace: Path) -> None:
        super().__init__()
        self.setWindowTitle(f"检察监督线索工作台 — {workspace}")
        self.resize(1280, 800)
        self.setCentralWidget(QLabel("检察监督线索工作台"))
        self.statusBar().showMessage(f"工作区：{workspace}")


def run(workspace: Path) -> int:
    """Show the main window on ``workspace`` and run the event loop."""
    app = QApplication.instance() or QApplication(sys.argv)
    window = MainWindow(workspace)
    window.show()
    return int(app.exec())


def main() -> int:
    from core.workspace import open_workspace

    ws = open_workspace(sys.argv[1] if len(sys.argv) > 1 else None)
    return run(ws.root)
