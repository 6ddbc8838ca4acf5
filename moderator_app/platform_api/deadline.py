"""One total deadline per platform request, whatever the server does.

requests' timeouts are per socket read: a server that sends one byte every few seconds, or a retry loop over a
platform that never answers, holds the caller for ever. Here a request runs under ``deadline(seconds)``: the
connections it takes from the pool are watched, and when the time is up a timer shuts their sockets down (a blocked
read returns at once), every later attempt (urllib3's retries) is refused with ``DeadlinePassed``, and retry pauses
are cut to the time left. Contexts nest: an inner one never outlives the outer.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import requests
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_current = threading.local()
_lock = threading.Lock()  # connections change hands (pool <-> request) and are shut down under it


class DeadlinePassed(Exception):
    """Raised instead of starting another attempt once the request's time is up."""


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.expired = False
        self._connections: set[Any] = set()

    def remaining(self) -> float:
        return max(0.0, self.at - time.monotonic())

    def watch(self, connection: Any) -> None:
        with _lock:
            if not self.expired:
                self._connections.add(connection)
                return
        connection.close()
        raise DeadlinePassed(f"no answer within {self.seconds:g} s")

    def forget(self, connection: Any) -> None:
        with _lock:
            self._connections.discard(connection)

    def expire(self) -> None:
        with _lock:
            self.expired = True
            for connection in self._connections:
                sock = getattr(connection, "sock", None)
                if sock is not None:
                    # the plain socket's shutdown, also under TLS: wakes a read blocked in another thread
                    with suppress(OSError):
                        socket.socket.shutdown(sock, socket.SHUT_RDWR)
            self._connections.clear()


def current() -> Deadline | None:
    return getattr(_current, "deadline", None)


@contextmanager
def deadline(seconds: float) -> Iterator[Deadline]:
    outer = current()
    if outer is not None and outer.remaining() <= seconds:
        yield outer
        return
    this = Deadline(seconds)
    timer = threading.Timer(seconds, this.expire)
    timer.daemon = True
    _current.deadline = this
    timer.start()
    try:
        yield this
    finally:
        timer.cancel()
        _current.deadline = outer


class _Watched:
    """Mixed into urllib3's pools: a connection taken under a deadline is watched until it goes back."""

    def _get_conn(self, timeout: float | None = None) -> Any:
        connection = super()._get_conn(timeout)  # type: ignore[misc]
        watching = current()
        if watching is not None:
            watching.watch(connection)
        return connection

    def _put_conn(self, conn: Any) -> None:
        watching = current()
        if watching is not None and conn is not None:
            watching.forget(conn)
            if watching.expired:  # its socket was shut down: reused, the next request would fail as "unreachable"
                conn.close()
        super()._put_conn(conn)  # type: ignore[misc]


class WatchedHTTPConnectionPool(_Watched, HTTPConnectionPool):
    pass


class WatchedHTTPSConnectionPool(_Watched, HTTPSConnectionPool):
    pass


def install(session: requests.Session) -> None:
    """Make the session's adapters watch the connections of requests run under ``deadline``."""
    for adapter in session.adapters.values():
        manager = getattr(adapter, "poolmanager", None)
        if manager is not None:
            manager.pool_classes_by_scheme = {"http": WatchedHTTPConnectionPool,
                                              "https": WatchedHTTPSConnectionPool}
