"""Read JSONL one line at a time, reporting each bad line on stderr (with its number) and going on.

A line is bad when it is longer than MAX_LINE_BYTES, not UTF-8, not JSON, not an object, or when the
command's own check refuses it. Lines are read with a length limit, so a huge line never sits in memory whole.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import IO, Any

MAX_LINE_BYTES = 1_000_000
MAX_TEXT_CHARS = 100_000
_CHUNK = 1 << 16


class LineError(ValueError):
    """Raised by a command's per-line check; the message says what is wrong with the line."""


class BadLines:
    """Counts and prints the bad lines: ``PROG: line N: reason``."""

    def __init__(self, prog: str, stream: IO[str] | None = None) -> None:
        self.prog = prog
        self.stream = stream or sys.stderr
        self.count = 0

    def report(self, number: int, reason: str) -> None:
        self.count += 1
        self.stream.write(f"{self.prog}: line {number}: {reason}\n")
        self.stream.flush()


def _read_line(stream: IO[bytes]) -> tuple[bytes, bool] | None:
    """The next line without its newline, and whether it was cut at MAX_LINE_BYTES (the rest is skipped)."""
    line = stream.readline(MAX_LINE_BYTES + 1)
    if not line:
        return None
    if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
        while True:
            rest = stream.readline(_CHUNK)
            if not rest or rest.endswith(b"\n"):
                break
        return line, True
    return line.rstrip(b"\r\n"), False


def json_objects(stream: IO[bytes], bad: BadLines) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for every good line; blank lines are skipped silently."""
    number = 0
    while (read := _read_line(stream)) is not None:
        number += 1
        raw, too_long = read
        if too_long:
            bad.report(number, f"line longer than {MAX_LINE_BYTES:,} bytes; skipped")
            continue
        if not raw.strip():
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad.report(number, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at byte {exc.start + 1})")
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            bad.report(number, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            bad.report(number, "JSON nested too deeply")
            continue
        if not isinstance(value, dict):
            bad.report(number, f"expected a JSON object, got {type(value).__name__}")
            continue
        yield number, value


def post_text(value: dict[str, Any]) -> str:
    """The ``text`` field, checked: present, a string, not blank, not too long, valid Unicode."""
    text = value.get("text")
    if text is None:
        raise LineError("missing 'text'")
    if not isinstance(text, str):
        raise LineError(f"'text' must be a string, not {type(text).__name__}")
    if not text.strip():
        raise LineError("'text' is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise LineError(f"'text' has {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise LineError(f"'text' holds an unpaired surrogate at character {exc.start + 1}") from None
    return text


def report_reasons(value: dict[str, Any]) -> tuple[str, ...]:
    """``reports``: a list of {"reason": code} objects or of bare codes; absent means none."""
    reports = value.get("reports", [])
    if not isinstance(reports, list):
        raise LineError("'reports' must be a list")
    reasons = []
    for report in reports:
        reason = report.get("reason") if isinstance(report, dict) else report
        if not isinstance(reason, str):
            raise LineError("each report must be a reason code or an object with a 'reason' string")
        reasons.append(reason)
    return tuple(reasons)
