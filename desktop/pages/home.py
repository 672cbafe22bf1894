"""The home page: what needs attention — new clues, overdue replies, the last import and run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.views import WorkspaceSummary, workspace_summary
from desktop.context import AppContext
from desktop.operations import Change, Job, Operation
from desktop.pages.base import Page

TOP_CLUES = 10


@dataclass(frozen=True)
class HomeData:
    data: WorkspaceSummary
    attention: Any  # core.views.Attention when clues exist, else None
    top_clues: list[tuple[int, dict[str, Any]]]  # the riskiest clues still to check


class Card(QFrame):
    """A titled box with a big figure, a line of detail and an optional button."""

    def __init__(self, title: str, button: str | None = None) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("card")
        self.setStyleSheet(
            "QFrame#card { background: palette(base); border: 1px solid #d0d7e2; border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        self.title = QLabel(title)
        self.title.setStyleSheet("color: #555; font-size: 10.5pt;")
        self.figure = QLabel("—")
        self.figure.setObjectName("figure")
        self.figure.setStyleSheet("font-size: 22pt; font-weight: bold; color: #2b5797;")
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        layout.addWidget(self.figure)
        layout.addWidget(self.detail, 1)
        self.button: QPushButton | None = None
        if button:
            self.button = QPushButton(button)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)

    def set(self, figure: str, detail: str, alert: bool = False) -> None:
        self.figure.setText(figure)
        colour = "#c0392b" if alert else "#2b5797"
        self.figure.setStyleSheet(f"font-size: 22pt; font-weight: bold; color: {colour};")
        self.detail.setText(detail)


class HomePage(Page):
    interests = Change.ALL

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        outer = QVBoxLayout(self)
        self.heading = QLabel(self.tr("Today"))
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        outer.addWidget(self.heading)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setSpacing(14)
        self.new_clues = Card(self.tr("New clues to check"), self.tr("Open clues"))
        self.overdue = Card(self.tr("Overdue replies to suggestions"), self.tr("Open documents"))
        self.last_run = Card(self.tr("Last model run"), self.tr("Run models"))
        self.last_import = Card(self.tr("Last import"), self.tr("Import spreadsheets…"))
        self.data = Card(self.tr("Data in this workspace"), self.tr("Open cases"))
        self.pending = Card(self.tr("Cases waiting for analysis"), self.tr("Analyse now"))
        cards = (
            self.new_clues,
            self.overdue,
            self.last_run,
            self.last_import,
            self.data,
            self.pending,
        )
        for i, card in enumerate(cards):
            grid.addWidget(card, i // 3, i % 3)
        for col in range(3):
            grid.setColumnStretch(col, 1)
        outer.addWidget(grid_host)
        self.top_title = QLabel(self.tr("Clues to check first"))
        self.top_title.setStyleSheet("font-size: 12pt; font-weight: bold; margin-top: 8px;")
        outer.addWidget(self.top_title)
        self.top = QTreeWidget()
        self.top.setObjectName("topClues")
        self.top.setRootIsDecorated(False)
        self.top.setAlternatingRowColors(True)
        self.top.setHeaderLabels(
            [self.tr("Score"), self.tr("Status"), self.tr("Clue"), self.tr("Models")]
        )
        self.top.itemActivated.connect(
            lambda item, _c: ctx.navigate("clues", item.data(0, Qt.ItemDataRole.UserRole))
        )
        outer.addWidget(self.top, 1)
        self.top_hint = QLabel(self.tr("Double-click a clue to work on it."))
        self.top_hint.setStyleSheet("color: gray")
        outer.addWidget(self.top_hint)
        outer.addStretch(0)  # takes the room only while there is no clue list
        self._wire(self.new_clues, lambda: ctx.navigate("clues", {"status": "new"}))
        self._wire(self.overdue, lambda: ctx.navigate("documents", {"overdue": True}))
        self._wire(self.last_run, lambda: ctx.navigate("models"))
        self._wire(self.last_import, lambda: ctx.start_import([]))
        self._wire(self.data, lambda: ctx.navigate("cases"))
        self._wire(self.pending, self._analyse)

    @staticmethod
    def _wire(card: Card, slot: Any) -> None:
        if card.button is not None:
            card.button.clicked.connect(slot)

    def refresh(self) -> None:
        ws = self.ctx.ws

        def work(job: Job) -> HomeData:
            from core.views import ClueQuery, attention, clue_ids, clue_rows

            ids = [*clue_ids(ws, ClueQuery(status="new"))[:TOP_CLUES]]
            rows = clue_rows(ws, ids)
            return HomeData(
                workspace_summary(ws), attention(ws), [(i, rows[i]) for i in ids if i in rows]
            )

        Operation(
            self, work, title=self.tr("Reading workspace"), lane="read", dialog=False
        ).success(self._show).run()

    def _show(self, home: HomeData) -> None:
        s = home.data
        self._top(home.top_clues)
        self.data.set(
            self.tr("%1 cases").replace("%1", f"{s.cases:,}"),
            self.tr("%1 list records in %2 datasets; %3 entities resolved")
            .replace("%1", f"{s.list_records:,}")
            .replace("%2", str(s.datasets))
            .replace("%3", f"{s.entities:,}"),
        )
        if s.last_import is not None:
            d = s.last_import
            self.last_import.set(
                d.imported_at[:16],
                self.tr("%1 · %2 rows imported, %3 quarantined, by %4")
                .replace("%1", d.name)
                .replace("%2", f"{d.rows:,}")
                .replace("%3", f"{d.quarantined:,}")
                .replace("%4", d.imported_by),
            )
        else:
            self.last_import.set(
                "—", self.tr("Nothing imported yet. Start with the spreadsheets you were given.")
            )
        self.pending.set(
            f"{s.cases_without_features:,}",
            self.tr("All cases are analysed.")
            if not s.cases_without_features
            else self.tr("These cases have no text features yet; models need them."),
            alert=bool(s.cases_without_features),
        )
        if self.pending.button is not None:
            self.pending.button.setEnabled(bool(s.cases_without_features))
        a = home.attention
        if a is None:
            none = self.tr("No clues yet: run the models after importing data.")
            self.new_clues.set("0", none)
            self.overdue.set("0", self.tr("No suggestions issued yet."))
            self.last_run.set("—", self.tr("No model has been run in this workspace."))
            return
        self.new_clues.set(
            f"{a.new_clues:,}",
            self.tr("%1 clues in all; %2 being checked, %3 confirmed")
            .replace("%1", f"{a.clues:,}")
            .replace("%2", f"{a.reviewing:,}")
            .replace("%3", f"{a.confirmed:,}"),
            alert=a.new_clues > 0,
        )
        self.overdue.set(
            f"{a.overdue:,}",
            self.tr("%1 suggestions issued, %2 awaiting a reply")
            .replace("%1", f"{a.suggestions:,}")
            .replace("%2", f"{a.awaiting:,}")
            if a.suggestions
            else self.tr("No suggestions issued yet."),
            alert=a.overdue > 0,
        )
        if a.last_run_at:
            self.last_run.set(
                a.last_run_at[:16].replace("T", " "),
                self.tr("%1 models run, %2 clues raised, by %3")
                .replace("%1", str(a.last_run_models))
                .replace("%2", f"{a.last_run_clues:,}")
                .replace("%3", a.last_run_by or "—"),
            )
        else:
            self.last_run.set("—", self.tr("No model has been run in this workspace."))

    def _top(self, clues: list[tuple[int, dict[str, Any]]]) -> None:
        from desktop.labels import status_label

        self.top.clear()
        for clue_id, row in clues:
            item = QTreeWidgetItem(
                [f"{row['score']:.0f}", status_label(row["status"]), row["title"], row["models"]]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, clue_id)
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.top.addTopLevelItem(item)
        self.top.resizeColumnToContents(0)
        self.top.resizeColumnToContents(1)
        self.top.setColumnWidth(2, 620)
        for widget in (self.top, self.top_title, self.top_hint):
            widget.setVisible(bool(clues))

    def _analyse(self) -> None:
        from desktop.child import ChildCall

        stage = self.tr("Analysing judgment texts and parties…")
        call = ChildCall("desktop.jobs:analyse", str(self.ctx.ws.root), {"label": stage})
        Operation(
            self,
            call,
            title=self.tr("Analysing"),
            changes=Change.FEATURES | Change.ENTITIES | Change.AUDIT,
        ).run()
