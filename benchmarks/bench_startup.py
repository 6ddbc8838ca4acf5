"""Start-up: `moderator-app --version`, and the GUI shell up and its event loop turned."""

from __future__ import annotations

from benchmarks.harness import Row, median, python_cmd, time_command


def run() -> list[Row]:
    version = time_command(python_cmd("--version"), runs=20)
    gui = time_command(python_cmd("--demo", "--smoke-test"), runs=5, env={"QT_QPA_PLATFORM": "offscreen"})
    return [
        Row("moderator-app --version (median of 20, wall clock)", median(version), "ms", 150),
        Row("GUI window shown (--demo --smoke-test, offscreen, median of 5)", median(gui), "ms", 1500),
    ]
