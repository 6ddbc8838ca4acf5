"""The review screen: decision key -> next post, a 100,000-item queue, GUI start to first post (demo)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time

from benchmarks.harness import REPO, Row, median, p95, python_cmd


def _probe(what: str) -> dict[str, object]:
    out = subprocess.run([sys.executable, str(REPO / "benchmarks" / "gui_probe.py"), what], check=True,
                         capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _first_post_seconds(runs: int = 5) -> list[float]:
    """Wall time from process start to the first post shown with suggestions (--demo --smoke-test)."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        out = subprocess.run(python_cmd("--demo", "--smoke-test"), capture_output=True, text=True, check=True,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        if re.search(r"first post shown", out.stdout):
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def run() -> list[Row]:
    decide = _probe("decide")["samples_ms"]
    queue = _probe("queue100k")
    first = _first_post_seconds()
    assert isinstance(decide, list)
    return [
        Row(f"decision key -> next post with suggestions, p95 of {len(decide)}", p95(decide), "ms", 50),
        Row("100,000-item queue: first rows shown", float(queue["first_rows_ms"]), "ms", 300),  # type: ignore[arg-type]
        Row("100,000-item queue: sort by a column", float(queue["sort_ms"]), "ms", 200),  # type: ignore[arg-type]
        Row("100,000-item queue: filter by report reason", float(queue["filter_ms"]), "ms", 200),  # type: ignore[arg-type]
        Row("100,000-item queue: peak RSS of the process", float(queue["rss_mb"]), "MB", 400),  # type: ignore[arg-type]
        Row("GUI start to first post (demo, process start, median of 5)", median(first), "ms", 1500,
            note="includes starting the demo platform in-process"),
    ]
