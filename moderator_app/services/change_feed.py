"""Changes announced by what happens off the GUI's requests: the outbox delivering or parking a decision, the
platform becoming unreachable or reachable again. Views subscribe instead of polling.

    unsubscribe = feed.subscribe(listener)   # listener(Changes), called on the thread that made the change
    feed.publish(Changes(outbox=True))
    unsubscribe()                            # a closed view must not be called again (nor kept alive)
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from moderator_app.core.changes import Changes

log = logging.getLogger(__name__)
Listener = Callable[[Changes], None]


class ChangeFeed:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    @property
    def listeners(self) -> int:
        with self._lock:
            return len(self._listeners)

    def publish(self, changes: Changes) -> None:
        """Tell every listener; one that fails is logged and does not stop the others (nor the outbox)."""
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:  # a view's bug must never stop a delivery thread
                log.exception("a change listener failed")
