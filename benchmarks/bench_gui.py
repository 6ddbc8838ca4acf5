"""The review screen: decision key -> next post, a 100,000-item queue, GUI start to first post (demo)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from benchmarks.harness import REPO, Row, median, p95, python_cmd


def _probe(what: str) -> dict[str, object]:
    out = subprocess.run([sys.executable, str(REPO / "benchmarks" / "gui_probe.py"), what], check=True,
                         capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def smoke_test_times(command: list[str], runs: int = 5,
                     env: dict[str, str] | None = None) -> tuple[list[float], list[float]]:
    """Milliseconds from process start to the window shown and to the first post with suggestions, as the
    application itself reports them under --demo --smoke-test (its exit, which waits for work in flight, is not
    part of start-up)."""
    window, first = [], []
    for _ in range(runs):
        out = subprocess.run(command, capture_output=True, text=True, check=True,
                             env={**os.environ, **(env or {}), "QT_QPA_PLATFORM": "offscreen"})
        shown = re.search(r"window shown after ([0-9.]+) s", out.stdout)
        post = re.search(r"first post shown with suggestions after ([0-9.]+) s", out.stdout)
        if shown and post:
            window.append(float(shown.group(1)) * 1000)
            first.append(float(post.group(1)) * 1000)
    return window, first


def run() -> list[Row]:
    decide = _probe("decide")["samples_ms"]
    queue = _probe("queue100k")
    window, first = smoke_test_times(python_cmd("--demo", "--smoke-test"))
    assert isinstance(decide, list)
    return [
        Row(f"decision key -> next post with suggestions, p95 of {len(decide)}", p95(decide), "ms", 50),
        Row("100,000-item queue: first rows shown", float(queue["first_rows_ms"]), "ms", 300),  # type: ignore[arg-type]
        Row("100,000-item queue: sort by a column", float(queue["sort_ms"]), "ms", 200),  # type: ignore[arg-type]
        Row("100,000-item queue: filter by report reason", float(queue["filter_ms"]), "ms", 200),  # type: ignore[arg-type]
        Row("100,000-item queue: peak RSS of the process", float(queue["rss_mb"]), "MB", 400),  # type: ignore[arg-type]
        Row("GUI window shown (process start, median of 5)", median(window), "ms", 1500),
        Row("GUI start to first post (demo, process start, median of 5)", median(first), "ms", 1500,
            note="includes starting the demo platform"),
    ]
