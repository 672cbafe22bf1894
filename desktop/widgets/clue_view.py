"""One clue in full: reasons with evidence in the judgment text, cases and persons, history,
notes, tags, assignee, and the status buttons the lifecycle allows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.clues.lifecycle import TRANSITIONS
from core.workspace import Workspace
from desktop import clue_commands
from desktop.labels import role_label, status_label, subject_label
from desktop.operations import Change, Job, Operation
from desktop.widgets.clue_evidence import ClueEvidence


@dataclass(frozen=True)
class ClueData:
    detail: Any  # core.clues.queries.ClueDetail
    history: list[dict[str, Any]]


class ClueView(QWidget):
    """Shows one clue; ``case_requested(case_id)`` when the user opens one of its cases."""

    case_requested = Signal(int)
    loaded = Signal(int)
    notice = Signal(str)  # a message for the status bar

    def __init__(
        self, ws: Workspace, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.undo = undo_stack
        self.actor: str | None = None
        self.clue_id: int | None = None
        self.data: ClueData | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        self.title = QLabel(self.tr("Select a clue to work on it here."))
        self.title.setObjectName("clueTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        self.meta = QLabel()
        self.meta.setObjectName("clueMeta")
        self.meta.setWordWrap(True)
        layout.addWidget(self.meta)
        status_line = QHBoxLayout()
        self.status_row = QHBoxLayout()
        self.status_buttons: dict[str, QPushButton] = {}
        status_line.addLayout(self.status_row)
        status_line.addStretch(1)
        layout.addLayout(status_line)
        edit_row = QHBoxLayout()
        self.assignee = QLineEdit()
        self.assignee.setObjectName("assigneeEdit")
        self.assignee.setPlaceholderText(self.tr("Assignee"))
        self.assignee.returnPressed.connect(self.save_assignee)
        self.tag_edit = QLineEdit()
        self.tag_edit.setObjectName("tagEdit")
        self.tag_edit.setPlaceholderText(self.tr("Add a tag (-tag removes it), Enter"))
        self.tag_edit.returnPressed.connect(self.add_tag)
        edit_row.addWidget(QLabel(self.tr("Assignee:")))
        edit_row.addWidget(self.assignee, 1)
        edit_row.addWidget(QLabel(self.tr("Tags:")))
        edit_row.addWidget(self.tag_edit, 1)
        layout.addLayout(edit_row)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.evidence = ClueEvidence(ws)
        self.reasons = self.evidence.reasons
        self.text = self.evidence.text
        self.tabs.addTab(self.evidence, self.tr("Reasons and evidence"))
        sides = QSplitter()
        self.cases = QTreeWidget()
        self.cases.setObjectName("clueCases")
        self.cases.setRootIsDecorated(False)
        self.cases.setHeaderLabels(
            [self.tr("Case number"), self.tr("Cause"), self.tr("Court"), self.tr("Filed")]
        )
        self.cases.itemActivated.connect(self._open_case)
        self.persons = QTreeWidget()
        self.persons.setObjectName("cluePersons")
        self.persons.setRootIsDecorated(False)
        self.persons.setHeaderLabels([self.tr("Person"), self.tr("ID number"), self.tr("Role")])
        sides.addWidget(self.cases)
        sides.addWidget(self.persons)
        self.tabs.addTab(sides, self.tr("Cases and persons"))
        self.history = QTreeWidget()
        self.history.setObjectName("clueHistory")
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels(
            [self.tr("Time"), self.tr("By"), self.tr("Change"), self.tr("Reason")]
        )
        self.tabs.addTab(self.history, self.tr("History"))
        notes_tab = QWidget()
        notes_layout = QVBoxLayout(notes_tab)
        self.notes = QTreeWidget()
        self.notes.setObjectName("clueNotes")
        self.notes.setRootIsDecorated(False)
        self.notes.setHeaderLabels([self.tr("Time"), self.tr("By"), self.tr("Note")])
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setPlaceholderText(self.tr("Write a note on what you checked…"))
        self.note_edit.setMaximumHeight(90)
        self.note_button = QPushButton(self.tr("Add note"))
        self.note_button.setObjectName("addNote")
        self.note_button.clicked.connect(self.add_note)
        notes_layout.addWidget(self.notes, 1)
        notes_layout.addWidget(self.note_edit)
        notes_layout.addWidget(self.note_button, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs.addTab(notes_tab, self.tr("Notes"))
        self.setEnabled(False)

    # loading -------------------------------------------------------------------
    def show_clue(self, clue_id: int) -> Operation[ClueData]:
        from core.clues.queries import clue_detail
        from core.clues.service import history

        self.clue_id = clue_id
        ws = self.ws

        def work(job: Job) -> ClueData:
            return ClueData(clue_detail(ws, clue_id), history(ws, clue_id))

        op: Operation[ClueData] = Operation(
            self, work, title=self.tr("Opening clue"), lane="read", dialog=False
        )
        op.success(self._show)
        return op.run()

    def reload(self) -> None:
        if self.clue_id is not None:
            self.show_clue(self.clue_id)

    def _show(self, data: ClueData) -> None:
        row = data.detail.row
        if row.id != self.clue_id:
            return
        self.data = data
        self.setEnabled(True)
        self.title.setText(row.title)
        stale = self.tr(" · not found by the last run") if row.stale else ""
        self.meta.setText(
            self.tr("Score %1 · %2 · %3 · models: %4")
            .replace("%1", f"{row.score:.0f}")
            .replace("%2", status_label(row.status))
            .replace("%3", subject_label(row.subject_type))
            .replace("%4", "、".join(row.model_names) or "—")
            + stale
        )
        self._status_buttons(row.status)
        self.assignee.setText(row.assignee or "")
        self.tag_edit.clear()
        self.tag_edit.setPlaceholderText(
            (self.tr("Tags: %1 — add one (-tag removes), Enter").replace("%1", "、".join(row.tags)))
            if row.tags
            else self.tr("Add a tag (-tag removes it), Enter")
        )
        self.evidence.show_detail(data.detail)
        self._fill_sides(row)
        self._fill_history(data.history)
        self._fill_notes(data.detail.notes)
        self.loaded.emit(row.id)

    def _status_buttons(self, current: str) -> None:
        for button in self.status_buttons.values():
            self.status_row.removeWidget(button)
            button.deleteLater()
        self.status_buttons.clear()
        names = {
            "reviewing": self.tr("Check again")
            if current in ("confirmed", "dismissed")
            else self.tr("Start checking"),
            "confirmed": self.tr("Confirm"),
            "dismissed": self.tr("Dismiss…"),
            "transferred": self.tr("Mark transferred"),
            "suggestion_issued": self.tr("Mark suggestion issued"),
            "closed": self.tr("Close"),
        }
        for target in (
            "reviewing",
            "confirmed",
            "dismissed",
            "transferred",
            "suggestion_issued",
            "closed",
        ):
            if target in TRANSITIONS.get(current, frozenset()):
                button = QPushButton(names[target])
                button.setObjectName(f"status_{target}")
                button.clicked.connect(lambda _=False, t=target: self.ask_status(t))
                self.status_row.addWidget(button)
                self.status_buttons[target] = button
        if not self.status_buttons:
            done = QPushButton(self.tr("Final status"))
            done.setEnabled(False)
            self.status_row.addWidget(done)
            self.status_buttons["_final"] = done

    def _fill_sides(self, row: Any) -> None:
        self.cases.clear()
        for case in row.cases:
            item = QTreeWidgetItem(
                [
                    str(case.get("case_no", "")),
                    str(case.get("cause") or ""),
                    str(case.get("court") or ""),
                    str(case.get("filing_date") or ""),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, case.get("case_id"))
            self.cases.addTopLevelItem(item)
        self.persons.clear()
        for person in row.persons:
            self.persons.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        str(person.get("name") or ""),
                        str(person.get("id_number") or ""),
                        role_label(str(person.get("role") or "")),
                    ]
                )
            )
        for tree in (self.cases, self.persons):
            tree.resizeColumnToContents(0)

    def _fill_history(self, events: list[dict[str, Any]]) -> None:
        self.history.clear()
        for e in events:
            if e["action"] == "status":
                change = f"{status_label(e.get('from_value') or '')} → {status_label(e.get('to_value') or '')}"
            else:
                change = self._action_text(e)
            self.history.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        str(e["at"])[:16].replace("T", " "),
                        str(e["actor"]),
                        change,
                        str(e.get("reason") or ""),
                    ]
                )
            )
        self.history.resizeColumnToContents(0)

    def _action_text(self, e: dict[str, Any]) -> str:
        names = {
            "note": self.tr("note added"),
            "assign": self.tr("assignee: %1").replace("%1", str(e.get("to_value") or "—")),
            "tags": self.tr("tags: %1").replace("%1", str(e.get("to_value") or "—")),
            "created": self.tr("raised by a model run"),
            "updated": self.tr("updated by a model run"),
            "stale": self.tr("no longer found by a model run"),
        }
        return names.get(str(e["action"]), str(e["action"]))

    def _fill_notes(self, notes: list[dict[str, Any]]) -> None:
        self.notes.clear()
        for n in notes:
            item = QTreeWidgetItem(
                [str(n["at"])[:16].replace("T", " "), str(n["actor"]), str(n["text"])]
            )
            item.setToolTip(2, str(n["text"]))
            self.notes.addTopLevelItem(item)
        self.notes.resizeColumnToContents(0)

    # actions ---------------------------------------------------------------------
    def ask_status(self, target: str) -> None:
        """The button's handler: ask for a reason when the lifecycle needs one."""
        assert self.data is not None
        current = self.data.detail.row.status
        reason: str | None = None
        if clue_commands.needs_reason(current, target):
            text, ok = QInputDialog.getMultiLineText(
                self,
                self.tr("Reason"),
                self.tr("Why %1? The reason is kept in the clue's history.").replace(
                    "%1", status_label(target)
                ),
            )
            if not ok:
                return
            reason = text
        self.change_status(target, reason)

    def change_status(self, target: str, reason: str | None = None) -> bool:
        """Change the shown clue's status (undoable where the lifecycle allows); False if refused."""
        from core.errors import UserError
        from desktop.dialogs.errors import show_error

        assert self.data is not None and self.clue_id is not None
        current = self.data.detail.row.status
        try:
            clue_commands.check(current, target, reason)
        except UserError as exc:
            show_error(self, self.tr("Clue status"), exc, "")
            return False
        command = clue_commands.StatusCommand(
            self.ws, self, self.clue_id, current, target, reason, self.actor, self.reload
        )
        if clue_commands.can_go_back(current, target):
            self.undo.push(command)
        else:
            command.redo()  # final as far as the lifecycle goes: not on the undo stack
            self.notice.emit(self.tr("This change cannot be undone."))
        return True

    def add_note(self) -> None:
        text = self.note_edit.toPlainText().strip()
        if not text or self.clue_id is None:
            return
        command = clue_commands.NoteCommand(
            self.ws, self, self.clue_id, text, self.actor, self.reload
        )
        self.undo.push(command)
        self.note_edit.clear()

    def save_assignee(self) -> None:
        from core.clues.service import assign

        if self.clue_id is None:
            return
        ws, clue, name, actor = self.ws, self.clue_id, self.assignee.text(), self.actor
        op: Operation[Any] = Operation(
            self,
            lambda job: assign(ws, clue, name, actor),
            title=self.tr("Setting the assignee"),
            changes=Change.CLUES | Change.AUDIT,
        )
        op.finished.connect(self.reload)
        op.run()

    def add_tag(self) -> None:
        from core.clues.service import set_tags

        tag = self.tag_edit.text().strip()
        if not tag or self.clue_id is None:
            return
        ws, clue, actor = self.ws, self.clue_id, self.actor
        remove = tag.startswith("-")
        word = tag.lstrip("-")
        op: Operation[Any] = Operation(
            self,
            lambda job: set_tags(
                ws,
                clue,
                add=() if remove else (word,),
                remove=(word,) if remove else (),
                actor=actor,
            ),
            title=self.tr("Changing tags"),
            changes=Change.CLUES | Change.AUDIT,
        )
        op.finished.connect(self.reload)
        op.run()
        self.tag_edit.clear()

    def _open_case(self, item: QTreeWidgetItem, _column: int) -> None:
        case_id = item.data(0, Qt.ItemDataRole.UserRole)
        if case_id:
            self.case_requested.emit(int(case_id))
