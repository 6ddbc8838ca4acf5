"""Run the reference platform: in a background thread on a free loopback port (GUI demo, tests) or in the foreground."""

from __future__ import annotations

import logging
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn
from starlette.types import ASGIApp

from moderator_app.demo_platform.app import create_app
from moderator_app.demo_platform.faults import FaultInjector, FaultSpec, QuietDrops
from moderator_app.demo_platform.store import PlatformStore

STARTUP_TIMEOUT_S = 30.0


@dataclass
class RunningServer:
    url: str
    store: PlatformStore
    _server: uvicorn.Server
    _thread: threading.Thread

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self.store.close()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def build_asgi(
    *, db: Path | None = None, posts: int = 2400, seed: int = 7, faults: FaultSpec | str | None = None,
    fault_seed: int | None = None, **store_options: Any,
) -> tuple[ASGIApp, PlatformStore]:
    store = PlatformStore(db, posts=posts, seed=seed, **store_options)
    app: ASGIApp = create_app(store)
    spec = FaultSpec.parse(faults) if isinstance(faults, str) else faults
    if spec is not None and spec.active:
        app = FaultInjector(app, spec, seed=fault_seed)
    return app, store


def _config(app: ASGIApp, host: str, port: int) -> uvicorn.Config:
    logging.getLogger("uvicorn.error").addFilter(QuietDrops())
    return uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False, lifespan="off",
                          timeout_graceful_shutdown=2)


def listen(host: str, port: int) -> socket.socket:
    """Bind first, so a busy port is an OSError here rather than uvicorn's exit code 3."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY only on sockets that say so, and without it every
    # answer waits ~40 ms for Nagle and delayed ACKs.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)  # connections wait in the backlog from here on, even before uvicorn accepts
    except OSError:
        sock.close()
        raise
    return sock


def _url(host: str, sock: socket.socket) -> str:
    return f"http://{host}:{sock.getsockname()[1]}" if ":" not in host else f"http://[{host}]:{sock.getsockname()[1]}"


def start_in_thread(host: str = "127.0.0.1", port: int = 0, **options: Any) -> RunningServer:
    """Start the platform in a daemon thread; returns once it accepts connections. ``options``: see build_asgi."""
    sock = listen(host, port)
    app, store = build_asgi(**options)
    server = uvicorn.Server(_config(app, host, port))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="demo-platform", daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            store.close()
            raise RuntimeError(f"the demo platform did not start on {host}:{port}")
        time.sleep(0.01)  # polling uvicorn's started flag: it offers no event to wait on
    return RunningServer(_url(host, sock), store, server, thread)


def serve_forever(host: str, port: int, *, on_ready: Callable[[str], None] | None = None,
                  stop_at_stdin_end: bool = False, **options: Any) -> None:
    """Serve in the foreground until Ctrl+C (or, with ``stop_at_stdin_end``, until standard input ends: a parent
    process that owns this server closes the pipe, or dies). A busy port raises OSError before anything else."""
    sock = listen(host, port)
    app, store = build_asgi(**options)
    server = uvicorn.Server(_config(app, host, port))
    if stop_at_stdin_end:
        threading.Thread(target=_stop_at_stdin_end, args=(server,), name="parent-watch", daemon=True).start()
    if on_ready is not None:
        on_ready(_url(host, sock))
    try:
        server.run(sockets=[sock])
    finally:
        store.close()
        sock.close()


def _stop_at_stdin_end(server: uvicorn.Server) -> None:
    sys.stdin.buffer.read()  # returns at end of file: the parent closed its end or no longer exists
    server.should_exit = True
