"""The main window: navigation on the left, one page per entry, menus and a status bar."""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from core.workspace import Workspace
from desktop import operations
from desktop.context import AppContext
from desktop.icons import icon
from desktop.pages.base import Page

# (key, module, class) — pages are built on first visit so that start-up stays quick.
PAGES: tuple[tuple[str, str, str], ...] = (
    ("home", "desktop.pages.home", "HomePage"),
    ("data", "desktop.pages.datasets", "DatasetsPage"),
    ("cases", "desktop.pages.cases", "CasesPage"),
    ("models", "desktop.pages.models", "ModelsPage"),
    ("clues", "desktop.pages.clues", "CluesPage"),
    ("documents", "desktop.pages.documents", "DocumentsPage"),
    ("statistics", "desktop.pages.statistics", "StatisticsPage"),
    ("audit", "desktop.pages.audit", "AuditPage"),
)
IMPORTABLE = (".xlsx", ".xls", ".xlsm", ".ods", ".csv", ".txt", ".tsv")
MAX_RECENT = 8


class MainWindow(QMainWindow):
    """One window over one workspace."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = AppContext(ws)
        self.ws = ws
        self.pages: dict[str, Page] = {}
        self._wizard: QWidget | None = None
        self.setWindowTitle(self.tr("Clue Workstation — %1").replace("%1", ws.root.name))
        self.setAcceptDrops(True)
        self._build_body()
        self._build_menus()
        self._build_status()
        self.ctx.navigate_requested.connect(self.navigate)
        self.ctx.import_requested.connect(self.open_import_wizard)
        self.ctx.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._restore()
        remember_workspace(ws.root)
        self.nav.setCurrentRow(0)

    # layout ----------------------------------------------------------------
    def _page_titles(self) -> dict[str, str]:
        return {
            "home": self.tr("Home"),
            "data": self.tr("Data"),
            "cases": self.tr("Cases"),
            "models": self.tr("Models"),
            "clues": self.tr("Clues"),
            "documents": self.tr("Documents"),
            "statistics": self.tr("Statistics"),
            "audit": self.tr("Audit"),
        }

    def _build_body(self) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(2)
        self.nav.setMinimumWidth(112)
        self.nav.setStyleSheet(
            "QListWidget#nav { font-size: 11pt; border: none; background: palette(window); }"
            "QListWidget#nav::item { padding: 8px 6px; }"
            "QListWidget#nav::item:selected { background: #2b5797; color: white; border-radius: 4px; }"
        )
        titles = self._page_titles()
        self.stack = QStackedWidget()
        for key, _module, _cls in PAGES:
            item = QListWidgetItem(titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            found = icon(key)
            if found is not None:
                item.setIcon(found)
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # placeholder until the page is first shown
        self.nav.currentRowChanged.connect(self._show_row)
        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([140, 1200])
        self.setCentralWidget(self.splitter)

    def page(self, key: str) -> Page:
        """Return the page ``key``, building it on first use."""
        found = self.pages.get(key)
        if found is not None:
            return found
        index = [k for k, _m, _c in PAGES].index(key)
        _key, module, cls = PAGES[index]
        page: Page = getattr(importlib.import_module(module), cls)(self.ctx)
        page.setObjectName(f"page_{key}")
        old = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.pages[key] = page
        return page

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = PAGES[row][0]
        page = self.page(key)
        self.stack.setCurrentWidget(page)

    def navigate(self, key: str, argument: object = None) -> None:
        """Show page ``key`` and, when given, open ``argument`` on it."""
        row = [k for k, _m, _c in PAGES].index(key)
        self.nav.setCurrentRow(row)
        if argument is not None:
            self.page(key).open_item(argument)

    def current_key(self) -> str:
        return PAGES[max(self.nav.currentRow(), 0)][0]

    # menus -----------------------------------------------------------------
    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.import_action = self._action(
            self.tr("&Import spreadsheets…"), lambda: self.open_import_wizard([]), "Ctrl+I"
        )
        file_menu.addAction(self.import_action)
        file_menu.addAction(
            self._action(
                self.tr("&Open workspace…"), self.choose_workspace, QKeySequence.StandardKey.Open
            )
        )
        self.recent_menu = file_menu.addMenu(self.tr("Recent &workspaces"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addAction(self._action(self.tr("Show workspace &folder"), self._open_folder))
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        )

        edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = self.ctx.undo_group.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.ctx.undo_group.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(self.tr("&Find in cases…"), self._find, QKeySequence.StandardKey.Find)
        )

        view_menu = bar.addMenu(self.tr("&View"))
        titles = self._page_titles()
        for number, (key, _m, _c) in enumerate(PAGES, start=1):
            view_menu.addAction(
                self._action(titles[key], lambda _=False, k=key: self.navigate(k), f"Ctrl+{number}")
            )
        view_menu.addSeparator()
        view_menu.addAction(
            self._action(self.tr("&Refresh"), self._refresh, QKeySequence.StandardKey.Refresh)
        )
        lang_menu = view_menu.addMenu(self.tr("&Language"))
        for code, label in (("zh_CN", "中文"), ("en", "English")):
            lang_menu.addAction(self._action(label, lambda _=False, c=code: self._set_language(c)))

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Keyboard shortcuts"), self._show_shortcuts))
        help_menu.addAction(self._action(self.tr("&About"), self._about))

    def _build_status(self) -> None:
        self.workspace_label = QLabel()
        self.workspace_label.setObjectName("workspaceLabel")
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.statusBar().addPermanentWidget(self.workspace_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self.workspace_label.setText(self.tr("Workspace: %1").replace("%1", str(self.ws.root)))
        from core.audit import current_actor

        self.set_user(current_actor())

    def set_user(self, name: str) -> None:
        """Show who is working; the accounts feature sets this after its login."""
        self.ctx.user = name
        self.user_label.setText(self.tr("User: %1").replace("%1", name))

    # actions ---------------------------------------------------------------
    def open_import_wizard(self, paths: list[str]) -> None:
        from desktop.dialogs.import_wizard import ImportWizard

        if self._wizard is not None and self._wizard.isVisible():
            self._wizard.raise_()
            if paths:
                self._wizard.add_files(paths)  # type: ignore[attr-defined]
            return
        wizard = ImportWizard(self.ctx, paths, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.destroyed.connect(lambda: setattr(self, "_wizard", None))
        self._wizard = wizard
        wizard.show()

    def choose_workspace(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Open workspace folder"), str(self.ws.root.parent)
        )
        if folder:
            self.switch_workspace(Path(folder))

    def switch_workspace(self, folder: Path) -> None:
        """Open another workspace in a new window and close this one."""
        if folder.resolve() == self.ws.root.resolve():
            return
        from desktop.app import open_window

        try:
            open_window(folder)
        except Exception as exc:
            from desktop.dialogs.errors import show_error

            show_error(self, self.tr("Open workspace"), exc, "")
            return
        self.close()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_workspaces():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.switch_workspace(Path(p)))
        if self.recent_menu.isEmpty():
            none = self.recent_menu.addAction(self.tr("(none)"))
            none.setEnabled(False)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ws.root)))

    def _find(self) -> None:
        self.navigate("cases")
        self.page("cases").focus_search()  # type: ignore[attr-defined]

    def _refresh(self) -> None:
        self.page(self.current_key()).refresh()

    def _set_language(self, code: str) -> None:
        QSettings().setValue("language", code)
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The language changes the next time the program starts."),
        )

    def _show_shortcuts(self) -> None:
        lines = [
            self.tr("Ctrl+1 … Ctrl+8: switch pages"),
            self.tr("Ctrl+I: import spreadsheets"),
            self.tr("Ctrl+O: open a workspace"),
            self.tr("Ctrl+F: search the judgment texts"),
            self.tr("Ctrl+Z / Ctrl+Shift+Z: undo / redo a note or status change"),
            self.tr("F5: refresh the page"),
        ]
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), "\n".join(lines))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr(
                "Clue Workstation\nScreens case data for supervision clues and drafts "
                "procuratorial suggestions. Works offline; data stays on this computer."
            ),
        )

    # drag and drop ----------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event.mimeData().urls())
        if files:
            event.acceptProposedAction()
            self.open_import_wizard(files)

    # settings ----------------------------------------------------------------
    def _restore(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 840)
        state = settings.value("window/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        busy = [op for op in operations.running() if op.lane == "write"]
        if busy:
            answer = QMessageBox.question(
                self,
                self.tr("Work in progress"),
                self.tr("An operation is still running. Cancel it and close?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        for page in self.pages.values():
            save = getattr(page, "save_state", None)
            if save is not None:
                save(settings)
        operations.cancel_all()
        operations.wait_all()
        super().closeEvent(event)


def dropped_files(urls: list[QUrl]) -> list[str]:
    """Return the local spreadsheet files among dropped URLs."""
    out = []
    for url in urls:
        if url.isLocalFile():
            path = url.toLocalFile()
            if Path(path).suffix.lower() in IMPORTABLE:
                out.append(path)
    return out


def recent_workspaces() -> list[str]:
    value = QSettings().value("recent_workspaces", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if Path(str(v)).exists()]


def remember_workspace(folder: Path) -> None:
    items = [p for p in recent_workspaces() if p != str(folder)]
    QSettings().setValue("recent_workspaces", [str(folder), *items][:MAX_RECENT])
