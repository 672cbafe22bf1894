"""Where the rows of an import are converted: in this process, or in a helper process.

Both hosts take batches of rows (without their judgment texts) in order and hand back
one Chunk per batch in the same order, then the final Tally. The helper process keeps a
RowConverter alive for the whole file, so ids, duplicates and counts run on across batches.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import traceback
from collections import deque
from collections.abc import Sequence
from typing import Any, Protocol

from core.errors import Cancelled, CancelToken
from core.ingest.convert import Chunk, RowConverter, Tally
from core.ingest.plan import ImportPlan

Rows = Sequence[tuple[int, Sequence[Any]]]
_POLL_SECONDS = 0.5


class ConverterHost(Protocol):
    def submit(self, rows: Rows) -> None: ...
    def result(self) -> Chunk: ...
    def finish(self) -> Tally: ...
    def close(self) -> None: ...


class LocalConverter:
    """Converts in the importing process (small files: a helper would cost more than it saves)."""

    def __init__(self, plan: ImportPlan, dataset_id: int, next_ids: dict[str, int],
                 existing: set[str]) -> None:
        self._conv = RowConverter(plan, dataset_id, next_ids, existing)
        self._done: deque[Chunk] = deque()

    def submit(self, rows: Rows) -> None:
        self._done.append(self._conv.convert(rows))

    def result(self) -> Chunk:
        return self._done.popleft()

    def finish(self) -> Tally:
        return self._conv.tally

    def close(self) -> None:
        self._done.clear()


def _serve(plan: ImportPlan, dataset_id: int, next_ids: dict[str, int], existing: set[str],
           inbox: Any, outbox: Any) -> None:
    """Helper-process loop: convert each batch from ``inbox``; None ends with the Tally."""
    try:
        conv = RowConverter(plan, dataset_id, next_ids, existing)
        while (rows := inbox.get()) is not None:
            outbox.put(conv.convert(rows))
        outbox.put(conv.tally)
    except BaseException:  # reported to the writer, which rolls back
        outbox.put(("error", traceback.format_exc()))


class ChildConverter:
    """Converts in a helper process, so reading and writing here overlap with converting there."""

    def __init__(self, plan: ImportPlan, dataset_id: int, next_ids: dict[str, int],
                 existing: set[str], cancel: CancelToken | None) -> None:
        ctx = mp.get_context("spawn")
        self._cancel = cancel
        self._inbox: Any = ctx.Queue()
        self._outbox: Any = ctx.Queue()
        self._proc = ctx.Process(target=_serve, daemon=True,
                                 args=(plan, dataset_id, next_ids, existing, self._inbox, self._outbox))
        self._proc.start()

    def submit(self, rows: Rows) -> None:
        self._inbox.put(list(rows))

    def _next(self) -> Any:
        while True:
            try:
                item = self._outbox.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                if self._cancel is not None and self._cancel.is_set():
                    raise Cancelled() from None
                if not self._proc.is_alive():
                    raise RuntimeError("导入子进程意外退出") from None
                continue
            if isinstance(item, tuple):
                raise RuntimeError(item[1])
            return item

    def result(self) -> Chunk:
        item = self._next()
        assert isinstance(item, Chunk)
        return item

    def finish(self) -> Tally:
        self._inbox.put(None)
        item = self._next()
        assert isinstance(item, Tally)
        return item

    def close(self) -> None:
        if self._proc.is_alive():
            self._proc.terminate()
        self._proc.join(timeout=10)
        for q in (self._inbox, self._outbox):
            q.cancel_join_thread()
            q.close()
