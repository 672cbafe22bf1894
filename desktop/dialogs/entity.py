"""A resolved entity: the names it goes by, and every case it appears in, with why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.parties.service import show_entity
from core.workspace import Workspace
from desktop.labels import role_label
from desktop.operations import Job, Operation


class EntityDialog(QDialog):
    """Shows one entity; ``case_requested(case_no)`` when the user opens one of its cases."""

    case_requested = Signal(str)

    def __init__(self, ws: Workspace, entity_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityDialog")
        self.setWindowTitle(self.tr("Entity #%1").replace("%1", str(entity_id)))
        self.resize(760, 460)
        self.entity: dict[str, Any] | None = None
        layout = QVBoxLayout(self)
        self.header = QLabel(self.tr("Loading…"))
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.header)
        self.mentions = QTreeWidget()
        self.mentions.setRootIsDecorated(False)
        self.mentions.setHeaderLabels(
            [
                self.tr("Case number"),
                self.tr("Cause"),
                self.tr("Filed"),
                self.tr("Role"),
                self.tr("Name as written"),
                self.tr("Why linked"),
            ]
        )
        self.mentions.itemActivated.connect(self._open_case)
        layout.addWidget(self.mentions, 1)
        hint = QLabel(self.tr("Double-click a case to open it."))
        hint.setStyleSheet("color: gray")
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        def work(job: Job) -> dict[str, Any]:
            return show_entity(ws, entity_id)

        self.op: Operation[dict[str, Any]] = Operation(
            self, work, title=self.tr("Opening entity"), lane="read", dialog=False
        )
        self.op.success(self._show).run()

    def _show(self, entity: dict[str, Any]) -> None:
        self.entity = entity
        kind = self.tr("organisation") if entity["kind"] == "organisation" else self.tr("person")
        roles = "、".join(f"{role_label(r)} {n}" for r, n in sorted(entity["roles"].items()))
        lines = [
            f"<b>{entity['display_name']}</b>（{kind}）",
            self.tr("Also written as: %1").replace("%1", "、".join(entity["names"]) or "—"),
            self.tr("Cases: %1 · mentions: %2 · roles: %3")
            .replace("%1", str(entity["case_count"]))
            .replace("%2", str(entity["mention_count"]))
            .replace("%3", roles or "—"),
        ]
        if entity.get("id_number"):
            lines.insert(1, self.tr("ID number: %1").replace("%1", entity["id_number"]))
        if entity.get("is_financial"):
            lines.append(self.tr("Licensed financial institution"))
        self.header.setText("<br>".join(lines))
        for m in entity["mentions"]:
            item = QTreeWidgetItem(
                [
                    str(m["case_no"]),
                    str(m.get("cause") or ""),
                    str(m.get("filing_date") or ""),
                    role_label(str(m["role"])),
                    str(m["name"]),
                    str(m.get("reason") or ""),
                ]
            )
            self.mentions.addTopLevelItem(item)
        for col in range(6):
            self.mentions.resizeColumnToContents(col)

    def _open_case(self, item: QTreeWidgetItem, _column: int) -> None:
        self.case_requested.emit(item.text(0))
