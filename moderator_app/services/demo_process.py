"""The reference platform in its own process, for the GUI's demo mode.

Started first thing, it imports its web stack and seeds its demo data on the machine's other core while the
workstation imports its engine and opens its audit log; and, like a real platform, its request handling never
competes with the GUI thread for the interpreter lock. Kept free of heavy imports: the GUI calls it at start.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import threading
from collections import deque
from pathlib import Path

from moderator_app.core.errors import PlatformError

READY_TIMEOUT_S = 60.0
_BANNER = re.compile(r"Demo platform on (http://\S+) ")


def _child_environment() -> dict[str, str]:
    """This process's environment, with the folder this package was imported from first on the path, so the child
    finds the same code however the workstation was started (installed, or ``python main.py`` from a checkout)."""
    if getattr(sys, "frozen", False):  # the bundled executable carries its own code
        return dict(os.environ)
    source = str(Path(__file__).resolve().parents[2])
    inherited = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": source + (os.pathsep + inherited if inherited else "")}


def workstation_command() -> list[str]:
    """How to run this program's own CLI: the bundled executable when frozen (the installer), else Python."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "moderator_app"]


class PlatformProcess:
    """A ``moderator-app demo-platform`` child. It stops when we close its standard input, and so also when this
    process dies however it dies (the pipe closes with it)."""

    def __init__(self, posts: int = 2400, faults: str | None = None) -> None:
        command = [*workstation_command(), "demo-platform", "--port", "0", "--posts", str(posts), "--shift-to-now",
                   "--stop-with-parent"]
        if faults:
            command += ["--faults", faults]
        self.url = ""
        self._log: deque[str] = deque(maxlen=20)
        self._ready = threading.Event()
        self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace",
                                         env=_child_environment())
        self._reader = threading.Thread(target=self._read_log, name="demo-platform-log", daemon=True)
        self._reader.start()

    def _read_log(self) -> None:
        assert self._process.stderr is not None
        for line in self._process.stderr:  # read to the end, so the child never blocks on a full pipe
            self._log.append(line.rstrip())
            found = _BANNER.search(line)
            if found and not self.url:
                self.url = found.group(1)
                self._ready.set()
        self._ready.set()  # ended without a banner: wait_ready reports why

    def wait_ready(self, timeout: float = READY_TIMEOUT_S) -> str:
        """The platform's address once it listens; PlatformError if it exits or does not start in time."""
        if not self._ready.wait(timeout) or not self.url:
            self.stop()
            said = " / ".join(line for line in self._log if line) or "no output"
            raise PlatformError(f"the demo platform did not start ({said})")
        return self.url

    def stop(self) -> None:
        if self._process.stdin is not None and not self._process.stdin.closed:
            with contextlib.suppress(OSError):  # already gone
                self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._reader.join(timeout=5)
        if self._process.stderr is not None:
            self._process.stderr.close()
