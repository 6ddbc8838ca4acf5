"""The workstation's log: a size-bounded rotating file in the data folder, with secrets masked, and the tracebacks
of anything unhandled (main thread or any other) written to it.

    path = configure_logging(paths.data_dir())   # idempotent; None when the folder cannot be written
    install_excepthooks()

What goes in at INFO: what happened (logins, deliveries, checkpoints, errors), never post text and never a
secret. ``RedactingFormatter`` masks every value ``core.redaction`` knows as secret and every secret-shaped one
(``password=…``, ``Bearer …``, a URL's password) in everything it writes, tracebacks included.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from moderator_app.core import redaction

LOG_FOLDER = "logs"
LOG_FILE_NAME = "moderator-workstation.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5  # at most 12 MB of logs: the file and five older ones
FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
STDERR_FORMAT = "moderator-app: warning: %(message)s"
_OURS = "_moderator_app_handler"  # marks the handlers installed here, so a second configure replaces them

log = logging.getLogger("moderator_app")
_state: dict[str, Path | None] = {"file": None}


class RedactingFormatter(logging.Formatter):
    """Masks secrets in the whole formatted record: message, arguments and traceback."""

    def format(self, record: logging.LogRecord) -> str:
        return redaction.redact(super().format(record))


class CurrentStderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is at the time (as logging's last-resort handler does), not the stream
    there was when it was made: a test's captured stderr, long closed, must not receive later warnings."""

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def log_file_path(data_dir: Path) -> Path:
    return data_dir / LOG_FOLDER / LOG_FILE_NAME


def current_log_file() -> Path | None:
    """The file this process logs to (None before ``configure_logging`` or when it could not be opened)."""
    return _state["file"]


def configure_logging(data_dir: Path, *, stderr_level: int = logging.WARNING, to_file: bool = True) -> Path | None:
    """INFO and above to the rotating file, warnings (by default) to stderr as one line each. Safe to call again
    (a test, a second command in one process): the previous handlers are closed and replaced. ``to_file=False``:
    stderr only, for the commands that promise to write nothing (``audit verify`` and the other checks)."""
    stop_logging()
    root = logging.getLogger()
    stderr = CurrentStderr()
    stderr.setLevel(stderr_level)
    stderr.setFormatter(RedactingFormatter(STDERR_FORMAT))
    _mark(stderr)
    root.addHandler(stderr)
    root.setLevel(logging.INFO)
    # urllib3 says "Retrying ..." on every attempt; the commands and the status bar report the outcome instead.
    logging.getLogger("urllib3").setLevel(logging.ERROR)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # a line per plugin at every open
    if not to_file:
        _state["file"] = None
        return None
    path = log_file_path(data_dir)
    try:
        _create_private(path)
        file_handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                                            encoding="utf-8")
    except OSError as exc:
        _state["file"] = None
        log.warning("no log file (%s): %s", path, exc.strerror or exc)
        return None
    file_handler.setLevel(logging.INFO)
    file_handler.setFormatter(RedactingFormatter(FILE_FORMAT))
    _mark(file_handler)
    root.addHandler(file_handler)
    _state["file"] = path
    return path


def stop_logging() -> None:
    """Remove and close the handlers ``configure_logging`` installed (tests; a second configure)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _OURS, False)]:
        root.removeHandler(handler)
        handler.close()
    _state["file"] = None


def _mark(handler: logging.Handler) -> None:
    setattr(handler, _OURS, True)


def _create_private(path: Path) -> None:
    """The folder 0700 and the file 0600 from the start: a log names users and posts by id."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))


def install_excepthooks() -> None:
    """An unhandled exception anywhere is written to the log with its traceback, then handled as before."""
    if getattr(sys.excepthook, _OURS, False):
        return
    previous_sys = sys.excepthook
    previous_threading = threading.excepthook

    def sys_hook(kind: type[BaseException], value: BaseException, traceback: TracebackType | None) -> None:
        if not issubclass(kind, KeyboardInterrupt):
            log.critical("unhandled exception", exc_info=(kind, value, traceback))
        previous_sys(kind, value, traceback)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None and not isinstance(args.exc_value, SystemExit):
            name = args.thread.name if args.thread is not None else "?"
            log.critical("unhandled exception in thread %s", name,
                         exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
        previous_threading(args)

    _mark_hook(sys_hook)
    sys.excepthook = sys_hook
    threading.excepthook = thread_hook


def _mark_hook(hook: object) -> None:
    setattr(hook, _OURS, True)


def tail(path: Path | None, max_bytes: int = 256 * 1024) -> str:
    """The end of the log (and of the previous file, if the current one is short), secrets masked."""
    if path is None:
        return ""
    chunks: list[bytes] = []
    remaining = max_bytes
    for candidate in (path, path.with_name(path.name + ".1")):
        if remaining <= 0 or not candidate.exists():
            continue
        with candidate.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - remaining))
            data = handle.read()
        chunks.insert(0, data)
        remaining -= len(data)
    return redaction.redact(b"".join(chunks).decode("utf-8", errors="replace"))
