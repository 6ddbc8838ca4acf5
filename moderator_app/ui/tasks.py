"""Background work for the GUI: a serialized database lane and a parallel network lane.

Services are plain blocking functions; this decides which thread runs them. Results come back to the GUI thread
through a queued signal carrying a closure, so callbacks may touch widgets. (Anki's TaskManager, for PySide6.)
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

T = TypeVar("T")
log = logging.getLogger(__name__)


class Lane(enum.Enum):
    DB = "db"  # one worker: audit and journal writes keep their order; no two decisions race
    NET = "net"  # several workers: queue pages, post details, suggestions


class TaskRunner(QObject):
    _deliver = Signal(object)

    def __init__(self, parent: QObject | None = None, *, net_workers: int = 4) -> None:
        super().__init__(parent)
        self._executors = {
            Lane.DB: ThreadPoolExecutor(max_workers=1, thread_name_prefix="modapp-db"),
            Lane.NET: ThreadPoolExecutor(max_workers=net_workers, thread_name_prefix="modapp-net"),
        }
        self._pending: set[Future[Any]] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._deliver.connect(self._run_closure, Qt.ConnectionType.QueuedConnection)

    def submit(
        self,
        lane: Lane,
        work: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[T]:
        """Run ``work`` on ``lane``; then ``on_success(result)`` or ``on_error(exc)`` on the GUI thread."""
        if self._closed:
            # The window is closing: a callback that was already queued may still ask for more work. Drop it
            # (held decisions were flushed before shutdown; anything else is a read nobody will see).
            dropped: Future[T] = Future()
            dropped.cancel()
            return dropped
        future = self._executors[lane].submit(work)
        with self._lock:
            self._pending.add(future)

        def done(f: Future[T]) -> None:
            with self._lock:
                self._pending.discard(f)
            if self._closed or f.cancelled():
                return
            error = f.exception()
            if error is None:
                if on_success is not None:
                    result = f.result()
                    self._deliver.emit(lambda: on_success(result))
            elif on_error is not None:
                self._deliver.emit(lambda: on_error(error))
            else:
                log.error("background task failed", exc_info=error)

        future.add_done_callback(done)
        return future

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._pending)

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop taking work; by default wait for what runs (a decision being journalled must finish)."""
        self._closed = True
        for executor in self._executors.values():
            executor.shutdown(wait=wait, cancel_futures=not wait)

    def _run_closure(self, closure: Callable[[], None]) -> None:
        if not self._closed:  # a result that arrives after shutdown has no window left to update
            closure()
