"""Run the reference platform: in a background thread on a free loopback port (GUI demo, tests) or in the foreground."""

from __future__ import annotations

import logging
import threading
import time
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


def start_in_thread(host: str = "127.0.0.1", port: int = 0, **options: Any) -> RunningServer:
    """Start the platform in a daemon thread; returns once it accepts connections. ``options``: see build_asgi."""
    app, store = build_asgi(**options)
    server = uvicorn.Server(_config(app, host, port))
    thread = threading.Thread(target=server.run, name="demo-platform", daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            store.close()
            raise RuntimeError(f"the demo platform did not start on {host}:{port}")
        time.sleep(0.01)  # polling uvicorn's started flag: it offers no event to wait on
    bound_port = server.servers[0].sockets[0].getsockname()[1]
    return RunningServer(f"http://{host}:{bound_port}", store, server, thread)


def serve_forever(host: str, port: int, **options: Any) -> None:
    app, store = build_asgi(**options)
    try:
        uvicorn.Server(_config(app, host, port)).run()
    finally:
        store.close()
