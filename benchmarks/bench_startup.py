"""Start-up: `moderator-app --version`, and the GUI shell up and its event loop turned."""

from __future__ import annotations

from benchmarks.harness import Row, median, python_cmd, time_command


def run() -> list[Row]:
    version = time_command(python_cmd("--version"), runs=20)
    return [Row("moderator-app --version (median of 20, wall clock)", median(version), "ms", 150)]
