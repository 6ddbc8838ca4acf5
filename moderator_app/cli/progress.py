"""Progress of a long CLI run on stderr: one line rewritten in place, and only when stderr is a terminal, so piped
or redirected output (scripts, tests, logs) stays exactly as it was."""

from __future__ import annotations

import sys
import time
from typing import TextIO

_REDRAW_SECONDS = 0.1  # a terminal redrawn more often only costs time


class TerminalProgress:
    """A ProgressCallback: ``progress(done, total)`` shows "LABEL: done / total UNIT (n %)"; ``finish()`` ends the
    line. Silent when the stream is not a terminal."""

    def __init__(self, label: str, unit: str, stream: TextIO | None = None) -> None:
        self.label, self.unit = label, unit
        self.stream = stream if stream is not None else sys.stderr
        self.shown = False
        self._active = self.stream.isatty()
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self._active:
            return
        now = time.monotonic()
        if done < total and now - self._last < _REDRAW_SECONDS:
            return
        self._last = now
        share = f" ({100 * done // total} %)" if total else ""
        self.stream.write(f"\r{self.label}: {done:,} / {total:,} {self.unit}{share}\x1b[K")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        """End the progress line, so what follows starts on a line of its own."""
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = False
