"""The one way the window runs core calls: off the GUI thread, with progress, cancel and errors.

``Operation(parent, fn, title=...)`` runs ``fn(job)`` on a worker (or, for a
``ChildCall``, in a helper process the worker watches); ``job`` carries the
cancel token, a throttled ``progress(done, total)`` and ``emit(item)`` for results that
stream in (search hits). Workspace changes go through the single-thread "write" lane so
they never race; queries use the "read" lane so a long import does not hold up a search.
A progress dialog appears only when the work takes longer than ``DIALOG_DELAY_MS``.
After a success, the app-wide ``bus().changed`` signal says what changed, and each page
refreshes only on the flags it cares about.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from core.errors import Cancelled, CancelToken
from desktop.child import ChildCall, run_child

T = TypeVar("T")
log = logging.getLogger(__name__)
DIALOG_DELAY_MS = 500
PROGRESS_INTERVAL_S = 0.05  # at most 20 progress signals a second reach the GUI thread
ITEM_INTERVAL_S = 0.1


class Change(enum.Flag):
    """What an operation changed in the workspace."""

    NONE = 0
    DATASETS = enum.auto()
    CASES = enum.auto()
    FEATURES = enum.auto()
    ENTITIES = enum.auto()
    MODELS = enum.auto()
    CLUES = enum.auto()
    DRAFTS = enum.auto()
    AUDIT = enum.auto()
    WORKSPACE = enum.auto()  # another workspace was opened: everything
    ALL = DATASETS | CASES | FEATURES | ENTITIES | MODELS | CLUES | DRAFTS | AUDIT | WORKSPACE


class ChangeBus(QObject):
    """Carries ``changed(Change)`` to every page after an operation changed the workspace."""

    changed = Signal(object)


_bus: ChangeBus | None = None


def bus() -> ChangeBus:
    """Return the app-wide change bus."""
    global _bus
    if _bus is None:
        _bus = ChangeBus()
    return _bus


_pools: dict[str, QThreadPool] = {}
_running: set[Operation[Any]] = set()


def pool(lane: str) -> QThreadPool:
    """Return the single-thread pool of ``lane`` ("write" or "read")."""
    found = _pools.get(lane)
    if found is None:
        found = QThreadPool()
        found.setMaxThreadCount(1)
        found.setObjectName(f"clueworks-{lane}")
        _pools[lane] = found
    return found


def running() -> list[Operation[Any]]:
    """Return the operations started and not yet finished."""
    return list(_running)


def cancel_all() -> None:
    for op in list(_running):
        op.cancel()


def wait_all(timeout_ms: int = 30000) -> bool:
    """Cancel nothing; wait until every lane is idle. Returns False on timeout."""
    ok = True
    for p in _pools.values():
        ok = p.waitForDone(timeout_ms) and ok
    return ok


class Job:
    """What the worker function gets: the cancel token, progress and streamed items."""

    def __init__(self, relay: _Relay) -> None:
        self.cancel = CancelToken()
        self._relay = relay
        self._last_progress = 0.0
        self._last_items = 0.0
        self._items: list[Any] = []
        self._lock = threading.Lock()
        self._label = ""

    @property
    def cancelled(self) -> bool:
        return self.cancel.is_set()

    def check(self) -> None:
        """Raise Cancelled when the user asked to stop."""
        self.cancel.raise_if_cancelled()

    def stage(self, label: str) -> None:
        """Name the current step (shown above the progress bar)."""
        self._label = label
        self._relay.progress.emit(0, 0, label)

    def progress(self, done: int, total: int) -> None:
        """Report progress; throttled so the GUI thread is never flooded."""
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_INTERVAL_S:
            return
        self._last_progress = now
        self.flush()  # items found so far go out with the progress, not after the next hit
        self._relay.progress.emit(int(done), int(total), self._label)

    def fraction(self, value: float) -> None:
        self.progress(int(value * 1000), 1000)

    def report(self, done: int, total: int, label: str) -> None:
        """Report progress under a step name (what a helper process sends)."""
        if label != self._label:
            self._label = label
            self._last_progress = 0.0
        self.progress(done, total)

    def step(self, value: float, label: str) -> None:
        """Report a fraction done and the step's name (core's ``progress(fraction, message)``)."""
        if label != self._label:
            self._label = label
            self._last_progress = 0.0  # a new step is always shown
        self.fraction(value)

    def emit(self, item: Any) -> None:
        """Hand one streamed result to the GUI thread (batched)."""
        with self._lock:
            self._items.append(item)
        now = time.monotonic()
        if now - self._last_items >= ITEM_INTERVAL_S:
            self._last_items = now
            self.flush()

    def flush(self) -> None:
        with self._lock:
            items, self._items = self._items, []
        if items:
            self._relay.items.emit(items)


class _Relay(QObject):
    """Signals from the worker thread; delivered queued to the operation in the GUI thread."""

    progress = Signal(int, int, str)
    items = Signal(list)
    done = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class _Runner(QRunnable):
    def __init__(self, fn: Callable[[Job], Any] | ChildCall, job: Job, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._job = job
        self._relay = relay

    def run(self) -> None:
        job = self._job
        try:
            job.check()
            fn = self._fn
            result = run_child(fn, job) if isinstance(fn, ChildCall) else fn(job)
            job.flush()
            if job.cancelled and result is None:
                self._relay.cancelled.emit()
            else:
                self._relay.done.emit(result)
        except Cancelled:
            self._quietly(self._relay.cancelled.emit)
        except BaseException as exc:  # every failure must reach the user, never vanish
            if isinstance(exc, RuntimeError) and "Signal source has been deleted" in str(exc):
                return  # the program is closing; nobody is left to tell
            error, trace = exc, traceback.format_exc()
            self._quietly(lambda: self._relay.failed.emit(error, trace))

    def _quietly(self, emit: Callable[[], None]) -> None:
        try:
            self._job.flush()
            emit()
        except RuntimeError:  # the program is closing: the receivers are gone
            log.debug("operation finished after its receivers were deleted")


class Operation(QObject, Generic[T]):
    """One core call run off the GUI thread; build it, attach callbacks, then ``run()``."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        fn: Callable[[Job], T] | ChildCall,
        *,
        title: str = "",
        lane: str = "write",
        changes: Change = Change.NONE,
        dialog: bool = True,
        cancellable: bool = True,
    ) -> None:
        # No Qt parent: a running operation must outlive a page that closes meanwhile.
        super().__init__(None)
        self._parent_widget = parent
        self._fn = fn
        self.title = title
        self.lane = lane
        self.changes = changes
        self._want_dialog = dialog
        self.cancellable = cancellable
        self._relay = _Relay()
        self.job = Job(self._relay)
        self._runner: _Runner | None = None
        self._on_success: list[Callable[[T], None]] = []
        self._on_failure: list[Callable[[BaseException, str], bool | None]] = []
        self._on_items: list[Callable[[list[Any]], None]] = []
        self._on_progress: list[Callable[[int, int, str], None]] = []
        self._on_cancelled: list[Callable[[], None]] = []
        self._dialog: Any = None
        self._last: tuple[int, int, str] | None = None
        self._timer: QTimer | None = None
        self.state = "new"  # new | running | done | failed | cancelled
        self.result: T | None = None
        self.error: BaseException | None = None
        self.started_at = 0.0
        self._relay.progress.connect(self._progress)
        self._relay.items.connect(self._items)
        self._relay.done.connect(self._done)
        self._relay.failed.connect(self._failed)
        self._relay.cancelled.connect(self._cancelled)

    # builder ---------------------------------------------------------------
    def success(self, fn: Callable[[T], None]) -> Operation[T]:
        self._on_success.append(fn)
        return self

    def failure(self, fn: Callable[[BaseException, str], bool | None]) -> Operation[T]:
        """Add a failure handler; one that returns True means "handled", no dialog."""
        self._on_failure.append(fn)
        return self

    def items(self, fn: Callable[[list[Any]], None]) -> Operation[T]:
        self._on_items.append(fn)
        return self

    def progress(self, fn: Callable[[int, int, str], None]) -> Operation[T]:
        self._on_progress.append(fn)
        return self

    def cancelled(self, fn: Callable[[], None]) -> Operation[T]:
        self._on_cancelled.append(fn)
        return self

    def run(self) -> Operation[T]:
        """Queue the work on its lane; the progress dialog follows after a short delay."""
        self.state = "running"
        self.started_at = time.monotonic()
        _running.add(self)
        self._runner = _Runner(self._fn, self.job, self._relay)
        pool(self.lane).start(self._runner)
        if self._want_dialog:
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._show_dialog)
            self._timer.start(DIALOG_DELAY_MS)
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next safe point (or drop it if it has not started)."""
        if self.state != "running":
            return
        self.job.cancel.cancel()
        if self._runner is not None and pool(self.lane).tryTake(self._runner):
            self._runner = None
            self._cancelled()

    @property
    def is_running(self) -> bool:
        return self.state == "running"

    # GUI-thread slots --------------------------------------------------------
    def _show_dialog(self) -> None:
        if self.state != "running":
            return
        from desktop.dialogs.progress import ProgressDialog

        self._dialog = ProgressDialog(self._parent_widget, self.title, self.cancellable)
        self._dialog.cancel_requested.connect(self.cancel)
        if self._last is not None:  # show where the work is now, not an empty bar
            self._dialog.set_progress(*self._last)
        self._dialog.show()

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, label: str) -> None:
        if self.state != "running":
            return
        self._last = (done, total, label)
        if self._dialog is not None:
            self._dialog.set_progress(done, total, label)
        for fn in self._on_progress:
            fn(done, total, label)

    @Slot(list)
    def _items(self, items: list[Any]) -> None:
        if self.state != "running":
            return
        for fn in self._on_items:
            fn(items)

    def _close(self, state: str) -> None:
        self.state = state
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._dialog is not None:
            self._dialog.finish()
            self._dialog = None
        _running.discard(self)

    @Slot(object)
    def _done(self, result: Any) -> None:
        if self.state != "running":
            return
        self.result = result
        self._close("done")
        try:
            for fn in self._on_success:
                fn(result)
        except Exception as exc:  # a bug in a success handler is still the user's to see
            self.error = exc
            _show_error(self._parent_widget, self.title, exc, traceback.format_exc())
        finally:
            if self.changes != Change.NONE:
                bus().changed.emit(self.changes)
            self.finished.emit()

    @Slot(object, str)
    def _failed(self, exc: BaseException, trace: str) -> None:
        if self.state != "running":
            return
        self.error = exc
        self._close("failed")
        handled = False
        for fn in self._on_failure:
            handled = bool(fn(exc, trace)) or handled
        if not handled:
            _show_error(self._parent_widget, self.title, exc, trace)
        # A failed write may still have changed nothing; pages re-read to be sure.
        if self.changes != Change.NONE:
            bus().changed.emit(self.changes)
        self.finished.emit()

    @Slot()
    def _cancelled(self) -> None:
        if self.state != "running":
            return
        self._close("cancelled")
        for fn in self._on_cancelled:
            fn()
        self.finished.emit()


def _show_error(parent: QWidget | None, title: str, exc: BaseException, trace: str) -> None:
    from desktop.dialogs.errors import show_error

    show_error(parent, title, exc, trace)
