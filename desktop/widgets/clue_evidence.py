"""A clue's reasons, and the judgment text with the evidence of every reason highlighted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTreeWidget, QTreeWidgetItem

from core.workspace import Workspace
from desktop.operations import Job, Operation
from desktop.widgets.highlight_text import HighlightText, Span, colour_for


class ClueEvidence(QSplitter):
    """Reasons above (per model), the text of the chosen reason's case below."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.ws = ws
        self.detail: Any = None
        self.case_text_id: int | None = None
        self._case_full_text = ""
        self.reasons = QTreeWidget()
        self.reasons.setObjectName("reasonTree")
        self.reasons.setHeaderLabels([self.tr("Reason"), self.tr("Detail"), self.tr("Case")])
        self.reasons.setRootIsDecorated(True)
        self.reasons.currentItemChanged.connect(self._reason_chosen)
        self.text = HighlightText()
        self.text.setObjectName("clueText")
        self.addWidget(self.reasons)
        self.addWidget(self.text)
        self.setSizes([200, 300])

    def show_detail(self, detail: Any) -> None:
        """Show the reasons of a clue (a ClueDetail) and open the first one with evidence."""
        self.detail = detail
        self.reasons.clear()
        names: list[str] = []
        first: QTreeWidgetItem | None = None
        for hit in detail.hits:
            top = QTreeWidgetItem(
                [hit["model_name"], self.tr("%1 points").replace("%1", f"{hit['score']:.0f}"), ""]
            )
            top.setData(0, Qt.ItemDataRole.UserRole, None)
            if not hit["active"]:
                top.setText(1, self.tr("no longer found"))
            self.reasons.addTopLevelItem(top)
            for reason in hit["reasons"]:
                item = QTreeWidgetItem(
                    [
                        str(reason.get("label", "")),
                        str(reason.get("detail", "")),
                        str(reason.get("case_no") or ""),
                    ]
                )
                item.setData(0, Qt.ItemDataRole.UserRole, reason)
                item.setToolTip(1, str(reason.get("detail", "")))
                colour = colour_for(str(reason.get("indicator", "")), names)
                if reason.get("spans"):
                    item.setBackground(0, _brush(colour))
                top.addChild(item)
                if first is None and reason.get("spans"):
                    first = item
            top.setExpanded(True)
        self.reasons.resizeColumnToContents(0)
        self.case_text_id = None
        self.text.show_text("")
        if first is None and self.reasons.topLevelItemCount():
            top = self.reasons.topLevelItem(0)
            first = top.child(0) if top.childCount() else None
        if first is not None:
            self.reasons.setCurrentItem(first)

    def _reason_chosen(self, item: QTreeWidgetItem | None, _previous: Any) -> None:
        if item is None:
            return
        reason = item.data(0, Qt.ItemDataRole.UserRole)
        if not reason:
            return
        if not reason.get("spans"):
            self.case_text_id = None
            self.text.show_text(self._reason_text(reason))
            return
        case_id = int(reason["spans"][0]["case_id"])
        if case_id == self.case_text_id:
            self._paint(case_id, reason)
            return
        from core.cases import case_detail

        ws = self.ws

        def work(job: Job) -> dict[str, Any]:
            return case_detail(ws, case_id)

        op: Operation[dict[str, Any]] = Operation(
            self, work, title=self.tr("Opening case"), lane="read", dialog=False
        )
        op.success(lambda case: self._case_text(case, reason))
        op.run()

    def _reason_text(self, reason: dict[str, Any]) -> str:
        """Return a reason without text evidence in full: what fired, why, the values behind it."""
        lines = [str(reason.get("label", "")), "", str(reason.get("detail", ""))]
        values = reason.get("values") or {}
        if values:
            lines.append("")
            for key, value in values.items():
                if isinstance(value, list):
                    value = "、".join(str(v) for v in value[:50]) + ("…" if len(value) > 50 else "")
                lines.append(f"{key}：{value}")
        return "\n".join(lines)

    def _case_text(self, case: dict[str, Any], reason: dict[str, Any]) -> None:
        self.case_text_id = int(case["id"])
        self._case_full_text = case.get("full_text") or ""
        self._paint(self.case_text_id, reason)

    def _paint(self, case_id: int, chosen: dict[str, Any]) -> None:
        """Show the case text with every reason's spans in it; scroll to the chosen one."""
        assert self.detail is not None
        names: list[str] = []
        spans: list[Span] = []
        for r in self.detail.reasons():
            colour = colour_for(str(r.get("indicator", "")), names)
            for s in r.get("spans") or []:
                if int(s["case_id"]) == case_id and s["start"] is not None and s["start"] >= 0:
                    spans.append(
                        Span(int(s["start"]), int(s["end"]), colour, str(r.get("label", "")))
                    )
        self.text.show_text(self._case_full_text, spans)
        first = next(
            (s for s in chosen.get("spans") or [] if s["start"] is not None and s["start"] >= 0),
            None,
        )
        if first is not None:
            self.text.reveal(int(first["start"]), int(first["end"]))


def _brush(colour: str) -> Any:
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(colour))
