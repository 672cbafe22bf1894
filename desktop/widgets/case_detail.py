"""One case in full: its fields, features highlighted at their spans, parties and entities."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.cases import case_detail
from core.text.features import FEATURE_LABELS
from core.workspace import Workspace
from desktop.labels import role_label
from desktop.operations import Job, Operation
from desktop.widgets.highlight_text import HighlightText, Span, colour_for


def feature_label(feature: dict[str, Any]) -> str:
    """Return a feature as the user reads it: 缺席判决, 借款本金 50000, 到庭（被告）."""
    name = str(feature["name"])
    label = FEATURE_LABELS.get(name, name)
    value = feature.get("value")
    if name in ("principal", "relationship", "address") and value not in (None, "", "true"):
        label += f"：{value}"
    party = feature.get("party")
    if party:
        label += f"（{role_label(str(party))}）"
    return label


class CaseDetail(QWidget):
    """Loads a case on the read lane and shows it; ``entity_requested(id)`` on a party click."""

    entity_requested = Signal(int)
    loaded = Signal(int)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.case: dict[str, Any] | None = None
        self.search = ""
        self._steps: dict[str, int] = {}
        self._op: Operation[dict[str, Any]] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        self.title = QLabel(self.tr("Select a case to see it here."))
        self.title.setObjectName("caseTitle")
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(2)
        layout.addWidget(self.form_host)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        text_tab = QSplitter(Qt.Orientation.Vertical)
        self.features = QListWidget()
        self.features.setObjectName("featureList")
        self.features.setFlow(QListWidget.Flow.LeftToRight)
        self.features.setWrapping(True)
        self.features.setSpacing(3)
        self.features.setMaximumHeight(96)
        self.features.itemClicked.connect(self._reveal_feature)
        self.text = HighlightText()
        self.text.setObjectName("caseText")
        text_tab.addWidget(self.features)
        text_tab.addWidget(self.text)
        text_tab.setStretchFactor(1, 1)
        text_tab.setSizes([100, 500])
        self.tabs.addTab(text_tab, self.tr("Text and features"))

        self.parties = QTreeWidget()
        self.parties.setObjectName("partyTree")
        self.parties.setHeaderLabels(
            [self.tr("Role"), self.tr("Name"), self.tr("ID number"), self.tr("Entity")]
        )
        self.parties.setRootIsDecorated(False)
        self.parties.itemActivated.connect(self._open_entity)
        self.parties.itemClicked.connect(self._entity_click)
        self.tabs.addTab(self.parties, self.tr("Parties"))

        self.source = QTreeWidget()
        self.source.setHeaderLabels([self.tr("Item"), self.tr("Value")])
        self.source.setRootIsDecorated(False)
        self.tabs.addTab(self.source, self.tr("Source and data notes"))

    def show_case(self, case_id: int, search: str = "") -> Operation[dict[str, Any]]:
        """Load ``case_id`` in the background and show it (and mark ``search`` in its text)."""
        if self._op is not None and self._op.is_running:
            self._op.cancel()
        self.search = search
        ws = self.ws

        def work(job: Job) -> dict[str, Any]:
            return case_detail(ws, case_id)

        op: Operation[dict[str, Any]] = Operation(
            self, work, title=self.tr("Opening case"), lane="read", dialog=False
        )
        op.success(self._show)
        self._op = op
        return op.run()

    def clear(self) -> None:
        self.case = None
        self.title.setText(self.tr("Select a case to see it here."))
        self._fill_form({})
        self.features.clear()
        self.text.show_text("")
        self.parties.clear()
        self.source.clear()

    def _fill_form(self, case: dict[str, Any]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        if not case:
            return
        rows = (
            (self.tr("Court"), case.get("court")),
            (self.tr("Cause"), case.get("cause")),
            (
                self.tr("Procedure"),
                " ".join(filter(None, (case.get("procedure"), case.get("doc_type")))),
            ),
            (
                self.tr("Filed / closed"),
                " → ".join(filter(None, (case.get("filing_date"), case.get("closing_date")))),
            ),
            (
                self.tr("Closing / service"),
                " · ".join(filter(None, (case.get("closing_method"), case.get("service_method")))),
            ),
            (
                self.tr("Claim"),
                f"{case['claim_amount']:,.2f} 元" if case.get("claim_amount") else "",
            ),
            (self.tr("Judge"), case.get("judge")),
        )
        for label, value in rows:
            shown = QLabel(str(value or "—"))
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            self.form.addRow(label, shown)

    def _show(self, case: dict[str, Any]) -> None:
        self.case = case
        self._steps = {}
        self.title.setText(str(case["case_no"]))
        self._fill_form(case)
        names: list[str] = []
        spans: list[Span] = []
        self.features.clear()
        items: dict[str, QListWidgetItem] = {}
        for feature in case["features"]:
            label = feature_label(feature)
            colour = colour_for(str(feature["name"]), names)
            where = (feature["start"], feature["end"])
            item = items.get(label)
            if item is None:  # one chip per feature; a click steps through its places
                item = items[label] = QListWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, [])
                item.setBackground(_qcolor(colour))
                item.setToolTip(str(feature.get("cue") or ""))
                self.features.addItem(item)
            item.setData(Qt.ItemDataRole.UserRole, [*item.data(Qt.ItemDataRole.UserRole), where])
            count = len(item.data(Qt.ItemDataRole.UserRole))
            item.setText(label if count == 1 else f"{label} ×{count}")
            if feature["start"] is not None and feature["start"] >= 0:
                spans.append(Span(int(feature["start"]), int(feature["end"]), colour, label))
        if not case["features"]:
            empty = QListWidgetItem(
                self.tr("No text features (no judgment text, or not analysed yet).")
            )
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.features.addItem(empty)
        self.text.show_text(
            case.get("full_text") or self.tr("(no judgment text)"), spans, self.search
        )
        self._fill_parties(case)
        self._fill_source(case)
        self.loaded.emit(int(case["id"]))

    def _fill_parties(self, case: dict[str, Any]) -> None:
        self.parties.clear()
        for party in case["parties"]:
            entity = party.get("entity_id")
            link = self.tr("Entity #%1 ›").replace("%1", str(entity)) if entity else ""
            item = QTreeWidgetItem(
                [role_label(party["role"]), party["name"], party.get("id_number") or "", link]
            )
            if entity:
                item.setData(3, Qt.ItemDataRole.UserRole, int(entity))
                item.setForeground(3, _qcolor("#1a5fb4"))
                item.setToolTip(3, party.get("entity_reason") or "")
            self.parties.addTopLevelItem(item)
        for col in range(4):
            self.parties.resizeColumnToContents(col)

    def _fill_source(self, case: dict[str, Any]) -> None:
        self.source.clear()
        src = case.get("source") or {}
        rows = [
            (self.tr("File"), src.get("file", "")),
            (self.tr("Sheet"), src.get("sheet", "")),
            (self.tr("Row"), str(src.get("row", ""))),
        ]
        flags = case.get("flags") or {}
        for note in flags.get("notes") or []:
            rows.append((self.tr("Data note"), str(note)))
        for note in (case.get("extra") or {}).get("_数据问题", []):
            rows.append((self.tr("Import note"), str(note)))
        for key, value in (case.get("extra") or {}).items():
            if not key.startswith("_"):
                rows.append((str(key), str(value)))
        for label, value in rows:
            self.source.addTopLevelItem(QTreeWidgetItem([label, value]))
        self.source.resizeColumnToContents(0)

    def _reveal_feature(self, item: QListWidgetItem) -> None:
        places = [
            p for p in item.data(Qt.ItemDataRole.UserRole) or [] if p[0] is not None and p[0] >= 0
        ]
        if not places:
            return
        step = (self._steps.get(item.text(), -1) + 1) % len(places)
        self._steps[item.text()] = step
        self.text.reveal(int(places[step][0]), int(places[step][1]))

    def _entity_click(self, item: QTreeWidgetItem, column: int) -> None:
        if column == 3:
            self._open_entity(item, column)

    def _open_entity(self, item: QTreeWidgetItem, _column: int) -> None:
        entity = item.data(3, Qt.ItemDataRole.UserRole)
        if entity:
            self.entity_requested.emit(int(entity))


def _qcolor(name: str) -> Any:
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(name))
