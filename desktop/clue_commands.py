"""Undoable clue edits: a status change and a note, as QUndoCommands over core services.

A command's redo/undo starts a write-lane operation; the single write lane keeps them in
order. Undo goes through core's ``revert_status`` and ``retract_note``; a change core will
not undo (an issued suggestion) is applied directly and the user is told it is final.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from core.clues import service
from core.clues.lifecycle import NEEDS_REASON, REOPEN_NEEDS_REASON, can_undo, check_transition
from core.workspace import Workspace
from desktop.labels import status_label
from desktop.operations import Change, Job, Operation

CHANGES = Change.CLUES | Change.AUDIT


def can_go_back(before: str, after: str) -> bool:
    """Return whether a change from ``before`` to ``after`` can be undone."""
    return can_undo(after)


def _run(
    parent: QWidget | None, title: str, fn: Callable[[], Any], done: Callable[[], None]
) -> Operation[Any]:
    def work(job: Job) -> Any:
        return fn()

    op: Operation[Any] = Operation(parent, work, title=title, changes=CHANGES)
    op.finished.connect(done)
    return op.run()


class StatusCommand(QUndoCommand):
    """Move a clue from ``before`` to ``after``; undo moves it back with a recorded reason."""

    def __init__(
        self,
        ws: Workspace,
        parent: QWidget | None,
        clue_id: int,
        before: str,
        after: str,
        reason: str | None,
        actor: str | None,
        done: Callable[[], None],
    ) -> None:
        super().__init__(
            QCoreApplication.translate("ClueCommands", "Status %1 → %2")
            .replace("%1", status_label(before))
            .replace("%2", status_label(after))
        )
        self.ws, self.parent, self.clue_id = ws, parent, clue_id
        self.before, self.after, self.reason, self.actor, self.done = (
            before,
            after,
            reason,
            actor,
            done,
        )
        self.ops: list[Operation[Any]] = []

    def redo(self) -> None:
        ws, clue, after, reason, actor = self.ws, self.clue_id, self.after, self.reason, self.actor
        self.ops.append(
            _run(
                self.parent,
                QCoreApplication.translate("ClueCommands", "Changing the clue status"),
                lambda: service.set_status(ws, clue, after, reason, actor),
                self.done,
            )
        )

    def undo(self) -> None:
        ws, clue, before, actor = self.ws, self.clue_id, self.before, self.actor
        why = QCoreApplication.translate("ClueCommands", "Undo of the change to “%1”").replace(
            "%1", status_label(self.after)
        )
        self.ops.append(
            _run(
                self.parent,
                QCoreApplication.translate("ClueCommands", "Undoing the status change"),
                lambda: service.revert_status(ws, clue, before, why, actor),
                self.done,
            )
        )


def needs_reason(current: str, target: str) -> bool:
    """Return whether moving ``current`` → ``target`` must carry a reason."""
    return target in NEEDS_REASON or (current, target) in REOPEN_NEEDS_REASON


def check(current: str, target: str, reason: str | None) -> None:
    """Raise the lifecycle's UserError if the change is not allowed (before anything runs)."""
    check_transition(current, target, reason)


class NoteCommand(QUndoCommand):
    """Add a note; undo retracts it (kept, no longer listed)."""

    def __init__(
        self,
        ws: Workspace,
        parent: QWidget | None,
        clue_id: int,
        text: str,
        actor: str | None,
        done: Callable[[], None],
    ) -> None:
        super().__init__(QCoreApplication.translate("ClueCommands", "Add note"))
        self.ws, self.parent, self.clue_id, self.text, self.actor, self.done = (
            ws,
            parent,
            clue_id,
            text,
            actor,
            done,
        )
        self.note_id: int | None = None
        self.ops: list[Operation[Any]] = []

    def redo(self) -> None:
        ws, clue, body, actor = self.ws, self.clue_id, self.text, self.actor

        def add() -> int:
            return service.add_note(ws, clue, body, actor)

        op = _run(
            self.parent,
            QCoreApplication.translate("ClueCommands", "Adding the note"),
            add,
            self.done,
        )
        op.success(lambda note_id: setattr(self, "note_id", note_id))
        self.ops.append(op)

    def undo(self) -> None:
        if self.note_id is None:
            return
        ws, note, actor = self.ws, self.note_id, self.actor
        self.ops.append(
            _run(
                self.parent,
                QCoreApplication.translate("ClueCommands", "Retracting the note"),
                lambda: service.retract_note(ws, note, actor),
                self.done,
            )
        )
