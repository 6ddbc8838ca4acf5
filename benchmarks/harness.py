"""The benchmark table: each bench module yields Rows; run.py prints them beside their bars."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Row:
    name: str
    value: float
    unit: str
    bar: float
    higher_is_better: bool = False
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.value >= self.bar if self.higher_is_better else self.value <= self.bar

    def render(self) -> str:
        relation = "≥" if self.higher_is_better else "≤"
        verdict = "ok" if self.ok else "MISSED"
        figure = f"{self.value:,.1f} {self.unit}"
        bar = f"{relation} {self.bar:,g} {self.unit}"
        return f"{self.name:<64} {figure:>18}   bar {bar:<20} {verdict:<6} {self.note}"


def time_command(argv: Sequence[str], runs: int = 15, env: dict[str, str] | None = None) -> list[float]:
    """Wall-clock milliseconds of whole runs of a command (after one warm-up run)."""
    full_env = {**os.environ, **(env or {})}
    subprocess.run(argv, check=True, capture_output=True, env=full_env)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=full_env)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def p95(samples: Sequence[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def python_cmd(*args: str) -> list[str]:
    return [sys.executable, str(REPO / "main.py"), *args]


def peak_rss_mb() -> float:
    """This process's peak resident memory since it started its current program (VmHWM). ``ru_maxrss`` would
    not do: it keeps its high-water mark across exec, so a child forked from a big benchmark process reports at
    least the parent's size."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


BenchFn = Callable[[], list[Row]]
