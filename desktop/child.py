"""Running a long core call in a helper process, so the window's Python never waits on it.

A worker thread holds the GIL whenever it runs Python (and during every garbage
collection), so heavy work in a thread stalls the window: measured during a
100,000-case model run, up to 2.6 s. In a helper process the work has its own
interpreter. ``run_child`` starts it, relays its progress and streamed items to the
operation's ``Job`` and returns its result; cancelling sets an event the child's cancel
token reads. No Qt here: the child imports only core and ``desktop.jobs``.
"""

from __future__ import annotations

import importlib
import multiprocessing as mp
import queue
import traceback
from dataclasses import dataclass, field
from typing import Any

from core.errors import Cancelled, UserError

POLL_S = 0.1


@dataclass(frozen=True)
class ChildCall:
    """``target`` ("module:function") called as ``function(job, ws, **kwargs)`` in a child."""

    target: str
    workspace: str
    kwargs: dict[str, Any] = field(default_factory=dict)


class ChildFailed(Exception):
    """An unexpected error in the helper process; carries its traceback."""

    def __init__(self, message: str, trace: str) -> None:
        super().__init__(message)
        self.trace = trace


class _Token:
    """The cancel token core code checks, backed by a process-shared event."""

    def __init__(self, event: Any) -> None:
        self._event = event

    def cancel(self) -> None:
        self._event.set()

    def is_set(self) -> bool:
        return bool(self._event.is_set())

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


class ChildJob:
    """The ``Job`` interface inside the helper process: messages go to the parent's queue."""

    def __init__(self, out: Any, cancel_event: Any) -> None:
        self.cancel = _Token(cancel_event)
        self._out = out
        self._label = ""
        self._last = (-1, -1)

    @property
    def cancelled(self) -> bool:
        return self.cancel.is_set()

    def check(self) -> None:
        self.cancel.raise_if_cancelled()

    def stage(self, label: str) -> None:
        self._label = label
        self._out.put(("progress", 0, 0, label))

    def progress(self, done: int, total: int) -> None:
        # The parent throttles what reaches the screen; here only repeats are dropped.
        if (done, total) != self._last:
            self._last = (done, total)
            self._out.put(("progress", int(done), int(total), self._label))

    def fraction(self, value: float) -> None:
        self.progress(int(value * 1000), 1000)

    def step(self, value: float, label: str) -> None:
        self._label = label
        self.fraction(value)

    def emit(self, item: Any) -> None:
        self._out.put(("items", [item]))


def child_main(call: ChildCall, out: Any, cancel_event: Any) -> None:
    """The helper process: open the workspace, run the call, send back what happened."""
    from core.workspace import open_workspace

    job = ChildJob(out, cancel_event)
    ws = None
    try:
        module, name = call.target.split(":")
        fn = getattr(importlib.import_module(module), name)
        ws = open_workspace(call.workspace, create=False)
        out.put(("done", fn(job, ws, **call.kwargs)))
    except Cancelled:
        out.put(("cancelled",))
    except UserError as exc:
        out.put(("user_error", exc.message, exc.details))
    except BaseException as exc:  # reported to the parent, which shows it and logs it
        out.put(("error", f"{type(exc).__name__}: {exc}", traceback.format_exc()))
    finally:
        if ws is not None:
            ws.close()


def run_child(call: ChildCall, job: Any) -> Any:
    """Run ``call`` in a helper process, relaying to ``job``; return its result or raise."""
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    cancel_event = ctx.Event()
    # Not a daemon: the import and the analysis start helper processes of their own.
    proc = ctx.Process(target=child_main, args=(call, out, cancel_event), name="clueworks-job")
    proc.start()
    try:
        while True:
            if job.cancelled:
                cancel_event.set()
            try:
                message = out.get(timeout=POLL_S)
            except queue.Empty:
                job.flush()  # the child paused: hand over what it streamed so far
                if not proc.is_alive():
                    raise ChildFailed(
                        f"helper process ended unexpectedly (exit code {proc.exitcode})", ""
                    ) from None
                continue
            kind = message[0]
            if kind == "progress":
                job.report(message[1], message[2], message[3])
            elif kind == "items":
                for item in message[1]:
                    job.emit(item)
            elif kind == "done":
                return message[1]
            elif kind == "cancelled":
                raise Cancelled()
            elif kind == "user_error":
                raise UserError(message[1], message[2])
            else:
                raise ChildFailed(message[1], message[2])
    finally:
        proc.join(timeout=30)
        if proc.is_alive():
            proc.terminate()
            proc.join(timeout=5)
        out.close()
